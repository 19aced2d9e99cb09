/*
 * lex: the lexicon, the data file that says which indicators exist, which
 * words name what a figure counts (cue lines, by facet) and which facets
 * make which indicator (rule lines).  common/data/lexicon.rules is the
 * built-in copy; its header comment documents the format for analysts.
 * Every phrase is folded on load (see lex_fold), so matching ignores case
 * and diacritics.
 */
#ifndef BAOCAO_LEX_H
#define BAOCAO_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Facets and the other cue classes. */
enum lex_class {
	LEX_WHAT, LEX_KIND, LEX_STATE, LEX_TOPIC,	/* facets */
	LEX_ROLE, LEX_MARK, LEX_QUAL, LEX_TOTAL, LEX_SKIP,
	LEX_NCLASS
};
#define LEX_NFACET 4

/* Values with a meaning in code (their names are fixed). */
enum lex_role { ROLE_CHANGE, ROLE_COMPARE, ROLE_PLAN, ROLE_PROPOSAL,
	ROLE_EXAMPLE, ROLE_ATTAIN, ROLE_TIER, ROLE_OWN, ROLE_TO, ROLE_FROM,
	ROLE_ACTOR, ROLE_PART, ROLE_WHOLE, ROLE_FORMER, ROLE_FIELD, ROLE_N };
enum lex_mark { MARK_PARTIAL, MARK_COMPLETE, MARK_N };
enum lex_qual { QUAL_APPROX, QUAL_MIN, QUAL_MAX, QUAL_N };

#define LEX_MAXVAL 64		/* values per class */
#define LEX_MAXFC 8		/* facet keys per rule */

struct lex_alt {
	char **v;		/* folded alternatives */
	size_t n;
};

struct lex_ind {
	char *id, *unit, *kind;	/* kind: count, rate or level */
};

/* One meaning of a phrase: "khiếu nại" is kind complaint. */
struct lex_cue {
	char *phrase;		/* folded, see lex_fold */
	size_t n;
	int cls, val;
	size_t line;
};

/* A facet key of a rule: the values allowed, absent ('-'), any ('*'). */
struct lex_fc {
	int cls;
	uint64_t allow;
	unsigned char none, any;
};

/* A rule's word keys (for what facets cannot say): where each looks, how
 * it holds, and how much it weighs is the table lex_word_key. */
enum lex_word { LW_NOUN, LW_LEAD, LW_BEFORE, LW_AFTER, LW_NEAR, LW_NOT,
	LW_COL, LW_ROW, LW_SECTION, LW_N };

/* Where a word key looks: the noun phrase, the figure's label, the
 * clause after it, both, a table's column or row labels, the headings. */
enum lex_where { LWH_NOUN, LWH_LABEL, LWH_AFTER, LWH_NEAR, LWH_COL,
	LWH_ROW, LWH_SECTION };
/* How it holds: its phrase starts, ends or is in the text; or none of its
 * phrases is in the label nor in the clause after (not=). */
enum lex_how { LHOW_STARTS, LHOW_ENDS, LHOW_CONTAINS, LHOW_NONE };

/* The facet distance a word key weighs as: the same order as clause.h's
 * enum clause_dist (the noun, the label, shared, the far clause), or
 * none. */
enum lex_weigh { LWW_NOUN, LWW_LABEL, LWW_SHARED, LWW_CLAUSE, LWW_NONE };

struct lex_word_key {
	const char *name;
	enum lex_where where;
	enum lex_how how;
	enum lex_weigh weigh;
};
extern const struct lex_word_key lex_word_key[LW_N];

struct lex_rule {
	char *ind;
	long ind_index;		/* into lex.ind; -1 for "-" */
	struct lex_fc fc[LEX_MAXFC];
	size_t nfc;
	struct lex_alt word[LW_N];	/* the word keys, by enum lex_word */
	char *scope;		/* NULL: decided by normalize */
	char *source;		/* NULL, "text" or "table" */
	size_t nkeys;		/* keys given: facet and word keys */
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

/*
 * The facet values the reading relies on by name, checked when the
 * lexicon is loaded (a lexicon without one is an error naming the file)
 * and kept as indices.
 */
struct lex_known {
	int what_other;		/* a noun that names no indicator's unit */
	int what_person;	/* people and cases are the same count */
	int what_case;
	int what_m2;		/* written in the figure: "2.785m²" */
	int state_received;	/* a total received ... */
	int state_in_scope;	/* ... or within jurisdiction ... */
	int state_carried_over;	/* ... whose parts include the carried over */
};

/*
 * "zero FACET VALUE: ID | ID": a figure written as a negation ("không có
 * cán bộ, công chức bị xử lý kỷ luật") whose clause names that value says
 * 0 of each indicator listed.
 */
#define LEX_MAXZERO 8
struct lex_zero {
	int cls, val;
	long ind[LEX_MAXZERO];	/* into lex.ind */
	size_t nind;
	size_t line;
};

struct lex {
	struct lex_ind *ind;
	size_t nind;
	char *val[LEX_NCLASS][LEX_MAXVAL];	/* value names per class */
	size_t nval[LEX_NCLASS];
	/* "attribute CLASS: v | v": values that say which things a figure
	 * counts rather than what was done to them; "outcome CLASS: v | v":
	 * what was done, which an attribute yields to (1u << value). */
	uint64_t attr[LEX_NCLASS], outcome[LEX_NCLASS];
	struct lex_known known;
	struct lex_cue *cue;	/* sorted by phrase */
	size_t ncue;
	struct lex_rule *rule;
	size_t nrule;
	struct lex_rate *rate;
	size_t nrate;
	struct lex_zero *zero;
	size_t nzero;
	char **stock;
	size_t nstock;
};

/* A phrase found in a text: its meanings are cue[c0 .. c0 + nc). */
struct lex_hit {
	size_t pos, len;
	size_t c0, nc;
};

/* path NULL loads the built-in copy.  Dies naming file:line on errors. */
struct lex *lex_load(const char *path);
void lex_free(struct lex *);
const struct lex_ind *lex_find(const struct lex *, const char *id, size_t n);

/*
 * Folds p[0..n) for matching (u8_fold) and lays out its punctuation in
 * one way: one space between words, none before , ; : ) and after (,
 * one after , ; : ) so that "khiếu nại ,tố cáo" reads as "khieu nai, to
 * cao".  Appends to out.
 */
void lex_fold(struct buf *out, const char *p, size_t n);

/*
 * The phrases of the lexicon in s[0..n) (folded by lex_fold), left to
 * right, the longest at each word, not overlapping.  Writes at most max
 * hits and returns how many there are in all.
 */
size_t lex_scan(const struct lex *, const char *s, size_t n,
	struct lex_hit *hits, size_t max);

/* The index of value name of class cls, -1 when the lexicon has none. */
int lex_value(const struct lex *, int cls, const char *name);
/* Does a hit mean value val of class cls? */
int lex_hit_is(const struct lex *, const struct lex_hit *, int cls, int val);
/* The first value of class cls a hit means, or -1. */
int lex_hit_val(const struct lex *, const struct lex_hit *, int cls);

/* Does the pattern pat ('#' a number) occur in hay as whole words? */
int lex_contains(const char *hay, const char *pat);
/* Does s start with pattern pat as whole words? */
int lex_starts(const char *s, const char *pat);
/* Does s end with pattern pat as whole words (trailing blanks and
 * colons aside)? */
int lex_ends(const char *s, const char *pat);
/* Any alternative of a. */
int lex_contains_any(const struct lex_alt *a, const char *hay);
int lex_starts_any(const struct lex_alt *a, const char *s);
int lex_ends_any(const struct lex_alt *a, const char *s);

#endif
