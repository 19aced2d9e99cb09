/*
 * clause: how the figures of one line of a report read, the one reading
 * that normalize (facets -> indicator) and check (breakdowns, rates) share.
 *
 * The input is what extract wrote for each figure of the line, in order:
 * the clause before it, the figure as written, the noun after it and the
 * rest of the clause.  The reading finds, for each figure:
 *   - its own noun phrase, read to its natural end (the next figure,
 *     , ; : ( ), và, với, cho, trong đó, gồm ... or at most a few words);
 *   - its facets (what it counts, its kind, its state, the topics of its
 *     clause), each from the words nearest the figure: the noun phrase,
 *     then the label right before it, then the figure it is a part of (or,
 *     for a rate, the count it is a share of; for an item of a list, what
 *     the list shares), then the rest of its clause; with how far each
 *     value was found (enum clause_dist);
 *   - its roles (a change, a comparison, a plan, a proposal, an example,
 *     a lower tier, an old level ...), its qualifier, whether it is stated
 *     as a total;
 *   - the structure of the line: brackets, breakdowns ("trong đó",
 *     "gồm") with the whole each part belongs to, the count a rate is a
 *     share of and that count's base.
 * A pure function of its input and the lexicon: see tests/unit.
 */
#ifndef BAOCAO_CLAUSE_H
#define BAOCAO_CLAUSE_H

#include <stddef.h>

#include "buf.h"
#include "lex.h"

/* How far from the figure a facet's value was read. */
enum clause_dist { DIST_NOUN, DIST_LABEL, DIST_SHARED, DIST_CLAUSE,
	DIST_NONE };

#define CLAUSE_OTHER (-2)	/* what: a noun the lexicon does not know */
#define CLAUSE_MAXTOPIC 12

struct clause_in {
	struct span before, raw, unit, after;
	int percent;		/* the figure is a percentage */
	int fraction;		/* written a/b */
	int area;		/* written with m² or m2 */
};

struct clause_facet {
	int val;		/* value index, -1 none, CLAUSE_OTHER */
	int dist;		/* enum clause_dist */
};

struct clause_fig {
	struct clause_facet f[3];	/* LEX_WHAT, LEX_KIND, LEX_STATE */
	int attr;		/* a state that is an attribute, when another
				 * state won (see lex.h), or -1 */
	int topic[CLAUSE_MAXTOPIC], dtopic[CLAUSE_MAXTOPIC];
	size_t ntopic;
	unsigned role;		/* 1u << ROLE_x */
	const char *actor;	/* the official named nearest (the lexicon's
				 * folded phrase), or NULL */
	int former;		/* it counts units merged into the reporter
				 * ("03 xã cũ"): its noun says so */
	int qual;		/* QUAL_x, -1: exact */
	int percent;		/* as in the input */
	int total;		/* stated as a total ("tổng số ... là") */
	int same_clause;	/* in the clause of the figure before */
	int depth;		/* brackets open at the figure */
	int marker;		/* the words before open a breakdown: 1 partial,
				 * 2 complete, 0 none */
	int marker_depth;
	long whole;		/* the figure this one is a part of, -1 */
	long first_part;	/* the first part of that breakdown */
	long host;		/* in brackets: the figure the brackets follow */
	long rate_of;		/* a rate: the count it is a share of, -1 */
	long base;		/* ... and that count's base when known, -1 */
	long list_head;		/* an item of a list: its first item, -1 */
	char *np;		/* the noun phrase, folded */
	char *label;		/* the label words (folded), for messages */
	char *gap;		/* folded words since the previous figure */
};

/*
 * Reads the n figures of one line.  out[0..n) is filled; free each with
 * clause_fig_free.  The lexicon gives the words.
 */
void clause_read(const struct lex *, const struct clause_in *in, size_t n,
	struct clause_fig *out);
void clause_fig_free(struct clause_fig *);

/* What the headings above a figure (folded s[0..n)) say of it: the one
 * topic the innermost heading that names one names, as a far topic
 * (DIST_CLAUSE); a breakdown by field or unit ("theo lĩnh vực") as the
 * role field. */
void clause_far_topics(const struct lex *, struct clause_fig *,
	const char *s, size_t n);
/* Is value val of facet cls (LEX_WHAT ...) the figure's, and how far? */
int clause_has(const struct clause_fig *, int cls, int val);
/* Is topic val in the figure's clause?  Its distance, or DIST_NONE. */
int clause_topic_dist(const struct clause_fig *, int val);

#endif
