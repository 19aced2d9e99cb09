/*
 * sha256: the SHA-256 digest (FIPS 180-4), which identifies a report by its
 * content: two files with the same digest are the same report.
 */
#ifndef BAOCAO_SHA256_H
#define BAOCAO_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;		/* bytes hashed so far */
	unsigned char blk[64];	/* a partial block */
	size_t nblk;
	/* The compression function: the processor's SHA instructions where
	 * it has them, else portable C. */
	void (*blocks)(uint32_t *h, const unsigned char *p, size_t n);
};

void sha256_init(struct sha256 *);
/* The same, always with the portable C (the unit test compares them). */
void sha256_init_portable(struct sha256 *);
void sha256_add(struct sha256 *, const void *, size_t);
/* Finishes the digest and writes it as 64 lower-case hex digits and a NUL. */
void sha256_hex(struct sha256 *, char out[65]);

#endif
