/*
 * aggregate's city table: its rows, made and written as they are made,
 * one per province, period, indicator and unit of the units' figures (a
 * sum, or a rate's ratio of summed parts), and one per ratio no unit
 * stated, each with its coverage and the units missing; and --units, the
 * units' own figures.
 */
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "city.h"
#include "diag.h"
#include "xalloc.h"

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

	for (j = i + 1; j < st->nuf && city_cmp_fkey(&st->uf[i].k, &st->uf[j].k,
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
		c->ratio = city_ratio_find(st, c->k.prov, c->k.period,
		    c->k.ind);
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
			city_ratio_find(st, k->prov, k->period, k->ind);
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

void
city_write_units(struct cstate *st, struct csvout *out, struct buf *tmp)
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
void
city_write_table(struct cstate *st, struct csvout *out, struct buf *tmp)
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
			    city_cmp_fkey(&c.k, &st->uf[i].k, 0) < 0) {
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
