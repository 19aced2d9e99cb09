/*
 * baocao-aggregate: group rows by key columns and compute exact summaries;
 * with no options, the city-wide summary of baocao-normalize's facts.
 *
 * Input: any CSV with the key columns and the columns the operations name
 * (default keys province_code,period,indicator,unit; default operations
 * sum:value,count,countunique:reporter_code,min:value,max:value,mean:value).
 * Output: the key columns, one column per operation named OP_COLUMN (or
 * "count"), and with the default operations units_covered,units_total:
 * how many of the units that should report (the province's districts, or
 * from the 2025 reform its wards: cover_due) the figure covers.
 * Rows come out sorted by key (bytewise, field by field).
 *
 * With no -k and no -o, the city table: facts are kept per reporting unit
 * (the key plus reporter_code) until the end, where the period algebra
 * (derive.h) adds what each unit's reports imply for the periods it did not
 * report, a rate with parts in the lexicon ("rate ID = NUM / DEN") is
 * recomputed from the summed parts, and every figure gets its coverage:
 *	... units_covered,units_total,value,how,flags,units_missing
 * value is the city figure (a sum, a ratio of sums, or empty for a rate
 * shown per unit only), how says which, flags says "derived" when some
 * unit's figure in it was derived.  --units writes the units' figures
 * instead; --findings writes the cumulative series that go down and the
 * periods that disagree, in baocao-check's columns.
 *
 * --partial writes mergeable state instead (column baocao_partial first);
 * --merge reads such state from any number of runs.  For any split of the
 * input into consecutive parts, partial per part then one merge (parts in
 * input order) is byte-identical to one run on the whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "csvin.h"
#include "cover.h"
#include "csvout.h"
#include "dec.h"
#include "derive.h"
#include "diag.h"
#include "gaz.h"
#include "gz.h"
#include "htab.h"
#include "lex.h"
#include "period.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-aggregate [-z] [--bom] [-k KEYS] [-o OPS] [--partial | --merge] [--units] [--findings FILE] [FILE ...]"
#define DEFAULT_KEYS "province_code,period,indicator,unit"
#define DEFAULT_OPS "sum:value,count,countunique:reporter_code,min:value,max:value,mean:value"
#define MEAN_PREC 6
/* The city table keeps each unit apart until the end. */
#define CITY_KEYS DEFAULT_KEYS ",reporter_code"
#define CITY_OPS DEFAULT_OPS ",first:doc,first:line"
#define RATE_PREC 2
enum { C_SUM, C_COUNT, C_UNIQ, C_MIN, C_MAX, C_MEAN, C_DOC, C_LINE };

enum op { OP_SUM, OP_COUNT, OP_COUNTUNIQUE, OP_MIN, OP_MAX, OP_MEAN,
	OP_FIRST, OP_LAST };

/*
 * Each operation: its name, whether it names a column, whether that column
 * must hold numbers.  The contracts of init/add/merge/finish are in the
 * functions acc_add, acc_merge and acc_write below, one case per entry.
 */
static const struct opdef {
	const char *name;
	enum op op;
	int needs_col;
	int numeric;
} opdefs[] = {
	{ "sum", OP_SUM, 1, 1 },		/* exact sum of non-empty values */
	{ "count", OP_COUNT, 0, 0 },		/* rows in the group */
	{ "countunique", OP_COUNTUNIQUE, 1, 0 },/* distinct non-empty texts */
	{ "min", OP_MIN, 1, 1 },
	{ "max", OP_MAX, 1, 1 },
	{ "mean", OP_MEAN, 1, 1 },		/* sum / values, MEAN_PREC digits */
	{ "first", OP_FIRST, 1, 0 },		/* text of the first row */
	{ "last", OP_LAST, 1, 0 },		/* text of the last row */
};

struct opspec {
	const struct opdef *def;
	char *col;		/* NULL for count */
	char *outname;		/* e.g. sum_value */
	long idx;		/* input column; -1: optional and absent */
	int optional;		/* city: doc and line, when the input has them */
};

struct opts {
	char **keys;
	size_t nkeys;
	struct opspec *ops;
	size_t nops;
	int defaults;		/* default operations: rates, coverage */
	int city;		/* default keys and operations: the city table */
	int partial, merge, gzip, stats, skip_bad, units, bom;
	const char *rules, *gazetteer, *bad_rows, *findings;
};

/* A set of strings kept sorted (small per group; binary search insert). */
struct strset {
	char **v;
	size_t n, cap;
};

struct acc {
	struct dec d;		/* sum, min or max */
	uint64_t n;		/* values seen (count: rows) */
	struct strset set;
	char *text;		/* first/last */
	int has;
};

struct group {
	struct hkey k;		/* key fields joined by NUL */
	struct acc acc[];
};

/* City: one unit's figure for one period, stated (a group) or derived. */
struct ufig {
	const char *f[5];	/* province, period, indicator, unit, reporter */
	char *own;		/* a derived figure's period (owned) */
	const struct group *g;	/* the stated figure's group; NULL: derived */
	struct dec v;
	int has;		/* v is the unit's figure */
	int conflict;		/* a rate stated with two values */
};

/* City: a ratio of summed parts for one province, period and rate. */
struct ratio {
	const char *prov, *period, *id, *num, *den;
	struct strset cover;	/* the units that have both parts */
	struct dec nsum, dsum, v;
	int derived, used, ok;
};

/* City: one row of the city table. */
struct crow {
	const char *f[4];	/* province, period, indicator, unit */
	struct dec sum, min, max;
	uint64_t nvals, rows;
	const char **reps;	/* reporters with a figure: sorted, borrowed */
	size_t nreps, capreps;
	int has_sum, has_minmax, derived, rate;
	const struct ratio *ratio;
};

/* City: what derive said about one unit's year, kept for --findings. */
struct finding {
	char *doc, *line, *rule, *ind, *expected, *actual, *detail;
};

struct state {
	const struct opts *o;
	struct htab tab;
	struct group **all;	/* in creation order */
	size_t nall, capall;
	long *kidx;
	struct buf key;
	uint64_t rows, empty, skipped, derived, written;
	struct lex *lex;
	struct gaz *gaz;
	/* the city table */
	struct ufig *uf;
	size_t nuf, capuf;
	struct ratio *rat;
	size_t nrat, caprat;
	struct finding *fnd;
	size_t nfnd, capfnd;
	const struct gaz_unit **due;	/* cover_due of due_prov, due_end */
	size_t ndue;
	char *due_prov, due_end[11];
};

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Groups CSV rows by key columns and computes exact summaries.  With no\n"
"options it turns baocao-normalize's facts into the city-wide table.\n"
"\n"
"  -k, --keys LIST     key columns (default " DEFAULT_KEYS ")\n"
"  -o, --ops LIST      operations OP:COLUMN or count (default\n"
"                      " DEFAULT_OPS ")\n"
"                      OP: sum count countunique min max mean first last\n"
"      --partial       write mergeable state instead of results\n"
"      --merge         combine the state written by --partial runs\n"
"      --units         (city table) each unit's figures, with the derived\n"
"                      ones, instead of the city's\n"
"      --findings FILE (city table) write to FILE the cumulative series\n"
"                      that go down and the periods that disagree\n"
"      --skip-bad      skip (and count) rows whose value is not a number\n"
"      --bad-rows FILE quarantine unreadable CSV rows to FILE and go on\n"
"      --rules FILE    lexicon: indicator kinds, rates, stocks (default:\n"
"                      built in)\n"
"      --gazetteer FILE  units for coverage (default: built in)\n"
"  -z, --gzip          write gzip\n"
"      --bom           start the output with a UTF-8 byte-order mark\n"
"      --stats         print row counts on stderr\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"\n"
"Rates (indicators of kind rate, or unit percent) are neither summed nor\n"
"averaged by the default operations: sum_value and mean_value are empty.\n"
"With no -k and no -o: the city table, with the periods each unit's\n"
"reports imply (flags 'derived'), rates recomputed from their summed parts\n"
"(2 decimals, half away from zero), coverage and the units missing.\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_PARTIAL = CHAR_MAX + 1, OPT_MERGE, OPT_SKIP_BAD, OPT_BAD_ROWS,
	OPT_RULES, OPT_GAZ, OPT_STATS, OPT_UNITS, OPT_FINDINGS, OPT_BOM };

static const struct option longopts[] = {
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "findings", required_argument, NULL, OPT_FINDINGS },
	{ "gazetteer", required_argument, NULL, OPT_GAZ },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "keys", required_argument, NULL, 'k' },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ "ops", required_argument, NULL, 'o' },
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "skip-bad", no_argument, NULL, OPT_SKIP_BAD },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "units", no_argument, NULL, OPT_UNITS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
parse_ops(struct opts *o, const char *list)
{
	size_t n, i, k;
	char **v = cli_split(list, &n);

	o->ops = xcalloc(n, sizeof(*o->ops));
	o->nops = n;
	for (i = 0; i < n; i++) {
		char *colon = strchr(v[i], ':');
		struct opspec *s = &o->ops[i];
		struct buf name = { 0 };

		if (colon != NULL)
			*colon = '\0';
		for (k = 0; k < sizeof(opdefs) / sizeof(opdefs[0]); k++)
			if (strcmp(opdefs[k].name, v[i]) == 0)
				s->def = &opdefs[k];
		if (s->def == NULL)
			die(2, "unknown operation '%s'", v[i]);
		if (s->def->needs_col && (colon == NULL || colon[1] == '\0'))
			die(2, "operation '%s' needs a column: '%s:COLUMN'",
			    v[i], v[i]);
		if (!s->def->needs_col && colon != NULL)
			die(2, "operation '%s' takes no column", v[i]);
		s->col = colon != NULL ? xstrdup(colon + 1) : NULL;
		buf_adds(&name, s->def->name);
		if (s->col != NULL)
			buf_printf(&name, "_%s", s->col);
		s->outname = name.p;
		free(v[i]);
	}
	free(v);
}

static struct group *
find_group(struct state *st, const char *key, size_t n)
{
	uint64_t h = htab_hash(key, n);
	struct group *g = (struct group *)htab_find(&st->tab, key, n, h);

	if (g != NULL)
		return g;
	g = xcalloc(1, sizeof(*g) + st->o->nops * sizeof(struct acc));
	g->k.key = xmemdup(key, n);
	g->k.keylen = n;
	g->k.hash = h;
	htab_add(&st->tab, &g->k);
	if (st->nall == st->capall) {
		st->capall = st->capall == 0 ? 1024 : st->capall * 2;
		st->all = xreallocarray(st->all, st->capall, sizeof(*st->all));
	}
	st->all[st->nall++] = g;
	return g;
}

static void
set_add(struct strset *s, const char *p, size_t n)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *m = s->v[mid];
		size_t mn = strlen(m);
		int c = memcmp(m, p, mn < n ? mn : n);

		if (c == 0)
			c = mn < n ? -1 : mn > n ? 1 : 0;
		if (c == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 4 : s->cap * 2;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof(*s->v));
	s->v[lo] = xmemdup(p, n);
	s->n++;
}

/* Room for one more element in *v of *cap (grown by doubling). */
static void
grow(void **v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return;
	*cap = *cap == 0 ? 64 : *cap * 2;
	*v = xreallocarray(*v, *cap, size);
}

static void
free_set(struct strset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static void
num_error(const char *file, size_t line, const char *col, struct span v,
    int e)
{
	die_at(2, file, line, "column '%s': '%.*s': %s", col,
	    (int)(v.n > 60 ? 60 : v.n), v.p, dec_strerror(e));
}

/* Folds one value into an accumulator. */
static void
acc_add(struct acc *a, enum op op, const struct dec *x, struct span text)
{
	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (dec_add(&a->d, x) != DEC_OK)
			die(2, "sum overflows %s", dec_strerror(DEC_OVERFLOW));
		a->n++;
		break;
	case OP_COUNT:
		a->n++;
		break;
	case OP_COUNTUNIQUE:
		if (text.n > 0)
			set_add(&a->set, text.p, text.n);
		break;
	case OP_MIN:
	case OP_MAX:
		if (!a->has || (op == OP_MIN ? dec_cmp(x, &a->d) < 0 :
		    dec_cmp(x, &a->d) > 0))
			a->d = *x;
		a->has = 1;
		break;
	case OP_FIRST:
		if (a->has)
			break;
		/* FALLTHROUGH */
	case OP_LAST:
		free(a->text);
		a->text = xmemdup(text.p, text.n);
		a->has = 1;
		break;
	}
}

static int
is_rate(const struct state *st, const struct group *g)
{
	const char *p = g->k.key;
	size_t i;
	long ii = -1, iu = -1;

	for (i = 0; i < st->o->nkeys; i++) {
		if (strcmp(st->o->keys[i], "indicator") == 0)
			ii = (long)i;
		if (strcmp(st->o->keys[i], "unit") == 0)
			iu = (long)i;
	}
	for (i = 0; i < st->o->nkeys; i++) {
		if ((long)i == ii) {
			const struct lex_ind *d = lex_find(st->lex, p, strlen(p));

			if (d != NULL)
				return strcmp(d->kind, "rate") == 0;
		}
		if ((long)i == iu && strcmp(p, "percent") == 0)
			return 1;
		p += strlen(p) + 1;
	}
	return 0;
}

static const char *
key_field(const struct state *st, const struct group *g, const char *name)
{
	const char *p = g->k.key;
	size_t i;

	for (i = 0; i < st->o->nkeys; i++) {
		if (strcmp(st->o->keys[i], name) == 0)
			return p;
		p += strlen(p) + 1;
	}
	return NULL;
}

static int
cmp_groups(const void *a, const void *b)
{
	const struct group *x = *(struct group *const *)a;
	const struct group *y = *(struct group *const *)b;
	size_t n = x->k.keylen < y->k.keylen ? x->k.keylen : y->k.keylen;
	int c = memcmp(x->k.key, y->k.key, n);

	if (c != 0)
		return c;
	return x->k.keylen < y->k.keylen ? -1 : x->k.keylen > y->k.keylen;
}

static void
write_dec(struct csvout *out, const struct dec *d, struct buf *tmp)
{
	buf_clear(tmp);
	dec_format(d, tmp);
	csvout_field(out, tmp->p, tmp->n);
}

/* State as text: the inverse of read_state. */
static void
write_state(struct csvout *out, const struct acc *a, enum op op,
    struct buf *tmp)
{
	size_t i;

	buf_clear(tmp);
	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (a->n > 0) {
			dec_format(&a->d, tmp);
			buf_printf(tmp, "/%llu", (unsigned long long)a->n);
		}
		break;
	case OP_COUNT:
		buf_printf(tmp, "%llu", (unsigned long long)a->n);
		break;
	case OP_COUNTUNIQUE:
		for (i = 0; i < a->set.n; i++) {
			if (i > 0)
				buf_addc(tmp, ',');
			csvout_quote(tmp, a->set.v[i], strlen(a->set.v[i]));
		}
		break;
	case OP_MIN:
	case OP_MAX:
		if (a->has)
			dec_format(&a->d, tmp);
		break;
	case OP_FIRST:
	case OP_LAST:
		if (a->has) {
			buf_addc(tmp, '=');
			buf_adds(tmp, a->text);
		}
		break;
	}
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
}

/* A countunique state: a CSV-quoted list, split with a tiny scanner. */
static int
read_set(struct acc *a, struct span s)
{
	size_t i = 0;
	struct buf item = { 0 };

	while (i < s.n) {
		buf_clear(&item);
		if (s.p[i] == '"') {
			i++;
			for (;;) {
				if (i >= s.n) {
					buf_free(&item);
					return -1;
				}
				if (s.p[i] == '"') {
					if (i + 1 < s.n && s.p[i + 1] == '"') {
						buf_addc(&item, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				buf_addc(&item, s.p[i++]);
			}
		} else {
			while (i < s.n && s.p[i] != ',')
				buf_addc(&item, s.p[i++]);
		}
		if (item.n > 0)
			set_add(&a->set, item.p, item.n);
		if (i < s.n && s.p[i++] != ',') {
			buf_free(&item);
			return -1;
		}
	}
	buf_free(&item);
	return 0;
}

/* Merges one state field into an accumulator; -1 if malformed. */
static int
read_state(struct acc *a, enum op op, struct span s)
{
	struct dec x;
	const char *slash;
	char *end;
	unsigned long long n;

	switch (op) {
	case OP_SUM:
	case OP_MEAN:
		if (s.n == 0)
			return 0;
		slash = memchr(s.p, '/', s.n);
		if (slash == NULL || dec_parse(&x, s.p, (size_t)(slash - s.p)) != 0)
			return -1;
		errno = 0;
		n = strtoull(slash + 1, &end, 10);
		if (end != s.p + s.n || errno != 0 || n == 0)
			return -1;
		if (dec_add(&a->d, &x) != DEC_OK)
			die(2, "sum overflows %s", dec_strerror(DEC_OVERFLOW));
		a->n += n;
		return 0;
	case OP_COUNT:
		errno = 0;
		n = strtoull(s.p, &end, 10);
		if (s.n == 0 || end != s.p + s.n || errno != 0)
			return -1;
		a->n += n;
		return 0;
	case OP_COUNTUNIQUE:
		return read_set(a, s);
	case OP_MIN:
	case OP_MAX:
		if (s.n == 0)
			return 0;
		if (dec_parse(&x, s.p, s.n) != 0)
			return -1;
		acc_add(a, op, &x, s);
		return 0;
	case OP_FIRST:
	case OP_LAST:
		if (s.n == 0)
			return 0;
		if (s.p[0] != '=')
			return -1;
		s.p++;
		s.n--;
		acc_add(a, op, NULL, s);
		return 0;
	}
	return -1;
}

/* Whether p is in the sorted v[0..n). */
static int
sorted_has(const char *const *v, size_t n, const char *p)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(v[mid], p);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Loads the units that should report for prov and period (cover_due),
 * once per province and period; -1 when the period has no end date. */
static int
due_units(struct state *st, const char *prov, const char *period)
{
	char end[11];

	if (*prov == '\0' || period_end(period, strlen(period), end) != 0)
		return -1;
	if (st->due_prov != NULL && strcmp(st->due_prov, prov) == 0 &&
	    strcmp(st->due_end, end) == 0)
		return 0;
	free(st->due);
	free(st->due_prov);
	st->due = cover_due(st->gaz, prov, end, &st->ndue);
	st->due_prov = xstrdup(prov);
	memcpy(st->due_end, end, sizeof(end));
	return 0;
}

/*
 * units_covered,units_total of a figure whose units are v[0..n) (sorted);
 * the codes of the units that should report and are not among them go to
 * missing (space-separated) when it is not NULL.
 */
static void
write_coverage(struct state *st, struct csvout *out, const char *prov,
    const char *period, const char *const *v, size_t n, struct buf *missing)
{
	size_t k, covered = 0;

	if (missing != NULL)
		buf_clear(missing);
	if (prov == NULL || period == NULL || due_units(st, prov, period) != 0) {
		csvout_str(out, "");
		csvout_str(out, "");
		return;
	}
	for (k = 0; k < n; k++)
		if (cover_find(st->due, st->ndue, v[k]) != NULL)
			covered++;
	csvout_ulong(out, covered);
	if (st->ndue > 0)
		csvout_ulong(out, st->ndue);
	else
		csvout_str(out, "");
	for (k = 0; missing != NULL && k < st->ndue; k++)
		if (!sorted_has(v, n, st->due[k]->code)) {
			if (missing->n > 0)
				buf_addc(missing, ' ');
			buf_adds(missing, st->due[k]->code);
		}
}

static void
write_result(struct state *st, struct csvout *out, const struct group *g,
    struct buf *tmp)
{
	const struct opts *o = st->o;
	int rate = o->defaults && is_rate(st, g);
	size_t i;

	for (i = 0; i < o->nops; i++) {
		const struct acc *a = &g->acc[i];

		switch (o->ops[i].def->op) {
		case OP_SUM:
			if (a->n > 0 && !rate)
				write_dec(out, &a->d, tmp);
			else
				csvout_str(out, "");
			break;
		case OP_COUNT:
			csvout_ulong(out, a->n);
			break;
		case OP_COUNTUNIQUE:
			csvout_ulong(out, a->set.n);
			break;
		case OP_MIN:
		case OP_MAX:
			if (a->has)
				write_dec(out, &a->d, tmp);
			else
				csvout_str(out, "");
			break;
		case OP_MEAN:
			if (a->n > 0 && !rate) {
				struct dec cnt, q;

				dec_from_u64(&cnt, a->n);
				if (dec_div(&q, &a->d, &cnt, MEAN_PREC) != DEC_OK)
					die(2, "mean overflows");
				buf_clear(tmp);
				dec_format(&q, tmp);
				csvout_field(out, tmp->p, tmp->n);
			} else {
				csvout_str(out, "");
			}
			break;
		case OP_FIRST:
		case OP_LAST:
			csvout_str(out, a->has ? a->text : "");
			break;
		}
	}
	if (o->defaults) {
		const struct strset *set = NULL;

		for (i = 0; i < o->nops; i++)
			if (o->ops[i].def->op == OP_COUNTUNIQUE &&
			    strcmp(o->ops[i].col, "reporter_code") == 0)
				set = &g->acc[i].set;
		write_coverage(st, out, key_field(st, g, "province_code"),
		    key_field(st, g, "period"), set == NULL ? NULL :
		    (const char *const *)set->v, set == NULL ? 0 : set->n, NULL);
	}
}

/* ---- The city table ---- */

enum ikind { IK_FLOW, IK_STOCK, IK_RATE };

/*
 * A rate is never summed or averaged; a flow is added up over periods;
 * a stock (the lexicon's "stock" lines, levels, and what the lexicon does
 * not know) is added up over units only.
 */
static enum ikind
ind_kind(const struct state *st, const char *ind, const char *unit)
{
	const struct lex_ind *d = lex_find(st->lex, ind, strlen(ind));
	size_t i;

	if (d == NULL)
		return strcmp(unit, "percent") == 0 ? IK_RATE : IK_STOCK;
	if (strcmp(d->kind, "rate") == 0)
		return IK_RATE;
	if (strcmp(d->kind, "count") != 0)
		return IK_STOCK;
	for (i = 0; i < st->lex->nstock; i++)
		if (strcmp(st->lex->stock[i], ind) == 0)
			return IK_STOCK;
	return IK_FLOW;
}

static int
cmp_fields(const char *const *a, const char *const *b, int n)
{
	int k, c;

	for (k = 0; k < n; k++)
		if ((c = strcmp(a[k], b[k])) != 0)
			return c;
	return 0;
}

/* City order: province, period, indicator, unit, reporter. */
static int
cmp_ufig(const void *a, const void *b)
{
	return cmp_fields(((const struct ufig *)a)->f,
	    ((const struct ufig *)b)->f, 5);
}

/* One unit's year of one indicator: province, indicator, unit, reporter,
 * year, then period. */
static int
cmp_bucket(const void *a, const void *b)
{
	const struct ufig *x = *(struct ufig *const *)a;
	const struct ufig *y = *(struct ufig *const *)b;
	static const int order[] = { 0, 2, 3, 4 };
	size_t k;
	int c;

	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		if ((c = strcmp(x->f[order[k]], y->f[order[k]])) != 0)
			return c;
	if ((c = strncmp(x->f[1], y->f[1], 4)) != 0)
		return c;
	return strcmp(x->f[1], y->f[1]);
}

static void
uf_push(struct state *st, const struct ufig *u)
{
	if (st->nuf == st->capuf) {
		st->capuf = st->capuf == 0 ? 1024 : st->capuf * 2;
		st->uf = xreallocarray(st->uf, st->capuf, sizeof(*st->uf));
	}
	st->uf[st->nuf++] = *u;
}

/* Each unit group's figure: the sum of a count; a rate's one value. */
static void
city_figures(struct state *st)
{
	size_t i, k;

	for (i = 0; i < st->nall; i++) {
		const struct group *g = st->all[i];
		const struct acc *a = g->acc;
		const char *p = g->k.key;
		struct ufig u = { { NULL }, NULL, g, { 0 }, 0, 0 };

		for (k = 0; k < 5; k++, p += strlen(p) + 1)
			u.f[k] = p;
		if (ind_kind(st, u.f[2], u.f[3]) == IK_RATE) {
			u.has = a[C_MIN].has && dec_cmp(&a[C_MIN].d, &a[C_MAX].d) == 0;
			u.conflict = a[C_MIN].has && !u.has;
			u.v = a[C_MIN].d;
		} else {
			u.has = a[C_SUM].n > 0;
			u.v = a[C_SUM].d;
		}
		uf_push(st, &u);
	}
}

static char *
dec_text(const struct dec *d)
{
	struct buf b = { 0 };

	dec_format(d, &b);
	return b.p;
}

static char *
group_text(const struct ufig *u, int op)
{
	return xstrdup(u->g != NULL && u->g->acc[op].has ? u->g->acc[op].text : "");
}

/* A problem derive found in one unit's year, as a finding of the report
 * it is best seen in. */
static void
add_finding(struct state *st, const struct derive_problem *p,
    const struct derive_fig *figs, const struct ufig *const *src, size_t n)
{
	struct finding f = { 0 };
	struct buf b = { 0 };
	const struct ufig *at = src[p->a];
	char name[16], other[16];
	size_t i;

	derive_name(atoi(src[0]->f[1]), p->from, p->to, name);
	f.ind = xstrdup(src[0]->f[2]);
	if (p->kind == DERIVE_DECREASE) {
		at = src[p->b];
		f.rule = xstrdup("cumulative-decrease");
		f.expected = dec_text(&figs[p->a].v);
		f.actual = dec_text(&figs[p->b].v);
		derive_name(atoi(src[0]->f[1]), figs[p->b].from, figs[p->b].to, other);
		buf_printf(&b, "%s: %s, less than %s for %s inside it (%s line %s)",
		    other, f.actual, f.expected, name,
		    src[p->a]->g->acc[C_DOC].has ? src[p->a]->g->acc[C_DOC].text : "",
		    src[p->a]->g->acc[C_LINE].has ? src[p->a]->g->acc[C_LINE].text : "");
	} else {
		f.rule = xstrdup("periods-disagree");
		f.expected = dec_text(&p->expected);
		if (p->kind == DERIVE_DISAGREE) {
			f.actual = dec_text(&figs[p->a].v);
			buf_printf(&b, "%s: %s, but the unit's other reports of the "
			    "year imply %s", name, f.actual, f.expected);
		} else {
			for (i = 1; i < n; i++)	/* the widest period's report */
				if (figs[i].to - figs[i].from > figs[p->a].to - figs[p->a].from)
					at = src[i];
			f.actual = xstrdup("");
			buf_printf(&b, "the unit's reports of the year imply %s for %s, "
			    "below zero", f.expected, name);
		}
	}
	f.doc = group_text(at, C_DOC);
	f.line = group_text(at, C_LINE);
	f.detail = b.p;
	grow((void **)&st->fnd, st->nfnd, &st->capfnd, sizeof(*st->fnd));
	st->fnd[st->nfnd++] = f;
}

/* Derives one unit's year of one flow; the figures go to *add. */
static void
derive_bucket(struct state *st, struct ufig *const *v, size_t n,
    struct ufig **add, size_t *nadd, size_t *capadd)
{
	struct derive_fig figs[78], out[DERIVE_NSTD];
	const struct ufig *src[78];
	struct derive_problem *prob;
	size_t nf = 0, k, i, np;
	int year = 0, from, to;

	if (ind_kind(st, v[0]->f[2], v[0]->f[3]) != IK_FLOW ||
	    *v[0]->f[4] == '\0')
		return;
	for (i = 0; i < n && nf < 78; i++) {
		if (!v[i]->has || derive_months(v[i]->f[1], strlen(v[i]->f[1]),
		    &year, &from, &to) != 0)
			continue;
		for (k = 0; k < nf && (figs[k].from != from || figs[k].to != to); k++)
			;
		if (k < nf)	/* one period written two ways: the first */
			continue;
		figs[nf].from = from;
		figs[nf].to = to;
		figs[nf].v = v[i]->v;
		src[nf++] = v[i];
	}
	k = derive_year(figs, nf, out, &prob, &np);
	for (i = 0; i < k; i++) {
		struct ufig u = *v[0];
		char name[16];

		derive_name(year, out[i].from, out[i].to, name);
		u.own = xstrdup(name);
		u.f[1] = u.own;
		u.g = NULL;
		u.v = out[i].v;
		u.has = 1;
		u.conflict = 0;
		grow((void **)add, *nadd, capadd, sizeof(**add));
		(*add)[(*nadd)++] = u;
	}
	for (i = 0; i < np; i++)
		add_finding(st, &prob[i], figs, src, nf);
	free(prob);
	st->derived += k;
}

/* The period algebra over every unit's year of every flow. */
static void
city_derive(struct state *st)
{
	struct ufig **v = xreallocarray(NULL, st->nuf + 1, sizeof(*v));
	struct ufig *add = NULL;
	size_t n = st->nuf, nadd = 0, capadd = 0, i, j;

	for (i = 0; i < n; i++)
		v[i] = &st->uf[i];
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_bucket);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && cmp_fields(v[i]->f, v[j]->f, 1) == 0 &&
		    strcmp(v[i]->f[2], v[j]->f[2]) == 0 &&
		    strcmp(v[i]->f[3], v[j]->f[3]) == 0 &&
		    strcmp(v[i]->f[4], v[j]->f[4]) == 0 &&
		    strncmp(v[i]->f[1], v[j]->f[1], 4) == 0; j++)
			;
		derive_bucket(st, v + i, j - i, &add, &nadd, &capadd);
	}
	free(v);
	for (i = 0; i < nadd; i++)
		uf_push(st, &add[i]);
	free(add);
	if (st->nuf > 0)
		qsort(st->uf, st->nuf, sizeof(*st->uf), cmp_ufig);
}

static const struct ufig *
uf_find(const struct state *st, const char *const *f)
{
	size_t lo = 0, hi = st->nuf;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_fields(st->uf[mid].f, f, 5);

		if (c == 0)
			return &st->uf[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The ratio of rate id for a province and period, marked used; or NULL. */
static struct ratio *
ratio_find(struct state *st, const char *prov, const char *period,
    const char *id)
{
	size_t i;

	for (i = 0; i < st->nrat; i++)
		if (st->rat[i].ok && strcmp(st->rat[i].id, id) == 0 &&
		    strcmp(st->rat[i].prov, prov) == 0 &&
		    strcmp(st->rat[i].period, period) == 0) {
			st->rat[i].used = 1;
			return &st->rat[i];
		}
	return NULL;
}

/* Sums one rate's parts over the units that have both, per province and
 * period (st->uf in city order), into st->rat. */
static void
ratio_sums(struct state *st, const struct lex_rate *r)
{
	const char *nunit = lex_find(st->lex, r->num, strlen(r->num))->unit;
	const char *dunit = lex_find(st->lex, r->den, strlen(r->den))->unit;
	size_t i;

	for (i = 0; i < st->nuf; i++) {
		const struct ufig *u = &st->uf[i], *d;
		const char *want[5];
		struct ratio *x;

		if (strcmp(u->f[2], r->num) != 0 || strcmp(u->f[3], nunit) != 0 ||
		    !u->has || *u->f[4] == '\0')
			continue;
		memcpy(want, u->f, sizeof(want));
		want[2] = r->den;
		want[3] = dunit;
		if ((d = uf_find(st, want)) == NULL || !d->has)
			continue;
		x = st->nrat > 0 ? &st->rat[st->nrat - 1] : NULL;
		if (x == NULL || x->id != r->id || strcmp(x->prov, u->f[0]) != 0 ||
		    strcmp(x->period, u->f[1]) != 0) {
			grow((void **)&st->rat, st->nrat, &st->caprat,
			    sizeof(*st->rat));
			x = &st->rat[st->nrat++];
			memset(x, 0, sizeof(*x));
			x->prov = u->f[0];
			x->period = u->f[1];
			x->id = r->id;
			x->num = r->num;
			x->den = r->den;
		}
		if (dec_add(&x->nsum, &u->v) != DEC_OK ||
		    dec_add(&x->dsum, &d->v) != DEC_OK)
			die(2, "sum overflows %s", dec_strerror(DEC_OVERFLOW));
		set_add(&x->cover, u->f[4], strlen(u->f[4]));
		x->derived |= u->g == NULL || d->g == NULL;
	}
}

/* Every rate with parts: 100 * sum(NUM) / sum(DEN), RATE_PREC digits. */
static void
city_ratios(struct state *st)
{
	struct dec zero;
	size_t i;

	dec_zero(&zero);
	for (i = 0; i < st->lex->nrate; i++)
		ratio_sums(st, &st->lex->rate[i]);
	for (i = 0; i < st->nrat; i++) {
		struct ratio *x = &st->rat[i];

		if (dec_cmp(&x->dsum, &zero) <= 0)
			continue;
		if (dec_mul_u32(&x->nsum, 100) != DEC_OK ||
		    dec_div(&x->v, &x->nsum, &x->dsum, RATE_PREC) != DEC_OK)
			die(2, "rate overflows %s", dec_strerror(DEC_OVERFLOW));
		x->ok = 1;
	}
}

static void
crow_minmax(struct crow *c, const struct dec *v)
{
	if (!c->has_minmax || dec_cmp(v, &c->min) < 0)
		c->min = *v;
	if (!c->has_minmax || dec_cmp(v, &c->max) > 0)
		c->max = *v;
	c->has_minmax = 1;
}

/* A reporter of the row; they come in order (the units' figures are
 * sorted by reporter within a row), so the list stays sorted. */
static void
crow_rep(struct crow *c, const char *rep)
{
	if (c->nreps > 0 && strcmp(c->reps[c->nreps - 1], rep) == 0)
		return;
	grow((void **)&c->reps, c->nreps, &c->capreps, sizeof(*c->reps));
	c->reps[c->nreps++] = rep;
}

/* Folds a unit's figure into its city row: a stated group's accumulators
 * as they are, a derived figure as one row with one value. */
static void
crow_add(struct crow *c, const struct ufig *u)
{
	const struct acc *a;

	if (u->g == NULL) {
		if (dec_add(&c->sum, &u->v) != DEC_OK)
			die(2, "sum overflows %s", dec_strerror(DEC_OVERFLOW));
		c->nvals++;
		c->rows++;
		c->has_sum = c->derived = 1;
		crow_rep(c, u->f[4]);
		crow_minmax(c, &u->v);
		return;
	}
	a = u->g->acc;
	if (a[C_SUM].n > 0) {
		if (dec_add(&c->sum, &a[C_SUM].d) != DEC_OK)
			die(2, "sum overflows %s", dec_strerror(DEC_OVERFLOW));
		c->nvals += a[C_SUM].n;
		c->has_sum = 1;
	}
	c->rows += a[C_COUNT].n;
	if (a[C_UNIQ].set.n > 0)	/* the one reporter of the unit's group */
		crow_rep(c, u->f[4]);
	if (a[C_MIN].has) {
		crow_minmax(c, &a[C_MIN].d);
		crow_minmax(c, &a[C_MAX].d);
	}
}

static int
cmp_crow(const void *a, const void *b)
{
	return cmp_fields(((const struct crow *)a)->f,
	    ((const struct crow *)b)->f, 4);
}

static void
crow_push(struct crow **v, size_t *n, size_t *cap, const struct crow *c)
{
	grow((void **)v, *n, cap, sizeof(**v));
	(*v)[(*n)++] = *c;
}

/* The city rows: one per province, period, indicator and unit of the
 * units' figures, and one per ratio that no unit stated; sorted. */
static struct crow *
city_rows(struct state *st, size_t *nrows)
{
	struct crow *rows = NULL, c;
	size_t i, j, cap = 0;

	*nrows = 0;
	for (i = 0; i < st->nuf; i = j) {
		memset(&c, 0, sizeof(c));
		memcpy(c.f, st->uf[i].f, sizeof(c.f));
		c.rate = ind_kind(st, c.f[2], c.f[3]) == IK_RATE;
		for (j = i; j < st->nuf && cmp_fields(st->uf[i].f, st->uf[j].f,
		    4) == 0; j++)
			crow_add(&c, &st->uf[j]);
		if (c.rate && strcmp(c.f[3], "percent") == 0)
			c.ratio = ratio_find(st, c.f[0], c.f[1], c.f[2]);
		crow_push(&rows, nrows, &cap, &c);
	}
	for (i = 0; i < st->nrat; i++) {
		if (!st->rat[i].ok || st->rat[i].used)
			continue;
		memset(&c, 0, sizeof(c));
		c.f[0] = st->rat[i].prov;
		c.f[1] = st->rat[i].period;
		c.f[2] = st->rat[i].id;
		c.f[3] = "percent";
		c.rate = 1;
		c.ratio = &st->rat[i];
		crow_push(&rows, nrows, &cap, &c);
	}
	if (*nrows > 0)
		qsort(rows, *nrows, sizeof(*rows), cmp_crow);
	return rows;
}

static const char *const city_cols[] = { "province_code", "period",
	"indicator", "unit", "sum_value", "count", "countunique_reporter_code",
	"min_value", "max_value", "mean_value", "units_covered", "units_total",
	"value", "how", "flags", "units_missing" };

static void
write_crow(struct state *st, struct csvout *out, const struct crow *c,
    struct buf *tmp, struct buf *missing)
{
	int k, sum = !c->rate && c->has_sum;

	for (k = 0; k < 4; k++)
		csvout_str(out, c->f[k]);
	buf_clear(tmp);
	if (sum)
		dec_format(&c->sum, tmp);
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
	csvout_ulong(out, c->rows);
	csvout_ulong(out, c->nreps);
	if (c->has_minmax) {
		write_dec(out, &c->min, tmp);
		write_dec(out, &c->max, tmp);
	} else {
		csvout_str(out, "");
		csvout_str(out, "");
	}
	if (sum && c->nvals > 0) {
		struct dec cnt, q;

		dec_from_u64(&cnt, c->nvals);
		if (dec_div(&q, &c->sum, &cnt, MEAN_PREC) != DEC_OK)
			die(2, "mean overflows");
		write_dec(out, &q, tmp);
	} else {
		csvout_str(out, "");
	}
	if (c->ratio != NULL)
		write_coverage(st, out, c->f[0], c->f[1],
		    (const char *const *)c->ratio->cover.v, c->ratio->cover.n,
		    missing);
	else
		write_coverage(st, out, c->f[0], c->f[1], c->reps, c->nreps,
		    missing);
	buf_clear(tmp);
	if (c->ratio != NULL)
		dec_format_fixed(&c->ratio->v, RATE_PREC, tmp);
	else if (sum)
		dec_format(&c->sum, tmp);
	csvout_field(out, tmp->p == NULL ? "" : tmp->p, tmp->n);
	buf_clear(tmp);
	if (c->ratio != NULL)
		buf_printf(tmp, "ratio %s/%s", c->ratio->num, c->ratio->den);
	else
		buf_adds(tmp, c->rate ? "per unit" : "sum");
	csvout_field(out, tmp->p, tmp->n);
	csvout_str(out, c->derived || (c->ratio != NULL && c->ratio->derived) ?
	    "derived" : "");
	csvout_field(out, missing->p == NULL ? "" : missing->p, missing->n);
	csvout_end(out);
}

static void
write_units(struct state *st, struct csvout *out, struct buf *tmp)
{
	static const char *const cols[] = { "province_code", "period",
		"indicator", "unit", "reporter_code", "value", "flags" };
	size_t i, k;

	for (k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		csvout_str(out, cols[k]);
	csvout_end(out);
	for (i = 0; i < st->nuf; i++) {
		const struct ufig *u = &st->uf[i];

		for (k = 0; k < 5; k++)
			csvout_str(out, u->f[k]);
		if (u->has)
			write_dec(out, &u->v, tmp);
		else
			csvout_str(out, "");
		csvout_str(out, u->g == NULL ? "derived" : u->conflict ?
		    "conflict" : "");
		csvout_end(out);
	}
}

static void
finish_city(struct state *st, struct csvout *out)
{
	struct buf tmp = { 0 }, missing = { 0 };
	struct crow *rows;
	size_t i, n;

	if (st->nall > 0)
		qsort(st->all, st->nall, sizeof(*st->all), cmp_groups);
	city_figures(st);
	city_derive(st);
	if (st->o->units) {
		st->written = st->nuf;
		write_units(st, out, &tmp);
		buf_free(&tmp);
		return;
	}
	city_ratios(st);
	rows = city_rows(st, &n);
	for (i = 0; i < sizeof(city_cols) / sizeof(city_cols[0]); i++)
		csvout_str(out, city_cols[i]);
	csvout_end(out);
	st->written = n;
	for (i = 0; i < n; i++) {
		write_crow(st, out, &rows[i], &tmp, &missing);
		free(rows[i].reps);
	}
	free(rows);
	buf_free(&tmp);
	buf_free(&missing);
}

/* --findings: what the period algebra found, in baocao-check's columns. */
static void
write_findings(struct state *st, int fd)
{
	static const char *const cols[] = { "doc", "line", "rule", "indicator",
		"expected", "actual", "detail" };
	struct csvout *out = csvout_open(fd, 0);
	size_t i, k;

	if (st->o->bom)
		csvout_bom(out);
	for (k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		csvout_str(out, cols[k]);
	csvout_end(out);
	for (i = 0; i < st->nfnd; i++) {
		const struct finding *f = &st->fnd[i];

		csvout_str(out, f->doc);
		csvout_str(out, f->line);
		csvout_str(out, f->rule);
		csvout_str(out, f->ind);
		csvout_str(out, f->expected);
		csvout_str(out, f->actual);
		csvout_str(out, f->detail);
		csvout_end(out);
	}
	csvout_close(out);
}

static void
finish(struct state *st, struct csvout *out)
{
	const struct opts *o = st->o;
	struct buf tmp = { 0 };
	size_t i, k;

	if (o->city && !o->partial) {
		finish_city(st, out);
		return;
	}
	if (o->partial)
		csvout_str(out, "baocao_partial");
	for (k = 0; k < o->nkeys; k++)
		csvout_str(out, o->keys[k]);
	for (k = 0; k < o->nops; k++) {
		if (o->partial) {
			buf_clear(&tmp);
			buf_adds(&tmp, o->ops[k].def->name);
			if (o->ops[k].col != NULL)
				buf_printf(&tmp, ":%s", o->ops[k].col);
			csvout_field(out, tmp.p, tmp.n);
		} else {
			csvout_str(out, o->ops[k].outname);
		}
	}
	if (o->defaults && !o->partial) {
		csvout_str(out, "units_covered");
		csvout_str(out, "units_total");
	}
	csvout_end(out);
	if (st->nall > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(st->all, st->nall, sizeof(*st->all), cmp_groups);
	for (i = 0; i < st->nall; i++) {
		const struct group *g = st->all[i];
		const char *p = g->k.key;

		if (o->partial)
			csvout_str(out, "v1");
		for (k = 0; k < o->nkeys; k++) {
			size_t n = strlen(p);

			csvout_field(out, p, n);
			p += n + 1;
		}
		if (o->partial)
			for (k = 0; k < o->nops; k++)
				write_state(out, &g->acc[k], o->ops[k].def->op, &tmp);
		else
			write_result(st, out, g, &tmp);
		csvout_end(out);
	}
	buf_free(&tmp);
}

static void
make_key(struct state *st, struct csvin *in, size_t koff)
{
	size_t k;

	buf_clear(&st->key);
	for (k = 0; k < st->o->nkeys; k++) {
		struct span s = csvin_field(in, (size_t)st->kidx[k] + koff);

		buf_add(&st->key, s.p, s.n);
		buf_addc(&st->key, '\0');
	}
}

static void
run_rows(struct state *st, struct csvin *in)
{
	const struct opts *o = st->o;
	struct dec *vals = xcalloc(o->nops, sizeof(*vals));
	int *ok = xcalloc(o->nops, sizeof(*ok));
	size_t k, j;

	while (csvin_next(in)) {
		struct group *g;
		int bad = 0;

		st->rows++;
		/* Parse each numeric column once, before touching the group. */
		for (k = 0; k < o->nops && !bad; k++) {
			struct span v;
			int e;

			ok[k] = 0;
			if (!o->ops[k].def->numeric)
				continue;
			for (j = 0; j < k; j++)
				if (o->ops[j].def->numeric &&
				    o->ops[j].idx == o->ops[k].idx)
					break;
			if (j < k) {
				vals[k] = vals[j];
				ok[k] = ok[j];
				continue;
			}
			v = csvin_field(in, (size_t)o->ops[k].idx);
			if (v.n == 0) {
				st->empty++;
				continue;
			}
			e = dec_parse(&vals[k], v.p, v.n);
			if (e != DEC_OK) {
				if (!o->skip_bad)
					num_error(csvin_name(in), csvin_line(in),
					    o->ops[k].col, v, e);
				warn_at(csvin_name(in), csvin_line(in),
				    "column '%s': '%.*s' skipped: %s", o->ops[k].col,
				    (int)(v.n > 60 ? 60 : v.n), v.p, dec_strerror(e));
				st->skipped++;
				bad = 1;
				break;
			}
			ok[k] = 1;
		}
		if (bad)
			continue;
		make_key(st, in, 0);
		g = find_group(st, st->key.p, st->key.n);
		for (k = 0; k < o->nops; k++) {
			const struct opspec *s = &o->ops[k];
			struct span t = { "", 0 };

			if (s->def->numeric && !ok[k])
				continue;
			if (!s->def->numeric && s->def->needs_col && s->idx >= 0)
				t = csvin_field(in, (size_t)s->idx);
			acc_add(&g->acc[k], s->def->op, &vals[k], t);
		}
	}
	free(vals);
	free(ok);
}

static void
run_merge(struct state *st, struct csvin *in)
{
	const struct opts *o = st->o;
	size_t k;

	while (csvin_next(in)) {
		struct group *g;
		struct span tag = csvin_field(in, 0);

		/* Partial outputs concatenated into one stream repeat the header. */
		if (span_eq(tag, "baocao_partial"))
			continue;
		st->rows++;
		if (!span_eq(tag, "v1"))
			die_at(2, csvin_name(in), csvin_line(in),
			    "not a baocao-aggregate --partial row");
		make_key(st, in, 0);
		g = find_group(st, st->key.p, st->key.n);
		for (k = 0; k < o->nops; k++)
			if (read_state(&g->acc[k], o->ops[k].def->op,
			    csvin_field(in, (size_t)o->ops[k].idx)) != 0)
				die_at(2, csvin_name(in), csvin_line(in),
				    "column '%s:%s': malformed partial state",
				    o->ops[k].def->name,
				    o->ops[k].col == NULL ? "" : o->ops[k].col);
	}
}

/* In --merge mode the columns are the state columns "op:col". */
static void
resolve_columns(struct state *st, struct csvin *in)
{
	struct opts *o = (struct opts *)st->o;
	struct buf name = { 0 };
	size_t k;

	st->kidx = xcalloc(o->nkeys, sizeof(*st->kidx));
	csvin_require(in, (const char *const *)o->keys, st->kidx, o->nkeys);
	for (k = 0; k < o->nops; k++) {
		struct opspec *s = &o->ops[k];

		if (o->merge) {
			buf_clear(&name);
			buf_adds(&name, s->def->name);
			if (s->col != NULL)
				buf_printf(&name, ":%s", s->col);
			s->idx = csvin_col(in, name.p);
			if (s->idx < 0 && csvin_ncols(in) > 0)
				die_at(2, csvin_name(in), 1,
				    "column '%s' missing (is this --partial output "
				    "made with the same -k and -o?)", name.p);
		} else if (s->optional) {
			s->idx = csvin_col(in, s->col);
		} else if (s->col != NULL) {
			const char *c = s->col;

			csvin_require(in, &c, &s->idx, 1);
		}
	}
	if (o->merge && csvin_ncols(in) > 0 && csvin_col(in, "baocao_partial") != 0)
		die_at(2, csvin_name(in), 1,
		    "not baocao-aggregate --partial output (no baocao_partial column)");
	buf_free(&name);
}

static void
free_state(struct state *st)
{
	const struct opts *o = st->o;
	size_t i, k;

	for (i = 0; i < st->nuf; i++)
		free(st->uf[i].own);
	free(st->uf);
	for (i = 0; i < st->nrat; i++)
		free_set(&st->rat[i].cover);
	free(st->rat);
	for (i = 0; i < st->nfnd; i++) {
		struct finding *f = &st->fnd[i];

		free(f->doc);
		free(f->line);
		free(f->rule);
		free(f->ind);
		free(f->expected);
		free(f->actual);
		free(f->detail);
	}
	free(st->fnd);
	free(st->due);
	free(st->due_prov);
	for (i = 0; i < st->nall; i++) {
		struct group *g = st->all[i];

		for (k = 0; k < o->nops; k++) {
			free_set(&g->acc[k].set);
			free(g->acc[k].text);
		}
		free(g->k.key);
		free(g);
	}
	free(st->all);
	htab_free(&st->tab);
	free(st->kidx);
	buf_free(&st->key);
	lex_free(st->lex);
	gaz_free(st->gaz);
	for (k = 0; k < o->nkeys; k++)
		free(o->keys[k]);
	free(o->keys);
	for (k = 0; k < o->nops; k++) {
		free(o->ops[k].col);
		free(o->ops[k].outname);
	}
	free(o->ops);
}

/* Options into o; -k and -o (NULL when not given) into keys and ops.
 * Returns the index of the first operand. */
static int
parse_args(int argc, char *argv[], struct opts *o, const char **keys,
    const char **ops)
{
	int c;

	while ((c = getopt_long(argc, argv, "Vhk:o:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'k':
			*keys = optarg;
			break;
		case 'o':
			*ops = optarg;
			break;
		case 'z':
			o->gzip = 1;
			break;
		case OPT_BAD_ROWS:
			o->bad_rows = optarg;
			break;
		case OPT_BOM:
			o->bom = 1;
			break;
		case OPT_FINDINGS:
			o->findings = optarg;
			break;
		case OPT_GAZ:
			o->gazetteer = optarg;
			break;
		case OPT_MERGE:
			o->merge = 1;
			break;
		case OPT_PARTIAL:
			o->partial = 1;
			break;
		case OPT_RULES:
			o->rules = optarg;
			break;
		case OPT_SKIP_BAD:
			o->skip_bad = 1;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		case OPT_UNITS:
			o->units = 1;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	return optind;
}

/* The keys and operations: given, the defaults, or the city table's. */
static void
set_mode(struct opts *o, const char *keys, const char *ops)
{
	if (o->partial && o->merge)
		die(2, "--partial and --merge exclude each other");
	o->city = keys == NULL && ops == NULL;
	o->defaults = ops == NULL;
	if ((o->units || o->findings != NULL) && !o->city)
		die(2, "--units and --findings are for the city table (no -k, no -o)");
	if ((o->units || o->findings != NULL) && o->partial)
		die(2, "--units and --findings need results, not --partial");
	o->keys = cli_split(o->city ? CITY_KEYS : keys != NULL ? keys :
	    DEFAULT_KEYS, &o->nkeys);
	parse_ops(o, o->city ? CITY_OPS : ops != NULL ? ops : DEFAULT_OPS);
	if (o->city)
		o->ops[C_DOC].optional = o->ops[C_LINE].optional = 1;
}

static int
open_findings(const char *path)
{
	int fd;

	if (path == NULL)
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1)
		die(2, "cannot write '%s':", path);
	return fd;
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	struct csvin *in;
	struct csvout *out;
	const char *keys = NULL, *ops = NULL;
	FILE *bad = NULL;
	int first, ffd;

	diag_init(argv[0]);
	first = parse_args(argc, argv, &o, &keys, &ops);
	set_mode(&o, keys, ops);
	argc -= first;
	argv += first;
	gz_check_inputs(argv, argc);
	cli_not_an_input("--findings", o.findings, argv, argc);
	cli_not_an_input("--bad-rows", o.bad_rows, argv, argc);
	bad = cli_open_bad_rows(o.bad_rows);
	ffd = open_findings(o.findings);
	st.o = &o;
	st.lex = lex_load(o.rules);
	if (o.defaults && !o.partial)
		st.gaz = gaz_load(o.gazetteer);
	in = csvin_open(argv, argc);
	csvin_set_bad_rows(in, bad);
	resolve_columns(&st, in);
	if (o.merge)
		run_merge(&st, in);
	else
		run_rows(&st, in);
	out = csvout_open(STDOUT_FILENO, o.gzip);
	if (o.bom)
		csvout_bom(out);
	finish(&st, out);
	csvout_close(out);
	if (ffd >= 0)
		write_findings(&st, ffd);
	cli_close_bad_rows(bad, o.bad_rows);
	if (o.stats) {
		cli_stat("rows read", st.rows);
		cli_stat("groups written", o.city && !o.partial ? st.written :
		    st.nall);
		cli_stat("values empty (not summed)", st.empty);
		cli_stat("rows skipped, not a number", st.skipped);
		cli_stat("rows quarantined", csvin_bad_count(in));
		if (o.city && !o.partial)
			cli_stat("figures derived", st.derived);
	}
	csvin_close(in);
	free_state(&st);
	return 0;
}
