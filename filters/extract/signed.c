/*
 * Signature stamps kept out of the text (common/stamps.h says what a
 * stamp's line is).  A signed PDF's page carries the signatures' own
 * text; a Word file or a text converted from such a PDF carries it as
 * paragraphs.  Either way those lines are no part of the report: they
 * leave the text before any scanner reads it, so no figure, no header
 * field and no page of text comes from them, and what they say (who
 * signed, when) is kept in the document's stamps.
 *
 * Laid-out text (pdftotext -layout, OCR) may set a stamp beside the
 * report's own lines: there each column of a line (the parts between
 * runs of STAMP_GAP blanks or more) is read alone, and a stamp's column is
 * blanked, one blank a character, so that the other columns keep their
 * places.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "stamps.h"
#include "xalloc.h"

#define STAMP_GAP 3		/* blanks between two columns of a line */

/* The pieces found, with where each is. */
struct found {
	struct stamp_piece *v;
	size_t *line;		/* the line of each, ascending */
	size_t *a, *b;		/* its bytes: a paragraph's block, or a
				 * column of the text */
	size_t n, cap;
};

static void
found_add(struct found *f, const struct stamp_piece *p, size_t line,
    size_t a, size_t b)
{
	if (f->n == f->cap) {
		f->cap = f->cap == 0 ? 16 : f->cap * 2;
		f->v = xreallocarray(f->v, f->cap, sizeof(*f->v));
		f->line = xreallocarray(f->line, f->cap, sizeof(*f->line));
		f->a = xreallocarray(f->a, f->cap, sizeof(*f->a));
		f->b = xreallocarray(f->b, f->cap, sizeof(*f->b));
	}
	f->v[f->n] = *p;
	f->line[f->n] = line;
	f->a[f->n] = a;
	f->b[f->n++] = b;
}

static void
found_free(struct found *f)
{
	free(f->v);
	free(f->line);
	free(f->a);
	free(f->b);
}

void
doc_stamps(struct doc *d, const struct stamp_words *w)
{
	struct found f = { 0 };
	unsigned char *keep;
	size_t b, k, out;

	if (w == NULL || d->failed)
		return;
	for (b = 0; b < d->nblocks; b++) {
		const struct para *p = &d->blocks[b].u.para;
		struct stamp_piece piece;

		if (d->blocks[b].kind == BLOCK_PARA &&
		    stamps_piece(w, p->text, p->len, &piece) != STAMP_NONE)
			found_add(&f, &piece, p->line, b, b);
	}
	if (f.n == 0)
		return;
	keep = xcalloc(f.n, 1);
	stamps_group(f.v, f.line, f.n, keep, &d->stamps);
	/* The paragraphs kept apart leave the body. */
	for (b = 0, k = 0, out = 0; b < d->nblocks; b++) {
		while (k < f.n && f.a[k] < b)
			k++;
		if (k < f.n && f.a[k] == b && keep[k])
			continue;
		d->blocks[out++] = d->blocks[b];
	}
	d->nblocks = out;
	free(keep);
	found_free(&f);
}

/* The columns of line s[0..n) at line number no, into f (offsets from
 * base). */
static void
columns_of(const struct stamp_words *w, struct found *f, const char *s,
    size_t n, size_t no, size_t base)
{
	size_t i = 0;

	while (i < n) {
		size_t a, gap;
		struct stamp_piece piece;

		while (i < n && (s[i] == ' ' || s[i] == '\f'))
			i++;
		a = i;
		for (gap = 0; i < n && gap < STAMP_GAP; i++)
			gap = s[i] == ' ' ? gap + 1 : 0;
		if (i > a && stamps_piece(w, s + a, i - a, &piece) !=
		    STAMP_NONE)
			found_add(f, &piece, no, base + a, base + i);
	}
}

size_t
strip_stamps(struct doc *d, const struct stamp_words *w, struct buf *text)
{
	struct found f = { 0 };
	struct buf out = { 0 };
	unsigned char *keep;
	size_t start = 0, no = 0, k, i, lines;

	if (w == NULL || text->n == 0)
		return 0;
	while (start < text->n) {
		const char *s = text->p + start;
		const char *nl = memchr(s, '\n', text->n - start);
		size_t len = nl == NULL ? text->n - start : (size_t)(nl - s);

		columns_of(w, &f, s, len, ++no, start);
		start += len + 1;
	}
	if (f.n == 0)
		return 0;
	keep = xcalloc(f.n, 1);
	lines = d->stamps.lines;
	stamps_group(f.v, f.line, f.n, keep, &d->stamps);
	/* Each character of a stamp's column becomes a blank. */
	for (i = 0, k = 0; i < text->n;) {
		while (k < f.n && (!keep[k] || f.b[k] <= i))
			k++;
		if (k < f.n && f.a[k] <= i) {
			buf_addc(&out, ' ');
			while (++i < f.b[k] && ((unsigned char)text->p[i] &
			    0xC0) == 0x80)
				;
			continue;
		}
		buf_addc(&out, text->p[i++]);
	}
	buf_clear(text);
	buf_add(text, out.p == NULL ? "" : out.p, out.n);
	buf_free(&out);
	free(keep);
	found_free(&f);
	return d->stamps.lines - lines;
}
