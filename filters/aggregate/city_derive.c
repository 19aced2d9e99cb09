/*
 * aggregate's city table: the period algebra (common/derive.h) over every
 * unit's year of every flow: the periods a unit's figures imply, added to
 * its figures as derived, and what disagrees, as findings of the report
 * it is best seen in.
 */
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "city.h"
#include "derive.h"
#include "xalloc.h"

#define MAX_FIGS 78		/* distinct periods of one year: 12 * 13 / 2 */

/* City order: province, period, indicator, unit, reporter. */
static int
cmp_ufig(const void *a, const void *b)
{
	return city_cmp_fkey(&((const struct ufig *)a)->k,
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
void
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
