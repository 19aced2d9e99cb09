/*
 * baocao-aggregate: the parts of the filter and what passes between them.
 *
 *	main.c     options and the mode (group-by, city table, --partial,
 *	           --merge), main()
 *	groupby.c  the datamash part: the operation table, accumulators, the
 *	           --partial state written and read, the group table, the
 *	           generic output
 *	city.c     the city table: each unit's figures, the period algebra
 *	           (derive.h), rates from summed parts, coverage and the
 *	           units missing, --units, --findings
 *	domain.c   what the domain defaults know: an indicator's kind (the
 *	           lexicon), the units that should report (the gazetteer)
 *
 * Every mode reads its rows into one group table (struct gtab) of groups
 * with one accumulator per operation.  The group-by writes the table as it
 * is (or its --partial state); the city table is that table made with
 * fixed keys and operations (city_keys, city_ops), whose accumulators it
 * reads by name (enum city_key, enum city_acc), never by position in an
 * option string.  groupby.c knows no domain: the rates and coverage of the
 * default operations are asked of domain.c, as the city table asks it.
 *
 * Options are parsed into one struct opts, not written afterwards; what
 * the input's header decides (column positions) lives in struct gtab.
 */
#ifndef BAOCAO_AGGREGATE_H
#define BAOCAO_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "csvin.h"
#include "csvout.h"
#include "dec.h"
#include "gaz.h"
#include "htab.h"
#include "lex.h"

#define MEAN_PREC 6		/* digits of a mean after the point */
#define RATE_PREC 2		/* digits of a city rate after the point */

enum op { OP_SUM, OP_COUNT, OP_COUNTUNIQUE, OP_MIN, OP_MAX, OP_MEAN,
	OP_FIRST, OP_LAST, OP_N };

/* An operation: its name, whether it names a column, whether that column
 * must hold numbers (groupby.c's opdefs, indexed by enum op). */
struct opdef {
	const char *name;
	enum op op;
	int needs_col;
	int numeric;
};

/* One operation of the command line: "op" or "op:col". */
struct opspec {
	const struct opdef *def;
	char *col;		/* NULL for count */
	char *outname;		/* e.g. sum_value */
	int optional;		/* city: doc and line, if the input has them */
};

struct opts {
	char **keys;
	size_t nkeys;
	struct opspec *ops;
	size_t nops;
	int defaults;		/* default operations: rates, coverage */
	int city;		/* default keys and operations: city table */
	int partial, merge, gzip, stats, skip_bad, units, bom;
	const char *rules, *gazetteer, *bad_rows, *findings;
};

/* A set of strings kept sorted (small per group; binary search insert). */
struct strset {
	char **v;
	size_t n, cap;
};

/*
 * An accumulator.  Its contract per operation (groupby.c: acc_add folds a
 * value in, gb_write_state and read_state carry it through --partial,
 * write_result finishes it):
 *	sum, mean    d is the exact sum of the n non-empty values
 *	count        n is the rows
 *	countunique  set holds the distinct non-empty texts
 *	min, max     d is the least or greatest value when has
 *	first, last  text is the first or the last row's text when has
 */
struct acc {
	struct dec d;
	uint64_t n;
	struct strset set;
	char *text;
	int has;
};

/* A group: its key fields joined by NUL, one accumulator per operation. */
struct group {
	struct hkey k;
	struct acc acc[];
};

/* The group table and what the input's header decided. */
struct gtab {
	const struct opts *o;
	struct htab tab;
	struct group **all;	/* in creation order; gb_sort sorts them */
	size_t nall, capall;
	long *kidx;		/* the input column of each key */
	int kseq;		/* the keys are columns side by side, in order:
				 * the record holds the key as it is */
	long *oidx;		/* of each operation; -1: optional and absent */
	size_t *same;		/* a numeric operation's column is that of an
				 * earlier one: its index, else its own */
	struct buf key;
	uint64_t rows, empty, skipped;
	/* Where the default operations find the indicator, unit, province
	 * and period among the keys (-1: not a key), and the reporters. */
	long k_ind, k_unit, k_prov, k_period;
	long o_reps;		/* countunique:reporter_code, or -1 */
};

/*
 * What the domain defaults know (domain.c): the lexicon's kinds of
 * indicators, and the units that should report for a province and period
 * (cover_due), kept for the last one asked.
 */
struct domain {
	struct lex *lex;
	struct gaz *gaz;	/* NULL when no coverage is written */
	const struct gaz_unit **due;
	size_t ndue;
	char *due_prov, due_end[11];
};

/* The city table's keys and accumulators, in the order of its --partial
 * columns; city_keys and city_ops (city.c) name them. */
enum city_key { CK_PROV, CK_PERIOD, CK_IND, CK_UNIT, CK_REP, CK_N };
enum city_acc { CA_SUM, CA_COUNT, CA_UNIQ, CA_MIN, CA_MAX, CA_MEAN, CA_DOC,
	CA_LINE, CA_N };

struct city_op {
	enum op op;
	const char *col;
	int optional;
};

extern const char *const city_keys[CK_N];
extern const struct city_op city_ops[CA_N];

/* A finding of the period algebra, in baocao-check's columns. */
struct finding {
	char *doc, *line, *rule, *ind, *expected, *actual, *detail;
};

/* The city table's results, kept for --findings and --stats. */
struct city {
	struct finding *fnd;
	size_t nfnd, capfnd;
	uint64_t written, derived;
};

/* groupby.c */
const struct opdef *gb_opdef(const char *name);	/* NULL: unknown */
const struct opdef *gb_opdef_of(enum op);
/* The input columns of keys and operations, from in's header: dies
 * naming a missing one (in --merge, the state columns "op:col"). */
void gb_columns(struct gtab *, const struct opts *, struct csvin *);
/* Every row into its group; dies on a value that is not a number unless
 * --skip-bad. */
void gb_read(struct gtab *, struct csvin *);
/* Every --partial row merged into its group; dies on malformed state. */
void gb_merge(struct gtab *, struct csvin *);
/* The groups in key order (bytewise, field by field). */
void gb_sort(struct gtab *);
/* The results (or with --partial, the state) with a header, sorted. */
void gb_write(struct gtab *, struct domain *, struct csvout *);
void gb_free(struct gtab *);
/* Writes a decimal as a field (tmp is scratch). */
void gb_write_dec(struct csvout *, const struct dec *, struct buf *tmp);
void strset_add(struct strset *, const char *, size_t);
void strset_free(struct strset *);

/* domain.c */
/*
 * A rate is never summed or averaged; a flow is added up over periods;
 * a stock (the lexicon's "stock" lines, levels, and what the lexicon does
 * not know) is added up over units only.
 */
enum ikind { IK_FLOW, IK_STOCK, IK_RATE };
enum ikind dom_kind(const struct domain *, const char *ind, const char *unit);
/* Whether an indicator and unit make a rate: the lexicon's kind when it
 * knows the indicator, else unit percent (either may be NULL: not a key). */
int dom_is_rate(const struct domain *, const char *ind, const char *unit);
/*
 * units_covered,units_total of a figure whose reporters are v[0..n)
 * (sorted), both empty when prov or period is NULL or has no end; the
 * codes of the units due and not among them, space-separated, go to
 * missing when it is not NULL.
 */
void dom_coverage(struct domain *, struct csvout *, const char *prov,
	const char *period, const char *const *v, size_t n,
	struct buf *missing);
void dom_free(struct domain *);

/* city.c */
/* The city table (or with --units, the units' figures) from the groups
 * (sorted, keys city_keys, operations city_ops). */
void city_write(struct city *, const struct opts *, struct domain *,
	const struct gtab *, struct csvout *);
/* --findings: what the period algebra found, to fd. */
void city_write_findings(const struct city *, int fd, int bom);
void city_free(struct city *);

/* Room for one more element in *v of *cap (grown by doubling). */
void agg_grow(void **v, size_t n, size_t *cap, size_t size);

#endif
