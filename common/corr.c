#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corr.h"
#include "csvin.h"
#include "dec.h"
#include "diag.h"
#include "xalloc.h"

struct corr {
	char *file;
	struct corr_fix *v;
	size_t n;
};

enum { K_REPORT, K_LINE, K_RAW, NKEY };

static const char *const keys[NKEY] = { "report", "line", "raw" };

static size_t
number(const struct corr *c, struct span s, size_t line, const char *what)
{
	char *end;
	unsigned long v;
	char tmp[32];

	if (s.n == 0 || s.n >= sizeof(tmp))
		die_at(2, c->file, line, "%s '%.*s' is not a number", what,
		    (int)(s.n > 20 ? 20 : s.n), s.p);
	memcpy(tmp, s.p, s.n);
	tmp[s.n] = '\0';
	v = strtoul(tmp, &end, 10);
	if (*end != '\0' || v == 0)
		die_at(2, c->file, line, "%s '%s' is not a number from 1", what,
		    tmp);
	return (size_t)v;
}

static struct span
opt_field(struct csvin *in, long col)
{
	struct span none = { "", 0 };

	return col < 0 ? none : csvin_field(in, (size_t)col);
}

/* What the row says the figure is. */
static void
what_it_is(struct corr *c, struct corr_fix *f, const struct lex *x,
    struct csvin *in, const long *col)
{
	struct span ind = opt_field(in, col[0]), val = opt_field(in, col[1]),
	    sc = opt_field(in, col[2]);
	size_t line = f->csvline;
	int k;

	f->ind = -1;
	f->scope = -1;
	if (span_eq(ind, "drop"))
		f->drop = 1;
	else if (ind.n > 0) {
		const struct lex_ind *d = lex_find(x, ind.p, ind.n);

		if (d == NULL)
			die_at(2, c->file, line, "unknown indicator '%.*s'",
			    (int)ind.n, ind.p);
		f->ind = d - x->ind;
	}
	if (val.n > 0) {
		if (dec_parse(&f->value, val.p, val.n) != DEC_OK)
			die_at(2, c->file, line, "value '%.*s' is not a decimal "
			    "(write 1642 or 99.5)", (int)(val.n > 40 ? 40 : val.n),
			    val.p);
		f->has_value = 1;
	}
	if (sc.n > 0) {
		for (k = 0; k < SCOPE_N; k++)
			if (span_eq(sc, fact_scope_name[k]))
				break;
		if (k == SCOPE_N)
			die_at(2, c->file, line, "scope '%.*s' is not reporter, sub, "
			    "table-row or table-total", (int)sc.n, sc.p);
		f->scope = k;
	}
	if (!f->drop && f->ind < 0 && !f->has_value && f->scope < 0)
		die_at(2, c->file, line, "the correction says nothing: give an "
		    "indicator, a value, a scope or 'drop'");
}

struct corr *
corr_load(const char *path, const struct lex *x)
{
	struct corr *c = xcalloc(1, sizeof(*c));
	char *paths[1];
	struct csvin *in;
	long idx[NKEY], col[3], occ;

	c->file = xstrdup(path);
	paths[0] = c->file;
	in = csvin_open(paths, 1);
	csvin_require(in, keys, idx, NKEY);
	col[0] = csvin_col(in, "indicator");
	col[1] = csvin_col(in, "value");
	col[2] = csvin_col(in, "scope");
	occ = csvin_col(in, "occurrence");
	while (csvin_next(in)) {
		struct corr_fix *f;
		struct span s;

		c->v = xreallocarray(c->v, c->n + 1, sizeof(*c->v));
		f = &c->v[c->n++];
		memset(f, 0, sizeof(*f));
		f->csvline = csvin_line(in);
		s = csvin_field(in, (size_t)idx[K_REPORT]);
		f->report = xmemdup(s.p, s.n);
		f->line = number(c, csvin_field(in, (size_t)idx[K_LINE]),
		    f->csvline, "line");
		s = csvin_field(in, (size_t)idx[K_RAW]);
		f->raw = xmemdup(s.p, s.n);
		f->occurrence = occ >= 0 && csvin_field(in, (size_t)occ).n > 0 ?
		    number(c, csvin_field(in, (size_t)occ), f->csvline,
		    "occurrence") : 1;
		what_it_is(c, f, x, in, col);
	}
	csvin_close(in);
	return c;
}

void
corr_free(struct corr *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->v[i].report);
		free(c->v[i].raw);
	}
	free(c->v);
	free(c->file);
	free(c);
}

const struct corr_fix *
corr_find(struct corr *c, const char *doc, const char *path, size_t line,
    const char *raw, size_t occurrence)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		struct corr_fix *f = &c->v[i];

		if (f->line == line && f->occurrence == occurrence &&
		    strcmp(f->raw, raw) == 0 && (strcmp(f->report, doc) == 0 ||
		    (path != NULL && strcmp(f->report, path) == 0))) {
			f->used = 1;
			return f;
		}
	}
	return NULL;
}

const char *
corr_file(const struct corr *c)
{
	return c->file;
}

/* How many mentions before f[i] are written as f[i] on its line, plus 1. */
static size_t
occurrence(const struct facts *d, size_t i)
{
	size_t j, k = 1;

	for (j = 0; j < i; j++)
		if (d->f[j].line == d->f[i].line &&
		    strcmp(d->f[j].raw, d->f[i].raw) == 0)
			k++;
	return k;
}

size_t
corr_apply(struct corr *c, const struct lex *x, const char *doc,
    const char *path, struct facts *d)
{
	size_t i, applied = 0;

	for (i = 0; i < d->n; i++) {
		struct fact *t = &d->f[i];
		const struct corr_fix *f = corr_find(c, doc, path, t->line, t->raw,
		    occurrence(d, i));

		if (f == NULL)
			continue;
		applied++;
		t->flags |= 1u << FLAG_CORRECTED;
		t->corr_file = c->file;
		t->corr_line = f->csvline;
		if (f->drop) {
			t->ind = -1;
			t->rule = NULL;
			continue;
		}
		if (f->ind >= 0) {
			t->ind = f->ind;
			t->rule = NULL;
			t->unit_out = x->ind[f->ind].unit;
		}
		if (f->has_value)
			t->value = f->value;
		if (f->scope >= 0)
			t->scope = (enum fact_scope)f->scope;
	}
	return applied;
}

void
corr_warn_unused(const struct corr *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (!c->v[i].used)
			warn_at(c->file, c->v[i].csvline, "no figure '%s' on line "
			    "%zu of report '%s': correction not applied",
			    c->v[i].raw, c->v[i].line, c->v[i].report);
}
