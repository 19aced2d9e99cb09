/*
 * baocao-check: find the figures of a report that do not add up.  This
 * file: the options, the findings and main().
 *
 * Input: normalize's output with --scope all (every mention, with
 * extract's context columns).  Output: one row per finding,
 *	doc,line,rule,indicator,expected,actual,detail
 * Exit 0 when nothing was found, 1 when something was, 2 on trouble.
 *
 * The rules (see baocao-check(1) for each one's tolerance) look at the
 * figures of one line of text in order, and at the gap of words between
 * one figure and the next: a breakdown marker ("trong đó", "gồm") makes
 * the figures after it parts of the figure before it, brackets nest, and
 * a percentage is checked against the count it follows and that count's
 * base.  Tables are checked column by column against their total row.
 * Corrections are normalize's (--corrections there): its rows come
 * corrected.
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "diag.h"
#include "gz.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-check [-z] [--only LIST] [--rules FILE] [--stats] [--bad-rows FILE] [FILE ...]"

const char *const rule_name[R_N] = { "percent-vs-fraction",
	"numerator-over-denominator", "parts-vs-whole", "table-total",
	"restatement", "fraction-base" };

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Reads normalize's output (--scope all) and writes one row per figure\n"
"that contradicts another in the same report:\n"
"  doc,line,rule,indicator,expected,actual,detail\n"
"Exit status 0 when nothing was found, 1 when something was, 2 on trouble.\n"
"\n"
"Rules: percent-vs-fraction, numerator-over-denominator, parts-vs-whole,\n"
"table-total, restatement, fraction-base (baocao-check(1) says what each\n"
"one checks and its tolerance).\n"
"\n"
"  -r, --only LIST       run only these rules (comma-separated)\n"
"      --rules FILE      the lexicon the clauses are read with (default:\n"
"                        built in; as baocao-normalize --rules)\n"
"  -z, --gzip            write gzip\n"
"      --bom             start with a UTF-8 byte-order mark\n"
"      --stats           print rows read and findings per rule on stderr\n"
"      --bad-rows FILE   write unreadable rows to FILE and go on\n"
"  -h, --help            this help\n"
"  -V, --version         version\n"
"\n"
"An analyst's corrections are applied by baocao-normalize --corrections:\n"
"a corrected figure is checked with its corrected value, a dropped one\n"
"not at all.\n"
"\n"
"  baocao-extract r.txt | baocao-normalize --scope all | baocao-check\n";

enum { OPT_STATS = CHAR_MAX + 1, OPT_BAD_ROWS, OPT_RULES, OPT_CORRECTIONS,
	OPT_BOM };

static const struct option longopts[] = {
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "corrections", required_argument, NULL, OPT_CORRECTIONS },
	{ "lexicon", required_argument, NULL, OPT_RULES },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "only", required_argument, NULL, 'r' },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

void
add_finding(struct state *st, const struct fig *at, enum rule r,
    const char *ind, const struct dec *expected, const char *exp_text,
    const struct dec *actual, const char *fmt, ...)
{
	struct finding *f;
	struct buf b = { 0 };
	char tmp[1024];
	va_list ap;

	if (!st->o->on[r])
		return;
	if (st->nfnd == st->capfnd) {
		st->capfnd = st->capfnd == 0 ? 16 : st->capfnd * 2;
		st->fnd = xreallocarray(st->fnd, st->capfnd, sizeof(*st->fnd));
	}
	f = &st->fnd[st->nfnd];
	f->line = at->line;
	f->seq = st->nfnd++;
	f->rule = r;
	f->ind = xstrdup(ind);
	if (exp_text != NULL)
		f->expected = xstrdup(exp_text);
	else {
		dec_format(expected, &b);
		f->expected = xstrdup(b.p);
	}
	buf_clear(&b);
	dec_format(actual, &b);
	f->actual = xstrdup(b.p);
	buf_free(&b);
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	f->detail = xstrdup(tmp);
	st->per_rule[r]++;
}

const char *
dtext(const struct dec *d, struct buf *b)
{
	buf_clear(b);
	dec_format(d, b);
	return b->p == NULL ? "0" : b->p;
}

static int
by_line(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
end_doc(struct state *st)
{
	size_t a, b, i;

	if (st->n == 0)
		goto out;
	st->docs++;
	/* Text: line by line.  Tables: runs of table rows. */
	for (a = 0; a < st->n; a = b) {
		int table = st->figs[a].table;

		for (b = a + 1; b < st->n && st->figs[b].table == table &&
		    (!table ? st->figs[b].line == st->figs[a].line :
		    st->figs[b].line <= st->figs[b - 1].line + 2); b++)
			;
		if (!table) {
			read_line(st, a, b);
			breakdowns(st, a, b);
			rates(st, a, b);
			numerators(st, a, b);
		} else {
			read_cells(st, a, b);
			tables(st, a, b);
		}
	}
	restatements(st);
	rate_bases(st);
	if (st->nfnd > 1)	/* qsort(NULL, 0) is undefined */
		qsort(st->fnd, st->nfnd, sizeof(*st->fnd), by_line);
	for (i = 0; i < st->nfnd; i++) {
		struct finding *f = &st->fnd[i];

		csvout_str(st->out, st->doc);
		csvout_ulong(st->out, f->line);
		csvout_str(st->out, rule_name[f->rule]);
		csvout_str(st->out, f->ind);
		csvout_str(st->out, f->expected);
		csvout_str(st->out, f->actual);
		csvout_str(st->out, f->detail);
		csvout_end(st->out);
	}
	free_doc(st);
out:
	free(st->doc);
	st->doc = NULL;
}

/* --only LIST: only these rules; 0 when a name is none of them. */
static int
parse_only(struct opts *o, const char *arg)
{
	char **v;
	size_t i, k, n;
	int ok = 1;

	v = cli_split(arg, &n);
	memset(o->on, 0, sizeof(o->on));
	for (i = 0; i < n && ok; i++) {
		for (k = 0; k < R_N; k++)
			if (strcmp(v[i], rule_name[k]) == 0)
				break;
		if (k == R_N)
			ok = 0;
		else
			o->on[k] = 1;
	}
	cli_free_split(v, n);
	return ok;
}

/* Fills o from the command line; returns the index of the operands. */
static int
parse_opts(int argc, char *argv[], struct opts *o)
{
	struct opts probe;
	size_t i;
	int c;

	for (i = 0; i < R_N; i++)
		o->on[i] = 1;
	while ((c = getopt_long(argc, argv, "Vhr:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'r':
			if (!parse_only(o, optarg))
				die(2, "option '--only': unknown rule in '%s' "
				    "(rules: percent-vs-fraction, "
				    "numerator-over-denominator, parts-vs-whole, "
				    "table-total, restatement, fraction-base)",
				    optarg);
			break;
		case 'z':
			o->gzip = 1;
			break;
		case OPT_BOM:
			o->bom = 1;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		case OPT_BAD_ROWS:
			o->bad_rows = optarg;
			break;
		case OPT_RULES:
			/* --rules once named the checks to run */
			if (access(optarg, F_OK) != 0 && parse_only(&probe, optarg))
				die(2, "option '--rules' names the lexicon file; "
				    "'%s' are checks: use --only", optarg);
			o->lexicon = optarg;
			break;
		case OPT_CORRECTIONS:
			die(2, "option '--corrections': corrections are applied "
			    "by baocao-normalize --corrections, whose output "
			    "baocao-check reads");
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	return optind;
}

static void
open_input(struct state *st, char **paths, int n, FILE *bad)
{
	static const char *const outcols[] = { "doc", "line", "rule",
		"indicator", "expected", "actual", "detail" };
	static const char *const cols[NCOL] = { "doc", "line", "indicator",
		"value", "unit", "scope", "qualifier", "raw", "source",
		"row_label", "col_label", "before", "unit_text", "after",
		"chosen", "time", "tier", "official", "flags", "heading" };
	size_t k;

	st->in = csvin_open(paths, n);
	csvin_set_bad_rows(st->in, bad);
	if (csvin_ncols(st->in) > 0 && csvin_col(st->in, "before") < 0 &&
	    csvin_col(st->in, "indicator") >= 0)
		die_at(2, csvin_name(st->in), 1, "column 'before' missing: "
		    "baocao-check reads 'baocao-normalize --scope all' output");
	csvin_require(st->in, cols, st->idx, NREQ);
	for (k = NREQ; k < NCOL; k++)
		st->idx[k] = csvin_col(st->in, cols[k]);
	st->out = csvout_open(STDOUT_FILENO, st->o->gzip);
	if (st->o->bom)
		csvout_bom(st->out);
	for (k = 0; k < sizeof(outcols) / sizeof(outcols[0]); k++)
		csvout_str(st->out, outcols[k]);
	csvout_end(st->out);
}

static void
print_stats(const struct state *st)
{
	size_t i;

	cli_stat("rows read", st->rows);
	cli_stat("rows quarantined", csvin_bad_count(st->in));
	cli_stat("rows not a number", st->bad_values);
	cli_stat("rows dropped by a correction", st->dropped);
	cli_stat("documents", st->docs);
	for (i = 0; i < R_N; i++) {
		char what[64];

		snprintf(what, sizeof(what), diag_text("findings %s"),
		    rule_name[i]);
		cli_stat(what, st->per_rule[i]);
	}
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	FILE *bad = NULL;
	size_t i, n = 0;
	int first;

	diag_init(argv[0]);
	first = parse_opts(argc, argv, &o);
	gz_check_inputs(argv + first, argc - first);
	st.o = &o;
	st.lex = lex_load(o.lexicon);
	cli_not_an_input("--bad-rows", o.bad_rows, argv + first, argc - first);
	bad = cli_open_bad_rows(o.bad_rows);
	open_input(&st, argv + first, argc - first, bad);
	while (csvin_next(st.in))
		read_row(&st);
	end_doc(&st);
	csvout_close(st.out);
	cli_close_bad_rows(bad, o.bad_rows);
	for (i = 0; i < R_N; i++)
		n += st.per_rule[i];
	if (o.stats)
		print_stats(&st);
	csvin_close(st.in);
	free(st.figs);
	free(st.fnd);
	lex_free(st.lex);
	buf_free(&st.tmp);
	return n > 0 ? 1 : 0;
}
