/*
 * facts: the reporter's figure of each indicator, chosen among its
 * mentions by the keys of facts.h (the choice), and what the others are
 * then: parts (sub), or conflicts.
 */
#include <string.h>

#include "facts.h"

/* Is f a candidate for its indicator's reporter figure? */
static int
candidate(const struct fact *f)
{
	return f->ind >= 0 && ((f->scope == SCOPE_REPORTER && (!f->table ||
	    (f->flags & 1u << FLAG_CORRECTED))) || f->scope == SCOPE_TABLE_TOTAL);
}

/* What makes a candidate the reporter's figure, most telling first; lower
 * is better.  The keys before the last say why a value that lost is a
 * part; the last is only the order of statement. */
enum { K_CORR, K_TIME, K_TIER, K_BROAD, K_UNIT, K_ACTOR, K_STATED, K_N };

static void
keys(const struct fact *f, int k[K_N])
{
	static const int time_rank[] = { 1, 0, 2, 3 };	/* by enum fact_time */

	k[K_CORR] = (f->flags & 1u << FLAG_CORRECTED) ? 0 : 1;
	k[K_TIME] = time_rank[f->time];
	k[K_TIER] = f->whole ? 0 : 1;
	k[K_BROAD] = f->broad + 3 * f->alone;
	k[K_UNIT] = f->other_unit;
	k[K_ACTOR] = f->actor;
	k[K_STATED] = f->table ? 2 : f->total ? 0 : 1;
}

/* The first key a and b differ in, K_N when none; *better: a is. */
static int
differ(const struct fact *a, const struct fact *b, int *better)
{
	int ka[K_N], kb[K_N], i;

	keys(a, ka);
	keys(b, kb);
	for (i = 0; i < K_N; i++)
		if (ka[i] != kb[i]) {
			*better = ka[i] < kb[i];
			return i;
		}
	*better = 0;
	return K_N;
}

/*
 * Several candidates, all of one official or all of a part of the period,
 * with different values: the parts of a total the report does not state.
 */
static int
unstated_total(const struct facts *d, const struct fact *best, size_t from)
{
	size_t j;

	if (!best->actor && best->time != TIME_PART && !best->alone)
		return 0;
	for (j = from; j < d->n; j++) {
		const struct fact *o = &d->f[j];

		/* (a table restates the text's parts: no part of its own) */
		if (o != best && candidate(o) && !o->table &&
		    o->ind == best->ind &&
		    dec_cmp(&o->value, &best->value) != 0 &&
		    ((best->actor && o->actor) || (best->time == TIME_PART &&
		    o->time == TIME_PART) || (best->alone && o->alone)))
			return 1;
	}
	return 0;
}

/* Does o's value agree with best's bound ("trên 3,6 tỷ" and 3.612.000.000)? */
static int
within_bound(const struct fact *best, const struct fact *o)
{
	int c = dec_cmp(&o->value, &best->value);

	return (best->qual == FQ_MIN && c > 0) || (best->qual == FQ_MAX && c < 0);
}

/* Chooses among the candidates of the indicator of f[i]. */
static void
choose_one(struct facts *d, size_t i)
{
	struct fact *best = NULL;
	size_t j;
	int b;

	for (j = i; j < d->n; j++) {
		struct fact *o = &d->f[j];

		if (candidate(o) && o->ind == d->f[i].ind && (best == NULL ||
		    (differ(o, best, &b) < K_N && b)))
			best = o;
	}
	if (unstated_total(d, best, i)) {
		for (j = i; j < d->n; j++)
			if (candidate(&d->f[j]) && d->f[j].ind == best->ind &&
			    (d->f[j].actor || d->f[j].time == TIME_PART ||
			    d->f[j].alone))
				d->f[j].scope = SCOPE_SUB;
		return;
	}
	best->chosen = 1;
	for (j = i; j < d->n; j++) {
		struct fact *o = &d->f[j];
		int why;

		if (o == best || !candidate(o) || o->ind != best->ind ||
		    dec_cmp(&o->value, &best->value) == 0 || within_bound(best, o))
			continue;
		why = differ(o, best, &b);
		if (why > K_CORR && why < K_STATED && !o->table) {
			o->scope = SCOPE_SUB;	/* a part, by what lost */
			continue;
		}
		/* A table of a part of the period ("Phụ lục ... từ ngày
		 * 01/7/2025 đến ngày 30/11/2025") is no other value of it. */
		if (why == K_TIME && o->table)
			continue;
		o->flags |= 1u << FLAG_CONFLICT;
		best->flags |= 1u << FLAG_CONFLICT;
		if (best->conflict_with < 0)
			best->conflict_with = (long)j;
	}
}

/* Did count c lose to another value of its indicator? */
static int
lost(const struct facts *d, const struct fact *c)
{
	size_t j;

	if (!candidate(c) || c->chosen)
		return 0;
	for (j = 0; j < d->n; j++)
		if (d->f[j].chosen && d->f[j].ind == c->ind)
			return dec_cmp(&d->f[j].value, &c->value) != 0;
	return 0;
}

/*
 * Counts first, then rates: a rate of a count that lost to another value
 * of its indicator (the stated total) is that count's, not the reporter's.
 */
void
facts_choose(struct facts *d)
{
	size_t i, j;
	int rates;

	for (rates = 0; rates < 2; rates++)
		for (i = 0; i < d->n; i++) {
			struct fact *f = &d->f[i];

			if (!candidate(f) || f->v.percent != rates)
				continue;
			if (rates && f->rate_of >= 0 && (lost(d, &d->f[f->rate_of]) ||
			    d->f[f->rate_of].scope == SCOPE_SUB)) {
				f->scope = SCOPE_SUB;
				continue;
			}
			/* Once per indicator: at its first candidate. */
			for (j = 0; j < i; j++)
				if (candidate(&d->f[j]) && d->f[j].ind == f->ind)
					break;
			if (j == i)
				choose_one(d, i);
		}
}
