/*
 * gaz: the gazetteer loaded (see gaz.h), built in or from a --gazetteer
 * file (gazidx.c), and its units looked up by code on a date, by name or
 * by province; the units that should report for a province on a date,
 * and how many of them a list of reporters covers.
 */
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "diag.h"
#include "gaz.h"
#include "gazidx.h"
#include "utf8.h"
#include "xalloc.h"

/* The field of a unit that an index is ordered by. */
enum key { BY_CODE, BY_PROVINCE, BY_NAME };

static const char *
key_of(const struct gaz_unit *u, enum key k)
{
	return k == BY_CODE ? u->code : k == BY_PROVINCE ? u->province :
	    u->fold_name;
}

/* First index in v[0..n) whose field k is >= key. */
static size_t
lower_bound(struct gaz_unit **v, size_t n, const char *key, enum key k)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(key_of(v[mid], k), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The units of v[0..n) whose field k is key, *m of them. */
static struct gaz_unit *const *
equal_range(struct gaz_unit **v, size_t n, const char *key, enum key k,
    size_t *m)
{
	size_t a = lower_bound(v, n, key, k), b;

	for (b = a; b < n && strcmp(key_of(v[b], k), key) == 0; b++)
		;
	*m = b - a;
	return v + a;
}

/* An index's units as pointers into g->u. */
static struct gaz_unit **
pointers(struct gaz *g, const uint32_t *ix, size_t n)
{
	struct gaz_unit **v = xreallocarray(NULL, n + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = &g->u[ix[i]];
	return v;
}

struct gaz *
gaz_load(const char *path)
{
	struct gaz *g = xcalloc(1, sizeof(*g));
	const struct gazidx *x = &gazidx_builtin;
	size_t i;

	if (path != NULL) {
		char *paths[1] = { (char *)path };
		struct csvin *in = csvin_open(paths, 1);

		x = g->own = gazidx_read(in);
		csvin_close(in);
	}
	g->n = x->n;
	g->u = xreallocarray(NULL, x->n + 1, sizeof(*g->u));
	for (i = 0; i < x->n; i++) {
		const uint32_t *f = x->unit[i];
		struct gaz_unit *u = &g->u[i];

		u->code = x->str + f[GF_CODE];
		u->level = x->str + f[GF_LEVEL];
		u->name = x->str + f[GF_NAME];
		u->type = x->str + f[GF_TYPE];
		u->parent = x->str + f[GF_PARENT];
		u->province = x->str + f[GF_PROVINCE];
		u->full_name = x->str + f[GF_FULL_NAME];
		u->from = x->str + f[GF_FROM];
		u->to = x->str + f[GF_TO];
		u->fold_name = x->str + f[GF_FOLD_NAME];
		u->fold_type = x->str + f[GF_FOLD_TYPE];
	}
	g->bycode = pointers(g, x->bycode, x->n);
	g->members = pointers(g, x->members, x->nmembers);
	g->nmembers = x->nmembers;
	g->byname = pointers(g, x->byname, x->n);
	return g;
}

void
gaz_free(struct gaz *g)
{
	if (g == NULL)
		return;
	free(g->u);
	free(g->bycode);
	free(g->members);
	free(g->byname);
	gazidx_free(g->own);
	free(g);
}

int
gaz_valid(const struct gaz_unit *u, const char *date)
{
	if (u->from[0] != '\0' && strcmp(date, u->from) < 0)
		return 0;
	if (u->to[0] != '\0' && strcmp(date, u->to) >= 0)
		return 0;
	return 1;
}

struct gaz_unit *const *
gaz_province_members(const struct gaz *g, const char *province, size_t *n)
{
	return equal_range(g->members, g->nmembers, province, BY_PROVINCE, n);
}

struct gaz_unit *const *
gaz_by_name(const struct gaz *g, const char *key, size_t *n)
{
	return equal_range(g->byname, g->n, key, BY_NAME, n);
}

static size_t
count_level(const struct gaz *g, const char *province, const char *date,
    const char *level)
{
	struct gaz_unit *const *m;
	size_t i, k, n = 0;

	m = gaz_province_members(g, province, &k);
	for (i = 0; i < k; i++)
		if (strcmp(m[i]->level, level) == 0 && gaz_valid(m[i], date))
			n++;
	return n;
}

size_t
gaz_reporting_units(const struct gaz *g, const char *province,
    const char *date, const char **level)
{
	size_t n = count_level(g, province, date, "district");
	const char *lv = "district";

	if (n == 0) {
		n = count_level(g, province, date, "ward");
		lv = "ward";
	}
	if (level != NULL)
		*level = lv;
	return n;
}

size_t
gaz_coverage(const struct gaz *g, const char *province, const char *date,
    char *const *codes, size_t n, size_t *covered)
{
	const char *level;
	size_t total = gaz_reporting_units(g, province, date, &level), k;

	*covered = 0;
	for (k = 0; k < n; k++) {
		const struct gaz_unit *u = gaz_by_code(g, codes[k], date);

		if (u != NULL && strcmp(u->level, level) == 0 &&
		    strcmp(u->province, province) == 0)
			(*covered)++;
	}
	return total;
}

const struct gaz_unit *
gaz_by_code(const struct gaz *g, const char *code, const char *date)
{
	size_t i;

	for (i = lower_bound(g->bycode, g->n, code, BY_CODE);
	    i < g->n && strcmp(g->bycode[i]->code, code) == 0; i++)
		if (gaz_valid(g->bycode[i], date))
			return g->bycode[i];
	return NULL;
}

int
gaz_is_province(const struct gaz *g, const char *code)
{
	size_t i;

	for (i = lower_bound(g->bycode, g->n, code, BY_CODE);
	    i < g->n && strcmp(g->bycode[i]->code, code) == 0; i++)
		if (strcmp(g->bycode[i]->level, "province") == 0)
			return 1;
	return 0;
}
