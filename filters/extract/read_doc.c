/*
 * Word 97-2003 (.doc): an OLE2 compound file, read through antiword
 * ("antiword -m UTF-8.txt -w 0": one paragraph a line, table rows as
 * "|cell|cell|").  The rows become TAB-separated lines, a row whose first
 * cell is empty and whose other cells start in lower case (a cell's text
 * wrapped by antiword) is joined to the row above, text typed in a legacy
 * font (TCVN3, VNI) is converted, and the plain-text reader does the rest.
 * Line numbers are the lines of antiword's output.
 *
 * antiword drops the rows of some tables under merged cells (in .doc files
 * LibreOffice writes): when catdoc finds more table rows, its reading is
 * used instead, and a warning says so.  When antiword fails (it is old,
 * and crashes on some damaged files), catdoc reads the document, and a
 * warning says why; when both fail, the document is refused with
 * antiword's reason.
 *
 * Other OLE2 files (Excel and PowerPoint 97-2003, password-protected
 * Office files) are refused, named by the stream they hold, and a file
 * cut short (its directory or a sector in use past its end) is refused as
 * damaged.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "extract.h"
#include "xalloc.h"

#define DOC_SECONDS 60

/* A stream name in the compound file's directory (UTF-16LE). */
static int
has_stream(const char *p, size_t n, const char *name)
{
	char u16[64];
	size_t k, len = strlen(name), i;

	if (len * 2 > sizeof(u16))
		return 0;
	for (k = 0; k < len; k++) {
		u16[2 * k] = name[k];
		u16[2 * k + 1] = '\0';
	}
	for (i = 0; i + 2 * len <= n; i++)
		if (memcmp(p + i, u16, 2 * len) == 0)
			return 1;
	return 0;
}

static unsigned long
le32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (unsigned long)u[0] | (unsigned long)u[1] << 8 |
	    (unsigned long)u[2] << 16 | (unsigned long)u[3] << 24;
}

#define FREESECT 0xFFFFFFFFUL	/* a FAT entry of a sector not in use */
#define MAXREGSECT 0xFFFFFFFAUL	/* sector numbers past this are marks */
#define HEADER_FATS 109		/* FAT sectors the header lists */

/*
 * A compound file cut short: its directory, or a FAT sector the header
 * lists, or a sector such a FAT marks as in use, starts past the end.
 */
static int
cut_short(const char *p, size_t n)
{
	size_t size, k, j, nfat, per;
	unsigned shift;
	unsigned long s;

	if (n < 512)
		return 1;
	shift = (unsigned char)p[0x1E] | (unsigned char)p[0x1F] << 8;
	if (shift != 9 && shift != 12)
		return 0;
	size = (size_t)1 << shift;
	per = size / 4;
	if ((s = le32(p + 0x30)) < MAXREGSECT && (s + 1) * size >= n)
		return 1;
	nfat = le32(p + 0x2C);
	for (k = 0; k < nfat && k < HEADER_FATS; k++) {
		const char *fat;

		if ((s = le32(p + 0x4C + 4 * k)) >= MAXREGSECT)
			continue;
		if ((s + 2) * size > n)
			return 1;
		fat = p + (s + 1) * size;
		for (j = 0; j < per; j++)
			if (le32(fat + 4 * j) != FREESECT &&
			    (k * per + j + 1) * size >= n)
				return 1;
	}
	return 0;
}

/*
 * A Word document's stream starts with its FIB: 0xA5EC, then its version
 * (nFib, 101 and up); it starts a sector of its own, which Word writes
 * first and LibreOffice somewhere after.  Is there one?
 */
static int
has_fib(const char *p, size_t n)
{
	size_t at;

	for (at = 512; at + 4 <= n; at += 512) {
		const unsigned char *u = (const unsigned char *)p + at;
		unsigned nfib = u[2] | u[3] << 8;

		if (u[0] == 0xEC && u[1] == 0xA5 && nfib >= 101 && nfib <= 0x200)
			return 1;
	}
	return 0;
}

/* A compound file cut short: what it is, or NULL when it is whole. */
static const char *
ole_damaged(const char *p, size_t n)
{
	if (!cut_short(p, n))
		return NULL;
	return has_stream(p, n, "WordDocument") || has_fib(p, n) ?
	    "a damaged Word 97-2003 document: cut short" :
	    "a damaged Office 97-2003 file: cut short";
}

static const char *
ole_kind(const char *p, size_t n)
{
	if (has_stream(p, n, "EncryptedPackage"))
		return "a password-protected Office document";
	if (has_stream(p, n, "WordDocument"))
		return NULL;
	if (has_stream(p, n, "Workbook") || has_stream(p, n, "Book"))
		return "an Excel 97-2003 workbook (.xls)";
	if (has_stream(p, n, "PowerPoint Document"))
		return "a PowerPoint 97-2003 presentation (.ppt)";
	return "an OLE2 file with no Word document in it";
}

/* The cells of table line s[0..n) ("|a |b |") into out, TAB-separated;
 * returns the number of cells. */
static size_t
row_cells(struct buf *out, const char *s, size_t n)
{
	size_t i, a, cells = 0;

	for (i = 1; i < n; i = a + 1) {
		size_t e;

		for (a = i; a < n && s[a] != '|'; a++)
			;
		if (a == n && cells > 0)
			break;
		for (e = a; e > i && s[e - 1] == ' '; e--)
			;
		while (i < e && s[i] == ' ')
			i++;
		if (cells++ > 0)
			buf_addc(out, '\t');
		buf_add(out, s + i, e - i);
	}
	return cells;
}

/* A wrapped part of the row above: empty first cell, the others empty
 * or starting in lower case. */
static int
continues(const char *row, size_t n)
{
	size_t i = 0;

	if (n == 0 || row[0] != '\t')
		return 0;
	while (i < n) {
		while (i < n && row[i] == '\t')
			i++;
		if (i < n && (isupper_at(row, n, i) || wd_digit(row[i])))
			return 0;
		while (i < n && row[i] != '\t')
			i++;
	}
	return 1;
}

/* Joins the cells of cont[0..n) to those of row, cell by cell. */
static void
join_row(struct buf *row, const char *cont, size_t n)
{
	struct buf merged = { 0 };
	const char *a = row->p, *ae = row->p + row->n, *b = cont, *be = cont + n;

	while (a < ae || b < be) {
		const char *ta = memchr(a, '\t', (size_t)(ae - a));
		const char *tb = memchr(b, '\t', (size_t)(be - b));
		size_t la = (size_t)((ta == NULL ? ae : ta) - a);
		size_t lb = (size_t)((tb == NULL ? be : tb) - b);

		buf_add(&merged, a, la);
		if (la > 0 && lb > 0)
			buf_addc(&merged, ' ');
		buf_add(&merged, b, lb);
		a = ta == NULL ? ae : ta + 1;
		b = tb == NULL ? be : tb + 1;
		if (a < ae || b < be)
			buf_addc(&merged, '\t');
	}
	buf_clear(row);
	buf_add(row, merged.p == NULL ? "" : merged.p, merged.n);
	buf_free(&merged);
}

/*
 * antiword's text into plain text with TAB-separated rows.  A row joined
 * to the one above leaves its line empty, so that line numbers hold; the
 * rows of a table stay one table across such a line.
 */
static void
to_text(struct buf *out, const char *p, size_t n)
{
	struct buf *lines = NULL;
	size_t start = 0, nl = 0, k, last = 0;
	int in_rows = 0;	/* the line above is a row, or joined to one */

	while (start < n) {
		const char *s = p + start, *e = memchr(s, '\n', n - start);
		size_t len = e == NULL ? n - start : (size_t)(e - s);

		lines = xreallocarray(lines, nl + 1, sizeof(*lines));
		memset(&lines[nl], 0, sizeof(*lines));
		if (len > 1 && s[0] == '|') {
			row_cells(&lines[nl], s, len);
			if (in_rows && continues(lines[nl].p, lines[nl].n)) {
				join_row(&lines[last], lines[nl].p, lines[nl].n);
				buf_clear(&lines[nl]);
			} else
				last = nl;
			in_rows = 1;
		} else {
			buf_add(&lines[nl], s, len);
			in_rows = 0;
		}
		nl++;
		start += len + 1;
	}
	for (k = 0; k < nl; k++) {
		buf_add(out, lines[k].p == NULL ? "" : lines[k].p, lines[k].n);
		buf_addc(out, '\n');
		buf_free(&lines[k]);
	}
	free(lines);
}

/* Text typed in a legacy font (TCVN3, VNI), converted in place. */
static void
legacy(struct buf *text)
{
	struct vn_count c = { 0, 0, 0 };
	struct buf conv = { 0 };
	enum vn_legacy enc;
	size_t start = 0;

	vnl_count(&c, text->p == NULL ? "" : text->p, text->n);
	if ((enc = vnl_decide(&c)) == VN_UNICODE)
		return;
	/* Line by line: a line with Vietnamese of its own stays. */
	while (start < text->n) {
		const char *s = text->p + start;
		const char *e = memchr(s, '\n', text->n - start);
		size_t len = e == NULL ? text->n - start : (size_t)(e - s);

		vnl_convert(&conv, s, len, enc);
		buf_addc(&conv, '\n');
		start += len + 1;
	}
	buf_clear(text);
	buf_add(text, conv.p == NULL ? "" : conv.p, conv.n);
	buf_free(&conv);
}

/*
 * antiword writes footnotes at the end, under a rule of dashes, as
 * "[n]<TAB>text", and their references as "[n]" in the text: the notes
 * become the document's and leave the text, and so do the references.
 */
static void
notes(struct doc *d, struct buf *text)
{
	static const char rule[] = "\n-----------------------\n";
	char *r = text->p == NULL ? NULL : strstr(text->p, rule), *p, *e;
	char mark[16];
	size_t k;

	if (r == NULL)
		return;
	for (p = r + sizeof(rule) - 1; *p != '\0'; p = *e == '\0' ? e : e + 1) {
		e = p + strcspn(p, "\n");
		if (*p != '[' || (k = strspn(p + 1, "0123456789")) == 0 ||
		    k > 4 || p[k + 1] != ']')
			continue;
		snprintf(mark, sizeof(mark), "%.*s", (int)k, p + 1);
		doc_add_note(d, mark, p + k + 2 + strspn(p + k + 2, "\t "),
		    (size_t)(e - (p + k + 2 + strspn(p + k + 2, "\t "))));
	}
	text->n = (size_t)(r - text->p) + 1;
	text->p[text->n] = '\0';
	/* The references: "[n]" glued to the word before it. */
	for (p = text->p; (p = strchr(p, '[')) != NULL;) {
		k = strspn(p + 1, "0123456789");
		if (k > 0 && k <= 4 && p[k + 1] == ']' && p > text->p &&
		    p[-1] != ' ' && p[-1] != '\n') {
			memmove(p, p + k + 2, text->n - (size_t)(p - text->p) -
			    k - 1);
			text->n -= k + 2;
		} else
			p++;
	}
}

/* Lines of text that are table rows: starting with start ('|' for
 * antiword), or holding a TAB past their start (catdoc). */
static size_t
rows_in(const char *p, size_t n, char start)
{
	size_t i = 0, count = 0;

	while (i < n) {
		const char *e = memchr(p + i, '\n', n - i);
		size_t len = e == NULL ? n - i : (size_t)(e - (p + i));

		if (start != '\0' ? len > 0 && p[i] == start :
		    len > 1 && p[i] != '\t' && memchr(p + i, '\t', len) != NULL)
			count++;
		i += len + 1;
	}
	return count;
}

/*
 * catdoc's reading of the document at path into out: cells TAB-separated,
 * footnotes at the end, field codes ("HYPERLINK \"...\"") in the text,
 * which go.  Returns 0, or -1 (so says why) when catdoc fails or reads
 * nothing.
 */
static int
catdoc_text(struct doc *d, struct buf *out, const char *path,
    struct spawn_out *so)
{
	char *argv[] = { "catdoc", "-d", "utf-8", "-w", (char *)path, NULL };
	size_t i, n;
	const char *p;

	if (doc_spawn(d, argv, DOC_MAX, DOC_SECONDS, so) != 0)
		return -1;
	p = so->out.p;
	n = so->out.n;
	for (i = 0; i < n; i++) {
		if (n - i > LIT_LEN("HYPERLINK \"") &&
		    HAS_PREFIX(p + i, n - i, "HYPERLINK \"")) {
			i += LIT_LEN("HYPERLINK \"");
			while (i < n && p[i] != '"' && p[i] != '\n')
				i++;
			continue;
		}
		/* A line that only starts with a TAB is no row. */
		if (p[i] == '\t' && (i == 0 || p[i - 1] == '\n') &&
		    memchr(p + i + 1, '\t', strcspn(p + i + 1, "\n")) == NULL)
			continue;
		buf_addc(out, p[i]);
	}
	return 0;
}

/*
 * antiword's reading into text, or catdoc's when antiword reads fewer
 * table rows (it drops some under merged cells; a warning says so).
 * Returns 0, or -1 when antiword failed (so says why).
 */
static int
antiword_text(struct doc *d, struct buf *text, const char *path,
    struct spawn_out *so)
{
	char *argv[] = { "antiword", "-m", "UTF-8.txt", "-w", "0",
		(char *)path, NULL };
	struct spawn_out cat;
	struct buf alt = { 0 };
	const char *out;

	if (doc_spawn(d, argv, DOC_MAX, DOC_SECONDS, so) != 0)
		return -1;
	out = so->out.p == NULL ? "" : so->out.p;
	to_text(text, out, so->out.n);
	notes(d, text);
	if (catdoc_text(d, &alt, path, &cat) == 0 &&
	    rows_in(alt.p == NULL ? "" : alt.p, alt.n, '\0') >
	    rows_in(out, so->out.n, '|')) {
		warn_at(d->file, 0, "antiword read less of it than catdoc; "
		    "read through catdoc (line numbers are catdoc's)");
		buf_clear(text);
		buf_add(text, alt.p, alt.n);
	}
	spawn_free(&cat);
	buf_free(&alt);
	return 0;
}

int
read_word97(struct doc *d, const char *p, size_t n, const struct readopts *o)
{
	const char *what = ole_kind(p, n);
	struct spawn_out so, cat;
	struct buf text = { 0 };
	char *path;
	int rc = -1;

	if (ole_damaged(p, n) != NULL)
		return doc_reject(d, 0, "%s", ole_damaged(p, n));
	if (what != NULL)
		return doc_reject(d, 0, "%s, not a report: extract reads text, "
		    ".docx, .doc and .pdf", what);
	if ((path = scratch_file(p, n)) == NULL)
		return doc_reject(d, 0, "cannot write a scratch file:");
	memset(&cat, 0, sizeof(cat));
	if (antiword_text(d, &text, path, &so) == 0)
		rc = 0;
	else if (!d->failed && catdoc_text(d, &text, path, &cat) == 0 &&
	    text.n > 0) {
		/* antiword crashed, ran out of time or refused: catdoc
		 * reads the same files. */
		struct buf a = { 0 };

		converter_why(d, &so, path, &a);
		warn_at(d->file, 0, "antiword %s; read through catdoc (line "
		    "numbers are catdoc's)", a.p);
		buf_free(&a);
		rc = 0;
	} else if (!d->failed && so.spawn_errno == ENOENT &&
	    cat.spawn_errno == ENOENT)
		converter_failed(d, &so, "antiword", "antiword", path);
	else if (!d->failed) {
		struct buf a = { 0 }, c = { 0 };

		converter_why(d, &so, path, &a);
		if (cat.status == 0 && text.n == 0)
			buf_adds(&c, "read nothing in it");
		else
			converter_why(d, &cat, path, &c);
		doc_reject(d, 0, "antiword %s; catdoc %s", a.p, c.p);
		buf_free(&a);
		buf_free(&c);
	}
	if (rc == 0) {
		legacy(&text);
		rc = read_text(d, text.p == NULL ? "" : text.p, text.n, o);
		doc_letterhead(d);
	}
	scratch_remove(path);
	free(path);
	spawn_free(&so);
	spawn_free(&cat);
	buf_free(&text);
	return d->failed ? -1 : rc;
}
