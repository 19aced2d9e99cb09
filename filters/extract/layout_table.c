/*
 * Laid-out tables into the model (see layout.c): lines of three or more
 * columns, two or more together, are a table block; each line's cells go
 * to the columns of the block's fullest line, and the lines of a row
 * wrapped over several join the row whose STT number is nearest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "extract.h"
#include "layout.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

/* The cells of line l: parts between gaps of two blanks or more. */
struct lcell {
	size_t a, b;		/* bytes */
	size_t col;		/* column of its first character */
};

static size_t
cells_of(const struct lline *l, struct lcell *c, size_t max)
{
	const char *s = l->s.p;
	size_t i = l->indent, k = 0;

	while (i < l->s.n && k < max) {
		size_t a = i;

		while (i < l->s.n && !(s[i] == ' ' && i + 1 < l->s.n &&
		    s[i + 1] == ' '))
			i++;
		c[k].a = a;
		c[k].b = i;
		c[k].col = lay_columns(s, a);
		k++;
		while (i < l->s.n && s[i] == ' ')
			i++;
	}
	return k;
}

static int
is_table_line(const struct lline *l)
{
	struct lcell c[4];

	return l->kind == L_TEXT && cells_of(l, c, 4) >= 3;
}

/*
 * Marks the table blocks: two or more table lines, with blank lines and
 * at most two other lines between them; returns nothing, sets kind and
 * table_start.
 */
void
lay_find_tables(struct lay *x)
{
	size_t i = 0, j, last, count;

	while (i < x->n) {
		if (!is_table_line(&x->l[i])) {
			i++;
			continue;
		}
		for (j = i + 1, last = i, count = 1; j < x->n; j++) {
			if (is_table_line(&x->l[j])) {
				last = j;
				count++;
			} else if (x->l[j].kind == L_TEXT && j - last > 2)
				break;
			else if (x->l[j].kind != L_TEXT && x->l[j].kind != L_BLANK)
				break;
		}
		if (count >= 2) {
			x->l[i].table_start = 1;
			for (j = i; j <= last; j++)
				if (x->l[j].kind == L_TEXT)
					x->l[j].kind = L_TABLE;
		}
		i = last + 1;
	}
}

/* Lines of the table block from i: to e. */
static size_t
block_end(const struct lay *x, size_t i)
{
	size_t e;

	for (e = i; e < x->n && (e == i || !x->l[e].table_start) &&
	    (x->l[e].kind == L_TABLE || x->l[e].kind == L_BLANK); e++)
		;
	return e;
}

/* Lines of the block [i, e) with a cell starting at col (two columns
 * either way). */
static size_t
starts_at(const struct lay *x, size_t i, size_t e, size_t col)
{
	struct lcell c[MAXCOLS];
	size_t j, k, n, count = 0;

	for (j = i; j < e; j++) {
		if (x->l[j].kind != L_TABLE)
			continue;
		n = cells_of(&x->l[j], c, MAXCOLS);
		for (k = 0; k < n; k++)
			if (c[k].col + 2 >= col && c[k].col <= col + 2) {
				count++;
				break;
			}
	}
	return count;
}

/*
 * The column starts of the table block [i, e): those of its fullest
 * line, and the starts of cells on two lines or more that no cell of the
 * fullest line covers (a name column whose text stands above and below
 * the row's figures).
 */
static size_t
table_columns(const struct lay *x, size_t i, size_t e, size_t *start)
{
	struct lcell c[MAXCOLS], full[MAXCOLS], o[MAXCOLS];
	size_t j, k, m, best = 0, n, nfull = 0, fl = i;

	for (j = i; j < e; j++)
		if (x->l[j].kind == L_TABLE &&
		    (n = cells_of(&x->l[j], c, MAXCOLS)) > nfull) {
			nfull = n;
			fl = j;
			memcpy(full, c, n * sizeof(*c));
		}
	for (k = 0; k < nfull; k++)
		start[best++] = full[k].col;
	for (j = i; j < e && best < MAXCOLS; j++) {
		if (x->l[j].kind != L_TABLE)
			continue;
		n = cells_of(&x->l[j], o, MAXCOLS);
		for (k = 0; k < n && best < MAXCOLS; k++) {
			size_t col = o[k].col, w;

			for (m = 0; m < nfull; m++)
				if (col + 2 >= full[m].col && col <= full[m].col +
				    lay_columns(x->l[fl].s.p + full[m].a,
				    full[m].b - full[m].a))
					break;
			for (w = 0; w < best && (start[w] + 2 < col ||
			    start[w] > col + 2); w++)
				;
			if (m == nfull && w == best && starts_at(x, i, e, col) >= 2)
				start[best++] = col;
		}
	}
	/* In order. */
	for (k = 1; k < best; k++)
		for (m = k; m > 0 && start[m - 1] > start[m]; m--) {
			size_t t = start[m];

			start[m] = start[m - 1];
			start[m - 1] = t;
		}
	return best;
}

/* The length of an STT number leading s[0..n) ("1.", "2.1.", "IV")
 * before a blank or the end, or 0. */
static size_t
stt_len(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n && (wd_digit(s[k]) || s[k] == '.'); k++)
		;
	if (k > 0 && k <= 8 && wd_digit(s[0]) && (k == n || s[k] == ' '))
		return k;
	for (k = 0; k < n && strchr("IVX", s[k]) != NULL; k++)
		;
	if (k > 0 && k < n && s[k] == '.')
		k++;
	return k > 0 && k <= 6 && (k == n || s[k] == ' ') ? k : 0;
}

/* The cells of line l placed in the ncol columns starting at start:
 * a cell goes to the last column starting at most two columns after it. */
static void
place(const struct lline *l, const size_t *start, size_t ncol,
    struct buf *cell)
{
	struct lcell c[MAXCOLS];
	size_t n = cells_of(l, c, MAXCOLS), k, col;

	for (k = 0; k < n; k++) {
		const char *p = l->s.p + c[k].a;
		size_t len = c[k].b - c[k].a, stt;

		for (col = ncol - 1; col > 0 && start[col] > c[k].col + 2; col--)
			;
		/* "1.4.1. Số TTHC": the number and the name are two cells. */
		if (col == 0 && ncol > 1 && (stt = stt_len(p, len)) > 0 &&
		    stt < len) {
			buf_add(&cell[0], p, stt);
			p += stt + 1;
			len -= stt + 1;
			col = 1;
		}
		if (cell[col].n > 0)
			buf_addc(&cell[col], ' ');
		buf_add(&cell[col], p, len);
	}
}

/* A row of ncol cells into the document. */
static void
add_row(struct lay *x, size_t no, struct buf *cell, size_t ncol, int first)
{
	struct buf *t = &x->tmp;
	struct row *r;
	struct cell *rc;
	size_t col, off;

	buf_clear(t);
	for (col = 0; col < ncol; col++) {
		if (col > 0)
			buf_addc(t, '\t');
		buf_add(t, cell[col].p == NULL ? "" : cell[col].p, cell[col].n);
	}
	if ((r = doc_add_row(x->d, no, t->p, t->n, first)) == NULL ||
	    (rc = doc_cells(x->d, r, ncol)) == NULL)
		return;
	for (col = 0, off = 0; col < ncol; col++) {
		rc[col].text = r->text + off;
		rc[col].len = cell[col].n;
		rc[col].span = 1;
		off += cell[col].n + 1;
	}
}

/* A row starts at line l: an STT number or a total label ("Tổng
 * cộng") in the first column. */
static int
is_anchor(struct lay *x, const struct lline *l, const size_t *start,
    size_t ncol)
{
	struct lcell c[MAXCOLS];
	size_t n = cells_of(l, c, MAXCOLS);

	if (n == 0 || (ncol > 1 && c[0].col + 2 >= start[1]))
		return 0;
	return stt_len(l->s.p + c[0].a, c[0].b - c[0].a) > 0 ||
	    words_total_label(l->s.p + c[0].a, c[0].b - c[0].a, &x->tmp2);
}

/* Line l has text in the second column only (a name wrapped around its
 * row's number). */
static int
name_only(const struct lline *l, const size_t *start, size_t ncol)
{
	struct lcell c[MAXCOLS];
	size_t n = cells_of(l, c, MAXCOLS);

	return ncol > 2 && n == 1 && c[0].col + 2 >= start[1] &&
	    c[0].col + 2 < start[2];
}

/*
 * A table block from line i: one row a line down to the first line that
 * starts a row (an STT number); from there on, each other line belongs
 * to the row whose first line is nearest (the earlier on a tie), as a
 * cell's text wrapped over lines stands around its row's number.
 * Returns the line after the block.
 */
size_t
lay_table_block(struct lay *x, size_t i)
{
	size_t start[MAXCOLS], e = block_end(x, i), ncol, j, k;
	size_t prev = (size_t)-1, next, col, *owner;
	struct buf cell[MAXCOLS];
	int first = 1;

	ncol = table_columns(x, i, e, start);
	owner = xreallocarray(NULL, e - i, sizeof(*owner));
	for (j = i; j < e; j++) {
		owner[j - i] = j;
		if (x->l[j].kind != L_TABLE)
			continue;
		if (is_anchor(x, &x->l[j], start, ncol)) {
			prev = j;
			continue;
		}
		for (next = j + 1; next < e && !(x->l[next].kind == L_TABLE &&
		    is_anchor(x, &x->l[next], start, ncol)); next++)
			;
		if (prev == (size_t)-1) {
			/* Above the first row: headers, but for a name just
			 * above its number. */
			if (next == j + 1 && next < e &&
			    name_only(&x->l[j], start, ncol))
				owner[j - i] = next;
			continue;
		}
		owner[j - i] = next < e && next - j < j - prev ? next : prev;
	}
	for (k = i; k < e; k++) {
		if (x->l[k].kind != L_TABLE || owner[k - i] != k)
			continue;
		memset(cell, 0, sizeof(cell));
		for (j = i; j < e; j++)
			if (x->l[j].kind == L_TABLE && owner[j - i] == k)
				place(&x->l[j], start, ncol, cell);
		add_row(x, x->l[k].no, cell, ncol, first);
		first = 0;
		for (col = 0; col < ncol; col++)
			buf_free(&cell[col]);
	}
	free(owner);
	return e;
}
