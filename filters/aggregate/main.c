/*
 * baocao-aggregate's command line: the options, the mode they choose
 * (group-by, the city table, --partial, --merge, --sorted), and main().
 *
 * The filter groups rows by key columns and computes exact summaries;
 * with no options, the city-wide summary of baocao-normalize's facts.
 *
 * Input: any CSV with the key columns and the columns the operations name
 * (default keys province_code,period,indicator,unit; default operations
 * sum:value,count,countunique:reporter_code,min:value,max:value,mean:value).
 * Output: the key columns, one column per operation named OP_COLUMN (or
 * "count"), and with the default operations units_covered,units_total:
 * how many of the units that should report (the province's districts, or
 * from the 2025 reform its wards: cover_due) the figure covers.
 * Rows come out sorted by key (bytewise, field by field).  With --sorted
 * the input is sorted so: each group is written as it ends, in memory for
 * one group (gb_stream).
 *
 * With no -k and no -o, the city table (city.c):
 *	... units_covered,units_total,value,how,flags,units_missing
 * --units writes the units' figures instead; --findings writes the
 * cumulative series that go down and the periods that disagree, in
 * baocao-check's columns.
 *
 * --partial writes mergeable state instead (column baocao_partial first);
 * --merge reads such state from any number of runs.  For any split of the
 * input into consecutive parts, partial per part then one merge (parts in
 * input order) is byte-identical to one run on the whole.
 *
 * Exit status: 0 success, 2 trouble.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "cli.h"
#include "diag.h"
#include "gz.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-aggregate [-z] [--bom] [-k KEYS] [-o OPS] [--sorted] [--partial | --merge] [--units] [--findings FILE] [FILE ...]"
#define DEFAULT_KEYS "province_code,period,indicator,unit"
#define DEFAULT_OPS "sum:value,count,countunique:reporter_code,min:value,max:value,mean:value"

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
"      --sorted        the input is sorted by the keys: write each group\n"
"                      as it ends, in constant memory (an unsorted input\n"
"                      is an error); not for the city table\n"
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
	OPT_RULES, OPT_GAZ, OPT_STATS, OPT_UNITS, OPT_FINDINGS, OPT_BOM,
	OPT_SORTED };

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
	{ "sorted", no_argument, NULL, OPT_SORTED },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "units", no_argument, NULL, OPT_UNITS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void set_op(struct opspec *, const struct opdef *, const char *);
static void parse_ops(struct opts *, const char *);
static void city_mode(struct opts *);
static int parse_args(int, char *[], struct opts *, const char **,
	const char **);
static void set_mode(struct opts *, const char *, const char *);
static void print_stats(const struct opts *, const struct gtab *,
	const struct city *, const struct csvin *);
static void free_opts(struct opts *);

/* An operation and its output column's name ("sum_value", "count"). */
static void
set_op(struct opspec *s, const struct opdef *d, const char *col)
{
	struct buf name = { 0 };

	s->def = d;
	s->col = col != NULL ? xstrdup(col) : NULL;
	buf_adds(&name, d->name);
	if (col != NULL)
		buf_printf(&name, "_%s", col);
	s->outname = name.p;
}

static void
parse_ops(struct opts *o, const char *list)
{
	size_t n, i;
	char **v = cli_split(list, &n);

	o->ops = xcalloc(n, sizeof(*o->ops));
	o->nops = n;
	for (i = 0; i < n; i++) {
		char *colon = strchr(v[i], ':');
		const struct opdef *d;

		if (colon != NULL)
			*colon = '\0';
		if ((d = acc_opdef(v[i])) == NULL)
			die(2, "unknown operation '%s'", v[i]);
		if (d->needs_col && (colon == NULL || colon[1] == '\0'))
			die(2, "operation '%s' needs a column: '%s:COLUMN'",
			    v[i], v[i]);
		if (!d->needs_col && colon != NULL)
			die(2, "operation '%s' takes no column", v[i]);
		set_op(&o->ops[i], d, colon != NULL ? colon + 1 : NULL);
		free(v[i]);
	}
	free(v);
}

/* The city table's keys and operations, each where its enum says. */
static void
city_mode(struct opts *o)
{
	size_t i;

	o->keys = xcalloc(CK_N + 1, sizeof(*o->keys));
	o->nkeys = CK_N;
	for (i = 0; i < CK_N; i++)
		o->keys[i] = xstrdup(city_keys[i]);
	o->ops = xcalloc(CA_N, sizeof(*o->ops));
	o->nops = CA_N;
	for (i = 0; i < CA_N; i++) {
		const struct opdef *d = acc_opdef_of(city_ops[i].op);

		set_op(&o->ops[i], d, city_ops[i].col);
		o->ops[i].optional = city_ops[i].optional;
	}
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
		case OPT_SORTED:
			o->sorted = 1;
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
		die(2, "--units and --findings are for the city table "
		    "(no -k, no -o)");
	if ((o->units || o->findings != NULL) && o->partial)
		die(2, "--units and --findings need results, not --partial");
	if (o->sorted && o->city && !o->partial)
		die(2, "--sorted writes each group as it ends; the city table "
		    "needs them all (give -k or -o, or --partial)");
	if (o->city) {
		city_mode(o);
		return;
	}
	o->keys = cli_split(keys != NULL ? keys : DEFAULT_KEYS, &o->nkeys);
	parse_ops(o, ops != NULL ? ops : DEFAULT_OPS);
}

static void
print_stats(const struct opts *o, const struct gtab *t, const struct city *c,
    const struct csvin *in)
{
	int table = o->city && !o->partial;

	cli_stat("rows read", t->rows);
	cli_stat("groups written", table ? c->written : t->written);
	cli_stat("values empty (not summed)", t->empty);
	cli_stat("rows skipped, not a number", t->skipped);
	cli_stat("rows quarantined", csvin_bad_count(in));
	if (table)
		cli_stat("figures derived", c->derived);
}

static void
free_opts(struct opts *o)
{
	size_t k;

	cli_free_split(o->keys, o->nkeys);
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
	struct gtab t = { 0 };
	struct domain dom = { 0 };
	struct city city = { 0 };
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
	ffd = cli_open_out(o.findings);
	/* rates and stocks are for the default operations (an edited
	 * lexicon given anyway is checked) */
	if (o.defaults || o.rules != NULL)
		dom.lex = lex_load(o.rules);
	if (o.defaults && !o.partial)
		dom.gaz = gaz_load(o.gazetteer);
	in = csvin_open(argv, argc);
	csvin_set_bad_rows(in, bad);
	gb_columns(&t, &o, in);
	if (!o.sorted)
		gb_read(&t, in);
	out = csvout_open(STDOUT_FILENO, o.gzip);
	if (o.bom)
		csvout_bom(out);
	if (o.sorted) {
		gb_stream(&t, &dom, in, out);
	} else if (o.city && !o.partial) {
		gb_sort(&t);
		city_write(&city, &o, &dom, &t, out);
	} else {
		gb_write(&t, &dom, out);
	}
	csvout_close(out);
	if (ffd >= 0)
		city_write_findings(&city, ffd, o.bom);
	cli_close_bad_rows(bad, o.bad_rows);
	if (o.stats)
		print_stats(&o, &t, &city, in);
	csvin_close(in);
	city_free(&city);
	gb_free(&t);
	dom_free(&dom);
	free_opts(&o);
	return 0;
}
