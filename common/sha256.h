/*
 * sha256: the SHA-256 digest (FIPS 180-4), which identifies a report by its
 * content: two files with the same digest are the same report.  Nettle
 * computes it (with the processor's SHA instructions where it has them);
 * this names it for the rest of the code and writes it as hex.
 */
#ifndef BAOCAO_SHA256_H
#define BAOCAO_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	/* Nettle's context, kept opaque so that its names (macros such as
	 * sha256_init) stay out of every file that hashes. */
	union {
		unsigned char bytes[160];
		uint64_t align;
	} ctx;
};

void sha256_init(struct sha256 *);
void sha256_add(struct sha256 *, const void *, size_t);
/* Finishes the digest and writes it as 64 lower-case hex digits and a NUL. */
void sha256_hex(struct sha256 *, char out[65]);

#endif
