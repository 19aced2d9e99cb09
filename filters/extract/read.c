/*
 * Reading an input into the document model: the bytes are read whole
 * (gzip undone), the reader is chosen by what they hold, never by the
 * file name, and the reader fills the struct doc.  An input no reader
 * takes (a workbook, an image without --ocr, UTF-16 text) is refused with
 * one line naming what it is, and the run goes on with the next input.
 * An archive of files (.zip, .7z, .rar, .tar) is no document either: its
 * caller reads each file in it (archive.c), and a path that names a file
 * inside one ("q4.zip/Q1.docx") reads that file.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "gz.h"
#include "sha256.h"
#include "xalloc.h"

/* A table entry's magic bytes and their count, from the literal. */
#define MAGIC(s) (s), LIT_LEN(s)

static int
starts(const char *p, size_t n, const char *magic, size_t len)
{
	return n >= len && memcmp(p, magic, len) == 0;
}

static int
is_zip(const char *p, size_t n)
{
	return HAS_PREFIX(p, n, "PK\003\004") ||
	    HAS_PREFIX(p, n, "PK\005\006");
}

/* An OLE2 compound file: Word 97-2003, also Excel and PowerPoint. */
static int
is_ole(const char *p, size_t n)
{
	return HAS_PREFIX(p, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

/* Does p[0..n) hold the bytes of s? */
static int
has_bytes(const char *p, size_t n, const char *s)
{
	size_t len = strlen(s), i;
	const char *at;

	for (i = 0; i + len <= n; i = (size_t)(at - p) + 1) {
		if ((at = memchr(p + i, s[0], n - i - len + 1)) == NULL)
			return 0;
		if (memcmp(at, s, len) == 0)
			return 1;
	}
	return 0;
}

static int
is_pdf(const char *p, size_t n)
{
	/* The header may follow a little junk (Acrobat allows 1024 bytes). */
	return has_bytes(p, n < 1024 ? n : 1024, "%PDF-");
}

static int
is_image(const char *p, size_t n)
{
	return HAS_PREFIX(p, n, "\x89PNG\r\n\032\n") ||
	    HAS_PREFIX(p, n, "\xFF\xD8\xFF") ||
	    HAS_PREFIX(p, n, "II*\0") || HAS_PREFIX(p, n, "MM\0*");
}

/* Inputs that are surely not a report, by their first bytes, and what
 * they are for --docs (NULL: a report in a form extract cannot read, to
 * be sent again). */
static const struct other {
	const char *magic;
	size_t len;
	const char *what, *kind;
} others[] = {
	{ MAGIC("\xFF\xFE"), "UTF-16 text (convert it to UTF-8, e.g. "
	    "iconv -f UTF-16 -t UTF-8)", NULL },
	{ MAGIC("\xFE\xFF"), "UTF-16 text (convert it to UTF-8, e.g. "
	    "iconv -f UTF-16 -t UTF-8)", NULL },
	{ MAGIC("{\\rtf"), "an RTF document (save it as .docx)", NULL },
	{ MAGIC("BZh"), "a bzip2 archive", NULL },
	{ MAGIC("\xFD" "7zXZ"), "an xz archive", NULL },
	{ MAGIC("7z\xBC\xAF\x27\x1C"), "a 7-Zip archive", NULL },
	{ MAGIC("Rar!\x1A\x07"), "a RAR archive", NULL },
	{ MAGIC("\x28\xB5\x2F\xFD"), "a zstd archive", NULL },
	{ MAGIC("GIF8"), "a GIF image", "image" },
	{ MAGIC("\x7F" "ELF"), "a program (ELF)", "other" },
};

/* UTF-16 without a byte order mark: every other byte NUL. */
static int
is_utf16(const char *p, size_t n)
{
	size_t i, lim = n < 256 ? n : 256, zeros[2] = { 0, 0 };

	if (lim < 8)
		return 0;
	for (i = 0; i < lim; i++)
		zeros[i % 2] += p[i] == '\0';
	return zeros[0] * 4 >= lim || zeros[1] * 4 >= lim;
}

/* Does p[0..n) hold the name s in UTF-16 (an OLE2 directory entry)? */
static int
has_utf16(const char *p, size_t n, const char *s)
{
	char w[64];
	size_t k, len = strlen(s), i;
	const char *at;

	for (k = 0; k < len; k++) {
		w[2 * k] = s[k];
		w[2 * k + 1] = '\0';
	}
	for (i = 0; i + 2 * len <= n; i = (size_t)(at - p) + 1) {
		if ((at = memchr(p + i, s[0], n - i)) == NULL)
			return 0;
		if ((size_t)(at - p) + 2 * len <= n &&
		    memcmp(at, w, 2 * len) == 0)
			return 1;
	}
	return 0;
}

/*
 * An OLE2 file that is no Word document: an Excel 97 workbook (its stream
 * "Workbook", or "Book" of Excel 5), a PowerPoint one.  What it is, *kind
 * for --docs; NULL for anything else (antiword then says).
 */
static const char *
ole_kind(const char *p, size_t n, const char **kind)
{
	if (has_utf16(p, n, "WordDocument"))
		return NULL;
	if (has_utf16(p, n, "Workbook") || has_utf16(p, n, "Book")) {
		*kind = "spreadsheet";
		return "an Excel 97-2003 workbook (.xls)";
	}
	if (has_utf16(p, n, "PowerPoint Document")) {
		*kind = "other";
		return "a PowerPoint 97-2003 presentation (.ppt)";
	}
	return NULL;
}

/*
 * A table exported as text (CSV): its first lines (up to 20, at least 3,
 * in its first TABLE_PEEK bytes)
 * split by commas or by semicolons, outside quotes, into as many fields
 * as its first one, more than one, at least 4 lines in 5 of them.  No
 * report starts so: its letterhead's lines have no comma.
 */
#define TABLE_PEEK 16384	/* bytes of an input is_table reads */

static int
is_table(const char *p, size_t n)
{
	static const char seps[] = ",;";
	size_t k, i, lines, same, want, count;
	int q;

	if (n > TABLE_PEEK)
		n = TABLE_PEEK;
	for (k = 0; seps[k] != '\0'; k++) {
		lines = same = want = count = 0;
		q = 0;
		for (i = 0; i <= n && lines < 20; i++) {
			if (i < n && p[i] == '"')
				q = !q;
			else if (i < n && !q && p[i] == seps[k])
				count++;
			if (i < n && (q || p[i] != '\n'))
				continue;
			/* a line's end; an empty line is passed over */
			if (count == 0 && (i == 0 || p[i - 1] == '\n'))
				continue;
			/* a first line without one is no such table's (a
			 * report's first line is its letterhead) */
			if (lines++ == 0 && (want = count) == 0)
				break;
			same += count == want;
			count = 0;
		}
		if (want > 0 && lines >= 3 && same * 5 >= lines * 4)
			return 1;
	}
	return 0;
}

/* What p, which reader would read, holds when that is not a report,
 * or NULL; *kind what it is for --docs (see struct doc). */
static const char *
refused_kind(const char *reader, const char *p, size_t n, const char **kind)
{
	size_t k;

	*kind = NULL;
	if (strcmp(reader, "doc") == 0)
		return ole_kind(p, n, kind);
	if (strcmp(reader, "docx") == 0) {
		/* no Word document: an archive of files, or what it is */
		const char *what = zip_kind(p, n);

		if (what != NULL && arch_claims(p, n, kind))
			*kind = "archive";
		return what;
	}
	if (strcmp(reader, "text") != 0)
		return NULL;
	for (k = 0; k < sizeof(others) / sizeof(others[0]); k++)
		if (starts(p, n, others[k].magic, others[k].len)) {
			*kind = others[k].kind;
			return others[k].what;
		}
	if (is_utf16(p, n))
		return "UTF-16 text (convert it to UTF-8, e.g. "
		    "iconv -f UTF-16 -t UTF-8)";
	if (is_table(p, n)) {
		*kind = "spreadsheet";
		return "a table (CSV)";
	}
	return NULL;
}

/*
 * The readers, tried in order: the first whose test accepts the bytes
 * reads them.  Plain text, last, takes whatever no other reader claims.
 */
static const struct reader {
	const char *name;	/* struct doc's reader */
	int (*claims)(const char *p, size_t n);	/* NULL: anything */
	int (*read)(struct doc *, const char *p, size_t n,
	    const struct readopts *);
} readers[] = {
	{ "docx", is_zip, read_docx },
	{ "doc", is_ole, read_word97 },
	{ "pdf", is_pdf, read_pdf },
	{ "ocr", is_image, read_image },
	{ "text", NULL, read_text },
};

int
read_input(struct gz_in *in, struct buf *bytes, struct sha256 *h)
{
	char tmp[1 << 16];
	size_t n;
	int large = 0;

	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0) {
		if (h != NULL)
			sha256_add(h, tmp, n);
		if (large || bytes->n + n > DOC_MAX) {
			large = 1;
			if (h == NULL)
				break;
			continue;
		}
		buf_add(bytes, tmp, n);
	}
	return large ? -1 : 0;
}

int
read_start(struct gz_in *in, struct buf *bytes, struct sha256 *h)
{
	char tmp[1 << 16];
	size_t n = gz_read(in, tmp, sizeof(tmp));

	sha256_add(h, tmp, n);
	buf_add(bytes, tmp, n);
	return !is_zip(tmp, n) && !is_ole(tmp, n) && !is_pdf(tmp, n) &&
	    !is_image(tmp, n) && is_table(tmp, n);
}

int
read_bytes(struct doc *d, const struct buf *bytes, int large,
    const struct readopts *o)
{
	const struct reader *r = readers;
	const char *p = bytes->p == NULL ? "" : bytes->p, *what, *kind;

	if (large)
		return doc_reject(d, 0, "document larger than %zu bytes",
		    (size_t)DOC_MAX);
	while (r->claims != NULL && !r->claims(p, bytes->n))
		r++;
	/* An archive of files: a 7-Zip, RAR or tar archive (no reader claims
	 * them: text would), or a zip that is no Office document (the docx
	 * reader claims every zip): one that names no Word part, damaged
	 * or not, is asked here; refused_kind asks of the others. */
	if ((strcmp(r->name, "text") == 0 || (strcmp(r->name, "docx") == 0 &&
	    !has_bytes(p, bytes->n, "word/document.xml"))) &&
	    arch_claims(p, bytes->n, &kind) && kind == NULL)
		return READ_ARCHIVE;
	if ((what = refused_kind(r->name, p, bytes->n, &kind)) != NULL) {
		if (kind != NULL && strcmp(kind, "archive") == 0)
			return READ_ARCHIVE;
		d->kind = kind;
		return doc_reject(d, 0, "%s, not a report: extract reads "
		    "text, .docx, .doc and .pdf", what);
	}
	if (strcmp(r->name, "ocr") == 0 && !o->ocr)
		d->kind = "image";
	d->reader = r->name;
	if (r->read(d, p, bytes->n, o) != 0 || d->failed)
		return -1;
	/* A conversion's damage, repaired whatever the format. */
	clean_doc(d);
	/* A stamp's paragraphs (laid-out text has lost its own already). */
	doc_stamps(d, o->stamps);
	return d->failed ? -1 : 0;
}

int
read_member(const char *path, size_t at, struct buf *bytes, long long *mtime,
    struct buf *why)
{
	char *file = xmemdup(path, at);
	const char *name = path + at + 1;
	struct gz_in *in = gz_open_in(file);
	struct buf all = { 0 };
	struct arch_member m = { 0 };
	struct arch *x = NULL;
	size_t files;
	int large, r = -1, found = 0;

	*mtime = -1;
	large = read_input(in, &all, NULL) != 0;
	gz_close_in(in);
	if (large)
		buf_printf(why, "an archive larger than %zu bytes",
		    (size_t)DOC_MAX);
	else if (arch_check(all.p, all.n, &files, why) == 0 &&
	    (x = arch_open(all.p, all.n)) != NULL) {
		while (!found && (r = arch_next(x, &m, why)) == 1)
			found = strcmp(m.name, name) == 0;
		if (found && m.why.n > 0) {
			buf_add(why, m.why.p, m.why.n);
		} else if (found) {
			buf_add(bytes, m.data.p, m.data.n);
			*mtime = m.mtime;
		} else if (r == 0) {
			buf_printf(why, "no file '%s' in the archive '%s'", name,
			    file);
		}
	}
	arch_member_free(&m);
	arch_close(x);
	buf_free(&all);
	free(file);
	return why->n > 0 ? -1 : 0;
}

int
read_doc(struct doc *d, const char *path, const struct readopts *o)
{
	struct gz_in *in;
	struct buf bytes = { 0 }, why = { 0 };
	long long mtime;
	int status, large;
	size_t at;

	if (arch_member_path(path, &at)) {
		doc_begin(d, path, path, "text");
		doc_deadline(d, o->limit_seconds);
		if (read_member(path, at, &bytes, &mtime, &why) != 0) {
			status = doc_reject(d, 0, "%s", why.p);
		} else {
			in = gz_open_mem(path, bytes.p == NULL ? "" : bytes.p,
			    bytes.n);
			buf_clear(&why);
			large = read_input(in, &why, NULL) != 0;
			gz_close_in(in);
			status = read_bytes(d, &why, large, o);
			if (status == READ_ARCHIVE)
				status = doc_reject(d, 0, "an archive inside "
				    "an archive: not opened (unpack it)");
		}
		buf_free(&bytes);
		buf_free(&why);
		return status;
	}
	in = gz_open_in(path);
	doc_begin(d, path, gz_name(in), "text");
	doc_deadline(d, o->limit_seconds);
	large = read_input(in, &bytes, NULL) != 0;
	gz_close_in(in);
	status = read_bytes(d, &bytes, large, o);
	buf_free(&bytes);
	return status;
}
