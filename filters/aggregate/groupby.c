/*
 * The group-by, like datamash: the operation table, the accumulators, the
 * --partial state written and read back, the group table and its generic
 * output.  Nothing here knows the domain; the default operations ask
 * domain.c whether a group is a rate and what it covers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "diag.h"
#include "xalloc.h"

/* Indexed by enum op; the contracts are struct acc's (aggregate.h). */
static const struct opdef opdefs[OP_N] = {
	[OP_SUM] = { "sum", OP_SUM, 1, 1 },
	[OP_COUNT] = { "count", OP_COUNT, 0, 0 },
	[OP_COUNTUNIQUE] = { "countunique", OP_COUNTUNIQUE, 1, 0 },
	[OP_MIN] = { "min", OP_MIN, 1, 1 },
	[OP_MAX] = { "max", OP_MAX, 1, 1 },
	[OP_MEAN] = { "mean", OP_MEAN, 1, 1 },
	[OP_FIRST] = { "first", OP_FIRST, 1, 0 },
	[OP_LAST] = { "last", OP_LAST, 1, 0 },
};

static struct group *find_group(struct gtab *, const char *, size_t);
static void acc_add(struct acc *, enum op, const struct dec *, struct span);
static void write_state(struct csvout *, const struct acc *, enum op,
	struct buf *);
static int read_set(struct acc *, struct span);
static int read_state(struct acc *, enum op, struct span);
static void write_result(struct gtab *, struct domain *, struct csvout *,
	const struct group *, struct buf *);
static void write_header(const struct gtab *, struct csvout *, struct buf *);
static const char *key_at(const struct group *, long);
static int cmp_groups(const void *, const void *);
static struct span make_key(struct gtab *, struct csvin *);
static int parse_values(struct gtab *, struct csvin *, struct dec *, int *);
static long key_pos(const struct opts *, const char *, int);

const struct opdef *
gb_opdef(const char *name)
{
	size_t k;

	for (k = 0; k < OP_N; k++)
		if (strcmp(opdefs[k].name, name) == 0)
			return &opdefs[k];
	return NULL;
}

const struct opdef *
gb_opdef_of(enum op op)
{
	return &opdefs[op];
}

void
agg_grow(void **v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return;
	*cap = *cap == 0 ? 64 : *cap * 2;
	*v = xreallocarray(*v, *cap, size);
}

void
strset_add(struct strset *s, const char *p, size_t n)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *m = s->v[mid];
		size_t mn = strlen(m);
		int c = memcmp(m, p, mn < n ? mn : n);

		if (c == 0)
			c = mn < n ? -1 : mn > n ? 1 : 0;
		if (c == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 4 : s->cap * 2;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof(*s->v));
	s->v[lo] = xmemdup(p, n);
	s->n++;
}

void
strset_free(struct strset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static struct group *
find_group(struct gtab *t, const char *key, size_t n)
{
	uint64_t h = htab_hash(key, n);
	struct group *g = (struct group *)htab_find(&t->tab, key, n, h);

	if (g != NULL)
		return g;
	g = xcalloc(1, sizeof(*g) + t->o->nops * sizeof(struct acc));
	g->k.key = xmemdup(key, n);
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

/* Folds one value into an accumulator. */
static void
acc_add(struct acc *a, enum op op, const struct dec *x, struct span text)
{
	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (dec_add(&a->d, x) != DEC_OK)
			die(2, "sum overflows %s", dec_strerror(DEC_OVERFLOW));
		a->n++;
		break;
	case OP_COUNT:
		a->n++;
		break;
	case OP_COUNTUNIQUE:
		if (text.n > 0)
			strset_add(&a->set, text.p, text.n);
		break;
	case OP_MIN:
	case OP_MAX:
		if (!a->has || (op == OP_MIN ? dec_cmp(x, &a->d) < 0 :
		    dec_cmp(x, &a->d) > 0))
			a->d = *x;
		a->has = 1;
		break;
	case OP_FIRST:
		if (a->has)
			break;
		/* FALLTHROUGH */
	case OP_LAST:
		free(a->text);
		a->text = xmemdup(text.p, text.n);
		a->has = 1;
		break;
	case OP_N:
		internal_error("no such operation");
	}
}

void
gb_write_dec(struct csvout *out, const struct dec *d, struct buf *tmp)
{
	buf_clear(tmp);
	dec_format(d, tmp);
	csvout_field(out, tmp->p, tmp->n);
}

/* State as text: the inverse of read_state. */
static void
write_state(struct csvout *out, const struct acc *a, enum op op,
    struct buf *tmp)
{
	size_t i;

	buf_clear(tmp);
	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (a->n > 0) {
			dec_format(&a->d, tmp);
			buf_printf(tmp, "/%llu", (unsigned long long)a->n);
		}
		break;
	case OP_COUNT:
		buf_printf(tmp, "%llu", (unsigned long long)a->n);
		break;
	case OP_COUNTUNIQUE:
		for (i = 0; i < a->set.n; i++) {
			if (i > 0)
				buf_addc(tmp, ',');
			csvout_quote(tmp, a->set.v[i], strlen(a->set.v[i]));
		}
		break;
	case OP_MIN:
	case OP_MAX:
		if (a->has)
			dec_format(&a->d, tmp);
		break;
	case OP_FIRST:
	case OP_LAST:
		if (a->has) {
			buf_addc(tmp, '=');
			buf_adds(tmp, a->text);
		}
		break;
	case OP_N:
		internal_error("no such operation");
	}
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
}

/* A countunique state: a CSV-quoted list, split with a tiny scanner. */
static int
read_set(struct acc *a, struct span s)
{
	size_t i = 0;
	struct buf item = { 0 };

	while (i < s.n) {
		buf_clear(&item);
		if (s.p[i] == '"') {
			i++;
			for (;;) {
				if (i >= s.n) {
					buf_free(&item);
					return -1;
				}
				if (s.p[i] == '"') {
					if (i + 1 < s.n && s.p[i + 1] == '"') {
						buf_addc(&item, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				buf_addc(&item, s.p[i++]);
			}
		} else {
			while (i < s.n && s.p[i] != ',')
				buf_addc(&item, s.p[i++]);
		}
		if (item.n > 0)
			strset_add(&a->set, item.p, item.n);
		if (i < s.n && s.p[i++] != ',') {
			buf_free(&item);
			return -1;
		}
	}
	buf_free(&item);
	return 0;
}

/* Merges one state field into an accumulator; -1 if malformed. */
static int
read_state(struct acc *a, enum op op, struct span s)
{
	struct dec x;
	const char *slash;
	char *end;
	unsigned long long n;

	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (s.n == 0)
			return 0;
		slash = memchr(s.p, '/', s.n);
		if (slash == NULL ||
		    dec_parse(&x, s.p, (size_t)(slash - s.p)) != DEC_OK)
			return -1;
		errno = 0;
		n = strtoull(slash + 1, &end, 10);
		if (end != s.p + s.n || errno != 0 || n == 0)
			return -1;
		if (dec_add(&a->d, &x) != DEC_OK)
			die(2, "sum overflows %s", dec_strerror(DEC_OVERFLOW));
		a->n += n;
		return 0;
	case OP_COUNT:
		errno = 0;
		n = strtoull(s.p, &end, 10);
		if (s.n == 0 || end != s.p + s.n || errno != 0)
			return -1;
		a->n += n;
		return 0;
	case OP_COUNTUNIQUE:
		return read_set(a, s);
	case OP_MIN:
	case OP_MAX:
		if (s.n == 0)
			return 0;
		if (dec_parse(&x, s.p, s.n) != 0)
			return -1;
		acc_add(a, op, &x, s);
		return 0;
	case OP_FIRST:
	case OP_LAST:
		if (s.n == 0)
			return 0;
		if (s.p[0] != '=')
			return -1;
		s.p++;
		s.n--;
		acc_add(a, op, NULL, s);
		return 0;
	case OP_N:
		break;
	}
	return -1;
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

	for (i = 0; i < o->nops; i++) {
		const struct acc *a = &g->acc[i];

		switch (o->ops[i].def->op) {
		case OP_SUM:
			if (a->n > 0 && !rate)
				gb_write_dec(out, &a->d, tmp);
			else
				csvout_str(out, "");
			break;
		case OP_COUNT:
			csvout_ulong(out, a->n);
			break;
		case OP_COUNTUNIQUE:
			csvout_ulong(out, a->set.n);
			break;
		case OP_MIN:
		case OP_MAX:
			if (a->has)
				gb_write_dec(out, &a->d, tmp);
			else
				csvout_str(out, "");
			break;
		case OP_MEAN:
			if (a->n > 0 && !rate) {
				struct dec cnt, q;

				dec_from_u64(&cnt, a->n);
				if (dec_div(&q, &a->d, &cnt, MEAN_PREC) !=
				    DEC_OK)
					die(2, "mean overflows");
				gb_write_dec(out, &q, tmp);
			} else {
				csvout_str(out, "");
			}
			break;
		case OP_FIRST:
		case OP_LAST:
			csvout_str(out, a->has ? a->text : "");
			break;
		case OP_N:
			internal_error("no such operation");
		}
	}
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

void
gb_write(struct gtab *t, struct domain *dom, struct csvout *out)
{
	const struct opts *o = t->o;
	struct buf tmp = { 0 };
	size_t i, k;

	write_header(t, out, &tmp);
	gb_sort(t);
	for (i = 0; i < t->nall; i++) {
		const struct group *g = t->all[i];
		const char *p = g->k.key;

		if (o->partial)
			csvout_str(out, "v1");
		for (k = 0; k < o->nkeys; k++) {
			size_t n = strlen(p);

			csvout_field(out, p, n);
			p += n + 1;
		}
		for (k = 0; o->partial && k < o->nops; k++)
			write_state(out, &g->acc[k], o->ops[k].def->op, &tmp);
		if (!o->partial)
			write_result(t, dom, out, g, &tmp);
		csvout_end(out);
	}
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
				    dec_strerror(e));
			warn_at(csvin_name(in), csvin_line(in),
			    "column '%s': '%.*s' skipped: %s", o->ops[k].col,
			    (int)(v.n > 60 ? 60 : v.n), v.p, dec_strerror(e));
			t->skipped++;
			return 0;
		}
		ok[k] = 1;
	}
	return 1;
}

void
gb_read(struct gtab *t, struct csvin *in)
{
	const struct opts *o = t->o;
	struct dec *vals = xcalloc(o->nops, sizeof(*vals));
	int *ok = xcalloc(o->nops, sizeof(*ok));
	struct span key;
	size_t k;

	while (csvin_next(in)) {
		struct group *g;

		t->rows++;
		if (!parse_values(t, in, vals, ok))
			continue;
		key = make_key(t, in);
		g = find_group(t, key.p, key.n);
		for (k = 0; k < o->nops; k++) {
			const struct opspec *s = &o->ops[k];
			struct span text = { "", 0 };

			if (s->def->numeric && !ok[k])
				continue;
			if (!s->def->numeric && s->def->needs_col &&
			    t->oidx[k] >= 0)
				text = csvin_field(in, (size_t)t->oidx[k]);
			acc_add(&g->acc[k], s->def->op, &vals[k], text);
		}
	}
	free(vals);
	free(ok);
}

void
gb_merge(struct gtab *t, struct csvin *in)
{
	const struct opts *o = t->o;
	struct span key;
	size_t k;

	while (csvin_next(in)) {
		struct group *g;
		struct span tag = csvin_field(in, 0);

		/* Partial outputs concatenated repeat the header. */
		if (span_eq(tag, "baocao_partial"))
			continue;
		t->rows++;
		if (!span_eq(tag, "v1"))
			die_at(2, csvin_name(in), csvin_line(in),
			    "not a baocao-aggregate --partial row");
		key = make_key(t, in);
		g = find_group(t, key.p, key.n);
		for (k = 0; k < o->nops; k++)
			if (read_state(&g->acc[k], o->ops[k].def->op,
			    csvin_field(in, (size_t)t->oidx[k])) != 0)
				die_at(2, csvin_name(in), csvin_line(in),
				    "column '%s:%s': malformed partial state",
				    o->ops[k].def->name,
				    o->ops[k].col == NULL ? "" : o->ops[k].col);
	}
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

	for (i = 0; i < t->nall; i++) {
		struct group *g = t->all[i];

		for (k = 0; k < t->o->nops; k++) {
			strset_free(&g->acc[k].set);
			free(g->acc[k].text);
		}
		free(g->k.key);
		free(g);
	}
	free(t->all);
	htab_free(&t->tab);
	free(t->kidx);
	free(t->oidx);
	free(t->same);
	buf_free(&t->key);
}
