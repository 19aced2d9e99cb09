/*
 * The parts of common/manifest: manifest.c reads the extract --docs rows
 * and writes the manifest; manifest_status.c gives each row its status;
 * manifest_resend.c settles a report in several forms and its versions;
 * manifest_summary.c says the run on stderr.  Not for other modules.
 */
#ifndef BAOCAO_MANIFEST_INT_H
#define BAOCAO_MANIFEST_INT_H

#include <stddef.h>
#include <stdlib.h>

#include "gaz.h"
#include "manifest.h"

/* In the order the summary counts them: those that need nothing, then
 * those left out for trouble, from M_AMBIGUOUS_RESEND on. */
enum mstatus { M_OK, M_NO_FIGURES, M_DUPLICATE, M_SAME_REPORT, M_SUPERSEDED,
	M_OTHER_PROVINCE, M_OTHER_BODY, M_ARCHIVE, M_FOLDER, M_LOCK, M_SYSTEM,
	M_SPREADSHEET, M_IMAGE, M_AMBIGUOUS_RESEND, M_EMPTY, M_NAME_CLASH,
	M_UNREADABLE, M_NOT_REPORT, M_UNRESOLVED, M_AMBIGUOUS, M_NO_PERIOD,
	M_N };

/* The statuses as the manifest writes them (manifest.c). */
extern const char *const mf_status_names[M_N];

/* The input columns read: required, then optional. */
enum { I_DOC, I_PATH, I_SHA, I_ISSUER, I_DOC_NO, I_DATE, I_PERIOD_TEXT,
	I_TITLE, I_PLACES, I_FIGURES, I_ERROR, NIN };

/* The optional input columns (extract --docs writes them all). */
enum { X_SIGNED_AT, X_DROPPED, X_KIND, X_READER, X_MODIFIED, X_DIGEST,
	X_SIGNED_BY, X_BODY, NX };

struct mstate;

/* One file of the run: its fields as read, what was resolved, its status. */
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

/* One run: the rows, in input order, and the province it sums. */
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

/* A row with its sort key: rows of one key are then next to each other,
 * in input order, or by date and then input order. */
struct keyed {
	const char *k1, *k2, *k3;
	struct mrow *r;
};

/* A required column's field of r. */
static inline const char *
fld(const struct mstate *st, const struct mrow *r, int c)
{
	return r->f[st->idx[c]];
}

/* An optional column's field, "" when the input has none. */
static inline const char *
opt(const struct mstate *st, const struct mrow *r, int c)
{
	return st->opt[c] < 0 ? "" : r->f[st->opt[c]];
}

/* r's status becomes s, with reason (owned; NULL for none). */
static inline void
set_status(struct mrow *r, enum mstatus s, char *reason)
{
	r->st = s;
	free(r->reason);
	r->reason = reason;
}

/* manifest.c */
/* The body that issued r: its body column, "committee" when that is
 * empty (nothing says another body did). */
const char *mf_body(const struct mstate *, const struct mrow *r);
/* Are the reports of r's body summed (o->bodies; 0: the committee's)? */
int mf_summed_body(const struct mstate *, const struct mrow *r);

/* manifest_status.c */
/* Every row's status and reason, in the order manifest.h tells. */
void mf_classify(struct mstate *);
/* The name of province code (on day, "YYYY-MM-DD"; "" for any), or the
 * code itself. */
const char *mf_prov_name(const struct mstate *, const char *code,
	const char *day);
/* struct keyed's order (qsort): k1, k2, k3, then input order. */
int mf_by_key(const void *, const void *);

/* manifest_resend.c */
/* Of two or more reports for one reporter, period, body and subject: a
 * report in several forms read once, of versions the later (--resends). */
void mf_settle_resends(struct mstate *);

/* manifest_summary.c */
/* The summary on stderr (manifest.h: o->summary); left_out rows were
 * left out for trouble. */
void mf_summary(const struct mstate *, size_t left_out);

#endif
