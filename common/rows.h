/*
 * rows: a table's rows held compactly and found by key (baocao-diff's
 * OLD side in hash mode).
 *
 * A row is a key and values, each fields joined by NUL ("k1\0k2\0",
 * "v1\0v2\0"), and a number the caller keeps with it (a line).  Rows lie
 * one after another in blocks of ROWS_BLOCK bytes, in the order added: five
 * bytes for the number, the two lengths (one byte each below 128), then
 * the bytes of the key and of the values (a row longer than a block has a
 * block of its own).  The index is an open-addressed table of 4-byte
 * references with one byte of each key's hash beside it, at most three
 * quarters full.  So a row costs its bytes, 7 bytes more, and 5 to 13
 * bytes of index: nothing per row is allocated, and nothing is copied as
 * the rows grow.
 *
 * Limits: at most ROWS_MAX bytes of blocks (rows_put says when it is
 * full); numbers below 2^40.  A row is named by a struct rowref; it and
 * the pointers rows_key and rows_vals give are good until the rows are
 * freed.
 */
#ifndef BAOCAO_ROWS_H
#define BAOCAO_ROWS_H

#include <stddef.h>
#include <stdint.h>

#define ROWS_BLOCK_BITS 20
#define ROWS_BLOCK ((size_t)1 << ROWS_BLOCK_BITS)
#define ROWS_MAX ((size_t)UINT32_MAX + 1)
#define ROWS_NUM_MAX (((uint64_t)1 << 40) - 1)

/* A reference is a block's number times ROWS_BLOCK plus the offset in
 * it; a row longer than ROWS_BLOCK takes the numbers of all the blocks
 * it would fill (the first has it, the others are NULL). */
struct rows {
	char **block;
	size_t *used;		/* bytes used in each block */
	size_t nblock, capblock;
	uint32_t *slot;		/* references of the rows */
	unsigned char *tag;	/* 0: empty slot; else a byte of the hash */
	size_t nslot, count;
};

struct rowref {
	uint32_t ref;
};

/*
 * The row with this key, *r: 1 when it was in already (nothing is added),
 * 0 when it is added now with vals and num; -1, adding nothing, when the
 * rows would pass ROWS_MAX bytes.
 */
int rows_put(struct rows *, const char *key, size_t keylen,
	const char *vals, size_t valslen, uint64_t num, struct rowref *r);
/* The row with this key: 1 and *r, or 0. */
int rows_find(const struct rows *, const char *key, size_t keylen,
	struct rowref *r);
const char *rows_key(const struct rows *, struct rowref);
const char *rows_vals(const struct rows *, struct rowref);
uint64_t rows_num(const struct rows *, struct rowref);
void rows_set_num(struct rows *, struct rowref, uint64_t);
/* The rows in the order added: the first, then the one after r; 0 at
 * the end. */
int rows_first(const struct rows *, struct rowref *r);
int rows_next(const struct rows *, struct rowref *r);
void rows_free(struct rows *);

#endif
