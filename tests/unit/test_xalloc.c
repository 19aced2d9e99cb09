/* xalloc: allocation that cannot fail; exhaustion and overflow end the
 * program with status 2 and a message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "unit.h"
#include "xalloc.h"

static void
huge_malloc(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	xmalloc(SIZE_MAX);
}

static void
huge_calloc(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	xcalloc(SIZE_MAX / 2, 4);
}

static void
huge_realloc(void *arg)
{
	char *p = xmalloc(8);

	(void)arg;
	diag_init("baocao-t");
	p = xrealloc(p, SIZE_MAX);
	free(p);
}

static void
overflow(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	xreallocarray(NULL, SIZE_MAX / 2 + 1, 2);
}

/* s past the lines AddressSanitizer writes of an allocation it refused
 * ("==pid==WARNING: ... failed to allocate"), which come first. */
static const char *
past_sanitizer(const char *s)
{
	const char *nl;

	while (strncmp(s, "==", 2) == 0 && (nl = strchr(s, '\n')) != NULL)
		s = nl + 1;
	return s;
}

static void
dies(void (*fn)(void *), const char *want)
{
	struct unit_run r;

	unit_fork(&r, fn, NULL);
	CHECK(r.status == 2);
	CHECK_STR(past_sanitizer(r.err), want);
	CHECK_STR(r.out, "");
	unit_done(&r);
}

void
test_xalloc(void)
{
	char want[128], *p, *q;
	int *v;
	size_t i;

	/* Zero bytes is an allocation like any other, freed the same way. */
	p = xmalloc(0);
	CHECK(p != NULL);
	free(p);
	p = xrealloc(NULL, 0);
	CHECK(p != NULL);
	free(p);
	v = xcalloc(0, 0);
	CHECK(v != NULL);
	free(v);
	/* calloc's memory is zeroed; reallocarray keeps what was there */
	v = xcalloc(1000, sizeof(*v));
	for (i = 0; i < 1000 && v[i] == 0; i++)
		;
	CHECK(i == 1000);
	v[999] = 7;
	v = xreallocarray(v, 100000, sizeof(*v));
	CHECK(v[999] == 7);
	v = xreallocarray(v, 0, sizeof(*v));
	CHECK(v != NULL);
	free(v);
	/* copies: NUL-terminated, bytes after a NUL kept */
	p = xstrdup("Phường 7");
	CHECK_STR(p, "Phường 7");
	q = xmemdup("a\0b", 3);
	CHECK(memcmp(q, "a\0b", 3) == 0 && q[3] == '\0');
	free(q);
	q = xmemdup(p, 0);
	CHECK_STR(q, "");
	free(q);
	free(p);

	/* Exhaustion and overflow: status 2, the size in the message. */
	snprintf(want, sizeof(want), "baocao-t: out of memory (%zu bytes)\n",
	    SIZE_MAX);
	dies(huge_malloc, want);
	dies(huge_realloc, want);
	snprintf(want, sizeof(want), "baocao-t: out of memory (%zu x 4 "
	    "bytes)\n", SIZE_MAX / 2);
	dies(huge_calloc, want);
	snprintf(want, sizeof(want), "baocao-t: out of memory (%zu x 2 bytes "
	    "overflows)\n", SIZE_MAX / 2 + 1);
	dies(overflow, want);
}
