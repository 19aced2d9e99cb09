/*
 * htab: a hash table of byte-string keys (open addressing, linear probing).
 * Items are the caller's structs that begin with a struct hkey; the table
 * stores pointers and never frees items.
 */
#ifndef BAOCAO_HTAB_H
#define BAOCAO_HTAB_H

#include <stddef.h>
#include <stdint.h>

struct hkey {
	char *key;		/* owned by the item */
	size_t keylen;
	uint64_t hash;
};

struct htab {
	struct hkey **slot;
	size_t cap, n;
};

uint64_t htab_hash(const char *, size_t);
/* The item with this key, or NULL. */
struct hkey *htab_find(const struct htab *, const char *, size_t, uint64_t);
/* Adds an item whose key is not yet in the table. */
void htab_add(struct htab *, struct hkey *);
void htab_free(struct htab *);
/* Empties the table, keeping its slots for the next items. */
void htab_clear(struct htab *);

#endif
