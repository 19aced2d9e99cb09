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
}
