#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "diag.h"
#include "gaz.h"
#include "utf8.h"
#include "xalloc.h"

extern const unsigned char data_units[];
extern const size_t data_units_len;

static char *
dup_span(struct span s)
{
	return xmemdup(s.p, s.n);
}

void
gaz_name_key(struct buf *out, const char *p, size_t n)
{
	static const char *const apos[] = { "'", "\u2019", "\u2018", "\u02bc",
		NULL };
	struct buf b = { 0 };
	size_t i = 0, k;

	while (i < n) {
		for (k = 0; apos[k] != NULL; k++)
			if (n - i >= strlen(apos[k]) &&
			    memcmp(p + i, apos[k], strlen(apos[k])) == 0)
				break;
		if (apos[k] == NULL) {
			buf_addc(&b, p[i++]);
			continue;
		}
		i += strlen(apos[k]);
		if (i < n && p[i] == ' ')
			i++;
	}
	u8_name_key(out, b.p == NULL ? "" : b.p, b.n);
	buf_free(&b);
}

static char *
key_span(struct span s)
{
	struct buf b = { 0 };

	gaz_name_key(&b, s.p, s.n);
	return b.p;
}

static char *
fold_span(struct span s)
{
	struct buf b = { 0 };

	u8_fold(&b, s.p, s.n);
	if (b.p == NULL)
		buf_adds(&b, "");
	return b.p;
}

static int
by_code(const void *a, const void *b)
{
	const struct gaz_unit *x = *(struct gaz_unit *const *)a;
	const struct gaz_unit *y = *(struct gaz_unit *const *)b;
	int c = strcmp(x->code, y->code);

	/* Equal codes keep file order: qsort is not stable, pointers are. */
	return c != 0 ? c : (x < y ? -1 : x > y);
}

static int
by_province(const void *a, const void *b)
{
	const struct gaz_unit *x = *(struct gaz_unit *const *)a;
	const struct gaz_unit *y = *(struct gaz_unit *const *)b;
	int c = strcmp(x->province, y->province);

	return c != 0 ? c : (x < y ? -1 : x > y);
}

static void
index_units(struct gaz *g)
{
	size_t i;

	g->bycode = xreallocarray(NULL, g->n + 1, sizeof(*g->bycode));
	g->members = xreallocarray(NULL, g->n + 1, sizeof(*g->members));
	for (i = 0; i < g->n; i++) {
		g->bycode[i] = &g->u[i];
		if (strcmp(g->u[i].level, "province") != 0)
			g->members[g->nmembers++] = &g->u[i];
	}
	qsort(g->bycode, g->n, sizeof(*g->bycode), by_code);
	qsort(g->members, g->nmembers, sizeof(*g->members), by_province);
}

/* First index in v[0..n) whose field (code or province) is >= key. */
static size_t
lower_bound(struct gaz_unit **v, size_t n, const char *key, int province)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *f = province ? v[mid]->province : v[mid]->code;

		if (strcmp(f, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct gaz *
gaz_load(const char *path)
{
	static const char *cols[] = { "code", "level", "name", "type",
		"parent_code", "province_code", "full_name", "valid_from",
		"valid_to" };
	enum { NC = sizeof(cols) / sizeof(cols[0]) };
	char *paths[1];
	struct gaz *g = xcalloc(1, sizeof(*g));
	struct csvin *in;
	long idx[NC];
	size_t cap = 0;

	if (path == NULL) {
		in = csvin_open_mem("(built-in gazetteer)", data_units,
		    data_units_len);
	} else {
		paths[0] = (char *)path;
		in = csvin_open(paths, 1);
	}
	csvin_require(in, cols, idx, NC);
	while (csvin_next(in)) {
		struct gaz_unit *u;

		if (g->n == cap) {
			cap = cap == 0 ? 16384 : cap * 2;
			g->u = xreallocarray(g->u, cap, sizeof(*g->u));
		}
		u = &g->u[g->n++];
		u->code = dup_span(csvin_field(in, (size_t)idx[0]));
		u->level = dup_span(csvin_field(in, (size_t)idx[1]));
		u->name = dup_span(csvin_field(in, (size_t)idx[2]));
		u->type = dup_span(csvin_field(in, (size_t)idx[3]));
		u->parent = dup_span(csvin_field(in, (size_t)idx[4]));
		u->province = dup_span(csvin_field(in, (size_t)idx[5]));
		u->full_name = dup_span(csvin_field(in, (size_t)idx[6]));
		u->from = dup_span(csvin_field(in, (size_t)idx[7]));
		u->to = dup_span(csvin_field(in, (size_t)idx[8]));
		/* Versions of one unit follow each other and mostly keep their
		 * name and type: their keys are copied, not folded again. */
		if (g->n > 1 && strcmp(u->name, u[-1].name) == 0)
			u->fold_name = xstrdup(u[-1].fold_name);
		else
			u->fold_name = key_span(csvin_field(in, (size_t)idx[2]));
		if (g->n > 1 && strcmp(u->type, u[-1].type) == 0)
			u->fold_type = xstrdup(u[-1].fold_type);
		else
			u->fold_type = fold_span(csvin_field(in, (size_t)idx[3]));
	}
	csvin_close(in);
	index_units(g);
	return g;
}

void
gaz_free(struct gaz *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		struct gaz_unit *u = &g->u[i];

		free(u->code);
		free(u->level);
		free(u->name);
		free(u->type);
		free(u->parent);
		free(u->province);
		free(u->full_name);
		free(u->from);
		free(u->to);
		free(u->fold_name);
		free(u->fold_type);
	}
	free(g->u);
	free(g->bycode);
	free(g->members);
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

/* How many units of level the province has in force on date. */
struct gaz_unit *const *
gaz_province_members(const struct gaz *g, const char *province, size_t *n)
{
	size_t a = lower_bound(g->members, g->nmembers, province, 1), b;

	for (b = a; b < g->nmembers &&
	    strcmp(g->members[b]->province, province) == 0; b++)
		;
	*n = b - a;
	return g->members + a;
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

	for (i = lower_bound(g->bycode, g->n, code, 0);
	    i < g->n && strcmp(g->bycode[i]->code, code) == 0; i++)
		if (gaz_valid(g->bycode[i], date))
			return g->bycode[i];
	return NULL;
}

int
gaz_is_province(const struct gaz *g, const char *code)
{
	size_t i;

	for (i = lower_bound(g->bycode, g->n, code, 0);
	    i < g->n && strcmp(g->bycode[i]->code, code) == 0; i++)
		if (strcmp(g->bycode[i]->level, "province") == 0)
			return 1;
	return 0;
}
