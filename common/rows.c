/*
 * rows: a table's rows packed in blocks and found by key through an
 * open-addressed index of references (see rows.h).
 */
#include <stdlib.h>
#include <string.h>

#include "htab.h"
#include "rows.h"
#include "xalloc.h"

#define NUM_BYTES 5
#define MAX_BLOCKS (ROWS_MAX / ROWS_BLOCK)

static size_t put_len(unsigned char *, size_t);
static size_t get_len(const unsigned char **);
static char *at(const struct rows *, uint32_t);
static const char *parse(const struct rows *, uint32_t, size_t *, size_t *);
static unsigned char tag_of(uint64_t);
static void index_put(uint32_t *, unsigned char *, size_t, uint64_t,
	uint32_t);
static void index_grow(struct rows *);
static size_t slot_of(const struct rows *, const char *, size_t, uint64_t);
static long long room(struct rows *, size_t);

/* A length in 7-bit groups, the low first, the high bit saying more
 * follows; returns the bytes written (at most 10). */
static size_t
put_len(unsigned char *q, size_t v)
{
	size_t k = 0;

	while (v >= 0x80) {
		q[k++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	q[k++] = (unsigned char)v;
	return k;
}

static size_t
get_len(const unsigned char **q)
{
	size_t v = 0;
	int shift = 0;

	while (**q & 0x80) {
		v |= (size_t)(*(*q)++ & 0x7f) << shift;
		shift += 7;
	}
	return v | (size_t)*(*q)++ << shift;
}

static char *
at(const struct rows *t, uint32_t ref)
{
	return t->block[ref >> ROWS_BLOCK_BITS] + (ref & (ROWS_BLOCK - 1));
}

/* The key of the row at ref, and the lengths of its key and values. */
static const char *
parse(const struct rows *t, uint32_t ref, size_t *klen, size_t *vlen)
{
	const unsigned char *q = (const unsigned char *)at(t, ref) + NUM_BYTES;

	*klen = get_len(&q);
	*vlen = get_len(&q);
	return (const char *)q;
}

static unsigned char
tag_of(uint64_t h)
{
	return (unsigned char)(h >> 56) | 1;
}

static void
index_put(uint32_t *slot, unsigned char *tag, size_t nslot, uint64_t h,
    uint32_t ref)
{
	size_t i = (size_t)h & (nslot - 1);

	while (tag[i] != 0)
		i = (i + 1) & (nslot - 1);
	slot[i] = ref;
	tag[i] = tag_of(h);
}

/* Twice the slots, every row put again (its hash worked out anew). */
static void
index_grow(struct rows *t)
{
	size_t nslot = t->nslot == 0 ? 1024 : t->nslot * 2, i, klen, vlen;
	uint32_t *slot = xreallocarray(NULL, nslot, sizeof(*slot));
	unsigned char *tag = xcalloc(nslot, 1);

	for (i = 0; i < t->nslot; i++)
		if (t->tag[i] != 0) {
			const char *k = parse(t, t->slot[i], &klen, &vlen);

			index_put(slot, tag, nslot, htab_hash(k, klen),
			    t->slot[i]);
		}
	free(t->slot);
	free(t->tag);
	t->slot = slot;
	t->tag = tag;
	t->nslot = nslot;
}

/* The slot of key (hash h): its row's, or the empty one where it goes. */
static size_t
slot_of(const struct rows *t, const char *key, size_t keylen, uint64_t h)
{
	unsigned char tg = tag_of(h);
	size_t i, klen, vlen;

	for (i = (size_t)h & (t->nslot - 1); t->tag[i] != 0;
	    i = (i + 1) & (t->nslot - 1)) {
		const char *k;

		if (t->tag[i] != tg)
			continue;
		k = parse(t, t->slot[i], &klen, &vlen);
		if (klen == keylen && memcmp(k, key, keylen) == 0)
			break;
	}
	return i;
}

/* The reference of need bytes made room for after the last row: in the
 * last block, a new one, or blocks of their own; -1 past ROWS_MAX. */
static long long
room(struct rows *t, size_t need)
{
	size_t b = t->nblock, k = 1;

	if (b > 0 && t->block[b - 1] != NULL &&
	    t->used[b - 1] + need <= ROWS_BLOCK) {
		t->used[b - 1] += need;
		return (long long)((b - 1) << ROWS_BLOCK_BITS | (t->used[b - 1] -
		    need));
	}
	if (need > ROWS_BLOCK)
		k = (need + ROWS_BLOCK - 1) / ROWS_BLOCK;
	if (k > MAX_BLOCKS - b)
		return -1;
	while (t->capblock < b + k) {
		t->capblock = t->capblock == 0 ? 64 : t->capblock * 2;
		t->block = xreallocarray(t->block, t->capblock,
		    sizeof(*t->block));
		t->used = xreallocarray(t->used, t->capblock, sizeof(*t->used));
	}
	t->block[b] = xmalloc(need > ROWS_BLOCK ? need : ROWS_BLOCK);
	t->used[b] = need;
	for (t->nblock = b + 1; t->nblock < b + k; t->nblock++) {
		t->block[t->nblock] = NULL;
		t->used[t->nblock] = 0;
	}
	return (long long)(b << ROWS_BLOCK_BITS);
}

int
rows_put(struct rows *t, const char *key, size_t keylen, const char *vals,
    size_t valslen, uint64_t num, struct rowref *r)
{
	uint64_t h = htab_hash(key, keylen);
	unsigned char head[NUM_BYTES + 20];
	size_t i, n = NUM_BYTES, k;
	long long ref;
	char *p;

	if ((t->count + 1) * 4 > t->nslot * 3)
		index_grow(t);
	i = slot_of(t, key, keylen, h);
	if (t->tag[i] != 0) {
		r->ref = t->slot[i];
		return 1;
	}
	for (k = 0; k < NUM_BYTES; k++)
		head[k] = (unsigned char)(num >> 8 * k);
	n += put_len(head + n, keylen);
	n += put_len(head + n, valslen);
	if ((ref = room(t, n + keylen + valslen)) < 0)
		return -1;
	p = at(t, (uint32_t)ref);
	memcpy(p, head, n);
	memcpy(p + n, key, keylen);
	if (valslen > 0)
		memcpy(p + n + keylen, vals, valslen);
	t->slot[i] = (uint32_t)ref;
	t->tag[i] = tag_of(h);
	t->count++;
	r->ref = (uint32_t)ref;
	return 0;
}

int
rows_find(const struct rows *t, const char *key, size_t keylen,
    struct rowref *r)
{
	size_t i;

	if (t->nslot == 0)
		return 0;
	i = slot_of(t, key, keylen, htab_hash(key, keylen));
	if (t->tag[i] == 0)
		return 0;
	r->ref = t->slot[i];
	return 1;
}

const char *
rows_key(const struct rows *t, struct rowref r)
{
	size_t klen, vlen;

	return parse(t, r.ref, &klen, &vlen);
}

const char *
rows_vals(const struct rows *t, struct rowref r)
{
	size_t klen, vlen;

	return parse(t, r.ref, &klen, &vlen) + klen;
}

uint64_t
rows_num(const struct rows *t, struct rowref r)
{
	const unsigned char *q = (const unsigned char *)at(t, r.ref);
	uint64_t v = 0;
	size_t k;

	for (k = 0; k < NUM_BYTES; k++)
		v |= (uint64_t)q[k] << 8 * k;
	return v;
}

void
rows_set_num(struct rows *t, struct rowref r, uint64_t num)
{
	char *p = at(t, r.ref);
	size_t k;

	for (k = 0; k < NUM_BYTES; k++)
		p[k] = (char)(num >> 8 * k);
}

int
rows_first(const struct rows *t, struct rowref *r)
{
	r->ref = 0;
	return t->nblock > 0;
}

int
rows_next(const struct rows *t, struct rowref *r)
{
	size_t b = r->ref >> ROWS_BLOCK_BITS, klen, vlen;
	const char *k = parse(t, r->ref, &klen, &vlen);
	size_t off = (size_t)(k + klen + vlen - t->block[b]);

	if (off < t->used[b]) {
		r->ref = (uint32_t)(b << ROWS_BLOCK_BITS | off);
		return 1;
	}
	for (b++; b < t->nblock && t->block[b] == NULL; b++)
		;
	r->ref = (uint32_t)(b << ROWS_BLOCK_BITS);
	return b < t->nblock;
}

void
rows_free(struct rows *t)
{
	size_t b;

	for (b = 0; b < t->nblock; b++)
		free(t->block[b]);
	free(t->block);
	free(t->used);
	free(t->slot);
	free(t->tag);
	memset(t, 0, sizeof(*t));
}
