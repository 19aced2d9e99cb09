/*
 * Allocation that cannot fail: on exhaustion or size overflow the program
 * ends with status 2 and a message.  Returned memory belongs to the caller.
 */
#ifndef BAOCAO_XALLOC_H
#define BAOCAO_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
char *xstrdup(const char *);
char *xmemdup(const void *, size_t);	/* NUL-terminated copy of n bytes */

#endif
