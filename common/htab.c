/*
 * htab: the hash table of byte-string keys (see htab.h): a multiplying
 * hash eight bytes at a time, open addressing with linear probing, the
 * table doubled before it is more than half full.
 */
#include <stdlib.h>
#include <string.h>

#include "htab.h"
#include "xalloc.h"

#define K1 0x9E3779B97F4A7C15ULL
#define K2 0xBF58476D1CE4E5B9ULL

/* Eight bytes at a time, multiplied in; the last few zero-padded; then
 * mixed so that the low bits the table uses depend on every byte. */
uint64_t
htab_hash(const char *p, size_t n)
{
	uint64_t h = n * K1, w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * K1;
		h ^= h >> 32;
	}
	if (n > 0) {
		size_t i;

		for (w = 0, i = 0; i < n; i++)
			w |= (uint64_t)(unsigned char)p[i] << 8 * i;
		h = (h ^ w) * K1;
	}
	h ^= h >> 31;
	h *= K2;
	return h ^ (h >> 29);
}

struct hkey *
htab_find(const struct htab *t, const char *key, size_t n, uint64_t h)
{
	size_t j;
	struct hkey *k;

	if (t->cap == 0)
		return NULL;
	for (j = h & (t->cap - 1); (k = t->slot[j]) != NULL;
	    j = (j + 1) & (t->cap - 1))
		if (k->hash == h && k->keylen == n && memcmp(k->key, key, n) == 0)
			return k;
	return NULL;
}

static void
put(struct hkey **slot, size_t cap, struct hkey *k)
{
	size_t j = k->hash & (cap - 1);

	while (slot[j] != NULL)
		j = (j + 1) & (cap - 1);
	slot[j] = k;
}

void
htab_add(struct htab *t, struct hkey *k)
{
	if ((t->n + 1) * 2 > t->cap) {
		size_t cap = t->cap == 0 ? 1024 : t->cap * 2, i;
		struct hkey **s = xcalloc(cap, sizeof(*s));

		for (i = 0; i < t->cap; i++)
			if (t->slot[i] != NULL)
				put(s, cap, t->slot[i]);
		free(t->slot);
		t->slot = s;
		t->cap = cap;
	}
	put(t->slot, t->cap, k);
	t->n++;
}

void
htab_clear(struct htab *t)
{
	if (t->cap > 0)
		memset(t->slot, 0, t->cap * sizeof(*t->slot));
	t->n = 0;
}

void
htab_free(struct htab *t)
{
	free(t->slot);
	t->slot = NULL;
	t->cap = t->n = 0;
}
