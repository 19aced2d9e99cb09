/*
 * A report's identity, and --docs.
 *
 * A document is named by its path under the reports' root, without the
 * report extension: "govap/baocao" for reports/govap/baocao.txt under
 * reports/.  The root is --root, or else the directory the inputs have in
 * common, so one file is named by its base name.  The name depends on the
 * path alone, the same in whichever share of a split run the file is; two
 * inputs of one run never share a name (an error, or with --docs a row
 * each that normalize --docs marks).  With the path as given and the
 * SHA-256 of its content (after gzip), it identifies the report.
 *
 * --docs writes one row per input instead of its figures, even when it has
 * none or cannot be read:
 *
 *	doc,path,sha256,issuer,body,doc_no,doc_date,period_text,title,
 *	places,figures,dropped,signed_by,signed_at,error,kind,reader,modified,
 *	figures_digest,notes
 *
 * body is the kind of body that issued it, as its number's code or its
 * letterhead says: committee (the People's Committee), party, steering,
 * office, centre, council; empty when neither says.
 *
 * dropped says what the limits left out of the document, as
 * "cells:46;rows:12;figures:5;context:30" (only the kinds with some):
 * table cells past a row's ROW_MAXCELLS, table rows past a table's
 * TABLE_MAXROWS, figures past DOC_MAXFIGURES, and figures whose context
 * was cut at CTX_MAX bytes; empty when nothing was.
 *
 * signed_by and signed_at are what the signature stamps of a signed PDF
 * say (signed.c): who signed (each stamp's signer, or its organisation),
 * and every time they give, ISO 8601, earliest first (the signature, then
 * a receipt), each list "; "-separated; empty when there is no stamp.
 *
 * kind says what an input that is no report to read is, for the manifest
 * (common/manifest.h):
 *
 *	archive		an archive of files (archive.c): a row of its own,
 *			then a row per file in it, named "q4.zip/Q1" by the
 *			path "reports/q4.zip/Q1.docx"; with an error, one
 *			past its limits or damaged, and no file of it
 *	empty		a file of 0 bytes (an attachment that did not come)
 *	lock-file	Word's "~$..." owner file, a lock or temporary file
 *	system-file	Thumbs.db, .DS_Store, "__MACOSX/" of a zip
 *	spreadsheet	an Excel or OpenDocument workbook, or a table as
 *			text (a CSV export: read.c)
 *	image		an image, without --ocr
 *	other		any other file no report is in (a program, a slide show)
 *	old-folder, hidden-folder, subfolder
 *			a folder --walk left out (its path ends in '/'), and
 *			why: named as old reports, hidden, --no-recurse
 *
 * empty for a report read or refused.  Lock, system files and folders are
 * not read: they are known by their names (walk.c).  reader is the reader
 * that read the document (text, docx, doc, pdf, ocr); modified the time
 * of the file (of the member, in an archive), UTC, "2025-01-08T09:31:02Z";
 * figures_digest a digest of the figures as written, in any order (16
 * hex digits): a .docx and the PDF made from it have the same; notes
 * what was said of a document read (a converter's second try, cells
 * dropped), "; "-separated, also said on stderr unless --quiet.
 *
 * Each input is read once: its SHA-256 is taken from the bytes the reader
 * reads.  Whatever stops its reading (a missing file, invalid UTF-8, a
 * truncated gzip stream, a document too large) becomes that row's error
 * and the run goes on: a refusal is the reader's -1, and a die() on the
 * way is caught (diag_catch), its document's memory and file freed.  The
 * document's diagnostics are held back meanwhile (diag_capture): a row
 * that could not be read says why in its error column, from the first of
 * them as written in the C locale (a column reads the same in every
 * locale); a document read says them on stderr, in the user's words.  The
 * outside converters (pdftotext, antiword, tesseract) run as child
 * processes, with limits (spawn.c), and share the document's
 * --limit-seconds.
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "csvout.h"
#include "diag.h"
#include "extract.h"
#include "gz.h"
#include "sha256.h"
#include "words.h"
#include "xalloc.h"

#define LIMIT_GRACE 10	/* seconds a child has past --limit-seconds */

static const char *const doc_columns[] = { "doc", "path", "sha256", "issuer",
	"body", "doc_no", "doc_date", "period_text", "title", "places",
	"figures", "dropped", "signed_by", "signed_at", "error", "kind",
	"reader", "modified", "figures_digest", "notes" };
/* The columns a document read fills, between path and error. */
enum { NFIELDS = 12 };
enum { NDOCCOLS = sizeof(doc_columns) / sizeof(doc_columns[0]) };

/* The extensions a report's file name ends in, without "." and ".gz"
 * (in any case: "BC.DOCX"). */
static const char *const exts[] = { "txt", "docx", "doc", "pdf", NULL };

/* path without "./" in front. */
static const char *
plain(const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		for (path += 2; *path == '/'; path++)
			;
	return path;
}

/* The directory of path with its trailing '/' ("" for none), its length. */
static size_t
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? 0 : (size_t)(slash - path) + 1;
}

/* The length of the directory the paths have in common, '/' included. */
static size_t
common_dir(char *const *paths, int n)
{
	size_t len = dir_len(plain(paths[0]));
	int i;

	for (i = 1; i < n && len > 0; i++) {
		const char *p = plain(paths[i]);

		while (len > 0 && strncmp(p, plain(paths[0]), len) != 0) {
			len--;
			while (len > 0 && plain(paths[0])[len - 1] != '/')
				len--;
		}
	}
	return len;
}

/* The name of the document at path, whose first skip bytes are its root. */
static char *
name_of(const char *path, size_t skip)
{
	const char *p = plain(path);
	size_t n = strlen(p), k, e;

	if (strcmp(path, "-") == 0)
		return xstrdup("-");
	p += skip;
	n -= skip;
	if (n > 3 && strncasecmp(p + n - 3, ".gz", 3) == 0)
		n -= 3;
	for (k = 0; exts[k] != NULL; k++) {
		e = strlen(exts[k]) + 1;
		if (n > e && p[n - e] == '.' && strncasecmp(p + n - e + 1,
		    exts[k], e - 1) == 0 && p[n - e - 1] != '/') {
			n -= e;
			break;
		}
	}
	return xmemdup(p, n);
}

char *
doc_member_name(const char *archive, const char *member)
{
	char *stem = name_of(member, 0), *name;
	size_t n = strlen(archive), k = strlen(stem);

	name = xmalloc(n + k + 2);
	memcpy(name, archive, n);
	name[n] = '/';
	memcpy(name + n + 1, stem, k + 1);
	free(stem);
	return name;
}

static int
by_name(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(x[0], y[0]);
}

/* Two inputs of one name: an error naming both. */
static void
check_clashes(char **names, char *const *paths, int n)
{
	const char **v = xreallocarray(NULL, (size_t)n * 2 + 2, sizeof(*v));
	int i;

	for (i = 0; i < n; i++) {
		v[2 * i] = names[i];
		v[2 * i + 1] = paths[i];
	}
	qsort(v, (size_t)n, 2 * sizeof(*v), by_name);
	for (i = 1; i < n; i++)
		if (strcmp(v[2 * i], v[2 * i - 2]) == 0)
			die(2, "'%s' and '%s' would both be document '%s'",
			    v[2 * i - 1], v[2 * i + 1], v[2 * i]);
	free(v);
}

char **
doc_names(char *const *paths, int n, const char *root, int clashes_ok)
{
	char **names = xreallocarray(NULL, (size_t)n + 1, sizeof(*names));
	size_t skip = 0, rn = 0;
	int i;

	if (root == NULL) {
		skip = common_dir(paths, n);
	} else {
		root = plain(root);
		rn = strlen(root);
		while (rn > 1 && root[rn - 1] == '/')
			rn--;
		if (rn == 1 && root[0] == '.')
			rn = 0;
	}
	for (i = 0; i < n; i++) {
		const char *p = plain(paths[i]);
		size_t s = skip;

		if (rn > 0 && strncmp(p, root, rn) == 0 &&
		    (p[rn] == '/' || root[rn - 1] == '/'))
			s = rn + (p[rn] == '/');
		names[i] = name_of(paths[i], s);
	}
	if (!clashes_ok)
		check_clashes(names, paths, n);
	return names;
}

/* One document's work, where a die() caught halfway leaves what it had
 * opened and allocated for one_doc to free. */
struct job {
	struct gz_in *in;
	struct buf bytes;
	struct doc d;
	char hex[65];
	char *said;		/* the diagnostics held back */
	size_t nsaid;
	char *plain;		/* the same in C's words */
	size_t nplain;
	int status;		/* 0 read; 2 refused or stopped; READ_ARCHIVE */
	const char *kind;	/* the kind column */
};

/* Where a document's bytes come from: its file, or (bytes not NULL) the
 * archive it is in. */
struct src {
	const char *path, *name;
	const struct buf *bytes;
	long long mtime;	/* -1: unknown */
};

/*
 * Reads and scans the document at path (any trouble is said through diag
 * and, for a refusal, returns -1); its header stays in st->hdr and its
 * figures are counted in st->figures.
 */
static int
read_one(struct scan *st, struct job *j, const struct src *src,
    const struct readopts *ro)
{
	struct sha256 h;
	int large, r;

	sha256_init(&h);
	j->in = src->bytes == NULL ? gz_open_in(src->path) :
	    gz_open_mem(src->path, src->bytes->p == NULL ? "" : src->bytes->p,
	    src->bytes->n);
	doc_begin(&j->d, src->path, gz_name(j->in), "text");
	doc_deadline(&j->d, ro->limit_seconds);
	/* A table (a CSV export, perhaps large) is told by its first lines
	 * and read no further: no report, nothing to hash. */
	if ((large = read_start(j->in, &j->bytes, &h)) > 0) {
		gz_close_in(j->in);
		j->in = NULL;
		j->hex[0] = '\0';
		j->kind = "spreadsheet";
		return 0;
	}
	large = read_input(j->in, &j->bytes, &h) != 0;
	gz_close_in(j->in);
	j->in = NULL;
	sha256_hex(&h, j->hex);
	if (j->bytes.n == 0 && !large) {
		j->kind = "empty";
		return 0;
	}
	r = read_bytes(&j->d, &j->bytes, large, ro);
	j->kind = j->d.kind;
	if (r == READ_ARCHIVE)
		return READ_ARCHIVE;
	if (r != 0)
		return -1;
	buf_free(&j->bytes);
	j->d.name = src->name;
	st->doc = &j->d;
	st->figures = 0;
	memset(&st->doc_drops, 0, sizeof(st->doc_drops));
	scan_doc(st);
	st->doc = NULL;
	return 0;
}

/* The fields of a document read, each ended by a NUL: sha256, issuer,
 * body, doc_no, doc_date, period_text, title, places, figures, dropped,
 * signed_by, signed_at. */
static void
fields_of(const struct scan *st, const struct doc *d, const char *hex,
    struct buf *b)
{
	const struct header *h = &st->hdr;
	size_t k;

	buf_add(b, hex, strlen(hex) + 1);
	if (d == NULL) {	/* an input with a kind, not scanned */
		for (k = 1; k < NFIELDS; k++)
			buf_addc(b, '\0');
		return;
	}
	buf_add(b, h->issuer, strlen(h->issuer) + 1);
	buf_add(b, h->body, strlen(h->body) + 1);
	buf_add(b, h->doc_no, strlen(h->doc_no) + 1);
	buf_add(b, h->doc_date, strlen(h->doc_date) + 1);
	buf_add(b, h->period_text, strlen(h->period_text) + 1);
	buf_add(b, h->title, strlen(h->title) + 1);
	buf_add(b, h->places.p == NULL ? "" : h->places.p, h->places.n + 1);
	buf_printf(b, "%llu", st->figures);
	buf_addc(b, '\0');
	drops_text(&st->doc_drops, b);
	buf_addc(b, '\0');
	stamps_signed_by(&d->stamps, b);
	buf_addc(b, '\0');
	stamps_signed_at(&d->stamps, b);
	buf_addc(b, '\0');
}

/* Why a document could not be read, as its first diagnostic says it
 * (without "prog: "). */
static void
trouble(struct buf *why, const char *said, int status)
{
	size_t pre = strlen(diag_prog()) + 2;
	const char *p = said;
	size_t n = strcspn(p, "\n");

	if (n > pre && strncmp(p, diag_prog(), pre - 2) == 0 &&
	    strncmp(p + pre - 2, ": ", LIT_LEN(": ")) == 0) {
		p += pre;
		n -= pre;
	}
	if (n > 0)
		buf_add(why, p, n);
	else
		buf_printf(why, "reading failed (exit status %d)", status);
}

/*
 * A document's diagnostics, held back, each line without "prog: ": said
 * on stderr (to NULL), or appended to notes, "; "-separated; with
 * status, the last one said by die(status).
 */
static void
said_lines(const char *said, size_t len, struct buf *notes, int status)
{
	size_t pre = strlen(diag_prog()) + 2, i = 0;

	while (i < len) {
		const char *p = said + i;
		size_t n = strcspn(p, "\n");

		i += n + 1;
		if (n > pre && strncmp(p, diag_prog(), pre - 2) == 0 &&
		    strncmp(p + pre - 2, ": ", LIT_LEN(": ")) == 0) {
			p += pre;
			n -= pre;
		}
		if (notes != NULL) {
			if (notes->n > 0)
				buf_adds(notes, "; ");
			buf_add(notes, p, n);
		} else if (status != 0 && i >= len) {
			die(status, "%.*s", (int)n, p);
		} else {
			warn("%.*s", (int)n, p);
		}
	}
}

void
pass_on(const char *said, size_t len)
{
	said_lines(said, len, NULL, 0);
}

_Noreturn void
said_and_die(const char *said, size_t len, int status)
{
	said_lines(said, len, NULL, status);
	die(status, "reading failed (exit status %d)", status);
}

/* What a row says past its error. */
struct extra {
	const char *kind, *reader;
	long long mtime;
	unsigned long long digest;	/* 0: none */
	const char *notes;
};

/* One row: the fields of the document (NUL-separated; none for an input
 * not read), or the error, then the extra columns. */
static void
write_row(struct scan *st, const char *path, const char *name,
    const struct buf *fields, const char *error, const struct extra *x)
{
	const char *p = fields->p;
	size_t k, got = 0;
	char t[32];
	time_t tt = (time_t)x->mtime;
	struct tm tm;

	for (k = 0; p != NULL && k < fields->n; k++)
		got += fields->p[k] == '\0';
	csvout_str(st->out, name);
	csvout_str(st->out, path);
	for (k = 0; k < NFIELDS; k++) {
		csvout_str(st->out, error == NULL && got == NFIELDS ? p : "");
		if (error == NULL && got == NFIELDS)
			p += strlen(p) + 1;
	}
	csvout_str(st->out, error == NULL ? "" : error);
	csvout_str(st->out, x->kind == NULL ? "" : x->kind);
	csvout_str(st->out, x->reader == NULL ? "" : x->reader);
	t[0] = '\0';
	if (x->mtime >= 0 && gmtime_r(&tt, &tm) != NULL)
		strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%SZ", &tm);
	csvout_str(st->out, t);
	t[0] = '\0';
	if (x->digest != 0)
		snprintf(t, sizeof(t), "%016llx", x->digest);
	csvout_str(st->out, t);
	csvout_str(st->out, x->notes == NULL ? "" : x->notes);
	csvout_end(st->out);
}

/* The time of the file at path, or -1. */
static long long
file_time(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long long)sb.st_mtime : -1;
}

/* A row for an input known by its name (a lock file, a folder left
 * out), which is not read. */
static void
name_row(struct scan *st, const struct src *src, const char *kind)
{
	struct buf fields = { 0 };
	struct extra x = { kind, NULL, src->mtime, 0, NULL };

	fields_of(st, NULL, "", &fields);
	write_row(st, src->path, src->name, &fields, NULL, &x);
	buf_free(&fields);
}

static int one_doc(struct scan *, struct job *, const struct src *,
    const struct readopts *, int quiet, int in_archive);

/*
 * An archive's rows: its own (kind archive; an error when it is past
 * its limits or damaged), then one per file in it, as one_doc writes
 * them.  Returns the number that could not be read.
 */
static int
archive_rows(struct scan *st, const struct src *src, const struct buf *bytes,
    const char *hex, const struct readopts *ro, int quiet)
{
	struct buf why = { 0 }, fields = { 0 }, path = { 0 };
	struct extra x = { "archive", NULL, src->mtime, 0, NULL };
	struct arch_member m = { 0 };
	struct job j = { 0 };
	struct arch *a = NULL;
	size_t files;
	char *stem;
	int bad = 0, r = 0;

	if (arch_check(bytes->p, bytes->n, &files, &why) != 0 ||
	    (a = arch_open(bytes->p, bytes->n)) == NULL) {
		if (why.n == 0)
			buf_adds(&why, "a damaged archive");
		write_row(st, src->path, src->name, &fields, why.p, &x);
		buf_free(&why);
		return 1;
	}
	fields_of(st, NULL, hex, &fields);
	write_row(st, src->path, src->name, &fields, NULL, &x);
	while ((r = arch_next(a, &m, &why)) == 1) {
		struct src ms = { NULL, NULL, &m.data, m.mtime };
		struct extra mx = { NULL, NULL, m.mtime, 0, NULL };

		buf_clear(&path);
		buf_printf(&path, "%s/%s", src->path, m.name);
		stem = doc_member_name(src->name, m.name);
		ms.path = path.p;
		ms.name = stem;
		if (m.why.n > 0) {
			write_row(st, ms.path, ms.name, &fields, m.why.p, &mx);
			bad++;
		} else {
			bad += one_doc(st, &j, &ms, ro, quiet, 1);
		}
		free(stem);
	}
	if (r < 0)
		warn("%s: %s", src->path, why.p);
	arch_member_free(&m);
	arch_close(a);
	buf_free(&why);
	buf_free(&fields);
	buf_free(&path);
	return bad + (r < 0);
}

/*
 * Reads one document, its diagnostics held back and a die() caught, and
 * writes its row (an archive's, and its files'); returns the number that
 * could not be read.
 */
static int
one_doc(struct scan *st, struct job *j, const struct src *src,
    const struct readopts *ro, int quiet, int in_archive)
{
	struct buf fields = { 0 }, why = { 0 }, notes = { 0 };
	struct extra x = { NULL, NULL, src->mtime, 0, NULL };
	size_t len = strlen(src->path);
	jmp_buf jb;
	FILE *f, *pf;
	int bad, r;

	if (len > 1 && src->path[len - 1] == '/') {
		name_row(st, src, walk_folder_kind(src->path));
		return 0;
	}
	if ((x.kind = walk_name_kind(src->path)) != NULL) {
		name_row(st, src, x.kind);
		return 0;
	}
	if ((f = open_memstream(&j->said, &j->nsaid)) == NULL ||
	    (pf = open_memstream(&j->plain, &j->nplain)) == NULL)
		die(2, "memory stream:");
	j->kind = NULL;
	diag_capture(f, pf);
	diag_catch(&jb);
	j->status = 2;
	if (setjmp(jb) == 0) {
		r = read_one(st, j, src, ro);
		j->status = r == READ_ARCHIVE ? READ_ARCHIVE : r != 0 ? 2 : 0;
	}
	diag_catch(NULL);
	diag_capture(NULL, NULL);
	if (fclose(f) != 0 || fclose(pf) != 0)
		die(2, "memory stream:");
	/* What a die() stopped halfway left behind. */
	gz_close_in(j->in);
	j->in = NULL;
	st->doc = NULL;
	x.kind = j->kind;
	if (j->status == READ_ARCHIVE && !in_archive) {
		bad = archive_rows(st, src, &j->bytes, j->hex, ro, quiet);
		goto done;
	}
	bad = j->status != 0;
	if (j->status == READ_ARCHIVE)
		buf_adds(&why, "an archive inside an archive: not opened "
		    "(unpack it)");
	else if (bad)
		trouble(&why, j->plain, j->status);
	else if (j->kind != NULL)	/* empty */
		fields_of(st, NULL, j->hex, &fields);
	else {
		fields_of(st, &j->d, j->hex, &fields);
		said_lines(j->plain, j->nplain, &notes, 0);
		if (!quiet)
			pass_on(j->said, j->nsaid);
		x.notes = notes.p;
		x.reader = j->d.reader;
		x.digest = st->figures > 0 ? st->digest : 0;
	}
	write_row(st, src->path, src->name, &fields, bad ? why.p : NULL, &x);
done:
	header_clear(&st->hdr);
	doc_free(&j->d);
	buf_free(&j->bytes);
	buf_free(&fields);
	buf_free(&why);
	buf_free(&notes);
	free(j->said);
	j->said = NULL;
	free(j->plain);
	j->plain = NULL;
	return bad;
}

unsigned long long
docs_run(struct scan *st, char **paths, char **names, int n,
    const struct readopts *ro, int progress, int quiet)
{
	struct job j = { 0 };
	unsigned long long bad = 0;
	size_t k;
	int i;

	for (k = 0; k < NDOCCOLS; k++)
		csvout_str(st->out, doc_columns[k]);
	csvout_end(st->out);
	st->count_only = 1;
	for (i = 0; i < n; i++) {
		struct src src = { paths[i], names[i], NULL, -1 };

		src.mtime = file_time(paths[i]);
		bad += one_doc(st, &j, &src, ro, quiet, 0);
		if (progress)
			say_progress(i + 1, n);
	}
	return bad;
}
