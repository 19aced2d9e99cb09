/*
 * cover: the units due to report for a province on a date, sorted by
 * code, and a unit found among them (see cover.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cover.h"
#include "xalloc.h"

static int
by_code(const void *a, const void *b)
{
	const struct gaz_unit *x = *(const struct gaz_unit *const *)a;
	const struct gaz_unit *y = *(const struct gaz_unit *const *)b;

	return strcmp(x->code, y->code);
}

const struct gaz_unit **
cover_due(const struct gaz *g, const char *province, const char *date,
    size_t *n)
{
	const struct gaz_unit **v = NULL;
	struct gaz_unit *const *m;
	const char *level;
	size_t i, k, cap = 0;

	*n = 0;
	if (gaz_reporting_units(g, province, date, &level) == 0)
		return NULL;
	m = gaz_province_members(g, province, &k);
	for (i = 0; i < k; i++) {
		const struct gaz_unit *u = m[i];

		if (strcmp(u->level, level) != 0 || !gaz_valid(u, date))
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[(*n)++] = u;
	}
	if (*n > 1)
		qsort(v, *n, sizeof(*v), by_code);
	return v;
}

const struct gaz_unit *
cover_find(const struct gaz_unit **due, size_t n, const char *code)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(due[mid]->code, code);

		if (c == 0)
			return due[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
