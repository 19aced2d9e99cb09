/*
 * aggregate's city table: rates from their parts.  For each rate the
 * lexicon defines as NUM over DEN, the parts are summed per province and
 * period over the units that state both, and the rate is 100 * sum(NUM)
 * / sum(DEN), never a sum or a mean of the units' rates.
 */
#include <string.h>

#include "aggregate.h"
#include "city.h"
#include "diag.h"

static const struct ufig *
uf_find(const struct cstate *st, const struct fkey *k)
{
	size_t lo = 0, hi = st->nuf;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = city_cmp_fkey(&st->uf[mid].k, k, 1);

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
struct ratio *
city_ratio_find(struct cstate *st, const char *prov, const char *period,
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
void
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
