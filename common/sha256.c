/*
 * sha256: the digest by Nettle's SHA-256, under the project's names.
 * Nettle's header renames sha256_init and its kin by macros; they are
 * undone here, after its functions are called by their own names.
 */
#include <assert.h>
#include <nettle/sha2.h>

#undef sha256_init
#undef sha256_update
#undef sha256_digest

#include "sha256.h"

static_assert(sizeof(struct sha256_ctx) <= sizeof(((struct sha256 *)0)->ctx),
    "struct sha256 holds Nettle's context");

static struct sha256_ctx *
ctx(struct sha256 *s)
{
	return (struct sha256_ctx *)(void *)s->ctx.bytes;
}

void
sha256_init(struct sha256 *s)
{
	nettle_sha256_init(ctx(s));
}

void
sha256_add(struct sha256 *s, const void *data, size_t n)
{
	nettle_sha256_update(ctx(s), n, data);
}

void
sha256_hex(struct sha256 *s, char out[65])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t d[SHA256_DIGEST_SIZE];
	int i;

	nettle_sha256_digest(ctx(s), sizeof(d), d);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[64] = '\0';
}
