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

static char *
key_span(struct span s)
{
	struct buf b = { 0 };

	u8_name_key(&b, s.p, s.n);
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
		u->fold_name = key_span(csvin_field(in, (size_t)idx[2]));
		u->fold_type = fold_span(csvin_field(in, (size_t)idx[3]));
	}
	csvin_close(in);
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

size_t
gaz_count_districts(const struct gaz *g, const char *province,
    const char *date)
{
	size_t i, n = 0;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->u[i].level, "district") == 0 &&
		    strcmp(g->u[i].province, province) == 0 &&
		    gaz_valid(&g->u[i], date))
			n++;
	return n;
}

const struct gaz_unit *
gaz_by_code(const struct gaz *g, const char *code, const char *date)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->u[i].code, code) == 0 && gaz_valid(&g->u[i], date))
			return &g->u[i];
	return NULL;
}
