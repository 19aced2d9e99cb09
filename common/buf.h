/*
 * buf: a growable byte buffer, and span, a borrowed (pointer, length) text.
 *
 * A buf owns its bytes; buf_free releases them.  The bytes are always
 * followed by a NUL (not counted in n) so they may be handed to C string
 * functions, but nothing relies on that for correctness.
 */
#ifndef BAOCAO_BUF_H
#define BAOCAO_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct span {
	const char *p;
	size_t n;
};

struct buf {
	char *p;
	size_t n;
	size_t cap;
};

void buf_reserve(struct buf *, size_t extra);
void buf_add(struct buf *, const void *, size_t);
void buf_adds(struct buf *, const char *);
void buf_printf(struct buf *, const char *, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *, const char *, va_list)
	__attribute__((format(printf, 2, 0)));
void buf_clear(struct buf *);
void buf_free(struct buf *);

/* Appends one byte (inline: text is often built a byte at a time). */
static inline void
buf_addc(struct buf *b, char c)
{
	if (b->n + 2 > b->cap)
		buf_reserve(b, 1);
	b->p[b->n++] = c;
	b->p[b->n] = '\0';
}

static inline struct span
span_of(const char *s)
{
	struct span sp = { s, strlen(s) };
	return sp;
}

static inline int
span_eq(struct span a, const char *s)
{
	size_t n = strlen(s);
	return a.n == n && memcmp(a.p, s, n) == 0;
}

#endif
