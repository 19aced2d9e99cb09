/*
 * What the domain defaults know, for the city table and the default
 * operations of a group-by alike: the kind of an indicator (the lexicon's
 * count, rate or level, and its stocks), and which units should report
 * for a province and period (cover_due), so how many of them a figure
 * covers and which are missing.
 */
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "cover.h"
#include "period.h"
#include "xalloc.h"

/* What the lexicon says of one indicator. */
struct kind {
	struct hkey k;
	int known;		/* the lexicon has the indicator */
	enum ikind kind;	/* if so, its kind */
};

/* The lexicon's word on ind, asked once per indicator. */
static const struct kind *
kind_of(struct domain *dom, const char *ind)
{
	size_t n = strlen(ind), i;
	uint64_t h = htab_hash(ind, n);
	struct kind *x = (struct kind *)htab_find(&dom->kinds, ind, n, h);
	const struct lex_ind *d;

	if (x != NULL)
		return x;
	x = arena_alloc(&dom->ar, sizeof(*x));
	x->k.key = arena_dup(&dom->ar, ind, n);
	x->k.keylen = n;
	x->k.hash = h;
	htab_add(&dom->kinds, &x->k);
	if ((d = lex_find(dom->lex, ind, n)) == NULL)
		return x;
	x->known = 1;
	x->kind = strcmp(d->kind, "rate") == 0 ? IK_RATE :
	    strcmp(d->kind, "count") != 0 ? IK_STOCK : IK_FLOW;
	for (i = 0; x->kind == IK_FLOW && i < dom->lex->nstock; i++)
		if (strcmp(dom->lex->stock[i], ind) == 0)
			x->kind = IK_STOCK;
	return x;
}

enum ikind
dom_kind(struct domain *dom, const char *ind, const char *unit)
{
	const struct kind *x = kind_of(dom, ind);

	if (!x->known)
		return strcmp(unit, "percent") == 0 ? IK_RATE : IK_STOCK;
	return x->kind;
}

int
dom_is_rate(struct domain *dom, const char *ind, const char *unit)
{
	const struct kind *x;

	if (ind != NULL && (x = kind_of(dom, ind))->known)
		return x->kind == IK_RATE;
	return unit != NULL && strcmp(unit, "percent") == 0;
}

/* Whether p is in the sorted v[0..n). */
static int
sorted_has(const char *const *v, size_t n, const char *p)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(v[mid], p);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Loads the units that should report for prov and period (cover_due),
 * once per province and period end; -1 when the period has no end date. */
static int
due_units(struct domain *dom, const char *prov, const char *period)
{
	char end[11];

	if (*prov == '\0')
		return -1;
	if (dom->due_prov != NULL && strcmp(dom->due_prov, prov) == 0 &&
	    strcmp(dom->due_period, period) == 0)
		return 0;
	if (period_end(period, strlen(period), end) != 0)
		return -1;
	if (dom->due_prov == NULL || strcmp(dom->due_prov, prov) != 0 ||
	    strcmp(dom->due_end, end) != 0) {
		free(dom->due);
		free(dom->due_prov);
		dom->due = cover_due(dom->gaz, prov, end, &dom->ndue);
		dom->due_prov = xstrdup(prov);
		memcpy(dom->due_end, end, sizeof(end));
	}
	free(dom->due_period);
	dom->due_period = xstrdup(period);
	return 0;
}

void
dom_coverage(struct domain *dom, struct csvout *out, const char *prov,
    const char *period, const char *const *v, size_t n, struct buf *missing)
{
	size_t k, covered = 0;

	if (missing != NULL)
		buf_clear(missing);
	if (prov == NULL || period == NULL ||
	    due_units(dom, prov, period) != 0) {
		csvout_str(out, "");
		csvout_str(out, "");
		return;
	}
	for (k = 0; k < n; k++)
		if (cover_find(dom->due, dom->ndue, v[k]) != NULL)
			covered++;
	csvout_ulong(out, covered);
	if (dom->ndue > 0)
		csvout_ulong(out, dom->ndue);
	else
		csvout_str(out, "");
	for (k = 0; missing != NULL && k < dom->ndue; k++)
		if (!sorted_has(v, n, dom->due[k]->code)) {
			if (missing->n > 0)
				buf_addc(missing, ' ');
			buf_adds(missing, dom->due[k]->code);
		}
}

void
dom_free(struct domain *dom)
{
	free(dom->due);
	free(dom->due_prov);
	free(dom->due_period);
	htab_free(&dom->kinds);
	arena_free(&dom->ar);
	lex_free(dom->lex);
	gaz_free(dom->gaz);
}
