/*
 * The city table: each unit's figure per period (a group of the table
 * made with city_keys and city_ops), the periods those figures imply
 * (derive.h), rates recomputed from their summed parts, and for every row
 * its coverage and the units missing; --units writes the units' figures
 * instead, --findings what the period algebra found.
 *
 * This file: the keys and operations of the city's group table, each
 * unit's figure from its group, the findings written.  The period algebra
 * is city_derive.c's, rates from their parts city_ratio.c's, the table's
 * rows city_rows.c's; city.h is what they share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "city.h"
#include "xalloc.h"

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

/* Field by field: province, period, indicator, unit, and the reporter
 * when with_rep. */
int
city_cmp_fkey(const struct fkey *a, const struct fkey *b, int with_rep)
{
	int c;

	if ((c = strcmp(a->prov, b->prov)) != 0 ||
	    (c = strcmp(a->period, b->period)) != 0 ||
	    (c = strcmp(a->ind, b->ind)) != 0 ||
	    (c = strcmp(a->unit, b->unit)) != 0 || !with_rep)
		return c;
	return strcmp(a->rep, b->rep);
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
		city_write_units(&st, out, &tmp);
	} else {
		city_write_table(&st, out, &tmp);
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
