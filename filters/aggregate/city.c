/*
 * The city table: each unit's figure per period (a group of the table
 * made with city_keys and city_ops), the periods those figures imply
 * (derive.h), rates recomputed from their summed parts, and for every row
 * its coverage and the units missing; --units writes the units' figures
 * instead, --findings what the period algebra found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "derive.h"
#include "diag.h"
#include "xalloc.h"

#define MAX_FIGS 78		/* distinct periods of one year: 12 * 13 / 2 */

const char *const city_keys[CK_N] = {
	[CK_PROV] = "province_code",
	[CK_PERIOD] = "period",
	[CK_IND] = "indicator",
	[CK_UNIT] = "unit",
	[CK_REP] = "reporter_code",
};

/* The default operations, and the first doc and line of each figure. */
const struct city_op city_ops[CA_N] = {
	[CA_SUM] = { OP_SUM, "value", 0 },
	[CA_COUNT] = { OP_COUNT, NULL, 0 },
	[CA_UNIQ] = { OP_COUNTUNIQUE, "reporter_code", 0 },
	[CA_MIN] = { OP_MIN, "value", 0 },
	[CA_MAX] = { OP_MAX, "value", 0 },
	[CA_MEAN] = { OP_MEAN, "value", 0 },
	[CA_DOC] = { OP_FIRST, "doc", 1 },
	[CA_LINE] = { OP_FIRST, "line", 1 },
};

/* Which figure: province, period, indicator, unit, and for a unit's
 * figure its reporter (a city row's is NULL).  Borrowed. */
struct fkey {
	const char *prov, *period, *ind, *unit, *rep;
};

/* One unit's figure for one period, stated (a group) or derived. */
struct ufig {
	struct fkey k;
	char *own;		/* a derived figure's period (owned) */
	const struct group *g;	/* the stated figure's group; NULL: derived */
	struct dec v;
	int has;		/* v is the unit's figure */
	int conflict;		/* a rate stated with two values */
};

/* A ratio of summed parts for one province, period and rate. */
struct ratio {
	const char *prov, *period, *id, *num, *den;
	struct strset cover;	/* the units that have both parts */
	struct dec nsum, dsum, v;
	int derived, used, ok;
};

/* One row of the city table. */
struct crow {
	struct fkey k;
	struct dec sum, min, max;
	uint64_t nvals, rows;
	const char **reps;	/* reporters with a figure: sorted, borrowed */
	size_t nreps, capreps;
	int has_sum, has_minmax, derived, rate;
	const struct ratio *ratio;
};

/* One making of the table. */
struct cstate {
	struct domain *dom;
	struct city *c;
	struct ufig *uf;
	size_t nuf, capuf;
	struct ratio *rat;
	size_t nrat, caprat;
};

static const char *const city_cols[] = { "province_code", "period",
	"indicator", "unit", "sum_value", "count", "countunique_reporter_code",
	"min_value", "max_value", "mean_value", "units_covered", "units_total",
	"value", "how", "ratio_num", "ratio_den", "flags", "units_missing" };

/*
 * The how column's codes and the flags' names: stable tokens that other
 * programs read by name (baocao-aggregate(1) lists them; their labels
 * are labels.csv's how.CODE and flag.NAME).
 */
enum how { HOW_SUM, HOW_RATIO, HOW_PER_UNIT, HOW_N };
static const char *const how_code[HOW_N] = { "sum", "ratio", "per-unit" };

enum { FLAG_DERIVED, FLAG_CONFLICT, FLAG_N };
static const char *const flag_name[FLAG_N] = { "derived", "conflict" };

/* Field by field: province, period, indicator, unit, and the reporter
 * when with_rep. */
static int
cmp_fkey(const struct fkey *a, const struct fkey *b, int with_rep)
{
	int c;

	if ((c = strcmp(a->prov, b->prov)) != 0 ||
	    (c = strcmp(a->period, b->period)) != 0 ||
	    (c = strcmp(a->ind, b->ind)) != 0 ||
	    (c = strcmp(a->unit, b->unit)) != 0 || !with_rep)
		return c;
	return strcmp(a->rep, b->rep);
}

/* City order: province, period, indicator, unit, reporter. */
static int
cmp_ufig(const void *a, const void *b)
{
	return cmp_fkey(&((const struct ufig *)a)->k,
	    &((const struct ufig *)b)->k, 1);
}

/* One unit's year of one indicator: province, indicator, unit, reporter,
 * year (0: the same). */
static int
cmp_year(const struct fkey *x, const struct fkey *y)
{
	int c;

	if ((c = strcmp(x->prov, y->prov)) != 0 ||
	    (c = strcmp(x->ind, y->ind)) != 0 ||
	    (c = strcmp(x->unit, y->unit)) != 0 ||
	    (c = strcmp(x->rep, y->rep)) != 0)
		return c;
	return strncmp(x->period, y->period, 4);
}

/* Each unit's year of an indicator together, then by period. */
static int
cmp_bucket(const void *a, const void *b)
{
	const struct fkey *x = &(*(struct ufig *const *)a)->k;
	const struct fkey *y = &(*(struct ufig *const *)b)->k;
	int c = cmp_year(x, y);

	return c != 0 ? c : strcmp(x->period, y->period);
}

/* The key fields of a group of the city's group table. */
static void
group_key(const struct group *g, struct fkey *k)
{
	const char *f[CK_N], *p = g->k.key;
	size_t i;

	for (i = 0; i < CK_N; i++, p += strlen(p) + 1)
		f[i] = p;
	k->prov = f[CK_PROV];
	k->period = f[CK_PERIOD];
	k->ind = f[CK_IND];
	k->unit = f[CK_UNIT];
	k->rep = f[CK_REP];
}

/* Each unit group's figure: the sum of a count; a rate's one value. */
static void
city_figures(struct cstate *st, const struct gtab *t)
{
	size_t i;

	st->capuf = t->nall + 1;
	st->uf = xreallocarray(NULL, st->capuf, sizeof(*st->uf));
	for (i = 0; i < t->nall; i++) {
		const struct group *g = t->all[i];
		const struct acc *a = g->acc;
		struct ufig u;

		memset(&u, 0, sizeof(u));
		group_key(g, &u.k);
		u.g = g;
		if (dom_kind(st->dom, u.k.ind, u.k.unit) == IK_RATE) {
			u.has = a[CA_MIN].ext.has &&
			    dec_cmp(&a[CA_MIN].ext.d, &a[CA_MAX].ext.d) == 0;
			u.conflict = a[CA_MIN].ext.has && !u.has;
			u.v = a[CA_MIN].ext.d;
		} else {
			u.has = a[CA_SUM].sum.n > 0;
			u.v = a[CA_SUM].sum.d;
		}
		st->uf[st->nuf++] = u;
	}
}

/* ---- The period algebra ---- */

static char *
dec_text(const struct dec *d)
{
	struct buf b = { 0 };

	dec_format(d, &b);
	return b.p;
}

static const char *
first_text(const struct ufig *u, enum city_acc a)
{
	return u->g != NULL && u->g->acc[a].text.has ? u->g->acc[a].text.s : "";
}

/* A problem derive found in one unit's year, as a finding of the report
 * it is best seen in. */
static void
add_finding(struct cstate *st, const struct derive_problem *p,
    const struct derive_fig *figs, const struct ufig *const *src, size_t n)
{
	struct finding f = { 0 };
	struct buf b = { 0 };
	const struct ufig *at = src[p->a];
	int year = atoi(src[0]->k.period);
	char name[16], other[16];
	size_t i;

	derive_name(year, p->from, p->to, name);
	f.ind = xstrdup(src[0]->k.ind);
	if (p->kind == DERIVE_DECREASE) {
		at = src[p->b];
		f.rule = xstrdup("cumulative-decrease");
		f.expected = dec_text(&figs[p->a].v);
		f.actual = dec_text(&figs[p->b].v);
		derive_name(year, figs[p->b].from, figs[p->b].to, other);
		buf_printf(&b, "%s: %s, less than %s for %s inside it "
		    "(%s line %s)", other, f.actual, f.expected, name,
		    first_text(src[p->a], CA_DOC),
		    first_text(src[p->a], CA_LINE));
	} else {
		f.rule = xstrdup("periods-disagree");
		f.expected = dec_text(&p->expected);
		if (p->kind == DERIVE_DISAGREE) {
			f.actual = dec_text(&figs[p->a].v);
			buf_printf(&b, "%s: %s, but the unit's other reports "
			    "of the year imply %s", name, f.actual, f.expected);
		} else {
			for (i = 1; i < n; i++)	/* the widest period's report */
				if (figs[i].to - figs[i].from >
				    figs[p->a].to - figs[p->a].from)
					at = src[i];
			f.actual = xstrdup("");
			buf_printf(&b, "the unit's reports of the year imply "
			    "%s for %s, below zero", f.expected, name);
		}
	}
	f.doc = xstrdup(first_text(at, CA_DOC));
	f.line = xstrdup(first_text(at, CA_LINE));
	f.detail = b.p;
	agg_grow((void **)&st->c->fnd, st->c->nfnd, &st->c->capfnd,
	    sizeof(*st->c->fnd));
	st->c->fnd[st->c->nfnd++] = f;
}

/* Derives one unit's year of one flow; the figures go to *add. */
static void
derive_bucket(struct cstate *st, struct ufig *const *v, size_t n,
    struct ufig **add, size_t *nadd, size_t *capadd)
{
	struct derive_fig figs[MAX_FIGS], out[DERIVE_NSTD];
	const struct ufig *src[MAX_FIGS];
	struct derive_problem *prob;
	size_t nf = 0, k, i, np;
	int year = 0, from, to;

	if (dom_kind(st->dom, v[0]->k.ind, v[0]->k.unit) != IK_FLOW ||
	    *v[0]->k.rep == '\0')
		return;
	for (i = 0; i < n && nf < MAX_FIGS; i++) {
		if (!v[i]->has || derive_months(v[i]->k.period,
		    strlen(v[i]->k.period), &year, &from, &to) != 0)
			continue;
		for (k = 0; k < nf && (figs[k].from != from ||
		    figs[k].to != to); k++)
			;
		if (k < nf)	/* one period written two ways: the first */
			continue;
		figs[nf].from = from;
		figs[nf].to = to;
		figs[nf].v = v[i]->v;
		src[nf++] = v[i];
	}
	k = derive_year(figs, nf, out, &prob, &np);
	for (i = 0; i < k; i++) {
		struct ufig u = *v[0];
		char name[16];

		derive_name(year, out[i].from, out[i].to, name);
		u.own = xstrdup(name);
		u.k.period = u.own;
		u.g = NULL;
		u.v = out[i].v;
		u.has = 1;
		u.conflict = 0;
		agg_grow((void **)add, *nadd, capadd, sizeof(**add));
		(*add)[(*nadd)++] = u;
	}
	for (i = 0; i < np; i++)
		add_finding(st, &prob[i], figs, src, nf);
	free(prob);
	st->c->derived += k;
}

/* The period algebra over every unit's year of every flow. */
static void
city_derive(struct cstate *st)
{
	struct ufig **v = xreallocarray(NULL, st->nuf + 1, sizeof(*v));
	struct ufig *add = NULL;
	size_t n = st->nuf, nadd = 0, capadd = 0, i, j;

	for (i = 0; i < n; i++)
		v[i] = &st->uf[i];
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_bucket);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && cmp_year(&v[i]->k, &v[j]->k) == 0; j++)
			;
		derive_bucket(st, v + i, j - i, &add, &nadd, &capadd);
	}
	free(v);
	st->capuf = st->nuf + nadd + 1;
	st->uf = xreallocarray(st->uf, st->capuf, sizeof(*st->uf));
	if (nadd > 0)
		memcpy(st->uf + st->nuf, add, nadd * sizeof(*add));
	st->nuf += nadd;
	free(add);
	if (st->nuf > 0)
		qsort(st->uf, st->nuf, sizeof(*st->uf), cmp_ufig);
}

/* ---- Rates from their parts ---- */

static const struct ufig *
uf_find(const struct cstate *st, const struct fkey *k)
{
	size_t lo = 0, hi = st->nuf;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_fkey(&st->uf[mid].k, k, 1);

		if (c == 0)
			return &st->uf[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The ratio of rate id for a province and period, marked used; or NULL. */
static struct ratio *
ratio_find(struct cstate *st, const char *prov, const char *period,
    const char *id)
{
	size_t i;

	for (i = 0; i < st->nrat; i++)
		if (st->rat[i].ok && strcmp(st->rat[i].id, id) == 0 &&
		    strcmp(st->rat[i].prov, prov) == 0 &&
		    strcmp(st->rat[i].period, period) == 0) {
			st->rat[i].used = 1;
			return &st->rat[i];
		}
	return NULL;
}

/* The ratio being summed for u's province and period, or a new one. */
static struct ratio *
ratio_at(struct cstate *st, const struct lex_rate *r, const struct ufig *u)
{
	struct ratio *x = st->nrat > 0 ? &st->rat[st->nrat - 1] : NULL;

	if (x != NULL && x->id == r->id && strcmp(x->prov, u->k.prov) == 0 &&
	    strcmp(x->period, u->k.period) == 0)
		return x;
	agg_grow((void **)&st->rat, st->nrat, &st->caprat, sizeof(*st->rat));
	x = &st->rat[st->nrat++];
	memset(x, 0, sizeof(*x));
	x->prov = u->k.prov;
	x->period = u->k.period;
	x->id = r->id;
	x->num = r->num;
	x->den = r->den;
	return x;
}

/* Sums one rate's parts over the units that have both, per province and
 * period (st->uf in city order), into st->rat. */
static void
ratio_sums(struct cstate *st, const struct lex_rate *r)
{
	const struct lex *lex = st->dom->lex;
	const char *nunit = lex_find(lex, r->num, strlen(r->num))->unit;
	const char *dunit = lex_find(lex, r->den, strlen(r->den))->unit;
	size_t i;

	for (i = 0; i < st->nuf; i++) {
		const struct ufig *u = &st->uf[i], *d;
		struct fkey want;
		struct ratio *x;

		if (strcmp(u->k.ind, r->num) != 0 ||
		    strcmp(u->k.unit, nunit) != 0 || !u->has ||
		    *u->k.rep == '\0')
			continue;
		want = u->k;
		want.ind = r->den;
		want.unit = dunit;
		if ((d = uf_find(st, &want)) == NULL || !d->has)
			continue;
		x = ratio_at(st, r, u);
		if (dec_add(&x->nsum, &u->v) != DEC_OK ||
		    dec_add(&x->dsum, &d->v) != DEC_OK)
			die(2, "sum overflows %s",
			    diag_text(dec_strerror(DEC_OVERFLOW)));
		strset_add(&x->cover, u->k.rep);
		x->derived |= u->g == NULL || d->g == NULL;
	}
}

/* Every rate with parts: 100 * sum(NUM) / sum(DEN), RATE_PREC digits. */
static void
city_ratios(struct cstate *st)
{
	const struct lex *lex = st->dom->lex;
	struct dec zero;
	size_t i;

	dec_zero(&zero);
	for (i = 0; i < lex->nrate; i++)
		ratio_sums(st, &lex->rate[i]);
	for (i = 0; i < st->nrat; i++) {
		struct ratio *x = &st->rat[i];

		if (dec_cmp(&x->dsum, &zero) <= 0)
			continue;
		if (dec_mul_u32(&x->nsum, 100) != DEC_OK ||
		    dec_div(&x->v, &x->nsum, &x->dsum, RATE_PREC) != DEC_OK)
			die(2, "rate overflows %s",
			    diag_text(dec_strerror(DEC_OVERFLOW)));
		x->ok = 1;
	}
}

/* ---- The rows of the table ---- */

static void
crow_minmax(struct crow *c, const struct dec *v)
{
	if (!c->has_minmax || dec_cmp(v, &c->min) < 0)
		c->min = *v;
	if (!c->has_minmax || dec_cmp(v, &c->max) > 0)
		c->max = *v;
	c->has_minmax = 1;
}

/* A reporter of the row; they come in order (the units' figures are
 * sorted by reporter within a row), so the list stays sorted. */
static void
crow_rep(struct crow *c, const char *rep)
{
	if (c->nreps > 0 && strcmp(c->reps[c->nreps - 1], rep) == 0)
		return;
	agg_grow((void **)&c->reps, c->nreps, &c->capreps, sizeof(*c->reps));
	c->reps[c->nreps++] = rep;
}

/* Folds a unit's figure into its city row: a stated group's accumulators
 * as they are, a derived figure as one row with one value. */
static void
crow_add(struct crow *c, const struct ufig *u)
{
	const struct acc *a;

	if (u->g == NULL) {
		if (dec_add(&c->sum, &u->v) != DEC_OK)
			die(2, "sum overflows %s",
			    diag_text(dec_strerror(DEC_OVERFLOW)));
		c->nvals++;
		c->rows++;
		c->has_sum = c->derived = 1;
		crow_rep(c, u->k.rep);
		crow_minmax(c, &u->v);
		return;
	}
	a = u->g->acc;
	if (a[CA_SUM].sum.n > 0) {
		if (dec_add(&c->sum, &a[CA_SUM].sum.d) != DEC_OK)
			die(2, "sum overflows %s",
			    diag_text(dec_strerror(DEC_OVERFLOW)));
		c->nvals += a[CA_SUM].sum.n;
		c->has_sum = 1;
	}
	c->rows += a[CA_COUNT].count;
	if (a[CA_UNIQ].set.n > 0)	/* the unit group's one reporter */
		crow_rep(c, u->k.rep);
	if (a[CA_MIN].ext.has) {
		crow_minmax(c, &a[CA_MIN].ext.d);
		crow_minmax(c, &a[CA_MAX].ext.d);
	}
}

/* The end of the run of units' figures at i: one city row's. */
static size_t
run_end(const struct cstate *st, size_t i)
{
	size_t j;

	for (j = i + 1; j < st->nuf && cmp_fkey(&st->uf[i].k, &st->uf[j].k,
	    0) == 0; j++)
		;
	return j;
}

/* The city row of the units' figures uf[i..j). */
static void
crow_run(struct cstate *st, size_t i, size_t j, struct crow *c)
{
	memset(c, 0, sizeof(*c));
	c->k = st->uf[i].k;
	c->k.rep = NULL;
	c->rate = dom_kind(st->dom, c->k.ind, c->k.unit) == IK_RATE;
	for (; i < j; i++)
		crow_add(c, &st->uf[i]);
	if (c->rate && strcmp(c->k.unit, "percent") == 0)
		c->ratio = ratio_find(st, c->k.prov, c->k.period, c->k.ind);
}

/* The city row of a ratio that no unit stated. */
static void
crow_ratio(const struct ratio *x, struct crow *c)
{
	memset(c, 0, sizeof(*c));
	c->k.prov = x->prov;
	c->k.period = x->period;
	c->k.ind = x->id;
	c->k.unit = "percent";
	c->rate = 1;
	c->ratio = x;
}

/* As their city rows: province, period, rate (all in percent). */
static int
cmp_ratio_row(const void *a, const void *b)
{
	const struct ratio *x = *(const struct ratio *const *)a;
	const struct ratio *y = *(const struct ratio *const *)b;
	int c;

	if ((c = strcmp(x->prov, y->prov)) != 0 ||
	    (c = strcmp(x->period, y->period)) != 0)
		return c;
	return strcmp(x->id, y->id);
}

/*
 * The ratios that no unit's figures state (a rate is used by the city
 * row of its indicator in unit percent, when there is one), sorted as the
 * city rows; *n of them.  The array is the caller's to free.
 */
static const struct ratio **
ratios_alone(struct cstate *st, size_t *n)
{
	const struct ratio **v;
	size_t i, j;

	for (i = 0; i < st->nuf; i = j) {
		const struct fkey *k = &st->uf[i].k;

		j = run_end(st, i);
		if (strcmp(k->unit, "percent") == 0 &&
		    dom_kind(st->dom, k->ind, k->unit) == IK_RATE)
			ratio_find(st, k->prov, k->period, k->ind);
	}
	v = xreallocarray(NULL, st->nrat + 1, sizeof(*v));
	for (*n = 0, i = 0; i < st->nrat; i++)
		if (st->rat[i].ok && !st->rat[i].used)
			v[(*n)++] = &st->rat[i];
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_ratio_row);
	return v;
}

/* A set of flags (bits by FLAG_*): their names joined by ';'. */
static void
write_flags(struct csvout *out, unsigned set, struct buf *tmp)
{
	size_t k;

	buf_clear(tmp);
	for (k = 0; k < FLAG_N; k++)
		if (set & 1u << k) {
			if (tmp->n > 0)
				buf_addc(tmp, ';');
			buf_adds(tmp, flag_name[k]);
		}
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
}

/* sum_value ... mean_value of a city row. */
static void
write_sums(struct csvout *out, const struct crow *c, int sum, struct buf *tmp)
{
	buf_clear(tmp);
	if (sum)
		dec_format(&c->sum, tmp);
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
	csvout_ulong(out, c->rows);
	csvout_ulong(out, c->nreps);
	if (c->has_minmax) {
		acc_write_dec(out, &c->min, tmp);
		acc_write_dec(out, &c->max, tmp);
	} else {
		csvout_str(out, "");
		csvout_str(out, "");
	}
	if (sum && c->nvals > 0) {
		struct dec cnt, q;

		dec_from_u64(&cnt, c->nvals);
		if (dec_div(&q, &c->sum, &cnt, MEAN_PREC) != DEC_OK)
			die(2, "mean overflows");
		acc_write_dec(out, &q, tmp);
	} else {
		csvout_str(out, "");
	}
}

static void
write_crow(struct cstate *st, struct csvout *out, const struct crow *c,
    struct buf *tmp, struct buf *missing)
{
	int sum = !c->rate && c->has_sum;

	csvout_str(out, c->k.prov);
	csvout_str(out, c->k.period);
	csvout_str(out, c->k.ind);
	csvout_str(out, c->k.unit);
	write_sums(out, c, sum, tmp);
	if (c->ratio != NULL)
		dom_coverage(st->dom, out, c->k.prov, c->k.period,
		    (const char *const *)c->ratio->cover.v, c->ratio->cover.n,
		    missing);
	else
		dom_coverage(st->dom, out, c->k.prov, c->k.period, c->reps,
		    c->nreps, missing);
	buf_clear(tmp);
	if (c->ratio != NULL)
		dec_format_fixed(&c->ratio->v, RATE_PREC, tmp);
	else if (sum)
		dec_format(&c->sum, tmp);
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
	csvout_str(out, how_code[c->ratio != NULL ? HOW_RATIO : c->rate ?
	    HOW_PER_UNIT : HOW_SUM]);
	csvout_str(out, c->ratio != NULL ? c->ratio->num : "");
	csvout_str(out, c->ratio != NULL ? c->ratio->den : "");
	write_flags(out, (c->derived || (c->ratio != NULL &&
	    c->ratio->derived)) << FLAG_DERIVED, tmp);
	csvout_field(out, missing->p == NULL ? "" : missing->p, missing->n);
	csvout_end(out);
}

static void
write_units(struct cstate *st, struct csvout *out, struct buf *tmp)
{
	static const char *const cols[] = { "province_code", "period",
		"indicator", "unit", "reporter_code", "value", "flags" };
	size_t i, k;

	for (k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		csvout_str(out, cols[k]);
	csvout_end(out);
	for (i = 0; i < st->nuf; i++) {
		const struct ufig *u = &st->uf[i];

		csvout_str(out, u->k.prov);
		csvout_str(out, u->k.period);
		csvout_str(out, u->k.ind);
		csvout_str(out, u->k.unit);
		csvout_str(out, u->k.rep);
		if (u->has)
			acc_write_dec(out, &u->v, tmp);
		else
			csvout_str(out, "");
		write_flags(out, (u->g == NULL) << FLAG_DERIVED |
		    u->conflict << FLAG_CONFLICT, tmp);
		csvout_end(out);
	}
}

/* The city rows, written as they are made: one per province, period,
 * indicator and unit of the units' figures, and one per ratio that no
 * unit stated, in order. */
static void
write_table(struct cstate *st, struct csvout *out, struct buf *tmp)
{
	struct buf missing = { 0 };
	const struct ratio **alone;
	struct crow c;
	size_t i, j, r, nalone;

	city_ratios(st);
	alone = ratios_alone(st, &nalone);
	for (i = 0; i < sizeof(city_cols) / sizeof(city_cols[0]); i++)
		csvout_str(out, city_cols[i]);
	csvout_end(out);
	for (i = 0, r = 0; i < st->nuf || r < nalone; st->c->written++) {
		if (r < nalone) {
			crow_ratio(alone[r], &c);
			if (i == st->nuf ||
			    cmp_fkey(&c.k, &st->uf[i].k, 0) < 0) {
				write_crow(st, out, &c, tmp, &missing);
				r++;
				continue;
			}
		}
		j = run_end(st, i);
		crow_run(st, i, j, &c);
		write_crow(st, out, &c, tmp, &missing);
		free(c.reps);
		i = j;
	}
	free(alone);
	buf_free(&missing);
}

void
city_write(struct city *c, const struct opts *o, struct domain *dom,
    const struct gtab *t, struct csvout *out)
{
	struct cstate st = { 0 };
	struct buf tmp = { 0 };
	size_t i;

	st.dom = dom;
	st.c = c;
	city_figures(&st, t);
	city_derive(&st);
	if (o->units) {
		c->written = st.nuf;
		write_units(&st, out, &tmp);
	} else {
		write_table(&st, out, &tmp);
	}
	buf_free(&tmp);
	for (i = 0; i < st.nuf; i++)
		free(st.uf[i].own);
	free(st.uf);
	for (i = 0; i < st.nrat; i++)
		strset_free(&st.rat[i].cover);
	free(st.rat);
}

void
city_write_findings(const struct city *c, int fd, int bom)
{
	static const char *const cols[] = { "doc", "line", "rule", "indicator",
		"expected", "actual", "detail" };
	struct csvout *out = csvout_open(fd, 0);
	size_t i, k;

	if (bom)
		csvout_bom(out);
	for (k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		csvout_str(out, cols[k]);
	csvout_end(out);
	for (i = 0; i < c->nfnd; i++) {
		const struct finding *f = &c->fnd[i];
		const char *const v[] = { f->doc, f->line, f->rule, f->ind,
			f->expected, f->actual, f->detail };

		for (k = 0; k < sizeof(v) / sizeof(v[0]); k++)
			csvout_str(out, v[k]);
		csvout_end(out);
	}
	csvout_close(out);
}

void
city_free(struct city *c)
{
	size_t i, k;

	for (i = 0; i < c->nfnd; i++) {
		struct finding *f = &c->fnd[i];
		char *v[] = { f->doc, f->line, f->rule, f->ind, f->expected,
			f->actual, f->detail };

		for (k = 0; k < sizeof(v) / sizeof(v[0]); k++)
			free(v[k]);
	}
	free(c->fnd);
}
