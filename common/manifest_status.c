/*
 * manifest: each file's status (see manifest.h): by its kind (an
 * archive, an empty file, a lock file, ...), the same bytes as another,
 * a report or not, its reporter and period resolved, the run's province
 * chosen when not given, another body's report; resends are
 * manifest_resend.c's; two files of one document name, a report with no
 * figure.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "manifest.h"
#include "manifest_int.h"
#include "period.h"
#include "reporter.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

/* What a kind (extract --docs) makes a row, and why, when it has no
 * error: the status and the reason. */
static const struct kind {
	const char *kind;
	enum mstatus st;
	const char *why;
} kinds[] = {
	{ "archive", M_ARCHIVE, NULL },	/* archive_reason */
	{ "empty", M_EMPTY, "an empty file (0 bytes): nothing came; ask the "
	    "sender for it again" },
	{ "lock-file", M_LOCK, "a lock or temporary file a word processor "
	    "keeps while a document is open: not a report" },
	{ "system-file", M_SYSTEM, "a file the computer keeps for itself "
	    "(Thumbs.db, .DS_Store, __MACOSX): not a report" },
	{ "spreadsheet", M_SPREADSHEET, "a spreadsheet or a table (CSV), "
	    "not a report: its figures are not read" },
	{ "image", M_IMAGE, "an image, not read: --ocr reads a scanned or "
	    "photographed report" },
	{ "other", M_NOT_REPORT, NULL },	/* extract's error */
	{ "old-folder", M_FOLDER, "a folder of old reports (its name says "
	    "so): not read; --recurse-all reads it" },
	{ "hidden-folder", M_FOLDER, "a hidden folder: not read; "
	    "--recurse-all reads it" },
	{ "subfolder", M_FOLDER, "a subfolder: not read (--no-recurse)" },
};

/* The status and reason a kind of file gives a row (see kinds[]). */
static void
by_kind(struct mstate *st, struct mrow *r, const char *kind)
{
	const char *err = fld(st, r, I_ERROR);
	size_t k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (strcmp(kinds[k].kind, kind) == 0)
			break;
	if (k == sizeof(kinds) / sizeof(kinds[0]) ||
	    (kinds[k].st == M_ARCHIVE && err[0] != '\0'))
		set_status(r, M_UNREADABLE, xstrdup(err[0] != '\0' ? err :
		    "not read"));
	else if (kinds[k].why == NULL)
		set_status(r, kinds[k].st, err[0] != '\0' ? xstrdup(err) : NULL);
	else
		set_status(r, kinds[k].st, xstrdup(kinds[k].why));
}

/* An archive's reason: how many files of it follow. */
static void
archive_reason(struct mstate *st, struct mrow *r)
{
	const char *path = fld(st, r, I_PATH);
	size_t i, n = strlen(path), files = 0;
	struct buf why = { 0 };

	for (i = 0; i < st->n; i++)
		if (strncmp(fld(st, &st->r[i], I_PATH), path, n) == 0 &&
		    fld(st, &st->r[i], I_PATH)[n] == '/')
			files++;
	if (files == 1)
		buf_printf(&why, "an archive of 1 file, listed as '%s/...'", path);
	else
		buf_printf(&why, "an archive of %zu files, each listed as "
		    "'%s/...'", files, path);
	set_status(r, M_ARCHIVE, why.p);
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

/* The name of province code (on day, "YYYY-MM-DD"; "" for any), or the
 * code itself. */
const char *
mf_prov_name(const struct mstate *st, const char *code, const char *day)
{
	const struct gaz_unit *u = gaz_by_code(st->g, code,
	    day != NULL && day[0] != '\0' ? day : "2025-06-30");

	return u != NULL ? u->full_name : code;
}

static void
set_unit(struct mrow *r, const struct gaz_unit *u)
{
	free(r->code);
	free(r->name);
	free(r->prov);
	r->code = xstrdup(u->code);
	r->name = xstrdup(u->full_name);
	r->prov = xstrdup(u->province);
}

/* Resolves r's issuer among the units of province prov (NULL: any) into
 * *rep (which the caller clears). */
static void
resolve_in(const struct mstate *st, const struct mrow *r, const char *prov,
    struct reporter *rep)
{
	struct reporter_query q;

	q.issuer = span_of(fld(st, r, I_ISSUER));
	q.date = r->stamp_day ? span_of(r->day) : span_of(fld(st, r, I_DATE));
	q.places = span_of(fld(st, r, I_PLACES));
	q.period = r->period;
	q.province = prov;
	reporter_resolve(st->g, &q, rep);
}

/* A report of another province than the run's: its reason. */
static void
other_province(const struct mstate *st, struct mrow *r, const char *candidates)
{
	struct buf why = { 0 };

	if (r->prov != NULL)
		buf_printf(&why, "a report of %s (%s), ", mf_prov_name(st,
		    r->prov, r->day), r->prov);
	else
		buf_printf(&why, "a report of another province (%s), ",
		    candidates);
	buf_printf(&why, "not of %s (%s), the province this run sums",
	    mf_prov_name(st, st->province, r->day), st->province);
	set_status(r, M_OTHER_PROVINCE, why.p);
}

/* The status of a row resolved into rep (and its period, pwhy's). */
static void
take(struct mrow *r, struct reporter *rep, struct buf *pwhy)
{
	if (rep->status == REPORTER_OK) {
		set_unit(r, rep->unit);
		if (r->period == NULL) {
			set_status(r, M_NO_PERIOD, pwhy->p);
			pwhy->p = NULL;
		} else {
			set_status(r, M_OK, NULL);
		}
	} else {
		set_status(r, rep->status == REPORTER_AMBIGUOUS ? M_AMBIGUOUS :
		    M_UNRESOLVED, rep->reason);
		rep->reason = NULL;
	}
	buf_free(pwhy);
}

/*
 * Issuer and period, as normalize resolves them for the facts: in the
 * run's province when it is given, where an issuer that names no unit of
 * it but one of another is another province's.  (Without one given,
 * choose_province settles the rest.)
 */
static void
resolve_row(const struct mstate *st, struct mrow *r)
{
	struct reporter rep, any;
	struct buf pwhy = { 0 };

	resolve_period(st, r, &pwhy);
	if (fld(st, r, I_ISSUER)[0] == '\0') {
		set_status(r, M_UNRESOLVED, xstrdup("no issuer in the report"));
		buf_free(&pwhy);
		return;
	}
	resolve_in(st, r, st->o->province, &rep);
	if (rep.status == REPORTER_UNRESOLVED && st->o->province != NULL) {
		resolve_in(st, r, NULL, &any);
		if (any.status == REPORTER_OK) {
			set_unit(r, any.unit);
			other_province(st, r, NULL);
			buf_free(&pwhy);
		} else if (any.status == REPORTER_AMBIGUOUS) {
			other_province(st, r, any.reason);
			buf_free(&pwhy);
		} else {
			take(r, &rep, &pwhy);
		}
		reporter_clear(&any);
	} else {
		take(r, &rep, &pwhy);
	}
	reporter_clear(&rep);
}

/* A province and how many reports, and units, resolve to it. */
struct pcount {
	const char *prov;
	size_t reports, units;
};

static int
more_reports(const void *a, const void *b)
{
	const struct pcount *x = a, *y = b;

	if (x->reports != y->reports)
		return x->reports > y->reports ? -1 : 1;
	if (x->units != y->units)
		return x->units > y->units ? -1 : 1;
	return strcmp(x->prov, y->prov);
}

/* Is r a report resolved to a unit (whatever its period)? */
static int
resolved(const struct mrow *r)
{
	return (r->st == M_OK || r->st == M_NO_PERIOD) && r->prov != NULL;
}

/*
 * Without --province: the province most reports resolve to is the run's
 * (ties: more units, then the lower code); the reports of others are
 * other-province, and a namesake is settled by it.
 */
static void
choose_province(struct mstate *st)
{
	struct pcount *c = xreallocarray(NULL, st->n + 1, sizeof(*c));
	size_t i, j, k, nc = 0;

	for (i = 0; i < st->n; i++) {
		const struct mrow *r = &st->r[i];
		int first_unit = 1;

		if (!resolved(r))
			continue;
		st->resolved++;
		for (j = 0; j < i; j++)
			if (resolved(&st->r[j]) &&
			    strcmp(st->r[j].code, r->code) == 0)
				first_unit = 0;
		for (k = 0; k < nc && strcmp(c[k].prov, r->prov) != 0; k++)
			;
		if (k == nc) {
			c[nc].prov = r->prov;
			c[nc].reports = c[nc].units = 0;
			nc++;
		}
		c[k].reports++;
		c[k].units += first_unit;
	}
	if (nc > 0) {
		qsort(c, nc, sizeof(*c), more_reports);
		st->province = c[0].prov;
		st->prov_reports = c[0].reports;
	}
	free(c);
	if (st->province == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];
		struct reporter rep;
		struct buf pwhy = { 0 };

		if (resolved(r) && strcmp(r->prov, st->province) != 0) {
			other_province(st, r, NULL);
		} else if (r->st == M_AMBIGUOUS) {
			resolve_in(st, r, st->province, &rep);
			if (rep.status == REPORTER_UNRESOLVED) {
				other_province(st, r, r->reason);
			} else {
				resolve_period(st, r, &pwhy);
				take(r, &rep, &pwhy);
			}
			reporter_clear(&rep);
		}
	}
}

int
mf_by_key(const void *a, const void *b)
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
 * gets status s, its reason naming the first; with copies, the first is
 * one whose name marks no copy, where there is one.
 */
static void
mark_same(struct mstate *st, int c, int copies, enum mstatus s,
    const char *what)
{
	struct keyed *v = xreallocarray(NULL, st->n + 1, sizeof(*v));
	size_t i, first = 0, n = 0;

	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK && fld(st, &st->r[i], c)[0] != '\0') {
			v[n].k1 = fld(st, &st->r[i], c);
			v[n].k2 = copies && st->r[i].copy ? "1" : "0";
			v[n].k3 = "";
			v[n++].r = &st->r[i];
		}
	qsort(v, n, sizeof(*v), mf_by_key);
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

/*
 * A report of a body whose reports are not summed (--body; by default
 * any but the People's Committee: a party committee's or a council's
 * report of the unit states figures of its own, which summed beside the
 * committee's would count the unit twice) is other-body, whatever its
 * unit: neither summed nor trouble.  Its reason is other_body_reasons'.
 */
static void
other_bodies(struct mstate *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];

		if ((r->st == M_OK || r->st == M_NO_PERIOD ||
		    r->st == M_UNRESOLVED || r->st == M_AMBIGUOUS ||
		    r->st == M_OTHER_PROVINCE) && !mf_summed_body(st, r))
			set_status(r, M_OTHER_BODY, NULL);
	}
}

/* Each other-body report's reason: which body issued it, and the report
 * of the same unit and period that is summed, when there is one. */
static void
other_body_reasons(struct mstate *st)
{
	size_t i, j;

	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];
		const struct mrow *c = NULL;
		struct buf why = { 0 };

		if (r->st != M_OTHER_BODY)
			continue;
		for (j = 0; j < st->n && c == NULL && r->code != NULL &&
		    r->period != NULL; j++)
			if (st->r[j].st == M_OK && strcmp(st->r[j].code,
			    r->code) == 0 && strcmp(st->r[j].period,
			    r->period) == 0)
				c = &st->r[j];
		buf_printf(&why, "issued by '%s', not the People's Committee "
		    "('committee'), as its number or letterhead says: not "
		    "summed", mf_body(st, r));
		if (c != NULL)
			buf_printf(&why, "; '%s', the %s report of the same "
			    "unit and period, is", fld(st, c, I_PATH),
			    mf_body(st, c));
		buf_printf(&why, " (--body committee,%s sums it too)",
		    mf_body(st, r));
		set_status(r, M_OTHER_BODY, why.p);
	}
}

/*
 * Each row's status: its kind, a file of the same bytes, a report or not,
 * its reporter and period, another body's, the run's province, resends,
 * a document name taken, no figure.
 */
void
mf_classify(struct mstate *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		struct mrow *r = &st->r[i];
		const char *err = fld(st, r, I_ERROR);
		const char *kind = opt(st, r, X_KIND);

		r->st_of = st;
		if (kind[0] != '\0')
			by_kind(st, r, kind);
		else if (err[0] != '\0')
			set_status(r, M_UNREADABLE, xstrdup(err));
		if (r->st == M_ARCHIVE)
			archive_reason(st, r);
	}
	st->province = st->o->province;
	mark_same(st, I_SHA, 1, M_DUPLICATE, "the same content as");
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
	other_bodies(st);
	if (st->province == NULL)
		choose_province(st);
	mf_settle_resends(st);
	other_body_reasons(st);
	/* Two files of one name (a report's .docx and its signed .pdf) are
	 * no trouble when one is read: the other is its form or version. */
	mark_same(st, I_DOC, 0, M_NAME_CLASH, "its document name is taken by");
	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK && strcmp(fld(st, &st->r[i], I_FIGURES),
		    "0") == 0)
			set_status(&st->r[i], M_NO_FIGURES,
			    xstrdup("no figure found in it"));
}
