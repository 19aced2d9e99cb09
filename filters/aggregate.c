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
 * from the 2025 reform its wards: gaz_coverage) the figure covers.
 * Rows come out sorted by key (bytewise, field by field).
 *
 * --partial writes mergeable state instead (column baocao_partial first);
 * --merge reads such state from any number of runs.  For any split of the
 * input into consecutive parts, partial per part then one merge (parts in
 * input order) is byte-identical to one run on the whole.
 */
#include <errno.h>
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
#include "csvout.h"
#include "dec.h"
#include "diag.h"
#include "gaz.h"
#include "gz.h"
#include "htab.h"
#include "lex.h"
#include "period.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-aggregate [-z] [-k KEYS] [-o OPS] [--partial | --merge] [FILE ...]"
#define DEFAULT_KEYS "province_code,period,indicator,unit"
#define DEFAULT_OPS "sum:value,count,countunique:reporter_code,min:value,max:value,mean:value"
#define MEAN_PREC 6

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
	long idx;		/* input column */
};

struct opts {
	char **keys;
	size_t nkeys;
	struct opspec *ops;
	size_t nops;
	int defaults;		/* default operations: rates, coverage */
	int partial, merge, gzip, stats, skip_bad;
	const char *rules, *gazetteer, *bad_rows;
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

struct state {
	const struct opts *o;
	struct htab tab;
	struct group **all;	/* in creation order */
	size_t nall, capall;
	long *kidx;
	struct buf key;
	uint64_t rows, empty, skipped;
	struct lex *lex;
	struct gaz *gaz;
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
"      --skip-bad      skip (and count) rows whose value is not a number\n"
"      --bad-rows FILE quarantine unreadable CSV rows to FILE and go on\n"
"      --rules FILE    lexicon for indicator kinds (default: built in)\n"
"      --gazetteer FILE  units for coverage (default: built in)\n"
"  -z, --gzip          write gzip\n"
"      --stats         print row counts on stderr\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"\n"
"Rates (indicators of kind rate, or unit percent) are not summed by the\n"
"default operations: their sum_value is empty, min, max and mean are given.\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_PARTIAL = CHAR_MAX + 1, OPT_MERGE, OPT_SKIP_BAD, OPT_BAD_ROWS,
	OPT_RULES, OPT_GAZ, OPT_STATS };

static const struct option longopts[] = {
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
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
	case OP_COUNTUNIQUE: {
		/* A CSV-quoted list: split it with a tiny scanner. */
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
			if (a->n > 0) {
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
		/* Coverage: the units that should report (gaz_coverage). */
		const char *prov = key_field(st, g, "province_code");
		const char *per = key_field(st, g, "period");
		char end[11];

		if (prov != NULL && per != NULL && *prov != '\0' &&
		    period_end(per, strlen(per), end) == 0) {
			const struct acc *a = NULL;
			size_t covered, k, total;

			for (k = 0; k < o->nops; k++)
				if (o->ops[k].def->op == OP_COUNTUNIQUE &&
				    strcmp(o->ops[k].col, "reporter_code") == 0)
					a = &g->acc[k];
			total = gaz_coverage(st->gaz, prov, end,
			    a != NULL ? a->set.v : NULL, a != NULL ? a->set.n : 0,
			    &covered);
			csvout_ulong(out, covered);
			if (total > 0)
				csvout_ulong(out, total);
			else
				csvout_str(out, "");
		} else {
			csvout_str(out, "");
			csvout_str(out, "");
		}
	}
}

static void
finish(struct state *st, struct csvout *out)
{
	const struct opts *o = st->o;
	struct buf tmp = { 0 };
	size_t i, k;

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
			if (!s->def->numeric && s->def->needs_col)
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
	size_t i, k, j;

	for (i = 0; i < st->nall; i++) {
		struct group *g = st->all[i];

		for (k = 0; k < o->nops; k++) {
			for (j = 0; j < g->acc[k].set.n; j++)
				free(g->acc[k].set.v[j]);
			free(g->acc[k].set.v);
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

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	struct csvin *in;
	struct csvout *out;
	const char *keys = DEFAULT_KEYS, *ops = NULL;
	FILE *bad = NULL;
	int c;

	diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "Vhk:o:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'k':
			keys = optarg;
			break;
		case 'o':
			ops = optarg;
			break;
		case 'z':
			o.gzip = 1;
			break;
		case OPT_BAD_ROWS:
			o.bad_rows = optarg;
			break;
		case OPT_GAZ:
			o.gazetteer = optarg;
			break;
		case OPT_MERGE:
			o.merge = 1;
			break;
		case OPT_PARTIAL:
			o.partial = 1;
			break;
		case OPT_RULES:
			o.rules = optarg;
			break;
		case OPT_SKIP_BAD:
			o.skip_bad = 1;
			break;
		case OPT_STATS:
			o.stats = 1;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	if (o.partial && o.merge)
		die(2, "--partial and --merge exclude each other");
	o.keys = cli_split(keys, &o.nkeys);
	o.defaults = ops == NULL;
	parse_ops(&o, ops == NULL ? DEFAULT_OPS : ops);
	argc -= optind;
	argv += optind;
	gz_check_inputs(argv, argc);
	bad = cli_open_bad_rows(o.bad_rows);
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
	finish(&st, out);
	csvout_close(out);
	cli_close_bad_rows(bad, o.bad_rows);
	if (o.stats) {
		cli_stat("rows read", st.rows);
		cli_stat("groups written", st.nall);
		cli_stat("values empty (not summed)", st.empty);
		cli_stat("rows skipped, not a number", st.skipped);
		cli_stat("rows quarantined", csvin_bad_count(in));
	}
	csvin_close(in);
	free_state(&st);
	return 0;
}
