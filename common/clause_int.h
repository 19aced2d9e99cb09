/*
 * The parts of common/clause that read one line: clause.c cuts it into a
 * piece per figure; clause_fig.c reads each figure's own clause (its noun
 * phrase, label, roles and facets); clause_links.c the links between the
 * figures of the line (brackets, breakdowns, rates, lists).  Not for
 * other modules.
 */
#ifndef BAOCAO_CLAUSE_INT_H
#define BAOCAO_CLAUSE_INT_H

#include "buf.h"
#include "clause.h"
#include "lex.h"

#define PART_GAP 72	/* folded bytes at most between two parts of a list */
#define RATE_GAP 40	/* ... between a count and the rate that follows it */
#define MAXHITS 64

/* Scratch for one figure while the line is read. */
struct piece {
	struct buf b;		/* B: the clause before, folded */
	struct buf a;		/* A: noun and clause after, folded */
	size_t np_end;		/* the noun phrase is a[0..np_end) */
	size_t np_words;
	size_t label_at;	/* the label is b[label_at..] */
	size_t raw_label_at;	/* where the label started before brackets
				 * and markers were taken off */
	size_t own_at;		/* ... of it, the words after its last
				 * separator; before them, the figure
				 * before goes on ("80 lượt do Ban Tiếp
				 * công dân tiếp và 40 lượt") */
	int list_item;		/* the label holds only separators */
	struct lex_hit hb[MAXHITS], ha[MAXHITS];
	size_t nhb, nha;
};

/* clause_fig.c: one figure's own clause, in the pieces clause.c cut */
int cl_hit_class(const struct lex *x, const struct lex_hit *h, int cls);
void cl_set_facet(const struct lex *x, struct clause_fig *f, int cls, int val,
	int dist);
void cl_add_topic(struct clause_fig *f, int val, int dist);
/* the noun phrase: a[0..np_end) */
void cl_noun_phrase(const struct lex *x, struct piece *pc);
/* the noun's facets; after a fraction, the state it names, else -1 */
int cl_read_noun(const struct lex *x, const struct piece *pc,
	struct clause_fig *f, int fraction);
/* facets of the words b[from..to), nearest first */
void cl_read_span(const struct lex *x, const struct piece *pc,
	struct clause_fig *f, size_t from, size_t to, int dist);
void cl_take_hit(const struct lex *x, const struct lex_hit *h,
	struct clause_fig *f, int dist, int what_ok);
void cl_label_roles(const struct lex *x, const struct piece *pc,
	struct clause_fig *f);
void cl_clause_roles(const struct lex *x, const struct piece *pc,
	struct clause_fig *f);
int cl_label_ends_with(const struct lex *x, const struct piece *pc, int cls,
	int val);
size_t cl_skip_words(const char *s, size_t n, size_t w);
long cl_find_raw(const char *s, size_t n, const char *raw, size_t rn);
int cl_only_separators(const char *s, size_t n);

/* clause_links.c: the links of the figures f[0..n) of a line */
void links_markers(const struct lex *x, const struct clause_in *in, size_t n,
	struct clause_fig *f);
void links_breakdowns(const struct lex *x, const struct clause_in *in,
	size_t n, struct clause_fig *f);
void links_hosts(const struct lex *x, const struct clause_in *in, size_t n,
	struct clause_fig *f);
void links_rates(const struct lex *x, const struct clause_in *in, size_t n,
	struct clause_fig *f);
void links_lists(const struct clause_in *in, const struct piece *pc,
	struct clause_fig *f, size_t i);
void links_range_end(const struct lex *x, struct clause_fig *f, size_t i);
void links_inherit(const struct lex *x, struct clause_fig *f,
	const struct clause_fig *from, int label_only);

#endif
