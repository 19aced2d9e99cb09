/*
 * Reading an input into the document model: the bytes are read whole
 * (gzip undone), the reader is chosen by what they hold, never by the
 * file name, and the reader fills the struct doc.  An input no reader
 * takes (a workbook, an image without --ocr, UTF-16 text) is refused with
 * one line naming what it is, and the run goes on with the next input.
 */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "gz.h"
#include "sha256.h"

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

static int
is_pdf(const char *p, size_t n)
{
	/* The header may follow a little junk (Acrobat allows 1024 bytes). */
	size_t lim = n < 1024 ? n : 1024, i;

	for (i = 0; i < lim; i++)
		if (HAS_PREFIX(p + i, lim - i, "%PDF-"))
			return 1;
	return 0;
}

static int
is_image(const char *p, size_t n)
{
	return HAS_PREFIX(p, n, "\x89PNG\r\n\032\n") ||
	    HAS_PREFIX(p, n, "\xFF\xD8\xFF") ||
	    HAS_PREFIX(p, n, "II*\0") || HAS_PREFIX(p, n, "MM\0*");
}

/* Inputs that are surely not a report, by their first bytes. */
static const struct other {
	const char *magic;
	size_t len;
	const char *what;
} others[] = {
	{ MAGIC("\xFF\xFE"), "UTF-16 text (convert it to UTF-8, e.g. "
	    "iconv -f UTF-16 -t UTF-8)" },
	{ MAGIC("\xFE\xFF"), "UTF-16 text (convert it to UTF-8, e.g. "
	    "iconv -f UTF-16 -t UTF-8)" },
	{ MAGIC("{\\rtf"), "an RTF document (save it as .docx)" },
	{ MAGIC("BZh"), "a bzip2 archive" },
	{ MAGIC("\xFD" "7zXZ"), "an xz archive" },
	{ MAGIC("7z\xBC\xAF\x27\x1C"), "a 7-Zip archive" },
	{ MAGIC("Rar!\x1A\x07"), "a RAR archive" },
	{ MAGIC("\x28\xB5\x2F\xFD"), "a zstd archive" },
	{ MAGIC("GIF8"), "a GIF image" },
	{ MAGIC("\x7F" "ELF"), "a program (ELF)" },
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

/* What p, which reader would read, holds when that is not a report,
 * or NULL. */
static const char *
refused_kind(const char *reader, const char *p, size_t n)
{
	size_t k;

	if (strcmp(reader, "docx") == 0)
		return zip_kind(p, n);
	if (strcmp(reader, "text") != 0)
		return NULL;
	for (k = 0; k < sizeof(others) / sizeof(others[0]); k++)
		if (starts(p, n, others[k].magic, others[k].len))
			return others[k].what;
	if (is_utf16(p, n))
		return "UTF-16 text (convert it to UTF-8, e.g. "
		    "iconv -f UTF-16 -t UTF-8)";
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
read_bytes(struct doc *d, const struct buf *bytes, int large,
    const struct readopts *o)
{
	const struct reader *r = readers;
	const char *p = bytes->p == NULL ? "" : bytes->p, *what;

	if (large)
		return doc_reject(d, 0, "document larger than %zu bytes",
		    (size_t)DOC_MAX);
	while (r->claims != NULL && !r->claims(p, bytes->n))
		r++;
	if ((what = refused_kind(r->name, p, bytes->n)) != NULL)
		return doc_reject(d, 0, "%s, not a report: extract reads "
		    "text, .docx, .doc and .pdf", what);
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
read_doc(struct doc *d, const char *path, const struct readopts *o)
{
	struct gz_in *in = gz_open_in(path);
	struct buf bytes = { 0 };
	int status, large;

	doc_begin(d, path, gz_name(in), "text");
	doc_deadline(d, o->limit_seconds);
	large = read_input(in, &bytes, NULL) != 0;
	gz_close_in(in);
	status = read_bytes(d, &bytes, large, o);
	buf_free(&bytes);
	return status;
}
