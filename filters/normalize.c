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
 */
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "dec.h"
#include "diag.h"
#include "facts.h"
#include "gaz.h"
#include "gz.h"
#include "lex.h"
#include "manifest.h"
#include "period.h"
#include "reporter.h"
#include "utf8.h"
#include "vnum.h"
#include "words.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-normalize [-z] [--bom] [--quiet] [--docs [--resends latest|both|error] [--body LIST] [--safe-copy FILE] [--brief] [--province-to FILE]] [--province CODE] [--scope reporter|all|LIST] [--rules FILE] [--corrections FILE [--share]] [--gazetteer FILE] [--stats] [--stats-csv FILE] [FILE ...]"

enum { C_DOC, C_ISSUER, C_DOC_DATE, C_PERIOD_TEXT, C_LINE, C_SECTION,
	C_SOURCE, C_ROW, C_COL, C_BEFORE, C_RAW, C_UNIT_TEXT, C_AFTER, NREQ };

static const char *const required[NREQ] = { "doc", "issuer", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after" };

/* Columns extract writes that normalize consumes (not passed through). */
static const char *const consumed[] = { "doc", "issuer", "doc_no", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after", "places", "path", "reader",
	"heading", NULL };

/* Of those, the context --scope all keeps, for review and baocao-check. */
static const char *const context[] = { "section", "source", "row_label",
	"col_label", "before", "unit_text", "after", "heading", NULL };

static int
in_names(const char *const *names, struct span s)
{
	for (; *names != NULL; names++)
		if (span_eq(s, *names))
			return 1;
	return 0;
}

enum { O_DOC, O_CODE, O_NAME, O_PROV, O_PERIOD, O_IND, O_VALUE, O_UNIT,
	O_SCOPE, O_QUAL, O_LINE, O_RAW, O_EVID, O_FLAGS, O_READING, NOUT };

static const char *const outcols[NOUT] = { "doc", "reporter_code",
	"reporter_name", "province_code", "period", "indicator", "value", "unit",
	"scope", "qualifier", "line", "raw", "evidence", "flags", "reading" };

struct opts {
	int gzip, stats, all, bom, docs, resends_given, body_given, share;
	unsigned scopes;	/* --scope LIST: 1u << SCOPE_x */
	const char *rules, *gazetteer, *bad_rows, *corrections, *files0_to,
	    *safe_copy, *stats_csv, *province_to;
	int brief, quiet;
	struct manifest_opts m;	/* --province, --resends */
};

struct docstate {
	char *doc, *path;
	char *code, *name, *province, *period;
	struct facts facts;
};

struct state {
	const struct opts *o;
	struct lex *lex;
	struct gaz *gaz;
	struct corr *corr;
	struct csvin *in;
	struct csvout *out;
	long idx[NREQ], places, path, reader, heading;
	long *pass;
	size_t npass;
	struct docstate d;
	struct buf tmp, line;
	unsigned long long rows, written, no_indicator, not_reporter, duplicate,
	    bad_value, conflicts, corrected, unapplied;
};

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

static struct span
field(const struct state *st, int c)
{
	return csvin_field(st->in, (size_t)st->idx[c]);
}

static void
fold_into(struct buf *b, struct span s)
{
	buf_clear(b);
	u8_fold(b, s.p, s.n);
	if (b->p == NULL)
		buf_adds(b, "");
}

static void
start_doc(struct state *st)
{
	struct docstate *d = &st->d;
	struct span per = field(st, C_PERIOD_TEXT);
	struct span places = { "", 0 };
	struct reporter_query q;
	struct reporter r;
	char p[32], day[11];

	d->doc = xmemdup(field(st, C_DOC).p, field(st, C_DOC).n);
	fold_into(&st->tmp, per);
	if (period_of_report(st->tmp.p, reporter_doc_date(field(st, C_DOC_DATE),
	    day) == 0 ? day : NULL, p, sizeof(p)) == 0)
		d->period = xstrdup(p);
	else if (per.n > 0)
		warn("%s: period '%.*s%s' not understood: period left empty",
		    d->doc, DIAG_QUOTE(per.p, per.n));
	if (st->places >= 0)
		places = csvin_field(st->in, (size_t)st->places);
	q.issuer = field(st, C_ISSUER);
	q.date = field(st, C_DOC_DATE);
	q.places = places;
	q.period = d->period;
	q.province = st->o->m.province;
	reporter_resolve(st->gaz, &q, &r);
	if (r.status == REPORTER_OK) {
		d->code = xstrdup(r.unit->code);
		d->name = xstrdup(r.unit->full_name);
		d->province = xstrdup(r.unit->province);
	} else {
		warn("%s: %s: reporter left empty", d->doc, r.reason);
	}
	reporter_clear(&r);
}


/* Pass-through columns of one mention, kept with its fact. */
static char **
pass_values(struct state *st)
{
	char **v;
	size_t k;

	if (st->npass == 0)
		return NULL;
	v = xcalloc(st->npass, sizeof(*v));
	for (k = 0; k < st->npass; k++) {
		struct span s = csvin_field(st->in, (size_t)st->pass[k]);

		v[k] = xmemdup(s.p, s.n);
	}
	return v;
}

static void
free_pass(struct state *st, char **v)
{
	size_t k;

	if (v == NULL)
		return;
	for (k = 0; k < st->npass; k++)
		free(v[k]);
	free(v);
}

/* Evidence: which rule, and the words around the figure. */
/*
 * The quote: the clause around the figure in whole words, the figure in
 * brackets (a table cell: its row and column).  A correction says which
 * file and line made it.
 */
#define QUOTE_BEFORE 90		/* bytes of the clause before, at most */
#define QUOTE_AFTER 50		/* ... and after */

static void
evidence(const struct fact *f, struct buf *ev)
{
	buf_clear(ev);
	if (f->corr_file != NULL)
		buf_printf(ev, "corrected by %s:%zu: ", f->corr_file, f->corr_line);
	if (f->table) {
		buf_adds(ev, f->row);
		buf_adds(ev, " | ");
		buf_adds(ev, f->col);
	} else {
		size_t bn = strlen(f->before), an = strlen(f->after), b = 0, a;

		/* Whole words: the cut falls after a blank. */
		if (bn > QUOTE_BEFORE) {
			b = bn - QUOTE_BEFORE;
			while (b < bn && f->before[b] != ' ')
				b++;
			buf_adds(ev, "…");
		}
		buf_adds(ev, f->before + b);
		buf_addc(ev, '[');
		buf_adds(ev, f->raw);
		buf_adds(ev, "] ");
		buf_adds(ev, f->unit);
		a = an;
		if (an > QUOTE_AFTER) {
			a = u8_cut(f->after, an, QUOTE_AFTER);
			while (a > 0 && f->after[a] != ' ')
				a--;
		}
		buf_add(ev, f->after, a);
		if (a < an)
			buf_adds(ev, "…");
	}
	if (ev->p == NULL)
		buf_adds(ev, "");
}

static void
write_fact(struct state *st, const struct fact *f, enum fact_scope scope)
{
	struct docstate *d = &st->d;
	struct csvout *o = st->out;
	char **pass = f->user;
	size_t k;

	csvout_str(o, d->doc);
	csvout_str(o, d->code == NULL ? "" : d->code);
	csvout_str(o, d->name == NULL ? "" : d->name);
	csvout_str(o, d->province == NULL ? "" : d->province);
	csvout_str(o, d->period == NULL ? "" : d->period);
	csvout_str(o, f->ind < 0 ? "" : st->lex->ind[f->ind].id);
	buf_clear(&st->tmp);
	dec_format(&f->value, &st->tmp);
	csvout_field(o, st->tmp.p, st->tmp.n);
	csvout_str(o, f->unit_out);
	csvout_str(o, fact_scope_name[scope]);
	csvout_str(o, fact_qual_name[f->qual]);
	csvout_ulong(o, f->line);
	csvout_str(o, f->raw);
	evidence(f, &st->line);
	csvout_field(o, st->line.p, st->line.n);
	buf_clear(&st->tmp);
	facts_flags(f->flags, &st->tmp);
	csvout_field(o, st->tmp.p, st->tmp.n);
	buf_clear(&st->tmp);
	facts_reading(st->lex, f, &st->tmp);
	csvout_field(o, st->tmp.p, st->tmp.n);
	if (st->o->all) {
		csvout_str(o, f->chosen ? "1" : "0");
		csvout_str(o, fact_time_name[f->time]);
		csvout_str(o, f->whole ? "whole" : f->own ? "own" :
		    f->scope == SCOPE_SUB && f->lower ? "lower" : "");
		csvout_str(o, f->actor ? "1" : "0");
	}
	for (k = 0; k < st->npass; k++)
		csvout_str(o, pass[k]);
	csvout_end(o);
	st->written++;
}

/* The stderr word on a chosen figure whose indicator has other values. */
static void
report_conflict(struct state *st, const struct fact *f)
{
	const struct fact *o = &st->d.facts.f[f->conflict_with];
	struct buf a = { 0 }, b = { 0 };

	st->conflicts++;
	if (st->o->quiet)
		return;
	dec_format(&f->value, &a);
	dec_format(&o->value, &b);
	warn_at(st->d.path, f->line, "indicator %s: kept %s (%s); line %zu "
	    "says %s", st->lex->ind[f->ind].id, a.p,
	    diag_text(f->corr_file != NULL ? N_("corrected") : f->total ?
	    N_("stated as the total") : f->scope == SCOPE_TABLE_TOTAL ?
	    N_("appendix total") : N_("first mention")), o->line, b.p);
	buf_free(&a);
	buf_free(&b);
}

/* Is f written, and with which scope? -1: dropped (counted). */
static int
output_scope(struct state *st, const struct fact *f)
{
	if (st->o->all)
		return (int)f->scope;
	if (st->o->scopes != 0) {
		if (f->ind >= 0 && (st->o->scopes >> f->scope & 1))
			return (int)f->scope;
		st->not_reporter++;
		return -1;
	}
	if (f->chosen)
		return SCOPE_REPORTER;
	if (f->ind < 0)
		st->no_indicator++;
	else if (f->scope == SCOPE_REPORTER)
		st->duplicate++;
	else
		st->not_reporter++;
	return -1;
}

/* Reads and writes a finished document. */
static void
end_doc(struct state *st)
{
	struct docstate *d = &st->d;
	size_t i;

	d->facts.period = d->period;
	facts_read(&d->facts);
	if (st->corr != NULL)
		st->corrected += corr_apply(st->corr, st->lex, d->doc, d->path,
		    &d->facts);
	facts_choose(&d->facts);
	for (i = 0; i < d->facts.n; i++) {
		const struct fact *f = &d->facts.f[i];
		int scope = output_scope(st, f);

		if (f->chosen && f->conflict_with >= 0)
			report_conflict(st, f);
		if (scope >= 0)
			write_fact(st, f, (enum fact_scope)scope);
	}
	/* A copy (a zero line's) shares its mention's passed columns. */
	for (i = 0; i < d->facts.n; i++)
		if (d->facts.f[i].zero == NULL)
			free_pass(st, d->facts.f[i].user);
	facts_clear(&d->facts);
	free(d->doc);
	free(d->path);
	free(d->code);
	free(d->name);
	free(d->province);
	free(d->period);
	d->doc = d->path = d->code = d->name = d->province = d->period = NULL;
}

static char *
field_dup(const struct state *st, int c)
{
	struct span s = field(st, c);

	return xmemdup(s.p, s.n);
}

static void
one_row(struct state *st)
{
	struct docstate *d = &st->d;
	struct span raw = field(st, C_RAW);
	struct fact *f;
	struct vnum v;
	int e;

	st->rows++;
	if (d->doc == NULL || !span_eq(field(st, C_DOC), d->doc)) {
		if (d->doc != NULL)
			end_doc(st);
		start_doc(st);
		d->path = st->path >= 0 ? xmemdup(csvin_field(st->in,
		    (size_t)st->path).p, csvin_field(st->in, (size_t)st->path).n) :
		    xstrdup(d->doc);
		if (d->path[0] == '\0') {
			free(d->path);
			d->path = xstrdup(d->doc);
		}
		d->facts.ward_reporter = d->code != NULL ? strlen(d->code) == 5 :
		    words_ward_issuer(field(st, C_ISSUER).p, field(st, C_ISSUER).n,
		    &st->tmp);
	}
	e = vnum_parse(&v, raw.p, raw.n);
	if (e != 0) {
		if (!st->o->quiet)
			warn_at(csvin_name(st->in), csvin_line(st->in),
			    "raw '%.*s' is not a figure (%s): dropped",
			    (int)(raw.n > 40 ? u8_cut(raw.p, raw.n, 40) : raw.n),
			    raw.p, diag_text(dec_strerror(e)));
		st->bad_value++;
		return;
	}
	f = facts_add(&d->facts);
	f->v = v;
	f->csvline = csvin_line(st->in);
	f->line = strtoul(field(st, C_LINE).p, NULL, 10);
	f->table = span_eq(field(st, C_SOURCE), "table");
	f->ocr = st->reader >= 0 && span_eq(csvin_field(st->in,
	    (size_t)st->reader), "ocr");
	f->section = field_dup(st, C_SECTION);
	f->heading = st->heading < 0 ? xstrdup("") : xmemdup(csvin_field(st->in,
	    (size_t)st->heading).p, csvin_field(st->in, (size_t)st->heading).n);
	f->row = field_dup(st, C_ROW);
	f->col = field_dup(st, C_COL);
	f->before = field_dup(st, C_BEFORE);
	f->raw = field_dup(st, C_RAW);
	f->unit = field_dup(st, C_UNIT_TEXT);
	f->after = field_dup(st, C_AFTER);
	f->user = pass_values(st);
}

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

static void
open_columns(struct state *st)
{
	size_t k, j;

	csvin_require(st->in, required, st->idx, NREQ);
	st->places = csvin_col(st->in, "places");
	st->path = csvin_col(st->in, "path");
	st->reader = csvin_col(st->in, "reader");
	st->heading = csvin_col(st->in, "heading");
	st->pass = xcalloc(csvin_ncols(st->in) + 1, sizeof(*st->pass));
	for (k = 0; k < csvin_ncols(st->in); k++) {
		struct span s = csvin_colname(st->in, k);

		if (in_names(consumed, s) && !(st->o->all && in_names(context, s)))
			continue;
		for (j = 0; j < NOUT; j++)
			if (span_eq(s, outcols[j]) || span_eq(s, "chosen") ||
			    span_eq(s, "time") || span_eq(s, "tier") ||
			    span_eq(s, "official"))
				die(2, "input column '%s' would clash with an output "
				    "column", outcols[j]);
		st->pass[st->npass++] = (long)k;
	}
}

static void
print_stats(const struct state *st)
{
	cli_stat("rows read", st->rows);
	cli_stat("rows written", st->written);
	cli_stat("dropped, no indicator", st->no_indicator);
	cli_stat("dropped, scope not reporter", st->not_reporter);
	cli_stat("dropped, indicator already given", st->duplicate);
	cli_stat("dropped, raw not a figure", st->bad_value);
	cli_stat("rows quarantined", csvin_bad_count(st->in));
	cli_stat("conflicting values reported", st->conflicts);
	cli_stat("corrections applied", st->corrected);
	if (st->corr != NULL)
		cli_stat("corrections not applied", st->unapplied);
}

/*
 * --stats-csv: counts for a program to read, one row each (stat,count), in
 * a file opened before any output (fd) and written at the end.
 */
struct count {
	const char *stat;
	unsigned long long n;
};

static int
open_stats_csv(const char *path)
{
	int fd;

	if (path == NULL)
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1)
		die(2, "cannot write '%s':", path);
	return fd;
}

static void
write_stats_csv(int fd, const char *path, const struct count *c, size_t n)
{
	struct csvout *o;
	size_t i;

	if (fd < 0)
		return;
	o = csvout_open(fd, 0);
	csvout_str(o, "stat");
	csvout_str(o, "count");
	csvout_end(o);
	for (i = 0; i < n; i++) {
		csvout_str(o, c[i].stat);
		csvout_ulong(o, c[i].n);
		csvout_end(o);
	}
	csvout_close(o);
	if (close(fd) == -1)
		die(2, "cannot write '%s':", path);
}

static void
stats_csv(const struct state *st, int fd)
{
	const struct count c[] = {
		{ "rows_read", st->rows },
		{ "rows_written", st->written },
		{ "dropped_no_indicator", st->no_indicator },
		{ "dropped_not_reporter", st->not_reporter },
		{ "dropped_indicator_given", st->duplicate },
		{ "dropped_not_a_figure", st->bad_value },
		{ "rows_quarantined", csvin_bad_count(st->in) },
		{ "conflicts", st->conflicts },
		{ "corrections_applied", st->corrected },
		{ "corrections_not_applied", st->unapplied },
	};

	write_stats_csv(fd, st->o->stats_csv, c, sizeof(c) / sizeof(c[0]));
}

/* The gazetteer, and --province checked against it. */
static struct gaz *
load_gazetteer(const struct opts *o)
{
	struct gaz *g = gaz_load(o->gazetteer);

	if (o->m.province != NULL && !gaz_is_province(g, o->m.province))
		die(2, "option '--province': '%s' is not a province code (such as "
		    "79 for Ho Chi Minh City)", o->m.province);
	return g;
}

/* --docs: the manifest of the run (see common/manifest.h). */
static int
docs_main(const struct opts *o, char **argv, int argc)
{
	struct manifest_opts m = o->m;
	struct gaz *g = load_gazetteer(o);
	struct lex *lex = NULL;
	struct csvin *in;
	struct csvout *out;
	int cfd = -1, sfd = open_stats_csv(o->stats_csv);
	struct count c[3] = { { "reports_left_out", 0 },
	    { "corrections_not_applied", 0 }, { "files", 0 } };
	size_t files;

	m.summary = o->stats;
	m.brief = o->brief;
	if (o->corrections != NULL) {
		lex = lex_load(o->rules);
		m.corr = corr_load(o->corrections, lex);
	}
	if (o->files0_to != NULL &&
	    (m.kept = fopen(o->files0_to, "w")) == NULL)
		die(2, "%s:", o->files0_to);
	if (o->province_to != NULL &&
	    (m.province_to = fopen(o->province_to, "w")) == NULL)
		die(2, "%s:", o->province_to);
	if (o->safe_copy != NULL) {
		if ((cfd = open(o->safe_copy, O_WRONLY | O_CREAT | O_TRUNC,
		    0666)) == -1)
			die(2, "cannot write '%s':", o->safe_copy);
		m.copy = csvout_open(cfd, 0);
		csvout_safe(m.copy);
	}
	in = csvin_open(argv, argc);
	out = csvout_open(STDOUT_FILENO, o->gzip);
	if (o->bom)
		csvout_bom(out);
	c[0].n = manifest_run(in, out, g, &m, &files);
	c[2].n = files;
	csvout_close(out);
	if (m.copy != NULL) {
		csvout_close(m.copy);
		if (close(cfd) == -1)
			die(2, "cannot write '%s':", o->safe_copy);
	}
	csvin_close(in);
	if (m.corr != NULL)
		c[1].n = corr_warn_run(m.corr);
	write_stats_csv(sfd, o->stats_csv, c, 3);
	corr_free(m.corr);
	lex_free(lex);
	gaz_free(g);
	if (m.kept != NULL && fclose(m.kept) == EOF)
		die(2, "%s:", o->files0_to);
	if (m.province_to != NULL && fclose(m.province_to) == EOF)
		die(2, "%s:", o->province_to);
	return 0;
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

/* The output's header: the facts' columns, chosen, the passed ones. */
static void
write_header(struct state *st)
{
	size_t k;

	if (st->o->bom)
		csvout_bom(st->out);
	for (k = 0; k < NOUT; k++)
		csvout_str(st->out, outcols[k]);
	/* --scope all says which mention is the document's figure, and the
	 * time, tier and official its clause names (check compares like
	 * with like by them). */
	if (st->o->all) {
		csvout_str(st->out, "chosen");
		csvout_str(st->out, "time");
		csvout_str(st->out, "tier");
		csvout_str(st->out, "official");
	}
	for (k = 0; k < st->npass; k++)
		csvout_span(st->out, csvin_colname(st->in, (size_t)st->pass[k]));
	csvout_end(st->out);
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
		return docs_main(&o, argv, argc);
	bad = cli_open_bad_rows(o.bad_rows);
	sfd = open_stats_csv(o.stats_csv);
	st.o = &o;
	st.lex = lex_load(o.rules);
	st.gaz = load_gazetteer(&o);
	if (o.corrections != NULL)
		st.corr = corr_load(o.corrections, st.lex);
	st.d.facts.lex = st.lex;
	st.in = csvin_open(argv, argc);
	csvin_set_bad_rows(st.in, bad);
	open_columns(&st);
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	write_header(&st);
	while (csvin_next(st.in))
		one_row(&st);
	if (st.d.doc != NULL)
		end_doc(&st);
	csvout_close(st.out);
	cli_close_bad_rows(bad, o.bad_rows);
	if (st.corr != NULL)
		st.unapplied = corr_warn_unapplied(st.corr, o.share);
	if (o.stats)
		print_stats(&st);
	stats_csv(&st, sfd);
	free_state(&st);
	return 0;
}
