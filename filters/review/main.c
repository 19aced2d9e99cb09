/*
 * baocao-review: the review page of a run (see review.h for the parts).
 *
 * Input: the facts of baocao-normalize --scope all (files or stdin; the
 * columns doc, line, raw, indicator, value, chosen; reporter_code,
 * reporter_name, province_code, period, unit, scope, qualifier, flags,
 * evidence, before, unit_text, after, row_label, col_label when there);
 * -m the run's manifest (baocao-normalize --docs: doc, path, status;
 * reason, issuer, doc_no, doc_date, title, reporter_code, reporter_name,
 * province_code, period when there); -c the findings (doc, line, rule;
 * indicator, expected, actual, detail when there); --corrections the
 * corrections file the run used (report, line, raw; occurrence,
 * indicator, value, scope, note when there).
 * Output: one self-contained HTML page on stdout.
 * Exit status: 0, or 2 on trouble (nothing written).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "gaz.h"
#include "gz.h"
#include "labels.h"
#include "review.h"

#define SYNOPSIS "baocao-review [-m MANIFEST] [-c FINDINGS] [--corrections FILE] [--base DIR] [--title TEXT] [--labels FILE] [--gazetteer FILE] [FACTS ...]"
#define DEFAULT_TITLE "baocao"

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Writes one self-contained HTML page (no server, no network) on which an\n"
"analyst checks each figure of a run against its sentence in the report,\n"
"accepts, changes or drops it, and downloads the decisions as a\n"
"corrections file for baocao-normalize --corrections.\n"
"FACTS: the output of baocao-normalize --scope all.\n"
"\n"
"  -m, --manifest FILE    the run's manifest (baocao-normalize --docs):\n"
"                         each report's status, reason and file\n"
"  -c, --findings FILE    findings (baocao-check, baocao-aggregate\n"
"                         --findings): shown with their figures\n"
"      --corrections FILE the corrections the run used: kept in the\n"
"                         file the page downloads\n"
"      --base DIR         the directory the page will be in: links to the\n"
"                         reports are relative to it (default: the\n"
"                         current directory)\n"
"  -t, --title TEXT       the page's title\n"
"      --labels FILE      labels (default: built in)\n"
"      --gazetteer FILE   administrative units (default: built in)\n"
"  -h, --help             this help\n"
"  -V, --version          version\n"
"\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_CORRECTIONS = CHAR_MAX + 1, OPT_BASE, OPT_LABELS, OPT_GAZ };

static const struct option longopts[] = {
	{ "base", required_argument, NULL, OPT_BASE },
	{ "corrections", required_argument, NULL, OPT_CORRECTIONS },
	{ "findings", required_argument, NULL, 'c' },
	{ "gazetteer", required_argument, NULL, OPT_GAZ },
	{ "help", no_argument, NULL, 'h' },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "manifest", required_argument, NULL, 'm' },
	{ "title", required_argument, NULL, 't' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int
parse_opts(int argc, char *argv[], struct review_opts *o)
{
	int c;

	o->base = ".";
	o->title = DEFAULT_TITLE;
	while ((c = getopt_long(argc, argv, "Vc:hm:t:", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'c':
			o->findings = optarg;
			break;
		case 'h':
			cli_help(help_text);
		case 'm':
			o->manifest = optarg;
			break;
		case 't':
			o->title = optarg;
			break;
		case OPT_BASE:
			o->base = optarg;
			break;
		case OPT_CORRECTIONS:
			o->corrections = optarg;
			break;
		case OPT_GAZ:
			o->gazetteer = optarg;
			break;
		case OPT_LABELS:
			o->labels = optarg;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	return optind;
}

/* Every file named, before anything is read or written. */
static void
check_inputs(const struct review_opts *o, char **facts, int n)
{
	const char *named[] = { o->manifest, o->findings, o->corrections };
	size_t k;

	gz_check_inputs(facts, n);
	for (k = 0; k < sizeof(named) / sizeof(named[0]); k++)
		if (named[k] != NULL)
			gz_check_inputs((char **)&named[k], 1);
	if (access(o->base, X_OK) != 0)
		die(2, "option '--base': '%s':", o->base);
}

int
main(int argc, char *argv[])
{
	struct review_opts o = { 0 };
	struct run r = { 0 };
	struct labels *lab;
	struct gaz *g;
	struct buf page = { 0 };
	struct gz_out *out;
	int i;

	diag_init(argv[0]);
	i = parse_opts(argc, argv, &o);
	argc -= i;
	argv += i;
	check_inputs(&o, argv, argc);
	lab = labels_load(o.labels);
	read_run(&r, &o, argv, argc);
	g = gaz_load(o.gazetteer);
	find_missing(&r, g);
	write_page(&page, &r, lab, &o);
	out = gz_open_out(STDOUT_FILENO, 0);
	gz_write(out, page.p, page.n);
	gz_out_finish(out);
	buf_free(&page);
	gaz_free(g);
	free_run(&r);
	labels_free(lab);
	return 0;
}
