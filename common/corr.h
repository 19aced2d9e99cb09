/*
 * corr: an analyst's lasting corrections to normalize's reading.
 *
 * A CSV file with the columns report,line,raw (which figure: the report's
 * doc name or path, its line in the report, the figure as written, such as
 * "2.198", or its value as the workbook shows it, 2198) and
 * indicator,value,scope (what it is: empty keeps what was read; indicator
 * "drop" says the figure is no indicator at all); an optional occurrence
 * column picks the Nth figure written the same way (or of that value) on
 * that line (default 1), and any other column (a note) is ignored.  The
 * key does not depend on extract's output, so a correction survives
 * re-running extract.  A line or occurrence that is not a number from 1
 * to CORR_MAX_LINE, and two rows for one figure, are errors naming the
 * file and line(s).
 *
 * Loading is linear in the rows; finding the corrections of a figure takes
 * constant time (they are indexed by report and line).
 *
 * Each correction is reported once per run, by the process that owns it:
 * the run's manifest (normalize --docs) names those whose report is not in
 * the run or is left out of it; the normalize that reads the report names
 * those that match no figure in it.
 */
#ifndef BAOCAO_CORR_H
#define BAOCAO_CORR_H

#include <stddef.h>

#include "dec.h"
#include "facts.h"
#include "lex.h"

#define CORR_MAX_LINE 1000000000

struct corr;

/* One correction, as read. */
struct corr_fix {
	char *report, *raw;
	size_t line, occurrence, csvline;
	int drop;
	long ind;		/* into lex.ind, -1: keep */
	int has_value;
	struct dec value;
	int scope;		/* enum fact_scope, -1: keep */
	int used;		/* applied (or said to name a figure already
				 * corrected) */
	int has_rawval;		/* raw is a plain number: rawval */
	struct dec rawval;
	int seen;		/* its report was in the input */
	const char *status;	/* its report's status in the run's manifest,
				 * or NULL when no report of the run is it */
	size_t next_at, next_rep;	/* index chains (see corr.c) */
};

/* Reads path; dies naming file:line on a bad row (unknown indicator,
 * value not a decimal, unknown scope, a bad line, a second row for one
 * figure). */
struct corr *corr_load(const char *path, const struct lex *);
void corr_free(struct corr *);

/*
 * Applies the corrections of the document known as doc or path to its
 * facts (already read); returns how many were applied.  A correction names
 * a figure as written first; one whose raw is a plain number then names a
 * figure of that value not named as written.  A second correction of a
 * figure already corrected is said (with both lines) and not applied.
 * Marks the corrections of doc and path as seen.
 */
size_t corr_apply(struct corr *, const struct lex *, const char *doc,
	const char *path, struct facts *);

/*
 * The correction of the occurrence-th figure written raw on that line of
 * the report known as doc or path, or NULL; marks it used.
 */
const struct corr_fix *corr_find(struct corr *, const char *doc,
	const char *path, size_t line, const char *raw, size_t occurrence);
/* The corrections file's name, for messages. */
const char *corr_file(const struct corr *);

/* Warns about every correction that matched nothing. */
void corr_warn_unused(const struct corr *);

/*
 * Warns about every correction of a report in the input (seen) that
 * matched nothing; with share (the input is one share of a run, whose
 * manifest names the rest), says nothing of the others, else names them
 * as not in the input.  Returns how many it warned about.
 */
size_t corr_warn_unapplied(const struct corr *, int share);

/* The run's manifest: the report known as doc or path has this status
 * ("ok", "duplicate", ...; the string must outlive c). */
void corr_run_report(struct corr *, const char *doc, const char *path,
	const char *status);
/* Warns about every correction whose report is not in the run or is left
 * out of it ("ok" is the one status that is in); returns how many. */
size_t corr_warn_run(const struct corr *);

/* How many corrections were read. */
size_t corr_count(const struct corr *);

#endif
