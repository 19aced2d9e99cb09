/*
 * derive: the period algebra (see derive.h): a period's months read from
 * its canonical name, a unit's figures of one year joined as edges between
 * month boundaries, the standard periods they imply, and what they show
 * wrong: a figure larger than that of a period that holds it, figures
 * that disagree, a period implied below zero.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive.h"
#include "period.h"
#include "xalloc.h"

#define NB 13			/* month boundaries 0..12 */

static const struct { int from, to; } std[DERIVE_NSTD] = {
	{ 1, 3 }, { 4, 6 }, { 7, 9 }, { 10, 12 }, { 1, 6 }, { 7, 12 },
	{ 1, 9 }, { 1, 12 }
};

/* Running totals of the boundaries, up to a constant per component. */
struct graph {
	int comp[NB];
	struct dec phi[NB];
	int tree[78];		/* a year has 78 periods of whole months */
	int *bad;		/* per component: a cycle does not add up */
	int ncomp;
};

static void add_problem(struct derive_problem **, size_t *,
	const struct derive_problem *);
static int walk(const struct derive_fig *, size_t, struct graph *, int *);

int
derive_months(const char *p, size_t n, int *year, int *from, int *to)
{
	char end[11];

	if (period_end(p, n, end) != 0)
		return -1;
	*year = atoi(p);
	*to = atoi(end + 5);
	if (n == 4)
		*from = 1;
	else if (p[5] == 'Q')
		*from = *to - 2;
	else if (p[5] == 'H')
		*from = *to - 5;
	else if (n == 7)
		*from = *to;
	else if (atoi(p + 8) != *year)
		return -1;
	else
		*from = atoi(p + 5);
	return 0;
}

void
derive_name(int year, int from, int to, char out[16])
{
	char tmp[64];

	year %= 10000;
	if (from == 1 && to == 12)
		snprintf(tmp, sizeof(tmp), "%04d", year);
	else if (to - from == 2 && from % 3 == 1)
		snprintf(tmp, sizeof(tmp), "%04d-Q%d", year, to / 3);
	else if (to - from == 5 && from % 6 == 1)
		snprintf(tmp, sizeof(tmp), "%04d-H%d", year, to / 6);
	else if (from == to)
		snprintf(tmp, sizeof(tmp), "%04d-%02d", year, from);
	else
		snprintf(tmp, sizeof(tmp), "%04d-%02d/%04d-%02d", year, from,
		    year, to);
	tmp[15] = '\0';
	memcpy(out, tmp, 16);
}

static void
add_problem(struct derive_problem **v, size_t *n,
    const struct derive_problem *p)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = *p;
}

static int
root_of(int *up, int u)
{
	while (up[u] != u)
		u = up[u] = up[up[u]];
	return u;
}

/*
 * Chooses the figures that connect the boundaries, narrowest first (so a
 * cycle that does not add up is blamed on its widest figure: the year,
 * not one of its quarters), then gives every boundary a component and a
 * running total along them.  Returns -1 when a total overflows.
 */
static int
walk(const struct derive_fig *f, size_t n, struct graph *g, int *queue)
{
	int up[NB], root, head, tail, u;
	size_t order[78], i, j;

	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && f[order[j - 1]].to - f[order[j - 1]].from >
		    f[i].to - f[i].from; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (u = 0; u < NB; u++) {
		up[u] = u;
		g->comp[u] = -1;
	}
	for (i = 0; i < n; i++) {
		int a = root_of(up, f[order[i]].from - 1), b = root_of(up, f[order[i]].to);

		if (a != b) {
			up[a] = b;
			g->tree[order[i]] = 1;
		}
	}
	for (root = 0; root < NB; root++) {
		for (i = 0; i < n && f[i].from - 1 != root && f[i].to != root; i++)
			;
		if (g->comp[root] != -1 || i == n)
			continue;
		g->comp[root] = g->ncomp++;
		dec_zero(&g->phi[root]);
		head = tail = 0;
		queue[tail++] = root;
		while (head < tail) {
			u = queue[head++];
			for (i = 0; i < n; i++) {
				int lo = f[i].from - 1, hi = f[i].to, w;
				struct dec x;

				if (!g->tree[i] || (u != lo && u != hi))
					continue;
				w = u == lo ? hi : lo;
				if (g->comp[w] != -1)
					continue;
				x = g->phi[u];
				if ((u == lo ? dec_add(&x, &f[i].v) :
				    dec_sub(&x, &g->phi[u], &f[i].v)) != DEC_OK)
					return -1;
				g->phi[w] = x;
				g->comp[w] = g->comp[root];
				queue[tail++] = w;
			}
		}
	}
	return 0;
}

/* Nested figures: one inside another, yet larger. */
static int
decreases(const struct derive_fig *f, size_t n, struct derive_problem **prob,
    size_t *nprob)
{
	size_t i, j;
	int found = 0;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			struct derive_problem p = { DERIVE_DECREASE, i, j,
				f[i].from, f[i].to, f[i].v };

			if (i == j || f[j].from > f[i].from || f[i].to > f[j].to ||
			    dec_cmp(&f[i].v, &f[j].v) <= 0)
				continue;
			add_problem(prob, nprob, &p);
			found = 1;
		}
	return found;
}

size_t
derive_year(const struct derive_fig *f, size_t n,
    struct derive_fig out[DERIVE_NSTD], struct derive_problem **prob,
    size_t *nprob)
{
	struct graph g = { 0 };
	int queue[NB], decrease;
	size_t i, k, nout = 0;

	*prob = NULL;
	*nprob = 0;
	if (n == 0 || n > sizeof(g.tree) / sizeof(g.tree[0]))
		return 0;
	decrease = decreases(f, n, prob, nprob);
	if (walk(f, n, &g, queue) != 0)
		return 0;
	g.bad = xcalloc((size_t)g.ncomp + 1, sizeof(*g.bad));
	for (i = 0; i < n; i++) {
		struct derive_problem p = { DERIVE_DISAGREE, i, i, f[i].from,
			f[i].to, { 0 } };

		if (g.tree[i])
			continue;
		if (dec_sub(&p.expected, &g.phi[f[i].to], &g.phi[f[i].from - 1]) !=
		    DEC_OK || dec_cmp(&p.expected, &f[i].v) != 0) {
			g.bad[g.comp[f[i].to]] = 1;
			add_problem(prob, nprob, &p);
		}
	}
	for (k = 0; k < DERIVE_NSTD; k++) {
		int lo = std[k].from - 1, hi = std[k].to;
		struct derive_problem p = { DERIVE_NEGATIVE, 0, 0, std[k].from,
			std[k].to, { 0 } };
		struct dec zero;

		for (i = 0; i < n && (f[i].from != std[k].from ||
		    f[i].to != std[k].to); i++)
			;
		if (i < n || g.comp[lo] == -1 || g.comp[lo] != g.comp[hi] ||
		    g.bad[g.comp[lo]] ||
		    dec_sub(&p.expected, &g.phi[hi], &g.phi[lo]) != DEC_OK)
			continue;
		dec_zero(&zero);
		if (dec_cmp(&p.expected, &zero) < 0) {
			if (!decrease)
				add_problem(prob, nprob, &p);
			continue;
		}
		out[nout].from = std[k].from;
		out[nout].to = std[k].to;
		out[nout++].v = p.expected;
	}
	free(g.bad);
	return nout;
}
