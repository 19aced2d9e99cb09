/*
 * The document model (extract.h): building it, walking its lines, freeing
 * it.  Texts, names and cell arrays live in the document's arena; the
 * block and row arrays grow by doubling and are freed by doc_free.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "extract.h"
#include "utf8.h"
#include "vnlegacy.h"
#include "words.h"
#include "xalloc.h"

/* The file name without directory and extensions ("-" stays "-"). */
static const char *
doc_name(struct arena *mem, const char *path)
{
	const char *base = strrchr(path, '/'), *dot;
	size_t n;

	if (strcmp(path, "-") == 0)
		return arena_dup(mem, "-", 1);
	base = base == NULL ? path : base + 1;
	dot = strchr(base, '.');
	n = dot != NULL && dot != base ? (size_t)(dot - base) : strlen(base);
	return arena_dup(mem, base, n);
}

void
doc_begin(struct doc *d, const char *path, const char *file,
    const char *reader)
{
	d->path = arena_dup(&d->mem, path, strlen(path));
	d->name = doc_name(&d->mem, path);
	d->file = arena_dup(&d->mem, file, strlen(file));
	d->reader = reader;
}

int
doc_reject(struct doc *d, size_t line, const char *fmt, ...)
{
	va_list ap;

	if (d->failed)
		return -1;
	va_start(ap, fmt);
	vwarn_at(d->file, line, fmt, ap);
	va_end(ap);
	d->failed = 1;
	return -1;
}

/* Counts n more items of the document, at line: 0, or -1 when that is
 * more than a document may hold (the document is refused). */
static int
count_items(struct doc *d, size_t line, size_t n)
{
	if (d->failed)
		return -1;
	d->items += n;
	if (d->items > DOC_MAXITEMS)
		return doc_reject(d, line, "more than %zu paragraphs, table rows "
		    "and cells in one document", (size_t)DOC_MAXITEMS);
	return 0;
}

static struct block *
add_block(struct doc *d, enum block_kind kind)
{
	struct block *b;

	if (d->nblocks == d->capblocks) {
		d->capblocks = d->capblocks == 0 ? 256 : d->capblocks * 2;
		d->blocks = xreallocarray(d->blocks, d->capblocks,
		    sizeof(*d->blocks));
	}
	b = &d->blocks[d->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

void
doc_add_para(struct doc *d, size_t line, const char *text, size_t len)
{
	struct para *p;

	if (count_items(d, line, 1) != 0)
		return;
	p = &add_block(d, BLOCK_PARA)->u.para;
	p->line = line;
	p->text = arena_dup(&d->mem, text, len);
	p->len = len;
}

struct row *
doc_add_row(struct doc *d, size_t line, const char *text, size_t len,
    int new_table)
{
	struct table *t;
	struct row *r;

	if (d->failed)
		return NULL;
	/* A named, counted drop: the table's first row past the limit is
	 * named, every row past it counted (--stats, the manifest); it
	 * takes no room, so it is no item. */
	if (!new_table && d->nblocks > 0 &&
	    d->blocks[d->nblocks - 1].kind == BLOCK_TABLE &&
	    (t = &d->blocks[d->nblocks - 1].u.table)->nrows >= TABLE_MAXROWS) {
		if (t->dropped++ == 0)
			warn_at(d->file, line, "table of more than %d rows: the "
			    "rows from this one on are dropped", TABLE_MAXROWS);
		d->rows_dropped++;
		return NULL;
	}
	if (count_items(d, line, 1) != 0)
		return NULL;
	if (new_table || d->nblocks == 0 ||
	    d->blocks[d->nblocks - 1].kind != BLOCK_TABLE)
		add_block(d, BLOCK_TABLE);
	t = &d->blocks[d->nblocks - 1].u.table;
	if (t->nrows == t->caprows) {
		t->caprows = t->caprows == 0 ? 16 : t->caprows * 2;
		t->rows = xreallocarray(t->rows, t->caprows, sizeof(*t->rows));
	}
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	r->text = arena_dup(&d->mem, text, len);
	r->len = len;
	return r;
}

struct cell *
doc_cells(struct doc *d, struct row *r, size_t n)
{
	if (n > ROW_MAXCELLS)
		internal_error("too many cells for a row");
	if (count_items(d, r->line, n) != 0)
		return NULL;
	r->cells = arena_alloc(&d->mem, n * sizeof(*r->cells));
	r->ncells = n;
	return r->cells;
}

void
doc_add_note(struct doc *d, const char *mark, const char *text, size_t len)
{
	struct note *no;

	if (count_items(d, 0, 1) != 0)
		return;
	if (d->nnotes == d->capnotes) {
		d->capnotes = d->capnotes == 0 ? 16 : d->capnotes * 2;
		d->notes = xreallocarray(d->notes, d->capnotes,
		    sizeof(*d->notes));
	}
	no = &d->notes[d->nnotes++];
	no->mark = arena_dup(&d->mem, mark, strlen(mark));
	no->text = arena_dup(&d->mem, text, len);
	no->len = len;
}

void
doc_free(struct doc *d)
{
	size_t b;

	for (b = 0; b < d->nblocks; b++)
		if (d->blocks[b].kind == BLOCK_TABLE)
			free(d->blocks[b].u.table.rows);
	free(d->blocks);
	free(d->notes);
	stamps_set_free(&d->stamps);
	buf_free(&d->clean_tmp);
	arena_free(&d->mem);
	memset(d, 0, sizeof(*d));
}

/* Rows in block b: a paragraph counts as one. */
static size_t
rows_of(const struct doc *d, size_t b)
{
	return d->blocks[b].kind == BLOCK_TABLE ? d->blocks[b].u.table.nrows : 1;
}

int
doc_first(const struct doc *d, struct pos *at)
{
	at->b = at->r = 0;
	return d->nblocks > 0;
}

int
doc_next(const struct doc *d, struct pos *at)
{
	if (at->b >= d->nblocks)
		return 0;
	if (at->r + 1 < rows_of(d, at->b)) {
		at->r++;
		return 1;
	}
	if (at->b + 1 >= d->nblocks)
		return 0;
	at->b++;
	at->r = 0;
	return 1;
}

int
doc_prev(const struct doc *d, struct pos *at)
{
	if (at->r > 0) {
		at->r--;
		return 1;
	}
	if (at->b == 0)
		return 0;
	at->b--;
	at->r = rows_of(d, at->b) - 1;
	return 1;
}

struct textline
doc_line(const struct doc *d, struct pos at)
{
	const struct block *b = &d->blocks[at.b];
	struct textline t;

	if (b->kind == BLOCK_PARA) {
		t.line = b->u.para.line;
		t.text = b->u.para.text;
		t.len = b->u.para.len;
		t.in_table = 0;
	} else {
		t.line = b->u.table.rows[at.r].line;
		t.text = b->u.table.rows[at.r].text;
		t.len = b->u.table.rows[at.r].len;
		t.in_table = 1;
	}
	return t;
}

enum vn_legacy
doc_legacy(const struct doc *d)
{
	struct vn_count c = { 0, 0, 0 };
	struct pos at;
	int ok;

	for (ok = doc_first(d, &at); ok; ok = doc_next(d, &at)) {
		struct textline t = doc_line(d, at);

		vnl_count(&c, t.text, t.len);
	}
	return vnl_decide(&c);
}

/* A converted copy of p[0..*n) in the document's arena; *n is its length. */
static const char *
recode(struct doc *d, struct buf *tmp, const char *p, size_t *n,
    enum vn_legacy enc)
{
	buf_clear(tmp);
	vnl_convert(tmp, p, *n, enc);
	*n = tmp->n;
	return arena_dup(&d->mem, tmp->p == NULL ? "" : tmp->p, tmp->n);
}

void
doc_recode(struct doc *d, enum vn_legacy enc)
{
	struct buf tmp = { 0 };
	size_t b, r, k;

	for (b = 0; b < d->nblocks; b++) {
		struct block *bl = &d->blocks[b];

		if (bl->kind == BLOCK_PARA) {
			bl->u.para.text = recode(d, &tmp, bl->u.para.text,
			    &bl->u.para.len, enc);
			continue;
		}
		for (r = 0; r < bl->u.table.nrows; r++) {
			struct row *rw = &bl->u.table.rows[r];

			rw->text = recode(d, &tmp, rw->text, &rw->len, enc);
			for (k = 0; k < rw->ncells; k++)
				rw->cells[k].text = recode(d, &tmp,
				    rw->cells[k].text, &rw->cells[k].len, enc);
		}
	}
	for (k = 0; k < d->nnotes; k++)
		d->notes[k].text = recode(d, &tmp, d->notes[k].text,
		    &d->notes[k].len, enc);
	buf_free(&tmp);
}

#define LETTERHEAD_BLOCKS 8	/* the letterhead is among the first blocks */

/* Folds the start of p[0..n) (at most 64 bytes) into f. */
static void
fold_start(struct buf *f, const char *p, size_t n)
{
	buf_clear(f);
	u8_fold(f, p, u8_cut(p, n, 64));
	if (f->p == NULL)
		buf_adds(f, "");
}

int
doc_motto(const char *p, size_t n)
{
	struct buf f = { 0 };
	int yes;

	if (n == 0 || !isupper_at(p, n, 0))
		return 0;
	fold_start(&f, p, n);
	yes = words_prefix(WL_MOTTO, f.p, f.n) > 0;
	buf_free(&f);
	return yes;
}

size_t
doc_number_label(const char *p, size_t n)
{
	struct buf low = { 0 };
	size_t w;

	if (n == 0 || !isupper_at(p, n, 0))
		return 0;
	u8_lower(&low, p, u8_cut(p, n, 16));
	w = low.p == NULL ? 0 : words_prefix(WL_NUMBER_WORD, low.p, low.n);
	buf_free(&low);
	return w;
}

int
doc_letterhead_cell(const char *p, size_t n)
{
	size_t w = doc_number_label(p, n);

	if (doc_motto(p, n))
		return 1;
	if (w == 0)
		return 0;
	/* the number itself, or its blank ("Số:   /BC-UBND") after ':',
	 * not a count's header ("Số đơn") */
	while (w < n && (p[w] == ' ' || p[w] == '\t'))
		w++;
	return w < n && (p[w] == ':' || p[w] == '/' ||
	    (p[w] >= '0' && p[w] <= '9'));
}

/* A letterhead table: small, near the start, with the national motto or
 * the document number in a cell. */
static int
is_letterhead(const struct doc *d, size_t b)
{
	const struct table *t = &d->blocks[b].u.table;
	size_t r, k;
	int found = 0;

	if (b >= LETTERHEAD_BLOCKS || t->nrows > 6)
		return 0;
	for (r = 0; r < t->nrows; r++) {
		if (t->rows[r].ncells > 3)
			return 0;
		for (k = 0; k < t->rows[r].ncells; k++) {
			const struct cell *c = &t->rows[r].cells[k];

			found |= doc_letterhead_cell(c->text, c->len);
		}
	}
	return found;
}

/* Unfolds the letterhead table at block b into paragraphs. */
static void
unfold(struct doc *d, size_t b)
{
	struct block *old = d->blocks, *t;
	size_t r, col, n = d->nblocks;

	t = &old[b];
	d->blocks = NULL;
	d->nblocks = d->capblocks = 0;
	for (r = 0; r < b; r++)
		*add_block(d, BLOCK_PARA) = old[r];
	for (col = 0; col < 3; col++)
		for (r = 0; r < t->u.table.nrows; r++) {
			const struct row *rw = &t->u.table.rows[r];
			struct para *p;

			if (col >= rw->ncells || rw->cells[col].len == 0)
				continue;
			p = &add_block(d, BLOCK_PARA)->u.para;
			p->line = rw->line;
			p->text = arena_dup(&d->mem, rw->cells[col].text,
			    rw->cells[col].len);
			p->len = rw->cells[col].len;
		}
	for (r = b + 1; r < n; r++)
		*add_block(d, old[r].kind) = old[r];
	free(t->u.table.rows);
	free(old);
}

void
doc_letterhead(struct doc *d)
{
	size_t b;

	/* A converter may write the letterhead as a row or two among
	 * paragraphs: every such table near the start is unfolded. */
	for (b = 0; b < d->nblocks && b < LETTERHEAD_BLOCKS; b++)
		if (d->blocks[b].kind == BLOCK_TABLE && is_letterhead(d, b))
			unfold(d, b);
}
