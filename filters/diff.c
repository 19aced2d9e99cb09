/*
 * baocao-diff: compare two keyed CSV tables, like diff(1) for tables.
 *
 * Input: OLD and NEW, each a CSV with a header.  Key columns (-k; default
 * province_code,period,indicator,unit, those of them in both files) name
 * a row; value columns (-v; default every other column in both files) are
 * compared, exactly as decimals when both sides are numbers (1.50 = 1.5),
 * else as text.  A column in only one file is not compared: a warning
 * names it.
 * Output: the key columns, then column,old,new,delta,pct,status, one row
 * per value that differs; status added, removed, changed (same with
 * --all).  Order: NEW's order for changed and added, then removed in OLD's
 * order (--sorted: key order).  Exit 0 no difference, 1 differences, 2
 * trouble.
 */
#include <getopt.h>
#include <limits.h>
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
#include "gz.h"
#include "rows.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-diff [-aqz] [-k KEYS] [-v COLUMNS] [-t TOL] [--only STATUSES] [--ignore COLUMNS] [--sorted] [--stats] [--bad-rows FILE] OLD NEW"
#define DEFAULT_KEYS "province_code,period,indicator,unit"
#define PCT_PREC 2

enum status { ST_ADDED, ST_REMOVED, ST_CHANGED, ST_SAME, ST_N };
static const char *const status_name[ST_N] = { "added", "removed", "changed",
	"same" };

struct opts {
	const char *bad_rows;
	int stats;
	char **keys, **values, **ignore;
	size_t nkeys, nvalues, nignore;
	int keys_given;
	int show[ST_N];
	int quiet, gzip, sorted, bom;
	struct dec tol;
	int tol_pct, has_tol;
};

struct side {
	struct csvin *in;
	long *kidx;		/* in the order of o->keys */
	long *vidx;		/* in the order of the compared columns */
	int kseq, vseq;		/* the keys (values) are columns side by side,
				 * in order: the record holds them as they are */
};

struct state {
	const struct opts *o;
	char **cols;		/* compared columns */
	size_t ncols;
	char **keys;		/* keys in use (present in both) */
	size_t nkeys;
	struct csvout *out;
	unsigned long long ndiff, written, nstat[ST_N];
	struct buf tmp, kb;
};

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Compares two CSV tables by key and prints what changed; exit status 0\n"
"when nothing did, 1 when something did, 2 on trouble.\n"
"\n"
"  -k, --keys LIST       key columns (default " DEFAULT_KEYS ",\n"
"                        those present in both files)\n"
"  -v, --values LIST     columns to compare (default: every non-key column\n"
"                        present in both files)\n"
"      --ignore LIST     columns never compared\n"
"  -t, --tolerance T     numbers within T (absolute) or T% (of the old\n"
"                        value) count as the same\n"
"      --only LIST       print only these statuses: added,removed,changed,same\n"
"  -a, --all             print unchanged values too (status same)\n"
"  -q, --quiet           print nothing; only the exit status tells\n"
"      --sorted          both inputs are sorted by key: merge them in\n"
"                        constant memory (an unsorted input is an error)\n"
"      --bad-rows FILE   quarantine unreadable CSV rows to FILE and go on\n"
"      --stats           print rows read and values by status on stderr\n"
"  -z, --gzip            write gzip\n"
"      --bom             start with a UTF-8 byte-order mark\n"
"  -h, --help            this help\n"
"  -V, --version         version\n";

enum { OPT_IGNORE = CHAR_MAX + 1, OPT_ONLY, OPT_SORTED, OPT_STATS,
	OPT_BAD_ROWS, OPT_BOM };

static const struct option longopts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "ignore", required_argument, NULL, OPT_IGNORE },
	{ "keys", required_argument, NULL, 'k' },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "quiet", no_argument, NULL, 'q' },
	{ "sorted", no_argument, NULL, OPT_SORTED },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "tolerance", required_argument, NULL, 't' },
	{ "values", required_argument, NULL, 'v' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void side_columns(const struct state *, struct side *);
static void make_key(struct buf *, const struct side *, size_t);
static void row_values(struct buf *, const struct side *, size_t);

static int
in_list(char **v, size_t n, struct span s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (span_eq(s, v[i]))
			return 1;
	return 0;
}

static int
has_col(struct csvin *in, const char *name)
{
	return csvin_col(in, name) >= 0;
}

static int
has_span(struct csvin *in, struct span s)
{
	char *name = xmemdup(s.p, s.n);
	int r = has_col(in, name);

	free(name);
	return r;
}

/* Decides the key and value columns from both headers. */
static void
plan(struct state *st, struct side *a, struct side *b)
{
	const struct opts *o = st->o;
	size_t i;

	st->keys = xcalloc(o->nkeys + 1, sizeof(*st->keys));
	for (i = 0; i < o->nkeys; i++) {
		int ina = has_col(a->in, o->keys[i]), inb = has_col(b->in, o->keys[i]);

		if (ina && inb)
			st->keys[st->nkeys++] = o->keys[i];
		else if (o->keys_given)
			die_at(2, csvin_name(ina ? b->in : a->in), 1,
			    "key column '%s' missing", o->keys[i]);
	}
	if (st->nkeys == 0)
		die(2, "no key column present in both files (use -k)");
	if (o->nvalues > 0) {
		st->cols = o->values;
		st->ncols = o->nvalues;
		for (i = 0; i < o->nvalues; i++)
			if (!has_col(a->in, o->values[i]) ||
			    !has_col(b->in, o->values[i]))
				die_at(2, csvin_name(has_col(a->in, o->values[i]) ?
				    b->in : a->in), 1, "column '%s' missing",
				    o->values[i]);
	} else {
		st->cols = xcalloc(csvin_ncols(a->in) + 1, sizeof(*st->cols));
		for (i = 0; i < csvin_ncols(a->in); i++) {
			struct span s = csvin_colname(a->in, i);

			if (in_list(st->keys, st->nkeys, s) ||
			    in_list(o->ignore, o->nignore, s))
				continue;
			if (!has_span(b->in, s)) {
				warn("column '%.*s' only in '%s': not compared",
				    (int)s.n, s.p, csvin_name(a->in));
				continue;
			}
			st->cols[st->ncols++] = xmemdup(s.p, s.n);
		}
		for (i = 0; i < csvin_ncols(b->in); i++) {
			struct span s = csvin_colname(b->in, i);

			if (!in_list(st->keys, st->nkeys, s) &&
			    !in_list(o->ignore, o->nignore, s) && !has_span(a->in, s))
				warn("column '%.*s' only in '%s': not compared",
				    (int)s.n, s.p, csvin_name(b->in));
		}
	}
	side_columns(st, a);
	side_columns(st, b);
}

/* Whether columns idx[0..n) are side by side, in order. */
static int
side_by_side(const long *idx, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (idx[i] != idx[i - 1] + 1)
			return 0;
	return n > 0;
}

/* Where a side has the keys and the compared columns. */
static void
side_columns(const struct state *st, struct side *s)
{
	size_t i;

	s->kidx = xcalloc(st->nkeys + 1, sizeof(*s->kidx));
	s->vidx = xcalloc(st->ncols + 1, sizeof(*s->vidx));
	for (i = 0; i < st->nkeys; i++)
		s->kidx[i] = csvin_col(s->in, st->keys[i]);
	for (i = 0; i < st->ncols; i++)
		s->vidx[i] = csvin_col(s->in, st->cols[i]);
	s->kseq = side_by_side(s->kidx, st->nkeys);
	s->vseq = side_by_side(s->vidx, st->ncols);
}

/* The row's key fields NUL-joined, borrowed: the record's bytes when the
 * keys are side by side there, else b's. */
static struct span
key_of(struct buf *b, const struct side *s, size_t nkeys)
{
	struct span k;

	if (s->kseq)
		return csvin_fields(s->in, (size_t)s->kidx[0], nkeys);
	make_key(b, s, nkeys);
	k.p = b->p;
	k.n = b->n;
	return k;
}

/* The same for the compared values ("" when there are none). */
static struct span
vals_of(struct buf *b, const struct side *s, size_t ncols)
{
	struct span v;

	if (s->vseq)
		return csvin_fields(s->in, (size_t)s->vidx[0], ncols);
	row_values(b, s, ncols);
	v.p = b->p == NULL ? "" : b->p;
	v.n = b->n;
	return v;
}

static void
make_key(struct buf *b, const struct side *s, size_t nkeys)
{
	size_t i;

	buf_clear(b);
	for (i = 0; i < nkeys; i++) {
		struct span f = csvin_field(s->in, (size_t)s->kidx[i]);

		buf_add(b, f.p, f.n);
		buf_addc(b, '\0');
	}
}

/* Key fields as "a,b,c" in out, for messages. */
static const char *
show_key(struct buf *out, const char *key, size_t nkeys)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < nkeys; i++) {
		if (i > 0)
			buf_addc(out, ',');
		csvout_quote(out, key, strlen(key));
		key += strlen(key) + 1;
	}
	return out->p == NULL ? "" : out->p;
}

static void
emit(struct state *st, const char *key, size_t col, const char *old,
    const char *new, enum status s)
{
	const struct opts *o = st->o;
	struct dec a, b, d, q, d100;
	size_t i;

	st->nstat[s]++;
	if (!o->show[s])
		return;
	if (s != ST_SAME)
		st->ndiff++;
	if (o->quiet)
		return;
	st->written++;
	for (i = 0; i < st->nkeys; i++) {
		csvout_str(st->out, key);
		key += strlen(key) + 1;
	}
	csvout_str(st->out, st->cols[col]);
	csvout_str(st->out, old == NULL ? "" : old);
	csvout_str(st->out, new == NULL ? "" : new);
	if (old != NULL && new != NULL &&
	    dec_parse(&a, old, strlen(old)) == DEC_OK &&
	    dec_parse(&b, new, strlen(new)) == DEC_OK &&
	    dec_sub(&d, &b, &a) == DEC_OK) {
		buf_clear(&st->tmp);
		dec_format(&d, &st->tmp);
		csvout_field(st->out, st->tmp.p, st->tmp.n);
		a.neg = 0;
		buf_clear(&st->tmp);
		/* pct = delta * 100 / |old|, rounded to PCT_PREC digits. */
		d100 = d;
		if (!dec_is_zero(&a) && dec_mul_u32(&d100, 100) == DEC_OK &&
		    dec_div(&q, &d100, &a, PCT_PREC) == DEC_OK)
			dec_format_fixed(&q, PCT_PREC, &st->tmp);
		csvout_field(st->out, st->tmp.p == NULL ? "" : st->tmp.p,
		    st->tmp.n);
	} else {
		csvout_str(st->out, "");
		csvout_str(st->out, "");
	}
	csvout_str(st->out, status_name[s]);
	csvout_end(st->out);
}

static int
same_value(const struct opts *o, const char *x, const char *y)
{
	struct dec a, b, d, lim;

	if (strcmp(x, y) == 0)
		return 1;
	if (dec_parse(&a, x, strlen(x)) != DEC_OK ||
	    dec_parse(&b, y, strlen(y)) != DEC_OK)
		return strcmp(x, y) == 0;
	if (dec_cmp(&a, &b) == 0)
		return 1;
	if (!o->has_tol)
		return 0;
	dec_sub(&d, &b, &a);
	d.neg = 0;
	lim = o->tol;
	if (o->tol_pct) {
		/* |d| <= tol% of |old|  <=>  |d| * 100 / |old| <= tol */
		struct dec base = a, r;

		base.neg = 0;
		if (dec_is_zero(&base) || dec_mul_u32(&d, 100) != DEC_OK ||
		    dec_div(&r, &d, &base, DEC_MAX_SCALE) != DEC_OK)
			return 0;
		return dec_cmp(&r, &lim) <= 0;
	}
	return dec_cmp(&d, &lim) <= 0;
}

/* NUL-joined values of the compared columns of the current row. */
static void
row_values(struct buf *b, const struct side *s, size_t ncols)
{
	size_t i;

	buf_clear(b);
	for (i = 0; i < ncols; i++) {
		struct span f = csvin_field(s->in, (size_t)s->vidx[i]);

		buf_add(b, f.p, f.n);
		buf_addc(b, '\0');
	}
}

static void
compare_rows(struct state *st, const char *key, const char *ov,
    const char *nv)
{
	size_t i;

	for (i = 0; i < st->ncols; i++) {
		if (ov == NULL)
			emit(st, key, i, NULL, nv, ST_ADDED);
		else if (nv == NULL)
			emit(st, key, i, ov, NULL, ST_REMOVED);
		else
			emit(st, key, i, ov, nv, same_value(st->o, ov, nv) ?
			    ST_SAME : ST_CHANGED);
		if (ov != NULL)
			ov += strlen(ov) + 1;
		if (nv != NULL)
			nv += strlen(nv) + 1;
	}
}

/* A row of the old side is SEEN and the NEW line that matched it once one
 * has, else its OLD line. */
#define SEEN ((ROWS_NUM_MAX >> 1) + 1)

/* A row's line into the row store, or a clear error past what it holds;
 * 1 when its key was in already (*r: that row). */
static int
hold(struct state *st, struct side *s, struct rows *t, struct span k,
    struct span v, struct rowref *r)
{
	size_t line = csvin_line(s->in);
	int in;

	if (line >= SEEN ||
	    (in = rows_put(t, k.p, k.n, v.p, v.n, line, r)) < 0)
		die_at(2, csvin_name(s->in), line, "too many rows to hold "
		    "(over %zu bytes of keys and values): sort both inputs "
		    "and use --sorted", (size_t)ROWS_MAX);
	if (in && rows_num(t, *r) < SEEN)
		die_at(2, csvin_name(s->in), line,
		    "duplicate key '%s' (first at line %llu)",
		    show_key(&st->tmp, k.p, st->nkeys),
		    (unsigned long long)rows_num(t, *r));
	return in;
}

/*
 * Hash the old side (a compact row store, rows.h), stream the new; the
 * keys NEW adds are kept too, to catch a duplicate.
 */
static void
run_hash(struct state *st, struct side *a, struct side *b)
{
	struct rows old = { 0 }, added = { 0 };
	struct buf vals = { 0 };
	struct span none = { "", 0 };
	struct rowref r;
	int more;

	while (csvin_next(a->in))
		hold(st, a, &old, key_of(&st->kb, a, st->nkeys),
		    vals_of(&vals, a, st->ncols), &r);
	while (csvin_next(b->in)) {
		struct span k = key_of(&st->kb, b, st->nkeys);
		struct span v = vals_of(&vals, b, st->ncols);
		size_t line = csvin_line(b->in);

		if (!rows_find(&old, k.p, k.n, &r)) {
			hold(st, b, &added, k, none, &r);
			compare_rows(st, k.p, NULL, v.p);
			continue;
		}
		if (rows_num(&old, r) >= SEEN)
			die_at(2, csvin_name(b->in), line,
			    "duplicate key '%s' (first at line %llu)",
			    show_key(&st->tmp, k.p, st->nkeys),
			    (unsigned long long)(rows_num(&old, r) - SEEN));
		rows_set_num(&old, r, SEEN + line);
		compare_rows(st, k.p, rows_vals(&old, r), v.p);
	}
	for (more = rows_first(&old, &r); more; more = rows_next(&old, &r))
		if (rows_num(&old, r) < SEEN)
			compare_rows(st, rows_key(&old, r), rows_vals(&old, r),
			    NULL);
	rows_free(&old);
	rows_free(&added);
	buf_free(&vals);
}

/* Bytewise, field by field (NUL sorts first, so memcmp agrees). */
static int
keycmp(const struct buf *x, const struct buf *y)
{
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(x->p, y->p, n);

	if (c != 0)
		return c;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* Advances one side under --sorted: 0 at end; checks order and dups. */
static int
advance(struct state *st, struct side *s, struct buf *key, struct buf *prev,
    struct buf *vals, size_t *prev_line)
{
	if (!csvin_next(s->in))
		return 0;
	buf_clear(prev);
	if (key->n > 0)
		buf_add(prev, key->p, key->n);
	make_key(key, s, st->nkeys);
	if (prev->n > 0) {
		int c = keycmp(prev, key);

		if (c == 0)
			die_at(2, csvin_name(s->in), csvin_line(s->in),
			    "duplicate key '%s' (first at line %zu)",
			    show_key(&st->tmp, key->p, st->nkeys), *prev_line);
		if (c > 0)
			die_at(2, csvin_name(s->in), csvin_line(s->in),
			    "input not sorted by key (--sorted): '%s' after a "
			    "greater key at line %zu; sort it or drop --sorted",
			    show_key(&st->tmp, key->p, st->nkeys), *prev_line);
	}
	*prev_line = csvin_line(s->in);
	row_values(vals, s, st->ncols);
	return 1;
}

static void
run_sorted(struct state *st, struct side *a, struct side *b)
{
	struct buf ka = { 0 }, kb = { 0 }, pa = { 0 }, pb = { 0 };
	struct buf va = { 0 }, vb = { 0 };
	size_t la = 0, lb = 0;
	int ha = advance(st, a, &ka, &pa, &va, &la);
	int hb = advance(st, b, &kb, &pb, &vb, &lb);

	while (ha || hb) {
		int c = !ha ? 1 : !hb ? -1 : keycmp(&ka, &kb);

		if (c < 0) {
			compare_rows(st, ka.p, va.p, NULL);
			ha = advance(st, a, &ka, &pa, &va, &la);
		} else if (c > 0) {
			compare_rows(st, kb.p, NULL, vb.p);
			hb = advance(st, b, &kb, &pb, &vb, &lb);
		} else {
			compare_rows(st, ka.p, va.p, vb.p);
			ha = advance(st, a, &ka, &pa, &va, &la);
			hb = advance(st, b, &kb, &pb, &vb, &lb);
		}
	}
	buf_free(&ka);
	buf_free(&kb);
	buf_free(&pa);
	buf_free(&pb);
	buf_free(&va);
	buf_free(&vb);
}

static void
parse_tolerance(struct opts *o, const char *t)
{
	size_t n = strlen(t);

	if (n > 0 && t[n - 1] == '%') {
		o->tol_pct = 1;
		n--;
	}
	if (dec_parse(&o->tol, t, n) != DEC_OK || o->tol.neg)
		die(2, "option '--tolerance': '%s' is not a number or N%%", t);
	o->has_tol = 1;
}

static void
free_all(struct opts *o, struct state *st, struct side *a, struct side *b)
{
	if (st->cols != o->values) {
		size_t i;

		for (i = 0; i < st->ncols; i++)
			free(st->cols[i]);
		free(st->cols);
	}
	free(st->keys);	/* its strings belong to o->keys */
	cli_free_split(o->keys, o->nkeys);
	cli_free_split(o->values, o->nvalues);
	cli_free_split(o->ignore, o->nignore);
	free(a->kidx);
	free(a->vidx);
	free(b->kidx);
	free(b->vidx);
	buf_free(&st->tmp);
	buf_free(&st->kb);
}

/* --only LIST: the statuses to write. */
static void
parse_only(struct opts *o, const char *arg, int *only)
{
	char **v;
	size_t i, k, n;

	v = cli_split(arg, &n);
	if (!*only)
		memset(o->show, 0, sizeof(o->show));
	*only = 1;
	for (i = 0; i < n; i++) {
		for (k = 0; k < ST_N; k++)
			if (strcmp(v[i], status_name[k]) == 0)
				o->show[k] = 1;
		if (!in_list((char **)status_name, ST_N, span_of(v[i])))
			die(2, "option '--only': unknown status '%s'", v[i]);
	}
	cli_free_split(v, n);
}

/* Fills o from the command line; returns the index of the operands. */
static int
parse_opts(int argc, char *argv[], struct opts *o, const char **keys)
{
	int c, only = 0;

	o->show[ST_ADDED] = o->show[ST_REMOVED] = o->show[ST_CHANGED] = 1;
	while ((c = getopt_long(argc, argv, "Vahk:qt:v:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'a':
			o->show[ST_SAME] = 1;
			break;
		case 'h':
			cli_help(help_text);
		case 'k':
			*keys = optarg;
			o->keys_given = 1;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 't':
			parse_tolerance(o, optarg);
			break;
		case 'v':
			o->values = cli_split(optarg, &o->nvalues);
			break;
		case 'z':
			o->gzip = 1;
			break;
		case OPT_BOM:
			o->bom = 1;
			break;
		case OPT_IGNORE:
			o->ignore = cli_split(optarg, &o->nignore);
			break;
		case OPT_ONLY:
			parse_only(o, optarg, &only);
			break;
		case OPT_SORTED:
			o->sorted = 1;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		case OPT_BAD_ROWS:
			o->bad_rows = optarg;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	return optind;
}

static void
write_header(struct state *st)
{
	static const char *const tail[] = { "column", "old", "new", "delta",
		"pct", "status" };
	size_t i;

	for (i = 0; i < st->nkeys; i++)
		csvout_str(st->out, st->keys[i]);
	for (i = 0; i < sizeof(tail) / sizeof(tail[0]); i++)
		csvout_str(st->out, tail[i]);
	csvout_end(st->out);
}

static void
print_stats(const struct state *st, const struct side *a, const struct side *b)
{
	size_t i;

	cli_stat("rows read, old", csvin_rows(a->in));
	cli_stat("rows read, new", csvin_rows(b->in));
	cli_stat("rows quarantined", csvin_bad_count(a->in) +
	    csvin_bad_count(b->in));
	for (i = 0; i < ST_N; i++) {
		char what[32];

		snprintf(what, sizeof(what), diag_text("values %s"),
		    status_name[i]);
		cli_stat(what, st->nstat[i]);
	}
	cli_stat("rows written", st->written);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	struct side a = { 0 }, b = { 0 };
	const char *keys = DEFAULT_KEYS;
	FILE *bad = NULL;
	int first;

	diag_init(argv[0]);
	first = parse_opts(argc, argv, &o, &keys);
	argc -= first;
	argv += first;
	if (argc != 2)
		cli_usage_error(SYNOPSIS);
	if (strcmp(argv[0], "-") == 0 && strcmp(argv[1], "-") == 0)
		die(2, "OLD and NEW cannot both be stdin");
	o.keys = cli_split(keys, &o.nkeys);
	gz_check_inputs(argv, 2);
	cli_not_an_input("--bad-rows", o.bad_rows, argv, 2);
	bad = cli_open_bad_rows(o.bad_rows);
	a.in = csvin_open(&argv[0], 1);
	b.in = csvin_open(&argv[1], 1);
	csvin_set_bad_rows(a.in, bad);
	csvin_set_bad_rows(b.in, bad);
	st.o = &o;
	if (csvin_ncols(a.in) == 0 && csvin_ncols(b.in) == 0) {
		/* Two empty files do not differ. */
		cli_close_bad_rows(bad, o.bad_rows);
		csvin_close(a.in);
		csvin_close(b.in);
		free_all(&o, &st, &a, &b);
		return 0;
	}
	if (csvin_ncols(a.in) == 0 || csvin_ncols(b.in) == 0)
		die(2, "'%s' is empty (not even a header)",
		    csvin_ncols(a.in) == 0 ? argv[0] : argv[1]);
	plan(&st, &a, &b);
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	if (o.bom)
		csvout_bom(st.out);
	if (!o.quiet)
		write_header(&st);
	if (o.sorted)
		run_sorted(&st, &a, &b);
	else
		run_hash(&st, &a, &b);
	csvout_close(st.out);
	cli_close_bad_rows(bad, o.bad_rows);
	if (o.stats)
		print_stats(&st, &a, &b);
	csvin_close(a.in);
	csvin_close(b.in);
	free_all(&o, &st, &a, &b);
	return st.ndiff > 0 ? 1 : 0;
}
