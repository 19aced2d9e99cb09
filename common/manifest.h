/*
 * manifest: every file of a run, resolved and accounted for.
 *
 * Reads baocao-extract --docs rows (one per file: doc, path, sha256,
 * issuer, doc_no, doc_date, period_text, title, places, figures, error;
 * and when there, body, kind, reader, modified, figures_digest,
 * signed_by, signed_at, dropped), resolves each report's issuer and
 * period as normalize does for its facts, and gives each row one status.
 * Statuses that say the row is summed, or needs nothing from anyone:
 *
 *	ok			its facts go into the sums
 *	no-figures		a report, resolved, with no figure in it
 *	duplicate		the same bytes as another file, which is kept
 *				(the one without a copy's mark in its name:
 *				"(1)", "- Copy", "Bản sao")
 *	same-report		the same report as another in another form (a
 *				.docx and its signed PDF: reporter, period,
 *				date, number and figures agree); the other is
 *				read (a .docx before a .doc, text, a PDF)
 *	superseded		a resend for the same reporter, period and
 *				subject replaces it (see below)
 *	other-province		a report of a unit of another province than
 *				the run's (see below): listed, not summed
 *	other-body		a report of another body than those summed
 *				(o->bodies: by default the People's
 *				Committee's; body, as extract read it from
 *				the number or the letterhead, is party,
 *				steering, office, centre, council): a
 *				party's report of a unit beside its
 *				committee's would count the unit twice
 *	archive			an archive; each file in it has a row
 *	folder-left-out		a subfolder not read (old reports, hidden,
 *				--no-recurse)
 *	lock-file		a word processor's lock or temporary file
 *	system-file		Thumbs.db, .DS_Store, a zip's __MACOSX
 *	spreadsheet		a workbook: not read
 *	image			an image, without --ocr
 *
 * and the statuses of files left out for trouble, which someone has to
 * look at:
 *
 *	ambiguous-resend	two versions of one report and nothing
 *				says which is the later: neither is summed
 *	empty			a file of 0 bytes: ask for it again
 *	name-clash		another file to be summed already has its
 *				document name (not a form or version of it)
 *	unreadable		extract could not read it (error says why)
 *	not-a-report		a plan, a decision, no report header at all,
 *				a file no report is in
 *	unresolved-issuer	no unit of that name then (or no issuer, no date)
 *	ambiguous-issuer	several units of that name; reason lists them
 *	no-period		no period in the title, or one not understood
 *
 * Resends: of two reports for one reporter, period, body and subject
 * (the title without its period and the words of a resend), the later
 * is decided by what the documents say, in this order: the later document
 * date (the day of the signature stamp's first time, signed_at, when the
 * date line gives none; the reason says so); on one date, the higher
 * document number; then the one whose title or file name says it is sent
 * again (words.rules: resend-word, "lần 2"; a copy's "(1)" is no such
 * word, nor "bản ký số"); then the later file time (modified, to the
 * second).  Where none decides, both
 * are ambiguous-resend, never the order of their names.
 *
 * The province: the run sums the units of one province, o->province when
 * given, else the province most reports resolve to (other bodies'
 * reports do not count; ties: the one with more units, then the lower
 * code), which the summary says.  A report of a unit of another province
 * (an issuer that names no unit of the run's province, but one of
 * another) is other-province; a ward name several provinces have is
 * settled by the run's province.  A report of another body is other-body
 * whatever its unit and province.
 *
 * Rows are written in input order, every input column first, then
 * reporter_code, reporter_name, province_code, period, units_level,
 * units_total (the units that should report for that province and period:
 * see gaz_reporting_units), status, reason, run_province (the province
 * summed) and run_province_by ("option", or "most-reports" when it was
 * not given).
 */
#ifndef BAOCAO_MANIFEST_H
#define BAOCAO_MANIFEST_H

#include <stdio.h>

#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "gaz.h"

/* manifest_opts.bodies: every body's reports are summed. */
#define MANIFEST_BODIES_ALL (~0u)

/* Two different reports for one reporter and period. */
enum resends {
	RESENDS_LATEST,		/* the later one wins (see the top), the
				 * other superseded */
	RESENDS_BOTH,		/* both are kept (and summed) */
	RESENDS_ERROR		/* an error (status 2) naming both */
};

struct manifest_opts {
	const char *province;	/* --province, or NULL */
	enum resends resends;
	unsigned bodies;	/* the bodies whose reports are summed, a bit
				 * each (manifest_bodies); 0: the committee */
	int summary;		/* the files by status, the province, the
				 * folders (and, unless brief, coverage)
				 * on stderr */
	int brief;		/* no line per file not ok on stderr, no
				 * coverage lines: the manifest says them */
	FILE *kept;		/* when not NULL: the paths of the ok reports,
				 * each ending in a NUL, are written to it */
	FILE *province_to;	/* when not NULL: the run's province, one
				 * line (empty when there is none) */
	struct corr *corr;	/* when not NULL: told each report's status
				 * (corr_run_report) */
	struct csvout *copy;	/* when not NULL: the manifest is written
				 * there too */
};

/* Parses --body's list into *bodies: "all", or bodies separated by ","
 * (committee, party, steering, office, centre, council); 0, or -1 when
 * a name is none of these. */
int manifest_bodies(const char *list, unsigned *bodies);

/* Parses "latest", "both" or "error"; -1 for anything else. */
int manifest_resends(const char *name);

/*
 * Reads in to its end and writes the manifest to out, header included.
 * Unless o->brief, warns about every file not ok, naming its path; with
 * o->summary, then prints on stderr the files by status, the run's
 * province, the folders read and left out, and unless o->brief, for each
 * province and period, how many of the units that should report did
 * ("coverage 79 2024-Q1: 19 of 22 district-level units"), and where that
 * kind of unit changes in a province's series (the 2025 reform).  Returns
 * the number of files left out for trouble (the second list above); *files
 * gets the number of rows.
 */
size_t manifest_run(struct csvin *in, struct csvout *out, const struct gaz *g,
	const struct manifest_opts *o, size_t *files);

#endif
