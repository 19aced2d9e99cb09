/*
 * The group-by, like datamash: the group table, rows read into it (hashed,
 * or one group at a time with --sorted), facts or --partial state, and
 * its output (acc.c holds what each operation does).  Nothing here knows
 * the domain; the default operations ask domain.c whether a group is a
 * rate and what it covers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "diag.h"
#include "xalloc.h"

static struct group *find_group(struct gtab *, const char *, size_t);
static void write_result(struct gtab *, struct domain *, struct csvout *,
	const struct group *, struct buf *);
static void write_header(const struct gtab *, struct csvout *, struct buf *);
static const char *key_at(const struct group *, long);
static int cmp_groups(const void *, const void *);
static struct span make_key(struct gtab *, struct csvin *);
static int parse_values(struct gtab *, struct csvin *, struct dec *, int *);
static void write_group(struct gtab *, struct domain *, struct csvout *,
	const struct group *, struct buf *);
static int take_values(struct gtab *, struct csvin *);
static void fold_values(struct gtab *, struct group *, struct csvin *);
static int take_state(struct gtab *, struct csvin *);
static void fold_state(struct gtab *, struct group *, struct csvin *);
static long key_pos(const struct opts *, const char *, int);

/* The group of a key, made (in the arena) when it is new. */
static struct group *
find_group(struct gtab *t, const char *key, size_t n)
{
	uint64_t h = htab_hash(key, n);
	struct group *g = (struct group *)htab_find(&t->tab, key, n, h);

	if (g != NULL)
		return g;
	g = arena_alloc(&t->ar, sizeof(*g) + t->o->nops * sizeof(struct acc));
	g->k.key = arena_dup(&t->ar, key, n);
	g->k.keylen = n;
	g->k.hash = h;
	htab_add(&t->tab, &g->k);
	if (t->nall == t->capall) {
		t->capall = t->capall == 0 ? 1024 : t->capall * 2;
		t->all = xreallocarray(t->all, t->capall, sizeof(*t->all));
	}
	t->all[t->nall++] = g;
	return g;
}

/* Key field i of a group (i < 0: NULL). */
static const char *
key_at(const struct group *g, long i)
{
	const char *p = g->k.key;

	if (i < 0)
		return NULL;
	while (i-- > 0)
		p += strlen(p) + 1;
	return p;
}

static void
write_result(struct gtab *t, struct domain *dom, struct csvout *out,
    const struct group *g, struct buf *tmp)
{
	const struct opts *o = t->o;
	int rate = o->defaults && dom_is_rate(dom, key_at(g, t->k_ind),
	    key_at(g, t->k_unit));
	const struct strset *set;
	size_t i;

	for (i = 0; i < o->nops; i++)
		acc_write_result(out, &g->acc[i], o->ops[i].def->op, rate, tmp);
	if (!o->defaults)
		return;
	set = t->o_reps >= 0 ? &g->acc[t->o_reps].set : NULL;
	dom_coverage(dom, out, key_at(g, t->k_prov), key_at(g, t->k_period),
	    set == NULL ? NULL : (const char *const *)set->v,
	    set == NULL ? 0 : set->n, NULL);
}

static int
cmp_groups(const void *a, const void *b)
{
	const struct group *x = *(struct group *const *)a;
	const struct group *y = *(struct group *const *)b;
	size_t n = x->k.keylen < y->k.keylen ? x->k.keylen : y->k.keylen;
	int c = memcmp(x->k.key, y->k.key, n);

	if (c != 0)
		return c;
	return x->k.keylen < y->k.keylen ? -1 : x->k.keylen > y->k.keylen;
}

void
gb_sort(struct gtab *t)
{
	if (t->nall > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(t->all, t->nall, sizeof(*t->all), cmp_groups);
}

/* The keys, then each operation's column: its result ("sum_value") or
 * its state ("sum:value"). */
static void
write_header(const struct gtab *t, struct csvout *out, struct buf *tmp)
{
	const struct opts *o = t->o;
	size_t k;

	if (o->partial)
		csvout_str(out, "baocao_partial");
	for (k = 0; k < o->nkeys; k++)
		csvout_str(out, o->keys[k]);
	for (k = 0; k < o->nops; k++) {
		if (o->partial) {
			buf_clear(tmp);
			buf_adds(tmp, o->ops[k].def->name);
			if (o->ops[k].col != NULL)
				buf_printf(tmp, ":%s", o->ops[k].col);
			csvout_field(out, tmp->p, tmp->n);
		} else {
			csvout_str(out, o->ops[k].outname);
		}
	}
	if (o->defaults && !o->partial) {
		csvout_str(out, "units_covered");
		csvout_str(out, "units_total");
	}
	csvout_end(out);
}

/* One group's row: its keys, then its results or its state. */
static void
write_group(struct gtab *t, struct domain *dom, struct csvout *out,
    const struct group *g, struct buf *tmp)
{
	const struct opts *o = t->o;
	const char *p = g->k.key;
	size_t k;

	if (o->partial)
		csvout_str(out, "v1");
	for (k = 0; k < o->nkeys; k++) {
		size_t n = strlen(p);

		csvout_field(out, p, n);
		p += n + 1;
	}
	for (k = 0; o->partial && k < o->nops; k++)
		acc_write_state(out, &g->acc[k], o->ops[k].def->op, tmp);
	if (!o->partial)
		write_result(t, dom, out, g, tmp);
	csvout_end(out);
	t->written++;
}

void
gb_write(struct gtab *t, struct domain *dom, struct csvout *out)
{
	struct buf tmp = { 0 };
	size_t i;

	write_header(t, out, &tmp);
	gb_sort(t);
	for (i = 0; i < t->nall; i++)
		write_group(t, dom, out, t->all[i], &tmp);
	buf_free(&tmp);
}

/* The row's key fields joined by NUL (borrowed: the record's bytes when
 * the keys lie side by side there, else t->key). */
static struct span
make_key(struct gtab *t, struct csvin *in)
{
	struct span key;
	size_t k;

	if (t->kseq)
		return csvin_fields(in, (size_t)t->kidx[0], t->o->nkeys);
	buf_clear(&t->key);
	for (k = 0; k < t->o->nkeys; k++) {
		struct span s = csvin_field(in, (size_t)t->kidx[k]);

		buf_add(&t->key, s.p, s.n + 1);
	}
	key.p = t->key.p;
	key.n = t->key.n;
	return key;
}

/*
 * Parses each numeric column of the row once, before any group is
 * touched: vals[k] with ok[k] set, or ok[k] clear for an empty value.
 * 0 when a value is not a number and --skip-bad skips the row.
 */
static int
parse_values(struct gtab *t, struct csvin *in, struct dec *vals, int *ok)
{
	const struct opts *o = t->o;
	size_t k;

	for (k = 0; k < o->nops; k++) {
		struct span v;
		int e;

		ok[k] = 0;
		if (!o->ops[k].def->numeric)
			continue;
		if (t->same[k] != k) {
			vals[k] = vals[t->same[k]];
			ok[k] = ok[t->same[k]];
			continue;
		}
		v = csvin_field(in, (size_t)t->oidx[k]);
		if (v.n == 0) {
			t->empty++;
			continue;
		}
		e = dec_parse(&vals[k], v.p, v.n);
		if (e != DEC_OK) {
			if (!o->skip_bad)
				die_at(2, csvin_name(in), csvin_line(in),
				    "column '%s': '%.*s': %s", o->ops[k].col,
				    (int)(v.n > 60 ? 60 : v.n), v.p,
				    diag_text(dec_strerror(e)));
			warn_at(csvin_name(in), csvin_line(in),
			    "column '%s': '%.*s' skipped: %s", o->ops[k].col,
			    (int)(v.n > 60 ? 60 : v.n), v.p,
			    diag_text(dec_strerror(e)));
			t->skipped++;
			return 0;
		}
		ok[k] = 1;
	}
	return 1;
}

/*
 * A row of facts: its numeric values parsed (parse_values); 0 when the row
 * is skipped.
 */
static int
take_values(struct gtab *t, struct csvin *in)
{
	t->rows++;
	return parse_values(t, in, t->vals, t->ok);
}

/* Folds a row of facts into its group. */
static void
fold_values(struct gtab *t, struct group *g, struct csvin *in)
{
	const struct opts *o = t->o;
	size_t k;

	for (k = 0; k < o->nops; k++) {
		const struct opspec *s = &o->ops[k];
		struct span text = { "", 0 };

		if (s->def->numeric && !t->ok[k])
			continue;
		if (!s->def->numeric && s->def->needs_col && t->oidx[k] >= 0)
			text = csvin_field(in, (size_t)t->oidx[k]);
		acc_add(&t->texts, &g->acc[k], s->def->op, &t->vals[k], text);
	}
}

/* A row of --partial state; 0 for a header repeated where partial
 * outputs were concatenated into one stream. */
static int
take_state(struct gtab *t, struct csvin *in)
{
	struct span tag = csvin_field(in, 0);

	if (span_eq(tag, "baocao_partial"))
		return 0;
	t->rows++;
	if (!span_eq(tag, "v1"))
		die_at(2, csvin_name(in), csvin_line(in),
		    "not a baocao-aggregate --partial row");
	return 1;
}

/* Merges a row of state into its group. */
static void
fold_state(struct gtab *t, struct group *g, struct csvin *in)
{
	const struct opts *o = t->o;
	size_t k;

	for (k = 0; k < o->nops; k++)
		if (acc_read_state(&t->texts, &g->acc[k], o->ops[k].def->op,
		    csvin_field(in, (size_t)t->oidx[k])) != 0)
			die_at(2, csvin_name(in), csvin_line(in),
			    "column '%s:%s': malformed partial state",
			    o->ops[k].def->name,
			    o->ops[k].col == NULL ? "" : o->ops[k].col);
}

void
gb_read(struct gtab *t, struct csvin *in)
{
	struct span key;

	while (csvin_next(in)) {
		if (!t->take(t, in))
			continue;
		key = make_key(t, in);
		t->fold(t, find_group(t, key.p, key.n), in);
	}
}

/* Bytewise, field by field (NUL sorts first, so memcmp agrees). */
static int
keycmp(const char *a, size_t na, const char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);

	if (c != 0)
		return c;
	return na < nb ? -1 : na > nb;
}

/* Key fields as "a,b,c" in out, for messages. */
static const char *
show_key(struct buf *out, const char *key, size_t nkeys)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < nkeys; i++) {
		if (i > 0)
			buf_addc(out, ',');
		csvout_quote(out, key, strlen(key));
		key += strlen(key) + 1;
	}
	return out->p == NULL ? "" : out->p;
}

/* Empties a group's accumulators for the next group. */
static void
reset_group(const struct gtab *t, struct group *g)
{
	size_t k;

	for (k = 0; k < t->o->nops; k++)
		if (t->o->ops[k].def->op == OP_COUNTUNIQUE)
			strset_free(&g->acc[k].set);
	memset(g->acc, 0, t->o->nops * sizeof(struct acc));
}

/* --sorted: the row's key begins a group after the one in cur (whose key
 * was read at file:line); dies when it comes before it. */
static void
check_order(struct gtab *t, struct csvin *in, struct span key,
    const struct buf *cur, const char *file, size_t line)
{
	struct buf a = { 0 }, b = { 0 };

	if (keycmp(key.p, key.n, cur->p, cur->n) > 0)
		return;
	die_at(2, csvin_name(in), csvin_line(in), "input not sorted by key "
	    "(--sorted): '%s' after '%s' (%s:%zu); sort it or drop --sorted",
	    show_key(&a, key.p, t->o->nkeys), show_key(&b, cur->p,
	    t->o->nkeys), file, line);
}

void
gb_stream(struct gtab *t, struct domain *dom, struct csvin *in,
    struct csvout *out)
{
	struct group *g = xcalloc(1, sizeof(*g) +
	    t->o->nops * sizeof(struct acc));
	struct buf cur = { 0 }, tmp = { 0 };
	const char *file = NULL;
	size_t line = 0;
	struct span key;

	write_header(t, out, &tmp);
	while (csvin_next(in)) {
		if (!t->take(t, in))
			continue;
		key = make_key(t, in);
		if (file == NULL || key.n != cur.n ||
		    memcmp(key.p, cur.p, key.n) != 0) {
			if (file != NULL) {
				check_order(t, in, key, &cur, file, line);
				write_group(t, dom, out, g, &tmp);
				reset_group(t, g);
				/* its texts are no group's now */
				htab_clear(&t->texts.tab);
				arena_clear(&t->texts.ar);
			}
			buf_clear(&cur);
			buf_add(&cur, key.p, key.n);
			g->k.key = cur.p;
			g->k.keylen = cur.n;
		}
		file = csvin_name(in);
		line = csvin_line(in);
		t->fold(t, g, in);
	}
	if (file != NULL)
		write_group(t, dom, out, g, &tmp);
	reset_group(t, g);
	free(g);
	buf_free(&cur);
	buf_free(&tmp);
}

/* The position of a key name: the first or the last of them; -1. */
static long
key_pos(const struct opts *o, const char *name, int last)
{
	long i, at = -1;

	for (i = 0; i < (long)o->nkeys; i++)
		if (strcmp(o->keys[i], name) == 0) {
			at = i;
			if (!last)
				break;
		}
	return at;
}

void
gb_columns(struct gtab *t, const struct opts *o, struct csvin *in)
{
	struct buf name = { 0 };
	size_t k, j;

	t->o = o;
	t->kidx = xcalloc(o->nkeys, sizeof(*t->kidx));
	t->oidx = xcalloc(o->nops, sizeof(*t->oidx));
	t->same = xcalloc(o->nops, sizeof(*t->same));
	csvin_require(in, (const char *const *)o->keys, t->kidx, o->nkeys);
	t->kseq = 1;
	for (k = 1; k < o->nkeys; k++)
		t->kseq &= t->kidx[k] == t->kidx[k - 1] + 1;
	for (k = 0; k < o->nops; k++) {
		const struct opspec *s = &o->ops[k];

		if (o->merge) {
			buf_clear(&name);
			buf_adds(&name, s->def->name);
			if (s->col != NULL)
				buf_printf(&name, ":%s", s->col);
			t->oidx[k] = csvin_col(in, name.p);
			if (t->oidx[k] < 0 && csvin_ncols(in) > 0)
				die_at(2, csvin_name(in), 1,
				    "column '%s' missing (is this --partial output "
				    "made with the same -k and -o?)", name.p);
		} else if (s->optional) {
			t->oidx[k] = csvin_col(in, s->col);
		} else if (s->col != NULL) {
			const char *c = s->col;

			csvin_require(in, &c, &t->oidx[k], 1);
		}
	}
	if (o->merge && csvin_ncols(in) > 0 &&
	    csvin_col(in, "baocao_partial") != 0)
		die_at(2, csvin_name(in), 1, "not baocao-aggregate --partial "
		    "output (no baocao_partial column)");
	buf_free(&name);
	for (k = 0; k < o->nops; k++) {
		t->same[k] = k;
		for (j = 0; j < k && o->ops[k].def->numeric; j++)
			if (o->ops[j].def->numeric &&
			    t->oidx[j] == t->oidx[k]) {
				t->same[k] = j;
				break;
			}
	}
	t->take = o->merge ? take_state : take_values;
	t->fold = o->merge ? fold_state : fold_values;
	t->vals = xcalloc(o->nops, sizeof(*t->vals));
	t->ok = xcalloc(o->nops, sizeof(*t->ok));
	t->k_ind = key_pos(o, "indicator", 1);
	t->k_unit = key_pos(o, "unit", 1);
	t->k_prov = key_pos(o, "province_code", 0);
	t->k_period = key_pos(o, "period", 0);
	t->o_reps = -1;
	for (k = 0; k < o->nops; k++)
		if (o->ops[k].def->op == OP_COUNTUNIQUE &&
		    strcmp(o->ops[k].col, "reporter_code") == 0)
			t->o_reps = (long)k;
}

void
gb_free(struct gtab *t)
{
	size_t i, k;

	for (i = 0; i < t->nall; i++)
		for (k = 0; k < t->o->nops; k++)
			if (t->o->ops[k].def->op == OP_COUNTUNIQUE)
				strset_free(&t->all[i]->acc[k].set);
	free(t->all);
	htab_free(&t->tab);
	arena_free(&t->ar);
	htab_free(&t->texts.tab);
	arena_free(&t->texts.ar);
	free(t->kidx);
	free(t->oidx);
	free(t->same);
	free(t->vals);
	free(t->ok);
	buf_free(&t->key);
}
