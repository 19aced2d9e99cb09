/*
 * The CSV inputs of baocao-xlsx, each read whole and known by its
 * columns (kinds): the city table, the units' figures, findings, facts,
 * the documents (doc,path; the manifest has their status, reporter and
 * period too), or any other table kept as it is.
 */
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "diag.h"
#include "gz.h"
#include "xalloc.h"
#include "xlsx.h"

const struct kinddef kinds[K_OTHER] = {
	[K_CITY] = { "city", CI_VALUE, CI_N, {
		[CI_PROV] = "province_code", [CI_PERIOD] = "period",
		[CI_IND] = "indicator", [CI_UNIT] = "unit",
		[CI_COVERED] = "units_covered", [CI_TOTAL] = "units_total",
		[CI_VALUE] = "value", [CI_SUM] = "sum_value", [CI_HOW] = "how",
		[CI_NUM] = "ratio_num", [CI_DEN] = "ratio_den",
		[CI_FLAGS] = "flags", [CI_MISSING] = "units_missing" } },
	[K_UNITS] = { "units", UI_FLAGS, UI_N, {
		[UI_PROV] = "province_code", [UI_PERIOD] = "period",
		[UI_IND] = "indicator", [UI_UNIT] = "unit",
		[UI_REP] = "reporter_code", [UI_VALUE] = "value",
		[UI_FLAGS] = "flags" } },
	[K_FINDINGS] = { "findings", FI_N, FI_N, {
		[FI_DOC] = "doc", [FI_LINE] = "line", [FI_RULE] = "rule",
		[FI_IND] = "indicator", [FI_EXP] = "expected",
		[FI_ACT] = "actual", [FI_DETAIL] = "detail" } },
	[K_FACTS] = { "facts", XI_NAME, XI_N, {
		[XI_DOC] = "doc", [XI_PERIOD] = "period",
		[XI_IND] = "indicator", [XI_VALUE] = "value",
		[XI_UNIT] = "unit", [XI_LINE] = "line",
		[XI_NAME] = "reporter_name", [XI_CODE] = "reporter_code",
		[XI_EVIDENCE] = "evidence", [XI_FLAGS] = "flags",
		[XI_PATH] = "path" } },
	[K_DOCS] = { "documents", DI_STATUS, DI_N, {
		[DI_DOC] = "doc", [DI_PATH] = "path", [DI_STATUS] = "status",
		[DI_REASON] = "reason", [DI_CODE] = "reporter_code",
		[DI_NAME] = "reporter_name", [DI_PROV] = "province_code",
		[DI_PERIOD] = "period", [DI_NO] = "doc_no",
		[DI_DATE] = "doc_date" } },
};

static void classify(struct table *, const struct csvin *);
static void load(struct table *, struct csvin *);
static void index_docs(struct state *);

const char *
table_cell(const struct table *t, size_t r, size_t c)
{
	return t->cell[r * t->ncol + c];
}

int
table_has(const struct table *t, size_t c)
{
	return t->kind != K_OTHER && t->idx[c] >= 0;
}

/* The kind a header says, and the columns it reads. */
static void
classify(struct table *t, const struct csvin *in)
{
	/* the narrowest first: facts have every column of a units table */
	static const enum kind order[] = { K_FINDINGS, K_FACTS, K_UNITS,
		K_CITY, K_DOCS, K_OTHER };
	enum kind k = K_OTHER;
	size_t c, i;

	for (i = 0; order[i] != K_OTHER; i++) {
		const struct kinddef *d = &kinds[order[i]];

		for (c = 0; c < d->ncol; c++)
			t->idx[c] = csvin_col(in, d->col[c]);
		for (c = 0; c < d->nreq && t->idx[c] >= 0; c++)
			;
		/* a units table has reporter_code, a city table has not */
		if (c == d->nreq && !(order[i] == K_CITY &&
		    csvin_col(in, "reporter_code") >= 0)) {
			k = order[i];
			break;
		}
	}
	t->kind = k;
	if (k == K_OTHER) {
		t->ncol = csvin_ncols(in);
		t->names = xcalloc(t->ncol + 1, sizeof(*t->names));
		for (c = 0; c < t->ncol; c++) {
			struct span h = csvin_colname(in, c);

			t->names[c] = xmemdup(h.p, h.n);
		}
		return;
	}
	t->ncol = kinds[k].ncol;
}

static void
load(struct table *t, struct csvin *in)
{
	size_t c, cap = 0;

	while (csvin_next(in)) {
		if (t->nrows == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			t->cell = xreallocarray(t->cell, cap * (t->ncol + 1),
			    sizeof(*t->cell));
		}
		for (c = 0; c < t->ncol; c++) {
			long i = t->kind == K_OTHER ? (long)c : t->idx[c];
			struct span s = i < 0 ? span_of("") :
			    csvin_field(in, (size_t)i);

			t->cell[t->nrows * t->ncol + c] = xmemdup(s.p, s.n);
		}
		t->nrows++;
	}
}

void
tables_open(struct state *st, char **paths, int n)
{
	static char *stdin_path[] = { "-" };
	int i;

	if (n == 0) {
		paths = stdin_path;
		n = 1;
	}
	gz_check_inputs(paths, n);
	st->t = xcalloc((size_t)n, sizeof(*st->t));
	st->nt = (size_t)n;
	for (i = 0; i < n; i++) {
		struct table *t = &st->t[i];
		struct csvin *in = csvin_open(&paths[i], 1);

		t->path = paths[i];
		classify(t, in);
		load(t, in);
		csvin_close(in);
		if (t->kind == K_CITY && st->city == NULL)
			st->city = t;
		else if (t->kind == K_UNITS && st->units == NULL)
			st->units = t;
		else if (t->kind == K_DOCS && st->docs == NULL)
			st->docs = t;
		else if (t->kind == K_CITY || t->kind == K_UNITS ||
		    t->kind == K_DOCS)
			die(2, "%s: a second %s table", t->path,
			    kinds[t->kind].name);
	}
	index_docs(st);
}

/* The documents by doc (a name listed twice: the first). */
static void
index_docs(struct state *st)
{
	const struct table *t = st->docs;
	size_t r;

	if (t == NULL)
		return;
	st->docent = xcalloc(t->nrows + 1, sizeof(*st->docent));
	for (r = 0; r < t->nrows; r++) {
		struct docent *e = &st->docent[r];

		e->k.key = (char *)table_cell(t, r, DI_DOC);
		e->k.keylen = strlen(e->k.key);
		e->k.hash = htab_hash(e->k.key, e->k.keylen);
		e->r = r;
		if (htab_find(&st->docidx, e->k.key, e->k.keylen,
		    e->k.hash) == NULL)
			htab_add(&st->docidx, &e->k);
	}
}

const char *
table_doc_path(const struct state *st, const char *doc)
{
	size_t n = strlen(doc);
	const struct hkey *k;

	if (st->docs == NULL)
		return "";
	k = htab_find(&st->docidx, doc, n, htab_hash(doc, n));
	return k != NULL ? table_cell(st->docs, ((const struct docent *)k)->r,
	    DI_PATH) : "";
}

void
tables_free(struct state *st)
{
	size_t i, k;

	for (i = 0; i < st->nt; i++) {
		struct table *t = &st->t[i];

		for (k = 0; k < t->nrows * t->ncol; k++)
			free(t->cell[k]);
		for (k = 0; t->names != NULL && k < t->ncol; k++)
			free(t->names[k]);
		free(t->names);
		free(t->cell);
	}
	free(st->t);
	htab_free(&st->docidx);
	free(st->docent);
}
