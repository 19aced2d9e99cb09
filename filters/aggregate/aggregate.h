/*
 * baocao-aggregate: the parts of the filter and what passes between them.
 *
 *	main.c     options and the mode (group-by, city table, --partial,
 *	           --merge, --sorted), main()
 *	groupby.c  the datamash part: the group table, rows read into it
 *	           (hashed, or in order with --sorted), the generic output
 *	acc.c      the operation table and the accumulators: a value folded
 *	           in, the --partial state written and read, the result
 *	city.c     the city table: each unit's figures, the period algebra
 *	           (derive.h), rates from summed parts, coverage and the
 *	           units missing, --units, --findings (city_derive.c the
 *	           period algebra, city_ratio.c rates from their parts,
 *	           city_rows.c the rows written; city.h their state)
 *	domain.c   what the domain defaults know: an indicator's kind (the
 *	           lexicon), the units that should report (the gazetteer)
 *
 * Every mode reads its rows into one group table (struct gtab) of groups
 * with one accumulator per operation (--sorted: one group at a time).  The
 * group-by writes the table as it is (or its --partial state); the city
 * table is that table made with fixed keys and operations (city_keys,
 * city_ops), whose accumulators it reads by name (enum city_key, enum
 * city_acc), never by position in an option string.  groupby.c knows no
 * domain: the rates and coverage of the default operations are asked of
 * domain.c, as the city table asks it.
 *
 * Options are parsed into one struct opts, not written afterwards; what
 * the input's header decides (column positions) lives in struct gtab.
 */
#ifndef BAOCAO_AGGREGATE_H
#define BAOCAO_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
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
	int partial, merge, sorted, gzip, stats, skip_bad, units, bom;
	const char *rules, *gazetteer, *bad_rows, *findings;
};

/* A set of strings it does not own, kept sorted (small per group; binary
 * search insert). */
struct strset {
	const char **v;
	size_t n, cap;
};

/*
 * An accumulator: the state of one operation, in the member its operation
 * uses.  The contracts (groupby.c: acc_add folds a value in, write_state
 * and read_state carry it through --partial, write_result finishes it):
 *	sum, mean    sum.d is the exact sum of the sum.n non-empty values
 *	count        count is the rows
 *	countunique  set holds the distinct non-empty texts (interned)
 *	min, max     ext.d is the least or greatest value when ext.has
 *	first, last  text.s is the first or the last row's text (interned)
 *	             when text.has
 */
struct acc {
	union {
		struct {
			struct dec d;
			uint64_t n;
		} sum;
		uint64_t count;
		struct strset set;
		struct {
			struct dec d;
			int has;
		} ext;
		struct {
			const char *s;
			int has;
		} text;
	};
};

/* A group: its key fields joined by NUL, one accumulator per operation. */
struct group {
	struct hkey k;
	struct acc acc[];
};

/* Texts kept once each (first, last, countunique): a hash table of them
 * in an arena. */
struct pool {
	struct htab tab;
	struct arena ar;
};

/* The group table and what the input's header decided. */
struct gtab {
	const struct opts *o;
	struct htab tab;
	struct arena ar;	/* the groups and their keys */
	struct pool texts;
	struct group **all;	/* in creation order; gb_sort sorts them */
	size_t nall, capall;
	long *kidx;		/* the input column of each key */
	int kseq;		/* the keys are columns side by side, in order:
				 * the record holds the key as it is */
	long *oidx;		/* of each operation; -1: optional and absent */
	size_t *same;		/* a numeric operation's column is that of an
				 * earlier one: its index, else its own */
	struct buf key;
	/* a row, chosen once: facts (parsed into vals, ok) or --merge's
	 * state; take says whether to fold it, fold folds it in */
	int (*take)(struct gtab *, struct csvin *);
	void (*fold)(struct gtab *, struct group *, struct csvin *);
	struct dec *vals;
	int *ok;
	uint64_t rows, empty, skipped, written;
	/* Where the default operations find the indicator, unit, province
	 * and period among the keys (-1: not a key), and the reporters. */
	long k_ind, k_unit, k_prov, k_period;
	long o_reps;		/* countunique:reporter_code, or -1 */
};

/*
 * What the domain defaults know (domain.c): the lexicon's kinds of
 * indicators, looked up once per indicator, and the units that should
 * report for a province and period (cover_due), kept for the last one
 * asked.
 */
struct domain {
	struct lex *lex;
	struct gaz *gaz;	/* NULL when no coverage is written */
	struct htab kinds;	/* indicator -> what the lexicon says */
	struct arena ar;
	const struct gaz_unit **due;
	size_t ndue;
	char *due_prov, *due_period, due_end[11];
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

/* acc.c */
const struct opdef *acc_opdef(const char *name);	/* NULL: unknown */
const struct opdef *acc_opdef_of(enum op);
/* Folds one row's value x (numeric operations) or text into a (texts
 * kept in pl); dies when a sum overflows. */
void acc_add(struct pool *pl, struct acc *a, enum op, const struct dec *x,
	struct span text);
/* a's state as a field ("sum/n", "n", a quoted list, "=text"), and its
 * inverse: merges a field of state into a; -1 when malformed. */
void acc_write_state(struct csvout *, const struct acc *a, enum op,
	struct buf *tmp);
int acc_read_state(struct pool *pl, struct acc *a, enum op, struct span);
/* a's result as a field; a rate's sum and mean are empty. */
void acc_write_result(struct csvout *, const struct acc *a, enum op,
	int rate, struct buf *tmp);
/* Writes a decimal as a field (tmp is scratch). */
void acc_write_dec(struct csvout *, const struct dec *, struct buf *tmp);
/* Adds s (NUL-terminated, to outlive the set) unless it is in already. */
void strset_add(struct strset *, const char *s);
void strset_free(struct strset *);
/* Room for one more element in *v of *cap (grown by doubling). */
void agg_grow(void **v, size_t n, size_t *cap, size_t size);

/* groupby.c */
/* The input columns of keys and operations, from in's header: dies
 * naming a missing one (in --merge, the state columns "op:col"). */
void gb_columns(struct gtab *, const struct opts *, struct csvin *);
/* Every row into its group (--merge: its state merged); dies on a value
 * that is not a number unless --skip-bad, on malformed state. */
void gb_read(struct gtab *, struct csvin *);
/*
 * --sorted: rows whose keys come in order, each group written (with the
 * header first) as soon as the next begins, in memory for one group;
 * dies naming file and line where a key comes after a greater one.
 */
void gb_stream(struct gtab *, struct domain *, struct csvin *,
	struct csvout *);
/* The groups in key order (bytewise, field by field). */
void gb_sort(struct gtab *);
/* The results (or with --partial, the state) with a header, sorted. */
void gb_write(struct gtab *, struct domain *, struct csvout *);
void gb_free(struct gtab *);

/* domain.c */
/*
 * A rate is never summed or averaged; a flow is added up over periods;
 * a stock (the lexicon's "stock" lines, levels, and what the lexicon does
 * not know) is added up over units only.
 */
enum ikind { IK_FLOW, IK_STOCK, IK_RATE };
enum ikind dom_kind(struct domain *, const char *ind, const char *unit);
/* Whether an indicator and unit make a rate: the lexicon's kind when it
 * knows the indicator, else unit percent (either may be NULL: not a key). */
int dom_is_rate(struct domain *, const char *ind, const char *unit);
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

#endif
