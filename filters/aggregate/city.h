/*
 * The parts of aggregate's city table (city.c, city_derive.c,
 * city_ratio.c, city_rows.c): the units' figures it is made of, the
 * ratios of summed parts, and one making of the table.  Not for other
 * files.
 */
#ifndef BAOCAO_CITY_H
#define BAOCAO_CITY_H

#include <stddef.h>

#include "aggregate.h"
#include "buf.h"
#include "csvout.h"
#include "dec.h"

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

/* One making of the table. */
struct cstate {
	struct domain *dom;
	struct city *c;
	struct ufig *uf;
	size_t nuf, capuf;
	struct ratio *rat;
	size_t nrat, caprat;
};

/* city.c */
/* Field by field: province, period, indicator, unit, and the reporter
 * when with_rep. */
int city_cmp_fkey(const struct fkey *a, const struct fkey *b, int with_rep);

/* city_derive.c */
/* The period algebra over every unit's year of every flow: the figures
 * derived join st->uf, which is then in city order. */
void city_derive(struct cstate *st);

/* city_ratio.c */
/* Every rate with parts: 100 * sum(NUM) / sum(DEN), RATE_PREC digits. */
void city_ratios(struct cstate *st);
/* The ratio of rate id for a province and period, marked used; or NULL. */
struct ratio *city_ratio_find(struct cstate *st, const char *prov,
	const char *period, const char *id);

/* city_rows.c */
/* --units: the units' figures, header first. */
void city_write_units(struct cstate *st, struct csvout *out, struct buf *tmp);
/* The city table, header first; the ratios are made first (city_ratios). */
void city_write_table(struct cstate *st, struct csvout *out, struct buf *tmp);

#endif
