/*
 * extract's header reader: the letterhead's lines (see header.h), its
 * first HEADER_LINES lines put back in column order however a conversion
 * wrote them (one column after the other, side by side in table cells,
 * '|' cells, columns of blanks, glued to the motto), what each line is
 * (the motto, a rule, the number, the place and date, the kind of
 * document), and lines joined with their fold.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "header.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

#define MOTTO_FOLD 64		/* bytes folded where the national motto may
				 * start */

static int
isblank_at(char c)
{
	return c == ' ' || c == '\t';
}

void
hd_trim(const char **p, size_t *n)
{
	while (*n > 0 && isblank_at(**p)) {
		(*p)++;
		(*n)--;
	}
	while (*n > 0 && isblank_at((*p)[*n - 1]))
		(*n)--;
}

void
hd_add_line(struct hlines *h, const char *p, size_t n, size_t line)
{
	struct hline *l;
	struct buf f = { 0 };

	hd_trim(&p, &n);
	/* A letterhead line is short: of a long line (a paragraph, a run of
	 * table cells) the start is enough to tell what it is. */
	n = u8_cut(p, n, HLINE_MAX);
	if (n == 0)
		return;
	if (h->n == h->cap) {
		h->cap = h->cap == 0 ? 64 : h->cap * 2;
		h->v = xreallocarray(h->v, h->cap, sizeof(*h->v));
	}
	u8_fold(&f, p, n);
	l = &h->v[h->n++];
	l->p = p;
	l->n = n;
	l->line = line;
	l->role = R_TEXT;
	l->fold = f.p == NULL ? xstrdup("") : f.p;
}

/* Where the motto starts on a line that holds more before it, glued or
 * not ("HUYỆN BÌNH CHÁNHCỘNG HÒA XÃ HỘI"), or 0: the line is folded once
 * and the motto looked for in the fold. */
static size_t
motto_at(const char *s, size_t n)
{
	struct buf f = { 0 };
	size_t *at = NULL, j, p = 0;

	/* At a capital that may start the motto, the next words folded. */
	for (j = 1; j < n && p == 0; j++) {
		if (((unsigned char)s[j] & 0xC0) == 0x80 || !isupper_at(s, n, j) ||
		    !words_may_start(WL_MOTTO, s + j, n - j))
			continue;
		buf_clear(&f);
		u8_fold_at(&f, &at, s + j, u8_cut(s + j, n - j, MOTTO_FOLD));
		if (words_prefix(WL_MOTTO, f.p, f.n) > 0)
			p = j;
	}
	free(at);
	buf_free(&f);
	return p;
}

/* Does p[0..n) end with a word of list l (blanks and a colon after it
 * aside)? */
static int
ends_with(const char *p, size_t n, enum words_list l)
{
	struct buf f = { 0 };
	size_t k;
	int yes;

	u8_lower(&f, p, n);
	k = f.n;
	while (k > 0 && (f.p[k - 1] == ' ' || f.p[k - 1] == ':'))
		k--;
	yes = k > 0 && words_suffix(l, f.p, k) > 0;
	buf_free(&f);
	return yes;
}

/*
 * Blanks that are no column gap: a blank day ("ngày    tháng 3"), a blank
 * number ("Số:     /BC-UBND", "Số: 23      /BC-UBND").  Joins such cells
 * again; returns how many are left.
 */
static size_t
merge_cells(struct span *c, size_t k)
{
	size_t i, j = 0;

	for (i = 1; i < k; i++) {
		if ((c[i].n > 0 && (c[i].p[0] == '/' || c[i].p[0] == '-')) ||
		    ends_with(c[j].p, c[j].n, WL_DAY_WORD) ||
		    ends_with(c[j].p, c[j].n, WL_NUMBER_WORD)) {
			c[j].n = (size_t)(c[i].p + c[i].n - c[j].p);
			continue;
		}
		c[++j] = c[i];
	}
	return k == 0 ? 0 : j + 1;
}

/*
 * The cells of a letterhead line, in place: '|'-separated, TAB-separated,
 * or (in neither) separated by a run of three blanks or more, or glued to
 * the motto.  Empty cells keep their place.  Returns how many (at most
 * MAXCOLS, the last taking the rest), 1 for a plain line.
 */
enum { MAXCOLS = 8, GRIDROWS = 12 };

static size_t
cells_of(const char *s, size_t n, struct span *c)
{
	size_t i, k = 0, start = 0, at;
	int bar, tab;

	hd_trim(&s, &n);
	if ((bar = n > 0 && s[0] == '|')) {
		s++;
		n -= 1 + (n > 1 && s[n - 2] == '|');
	}
	tab = memchr(s, '\t', n) != NULL;
	for (i = 0; i <= n; i++) {
		size_t gap = 1;

		if (i < n && !(bar ? s[i] == '|' : tab ? s[i] == '\t' : s[i] == ' '))
			continue;
		if (i < n && !bar && !tab) {
			for (gap = 0; i + gap < n && s[i + gap] == ' '; gap++)
				;
			if (gap < 3)
				continue;
		}
		if (k == MAXCOLS)
			k--;		/* the last cell takes the rest */
		else
			c[k].p = s + start;
		c[k].n = (size_t)(s + i - c[k].p);
		k++;
		start = i + gap;
		i += gap - 1;
	}
	for (i = 0; i < k; i++)
		hd_trim(&c[i].p, &c[i].n);
	if (!bar && !tab)
		k = merge_cells(c, k);
	if (k == 1 && (at = motto_at(c[0].p, c[0].n)) > 0) {
		c[1].p = c[0].p + at;
		c[1].n = c[0].n - at;
		c[0].n = at;
		hd_trim(&c[0].p, &c[0].n);
		k = 2;
	}
	return k;
}

struct grid {
	struct span c[GRIDROWS][MAXCOLS];
	size_t nc[GRIDROWS], line[GRIDROWS], rows;
};

/* A run of letterhead lines with cells, put back in column order. */
static void
flush_grid(struct hlines *h, struct grid *g)
{
	size_t c, r;

	for (c = 0; c < MAXCOLS; c++)
		for (r = 0; r < g->rows; r++)
			if (c < g->nc[r])
				hd_add_line(h, g->c[r][c].p, g->c[r][c].n,
				    g->line[r]);
	g->rows = 0;
}

/* The letterhead's lines: the first HEADER_LINES lines, in column order. */
void
hd_collect(const struct doc *d, struct hlines *h)
{
	struct grid g;
	struct span c[MAXCOLS];
	struct pos at;
	int ok;

	g.rows = 0;
	for (ok = doc_first(d, &at); ok; ok = doc_next(d, &at)) {
		struct textline t = doc_line(d, at);
		size_t k;

		if (t.line > HEADER_LINES)
			break;
		k = cells_of(t.text, u8_cut(t.text, t.len, HLINE_MAX), c);
		if (k < 2 || g.rows == GRIDROWS)
			flush_grid(h, &g);
		if (k < 2) {
			if (k == 1)
				hd_add_line(h, c[0].p, c[0].n, t.line);
			continue;
		}
		memcpy(g.c[g.rows], c, k * sizeof(*c));
		g.nc[g.rows] = k;
		g.line[g.rows++] = t.line;
	}
	flush_grid(h, &g);
}

int
all_caps(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)p[i] & 0xC0) != 0x80 && isletter_at(p, n, i) &&
		    !isupper_at(p, n, i))
			return 0;
	return 1;
}

/* A letter or a digit in p[0..n): else the line is a rule ("–––", "*"). */
static int
has_alnum(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (wd_digit(p[i]) || (((unsigned char)p[i] & 0xC0) != 0x80 &&
		    isletter_at(p, n, i)))
			return 1;
	return 0;
}

/* After "Số": a colon, or a number, or its blank ("/BC-UBND", "-BC/ĐU"). */
static int
number_follows(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && p[i] == ' ')
		i++;
	return i == n || p[i] == ':' || p[i] == '/' || p[i] == '-' || wd_digit(p[i]);
}

enum role
hd_role(const struct hline *l)
{
	const char *f = l->fold;
	size_t fn = strlen(f), w;
	const char *c;

	if (words_prefix(WL_MOTTO, f, fn) > 0)
		return R_MOTTO;
	if (!has_alnum(l->p, l->n))
		return R_RULE;
	if ((w = doc_number_label(l->p, l->n)) > 0 &&
	    number_follows(l->p + w, l->n - w))
		return R_NUMBER;
	if (words_prefix(WL_DAY_WORD, f, fn) > 0)
		return R_DATE;
	for (c = f; (c = strstr(c, ", ")) != NULL; c++)
		if (words_prefix(WL_DAY_WORD, c + 2, fn - (size_t)(c + 2 - f)) > 0)
			return R_DATE;
	if (words_prefix(WL_DOC_KIND, f, fn) > 0 && all_caps(l->p, l->n))
		return R_KIND;
	return R_TEXT;
}

void
hd_join(struct joined *j, const struct hlines *h, size_t a, size_t b)
{
	size_t i;

	buf_clear(&j->text);
	buf_clear(&j->fold);
	for (i = a; i < b; i++) {
		if (i > a)
			buf_addc(&j->text, ' ');
		buf_add(&j->text, h->v[i].p, h->v[i].n);
	}
	if (j->text.p == NULL)
		buf_adds(&j->text, "");
	u8_fold_at(&j->fold, &j->at, j->text.p, j->text.n);
}

void
hd_joined_free(struct joined *j)
{
	buf_free(&j->text);
	buf_free(&j->fold);
	free(j->at);
}
