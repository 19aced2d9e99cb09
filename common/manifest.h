/*
 * manifest: every report of a run, resolved and accounted for.
 *
 * Reads baocao-extract --docs rows (one per document: doc, path, sha256,
 * issuer, doc_no, doc_date, period_text, title, places, figures, error),
 * resolves each report's issuer and period as normalize does for its facts,
 * and gives it one status:
 *
 *	ok			its facts go into the sums
 *	no-figures		a report, resolved, with no figure in it
 *	duplicate		the same content as an earlier file
 *	superseded		a resend for the same reporter and period replaces it
 *	name-clash		another file already has its document name
 *	unreadable		extract could not read it (error says why)
 *	not-a-report		a plan, a decision, or no report header at all
 *	unresolved-issuer	no unit of that name then (or no issuer, no date)
 *	ambiguous-issuer	several units of that name; reason lists them
 *	no-period		no period in the title, or one not understood
 *
 * Only ok reports (and no-figures, which have nothing to sum) count as
 * having reported.  Rows are written in input order, every input column
 * first, then reporter_code, reporter_name, province_code, period,
 * units_level, units_total (the units that should report for that
 * province and period: see gaz_reporting_units), status, reason.
 */
#ifndef BAOCAO_MANIFEST_H
#define BAOCAO_MANIFEST_H

#include <stdio.h>

#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "gaz.h"

/* Two different reports for one reporter and period. */
enum resends {
	RESENDS_LATEST,		/* the later document date wins, the other superseded */
	RESENDS_BOTH,		/* both are kept (and summed) */
	RESENDS_ERROR		/* an error (status 2) naming both */
};

struct manifest_opts {
	const char *province;	/* --province, or NULL */
	enum resends resends;
	int summary;		/* reports by status and coverage on stderr */
	FILE *kept;		/* when not NULL: the paths of the ok reports,
				 * each ending in a NUL, are written to it */
	struct corr *corr;	/* when not NULL: told each report's status
				 * (corr_run_report) */
	struct csvout *copy;	/* when not NULL: the manifest is written
				 * there too */
};

/* Parses "latest", "both" or "error"; -1 for anything else. */
int manifest_resends(const char *name);

/*
 * Reads in to its end and writes the manifest to out, header included.
 * Warns about every report not ok, naming its path; with o->summary, then
 * prints on stderr the reports by status and, for each province and
 * period, how many of the units that should report did ("coverage 79
 * 2024-Q1: 19 of 22 district-level units"), and where that kind of unit
 * changes in a province's series (the 2025 reform).  Returns the number of
 * reports left out for trouble (unreadable, name-clash, not-a-report,
 * unresolved-issuer, ambiguous-issuer, no-period).
 */
size_t manifest_run(struct csvin *in, struct csvout *out, const struct gaz *g,
	const struct manifest_opts *o);

#endif
