/*
 * The parts of common/facts: facts.c reads a document's mentions,
 * facts_rules.c finds the lexicon's best rule for one, facts_choose.c
 * chooses the reporter's figure of each indicator.  Not for other
 * modules.
 */
#ifndef BAOCAO_FACTS_INT_H
#define BAOCAO_FACTS_INT_H

#include "clause.h"
#include "lex.h"

/* What the rules look at for one mention, folded. */
struct view {
	const char *np, *label, *before, *after, *col, *row, *section;
	const struct clause_fig *cf;	/* NULL for a table cell */
	int table, percent;
};

/* How a rule matched: the weight of its keys, the farthest facet. */
struct match {
	const struct lex_rule *r;
	int score, maxd;
};

/* The best rule for the view, or NULL; *weak when only the far clause
 * made one hold (or it needed near=). */
const struct lex_rule *facts_best_rule(const struct lex *, const struct view *,
	int *weak);

#endif
