/*
 * arena: many small allocations freed together, without a malloc header
 * each (baocao-diff holds a whole table this way).  Memory comes in blocks
 * of at least ARENA_BLOCK bytes; arena_free releases them all.
 */
#ifndef BAOCAO_ARENA_H
#define BAOCAO_ARENA_H

#include <stddef.h>

#define ARENA_BLOCK ((size_t)1 << 20)

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used, cap;
};

/* n bytes, zeroed, aligned for pointers and sizes (not for long double);
 * owned by the arena. */
void *arena_alloc(struct arena *, size_t n);
/* A NUL-terminated copy of p[0..n); owned by the arena. */
char *arena_dup(struct arena *, const void *p, size_t n);
void arena_free(struct arena *);
/* Frees what was allocated, keeping the newest block to allocate from
 * again (for arenas emptied and filled over and over). */
void arena_clear(struct arena *);

#endif
