/*
 * The cells of baocao-xlsx's workbook: formats, numbers written as
 * numbers (text when a spreadsheet cannot hold them), text cut to what a
 * cell holds, headers, links to reports, column widths, sheet names.  The
 * only part that writes cells through libxlsxwriter.
 */
#define _XOPEN_SOURCE 700	/* realpath */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"
#include "xalloc.h"
#include "xlsx.h"

#define MAX_DIGITS 15		/* what a spreadsheet's number holds exactly */
#define WIDTH_MAX 90.0
#define CELL_MAX 32767		/* characters a cell holds */

static int decimals(const char *, int *);
static lxw_format *num_format(struct state *, int, int);

void
cell_ok(lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR)
		die(2, "%s: %s", what, lxw_strerror(e));
}

void
cell_widen(struct state *st, size_t col, double w)
{
	if (col >= st->nwidth) {
		st->width = xreallocarray(st->width, col + 1, sizeof(*st->width));
		while (st->nwidth <= col)
			st->width[st->nwidth++] = 0;
	}
	if (w > st->width[col])
		st->width[col] = w;
}

/* Counted in characters: what a column's width is. */
size_t
cell_chars(const char *s)
{
	size_t n = 0, len = strlen(s), i = 0;

	while (i < len) {
		i += u8_len(s + i, len - i);
		n++;
	}
	return n;
}

/*
 * A canonical decimal without a leading zero (so "07" and codes stay
 * text): its number of decimals, and whether a double holds it exactly
 * enough (MAX_DIGITS significant digits); -1 when it is not a number.
 */
static int
decimals(const char *s, int *exact)
{
	const char *p = s + (*s == '-'), *dot;
	size_t digits = 0, lead = 0, i;
	int seen = 0;

	if (*p == '\0' || (p[0] == '0' && p[1] != '\0' && p[1] != '.'))
		return -1;
	for (i = 0; p[i] != '\0'; i++) {
		if (p[i] == '.' && !seen && i > 0 && p[i + 1] != '\0') {
			seen = 1;
			continue;
		}
		if (p[i] < '0' || p[i] > '9')
			return -1;
		if (p[i] == '0' && digits == 0)
			lead++;
		else
			digits++;
	}
	*exact = digits <= MAX_DIGITS;
	dot = strchr(p, '.');
	return dot == NULL ? 0 : (int)strlen(dot + 1);
}

static lxw_format *
num_format(struct state *st, int dec, int italic)
{
	lxw_format **f;

	if (dec > MAX_DEC)
		dec = MAX_DEC;
	f = &st->f.num[italic][dec];
	if (*f == NULL) {
		char pat[32] = "#,##0";

		if (dec > 0) {
			strcat(pat, ".");
			memset(pat + strlen(pat), '0', (size_t)dec);
			pat[6 + dec] = '\0';
		}
		*f = workbook_add_format(st->wb);
		format_set_num_format(*f, pat);
		if (italic)
			format_set_italic(*f);
	}
	return *f;
}

/* Writes text, as a number when it is one; returns 1 if a number. */
int
cell_put(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *text, int italic, lxw_format *textfmt)
{
	int exact, dec = decimals(text, &exact);

	if (dec >= 0 && exact) {
		cell_ok(worksheet_write_number(ws, r, c, strtod(text, NULL),
		    num_format(st, dec, italic)), "number");
		cell_widen(st, c, (double)strlen(text) * 1.25 + 2);
		return 1;
	}
	if (dec >= 0 && !st->warned_digits) {
		warn("'%s' has more than %d significant digits, which a "
		    "spreadsheet cannot hold: written as text", text, MAX_DIGITS);
		st->warned_digits = 1;
	}
	cell_text(st, ws, r, c, text, italic ? st->f.italic : textfmt);
	return 0;
}

/* Text as it is (cut to the CELL_MAX characters a cell holds). */
void
cell_text(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *text, lxw_format *f)
{
	size_t n = strlen(text);
	char *cut = NULL;

	if (n > CELL_MAX) {	/* bytes: at least as many as characters */
		cut = xmemdup(text, u8_cut(text, n, CELL_MAX));
		text = cut;
	}
	if (*text != '\0')
		cell_ok(worksheet_write_string(ws, r, c, text, f), "text");
	cell_widen(st, c, (double)cell_chars(text) + 2);
	free(cut);
}

/* A header row: bold, wrapped, frozen above the rows. */
void
cell_header(struct state *st, lxw_worksheet *ws, lxw_row_t r,
    const char *const *names, size_t n)
{
	size_t c;

	for (c = 0; c < n; c++) {
		size_t w = cell_chars(names[c]);

		cell_ok(worksheet_write_string(ws, r, (lxw_col_t)c, names[c],
		    st->f.head), "header");
		cell_widen(st, c, w > 14 ? 14 : (double)w + 2);
	}
}

void
cell_widths(struct state *st, lxw_worksheet *ws)
{
	size_t c;

	for (c = 0; c < st->nwidth; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    st->width[c] > WIDTH_MAX ? WIDTH_MAX : st->width[c], NULL);
	st->nwidth = 0;
}

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\, not
 * used before. */
lxw_worksheet *
cell_sheet(struct state *st, const char *want)
{
	struct buf b = { 0 };
	size_t i, n;
	int k;
	lxw_worksheet *ws;

	for (k = 1;; k++) {
		buf_clear(&b);
		for (i = 0; want[i] != '\0'; i++)
			buf_addc(&b, strchr("[]:*?/\\", want[i]) != NULL ? '-' :
			    want[i]);
		n = u8_cut(b.p, b.n, 31 * 4);
		while (cell_chars(b.p) > (k > 1 ? 27 : 31)) {
			n = u8_cut(b.p, n - 1, n - 1);
			b.p[n] = '\0';
		}
		b.n = strlen(b.p);
		if (k > 1)
			buf_printf(&b, " %d", k);
		if (workbook_get_worksheet_by_name(st->wb, b.p) == NULL)
			break;
	}
	ws = workbook_add_worksheet(st->wb, b.p);
	if (ws == NULL)
		die(2, "cannot add sheet '%s'", b.p);
	buf_free(&b);
	return ws;
}

/* "file://" and the path, escaped. */
void
cell_link(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *path, int *links)
{
	struct buf url = { 0 };
	char *abs = NULL;
	size_t i;

	/* A relative path is the report's from where the run started. */
	if (*path != '\0' && *path != '/' && (abs = realpath(path, NULL)) != NULL)
		path = abs;
	if (*path != '/' || *links >= LXW_MAX_NUMBER_URLS) {
		cell_text(st, ws, r, c, path, NULL);
		free(abs);
		return;
	}
	buf_adds(&url, "file://");
	for (i = 0; path[i] != '\0'; i++) {
		unsigned char ch = (unsigned char)path[i];

		if (ch >= 0x80 || strchr(" %#?\"<>\\[]^{}`|", ch) != NULL)
			buf_printf(&url, "%%%02X", ch);
		else
			buf_addc(&url, (char)ch);
	}
	if (url.n <= 2079 && worksheet_write_url_opt(ws, r, c, url.p,
	    st->f.link, path, NULL) == LXW_NO_ERROR)
		(*links)++;
	else
		cell_text(st, ws, r, c, path, NULL);
	cell_widen(st, c, (double)cell_chars(path) + 2);
	buf_free(&url);
	free(abs);
}

void
cells_formats(struct state *st)
{
	struct fmts *f = &st->f;

	f->title = workbook_add_format(st->wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->head = workbook_add_format(st->wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(f->head, 0xDDEBF7);
	format_set_border(f->head, LXW_BORDER_THIN);
	f->bold = workbook_add_format(st->wb);
	format_set_bold(f->bold);
	f->italic = workbook_add_format(st->wb);
	format_set_italic(f->italic);
	f->note = workbook_add_format(st->wb);
	format_set_italic(f->note);
	format_set_font_color(f->note, LXW_COLOR_GRAY);
	f->link = workbook_get_default_url_format(st->wb);
}

