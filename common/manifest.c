#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "manifest.h"
#include "period.h"
#include "reporter.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

enum mstatus { M_OK, M_NO_FIGURES, M_DUPLICATE, M_SUPERSEDED, M_NAME_CLASH,
	M_UNREADABLE, M_NOT_REPORT, M_UNRESOLVED, M_AMBIGUOUS, M_NO_PERIOD };

static const char *const status_names[] = { "ok", "no-figures", "duplicate",
	"superseded", "name-clash", "unreadable", "not-a-report",
	"unresolved-issuer", "ambiguous-issuer", "no-period" };

enum { I_DOC, I_PATH, I_SHA, I_ISSUER, I_DOC_NO, I_DATE, I_PERIOD_TEXT,
	I_TITLE, I_PLACES, I_FIGURES, I_ERROR, NIN };

static const char *const incols[NIN] = { "doc", "path", "sha256", "issuer",
	"doc_no", "doc_date", "period_text", "title", "places", "figures",
	"error" };

static const char *const outcols[] = { "reporter_code", "reporter_name",
	"province_code", "period", "units_level", "units_total", "status",
	"reason" };
enum { NOUT = sizeof(outcols) / sizeof(outcols[0]) };

struct mrow {
	char **f;		/* every input field */
	char *code, *name, *prov, *period;	/* NULL when unknown */
	char day[11];		/* the document's date, "" when none */
	int stamp_day;		/* day is the signature stamp's: the date
				 * line gives none */
	char *slot;		/* period and subject: a resend shares them */
	const char *level;	/* units that should report: "district", "ward" */
	size_t total;
	enum mstatus st;
	char *reason;		/* NULL for ok */
	size_t order;		/* input order */
};

struct mstate {
	const struct gaz *g;
	const struct manifest_opts *o;
	long idx[NIN];
	long signed_at, dropped;	/* the optional columns, or -1 */
	size_t ncols;
	struct mrow *r;
	size_t n;
};

int
manifest_resends(const char *name)
{
	if (strcmp(name, "latest") == 0)
		return RESENDS_LATEST;
	if (strcmp(name, "both") == 0)
		return RESENDS_BOTH;
	if (strcmp(name, "error") == 0)
		return RESENDS_ERROR;
	return -1;
}

static const char *
fld(const struct mstate *st, const struct mrow *r, int c)
{
	return r->f[st->idx[c]];
}

static void
set_status(struct mrow *r, enum mstatus s, char *reason)
{
	r->st = s;
	free(r->reason);
	r->reason = reason;
}

/*
 * What the report is about: its title folded, without its period and the
 * words that mark a resend ("bổ sung", "thay thế", ...), letters only.
 * Two reports of one reporter and period are a report and its resend when
 * their subjects are one; a province's report on administrative reform and
 * its report on drug prevention are two reports.
 */
static void
subject(struct buf *out, const char *title, const char *period_text)
{
	struct buf f = { 0 }, p = { 0 };
	char *at;
	size_t i, k;

	buf_addc(&f, ' ');
	u8_fold(&f, title, strlen(title));
	buf_addc(&f, ' ');
	u8_fold(&p, period_text, strlen(period_text));
	if (p.n > 0 && (at = strstr(f.p, p.p)) != NULL)
		memset(at, ' ', p.n);
	for (i = 0; i < f.n; i++)
		if (f.p[i] < 'a' || f.p[i] > 'z')
			f.p[i] = ' ';
	for (i = 0; i < f.n; i++)
		if ((i == 0 || f.p[i - 1] == ' ') &&
		    (k = words_prefix(WL_RESEND_WORD, f.p + i, f.n - i)) > 0)
			memset(f.p + i, ' ', k);
	for (i = 0; i < f.n; i++)
		if (f.p[i] != ' ' || (out->n > 0 && out->p[out->n - 1] != ' '))
			buf_addc(out, f.p[i]);
	while (out->n > 0 && out->p[out->n - 1] == ' ')
		out->n--;
	buf_free(&f);
	buf_free(&p);
}

/*
 * A date line that gives no date (a scan whose date OCR could not read):
 * the day of the signature stamp's first time, when there is one.
 */
static void
stamp_date(const struct mstate *st, struct mrow *r)
{
	const char *at = st->signed_at < 0 ? "" : r->f[st->signed_at];

	r->day[0] = '\0';
	if (strlen(at) >= 10 && at[4] == '-' && at[7] == '-') {
		struct span d = { at, 10 };

		if (reporter_doc_date(d, r->day) == 0)
			r->stamp_day = 1;
		else
			r->day[0] = '\0';
	}
}

static void
read_rows(struct mstate *st, struct csvin *in)
{
	size_t k, cap = 0;

	while (csvin_next(in)) {
		struct mrow *r;

		if (st->n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			st->r = xreallocarray(st->r, cap, sizeof(*st->r));
		}
		r = &st->r[st->n];
		memset(r, 0, sizeof(*r));
		r->order = st->n++;
		r->f = xcalloc(st->ncols, sizeof(*r->f));
		for (k = 0; k < st->ncols; k++) {
			struct span s = csvin_field(in, k);

			r->f[k] = xmemdup(s.p, s.n);
		}
		if (reporter_doc_date(span_of(fld(st, r, I_DATE)), r->day) != 0)
			stamp_date(st, r);
	}
}

/* Does the title start with the word for a report ("BÁO CÁO")? */
static int
says_report(const char *s)
{
	struct buf f = { 0 };
	int yes;

	u8_fold(&f, s, strlen(s));
	yes = f.p != NULL && words_prefix(WL_REPORT_VERB, f.p, f.n) > 0;
	buf_free(&f);
	return yes;
}

/* Why the document is not a report, or NULL when it is one. */
static char *
not_a_report(const struct mstate *st, const struct mrow *r)
{
	const char *title = fld(st, r, I_TITLE), *no = fld(st, r, I_DOC_NO);
	struct buf why = { 0 };

	if (says_report(title) || strstr(no, "/BC") != NULL ||
	    strstr(no, "BC-") != NULL)
		return NULL;
	if (title[0] != '\0')
		buf_printf(&why, "a '%.*s%s', not a report",
		    DIAG_QUOTE(title, strlen(title)));
	else if (fld(st, r, I_ISSUER)[0] == '\0' && no[0] == '\0' &&
	    fld(st, r, I_DATE)[0] == '\0' && fld(st, r, I_PERIOD_TEXT)[0] == '\0')
		buf_adds(&why, "no report header: no issuer, number, date, title "
		    "or period");
	return why.p;
}

static void
resolve_period(const struct mstate *st, struct mrow *r, struct buf *why)
{
	const char *text = fld(st, r, I_PERIOD_TEXT);
	struct buf f = { 0 };
	char p[32];

	u8_fold(&f, text, strlen(text));
	if (f.p != NULL && period_of_report(f.p, r->day[0] != '\0' ? r->day :
	    NULL, p, sizeof(p)) == 0)
		r->period = xstrdup(p);
	else if (text[0] == '\0')
		buf_adds(why, "no period in the title");
	else
		buf_printf(why, "period '%.*s%s' not understood",
		    DIAG_QUOTE(text, strlen(text)));
	buf_free(&f);
}

/* Issuer and period, as normalize resolves them for the facts. */
static void
resolve_row(const struct mstate *st, struct mrow *r)
{
	struct reporter_query q;
	struct reporter rep;
	struct buf pwhy = { 0 };

	resolve_period(st, r, &pwhy);
	if (fld(st, r, I_ISSUER)[0] == '\0') {
		set_status(r, M_UNRESOLVED, xstrdup("no issuer in the report"));
		buf_free(&pwhy);
		return;
	}
	q.issuer = span_of(fld(st, r, I_ISSUER));
	q.date = r->stamp_day ? span_of(r->day) : span_of(fld(st, r, I_DATE));
	q.places = span_of(fld(st, r, I_PLACES));
	q.period = r->period;
	q.province = st->o->province;
	reporter_resolve(st->g, &q, &rep);
	if (rep.status == REPORTER_OK) {
		r->code = xstrdup(rep.unit->code);
		r->name = xstrdup(rep.unit->full_name);
		r->prov = xstrdup(rep.unit->province);
		if (r->period == NULL)
			set_status(r, M_NO_PERIOD, pwhy.p);
		else
			buf_free(&pwhy);
	} else {
		set_status(r, rep.status == REPORTER_AMBIGUOUS ? M_AMBIGUOUS :
		    M_UNRESOLVED, rep.reason);
		rep.reason = NULL;
		buf_free(&pwhy);
	}
	reporter_clear(&rep);
}

/* A row with its sort key: rows of one key are then next to each other,
 * in input order, or by date and then input order. */
struct keyed {
	const char *k1, *k2, *k3;
	struct mrow *r;
};

static int
by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->k1, y->k1);

	if (c == 0)
		c = strcmp(x->k2, y->k2);
	if (c == 0)
		c = strcmp(x->k3, y->k3);
	if (c == 0)
		c = x->r->order < y->r->order ? -1 : x->r->order > y->r->order;
	return c;
}

/*
 * Every ok row after the first of those with the same non-empty column c
 * gets status s, its reason naming the first.
 */
static void
mark_same(struct mstate *st, int c, enum mstatus s, const char *what)
{
	struct keyed *v = xreallocarray(NULL, st->n + 1, sizeof(*v));
	size_t i, first = 0, n = 0;

	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK && fld(st, &st->r[i], c)[0] != '\0') {
			v[n].k1 = fld(st, &st->r[i], c);
			v[n].k2 = v[n].k3 = "";
			v[n++].r = &st->r[i];
		}
	qsort(v, n, sizeof(*v), by_key);
	for (i = 0; i < n; i++) {
		struct buf why = { 0 };

		if (i == 0 || strcmp(v[i].k1, v[first].k1) != 0) {
			first = i;
			continue;
		}
		buf_printf(&why, "%s '%s'", what, fld(st, v[first].r, I_PATH));
		set_status(v[i].r, s, why.p);
	}
	free(v);
}

/* The reason of a report a resend replaces. */
static char *
superseded_by(const struct mstate *st, const struct mrow *old,
    const struct mrow *win)
{
	struct buf why = { 0 };

	buf_printf(&why, "resent: '%s' (dated %s) replaces it",
	    fld(st, win, I_PATH), win->day[0] != '\0' ? win->day : "without a date");
	if (strcmp(old->day, win->day) == 0)
		buf_adds(&why, ", the later file of the same date");
	return why.p;
}

/*
 * Two or more reports for one reporter, period and subject: by default
 * the later document date wins (the later file on the same date), the
 * others are superseded.
 */
static void
settle_resends(struct mstate *st)
{
	struct keyed *v = xreallocarray(NULL, st->n + 1, sizeof(*v));
	size_t i, j, n = 0, end;

	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK) {
			struct buf slot = { 0 };

			buf_adds(&slot, st->r[i].period);
			buf_addc(&slot, '\x1f');
			subject(&slot, fld(st, &st->r[i], I_TITLE),
			    fld(st, &st->r[i], I_PERIOD_TEXT));
			buf_adds(&slot, "");
			free(st->r[i].slot);
			st->r[i].slot = slot.p;
			v[n].k1 = st->r[i].code;
			v[n].k2 = st->r[i].slot;
			v[n].k3 = st->r[i].day;
			v[n++].r = &st->r[i];
		}
	qsort(v, n, sizeof(*v), by_key);
	for (i = 0; i < n; i = end) {
		for (end = i + 1; end < n && strcmp(v[end].k1, v[i].k1) == 0 &&
		    strcmp(v[end].k2, v[i].k2) == 0; end++)
			;
		if (end - i < 2 || st->o->resends == RESENDS_BOTH)
			continue;
		if (st->o->resends == RESENDS_ERROR)
			die(2, "%s: %s: another report of %s for %s (--resends "
			    "error)", fld(st, v[i].r, I_PATH),
			    fld(st, v[end - 1].r, I_PATH), v[i].k1, v[i].r->period);
		for (j = i; j + 1 < end; j++)
			set_status(v[j].r, M_SUPERSEDED,
			    superseded_by(st, v[j].r, v[end - 1].r));
	}
	free(v);
}

static void
classify(struct mstate *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];
		const char *err = fld(st, r, I_ERROR);

		if (err[0] != '\0')
			set_status(r, M_UNREADABLE, xstrdup(err));
	}
	mark_same(st, I_SHA, M_DUPLICATE, "the same content as");
	mark_same(st, I_DOC, M_NAME_CLASH, "its document name is taken by");
	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];
		char *why;

		if (r->st != M_OK)
			continue;
		if ((why = not_a_report(st, r)) != NULL)
			set_status(r, M_NOT_REPORT, why);
		else
			resolve_row(st, r);
	}
	settle_resends(st);
	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK && strcmp(fld(st, &st->r[i], I_FIGURES),
		    "0") == 0)
			set_status(&st->r[i], M_NO_FIGURES,
			    xstrdup("no figure found in it"));
}

/* Whether extract's dropped field d says it left out cells, rows or
 * figures (a context cut short loses no figure). */
static int
read_in_part(const char *d)
{
	return strstr(d, "cells:") != NULL || strstr(d, "rows:") != NULL ||
	    strstr(d, "figures:") != NULL;
}

/* The row's reason, then what else an analyst should know of it: a date
 * taken from its stamp, a report read in part. */
static void
reason(const struct mstate *st, const struct mrow *r, struct buf *why)
{
	const char *d = st->dropped < 0 ? "" : r->f[st->dropped];

	if (r->reason != NULL)
		buf_adds(why, r->reason);
	if (r->stamp_day)
		buf_printf(why, "%sdated %s by its signature stamp: the date "
		    "line gives no date", why->n > 0 ? "; " : "", r->day);
	if (read_in_part(d))
		buf_printf(why, "%sread in part: its limits dropped %s",
		    why->n > 0 ? "; " : "", d);
}

static void
write_row(const struct mstate *st, struct csvout *out, struct mrow *r)
{
	struct buf why = { 0 };
	size_t k;

	for (k = 0; k < st->ncols; k++)
		csvout_str(out, r->f[k]);
	csvout_str(out, r->code != NULL ? r->code : "");
	csvout_str(out, r->name != NULL ? r->name : "");
	csvout_str(out, r->prov != NULL ? r->prov : "");
	csvout_str(out, r->period != NULL ? r->period : "");
	csvout_str(out, r->level != NULL ? r->level : "");
	if (r->level != NULL)
		csvout_ulong(out, r->total);
	else
		csvout_str(out, "");
	csvout_str(out, status_names[r->st]);
	reason(st, r, &why);
	csvout_str(out, why.p == NULL ? "" : why.p);
	buf_free(&why);
	csvout_end(out);
}

static int
left_out(enum mstatus s)
{
	return s != M_OK && s != M_NO_FIGURES && s != M_DUPLICATE &&
	    s != M_SUPERSEDED;
}

/* A resolved report that counts as having reported, for coverage. */
struct cov {
	const char *prov, *period, *code;
	char end[11];
};

static int
by_cov(const void *a, const void *b)
{
	const struct cov *x = a, *y = b;
	int c = strcmp(x->prov, y->prov);

	if (c == 0)
		c = strcmp(x->end, y->end);
	if (c == 0)
		c = strcmp(x->period, y->period);
	if (c == 0)
		c = strcmp(x->code, y->code);
	return c;
}

/*
 * One line per province and period: how many of the units that should
 * report did (ok or no-figures), and a line where the kind of those units
 * changes (the 2025 reform: districts, then wards).
 */
static void
coverage(const struct mstate *st)
{
	struct cov *v = xreallocarray(NULL, st->n + 1, sizeof(*v));
	char **codes = xreallocarray(NULL, st->n + 1, sizeof(*codes));
	const char *level, *last_level = NULL, *last_prov = "", *last_per = "";
	size_t i, j, n = 0, k, covered, total;

	for (i = 0; i < st->n; i++) {
		const struct mrow *r = &st->r[i];

		if ((r->st != M_OK && r->st != M_NO_FIGURES) || r->prov == NULL ||
		    r->period == NULL || period_end(r->period, strlen(r->period),
		    v[n].end) != 0)
			continue;
		v[n].prov = r->prov;
		v[n].period = r->period;
		v[n++].code = r->code;
	}
	qsort(v, n, sizeof(*v), by_cov);
	for (i = 0; i < n; i = j) {
		for (j = i, k = 0; j < n && strcmp(v[j].prov, v[i].prov) == 0 &&
		    strcmp(v[j].period, v[i].period) == 0; j++)
			if (j == i || strcmp(v[j].code, v[j - 1].code) != 0)
				codes[k++] = (char *)v[j].code;
		total = gaz_coverage(st->g, v[i].prov, v[i].end, codes, k, &covered);
		gaz_reporting_units(st->g, v[i].prov, v[i].end, &level);
		if (strcmp(last_prov, v[i].prov) == 0 && last_level != NULL &&
		    strcmp(last_level, level) != 0)
			warn("coverage %s: %s-level units from %s on, %s-level "
			    "units up to %s (the two-tier reform of 2025-07-01)",
			    v[i].prov, level, v[i].period, last_level, last_per);
		warn("coverage %s %s: %zu of %zu %s-level units", v[i].prov,
		    v[i].period, covered, total, level);
		last_prov = v[i].prov;
		last_per = v[i].period;
		last_level = level;
	}
	free(codes);
	free(v);
}

/* "reports: 12 (8 ok, 1 duplicate, ...)", statuses in table order. */
static void
summary(const struct mstate *st, size_t left_out)
{
	size_t count[sizeof(status_names) / sizeof(status_names[0])] = { 0 };
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < st->n; i++)
		count[st->r[i].st]++;
	buf_printf(&b, "reports: %zu (", st->n);
	for (i = 0; i < sizeof(count) / sizeof(count[0]); i++)
		if (count[i] > 0)
			buf_printf(&b, "%s%zu %s", b.p[b.n - 1] == '(' ? "" : ", ",
			    count[i], status_names[i]);
	buf_addc(&b, ')');
	warn("%s", b.p);
	warn("reports left out: %zu", left_out);
	coverage(st);
	buf_free(&b);
}

static void
free_rows(struct mstate *st)
{
	size_t i, k;

	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];

		for (k = 0; k < st->ncols; k++)
			free(r->f[k]);
		free(r->f);
		free(r->code);
		free(r->name);
		free(r->prov);
		free(r->period);
		free(r->reason);
		free(r->slot);
	}
	free(st->r);
}

static void
write_header(const struct mstate *st, struct csvin *in, struct csvout *out)
{
	size_t i, k;

	for (k = 0; k < st->ncols; k++)
		csvout_span(out, csvin_colname(in, k));
	for (i = 0; i < NOUT; i++)
		csvout_str(out, outcols[i]);
	csvout_end(out);
}

/* Every row out, the trouble said on stderr; returns the rows left out. */
static size_t
write_rows(struct mstate *st, struct csvout *out)
{
	size_t i, bad = 0;
	char end[11];

	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];
		const char *path = fld(st, r, I_PATH);

		if (r->prov != NULL && r->period != NULL &&
		    period_end(r->period, strlen(r->period), end) == 0)
			r->total = gaz_reporting_units(st->g, r->prov, end,
			    &r->level);
		if (r->st == M_UNREADABLE)
			warn("%s (unreadable: left out)", r->reason);
		else if (r->st != M_OK)
			warn("%s: %s: %s", path, status_names[r->st], r->reason);
		bad += left_out(r->st);
		if (st->o->corr != NULL)
			corr_run_report(st->o->corr, fld(st, r, I_DOC), path,
			    status_names[r->st]);
		write_row(st, out, r);
		if (st->o->copy != NULL)
			write_row(st, st->o->copy, r);
		if (st->o->kept != NULL && r->st == M_OK &&
		    fwrite(path, 1, strlen(path) + 1, st->o->kept) !=
		    strlen(path) + 1)
			die(2, "writing the list of reports:");
	}
	return bad;
}

size_t
manifest_run(struct csvin *in, struct csvout *out, const struct gaz *g,
    const struct manifest_opts *o)
{
	struct mstate st = { g, o, { 0 }, -1, -1, 0, NULL, 0 };
	size_t i, k, bad;

	csvin_require(in, incols, st.idx, NIN);
	st.signed_at = csvin_col(in, "signed_at");
	st.dropped = csvin_col(in, "dropped");
	st.ncols = csvin_ncols(in);
	for (k = 0; k < st.ncols; k++)
		for (i = 0; i < NOUT; i++)
			if (span_eq(csvin_colname(in, k), outcols[i]))
				die(2, "input column '%s' would clash with an "
				    "output column", outcols[i]);
	read_rows(&st, in);
	classify(&st);
	write_header(&st, in, out);
	if (o->copy != NULL)
		write_header(&st, in, o->copy);
	bad = write_rows(&st, out);
	if (o->summary)
		summary(&st, bad);
	free_rows(&st);
	return bad;
}
