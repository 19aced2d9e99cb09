/*
 * derive: period algebra, what one unit's figures of one year (one
 * indicator, a flow such as receptions or dossiers) imply for the periods
 * it did not report.
 *
 * A figure for months [a, b] of a year is the difference of a running
 * total at two month boundaries, a-1 and b (0..12).  Seen as edges between
 * boundaries, the figures imply a period [a, b] exactly when a-1 and b are
 * connected, and its value is the difference of the running totals along
 * the way: four quarters make the year, 9 months and quarter IV make the
 * year, the year minus 9 months is quarter IV, two quarters make 6 months.
 * Figures on a cycle that does not add up (four quarters that are not the
 * year) imply nothing: which of them is wrong is not known.
 */
#ifndef BAOCAO_DERIVE_H
#define BAOCAO_DERIVE_H

#include <stddef.h>

#include "dec.h"

/* The periods derived: Q1..Q4, H1, H2, 9 months, the year. */
#define DERIVE_NSTD 8

struct derive_fig {
	int from, to;		/* months of the year, 1 <= from <= to <= 12 */
	struct dec v;
};

enum derive_kind {
	DERIVE_DECREASE,	/* figure a lies inside figure b, yet is larger */
	DERIVE_DISAGREE,	/* the other figures imply expected for figure a */
	DERIVE_NEGATIVE		/* the figures imply a negative [from, to] */
};

struct derive_problem {
	enum derive_kind kind;
	size_t a, b;		/* indexes into the figures given */
	int from, to;
	struct dec expected;
};

/*
 * Parses a canonical period (see period.h) into its year and months;
 * -1 when it is not one or spans two years.
 */
int derive_months(const char *p, size_t n, int *year, int *from, int *to);
/* Writes the canonical period of months [from, to] of year (16 bytes). */
void derive_name(int year, int from, int to, char out[16]);

/*
 * The standard periods (DERIVE_NSTD at most) that figs[0..n) imply and do
 * not state, with their values, into out; returns how many.  figs state
 * distinct periods.  Problems found go to *prob (allocated, the caller
 * frees it; *nprob of them): every decrease and every disagreement;
 * a negative implied value is never given in out, and is a problem only
 * when no decrease explains it.
 */
size_t derive_year(const struct derive_fig *figs, size_t n,
	struct derive_fig out[DERIVE_NSTD], struct derive_problem **prob,
	size_t *nprob);

#endif
