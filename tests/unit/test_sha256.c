/* SHA-256 against the FIPS 180-4 example values. */
#include <stdio.h>
#include <string.h>

#include "sha256.h"
#include "unit.h"

static const char *
hex(const char *s, size_t n, size_t repeat)
{
	static char out[65];
	struct sha256 h;
	size_t i;

	sha256_init(&h);
	for (i = 0; i < repeat; i++)
		sha256_add(&h, s, n);
	sha256_hex(&h, out);
	return out;
}

/*
 * Data fed in pieces gives the digest of it fed whole: every length up to
 * 1,000 bytes of pseudo-random data, in pieces of every size from 1 to 130.
 */
static void
in_pieces(void)
{
	unsigned char data[1000];
	unsigned long x = 88172645463325252UL;
	char a[65], b[65];
	size_t n, piece, i, bad = 0;

	for (i = 0; i < sizeof(data); i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		data[i] = (unsigned char)(x >> 24);
	}
	for (n = 0; n <= sizeof(data); n++) {
		struct sha256 h, p;

		piece = 1 + n % 130;
		sha256_init(&h);
		sha256_init(&p);
		sha256_add(&h, data, n);
		for (i = 0; i < n; i += piece)
			sha256_add(&p, data + i, n - i < piece ? n - i : piece);
		sha256_hex(&h, a);
		sha256_hex(&p, b);
		bad += strcmp(a, b) != 0;
	}
	CHECK(bad == 0);
}

void
test_sha256(void)
{
	static const char two[] =
	    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char big[1000];

	CHECK_STR(hex("", 0, 1),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_STR(hex("abc", 3, 1),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK_STR(hex(two, sizeof(two) - 1, 1),
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* A million "a", fed in pieces that straddle the blocks. */
	memset(big, 'a', sizeof(big));
	CHECK_STR(hex(big, sizeof(big), 1000),
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	in_pieces();
}
