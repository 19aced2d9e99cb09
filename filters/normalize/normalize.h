/*
 * baocao-normalize's parts: extract's rows read into a document's facts
 * (read.c), the facts chosen and written (write.c), --docs, the run's
 * manifest (docs.c), the counts of --stats and --stats-csv (stats.c).
 * main.c has the options and main().
 */
#ifndef BAOCAO_NORMALIZE_H
#define BAOCAO_NORMALIZE_H

#include <stddef.h>

#include "buf.h"
#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "facts.h"
#include "gaz.h"
#include "lex.h"
#include "manifest.h"

/* The columns read: extract's, all required. */
enum { C_DOC, C_ISSUER, C_DOC_DATE, C_PERIOD_TEXT, C_LINE, C_SECTION,
	C_SOURCE, C_ROW, C_COL, C_BEFORE, C_RAW, C_UNIT_TEXT, C_AFTER, NREQ };

/* The columns written, before --scope all's and the passed ones. */
enum { O_DOC, O_CODE, O_NAME, O_PROV, O_PERIOD, O_IND, O_VALUE, O_UNIT,
	O_SCOPE, O_QUAL, O_LINE, O_RAW, O_EVID, O_FLAGS, O_READING, NOUT };
extern const char *const norm_outcols[NOUT];

struct opts {
	int gzip, stats, all, bom, docs, resends_given, body_given, share;
	unsigned scopes;	/* --scope LIST: 1u << SCOPE_x */
	const char *rules, *gazetteer, *bad_rows, *corrections, *files0_to,
	    *safe_copy, *stats_csv, *province_to;
	int brief, quiet;
	struct manifest_opts m;	/* --province, --resends */
};

/* The document being read: its rows are consecutive. */
struct docstate {
	char *doc, *path;
	char *code, *name, *province, *period;
	struct facts facts;
};

struct state {
	const struct opts *o;
	struct lex *lex;
	struct gaz *gaz;
	struct corr *corr;
	struct csvin *in;
	struct csvout *out;
	long idx[NREQ], places, path, reader, heading;
	long *pass;
	size_t npass;
	struct docstate d;
	struct buf tmp, line;
	unsigned long long rows, written, no_indicator, not_reporter, duplicate,
	    bad_value, conflicts, corrected, unapplied;
};

/* main.c */
/* The gazetteer, and --province checked against it. */
struct gaz *norm_load_gazetteer(const struct opts *);

/* read.c */
/* The input's columns found (extract's required), and those passed
 * through; an input column named as an output one is an error. */
void norm_open_columns(struct state *);
/* One mention in: a new document's first row ends the one before. */
void norm_one_row(struct state *);
/* Frees the passed columns of one mention (NULL: none). */
void norm_free_pass(struct state *, char **v);

/* write.c */
/* Reads and writes a finished document. */
void norm_end_doc(struct state *);
/* The output's header: the facts' columns, chosen, the passed ones. */
void norm_write_header(struct state *);

/* docs.c */
/* --docs: the manifest of the run (see common/manifest.h). */
int norm_docs(const struct opts *, char **argv, int argc);

/* stats.c */
/*
 * --stats-csv: counts for a program to read, one row each (stat,count), in
 * a file opened before any output (fd) and written at the end.
 */
struct count {
	const char *stat;
	unsigned long long n;
};
/* --stats: the counts on stderr. */
void norm_print_stats(const struct state *);
/* c[0..n) written to fd (path's), closed; nothing when fd < 0. */
void norm_write_stats_csv(int fd, const char *path, const struct count *c,
	size_t n);
/* The counts of a run of facts, to fd (norm_write_stats_csv). */
void norm_stats_csv(const struct state *, int fd);

#endif
