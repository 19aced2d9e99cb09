/*
 * facts: the figures of one document read as facts, the way normalize
 * writes them: each mention gets an indicator (the lexicon's best rule
 * for its clause reading, see clause.h), an exact value, a unit, a scope,
 * a qualifier and flags; then one mention per indicator is chosen as the
 * reporter's figure.
 *
 * The choice, in this order: a figure an analyst's correction made the
 * reporter's; then of the others, the one for the report's period (not
 * a part of it, not another span), for the whole territory (not the
 * reporter's own tier alone), of the reporter's own words for the
 * indicator (not a broader count), in the indicator's unit (not another
 * noun its rule admits), not of one official; of those, the
 * reporter's total stated as such ("tổng số ... là N"), then the first
 * mention in the text, then an appendix total row (a table restates the
 * text).  A value within the bound of a qualified one ("trên 3,6 tỷ",
 * 3.612.000.000) is no other value of it.  A value that lost for
 * one of the first reasons is a part (sub); one that lost only to the
 * order of mention makes the choice a conflict (flagged, and kept in
 * fact.conflict_with for the message).  Several officials' values and no
 * other, or several parts of the period in the text and no other, are
 * the parts of a total the report does not state: none is the reporter's.
 */
#ifndef BAOCAO_FACTS_H
#define BAOCAO_FACTS_H

#include <stddef.h>

#include "clause.h"
#include "dec.h"
#include "lex.h"
#include "vnum.h"

enum fact_scope { SCOPE_REPORTER, SCOPE_SUB, SCOPE_TABLE_ROW,
	SCOPE_TABLE_TOTAL, SCOPE_N };
enum fact_qual { FQ_EXACT, FQ_APPROX, FQ_MIN, FQ_MAX, FQ_N };
enum fact_flag { FLAG_CONFLICT, FLAG_WEAK, FLAG_APPROX, FLAG_CORRECTED,
	FLAG_OCR, FLAG_DROPPED, FLAG_N };
/* The time a figure's clause names, against the report's period: none,
 * the period itself, another span (broader, or before it), a part of it
 * ("6 tháng đầu năm" in a year report, "từ ngày 01/7/2025"). */
enum fact_time { TIME_NONE, TIME_WHOLE, TIME_OTHER, TIME_PART };

extern const char *const fact_scope_name[SCOPE_N];
extern const char *const fact_qual_name[FQ_N];
extern const char *const fact_flag_name[FLAG_N];
extern const char *const fact_time_name[];

struct fact {
	/* As extract wrote it (owned by the fact). */
	size_t line, csvline;
	int table, ocr;
	char *section, *row, *col, *before, *raw, *unit, *after;
	char *heading;		/* the words of the headings above it */
	void *user;		/* the caller's, untouched; a zero line's copy
				 * shares its mention's */
	/* As read. */
	struct vnum v;
	const struct lex_rule *rule;
	const struct lex_zero *zero;	/* the zero line that made it, or NULL */
#define FACT_MAXZEROS 4
	const struct lex_zero *zeros[FACT_MAXZEROS];	/* lines it says 0 of */
	size_t nzeros;
	long ind;		/* index into lex.ind, -1: none */
	struct dec value;
	const char *unit_out;	/* canonical unit, "" when unknown */
	enum fact_scope scope;
	enum fact_qual qual;
	unsigned flags;		/* 1u << FLAG_x */
	int total;		/* stated as the total */
	enum fact_time time;
	int whole;		/* of the reporter's whole territory, every tier */
	int own;		/* of the reporter's own tier alone */
	int lower;		/* of a lower tier ("các phường") */
	int actor;		/* of one official ("Chủ tịch tiếp 12 lượt") */
	int alone;		/* a part, the reporter's only as the one such */
	int other_unit;		/* its noun is of another unit than its
				 * indicator's */
	int broad;		/* a broader count than the indicator's own
				 * words (1, or 2 broader still): the
				 * reporter's only without a narrower one */
	int chosen;		/* the reporter's figure for its indicator */
	long rate_of;		/* a rate: the mention of its count, -1 */
	long conflict_with;	/* a differing mention of the chosen one's
				 * indicator, -1 */
	const char *corr_file;	/* the correction that set it, or NULL */
	size_t corr_line;
	char np[64];		/* the noun phrase read, cut, for evidence */
	struct clause_facet facet[3];	/* what, kind, state as read */
};

struct facts {
	const struct lex *lex;
	const char *period;	/* the report's, canonical, or NULL */
	int ward_reporter;	/* the reporter is a ward: "UBND phường" is it */
	struct fact *f;
	size_t n, cap;
};

/* A new zeroed mention at the end; its text fields are the caller's to
 * fill with malloc'd strings, freed by facts_clear. */
struct fact *facts_add(struct facts *);
/* Frees every mention (and keeps the array for the next document). */
void facts_clear(struct facts *);
void facts_free(struct facts *);

/* Reads every mention (v must be parsed): indicator, value, unit, scope,
 * qualifier, flags. */
void facts_read(struct facts *);
/* Chooses the reporter's figure of each indicator (see above). */
void facts_choose(struct facts *);
/* What was read of a mention, for a person: its rule's line, the facets
 * and how far from the figure each was read, its time, tier and official
 * ("rule 274; what=dossier (noun); state=resolved (label); time=part").
 * Appended. */
void facts_reading(const struct lex *, const struct fact *, struct buf *out);
/* The flags as words separated by ';' (appended). */
void facts_flags(unsigned flags, struct buf *out);

#endif
