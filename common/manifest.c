#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fname.h"
#include "manifest.h"
#include "period.h"
#include "reporter.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

/* In the order the summary counts them: those that need nothing, then
 * those left out for trouble, from M_AMBIGUOUS_RESEND on. */
enum mstatus { M_OK, M_NO_FIGURES, M_DUPLICATE, M_SAME_REPORT, M_SUPERSEDED,
	M_OTHER_PROVINCE, M_OTHER_BODY, M_ARCHIVE, M_FOLDER, M_LOCK, M_SYSTEM,
	M_SPREADSHEET, M_IMAGE, M_AMBIGUOUS_RESEND, M_EMPTY, M_NAME_CLASH,
	M_UNREADABLE, M_NOT_REPORT, M_UNRESOLVED, M_AMBIGUOUS, M_NO_PERIOD,
	M_N };

static const char *const status_names[M_N] = { "ok", "no-figures",
	"duplicate", "same-report", "superseded", "other-province", "other-body",
	"archive", "folder-left-out", "lock-file", "system-file", "spreadsheet",
	"image", "ambiguous-resend", "empty", "name-clash", "unreadable",
	"not-a-report", "unresolved-issuer", "ambiguous-issuer", "no-period" };

enum { I_DOC, I_PATH, I_SHA, I_ISSUER, I_DOC_NO, I_DATE, I_PERIOD_TEXT,
	I_TITLE, I_PLACES, I_FIGURES, I_ERROR, NIN };

static const char *const incols[NIN] = { "doc", "path", "sha256", "issuer",
	"doc_no", "doc_date", "period_text", "title", "places", "figures",
	"error" };

/* The optional input columns (extract --docs writes them all). */
enum { X_SIGNED_AT, X_DROPPED, X_KIND, X_READER, X_MODIFIED, X_DIGEST,
	X_SIGNED_BY, X_BODY, NX };

static const char *const optcols[NX] = { "signed_at", "dropped", "kind",
	"reader", "modified", "figures_digest", "signed_by", "body" };

/* The bodies extract --docs names (its body column), a bit each in
 * manifest_opts.bodies in this order. */
static const char *const body_codes[] = { "committee", "party", "steering",
	"office", "centre", "council" };
enum { NBODIES = sizeof(body_codes) / sizeof(body_codes[0]) };

static const char *const outcols[] = { "reporter_code", "reporter_name",
	"province_code", "period", "units_level", "units_total", "status",
	"reason", "run_province", "run_province_by" };
enum { NOUT = sizeof(outcols) / sizeof(outcols[0]) };

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

struct mstate;

struct mrow {
	char **f;		/* every input field */
	char *code, *name, *prov, *period;	/* NULL when unknown */
	int copy;		/* its file name marks a copy: "(1)" */
	int resend;		/* how much its title and name say it is
				 * sent again (fname_resend) */
	const struct mstate *st_of;	/* the run it is of (for qsort) */
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
	long opt[NX];		/* the optional columns, or -1 */
	size_t ncols;
	struct mrow *r;
	size_t n;
	const char *province;	/* the run's: o->province, or chosen */
	size_t prov_reports;	/* when chosen: the reports of it, */
	size_t resolved;	/* of the reports resolved */
};

int
manifest_bodies(const char *list, unsigned *bodies)
{
	const char *p = list, *end;
	size_t k, n;

	*bodies = 0;
	if (strcmp(list, "all") == 0) {
		*bodies = MANIFEST_BODIES_ALL;
		return 0;
	}
	for (;;) {
		end = strchr(p, ',');
		n = end != NULL ? (size_t)(end - p) : strlen(p);
		for (k = 0; k < NBODIES; k++)
			if (strlen(body_codes[k]) == n &&
			    strncmp(body_codes[k], p, n) == 0)
				break;
		if (k == NBODIES)
			return -1;
		*bodies |= 1u << k;
		if (end == NULL)
			return 0;
		p = end + 1;
	}
}

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

/* An optional column's field, "" when the input has none. */
static const char *
opt(const struct mstate *st, const struct mrow *r, int c)
{
	return st->opt[c] < 0 ? "" : r->f[st->opt[c]];
}

/* The body that issued r: its body column, "committee" when that is
 * empty (nothing says another body did). */
static const char *
body(const struct mstate *st, const struct mrow *r)
{
	const char *b = opt(st, r, X_BODY);

	return b[0] != '\0' ? b : body_codes[0];
}

/* Are the reports of r's body summed (o->bodies; 0: the committee's)? */
static int
summed_body(const struct mstate *st, const struct mrow *r)
{
	unsigned mask = st->o->bodies != 0 ? st->o->bodies : 1u;
	const char *b = body(st, r);
	size_t k;

	if (mask == MANIFEST_BODIES_ALL)
		return 1;
	for (k = 0; k < NBODIES; k++)
		if (strcmp(b, body_codes[k]) == 0)
			return (mask & 1u << k) != 0;
	return 0;
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
	const char *at = opt(st, r, X_SIGNED_AT);

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
		r->copy = fname_copy(fld(st, r, I_PATH));
		r->resend = fname_resend(fld(st, r, I_TITLE), fld(st, r, I_PATH));
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

/* The name of province code (on day, "YYYY-MM-DD"; "" for any), or the
 * code itself. */
static const char *
prov_name(const struct mstate *st, const char *code, const char *day)
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
		buf_printf(&why, "a report of %s (%s), ", prov_name(st, r->prov,
		    r->day), r->prov);
	else
		buf_printf(&why, "a report of another province (%s), ",
		    candidates);
	buf_printf(&why, "not of %s (%s), the province this run sums",
	    prov_name(st, st->province, r->day), st->province);
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

/* Which form of one report is read: a .docx, a .doc, text, a PDF's text
 * layer, OCR. */
static int
reader_rank(const char *reader)
{
	static const char *const order[] = { "docx", "doc", "text", "pdf",
		"ocr", NULL };
	int k;

	for (k = 0; order[k] != NULL; k++)
		if (strcmp(reader, order[k]) == 0)
			return k;
	return k;
}

/* The document number without blanks, folded ("676/bc-ubnd"). */
static void
number_key(struct buf *out, const char *no)
{
	struct buf f = { 0 };
	size_t i;

	if (u8_invalid(no, strlen(no)) == strlen(no))
		u8_fold(&f, no, strlen(no));
	for (i = 0; i < f.n; i++)
		if (f.p[i] != ' ')
			buf_addc(out, f.p[i]);
	buf_adds(out, "");
	buf_free(&f);
}

/* Its number's figure ("676 /BC-UBND": 676), or -1. */
static long
number_of(const char *no)
{
	long v = -1;

	while (*no == ' ')
		no++;
	for (; wd_digit(*no) && v < 100000000; no++)
		v = (v < 0 ? 0 : v * 10) + (*no - '0');
	return v;
}

/* Are x and y one report in two forms: one date, one number, the same
 * figures? */
static int
same_report(const struct mstate *st, const struct mrow *x, const struct mrow *y)
{
	struct buf a = { 0 }, b = { 0 };
	int yes;

	if (x->day[0] == '\0' || strcmp(x->day, y->day) != 0 ||
	    opt(st, x, X_DIGEST)[0] == '\0' ||
	    strcmp(opt(st, x, X_DIGEST), opt(st, y, X_DIGEST)) != 0)
		return 0;
	number_key(&a, fld(st, x, I_DOC_NO));
	number_key(&b, fld(st, y, I_DOC_NO));
	yes = a.n > 0 && strcmp(a.p, b.p) == 0;
	buf_free(&a);
	buf_free(&b);
	return yes;
}

/* What decided which of two versions is the later. */
enum rule { R_NONE, R_DATE, R_NUMBER, R_WORDS, R_TIME };

/* Which of x and y is the later version (see manifest.h): > 0 x, < 0 y,
 * 0 when nothing says; *rule what said it. */
static int
later(const struct mstate *st, const struct mrow *x, const struct mrow *y,
    enum rule *rule)
{
	long nx = number_of(fld(st, x, I_DOC_NO));
	long ny = number_of(fld(st, y, I_DOC_NO));
	const char *tx = opt(st, x, X_MODIFIED), *ty = opt(st, y, X_MODIFIED);
	int c;

	*rule = R_DATE;
	if (x->day[0] != '\0' && y->day[0] != '\0' &&
	    (c = strcmp(x->day, y->day)) != 0)
		return c;
	*rule = R_NUMBER;
	if (nx >= 0 && ny >= 0 && nx != ny)
		return nx > ny ? 1 : -1;
	*rule = R_WORDS;
	if (x->resend != y->resend)
		return x->resend > y->resend ? 1 : -1;
	*rule = R_TIME;
	if (tx[0] != '\0' && ty[0] != '\0' && (c = strcmp(tx, ty)) != 0)
		return c;
	*rule = R_NONE;
	return 0;
}

/* The reason of a report the resend win replaces, by rule. */
static char *
superseded_by(const struct mstate *st, const struct mrow *old,
    const struct mrow *win, enum rule rule)
{
	struct buf why = { 0 };

	buf_printf(&why, "resent: '%s' replaces it: ", fld(st, win, I_PATH));
	switch (rule) {
	case R_DATE:
		buf_printf(&why, "dated %s%s, after %s%s", win->day,
		    win->stamp_day ? " (by its signature stamp)" : "", old->day,
		    old->stamp_day ? " (by its signature stamp)" : "");
		break;
	case R_NUMBER:
		buf_printf(&why, "%s, numbered %ld after %ld", win->day[0] != '\0' ?
		    "the same date" : "no date", number_of(fld(st, win, I_DOC_NO)),
		    number_of(fld(st, old, I_DOC_NO)));
		break;
	case R_WORDS:
		buf_adds(&why, "the same date and number, and its title or "
		    "file name says it is sent again");
		break;
	default:
		buf_printf(&why, "the same date and number, and a later file "
		    "time (%s, after %s)", opt(st, win, X_MODIFIED),
		    opt(st, old, X_MODIFIED));
		break;
	}
	return why.p;
}

/* The order the forms of one report are preferred in (same_reports). */
static int
by_preference(const void *a, const void *b)
{
	const struct mrow *x = *(struct mrow *const *)a;
	const struct mrow *y = *(struct mrow *const *)b;
	const struct mstate *st = x->st_of;
	int c = reader_rank(opt(st, x, X_READER)) -
	    reader_rank(opt(st, y, X_READER));

	if (c == 0)
		c = x->copy - y->copy;
	if (c == 0)
		c = x->order < y->order ? -1 : x->order > y->order;
	return c;
}

/* Of each report in several forms, all but the one read are same-report. */
static void
same_reports(struct mstate *st, struct mrow **g, size_t n)
{
	size_t i, j;
	int signed_form;

	qsort(g, n, sizeof(*g), by_preference);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n && g[i]->st == M_OK; j++) {
			struct buf why = { 0 };

			if (g[j]->st != M_OK || !same_report(st, g[i], g[j]))
				continue;
			signed_form = opt(st, g[j], X_SIGNED_BY)[0] != '\0' ||
			    fname_signed(fld(st, g[j], I_PATH));
			buf_printf(&why, "the same report as '%s' (the same "
			    "number, date and figures) in %s: that one is read",
			    fld(st, g[i], I_PATH), signed_form ?
			    "its signed form" : "another form");
			set_status(g[j], M_SAME_REPORT, why.p);
		}
}

/*
 * The versions g[0..n) of one report (all ok): the later wins, the
 * others are superseded.  Where nothing says which is the later, the
 * versions no other one is later than are ambiguous-resend (all of them
 * when each is beaten by another, in a circle), the others superseded.
 */
static void
settle_versions(struct mstate *st, struct mrow **g, size_t n)
{
	struct mrow **beat = xcalloc(n + 1, sizeof(*beat));
	size_t i, j, top = 0, win = 0;
	enum rule rule;

	for (i = 0; i < n; i++)
		for (j = 0; j < n && beat[i] == NULL; j++)
			if (j != i && later(st, g[j], g[i], &rule) > 0)
				beat[i] = g[j];
	for (i = 0; i < n; i++)
		if (beat[i] == NULL && top++ == 0)
			win = i;
	for (i = 0; i < n; i++) {
		struct buf why = { 0 };

		if (top == 1 && i != win && later(st, g[win], g[i], &rule) > 0) {
			set_status(g[i], M_SUPERSEDED, superseded_by(st, g[i],
			    g[win], rule));
			continue;
		}
		if (top > 0 && beat[i] != NULL) {
			later(st, beat[i], g[i], &rule);
			set_status(g[i], M_SUPERSEDED, superseded_by(st, g[i],
			    beat[i], rule));
			continue;
		}
		if (top == 1)
			continue;	/* the one summed */
		for (j = 0; j < n; j++)
			if (j != i && (top == 0 || beat[j] == NULL))
				break;
		buf_printf(&why, "two versions of one report: this and '%s' are "
		    "of one unit, period and subject, and nothing says which "
		    "is the later (date, number, the words of a resend, file "
		    "time): neither is summed; take the wrong one out of the "
		    "folder, or -r both", fld(st, g[j], I_PATH));
		set_status(g[i], M_AMBIGUOUS_RESEND, why.p);
	}
	free(beat);
}

/*
 * Two or more reports for one reporter, period, body and subject (two
 * bodies' reports are two reports, when --body sums both): one report
 * in several forms is read once (same_reports); of versions, the later
 * is summed (settle_versions), or as --resends says.
 */
static void
settle_resends(struct mstate *st)
{
	struct keyed *v = xreallocarray(NULL, st->n + 1, sizeof(*v));
	struct mrow **g = xreallocarray(NULL, st->n + 1, sizeof(*g));
	size_t i, j, k, n = 0, end;

	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK) {
			struct buf slot = { 0 };

			buf_adds(&slot, st->r[i].period);
			buf_addc(&slot, '\x1f');
			buf_adds(&slot, body(st, &st->r[i]));
			buf_addc(&slot, '\x1f');
			subject(&slot, fld(st, &st->r[i], I_TITLE),
			    fld(st, &st->r[i], I_PERIOD_TEXT));
			buf_adds(&slot, "");
			free(st->r[i].slot);
			st->r[i].slot = slot.p;
			v[n].k1 = st->r[i].code;
			v[n].k2 = st->r[i].slot;
			v[n].k3 = "";
			v[n++].r = &st->r[i];
		}
	qsort(v, n, sizeof(*v), by_key);
	for (i = 0; i < n; i = end) {
		for (end = i + 1; end < n && strcmp(v[end].k1, v[i].k1) == 0 &&
		    strcmp(v[end].k2, v[i].k2) == 0; end++)
			;
		if (end - i < 2)
			continue;
		for (j = i, k = 0; j < end; j++)
			g[k++] = v[j].r;
		same_reports(st, g, k);
		for (j = i, k = 0; j < end; j++)
			if (v[j].r->st == M_OK)
				g[k++] = v[j].r;
		if (k < 2 || st->o->resends == RESENDS_BOTH)
			continue;
		if (st->o->resends == RESENDS_ERROR)
			die(2, "%s: %s: another report of %s for %s (--resends "
			    "error)", fld(st, g[0], I_PATH),
			    fld(st, g[k - 1], I_PATH), v[i].k1, g[0]->period);
		settle_versions(st, g, k);
	}
	free(g);
	free(v);
}

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
		    r->st == M_OTHER_PROVINCE) && !summed_body(st, r))
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
		    "summed", body(st, r));
		if (c != NULL)
			buf_printf(&why, "; '%s', the %s report of the same "
			    "unit and period, is", fld(st, c, I_PATH),
			    body(st, c));
		buf_printf(&why, " (--body committee,%s sums it too)",
		    body(st, r));
		set_status(r, M_OTHER_BODY, why.p);
	}
}

static void
classify(struct mstate *st)
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
	settle_resends(st);
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
	const char *d = opt(st, r, X_DROPPED);

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
	csvout_str(out, st->province != NULL ? st->province : "");
	csvout_str(out, st->province == NULL ? "" : st->o->province != NULL ?
	    "option" : "most-reports");
	buf_free(&why);
	csvout_end(out);
}

/* Is a file of status s left out for trouble (see manifest.h)? */
static int
left_out(enum mstatus s)
{
	return s >= M_AMBIGUOUS_RESEND;
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

/* The folder of path ("." for none), appended. */
static void
folder_of(struct buf *b, const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n == 0)
		buf_adds(b, ".");
	else
		buf_add(b, path, n);
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "N (a, b, c, ...)": the distinct strings of v[0..n) (sorted here),
 * three of them named. */
static void
names_of(struct buf *b, char **v, size_t n)
{
	size_t i, k = 0, shown = 0;

	qsort(v, n, sizeof(*v), by_string);
	for (i = 0; i < n; i++)
		k += i == 0 || strcmp(v[i], v[i - 1]) != 0;
	buf_printf(b, "%zu (", k);
	for (i = 0; i < n && shown < 3; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			buf_printf(b, "%s'%s'", shown++ > 0 ? ", " : "", v[i]);
	buf_adds(b, shown < k ? ", ...)" : ")");
}

/*
 * The folders read (those of the files listed, an archive's path for its
 * files) and those left out: a line when there is more than one folder
 * or one was left out.
 */
static void
folders(const struct mstate *st)
{
	char **in = xreallocarray(NULL, st->n + 1, sizeof(*in));
	char **out = xreallocarray(NULL, st->n + 1, sizeof(*out));
	size_t i, nin = 0, nout = 0;
	struct buf b = { 0 }, l = { 0 };

	for (i = 0; i < st->n; i++) {
		const char *path = fld(st, &st->r[i], I_PATH);
		struct buf f = { 0 };

		if (st->r[i].st == M_FOLDER) {
			buf_adds(&f, path);
			while (f.n > 1 && f.p[f.n - 1] == '/')
				f.p[--f.n] = '\0';
			out[nout++] = f.p;
		} else {
			folder_of(&f, path);
			in[nin++] = f.p;
		}
	}
	qsort(in, nin, sizeof(*in), by_string);
	for (i = 1; i < nin && strcmp(in[i], in[0]) == 0; i++)
		;
	if (nout > 0 || i < nin) {
		names_of(&b, in, nin);
		if (nout > 0) {
			names_of(&l, out, nout);
			warn("folders read: %s; left out: %s (the manifest says "
			    "why; --recurse-all reads them)", b.p, l.p);
		} else
			warn("folders read: %s", b.p);
	}
	for (i = 0; i < nin; i++)
		free(in[i]);
	for (i = 0; i < nout; i++)
		free(out[i]);
	free(in);
	free(out);
	buf_free(&b);
	buf_free(&l);
}

/*
 * The run's province, when it was chosen or some reports are of others:
 * each case a whole sentence, for the catalogue.
 */
static void
province(const struct mstate *st, const size_t *count)
{
	const char *day = "", *code = st->province, *name;
	size_t i, other = count[M_OTHER_PROVINCE];
	size_t most = st->prov_reports, all = st->resolved;

	if (code == NULL || (st->o->province != NULL && other == 0))
		return;
	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK && strcmp(st->r[i].day, day) > 0)
			day = st->r[i].day;
	name = prov_name(st, code, day);
	if (st->o->province != NULL && other == 1)
		warn("province %s (%s): 1 report of other provinces left out "
		    "(other-province)", code, name);
	else if (st->o->province != NULL)
		warn("province %s (%s): %zu reports of other provinces left "
		    "out (other-province)", code, name, other);
	else if (other == 0)
		warn("province %s (%s) was not given (-p): taken as the one "
		    "most reports are of, %zu of %zu", code, name, most, all);
	else if (other == 1)
		warn("province %s (%s) was not given (-p): taken as the one "
		    "most reports are of, %zu of %zu; 1 report of other "
		    "provinces left out (other-province)", code, name, most,
		    all);
	else
		warn("province %s (%s) was not given (-p): taken as the one "
		    "most reports are of, %zu of %zu; %zu reports of other "
		    "provinces left out (other-province)", code, name, most,
		    all, other);
}

/* The reports of other bodies, when there are any: how many of each. */
static void
bodies(const struct mstate *st, const size_t *count)
{
	const char **seen;
	size_t i, j, k, n = 0, per;
	struct buf b = { 0 };

	if (count[M_OTHER_BODY] == 0)
		return;
	seen = xreallocarray(NULL, count[M_OTHER_BODY], sizeof(*seen));
	for (i = 0; i < st->n; i++) {
		const char *bd;

		if (st->r[i].st != M_OTHER_BODY)
			continue;
		bd = body(st, &st->r[i]);
		for (k = 0; k < n && strcmp(seen[k], bd) != 0; k++)
			;
		if (k < n)
			continue;
		seen[n++] = bd;
		for (j = i, per = 0; j < st->n; j++)
			per += st->r[j].st == M_OTHER_BODY &&
			    strcmp(body(st, &st->r[j]), bd) == 0;
		buf_printf(&b, "%s%zu %s", n > 1 ? ", " : "", per, bd);
	}
	if (count[M_OTHER_BODY] == 1)
		warn("1 report of other bodies than the People's Committee "
		    "left out (other-body: %s): --body sums them", b.p);
	else
		warn("%zu reports of other bodies than the People's Committee "
		    "left out (other-body: %s): --body sums them",
		    count[M_OTHER_BODY], b.p);
	free(seen);
	buf_free(&b);
}

/* "files: 12 (8 ok, 1 duplicate, ...)", statuses in table order (their
 * names the manifest's, in every language); the province, the bodies,
 * the folders; unless brief, the files left out and coverage. */
static void
summary(const struct mstate *st, size_t left_out)
{
	size_t count[M_N] = { 0 };
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < st->n; i++)
		count[st->r[i].st]++;
	buf_adds(&b, "");	/* no file: "files: 0 ()" */
	for (i = 0; i < M_N; i++)
		if (count[i] > 0)
			buf_printf(&b, "%s%zu %s", b.n > 0 ? ", " : "",
			    count[i], status_names[i]);
	warn("files: %zu (%s)", st->n, b.p);
	province(st, count);
	bodies(st, count);
	folders(st);
	if (!st->o->brief) {
		warn("files left out for trouble: %zu", left_out);
		coverage(st);
	}
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
		if (st->o->brief)
			;
		else if (r->st == M_UNREADABLE)
			warn("%s (unreadable: left out)", r->reason);
		else if (r->st != M_OK)
			warn("%s: %s: %s", path, status_names[r->st],
			    r->reason != NULL ? r->reason : "");
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
    const struct manifest_opts *o, size_t *files)
{
	struct mstate st;
	size_t i, k, bad;

	memset(&st, 0, sizeof(st));
	st.g = g;
	st.o = o;
	csvin_require(in, incols, st.idx, NIN);
	for (k = 0; k < NX; k++)
		st.opt[k] = csvin_col(in, optcols[k]);
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
	if (o->province_to != NULL &&
	    fprintf(o->province_to, "%s\n", st.province != NULL ?
	    st.province : "") < 0)
		die(2, "writing the run's province:");
	if (o->summary)
		summary(&st, bad);
	*files = st.n;
	free_rows(&st);
	return bad;
}
