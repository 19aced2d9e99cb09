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
#include <sys/stat.h>

#include <getopt.h>
#include <limits.h>
#include <setjmp.h>
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

#define SYNOPSIS "baocao-extract [-z] [--ocr] [--docs] [--quiet] [--root DIR] [--limit-seconds N] [--stats] [--progress] [--walk [--recurse-all | --no-recurse] [--exclude FILE]...] [--files0-from LIST | FILE ...]"

static const char *const columns[] = { "doc", "issuer", "doc_no", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after", "places", "path", "reader",
	"heading" };

/* Exit status when some inputs were left out and others read. */
#define EXIT_PARTIAL 3
/* The time one document may take by default (--limit-seconds). */
#define LIMIT_SECONDS 600

struct opts {
	int gzip, stats, progress, bom, docs, walk, quiet;
	const char *root;	/* documents are named under it */
	struct readopts read;
	struct walkopts w;	/* --walk */
};

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Finds every figure in reports (text, .docx, .doc, .pdf; the format is\n"
"told by content; each file of an archive: .zip, .7z, .rar, .tar) and\n"
"writes one CSV row per mention with its context (see baocao-extract(1)\n"
"for the columns).  A file inside an archive is named by the archive's\n"
"path, '/' and its path in it: reports/q4.zip/Q1.docx.\n"
"\n"
"  -z, --gzip      write gzip\n"
"      --bom       start with a UTF-8 byte-order mark\n"
"      --ocr       read scanned PDFs and images through OCR (tesseract);\n"
"                  their rows say reader 'ocr'\n"
"      --docs      one row per document instead (its header, path,\n"
"                  SHA-256 and figure count), even when it has no figure\n"
"                  or cannot be read, and what a file that is no report\n"
"                  is (kind: archive, empty, lock-file, spreadsheet, ...)\n"
"      --root DIR  name each document by its path under DIR (default:\n"
"                  the inputs' common directory), without extension\n"
"      --limit-seconds N  time one document may take, converters and OCR\n"
"                  included (default 600; 0: no limit); past it the\n"
"                  document is left out, named\n"
"      --stats     print counts of documents, lines and figures on stderr\n"
"      --progress  show reports done / total on stderr\n"
"      --quiet     say nothing of a document read (what would be said is\n"
"                  in the --docs notes column): only of one left out\n"
"      --files0-from LIST  read the NUL-separated file names in LIST\n"
"                  (\"-\": stdin) instead of operands\n"
"      --walk      write the files under each PATH instead, sorted and\n"
"                  NUL-ended (for --files0-from): every file; a subfolder\n"
"                  of old reports (its name says so: words.rules) or a\n"
"                  hidden one is left out, listed as its path and '/'\n"
"      --recurse-all  --walk: read every subfolder\n"
"      --no-recurse  --walk: read no subfolder (each is listed)\n"
"      --exclude FILE  --walk: never list FILE (an output of the run)\n"
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
	OPT_ROOT, OPT_OCR, OPT_LIMIT, OPT_WALK, OPT_RECURSE_ALL, OPT_NO_RECURSE,
	OPT_EXCLUDE, OPT_QUIET };

static const struct option longopts[] = {
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "docs", no_argument, NULL, OPT_DOCS },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "files0-from", required_argument, NULL, OPT_FILES0 },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "limit-seconds", required_argument, NULL, OPT_LIMIT },
	{ "no-recurse", no_argument, NULL, OPT_NO_RECURSE },
	{ "ocr", no_argument, NULL, OPT_OCR },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "recurse-all", no_argument, NULL, OPT_RECURSE_ALL },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "version", no_argument, NULL, 'V' },
	{ "walk", no_argument, NULL, OPT_WALK },
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

static int walked_folder(const char *);

/* A hash of a figure as written, blanks left out (FNV-1a, 64 bits). */
static unsigned long long
raw_hash(struct span raw)
{
	unsigned long long h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < raw.n; i++)
		if (raw.p[i] != ' ') {
			h ^= (unsigned char)raw.p[i];
			h *= 1099511628211ULL;
		}
	return h;
}

void
emit(struct scan *st, const struct mention *m)
{
	struct csvout *o = st->out;
	const struct header *h = &st->hdr;

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
	if (st->count_only) {
		st->digest += raw_hash(m->raw);
		return;
	}
	csvout_str(o, st->doc->name);
	csvout_str(o, h->issuer);
	csvout_str(o, h->doc_no);
	csvout_str(o, h->doc_date);
	csvout_str(o, h->period_text);
	csvout_ulong(o, m->line);
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
	st->digest = 0;
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
		/* Folded once, for the appendix's mark and the figures. */
		u8_folded_set(&st->line, p->text, p->len);
		if ((from = heading(st, p->text, p->len)) > 0)
			st->appendix_title = 0;
		else
			appendix_line(st);
		/* Header lines before the body carry no figures worth having. */
		if ((k = doc_number_label(p->text, p->len)) > 0 &&
		    memchr(p->text, ':', p->len < k + 5 ? p->len : k + 5) != NULL)
			continue;
		for (k = from; k < p->len && p->text[k] == ' '; k++)
			;
		scan_folded(st, at, k, "text", "", "");
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

/* --exclude FILE: the file, when there is one, is never listed. */
static void
exclude(struct walkopts *w, const char *path)
{
	struct stat sb;

	if (stat(path, &sb) != 0)
		return;
	w->exclude = xreallocarray(w->exclude, w->nexclude + 1,
	    sizeof(*w->exclude));
	w->exclude[w->nexclude].dev = sb.st_dev;
	w->exclude[w->nexclude++].ino = sb.st_ino;
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
		case OPT_QUIET:
			o->quiet = 1;
			break;
		case OPT_WALK:
			o->walk = 1;
			break;
		case OPT_RECURSE_ALL:
			o->w.recurse = WALK_ALL;
			break;
		case OPT_NO_RECURSE:
			o->w.recurse = WALK_NONE;
			break;
		case OPT_EXCLUDE:
			exclude(&o->w, optarg);
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	if (!o->walk && (o->w.recurse != WALK_DEFAULT || o->w.nexclude > 0))
		die(2, "options '--recurse-all', '--no-recurse' and '--exclude' "
		    "go with '--walk'");
	if (o->walk && (o->docs || *files0 != NULL || o->root != NULL))
		die(2, "option '--walk' lists files: it takes no '--docs', "
		    "'--root' or '--files0-from'");
	if (!o->walk)
		o->read.stamps = stamps_load(NULL);
	return optind;
}

/* Adds the cleaner's repairs of one document to the run's. */
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

/* Scans the document read into d, named name, and frees it. */
static void
scan_one(struct scan *st, struct doc *d, const char *name,
    unsigned long long *lines)
{
	d->name = name;
	*lines += d->lines_read;
	add_repairs(&st->repairs, &d->repairs);
	st->doc = d;
	scan_doc(st);
	header_clear(&st->hdr);
	st->doc = NULL;
	doc_free(d);
}

/*
 * The files of the archive at path (named name), each read and scanned
 * as a document of its own, "path/member" named "name/member"; returns
 * how many were left out (the archive itself, past its limits: 1).
 */
static int
archive_docs(struct scan *st, const struct opts *o, const char *path,
    const char *name, unsigned long long *lines)
{
	struct gz_in *in = gz_open_in(path);
	struct buf all = { 0 }, why = { 0 }, mpath = { 0 };
	struct arch_member m = { 0 };
	struct arch *a = NULL;
	struct doc d = { 0 };
	size_t files;
	int bad = 0, r = 0, large;
	char *mname;

	large = read_input(in, &all, NULL) != 0;
	gz_close_in(in);
	if (large || arch_check(all.p, all.n, &files, &why) != 0 ||
	    (a = arch_open(all.p, all.n)) == NULL) {
		warn("%s: %s", path, why.n > 0 ? why.p : "a damaged archive");
		bad = 1;
	}
	while (a != NULL && (r = arch_next(a, &m, &why)) == 1) {
		buf_clear(&mpath);
		buf_printf(&mpath, "%s/%s", path, m.name);
		mname = doc_member_name(name, m.name);
		if (m.why.n > 0) {
			warn("%s: %s", mpath.p, m.why.p);
			bad++;
		} else if (walk_name_kind(mpath.p) == NULL) {
			in = gz_open_mem(mpath.p, m.data.p == NULL ? "" :
			    m.data.p, m.data.n);
			doc_begin(&d, mpath.p, mpath.p, "text");
			doc_deadline(&d, o->read.limit_seconds);
			buf_clear(&why);
			large = read_input(in, &why, NULL) != 0;
			gz_close_in(in);
			r = read_bytes(&d, &why, large, &o->read);
			if (r == READ_ARCHIVE)
				r = doc_reject(&d, 0, "an archive inside an "
				    "archive: not opened (unpack it)");
			if (r == 0)
				scan_one(st, &d, mname, lines);
			else
				bad++;
			doc_free(&d);
			r = 1;
		}
		free(mname);
	}
	if (r < 0) {
		warn("%s: %s", path, why.p);
		bad++;
	}
	arch_member_free(&m);
	arch_close(a);
	buf_free(&all);
	buf_free(&why);
	buf_free(&mpath);
	return bad;
}

/* One input read and scanned (an archive's files each); returns how
 * many were left out. */
static int
one_input(struct scan *st, const struct opts *o, const char *path,
    const char *name, unsigned long long *lines)
{
	struct doc d = { 0 };
	int r;

	if ((r = read_doc(&d, path, &o->read)) == READ_ARCHIVE) {
		doc_free(&d);
		return archive_docs(st, o, path, name, lines);
	}
	if (r != 0) {
		doc_free(&d);
		return 1;
	}
	scan_one(st, &d, name, lines);
	return 0;
}

/*
 * one_input, what it says held back (--quiet): dropped when it was read,
 * said when it was left out, or when a die() ends the run.
 */
static int
one_input_quiet(struct scan *st, const struct opts *o, const char *path,
    const char *name, unsigned long long *lines)
{
	char *said = NULL;
	size_t nsaid = 0;
	jmp_buf jb;
	FILE *f;
	volatile int bad = 0;
	int status;

	if ((f = open_memstream(&said, &nsaid)) == NULL)
		die(2, "memory stream:");
	diag_capture(f, NULL);
	diag_catch(&jb);
	if ((status = setjmp(jb)) == 0)
		bad = one_input(st, o, path, name, lines);
	diag_catch(NULL);
	diag_capture(NULL, NULL);
	if (fclose(f) != 0)
		die(2, "memory stream:");
	if (status != 0)
		said_and_die(said, nsaid, status);
	if (bad)
		pass_on(said, nsaid);
	free(said);
	return bad;
}

/* Reads and scans each input in turn, writing its rows; returns the
 * number of inputs left out. */
static int
run(struct scan *st, const struct opts *o, char **paths, char **names, int n,
    unsigned long long *lines)
{
	size_t k;
	int i, bad = 0;

	for (k = 0; k < sizeof(columns) / sizeof(columns[0]); k++)
		csvout_str(st->out, columns[k]);
	csvout_end(st->out);
	for (i = 0; i < n; i++) {
		if (walked_folder(paths[i])) {
			if (!o->quiet)
				warn("%s: a folder left out (--walk): not read",
				    paths[i]);
		} else if (o->quiet)
			bad += one_input_quiet(st, o, paths[i], names[i], lines);
		else
			bad += one_input(st, o, paths[i], names[i], lines);
		if (o->progress)
			say_progress(i + 1, n);
	}
	return bad;
}

/* A folder --walk left out: its path ends in '/'. */
static int
walked_folder(const char *path)
{
	size_t n = strlen(path);
	struct stat sb;

	return n > 1 && path[n - 1] == '/' && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode);
}

/* Every input there before any output (gz_check_inputs), a file inside
 * an archive as its archive, a folder --walk left out not at all. */
static void
check_inputs(char **paths, int n)
{
	char **v = xreallocarray(NULL, (size_t)n + 1, sizeof(*v));
	size_t at;
	int i, k = 0;

	for (i = 0; i < n; i++)
		if (!walked_folder(paths[i]) && !arch_member_path(paths[i], &at))
			v[k++] = paths[i];
	gz_check_inputs(v, k);
	free(v);
}

void
say_progress(int done, int total)
{
	fputc('\r', stderr);
	fprintf(stderr, diag_text("%s: %d/%d reports"), diag_prog(), done,
	    total);
	if (done == total)
		fputc('\n', stderr);
}

void
scan_free(struct scan *st)
{
	buf_free(&st->hdr.places);
	buf_free(&st->tmp_heading);
	u8_folded_free(&st->line);
	u8_folded_free(&st->wrap);
	buf_free(&st->tmp_fold);
	before_free(&st->before);
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
	if (o.walk) {
		if (argc == 0)
			cli_usage_error(SYNOPSIS);
		walk_run(argv, argc, &o.w);
		free(o.w.exclude);
		return 0;
	}
	names = doc_names(paths, n, o.root, o.docs);
	if (!o.docs)
		check_inputs(paths, n);
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	if (o.bom)
		csvout_bom(st.out);
	if (o.docs)
		unread = docs_run(&st, paths, names, n, &o.read, o.progress,
		    o.quiet);
	else
		bad = run(&st, &o, paths, names, n, &lines);
	csvout_close(st.out);
	stamps_free(o.read.stamps);
	scan_free(&st);
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
