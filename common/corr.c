/*
 * corr: an analyst's corrections (see corr.h): the file loaded, checked
 * and indexed by report and line; a document's figures matched by their
 * raw text or value and corrected; the corrections that matched nothing,
 * or whose report is not in the run or is left out of it, named once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "corr.h"
#include "csvin.h"
#include "dec.h"
#include "diag.h"
#include "htab.h"
#include "xalloc.h"

#define NONE SIZE_MAX

/*
 * The corrections, in file order, and three indexes over them: by report
 * and line (the corrections a figure may have: a chain through next_at),
 * by report (a chain through next_rep), and by the whole key (report,
 * line, raw, occurrence: one row per figure).  Slots and keys live in the
 * arena.
 */
struct corr {
	char *file;
	struct corr_fix *v;
	size_t n, cap;
	struct htab at, rep, key;
	struct arena mem;
	struct buf k;		/* a key being built */
};

struct slot {
	struct hkey h;
	size_t first;		/* the chain's first correction */
};

enum { K_REPORT, K_LINE, K_RAW, NKEY };

static const char *const keys[NKEY] = { "report", "line", "raw" };

/* A figure of the input, for matching: its fact's index and occurrences. */
struct cand {
	size_t i, line, occ_raw, occ_val;
	const char *raw;
	const struct dec *value;
};

static size_t
number(const struct corr *c, struct span s, size_t line, const char *what)
{
	size_t i, v = 0;

	for (i = 0; i < s.n; i++) {
		if (s.p[i] < '0' || s.p[i] > '9' || v > CORR_MAX_LINE)
			break;
		v = v * 10 + (size_t)(s.p[i] - '0');
	}
	if (s.n == 0 || i < s.n || v == 0 || v > CORR_MAX_LINE)
		die_at(2, c->file, line, "%s '%.*s%s' is not a number from 1 to %d",
		    what, DIAG_QUOTE(s.p, s.n), CORR_MAX_LINE);
	return v;
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

/* The key of a report and line (line 0: the report alone) in c->k. */
static void
key_of(struct corr *c, const char *report, size_t line)
{
	buf_clear(&c->k);
	buf_adds(&c->k, report);
	if (line > 0) {
		buf_addc(&c->k, '\0');
		buf_add(&c->k, (const char *)&line, sizeof(line));
	}
}

static struct slot *
find_slot(const struct htab *t, const struct buf *k)
{
	return (struct slot *)htab_find(t, k->p, k->n, htab_hash(k->p, k->n));
}

/* The slot of c->k in t, made when new. */
static struct slot *
slot_of(struct corr *c, struct htab *t)
{
	struct slot *s = find_slot(t, &c->k);

	if (s == NULL) {
		s = arena_alloc(&c->mem, sizeof(*s));
		s->h.key = arena_dup(&c->mem, c->k.p, c->k.n);
		s->h.keylen = c->k.n;
		s->h.hash = htab_hash(c->k.p, c->k.n);
		s->first = NONE;
		htab_add(t, &s->h);
	}
	return s;
}

/* Indexes correction i; dies when another row names the same figure. */
static void
index_fix(struct corr *c, size_t i)
{
	struct corr_fix *f = &c->v[i];
	struct slot *s;

	key_of(c, f->report, f->line);
	buf_adds(&c->k, f->raw);
	buf_addc(&c->k, '\0');
	buf_add(&c->k, (const char *)&f->occurrence, sizeof(f->occurrence));
	s = slot_of(c, &c->key);
	if (s->first != NONE)
		die_at(2, c->file, f->csvline, "the same figure as line %zu "
		    "(report '%s', line %zu, '%s', occurrence %zu): a figure has "
		    "one correction", c->v[s->first].csvline, f->report, f->line,
		    f->raw, f->occurrence);
	s->first = i;
	key_of(c, f->report, f->line);
	s = slot_of(c, &c->at);
	f->next_at = s->first;
	s->first = i;
	key_of(c, f->report, 0);
	s = slot_of(c, &c->rep);
	f->next_rep = s->first;
	s->first = i;
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

		if (c->n == c->cap) {
			c->cap = c->cap == 0 ? 64 : c->cap * 2;
			c->v = xreallocarray(c->v, c->cap, sizeof(*c->v));
		}
		f = &c->v[c->n];
		memset(f, 0, sizeof(*f));
		f->csvline = csvin_line(in);
		s = csvin_field(in, (size_t)idx[K_REPORT]);
		f->report = xmemdup(s.p, s.n);
		f->line = number(c, csvin_field(in, (size_t)idx[K_LINE]),
		    f->csvline, "line");
		s = csvin_field(in, (size_t)idx[K_RAW]);
		f->raw = xmemdup(s.p, s.n);
		f->has_rawval = dec_parse(&f->rawval, s.p, s.n) == DEC_OK;
		f->occurrence = occ >= 0 && csvin_field(in, (size_t)occ).n > 0 ?
		    number(c, csvin_field(in, (size_t)occ), f->csvline,
		    "occurrence") : 1;
		what_it_is(c, f, x, in, col);
		index_fix(c, c->n++);
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
	htab_free(&c->at);
	htab_free(&c->rep);
	htab_free(&c->key);
	arena_free(&c->mem);
	buf_free(&c->k);
	free(c);
}

/* The first correction of report (and line, when not 0), or NONE. */
static size_t
first_of(struct corr *c, struct htab *t, const char *report, size_t line)
{
	struct slot *s;

	if (report == NULL)
		return NONE;
	key_of(c, report, line);
	s = find_slot(t, &c->k);
	return s == NULL ? NONE : s->first;
}

/* The correction of doc or path that names the figure as written. */
static struct corr_fix *
find_raw(struct corr *c, const char *doc, const char *path, size_t line,
    const char *raw, size_t occ)
{
	const char *rep[2] = { doc, path };
	size_t r, i;

	for (r = 0; r < 2; r++) {
		if (r == 1 && path != NULL && strcmp(path, doc) == 0)
			break;
		for (i = first_of(c, &c->at, rep[r], line); i != NONE;
		    i = c->v[i].next_at)
			if (c->v[i].occurrence == occ &&
			    strcmp(c->v[i].raw, raw) == 0)
				return &c->v[i];
	}
	return NULL;
}

/* The correction of doc or path that names a figure by its value. */
static struct corr_fix *
find_value(struct corr *c, const char *doc, const char *path, size_t line,
    const struct dec *value, size_t occ)
{
	const char *rep[2] = { doc, path };
	size_t r, i;

	for (r = 0; r < 2; r++) {
		if (r == 1 && path != NULL && strcmp(path, doc) == 0)
			break;
		for (i = first_of(c, &c->at, rep[r], line); i != NONE;
		    i = c->v[i].next_at)
			if (c->v[i].has_rawval && c->v[i].occurrence == occ &&
			    dec_cmp(&c->v[i].rawval, value) == 0)
				return &c->v[i];
	}
	return NULL;
}

const struct corr_fix *
corr_find(struct corr *c, const char *doc, const char *path, size_t line,
    const char *raw, size_t occurrence)
{
	struct corr_fix *f = find_raw(c, doc, path, line, raw, occurrence);

	if (f != NULL)
		f->used = 1;
	return f;
}

const char *
corr_file(const struct corr *c)
{
	return c->file;
}

size_t
corr_count(const struct corr *c)
{
	return c->n;
}

static void
mark_seen(struct corr *c, const char *report)
{
	size_t i;

	for (i = first_of(c, &c->rep, report, 0); i != NONE;
	    i = c->v[i].next_rep)
		c->v[i].seen = 1;
}

/* Orders figures by line, raw text, then place in the document. */
static int
by_raw(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int k;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if ((k = strcmp(x->raw, y->raw)) != 0)
		return k;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Orders figures by line, value, then place in the document. */
static int
by_value(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int k;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if ((k = dec_cmp(x->value, y->value)) != 0)
		return k;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
by_index(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * The figures of d on a line that has a correction, each with its
 * occurrence among the figures written the same way, and among those of
 * the same value, on its line; in document order.  *n is their count.
 */
static struct cand *
candidates(struct corr *c, const char *doc, const char *path,
    const struct facts *d, size_t *n)
{
	struct cand *v = xcalloc(d->n + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < d->n; i++)
		if (first_of(c, &c->at, doc, d->f[i].line) != NONE ||
		    (path != NULL && first_of(c, &c->at, path, d->f[i].line) !=
		    NONE)) {
			v[k].i = i;
			v[k].line = d->f[i].line;
			v[k].raw = d->f[i].raw;
			v[k++].value = &d->f[i].value;
		}
	qsort(v, k, sizeof(*v), by_raw);
	for (i = 0; i < k; i++)
		v[i].occ_raw = i > 0 && v[i - 1].line == v[i].line &&
		    strcmp(v[i - 1].raw, v[i].raw) == 0 ? v[i - 1].occ_raw + 1 : 1;
	qsort(v, k, sizeof(*v), by_value);
	for (i = 0; i < k; i++)
		v[i].occ_val = i > 0 && v[i - 1].line == v[i].line &&
		    dec_cmp(v[i - 1].value, v[i].value) == 0 ?
		    v[i - 1].occ_val + 1 : 1;
	qsort(v, k, sizeof(*v), by_index);
	*n = k;
	return v;
}

static void
apply_one(struct corr *c, const struct lex *x, struct fact *t,
    const struct corr_fix *f)
{
	t->flags |= 1u << FLAG_CORRECTED;
	t->corr_file = c->file;
	t->corr_line = f->csvline;
	if (f->drop) {
		t->flags |= 1u << FLAG_DROPPED;
		t->ind = -1;
		t->rule = NULL;
		return;
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

size_t
corr_apply(struct corr *c, const struct lex *x, const char *doc,
    const char *path, struct facts *d)
{
	struct cand *v;
	const struct corr_fix **by = NULL;
	size_t i, n, applied = 0;

	mark_seen(c, doc);
	if (path != NULL && strcmp(path, doc) != 0)
		mark_seen(c, path);
	v = candidates(c, doc, path, d, &n);
	by = xcalloc(n + 1, sizeof(*by));
	/* As written first, then by value what is not named as written. */
	for (i = 0; i < n; i++) {
		struct corr_fix *f = find_raw(c, doc, path, v[i].line, v[i].raw,
		    v[i].occ_raw);

		if (f != NULL && !f->used) {
			f->used = 1;
			by[i] = f;
		}
	}
	for (i = 0; i < n; i++) {
		struct corr_fix *g = find_value(c, doc, path, v[i].line,
		    v[i].value, v[i].occ_val);

		if (g == NULL || g->used)
			continue;
		g->used = 1;
		if (by[i] == NULL) {
			by[i] = g;
			continue;
		}
		warn_at(c->file, g->csvline, "the figure '%s' on line %zu of report "
		    "'%s' is corrected by line %zu already: correction not applied",
		    v[i].raw, v[i].line, g->report, by[i]->csvline);
	}
	for (i = 0; i < n; i++)
		if (by[i] != NULL) {
			apply_one(c, x, &d->f[v[i].i], by[i]);
			applied++;
		}
	free(by);
	free(v);
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

size_t
corr_warn_unapplied(const struct corr *c, int share)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++) {
		const struct corr_fix *f = &c->v[i];

		if (f->used || (share && !f->seen))
			continue;
		n++;
		if (f->seen)
			warn_at(c->file, f->csvline, "no figure '%s' on line %zu of "
			    "report '%s': correction not applied", f->raw, f->line,
			    f->report);
		else
			warn_at(c->file, f->csvline, "report '%s' is not in the "
			    "input: correction not applied", f->report);
	}
	return n;
}

void
corr_run_report(struct corr *c, const char *doc, const char *path,
    const char *status)
{
	const char *rep[2] = { doc, path };
	size_t r, i;

	for (r = 0; r < 2; r++)
		for (i = first_of(c, &c->rep, rep[r], 0); i != NONE;
		    i = c->v[i].next_rep)
			c->v[i].status = status;
}

size_t
corr_warn_run(const struct corr *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++) {
		const struct corr_fix *f = &c->v[i];

		if (f->status != NULL && strcmp(f->status, "ok") == 0)
			continue;
		n++;
		if (f->status == NULL)
			warn_at(c->file, f->csvline, "report '%s' is not in this "
			    "run: correction not applied", f->report);
		else
			warn_at(c->file, f->csvline, "report '%s' is not read in "
			    "this run (%s): correction not applied", f->report,
			    f->status);
	}
	return n;
}
