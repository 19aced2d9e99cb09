/*
 * The cells of baocao-xlsx's workbook: formats, numbers written as
 * numbers (text when a spreadsheet cannot hold them; money shown in
 * millions), text cut to what a cell holds, headers, links to reports
 * relative to the workbook, notes, column widths, sheet names, page
 * setup.  The only part that writes cells through libxlsxwriter.
 */
#define _XOPEN_SOURCE 700	/* realpath */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "utf8.h"
#include "xalloc.h"
#include "xlsx.h"

#define MAX_DIGITS 15		/* what a spreadsheet's number holds exactly */
#define CELL_MAX 32767		/* characters a cell holds */
#define MONEY_DEC 2		/* decimals of a million shown at most */
#define HEADFOOT_MAX 120	/* bytes of a text in a page header (of 255) */

static int decimals(const char *, int *);
static int money_decimals(const char *);
static lxw_format *num_format(struct state *, int, int);
static void abs_path(struct buf *, const char *);
static void rel_path(struct buf *, const char *, const char *);
static void head_text(struct buf *, const char *, const char *);

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

/*
 * The decimals of a million a sum of đồng shows: none for whole
 * millions, else up to MONEY_DEC (the cell keeps every đồng).
 */
static int
money_decimals(const char *s)
{
	const char *dot = strchr(s, '.');
	size_t n = dot != NULL ? (size_t)(dot - s) : strlen(s), zeros = 0;

	if (dot != NULL)
		return MONEY_DEC;
	while (zeros < n && s[n - 1 - zeros] == '0')
		zeros++;
	return zeros >= 6 ? 0 : 6 - (int)zeros > MONEY_DEC ? MONEY_DEC :
	    6 - (int)zeros;
}

static lxw_format *
num_format(struct state *st, int dec, int style)
{
	int millions = (style & CELL_MILLIONS) != 0;
	int italic = (style & CELL_ITALIC) != 0;
	lxw_format **f;

	if (dec > MAX_DEC)
		dec = MAX_DEC;
	f = &st->f.num[millions][italic][dec];
	if (*f == NULL) {
		struct buf pat = { 0 };

		buf_adds(&pat, "#,##0");
		if (dec > 0) {
			buf_addc(&pat, '.');
			while (dec-- > 0)
				buf_addc(&pat, '0');
		}
		/* each trailing comma divides what is shown by a thousand */
		if (millions)
			buf_adds(&pat, ",,");
		*f = workbook_add_format(st->wb);
		format_set_num_format(*f, pat.p);
		if (italic)
			format_set_italic(*f);
		buf_free(&pat);
	}
	return *f;
}

/* Writes text, as a number when it is one; returns 1 if a number. */
int
cell_put(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *text, int style, lxw_format *textfmt)
{
	int exact, dec = decimals(text, &exact);

	if (dec >= 0 && exact) {
		double shown = (double)strlen(text);

		if (style & CELL_MILLIONS) {
			dec = money_decimals(text + (*text == '-'));
			shown = shown - 6 + dec + 1;
		}
		cell_ok(worksheet_write_number(ws, r, c, strtod(text, NULL),
		    num_format(st, dec, style)), "number");
		cell_widen(st, c, shown * 1.25 + 2);
		return 1;
	}
	if (dec >= 0 && !st->warned_digits) {
		warn("'%s' has more than %d significant digits, which a "
		    "spreadsheet cannot hold: written as text", text, MAX_DIGITS);
		st->warned_digits = 1;
	}
	cell_text(st, ws, r, c, text, style & CELL_ITALIC ? st->f.italic :
	    textfmt);
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
	size_t c, lines = 1;

	for (c = 0; c < n; c++) {
		size_t w = cell_chars(names[c]);

		cell_ok(worksheet_write_string(ws, r, (lxw_col_t)c, names[c],
		    st->f.head), "header");
		cell_widen(st, c, w > 14 ? 14 : (double)w + 2);
		if ((w + 11) / 12 > lines)
			lines = (w + 11) / 12;
	}
	cell_lines(ws, r, lines);
}

/*
 * The lines wrapped text takes in a column w characters wide (a
 * spreadsheet reading the file may not fit the row to it).
 */
size_t
cell_wrapped(const char *text, double w)
{
	double n = (double)cell_chars(text) * 1.1 / (w > 3 ? w - 2 : 1);

	return (size_t)n + 1;
}

void
cell_lines(lxw_worksheet *ws, lxw_row_t r, size_t lines)
{
	if (lines > 1)
		worksheet_set_row(ws, r, 15.0 * (double)lines, NULL);
}

void
cell_widths(struct state *st, lxw_worksheet *ws, double max)
{
	size_t c;

	for (c = 0; c < st->nwidth; c++) {
		if (st->width[c] > max)
			st->width[c] = max;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    st->width[c], NULL);
	}
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
	st->nwidth = 0;		/* the widths of the sheet: none yet */
	buf_free(&b);
	return ws;
}

/* The absolute path of path: the file's own when it exists, else made
 * from the current directory without "." and ".." steps. */
static void
abs_path(struct buf *b, const char *path)
{
	char *real = realpath(path, NULL), cwd[PATH_MAX];
	const char *p, *end;
	struct buf raw = { 0 };

	buf_clear(b);
	if (real != NULL) {
		buf_adds(b, real);
		free(real);
		return;
	}
	if (*path != '/' && getcwd(cwd, sizeof(cwd)) != NULL)
		buf_printf(&raw, "%s/", cwd);
	buf_adds(&raw, path);
	for (p = raw.p; *p != '\0'; p = end) {
		while (*p == '/')
			p++;
		if ((end = strchr(p, '/')) == NULL)
			end = p + strlen(p);
		if (end - p == 0 || (end - p == 1 && *p == '.'))
			continue;
		if (end - p == 2 && p[0] == '.' && p[1] == '.') {
			while (b->n > 0 && b->p[--b->n] != '/')
				;
			b->p[b->n] = '\0';
			continue;
		}
		buf_addc(b, '/');
		buf_add(b, p, (size_t)(end - p));
	}
	if (b->n == 0)
		buf_addc(b, '/');
	buf_free(&raw);
}

/* The path from directory base to file abs, both absolute and without
 * "." or ".." steps: up from base to the steps they share, then down. */
static void
rel_path(struct buf *b, const char *base, const char *abs)
{
	const char *x = base, *y = abs, *p;

	buf_clear(b);
	/* past every whole step both have */
	for (;;) {
		size_t nx, ny;

		while (*x == '/')
			x++;
		while (*y == '/')
			y++;
		nx = strcspn(x, "/");
		ny = strcspn(y, "/");
		if (nx == 0 || nx != ny || memcmp(x, y, nx) != 0 ||
		    y[ny] == '\0')
			break;
		x += nx;
		y += ny;
	}
	for (p = x; *p != '\0'; p += strcspn(p, "/")) {
		while (*p == '/')
			p++;
		if (*p != '\0')
			buf_adds(b, "../");
	}
	buf_adds(b, y);
}

/*
 * The report's path from the workbook's directory, as a relative link
 * (its bytes escaped as a URL's), shown as the path; so the workbook
 * travels with the reports' folder.
 */
void
cell_link(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *path, int *links)
{
	struct buf abs = { 0 }, rel = { 0 }, url = { 0 };
	size_t i;

	if (*path == '\0')
		return;
	abs_path(&abs, path);
	rel_path(&rel, st->base, abs.p);
	if (*links >= LXW_MAX_NUMBER_URLS) {
		cell_text(st, ws, r, c, rel.p, NULL);
		goto done;
	}
	for (i = 0; i < rel.n; i++) {
		unsigned char ch = (unsigned char)rel.p[i];

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~/", ch) != NULL)
			buf_addc(&url, (char)ch);
		else
			buf_printf(&url, "%%%02X", ch);
	}
	if (url.n <= 2079 && worksheet_write_url_opt(ws, r, c, url.p,
	    st->f.link, rel.p, NULL) == LXW_NO_ERROR)
		(*links)++;
	else
		cell_text(st, ws, r, c, rel.p, NULL);
	cell_widen(st, c, (double)cell_chars(rel.p) + 2);
done:
	buf_free(&abs);
	buf_free(&rel);
	buf_free(&url);
}

void
cell_note(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *text)
{
	lxw_comment_options o = { 0 };

	(void)st;
	o.width = 360;
	o.height = 80;
	o.author = "baocao";
	if (*text != '\0')
		cell_ok(worksheet_write_comment_opt(ws, r, c, (char *)text, &o),
		    "note");
}

void
cell_banner(struct state *st, lxw_worksheet *ws, lxw_row_t r,
    lxw_col_t last, const double *width, const char *text, lxw_format *f,
    double lineh)
{
	double total = 0, lines;
	lxw_col_t c;

	for (c = 0; c <= last; c++)
		total += width[c];
	lines = (double)cell_chars(text) * 1.15 / (total > 1 ? total : 1);
	if (last > 0)
		cell_ok(worksheet_merge_range(ws, r, 0, r, last, text, f),
		    "banner");
	else
		cell_text(st, ws, r, 0, text, f);
	worksheet_set_row(ws, r, lineh * (lines < 1 ? 1 : (double)(int)lines +
	    1), NULL);
}

/* Text for a page's header or footer: '&' doubled, cut to HEADFOOT_MAX
 * bytes. */
static void
head_text(struct buf *b, const char *code, const char *text)
{
	size_t n = u8_cut(text, strlen(text), HEADFOOT_MAX), i;

	buf_adds(b, code);
	for (i = 0; i < n; i++) {
		if (text[i] == '&')
			buf_addc(b, '&');
		buf_addc(b, text[i]);
	}
}

void
cell_page(struct state *st, lxw_worksheet *ws, lxw_row_t head0,
    lxw_row_t head1, const char *title, const char *source)
{
	struct buf h = { 0 }, f = { 0 }, t = { 0 };

	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_fit_to_pages(ws, 1, 0);
	cell_ok(worksheet_repeat_rows(ws, head0, head1), "print titles");
	head_text(&h, "&L", text_say(st, "subject"));
	head_text(&h, "&R", title);
	head_text(&f, "&L", source);
	/* the page's words, cut, then the page numbers' codes */
	head_text(&t, "", text_say(st, "page"));
	buf_adds(&f, "&C");
	labels_fill(&f, t.p, "page", "&P", "pages", "&N", (const char *)NULL);
	buf_clear(&t);
	labels_fill(&t, text_say(st, "made"), "date", st->date, (const char *)NULL);
	head_text(&f, "&R", t.p);
	cell_ok(worksheet_set_header(ws, h.p), "page header");
	cell_ok(worksheet_set_footer(ws, f.p), "page footer");
	buf_free(&h);
	buf_free(&f);
	buf_free(&t);
}

void
cells_formats(struct state *st)
{
	struct fmts *f = &st->f;

	f->title = workbook_add_format(st->wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_text_wrap(f->title);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_TOP);
	f->head = workbook_add_format(st->wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(f->head, 0xDDEBF7);
	format_set_border(f->head, LXW_BORDER_THIN);
	f->bold = workbook_add_format(st->wb);
	format_set_bold(f->bold);
	format_set_text_wrap(f->bold);
	format_set_align(f->bold, LXW_ALIGN_VERTICAL_TOP);
	f->italic = workbook_add_format(st->wb);
	format_set_italic(f->italic);
	f->note = workbook_add_format(st->wb);
	format_set_italic(f->note);
	format_set_font_color(f->note, LXW_COLOR_GRAY);
	f->link = workbook_get_default_url_format(st->wb);
	f->group = workbook_add_format(st->wb);
	format_set_bold(f->group);
	format_set_bg_color(f->group, 0xF2F2F2);
	f->warn = workbook_add_format(st->wb);
	format_set_bold(f->warn);
	format_set_font_color(f->warn, 0xC00000);
	f->stt = workbook_add_format(st->wb);
	format_set_align(f->stt, LXW_ALIGN_CENTER);
	f->wrap = workbook_add_format(st->wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	f->banner = workbook_add_format(st->wb);
	format_set_italic(f->banner);
	format_set_font_color(f->banner, LXW_COLOR_GRAY);
	format_set_text_wrap(f->banner);
	format_set_align(f->banner, LXW_ALIGN_VERTICAL_TOP);
}

