/*
 * The plain-text reader: UTF-8 text converted from Word, one paragraph a
 * line.  A line holding a TAB is a table row (its cells split at the
 * TABs), and rows separated only by blank lines make one table.
 *
 * Lines end at LF, CR LF or a CR alone (as old Mac files have them).
 * Each line is checked (a NUL byte or invalid UTF-8 is an error naming
 * the file and line) and cleaned (clean_text: blanks, invisible
 * characters, markup, NFC, so that a report saved with decomposed marks,
 * as macOS and some converters write, reads as its composed twin).  Then
 * the page numbers and footnotes of a text made from a PDF leave its
 * lines (clean_lines).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "extract.h"
#include "utf8.h"
#include "xalloc.h"

/* A table row: its cells are the TAB-separated parts, without blanks
 * around them. */
static void
add_row(struct doc *d, size_t lineno, const char *s, size_t n)
{
	struct row *r;
	struct cell *c;
	size_t k, i, start = 0, nc = 1, keep = n;

	for (i = 0; i < n; i++)
		if (s[i] == '\t' && nc++ == ROW_MAXCELLS)
			keep = i;
	/* A named, counted drop (--stats, the manifest), never a silent
	 * one; the row's text ends with its last cell kept, so that no
	 * figure of a dropped cell is read from it either. */
	if (nc > ROW_MAXCELLS) {
		warn_at(d->file, lineno, "table row of %zu cells: the %zu after "
		    "the first %d are dropped", nc, nc - ROW_MAXCELLS,
		    ROW_MAXCELLS);
		d->cells_dropped += nc - ROW_MAXCELLS;
		n = keep;
	}
	if ((r = doc_add_row(d, lineno, s, n, 0)) == NULL)
		return;
	c = doc_cells(d, r, nc < ROW_MAXCELLS ? nc : ROW_MAXCELLS);
	if (c == NULL)
		return;
	s = r->text;
	for (i = 0, k = 0; i <= n && k < r->ncells; i++) {
		if (i < n && s[i] != '\t')
			continue;
		c[k].text = s + start;
		c[k].len = i - start;
		while (c[k].len > 0 && c[k].text[c[k].len - 1] == ' ')
			c[k].len--;
		while (c[k].len > 0 && c[k].text[0] == ' ') {
			c[k].text++;
			c[k].len--;
		}
		c[k].span = 1;
		k++;
		start = i + 1;
	}
}

/* A cleaned line into the model: a table row when it holds a TAB, a
 * paragraph unless it is empty. */
static void
add_line(struct doc *d, size_t lineno, const char *s, size_t n)
{
	if (n > 0 && memchr(s, '\t', n) != NULL)
		add_row(d, lineno, s, n);
	else if (n > 0)
		doc_add_para(d, lineno, s, n);
}

int
read_text(struct doc *d, const char *text, size_t size,
    const struct readopts *opts)
{
	struct buf line = { 0 };
	size_t start, lineno = 0, *ff = NULL, nff = 0;

	(void)opts;
	for (start = 0; start < size && !d->failed;) {
		const char *p = text + start, *nl, *cr;
		size_t len, bad, end;

		/* A line ends at LF, CR LF, or a CR alone (old Mac files). */
		nl = memchr(p, '\n', size - start);
		len = nl == NULL ? size - start : (size_t)(nl - p);
		if ((cr = memchr(p, '\r', len)) != NULL) {
			nl = cr;
			len = (size_t)(cr - p);
		}
		end = nl == NULL ? len : len + 1 + (*nl == '\r' &&
		    start + len + 1 < size && p[len + 1] == '\n');
		lineno++;
		if (memchr(p, '\0', len) != NULL) {
			doc_reject(d, lineno, "NUL byte in text");
			break;
		}
		if ((bad = u8_invalid(p, len)) < len) {
			doc_reject(d, lineno,
			    "invalid UTF-8 at byte %zu of the line", bad + 1);
			break;
		}
		/* A form feed: a page starts here (a text made by pdftotext). */
		if (memchr(p, '\f', len) != NULL) {
			ff = xreallocarray(ff, nff + 1, sizeof(*ff));
			ff[nff++] = lineno;
		}
		clean_text(d, &line, p, len, CLEAN_TAB);
		add_line(d, lineno, line.p, line.n);
		start += end;
		if (nl == NULL)
			break;
	}
	d->lines_read = lineno;
	buf_free(&line);
	clean_lines(d, ff, nff);
	free(ff);
	return d->failed ? -1 : 0;
}
