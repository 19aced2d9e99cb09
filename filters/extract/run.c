/*
 * baocao-extract: every figure in a report, with its context.
 *
 * Input: reports, one document per file ("-" or no file: stdin is one
 * document); ".gz" is read as is.  Each is read into the document model
 * (extract.h) and scanned.  Output: one CSV row per figure mention,
 * nothing interpreted:
 *
 *	doc,issuer,doc_no,doc_date,period_text,line,section,source,
 *	row_label,col_label,before,raw,unit_text,after,places,path,reader
 *
 * places (an addition to the contract) lists the "type Name" mentions of
 * administrative units in the document, so that normalize can settle an
 * ambiguous issuer from other names in the same document.  reader says
 * how the document was read (text, docx, doc, pdf, ocr): normalize flags
 * the figures read by OCR.
 *
 * An input that cannot be read (a scan without --ocr, a workbook, a
 * broken archive) is named on stderr and left out; the others are read.
 *
 * What is not a figure (document identifiers, dates, years of periods and
 * terms, heading and STT numbers, footnote markers, phone numbers, e-mail
 * addresses, names that are numbers) is recognised by the rules in
 * skip_reason() and never printed.  Documents are read one at a time.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "csvout.h"
#include "diag.h"
#include "extract.h"
#include "gz.h"
#include "words.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-extract [-z] [--ocr] [--docs] [--root DIR] [--limit-seconds N] [--stats] [--progress] [--files0-from LIST | FILE ...]"

static const char *const columns[] = { "doc", "issuer", "doc_no", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after", "places", "path", "reader",
	"heading" };

/* Exit status when some inputs were left out and others read. */
#define EXIT_PARTIAL 3
/* The time one document may take by default (--limit-seconds). */
#define LIMIT_SECONDS 600

struct opts {
	int gzip, stats, progress, bom, docs;
	const char *root;	/* documents are named under it */
	struct readopts read;
};

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Finds every figure in reports (text, .docx, .doc, .pdf; the format is\n"
"told by content) and writes one CSV row per mention with its context\n"
"(see baocao-extract(1) for the columns).\n"
"\n"
"  -z, --gzip      write gzip\n"
"      --bom       start with a UTF-8 byte-order mark\n"
"      --ocr       read scanned PDFs and images through OCR (tesseract);\n"
"                  their rows say reader 'ocr'\n"
"      --docs      one row per document instead (its header, path,\n"
"                  SHA-256 and figure count), even when it has no figure\n"
"                  or cannot be read\n"
"      --root DIR  name each document by its path under DIR (default:\n"
"                  the inputs' common directory), without extension\n"
"      --limit-seconds N  time one document may take, converters and OCR\n"
"                  included (default 600; 0: no limit); past it the\n"
"                  document is left out, named\n"
"      --stats     print counts of documents, lines and figures on stderr\n"
"      --progress  show reports done / total on stderr\n"
"      --files0-from LIST  read the NUL-separated file names in LIST\n"
"                  (\"-\": stdin) instead of operands\n"
"  -h, --help      this help\n"
"  -V, --version   version\n"
"\n"
"An input that cannot be read (invalid UTF-8, a NUL byte, a scan without\n"
"--ocr, a workbook, a broken or hostile archive, over 64 MiB or 4194304\n"
"paragraphs, rows and cells) is named on stderr and left out.\n"
"\n"
"Exit status: 0 every input read; 3 some inputs left out, the rows of the\n"
"others written; 2 trouble (usage, a missing file, a write error, a\n"
"corrupt gzip stream, or no input could be read).\n";

enum { OPT_STATS = CHAR_MAX + 1, OPT_PROGRESS, OPT_FILES0, OPT_BOM, OPT_DOCS,
	OPT_ROOT, OPT_OCR, OPT_LIMIT };

static const struct option longopts[] = {
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "docs", no_argument, NULL, OPT_DOCS },
	{ "files0-from", required_argument, NULL, OPT_FILES0 },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "limit-seconds", required_argument, NULL, OPT_LIMIT },
	{ "ocr", no_argument, NULL, OPT_OCR },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* The words of the headings above the paragraph, outermost first,
 * separated by " / ". */
static void
headings(const struct scan *st, struct buf *out)
{
	int k;

	buf_clear(out);
	for (k = 0; k < 3; k++) {
		if (st->headings[k][0] == '\0')
			continue;
		if (out->n > 0)
			buf_adds(out, " / ");
		buf_adds(out, st->headings[k]);
	}
}

void
emit(struct scan *st, const struct mention *m)
{
	struct csvout *o = st->out;
	const struct header *h = &st->hdr;
	char num[32];

	/* A named, counted drop past the document's limit. */
	if (st->doc_figures >= DOC_MAXFIGURES) {
		if (st->doc_drops.figures++ == 0)
			warn_at(st->doc->file, m->line, "more than %d figures in "
			    "one document: the ones from here on are dropped",
			    DOC_MAXFIGURES);
		return;
	}
	st->doc_figures++;
	st->figures++;
	st->doc_drops.context += m->ctx_cut != 0;
	if (st->count_only)
		return;
	csvout_str(o, st->doc->name);
	csvout_str(o, h->issuer);
	csvout_str(o, h->doc_no);
	csvout_str(o, h->doc_date);
	csvout_str(o, h->period_text);
	snprintf(num, sizeof(num), "%zu", m->line);
	csvout_str(o, num);
	csvout_str(o, st->section);
	csvout_str(o, m->source);
	csvout_str(o, m->row);
	csvout_str(o, m->col);
	csvout_span(o, m->before);
	csvout_span(o, m->raw);
	csvout_span(o, m->unit);
	csvout_span(o, m->after);
	csvout_field(o, h->places.p == NULL ? "" : h->places.p, h->places.n);
	csvout_str(o, st->doc->path);
	csvout_str(o, st->doc->reader);
	headings(st, &st->tmp_heading);
	csvout_field(o, st->tmp_heading.p == NULL ? "" : st->tmp_heading.p,
	    st->tmp_heading.n);
	csvout_end(o);
}

void
drops_text(const struct drops *dr, struct buf *b)
{
	static const char *const names[] = { "cells", "rows", "figures",
		"context" };
	const unsigned long long v[] = { dr->cells, dr->rows, dr->figures,
		dr->context };
	const char *sep = "";
	size_t k;

	for (k = 0; k < sizeof(v) / sizeof(v[0]); k++)
		if (v[k] > 0) {
			buf_printf(b, "%s%s:%llu", sep, names[k], v[k]);
			sep = ";";
		}
}

/* The header, then the body block by block: tables to the table scanner,
 * paragraphs (headings set the section) to the figure scanner.  The
 * document's drops start from its reader's and go to the run's. */
void
scan_doc(struct scan *st)
{
	const struct doc *d = st->doc;
	struct drops *dd = &st->doc_drops, *rd = &st->run_drops;
	size_t b, k;

	memset(dd, 0, sizeof(*dd));
	dd->cells = d->cells_dropped;
	dd->rows = d->rows_dropped;
	st->doc_figures = 0;
	header_read(st);
	st->section[0] = '\0';
	st->headings[0][0] = st->headings[1][0] = st->headings[2][0] = '\0';
	st->appendix_title = 0;
	for (b = 0; b < d->nblocks; b++) {
		const struct para *p = &d->blocks[b].u.para;
		struct pos at = { b, 0 };
		size_t from;

		if (d->blocks[b].kind == BLOCK_TABLE) {
			st->appendix_title = 0;
			scan_table(st, b);
			continue;
		}
		if ((from = heading(st, p->text, p->len)) > 0)
			st->appendix_title = 0;
		else
			appendix_line(st, p->text, p->len);
		/* Header lines before the body carry no figures worth having. */
		if ((k = doc_number_label(p->text, p->len)) > 0 &&
		    memchr(p->text, ':', p->len < k + 5 ? p->len : k + 5) != NULL)
			continue;
		for (k = from; k < p->len && p->text[k] == ' '; k++)
			;
		scan_text(st, at, p->text, p->len, k, "text", "", "");
	}
	rd->cells += dd->cells;
	rd->rows += dd->rows;
	rd->figures += dd->figures;
	rd->context += dd->context;
}

/* The NUL-separated list of file names in path ("-": stdin). */
static char **
read_files0(const char *path, int *n)
{
	struct gz_in *in = gz_open_in(path);
	struct buf all = { 0 };
	char tmp[1 << 16], **v = NULL;
	size_t got, i, start = 0;
	int k = 0;

	while ((got = gz_read(in, tmp, sizeof(tmp))) > 0)
		buf_add(&all, tmp, got);
	gz_close_in(in);
	for (i = 0; i < all.n; i++) {
		if (all.p[i] != '\0' && i + 1 < all.n)
			continue;
		if (all.p[i] != '\0')
			i++;
		if (i > start) {
			v = xreallocarray(v, (size_t)k + 1, sizeof(*v));
			v[k++] = xmemdup(all.p + start, i - start);
		}
		start = i + 1;
	}
	buf_free(&all);
	if (k == 0)
		die(2, "%s: no file names", path);
	*n = k;
	return v;
}

/* Parses the options; returns the index of the first operand. */
static int
parse_opts(int argc, char *argv[], struct opts *o, const char **files0)
{
	int c;

	o->read.limit_seconds = LIMIT_SECONDS;
	while ((c = getopt_long(argc, argv, "Vhz", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'z':
			o->gzip = 1;
			break;
		case OPT_BOM:
			o->bom = 1;
			break;
		case OPT_DOCS:
			o->docs = 1;
			break;
		case OPT_FILES0:
			*files0 = optarg;
			break;
		case OPT_LIMIT:
			o->read.limit_seconds = (int)cli_num("--limit-seconds",
			    optarg, 0, 86400);
			break;
		case OPT_ROOT:
			o->root = optarg;
			break;
		case OPT_OCR:
			o->read.ocr = 1;
			break;
		case OPT_PROGRESS:
			o->progress = 1;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	o->read.stamps = stamps_load(NULL);
	return optind;
}

static void
add_repairs(struct repairs *to, const struct repairs *r)
{
	to->invisible += r->invisible;
	to->markup += r->markup;
	to->pages += r->pages;
	to->notes += r->notes;
	to->glued += r->glued;
	to->spaced += r->spaced;
	to->digits += r->digits;
}

/* Reads and scans each input in turn, writing its rows; returns the
 * number of inputs left out. */
static int
run(struct scan *st, const struct opts *o, char **paths, char **names, int n,
    unsigned long long *lines)
{
	struct doc d = { 0 };
	size_t k;
	int i, bad = 0;

	for (k = 0; k < sizeof(columns) / sizeof(columns[0]); k++)
		csvout_str(st->out, columns[k]);
	csvout_end(st->out);
	for (i = 0; i < n; i++) {
		if (read_doc(&d, paths[i], &o->read) != 0) {
			bad++;
			doc_free(&d);
			continue;
		}
		d.name = names[i];
		*lines += d.lines_read;
		add_repairs(&st->repairs, &d.repairs);
		st->doc = &d;
		scan_doc(st);
		header_clear(&st->hdr);
		st->doc = NULL;
		doc_free(&d);
		if (o->progress) {
			fputc('\r', stderr);
			fprintf(stderr, diag_text("%s: %d/%d reports"),
			    diag_prog(), i + 1, n);
		}
	}
	if (o->progress)
		fputc('\n', stderr);
	return bad;
}

int
extract_main(int argc, char *argv[])
{
	static char *stdin_path[] = { "-" };
	struct opts o = { 0 };
	struct scan st = { 0 };
	unsigned long long lines = 0;
	char **paths, **names;
	const char *files0 = NULL;
	unsigned long long unread = 0;
	int i, n, bad = 0;

	diag_init(argv[0]);
	i = parse_opts(argc, argv, &o, &files0);
	spawn_signals();
	argc -= i;
	argv += i;
	paths = argc > 0 ? argv : stdin_path;
	n = argc > 0 ? argc : 1;
	if (files0 != NULL) {
		if (argc > 0)
			die(2, "file operands cannot be combined with --files0-from");
		paths = read_files0(files0, &n);
	}
	names = doc_names(paths, n, o.root, o.docs);
	if (!o.docs)
		gz_check_inputs(paths, n);
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	if (o.bom)
		csvout_bom(st.out);
	if (o.docs)
		unread = docs_run(&st, paths, names, n, &o.read, o.progress);
	else
		bad = run(&st, &o, paths, names, n, &lines);
	csvout_close(st.out);
	stamps_free(o.read.stamps);
	buf_free(&st.hdr.places);
	buf_free(&st.tmp_heading);
	u8_folded_free(&st.line);
	u8_folded_free(&st.wrap);
	buf_free(&st.tmp_fold);
	before_free(&st.before);
	cli_free_split(names, (size_t)n);
	if (files0 != NULL)
		cli_free_split(paths, (size_t)n);
	if (o.stats && o.docs) {
		cli_stat("documents read", (unsigned long long)n - unread);
		cli_stat("documents that could not be read", unread);
	} else if (o.stats) {
		cli_stat("documents read", (unsigned long long)(n - bad));
		cli_stat("documents left out", (unsigned long long)bad);
		cli_stat("lines read", lines);
		cli_stat("figures written", st.figures);
		cli_stat("numbers skipped as not figures", st.skipped);
		cli_stat("table cells dropped past the row limit",
		    st.run_drops.cells);
		cli_stat("table rows dropped past the table limit",
		    st.run_drops.rows);
		cli_stat("figures dropped past the document limit",
		    st.run_drops.figures);
		cli_stat("figures whose context was cut at 200 bytes",
		    st.run_drops.context);
		cli_stat("invisible characters removed", st.repairs.invisible);
		cli_stat("markup marks removed", st.repairs.markup);
		cli_stat("page numbers removed", st.repairs.pages);
		cli_stat("footnotes taken out of the text", st.repairs.notes);
		cli_stat("glued words cut into syllables", st.repairs.glued);
		cli_stat("letter-spaced runs joined", st.repairs.spaced);
		cli_stat("numbers set apart from words", st.repairs.digits);
	}
	return bad == 0 ? 0 : bad < n ? EXIT_PARTIAL : 2;
}
