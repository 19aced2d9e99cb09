/*
 * baocao-review: the run's figures as one HTML page an analyst checks
 * against the reports' sentences, deciding on each (accept, change, drop)
 * and downloading the decisions as a corrections file for
 * baocao-normalize --corrections.
 *
 * The parts, one concern each:
 *
 *	main.c	options, the order of the steps, the output file
 *	read.c	the inputs into one struct run: facts (normalize --scope
 *		all), the manifest (normalize --docs), findings (check), the
 *		corrections the run used; each figure's key as corr.h reads
 *		it (report, line, raw, occurrence); the reports' links; the
 *		units that did not report (cover_due, less what derive.h
 *		makes up from other periods)
 *	page.c	the page: the template (common/data/review.html) with its
 *		labels, stylesheet, script and the run as one JSON blob, every
 *		value escaped for where it goes
 *
 * The page is rendered by its script (common/data/review.js) from the
 * JSON; C decides what is in it (which figures, in which order, the
 * links), the script only how it looks and what the keys do.
 *
 * Invariants of a struct run, which page.c relies on:
 * - every string is valid UTF-8 (csvin checks its input) and non-NULL;
 * - docs are sorted for showing: by period, then unit name in natural
 *   order, then doc; a fact's and a finding's doc is an index into them
 *   (a finding of no known report has doc -1);
 * - a doc's href is a relative URL (percent-encoded, never a scheme), or
 *   NULL when its file is not there.
 */
#ifndef BAOCAO_REVIEW_H
#define BAOCAO_REVIEW_H

#include <stddef.h>

#include "arena.h"
#include "gaz.h"
#include "htab.h"
#include "labels.h"

/* What the manifest says of a report (or, without one, the facts). */
enum { D_DOC, D_PATH, D_STATUS, D_REASON, D_ISSUER, D_DOC_NO, D_DOC_DATE,
	D_TITLE, D_CODE, D_NAME, D_PROV, D_PERIOD, ND };

struct rdoc {
	struct hkey k;		/* the doc name */
	char *f[ND];		/* "" when not known */
	char *href;		/* see above */
	int in_manifest;
	int in_table;		/* its chosen figures are summed (status ok) */
	size_t nfacts;
	size_t idx;		/* its place in run.doc, once sorted */
};

/* One figure mention as normalize --scope all wrote it. */
enum { F_LINE, F_RAW, F_IND, F_VALUE, F_UNIT, F_SCOPE, F_QUAL, F_FLAGS,
	F_BEFORE, F_UNIT_TEXT, F_AFTER, F_ROW, F_COL, F_EVIDENCE, NF };

struct rfact {
	const struct rdoc *d;
	char *f[NF];
	size_t occurrence;	/* the Nth figure written raw on its line */
	int chosen;		/* the report's figure for its indicator */
	int shown;		/* on the page */
};

/* A finding of baocao-check or of the period algebra. */
enum { X_LINE, X_RULE, X_IND, X_EXPECTED, X_ACTUAL, X_DETAIL, NX };

struct rfinding {
	const struct rdoc *d;	/* NULL: a report the page does not know */
	char *docname;
	char *f[NX];
};

/* A row of the corrections file the run used, carried into the page's
 * download unless a new decision replaces it. */
enum { C_REPORT, C_LINE, C_RAW, C_OCC, C_IND, C_VALUE, C_SCOPE, C_NOTE, NC };

struct rcorr {
	char *f[NC];
};

/* A unit that should have reported for a period and did not. */
struct rmissing {
	const char *prov, *period;
	const struct gaz_unit *unit;
	int sent;		/* a report of it is in the manifest, not ok */
};

struct run {
	struct arena a;
	struct htab bydoc;
	struct rdoc **doc;
	size_t ndoc;
	struct rfact *fact;
	size_t nfact;
	struct rfinding *finding;
	size_t nfinding;
	struct rcorr *corr;
	size_t ncorr;
	struct rmissing *missing;
	size_t nmissing;
	int has_manifest;
};

struct review_opts {
	const char *manifest, *findings, *corrections, *labels, *gazetteer;
	const char *base;	/* the page's directory: links are relative to it */
	const char *title;
	const char *out;
};

/* read.c: every input into r; dies (status 2) naming file:line. */
void read_run(struct run *r, const struct review_opts *o, char **facts,
	int nfacts);
/* The units that should have reported and did not, for the periods
 * reported: neither that period nor periods that make it up. */
void find_missing(struct run *r, const struct gaz *g);
void free_run(struct run *r);

/* page.c: the whole page into out. */
void write_page(struct buf *out, const struct run *r,
	const struct labels *lab, const struct review_opts *o);
/* Appends p[0..n) escaped for HTML text and attribute values. */
void html_escape(struct buf *, const char *p, size_t n);
/* Appends p[0..n) as a JSON string that is safe inside a <script>
 * element: no '<', '>', '&', U+2028 or U+2029 left as they are. */
void json_string(struct buf *, const char *p, size_t n);
/* Appends the relative URL of path seen from directory base (both as
 * given; made absolute from the current directory). */
void href_of(struct buf *, const char *path, const char *base);

#endif
