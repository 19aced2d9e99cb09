/*
 * manifest: the run's files accounted for (see manifest.h): the options'
 * words (--body, --resends), the extract --docs rows read in and each
 * written out with its resolution, status and reason; the statuses are
 * decided in manifest_status.c (reporter, period, province, body) and
 * manifest_resend.c (a report in two forms, its versions), the summary
 * on stderr is manifest_summary.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fname.h"
#include "manifest.h"
#include "manifest_int.h"
#include "period.h"
#include "reporter.h"
#include "xalloc.h"

/* In the order of enum mstatus (manifest_int.h). */
const char *const mf_status_names[M_N] = { "ok", "no-figures",
	"duplicate", "same-report", "superseded", "other-province", "other-body",
	"archive", "folder-left-out", "lock-file", "system-file", "spreadsheet",
	"image", "ambiguous-resend", "empty", "name-clash", "unreadable",
	"not-a-report", "unresolved-issuer", "ambiguous-issuer", "no-period" };

static const char *const incols[NIN] = { "doc", "path", "sha256", "issuer",
	"doc_no", "doc_date", "period_text", "title", "places", "figures",
	"error" };

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

/* The body that issued r: its body column, "committee" when that is
 * empty (nothing says another body did). */
const char *
mf_body(const struct mstate *st, const struct mrow *r)
{
	const char *b = opt(st, r, X_BODY);

	return b[0] != '\0' ? b : body_codes[0];
}

/* Are the reports of r's body summed (o->bodies; 0: the committee's)? */
int
mf_summed_body(const struct mstate *st, const struct mrow *r)
{
	unsigned mask = st->o->bodies != 0 ? st->o->bodies : 1u;
	const char *b = mf_body(st, r);
	size_t k;

	if (mask == MANIFEST_BODIES_ALL)
		return 1;
	for (k = 0; k < NBODIES; k++)
		if (strcmp(b, body_codes[k]) == 0)
			return (mask & 1u << k) != 0;
	return 0;
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
	csvout_str(out, mf_status_names[r->st]);
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

/* Does the message say path first ("path: ...", "path:12: ...")? */
static int
names(const char *msg, const char *path)
{
	size_t n = strlen(path);

	return msg != NULL && strncmp(msg, path, n) == 0 && msg[n] == ':';
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
		else if (r->st == M_UNREADABLE && names(r->reason, path))
			warn("%s (unreadable: left out)", r->reason);
		else if (r->st == M_UNREADABLE)
			warn("%s: %s (unreadable: left out)", path,
			    r->reason != NULL ? r->reason : "");
		else if (r->st != M_OK)
			warn("%s: %s: %s", path, mf_status_names[r->st],
			    r->reason != NULL ? r->reason : "");
		bad += left_out(r->st);
		if (st->o->corr != NULL)
			corr_run_report(st->o->corr, fld(st, r, I_DOC), path,
			    mf_status_names[r->st]);
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
	mf_classify(&st);
	write_header(&st, in, out);
	if (o->copy != NULL)
		write_header(&st, in, o->copy);
	bad = write_rows(&st, out);
	if (o->province_to != NULL &&
	    fprintf(o->province_to, "%s\n", st.province != NULL ?
	    st.province : "") < 0)
		die(2, "writing the run's province:");
	if (o->summary)
		mf_summary(&st, bad);
	*files = st.n;
	free_rows(&st);
	return bad;
}
