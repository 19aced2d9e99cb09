/*
 * baocao-check's parts: the figures of a document as typed rows
 * (read.c), the rules on a line of text (line.c), and the rules across a
 * document: tables against their totals, restatements, rates against a
 * base on another line (doc.c).  main.c has the options and main().
 */
#ifndef BAOCAO_CHECK_H
#define BAOCAO_CHECK_H

#include <stddef.h>

#include "buf.h"
#include "clause.h"
#include "csvin.h"
#include "csvout.h"
#include "dec.h"
#include "facts.h"
#include "lex.h"

enum rule { R_PERCENT, R_NUMER, R_PARTS, R_TABLE, R_RESTATE, R_BASE, R_N };
extern const char *const rule_name[R_N];

/* One mention as normalize wrote it (--scope all), typed, and what the
 * line's reading (common/clause) finds of it. */
struct fig {
	char *ind, *raw, *unit, *row, *col, *before, *unit_text, *after;
	char *heading;		/* the headings above it ("" without the column) */
	size_t line;
	enum fact_scope scope;
	enum fact_qual qual;
	int table;		/* source: a table cell, not text */
	unsigned flags;		/* 1u << FLAG_x */
	struct dec value, denom;
	int fraction, percent, exact, decimals, area, verbal;
	int chosen;		/* normalize chose it for its indicator */
	char *context;		/* the time, tier and official of its clause
				 * (normalize --scope all), as one key */
	int official;
	int part;		/* its clause or table names a part of the
				 * report's period (normalize's time 'part') */
	char *actor;		/* the official its clause names (folded), or "" */
	char *gap;		/* folded words since the previous figure */
	int marker;		/* its words open a breakdown: 1 partial, 2 complete */
	long whole, first_part;	/* a part: its whole, its breakdown's first */
	long rate_of, base;	/* a rate: its count and that count's base */
	int attain;		/* a rate of a plan ("đạt 155,6% kế hoạch") */
	int what, state;	/* the noun and state its clause names, or -1 */
	int noun;		/* its noun (what) is written right after it */
	char *qkey;		/* what it counts: its indicator, or the facets
				 * the reading found (what|kind|state) */
};

struct finding {
	size_t line, seq;
	enum rule rule;
	char *ind, *expected, *actual, *detail;
};

struct opts {
	int gzip, stats, bom;
	int on[R_N];
	const char *bad_rows, *lexicon;
};

/* The columns read: the first ones are required. */
enum { C_DOC, C_LINE, C_IND, C_VALUE, C_UNIT, C_SCOPE, C_QUAL, C_RAW,
	C_SOURCE, C_ROW, C_COL, C_BEFORE, C_UNIT_TEXT, C_AFTER, NREQ,
	C_CHOSEN = NREQ, C_TIME, C_TIER, C_OFFICIAL, C_FLAGS, C_HEADING,
	NCOL };

struct state {
	const struct opts *o;
	struct csvin *in;
	struct csvout *out;
	long idx[NCOL];		/* -1: an optional column absent */
	char *doc;		/* the document being read */
	struct fig *figs;
	size_t n, cap;
	struct finding *fnd;
	size_t nfnd, capfnd;
	unsigned long long rows, docs, per_rule[R_N], bad_values, dropped;
	struct lex *lex;
	struct buf tmp;
};

/* read.c */
/* Reads the current input row into the document's figures (a new
 * document ends the one before through end_doc). */
void read_row(struct state *);
/* The figures of one line of text, figs[a..b), read by common/clause. */
void read_line(struct state *, size_t a, size_t b);
/* Table cells, figs[a..b): nothing to read in their words. */
void read_cells(struct state *, size_t a, size_t b);
void free_doc(struct state *);

/* line.c */
void breakdowns(struct state *, size_t a, size_t b);
void rates(struct state *, size_t a, size_t b);
void numerators(struct state *, size_t a, size_t b);
/* The check of a stated rate p against num/den (how says where they
 * come from). */
void check_rate(struct state *, const struct fig *p, const struct fig *c,
	const struct dec *num, const struct dec *den, const char *how);

/* doc.c */
void tables(struct state *, size_t a, size_t b);
void restatements(struct state *);
void rate_bases(struct state *);

/* main.c */
void add_finding(struct state *, const struct fig *at, enum rule r,
	const char *ind, const struct dec *expected, const char *exp_text,
	const struct dec *actual, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));
/* The text of a decimal, in a caller's buffer (cleared first). */
const char *dtext(const struct dec *, struct buf *);
/* Runs the rules on the document read and writes its findings. */
void end_doc(struct state *);

#endif
