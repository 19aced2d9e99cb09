/*
 * The inputs of baocao-review into one struct run (see review.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cover.h"
#include "derive.h"
#include "csvin.h"
#include "diag.h"
#include "labels.h"
#include "period.h"
#include "review.h"
#include "xalloc.h"

/* A count under a key (occurrences of a figure; chosen indicators). */
struct counter {
	struct hkey k;
	size_t n;
};

static char *
dup_span(struct run *r, struct span s)
{
	return arena_dup(&r->a, s.p, s.n);
}

/* Field col of the current row, "" when the column is absent. */
static char *
opt_field(struct run *r, struct csvin *in, long col)
{
	if (col < 0)
		return arena_dup(&r->a, "", 0);
	return dup_span(r, csvin_field(in, (size_t)col));
}

static struct csvin *
open_one(const char *path)
{
	char *paths[1];

	paths[0] = (char *)path;
	return csvin_open(paths, 1);
}

/* The counter under key (made at 0 when new). */
static struct counter *
counter(struct run *r, struct htab *h, const struct buf *key)
{
	uint64_t hv = htab_hash(key->p, key->n);
	struct counter *c = (struct counter *)htab_find(h, key->p, key->n, hv);

	if (c == NULL) {
		c = arena_alloc(&r->a, sizeof(*c));
		c->k.key = arena_dup(&r->a, key->p, key->n);
		c->k.keylen = key->n;
		c->k.hash = hv;
		htab_add(h, &c->k);
	}
	return c;
}

static struct rdoc *
find_doc(const struct run *r, const char *name)
{
	size_t n = strlen(name);

	return (struct rdoc *)htab_find(&r->bydoc, name, n, htab_hash(name, n));
}

static struct rdoc *
add_doc(struct run *r, const char *name)
{
	struct rdoc *d = arena_alloc(&r->a, sizeof(*d));
	size_t k;

	for (k = 0; k < ND; k++)
		d->f[k] = "";
	d->k.key = arena_dup(&r->a, name, strlen(name));
	d->k.keylen = strlen(name);
	d->k.hash = htab_hash(name, d->k.keylen);
	d->f[D_DOC] = d->k.key;
	htab_add(&r->bydoc, &d->k);
	r->doc = xreallocarray(r->doc, r->ndoc + 1, sizeof(*r->doc));
	r->doc[r->ndoc++] = d;
	return d;
}

static void
read_manifest(struct run *r, const char *path)
{
	static const char *const req[] = { "doc", "path", "status" };
	static const char *const opt[ND] = { "doc", "path", "status", "reason",
		"issuer", "doc_no", "doc_date", "title", "reporter_code",
		"reporter_name", "province_code", "period" };
	struct csvin *in = open_one(path);
	long idx[3], col[ND];
	size_t k;

	csvin_require(in, req, idx, 3);
	for (k = 0; k < ND; k++)
		col[k] = csvin_col(in, opt[k]);
	while (csvin_next(in)) {
		struct span name = csvin_field(in, (size_t)idx[0]);
		const char *st = csvin_field(in, (size_t)idx[2]).p;
		const char *path = csvin_field(in, (size_t)idx[1]).p;
		struct rdoc *d = find_doc(r, name.p), *old;

		if (d != NULL) {
			/*
			 * Two files of one document name (a report and its
			 * copy in another format): the one summed keeps the
			 * name, which the facts name it by; the other is
			 * listed by its path.
			 */
			if (strcmp(st, "ok") == 0 && d->in_table)
				die_at(2, csvin_name(in), csvin_line(in),
				    "report '%.*s%s' listed twice, both summed",
				    DIAG_QUOTE(name.p, name.n));
			if (strcmp(path, d->f[D_PATH]) == 0 ||
			    find_doc(r, path) != NULL || path[0] == '\0')
				die_at(2, csvin_name(in), csvin_line(in),
				    "file '%s' listed twice", path);
			if (strcmp(st, "ok") == 0) {
				/* the summed one comes second: the first
				 * moves to its path */
				old = add_doc(r, d->f[D_PATH]);
				memcpy(old->f + 1, d->f + 1,
				    (ND - 1) * sizeof(*d->f));
				old->f[D_DOC] = d->f[D_DOC];
				old->in_manifest = 1;
			} else {
				d = add_doc(r, path);
				d->f[D_DOC] = arena_dup(&r->a, name.p, name.n);
			}
		} else
			d = add_doc(r, name.p);
		for (k = 1; k < ND; k++)
			d->f[k] = opt_field(r, in, col[k]);
		d->in_manifest = 1;
		d->in_table = strcmp(d->f[D_STATUS], "ok") == 0;
	}
	csvin_close(in);
	r->has_manifest = 1;
}

/* The key of a figure as corrections name it: doc, line, raw. */
static void
figure_key(struct buf *b, const char *doc, const char *line, const char *raw)
{
	buf_clear(b);
	buf_add(b, doc, strlen(doc) + 1);
	buf_add(b, line, strlen(line) + 1);
	buf_adds(b, raw);
}

enum { FQ_DOC, FQ_LINE, FQ_RAW, FQ_IND, FQ_VALUE, FQ_CHOSEN, NFQ };

static void
read_facts(struct run *r, char **paths, int n, struct htab *occ)
{
	static const char *const req[NFQ] = { "doc", "line", "raw",
		"indicator", "value", "chosen" };
	static const char *const opt[NF] = { "line", "raw", "indicator",
		"value", "unit", "scope", "qualifier", "flags", "before",
		"unit_text", "after", "row_label", "col_label", "evidence" };
	static const char *const docf[] = { "reporter_code", "reporter_name",
		"province_code", "period" };
	static const int docslot[] = { D_CODE, D_NAME, D_PROV, D_PERIOD };
	struct csvin *in = csvin_open(paths, n);
	struct buf key = { 0 };
	long idx[NFQ], col[NF], dcol[4];
	size_t k;

	if (csvin_ncols(in) > 0 && csvin_col(in, "chosen") < 0)
		die_at(2, csvin_name(in), 1, "column 'chosen' missing: give "
		    "the output of baocao-normalize --scope all");
	csvin_require(in, req, idx, NFQ);
	for (k = 0; k < NF; k++)
		col[k] = csvin_col(in, opt[k]);
	for (k = 0; k < 4; k++)
		dcol[k] = csvin_col(in, docf[k]);
	while (csvin_next(in)) {
		const char *name = csvin_field(in, (size_t)idx[FQ_DOC]).p;
		struct rdoc *d = find_doc(r, name);
		struct rfact *f;

		if (d == NULL) {
			if (r->has_manifest)
				die_at(2, csvin_name(in), csvin_line(in), "report "
				    "'%.*s%s' is not in the manifest",
				    DIAG_QUOTE(name, strlen(name)));
			d = add_doc(r, name);
			d->in_table = 1;
		}
		if (d->nfacts++ == 0 && !d->in_manifest)
			for (k = 0; k < 4; k++)
				d->f[docslot[k]] = opt_field(r, in, dcol[k]);
		r->fact = xreallocarray(r->fact, r->nfact + 1, sizeof(*r->fact));
		f = &r->fact[r->nfact++];
		memset(f, 0, sizeof(*f));
		f->d = d;
		for (k = 0; k < NF; k++)
			f->f[k] = opt_field(r, in, col[k]);
		f->chosen = span_eq(csvin_field(in, (size_t)idx[FQ_CHOSEN]),
		    "1");
		figure_key(&key, name, f->f[F_LINE], f->f[F_RAW]);
		f->occurrence = ++counter(r, occ, &key)->n;
	}
	buf_free(&key);
	csvin_close(in);
}

static void
read_findings(struct run *r, const char *path)
{
	static const char *const req[] = { "doc", "line", "rule" };
	static const char *const opt[NX] = { "line", "rule", "indicator",
		"expected", "actual", "detail" };
	struct csvin *in = open_one(path);
	long idx[3], col[NX];
	size_t k;

	csvin_require(in, req, idx, 3);
	for (k = 0; k < NX; k++)
		col[k] = csvin_col(in, opt[k]);
	while (csvin_next(in)) {
		struct rfinding *x;

		r->finding = xreallocarray(r->finding, r->nfinding + 1,
		    sizeof(*r->finding));
		x = &r->finding[r->nfinding++];
		x->docname = dup_span(r, csvin_field(in, (size_t)idx[0]));
		x->d = find_doc(r, x->docname);
		for (k = 0; k < NX; k++)
			x->f[k] = opt_field(r, in, col[k]);
	}
	csvin_close(in);
}

static void
read_corrections(struct run *r, const char *path)
{
	static const char *const req[] = { "report", "line", "raw" };
	static const char *const opt[NC] = { "report", "line", "raw",
		"occurrence", "indicator", "value", "scope", "note" };
	struct csvin *in = open_one(path);
	long idx[3], col[NC];
	size_t k;

	csvin_require(in, req, idx, 3);
	for (k = 0; k < NC; k++)
		col[k] = csvin_col(in, opt[k]);
	while (csvin_next(in)) {
		struct rcorr *c;

		r->corr = xreallocarray(r->corr, r->ncorr + 1, sizeof(*r->corr));
		c = &r->corr[r->ncorr++];
		for (k = 0; k < NC; k++)
			c->f[k] = opt_field(r, in, col[k]);
	}
	csvin_close(in);
}

/*
 * What the page shows of a report's facts: the figures the city table
 * sums (chosen, with an indicator, of a report in the table), the other
 * statements of those indicators for the whole unit (scope reporter or
 * table-total: the values normalize chose among; a commune's row is a
 * part, not another value), and what a correction changed.
 */
static void
choose_shown(struct run *r)
{
	struct htab used = { 0 };
	struct buf key = { 0 };
	size_t i;

	for (i = 0; i < r->nfact; i++) {
		struct rfact *f = &r->fact[i];

		if (!f->d->in_table || !f->chosen || f->f[F_IND][0] == '\0')
			continue;
		f->shown = 1;
		figure_key(&key, f->d->f[D_DOC], f->f[F_IND], "");
		counter(r, &used, &key)->n++;
	}
	for (i = 0; i < r->nfact; i++) {
		struct rfact *f = &r->fact[i];
		uint64_t h;

		if (f->shown || !f->d->in_table)
			continue;
		if (strstr(f->f[F_FLAGS], "corrected") != NULL) {
			f->shown = 1;
			continue;
		}
		if (f->f[F_IND][0] == '\0' || (strcmp(f->f[F_SCOPE], "reporter") != 0 &&
		    strcmp(f->f[F_SCOPE], "table-total") != 0))
			continue;
		figure_key(&key, f->d->f[D_DOC], f->f[F_IND], "");
		h = htab_hash(key.p, key.n);
		f->shown = htab_find(&used, key.p, key.n, h) != NULL;
	}
	htab_free(&used);
	buf_free(&key);
}

/* Has the report of d been received and read (manifest.h's reading)? */
static int
reported(const struct rdoc *d)
{
	return !d->in_manifest || strcmp(d->f[D_STATUS], "ok") == 0 ||
	    strcmp(d->f[D_STATUS], "no-figures") == 0;
}

/* "YYYY-MM-DD" of the period's end, "9999-99-99" when there is none. */
static void
end_of(const char *period, char out[11])
{
	if (period_end(period, strlen(period), out) != 0)
		memcpy(out, "9999-99-99", 11);
}

/* Periods in time order, then units by name (natural order), then doc. */
static int
by_showing(const void *a, const void *b)
{
	const struct rdoc *x = *(const struct rdoc *const *)a;
	const struct rdoc *y = *(const struct rdoc *const *)b;
	char ex[11], ey[11];
	int c;

	end_of(x->f[D_PERIOD], ex);
	end_of(y->f[D_PERIOD], ey);
	if ((c = strcmp(ex, ey)) != 0 ||
	    (c = strcmp(x->f[D_PERIOD], y->f[D_PERIOD])) != 0 ||
	    (c = labels_natcmp(x->f[D_NAME], y->f[D_NAME])) != 0 ||
	    (c = strcmp(x->f[D_CODE], y->f[D_CODE])) != 0)
		return c;
	return strcmp(x->f[D_DOC], y->f[D_DOC]);
}

/* Links to the reports: relative to the page, none for a missing file. */
static void
link_docs(struct run *r, const char *base)
{
	struct buf b = { 0 };
	struct stat sb;
	size_t i;

	for (i = 0; i < r->ndoc; i++) {
		struct rdoc *d = r->doc[i];

		if (d->f[D_PATH][0] == '\0' || strcmp(d->f[D_PATH], "-") == 0 ||
		    stat(d->f[D_PATH], &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
		buf_clear(&b);
		href_of(&b, d->f[D_PATH], base);
		d->href = arena_dup(&r->a, b.p, b.n);
	}
	buf_free(&b);
}

void
read_run(struct run *r, const struct review_opts *o, char **facts, int n)
{
	struct htab occ = { 0 };
	size_t i;

	if (o->manifest != NULL)
		read_manifest(r, o->manifest);
	read_facts(r, facts, n, &occ);
	htab_free(&occ);
	if (o->findings != NULL)
		read_findings(r, o->findings);
	if (o->corrections != NULL)
		read_corrections(r, o->corrections);
	choose_shown(r);
	if (r->ndoc > 1)
		qsort(r->doc, r->ndoc, sizeof(*r->doc), by_showing);
	for (i = 0; i < r->ndoc; i++)
		r->doc[i]->idx = i;
	link_docs(r, o->base);
}

static int
root_of(int *up, int k)
{
	while (up[k] != k)
		k = up[k] = up[up[k]];
	return k;
}

/*
 * Does the unit's reports of other periods make up the period, as the
 * city table derives it (derive.h: four quarters make the year, the year
 * less 9 months is quarter IV)?  The month boundaries its reports join.
 */
static int
derivable(const struct run *r, const char *code, const char *period)
{
	int up[13], k, y, a, b, ry, ra, rb;
	size_t i;

	if (derive_months(period, strlen(period), &y, &a, &b) != 0)
		return 0;
	for (k = 0; k < 13; k++)
		up[k] = k;
	for (i = 0; i < r->ndoc; i++) {
		const struct rdoc *d = r->doc[i];

		if (strcmp(d->f[D_CODE], code) != 0 || !reported(d) ||
		    derive_months(d->f[D_PERIOD], strlen(d->f[D_PERIOD]), &ry,
		    &ra, &rb) != 0 || ry != y)
			continue;
		up[root_of(up, ra - 1)] = root_of(up, rb);
	}
	return root_of(up, a - 1) == root_of(up, b);
}

/* The missing units of the province and period of docs[i..j). */
static void
missing_of(struct run *r, const struct gaz *g, size_t i, size_t j)
{
	const char *prov = r->doc[i]->f[D_PROV], *per = r->doc[i]->f[D_PERIOD];
	const struct gaz_unit **due;
	char end[11];
	size_t k, u, ndue;

	if (period_end(per, strlen(per), end) != 0)
		return;
	due = cover_due(g, prov, end, &ndue);
	for (u = 0; u < ndue; u++) {
		struct rmissing *m;
		int got = 0, sent = 0;

		for (k = i; k < j; k++)
			if (strcmp(r->doc[k]->f[D_CODE], due[u]->code) == 0) {
				sent = 1;
				got |= reported(r->doc[k]);
			}
		if (got || derivable(r, due[u]->code, per))
			continue;
		r->missing = xreallocarray(r->missing, r->nmissing + 1,
		    sizeof(*r->missing));
		m = &r->missing[r->nmissing++];
		m->prov = prov;
		m->period = per;
		m->unit = due[u];
		m->sent = sent;
	}
	free(due);
}

/*
 * For every province and period some unit reported for: the units that
 * should have (cover_due) and did not, nor sent the periods that make it
 * up, in code order.  The docs are
 * sorted by period; a period's docs of one province are found by a scan.
 */
void
find_missing(struct run *r, const struct gaz *g)
{
	size_t i, j, k, p;

	for (i = 0; i < r->ndoc; i = j) {
		for (j = i; j < r->ndoc && strcmp(r->doc[j]->f[D_PERIOD],
		    r->doc[i]->f[D_PERIOD]) == 0; j++)
			;
		if (r->doc[i]->f[D_PERIOD][0] == '\0')
			continue;
		/* each province of the period once, in the docs' order */
		for (k = i; k < j; k++) {
			const char *prov = r->doc[k]->f[D_PROV];
			int seen = 0, any = 0;

			for (p = i; p < k && !seen; p++)
				seen = strcmp(r->doc[p]->f[D_PROV], prov) == 0;
			if (seen || prov[0] == '\0')
				continue;
			for (p = k; p < j && !any; p++)
				any = strcmp(r->doc[p]->f[D_PROV], prov) == 0 &&
				    reported(r->doc[p]);
			if (any)
				missing_of(r, g, k, j);
		}
	}
}

void
free_run(struct run *r)
{
	free(r->doc);
	free(r->fact);
	free(r->finding);
	free(r->corr);
	free(r->missing);
	htab_free(&r->bydoc);
	arena_free(&r->a);
}
