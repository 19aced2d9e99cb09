/*
 * arena: many small allocations freed together (see arena.h): blocks of
 * at least ARENA_BLOCK bytes, the newest first, handed out in zeroed,
 * pointer-aligned pieces; cleared down to the newest block, or freed whole.
 */
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "xalloc.h"

struct arena_block {
	struct arena_block *next;
	alignas(max_align_t) unsigned char data[];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	/* Pointers and sizes are the most any user of an arena stores. */
	const size_t al = alignof(void *) > alignof(size_t) ? alignof(void *) :
	    alignof(size_t);
	void *p;

	n = (n + al - 1) & ~(al - 1);
	if (n < a->cap - a->used && a->head != NULL) {
		p = a->head->data + a->used;
	} else {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		struct arena_block *b = xmalloc(sizeof(*b) + cap);

		b->next = a->head;
		a->head = b;
		a->cap = cap;
		a->used = 0;
		p = b->data;
	}
	a->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_dup(struct arena *a, const void *p, size_t n)
{
	char *s = arena_alloc(a, n + 1);

	if (n > 0)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void
arena_clear(struct arena *a)
{
	struct arena_block *keep = a->head;
	size_t cap = a->cap;	/* the newest block's */

	if (keep == NULL)
		return;
	a->head = keep->next;
	arena_free(a);
	a->head = keep;
	keep->next = NULL;
	a->cap = cap;
	a->used = 0;
}

void
arena_free(struct arena *a)
{
	while (a->head != NULL) {
		struct arena_block *b = a->head;

		a->head = b->next;
		free(b);
	}
	a->used = a->cap = 0;
}
