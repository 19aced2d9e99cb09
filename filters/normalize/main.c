/*
 * baocao-normalize: figure mentions to canonical facts.
 *
 * Input: baocao-extract's CSV (doc, issuer, doc_date, period_text, line,
 * section, source, row_label, col_label, before, raw, unit_text, after;
 * places, path and reader when present).  Output:
 *
 *	doc,reporter_code,reporter_name,province_code,period,indicator,
 *	value,unit,scope,qualifier,line,raw,evidence,flags
 *
 * followed by any input column extract does not write (user columns pass
 * through).  Each mention is read by common/facts (the clause reading of
 * common/clause and the lexicon's rules); the reporter comes from the
 * gazetteer, valid at the report's date; the value from vnum (exact).  By
 * default one row per (doc, indicator) is written, chosen as facts.h
 * says; --scope all writes every mention with extract's context.
 * --corrections applies an analyst's lasting fixes (common/corr).
 *
 * Rows of one document must be consecutive (as extract writes them); one
 * document is held in memory at a time.
 *
 * This file: the options and main().  The parts are normalize.h's.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "diag.h"
#include "facts.h"
#include "gaz.h"
#include "gz.h"
#include "lex.h"
#include "manifest.h"
#include "normalize.h"

#define SYNOPSIS "baocao-normalize [-z] [--bom] [--quiet] [--docs [--resends latest|both|error] [--body LIST] [--safe-copy FILE] [--brief] [--province-to FILE]] [--province CODE] [--scope reporter|all|LIST] [--rules FILE] [--corrections FILE [--share]] [--gazetteer FILE] [--stats] [--stats-csv FILE] [FILE ...]"

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Turns baocao-extract's figure mentions into canonical facts: reporting\n"
"unit (gazetteer code), period, indicator, exact value, unit, scope,\n"
"flags (conflict, weak, approx, corrected, ocr: the rows to check).\n"
"\n"
"      --scope S       reporter (default): one row per document and\n"
"                      indicator, the reporting unit's own figure;\n"
"                      all: every mention, with its scope and indicator;\n"
"                      a list of scopes (sub,table-row,table-total,\n"
"                      reporter): every mention with an indicator and\n"
"                      one of these scopes\n"
"      --rules FILE    lexicon of indicators, cue words and rules (default:\n"
"                      built in; see the header of common/data/lexicon.rules)\n"
"      --corrections FILE  an analyst's fixes: report,line,raw,indicator,\n"
"                      value,scope (indicator 'drop' drops the figure);\n"
"                      with --docs, the corrections of reports not in the\n"
"                      run or left out of it are named\n"
"      --share         the input is one share of a run: corrections of\n"
"                      reports not in it are not named (the run's\n"
"                      manifest names them)\n"
"      --gazetteer FILE  administrative units (default: built in)\n"
"      --province CODE only units of this province can issue a report\n"
"                      (settles a ward name that several provinces have);\n"
"                      with --docs, the province the run sums: a report\n"
"                      of another is other-province (default: the one\n"
"                      most reports are of, said on stderr)\n"
"      --docs          read baocao-extract --docs rows and write the run's\n"
"                      manifest: each file resolved, with a status\n"
"      --resends P     --docs: two reports for one reporter and period:\n"
"                      latest (default: the later wins, by date, number,\n"
"                      a resend's words, file time; else both are\n"
"                      ambiguous-resend), both (keep both), error\n"
"      --body LIST     --docs: the bodies whose reports are summed:\n"
"                      committee (default: the People's Committee's),\n"
"                      party, steering, office, centre, council, separated\n"
"                      by ',', or all; the others' are other-body\n"
"      --brief         --docs: no line per file not ok on stderr (the\n"
"                      manifest says each), no coverage lines\n"
"      --quiet         no note on a report's figures on stderr (a figure\n"
"                      stated twice: its flag says it); corrections and\n"
"                      errors are said\n"
"      --province-to FILE  --docs: write the run's province to FILE\n"
"      --files0-to FILE  --docs: write the paths of the ok reports to FILE,\n"
"                      NUL-separated (for baocao-extract --files0-from)\n"
"      --safe-copy FILE  --docs: write the manifest to FILE too, safe to\n"
"                      open in a spreadsheet (as --bom makes it, without\n"
"                      the mark)\n"
"      --bad-rows FILE quarantine unreadable CSV rows to FILE and go on\n"
"  -z, --gzip          write gzip\n"
"      --bom           for a spreadsheet: start with a UTF-8 byte-order\n"
"                      mark, and write a cell that begins with =, +, -, @,\n"
"                      TAB or CR with a leading ' (a formula otherwise)\n"
"      --stats         print row counts and drop reasons on stderr; with\n"
"                      --docs, reports by status and coverage per period\n"
"      --stats-csv FILE  write the counts to FILE as CSV (stat,count), for\n"
"                      a program to read\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_SCOPE = CHAR_MAX + 1, OPT_RULES, OPT_GAZ, OPT_STATS, OPT_BAD_ROWS,
	OPT_CORRECTIONS, OPT_BOM, OPT_DOCS, OPT_PROVINCE, OPT_RESENDS,
	OPT_FILES0_TO, OPT_SHARE, OPT_SAFE_COPY, OPT_STATS_CSV, OPT_BRIEF,
	OPT_PROVINCE_TO, OPT_QUIET, OPT_BODY };

static const struct option longopts[] = {
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
	{ "body", required_argument, NULL, OPT_BODY },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "brief", no_argument, NULL, OPT_BRIEF },
	{ "corrections", required_argument, NULL, OPT_CORRECTIONS },
	{ "docs", no_argument, NULL, OPT_DOCS },
	{ "files0-to", required_argument, NULL, OPT_FILES0_TO },
	{ "gazetteer", required_argument, NULL, OPT_GAZ },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "province", required_argument, NULL, OPT_PROVINCE },
	{ "province-to", required_argument, NULL, OPT_PROVINCE_TO },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "resends", required_argument, NULL, OPT_RESENDS },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "safe-copy", required_argument, NULL, OPT_SAFE_COPY },
	{ "scope", required_argument, NULL, OPT_SCOPE },
	{ "share", no_argument, NULL, OPT_SHARE },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "stats-csv", required_argument, NULL, OPT_STATS_CSV },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static unsigned
parse_scopes(const char *arg)
{
	char **v;
	size_t n, k;
	int s;
	unsigned mask = 0;

	v = cli_split(arg, &n);
	for (k = 0; k < n; k++) {
		for (s = 0; s < SCOPE_N; s++)
			if (strcmp(v[k], fact_scope_name[s]) == 0)
				break;
		if (s == SCOPE_N)
			die(2, "option '--scope': '%s' is not all, reporter, sub, "
			    "table-row or table-total", v[k]);
		mask |= 1u << s;
	}
	cli_free_split(v, n);
	return mask;
}

/* The gazetteer, and --province checked against it. */
struct gaz *
norm_load_gazetteer(const struct opts *o)
{
	struct gaz *g = gaz_load(o->gazetteer);

	if (o->m.province != NULL && !gaz_is_province(g, o->m.province))
		die(2, "option '--province': '%s' is not a province code (such as "
		    "79 for Ho Chi Minh City)", o->m.province);
	return g;
}

/* Reads the options into o; returns optind. */
static int
parse_opts(int argc, char *argv[], struct opts *o)
{
	int c;

	while ((c = getopt_long(argc, argv, "Vhz", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'z':
			o->gzip = 1;
			break;
		case OPT_BODY:
			if (manifest_bodies(optarg, &o->m.bodies) != 0)
				die(2, "option '--body': '%s' is not all or a "
				    "list of committee, party, steering, office, "
				    "centre, council", optarg);
			o->body_given = 1;
			break;
		case OPT_BOM:
			o->bom = 1;
			break;
		case OPT_BRIEF:
			o->brief = 1;
			break;
		case OPT_PROVINCE_TO:
			o->province_to = optarg;
			break;
		case OPT_QUIET:
			o->quiet = 1;
			break;
		case OPT_BAD_ROWS:
			o->bad_rows = optarg;
			break;
		case OPT_DOCS:
			o->docs = 1;
			break;
		case OPT_FILES0_TO:
			o->files0_to = optarg;
			break;
		case OPT_PROVINCE:
			o->m.province = optarg;
			break;
		case OPT_RESENDS:
			if ((c = manifest_resends(optarg)) < 0)
				die(2, "option '--resends': '%s' is not latest, both "
				    "or error", optarg);
			o->m.resends = (enum resends)c;
			o->resends_given = 1;
			break;
		case OPT_CORRECTIONS:
			o->corrections = optarg;
			break;
		case OPT_GAZ:
			o->gazetteer = optarg;
			break;
		case OPT_RULES:
			o->rules = optarg;
			break;
		case OPT_SCOPE:
			if (strcmp(optarg, "all") == 0)
				o->all = 1;
			else if (strcmp(optarg, "reporter") != 0)
				o->scopes = parse_scopes(optarg);
			break;
		case OPT_SAFE_COPY:
			o->safe_copy = optarg;
			break;
		case OPT_SHARE:
			o->share = 1;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		case OPT_STATS_CSV:
			o->stats_csv = optarg;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	if ((o->resends_given || o->body_given || o->files0_to != NULL ||
	    o->safe_copy != NULL || o->brief || o->province_to != NULL) &&
	    !o->docs)
		die(2, "options '--resends', '--body', '--files0-to', "
		    "'--safe-copy', '--brief' and '--province-to' go with "
		    "'--docs'");
	return optind;
}

static void
free_state(struct state *st)
{
	csvin_close(st->in);
	corr_free(st->corr);
	lex_free(st->lex);
	gaz_free(st->gaz);
	facts_free(&st->d.facts);
	free(st->pass);
	buf_free(&st->tmp);
	buf_free(&st->line);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	FILE *bad = NULL;
	int i, sfd;

	diag_init(argv[0]);
	i = parse_opts(argc, argv, &o);
	argc -= i;
	argv += i;
	gz_check_inputs(argv, argc);
	cli_not_an_input("--bad-rows", o.bad_rows, argv, argc);
	cli_not_an_input("--files0-to", o.files0_to, argv, argc);
	cli_not_an_input("--safe-copy", o.safe_copy, argv, argc);
	cli_not_an_input("--stats-csv", o.stats_csv, argv, argc);
	cli_not_an_input("--province-to", o.province_to, argv, argc);
	if (o.docs)
		return norm_docs(&o, argv, argc);
	bad = cli_open_bad_rows(o.bad_rows);
	sfd = cli_open_out(o.stats_csv);
	st.o = &o;
	st.lex = lex_load(o.rules);
	st.gaz = norm_load_gazetteer(&o);
	if (o.corrections != NULL)
		st.corr = corr_load(o.corrections, st.lex);
	st.d.facts.lex = st.lex;
	st.in = csvin_open(argv, argc);
	csvin_set_bad_rows(st.in, bad);
	norm_open_columns(&st);
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	norm_write_header(&st);
	while (csvin_next(st.in))
		norm_one_row(&st);
	if (st.d.doc != NULL)
		norm_end_doc(&st);
	csvout_close(st.out);
	cli_close_bad_rows(bad, o.bad_rows);
	if (st.corr != NULL)
		st.unapplied = corr_warn_unapplied(st.corr, o.share);
	if (o.stats)
		norm_print_stats(&st);
	norm_stats_csv(&st, sfd);
	free_state(&st);
	return 0;
}
