/*
 * lex: the lexicon, the data file that says which indicators exist and how
 * a figure's context maps to one (common/data/lexicon.rules; its header
 * comment documents the format for analysts).  Every pattern is folded on
 * load (see utf8.h), so matching ignores case and diacritics.
 */
#ifndef BAOCAO_LEX_H
#define BAOCAO_LEX_H

#include <stddef.h>

struct lex_alt {
	char **v;		/* folded alternatives */
	size_t n;
};

struct lex_ind {
	char *id, *unit, *kind;	/* kind: count, rate or level */
};

struct lex_unit {
	char *unit;
	struct lex_alt nouns;
};

struct lex_rule {
	char *ind;
	long ind_index;		/* into lex.ind; -1 for "-" and "*" */
	struct lex_alt noun, before, after, near, not, col, row, section;
	char *scope;		/* NULL: decided by normalize */
	char *source;		/* NULL, "text" or "table" */
	size_t line;
};

/*
 * "rate ID = NUM / DEN": the city-wide ID is 100 * sum(NUM) / sum(DEN)
 * over the units that report both.  "stock ID": a count at a date (what
 * is carried over, what is pending), never added up over periods.
 */
struct lex_rate {
	char *id, *num, *den;
};

struct lex {
	struct lex_ind *ind;
	size_t nind;
	struct lex_unit *unit;
	size_t nunit;
	struct lex_rule *rule;
	size_t nrule;
	struct lex_rate *rate;
	size_t nrate;
	char **stock;
	size_t nstock;
};

/* path NULL loads the built-in copy.  Dies naming file:line on errors. */
struct lex *lex_load(const char *path);
void lex_free(struct lex *);
const struct lex_ind *lex_find(const struct lex *, const char *id, size_t n);

#endif
