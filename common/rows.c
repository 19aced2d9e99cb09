#include <stdlib.h>
#include <string.h>

#include "htab.h"
#include "rows.h"
#include "xalloc.h"

#define NUM_BYTES 5

static size_t put_len(unsigned char *, size_t);
static size_t get_len(const unsigned char **);
static const char *parse(const struct rows *, uint32_t, size_t *, size_t *);
static void index_put(uint32_t *, unsigned char *, size_t, uint64_t,
	uint32_t);
static void index_grow(struct rows *);

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

/* The key of the row at off, and the lengths of its key and values. */
static const char *
parse(const struct rows *t, uint32_t off, size_t *klen, size_t *vlen)
{
	const unsigned char *q = (const unsigned char *)t->p + off + NUM_BYTES;

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
    uint32_t off)
{
	size_t i = (size_t)h & (nslot - 1);

	while (tag[i] != 0)
		i = (i + 1) & (nslot - 1);
	slot[i] = off;
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

/* Appends a row's bytes to t->p; its offset, or -1 when full. */
static long long
append(struct rows *t, const char *key, size_t keylen, const char *vals,
    size_t valslen, uint64_t num)
{
	unsigned char head[NUM_BYTES + 20];
	size_t h = NUM_BYTES, need, k, off = t->n;

	for (k = 0; k < NUM_BYTES; k++)
		head[k] = (unsigned char)(num >> 8 * k);
	h += put_len(head + h, keylen);
	h += put_len(head + h, valslen);
	need = h + keylen + valslen;
	if (need > ROWS_MAX - t->n)
		return -1;
	if (t->n + need > t->cap) {
		size_t cap = t->cap == 0 ? 65536 : t->cap;

		while (cap < t->n + need)
			cap = cap > ROWS_MAX / 2 ? ROWS_MAX : cap * 2;
		t->p = xrealloc(t->p, cap);
		t->cap = cap;
	}
	memcpy(t->p + off, head, h);
	memcpy(t->p + off + h, key, keylen);
	if (valslen > 0)
		memcpy(t->p + off + h + keylen, vals, valslen);
	t->n += need;
	return (long long)off;
}

int
rows_put(struct rows *t, const char *key, size_t keylen, const char *vals,
    size_t valslen, uint64_t num, struct rowref *r)
{
	uint64_t h = htab_hash(key, keylen);
	long long off;
	size_t i;

	if ((t->count + 1) * 4 > t->nslot * 3)
		index_grow(t);
	i = slot_of(t, key, keylen, h);
	if (t->tag[i] != 0) {
		r->off = t->slot[i];
		return 1;
	}
	if ((off = append(t, key, keylen, vals, valslen, num)) < 0)
		return -1;
	t->slot[i] = (uint32_t)off;
	t->tag[i] = tag_of(h);
	t->count++;
	r->off = (uint32_t)off;
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
	r->off = t->slot[i];
	return 1;
}

const char *
rows_key(const struct rows *t, struct rowref r)
{
	size_t klen, vlen;

	return parse(t, r.off, &klen, &vlen);
}

const char *
rows_vals(const struct rows *t, struct rowref r)
{
	size_t klen, vlen;

	return parse(t, r.off, &klen, &vlen) + klen;
}

uint64_t
rows_num(const struct rows *t, struct rowref r)
{
	const unsigned char *q = (const unsigned char *)t->p + r.off;
	uint64_t v = 0;
	size_t k;

	for (k = 0; k < NUM_BYTES; k++)
		v |= (uint64_t)q[k] << 8 * k;
	return v;
}

void
rows_set_num(struct rows *t, struct rowref r, uint64_t num)
{
	size_t k;

	for (k = 0; k < NUM_BYTES; k++)
		t->p[r.off + k] = (char)(num >> 8 * k);
}

int
rows_first(const struct rows *t, struct rowref *r)
{
	r->off = 0;
	return t->n > 0;
}

int
rows_next(const struct rows *t, struct rowref *r)
{
	size_t klen, vlen;
	const char *k = parse(t, r->off, &klen, &vlen);

	r->off = (uint32_t)(k + klen + vlen - t->p);
	return r->off < t->n;
}

void
rows_free(struct rows *t)
{
	free(t->p);
	free(t->slot);
	free(t->tag);
	memset(t, 0, sizeof(*t));
}
