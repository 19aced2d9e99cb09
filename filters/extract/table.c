/*
 * Figures in tables: one row per numeric cell, labelled with the row's
 * name cell and the path of header cells above its column.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "utf8.h"
#include "vnum.h"
#include "words.h"
#include "xalloc.h"

static int
all_digits(struct span c)
{
	size_t i;

	if (c.n == 0)
		return 0;
	for (i = 0; i < c.n; i++)
		if (!wd_digit(c.p[i]))
			return 0;
	return 1;
}

static int
is_number_cell(struct span c)
{
	size_t e;

	if (c.n == 0 || !wd_digit(c.p[0]))
		return 0;
	e = digit_token(c.p, c.n, 0);
	if (e < c.n && c.p[e] == '%')
		e++;
	return e == c.n && vnum_plausible(c.p, c.n - (c.p[c.n - 1] == '%'));
}

static int
is_total_label(struct span c)
{
	struct buf tmp = { 0 };
	int yes = words_total_label(c.p, c.n, &tmp);

	buf_free(&tmp);
	return yes;
}

enum { MAXCELLS = ROW_MAXCELLS, MAXHEAD = 8 };

/* The cells of a row as spans, at most MAXCELLS. */
static size_t
row_cells(const struct row *r, struct span *cells)
{
	size_t k;

	for (k = 0; k < r->ncells && k < MAXCELLS; k++) {
		cells[k].p = r->cells[k].text;
		cells[k].n = r->cells[k].len;
	}
	return k;
}

/*
 * A row of a table whose grid the reader knew (Word's gridSpan and
 * vMerge), laid out one grid column a cell.  A cell spanning columns
 * heads each of them in a header row, and stands at its first column in
 * a data row.  A merged cell continues the one above: in a header row it
 * adds nothing to the path (the cell above is already in it); in a data
 * row it is empty, but for the STT and name columns, where it is the name
 * above ("Xã A" over two rows of figures).  above keeps each column's
 * last cell that was not merged.
 */
static size_t
grid_cells(const struct row *r, struct span *cells, struct span *above,
    int header)
{
	static const struct span none = { "", 0 };
	size_t k, j, col = 0;

	for (k = 0; k < r->ncells && col < MAXCELLS; k++) {
		const struct cell *c = &r->cells[k];
		size_t span = c->span < 1 ? 1 : c->span;
		struct span t = { c->text, c->len };

		if (c->merged)
			t = col < 2 && !header ? above[col] : none;
		else
			for (j = col; j < col + span && j < MAXCELLS; j++)
				above[j] = t;
		for (j = 0; j < span && col < MAXCELLS; j++, col++)
			cells[col] = j == 0 || header ? t : none;
	}
	return col;
}

/* An STT number: "1", "12", "2.1", "3.3.1.", or a roman "IV" or "IV.". */
static int
is_stt(struct span c)
{
	size_t i, digits = 0;

	if (c.n == 0 || c.n > 10)
		return 0;
	if (wd_digit(c.p[0])) {
		for (i = 0; i < c.n; i++) {
			if (c.p[i] == '.' && i > 0 && c.p[i - 1] != '.')
				continue;
			if (!wd_digit(c.p[i]))
				return 0;
			digits++;
		}
		return c.n <= 3 || c.p[c.n - 1] == '.' || digits < c.n;
	}
	for (i = 0; i < c.n && strchr("IVX", c.p[i]) != NULL; i++)
		;
	return i > 0 && i <= 5 && (i == c.n || (i + 1 == c.n && c.p[i] == '.'));
}

/* A plain number cell (digits only, at most 9 of them): its value, or
 * -1. */
static long
plain_number(struct span c)
{
	return c.n > 0 && c.n <= 9 && all_digits(c) ? strtol(c.p, NULL, 10) : -1;
}

#define STT_AHEAD 8		/* rows looked at for the next STT */

/*
 * An STT at any width: is_stt's, or a plain number that goes on the
 * table's run of them (one more than the last STT, or one less than the
 * next plain number in the first column within STT_AHEAD rows), so that
 * rows 1000 and on keep their labels and their numbers are no figures.
 */
static int
stt_at(const struct table *t, size_t r, struct span c, long last)
{
	long v = plain_number(c);
	size_t k;

	if (is_stt(c))
		return 1;
	if (v < 0)
		return 0;
	if (last >= 0 && v == last + 1)
		return 1;
	for (k = r + 1; k < t->nrows && k <= r + STT_AHEAD; k++) {
		const struct row *nr = &t->rows[k];
		long next;

		if (nr->ncells == 0)
			continue;
		next = plain_number((struct span){ nr->cells[0].text,
		    nr->cells[0].len });
		if (next >= 0)
			return next == v + 1;
	}
	return 0;
}

/*
 * Header rows converted from merged Word cells can sit off the data
 * columns.  The column-number row tells: where it skips a number (7 8 10
 * 11), that column was dropped from the data, and the top header row,
 * which still has a cell per original column, is moved onto the data
 * columns through it.  A lower header row that lost the cells under
 * merged single columns is then laid, cell by cell and in order, under
 * the top row's groups of two or more columns, when it has exactly as
 * many labels as those groups have columns.
 */
static void
align_headers(struct span head[][MAXCELLS], size_t *hn, size_t nhead,
    const long *num, size_t nnum)
{
	static const struct span none = { "", 0 };
	struct span top[MAXCELLS];
	unsigned char grouped[MAXCELLS] = { 0 };
	size_t k, j, h, width = 0;
	int gap = 0;

	for (k = 1; k < nnum; k++)
		if (num[k] > num[k - 1] + 1)
			gap = 1;
	if (!gap || nhead == 0)
		return;
	for (k = 0; k < nnum; k++)
		top[k] = num[k] >= 1 && (size_t)num[k] - 1 < hn[0] ?
		    head[0][num[k] - 1] : none;
	memcpy(head[0], top, nnum * sizeof(*top));
	hn[0] = nnum;
	/* The columns under groups of two or more. */
	for (k = 0; k < nnum; k = j) {
		for (j = k + 1; j < nnum && top[j].n == 0; j++)
			;
		if (top[k].n > 0 && j - k >= 2)
			for (; k < j; k++, width++)
				grouped[k] = 1;
	}
	for (h = 1; h < nhead && width > 0; h++) {
		struct span out[MAXCELLS];
		size_t labels = 0, next = 0;

		for (k = 0; k < hn[h]; k++)
			labels += head[h][k].n > 0;
		if (labels != width)
			continue;
		for (k = 0; k < nnum; k++) {
			out[k] = none;
			if (!grouped[k])
				continue;
			while (head[h][next].n == 0)
				next++;
			out[k] = head[h][next++];
		}
		memcpy(head[h], out, nnum * sizeof(*out));
		hn[h] = nnum;
	}
}

/* The header rows of a table, and its column-number row. */
struct heads {
	struct span cell[MAXHEAD][MAXCELLS];
	size_t n[MAXHEAD], rows;
	long num[MAXCELLS];	/* the column-number row, when there is one */
	size_t nnum;
	int grid;		/* the table's grid is known */
};

/* A row of ascending column numbers "1 2 3 ...": its numbers go into h. */
static int
column_numbers(const struct span *cells, size_t nc, struct heads *h)
{
	size_t k;

	for (k = 0; k < nc; k++)
		if (cells[k].n > 0 && !all_digits(cells[k]))
			return 0;
	if (nc < 3 || !all_digits(cells[0]) ||
	    strncmp(cells[0].p, "1", cells[0].n) != 0 ||
	    !(nc < 2 || cells[1].n == 0 || all_digits(cells[1])) ||
	    !(cells[1].n > 0 && strncmp(cells[1].p, "2", cells[1].n) == 0))
		return 0;
	for (h->nnum = 0; h->nnum < nc && cells[h->nnum].n > 0 &&
	    cells[h->nnum].n < 6; h->nnum++)
		h->num[h->nnum] = strtol(cells[h->nnum].p, NULL, 10);
	return 1;
}

/*
 * A data row starts with an STT number (stt: its first cell is one) and a
 * name, or a total label; or it is a short name ("GV", "P.7", "Khối VP")
 * followed by numbers only, at least two of them: a unit written as a
 * code, with no STT.
 */
static int
is_data_row(const struct span *cells, size_t nc, int stt)
{
	size_t k, name = 0, nums = 0;

	if ((stt && nc > 1 && cells[1].n > 0 &&
	    !all_digits(cells[1]) && !is_stt(cells[1])) ||
	    is_total_label(cells[0]) ||
	    (nc > 1 && cells[0].n == 0 && is_total_label(cells[1])))
		return 1;
	while (name < nc && cells[name].n == 0)
		name++;
	if (name == nc || cells[name].n > 40 || is_number_cell(cells[name]))
		return 0;
	for (k = name + 1; k < nc; k++) {
		if (cells[k].n == 0 || (cells[k].n == 1 && cells[k].p[0] == '-'))
			continue;
		if (!is_number_cell(cells[k]))
			return 0;
		nums++;
	}
	return nums >= 2;
}

/* The header path of column k into col: its header cells, top down. */
static void
column_label(struct buf *col, const struct heads *hd, size_t k,
    size_t name_at, int grid)
{
	size_t h;

	buf_clear(col);
	for (h = 0; h < hd->rows; h++) {
		struct span hc = { "", 0 };

		if (k < hd->n[h])
			hc = hd->cell[h][k];
		/* An empty top header cell continues the one left (where
		 * the grid is not known). */
		if (h == 0 && hc.n == 0 && !grid) {
			size_t j = k < hd->n[h] ? k : hd->n[h];

			while (j-- > 0 && hd->cell[h][j].n == 0)
				;
			if (j < hd->n[h] && j > name_at)
				hc = hd->cell[h][j];
		}
		if (hc.n == 0)
			continue;
		if (col->n > 0)
			buf_adds(col, " / ");
		buf_add(col, hc.p, hc.n);
	}
}

/* The figures of one cell: a number cell is one, a text cell is
 * scanned as prose ("Khoảng 330 người Khoảng 310 người"). */
static void
cell_figures(struct scan *st, struct pos at, size_t line, struct span c,
    const char *row, const char *col)
{
	struct mention m = { 0 };
	char *cell;

	if (!is_number_cell(c)) {
		cell = xmemdup(c.p, c.n);
		scan_text(st, at, cell, c.n, 0, "table", row, col);
		free(cell);
		return;
	}
	m.line = line;
	m.source = "table";
	m.row = row;
	m.col = col;
	m.before = m.unit = m.after = span_of("");
	m.raw = c;
	emit(st, &m);
}

/* A data row: one figure per numeric cell after the name cell (stt: the
 * first cell is an STT; row and col are scratch space). */
static void
data_row(struct scan *st, struct pos at, size_t line,
    const struct span *cells, size_t nc, int stt, const struct heads *hd,
    struct buf *row, struct buf *col)
{
	size_t name_at, k;

	name_at = stt || cells[0].n == 0 ? 1 : 0;
	buf_clear(row);
	buf_add(row, cells[name_at].p, cells[name_at].n);
	for (k = name_at + 1; k < nc; k++) {
		struct span c = cells[k];

		if (c.n == 0 || (c.n == 1 && c.p[0] == '-'))
			continue;
		column_label(col, hd, k, name_at, hd->grid);
		cell_figures(st, at, line, c, row->p, col->p == NULL ? "" :
		    col->p);
	}
}

/*
 * A table block.  Header rows come before the first data row; a row of
 * ascending column numbers is not a header (it aligns them, above); a
 * data row starts with an STT number or a total label; a text row after
 * the data is scanned as prose.
 */
void
scan_table(struct scan *st, size_t b)
{
	const struct table *t = &st->doc->blocks[b].u.table;
	struct span cells[MAXCELLS], above[MAXCELLS];
	struct heads heads, *hd = &heads;
	struct buf row = { 0 }, col = { 0 };
	size_t r, nc, h, taken[MAXHEAD];	/* the rows taken for headers */
	long last = -1;		/* the last plain STT number */
	int in_data = 0, stt;

	/* The arrays are filled as rows come, and read only that far. */
	hd->rows = hd->nnum = 0;
	hd->grid = t->grid;

	for (r = 0; r < t->nrows; r++) {
		const struct row *tr = &t->rows[r];
		struct pos at = { b, r };

		nc = t->grid ? grid_cells(tr, cells, above, 0) :
		    row_cells(tr, cells);
		if (!in_data && column_numbers(cells, nc, hd))
			continue;
		stt = stt_at(t, r, cells[0], last);
		if (!is_data_row(cells, nc, stt)) {
			if (in_data)
				scan_text(st, at, tr->text, tr->len, 0, "table",
				    "", "");
			else if (hd->rows < MAXHEAD) {
				if (t->grid)
					nc = grid_cells(tr, cells, above, 1);
				memcpy(hd->cell[hd->rows], cells, nc * sizeof(*cells));
				taken[hd->rows] = r;
				hd->n[hd->rows++] = nc;
			} else
				scan_text(st, at, tr->text, tr->len, 0, "table",
				    "", "");
			continue;
		}
		if (!in_data && !t->grid)
			align_headers(hd->cell, hd->n, hd->rows, hd->num, hd->nnum);
		in_data = 1;
		if (stt && plain_number(cells[0]) >= 0)
			last = plain_number(cells[0]);
		data_row(st, at, tr->line, cells, nc, stt, hd, &row, &col);
	}
	/* With no data row, the table is text set in boxes: its rows that
	 * were taken for headers are prose. */
	for (h = 0; !in_data && h < hd->rows; h++) {
		struct pos at = { b, taken[h] };

		scan_text(st, at, t->rows[taken[h]].text, t->rows[taken[h]].len,
		    0, "table", "", "");
	}
	buf_free(&row);
	buf_free(&col);
}
