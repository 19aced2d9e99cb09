/*
 * The document's own header, read from its first lines as written: the
 * issuer ("ỦY BAN NHÂN DÂN / HUYỆN BÌNH CHÁNH"), the number ("Số: 676
 * /BC-UBND"), the date of the place-and-date line, the kind of document
 * ("BÁO CÁO"), the period its title names, and the places the whole
 * document names.
 *
 * A letterhead is two columns: the issuer, its number and a rule on the
 * left; the national motto and the place and date on the right.  However
 * a conversion wrote it (one column after the other, side by side in table
 * cells, '|' cells, columns of blanks, glued on one line), its lines are
 * put back in column order first; lines are joined where a word group was
 * hard-wrapped ("ỦY" / "BAN NHÂN DÂN", "Củ" / "Chi, ngày 20 tháng 9" / "năm
 * 2021").  The issuer is the unit after the last "Ủy ban nhân dân" (or
 * UBND) of the letterhead: of two levels, the lower one issues.  Without
 * one, a sentence "Ủy ban nhân dân xã X báo cáo" of the body names it, or
 * else the place of the place-and-date line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "extract.h"
#include "period.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

#define HEADER_LINES 60		/* the letterhead is in the first lines */
#define TITLE_LINES 4		/* lines of the title after its kind */
#define TITLE_MAX 360		/* bytes of a title at most */
#define ISSUER_MAX 120		/* bytes of an issuer's name at most */
#define BODY_LINES 15		/* body lines that may name the issuer */
#define PROSE_WORDS 12		/* a letterhead line has fewer words */
#define HLINE_MAX 600		/* bytes of a line the header reader looks at */
#define PLACE_FOLD 32		/* bytes folded where a place may start */
#define MOTTO_FOLD 64		/* ... where the national motto may */

enum role { R_TEXT, R_MOTTO, R_RULE, R_NUMBER, R_DATE, R_KIND };

/* One line of the letterhead, or one cell of it, in column order. */
struct hline {
	const char *p;		/* into the document; not NUL-terminated */
	size_t n;
	size_t line;		/* input line */
	enum role role;
	char *fold;		/* u8_fold of p[0..n) */
};

struct hlines {
	struct hline *v;
	size_t n, cap;
};

static int
isblank_at(char c)
{
	return c == ' ' || c == '\t';
}

static void
trim(const char **p, size_t *n)
{
	while (*n > 0 && isblank_at(**p)) {
		(*p)++;
		(*n)--;
	}
	while (*n > 0 && isblank_at((*p)[*n - 1]))
		(*n)--;
}

static void
add_hline(struct hlines *h, const char *p, size_t n, size_t line)
{
	struct hline *l;
	struct buf f = { 0 };

	trim(&p, &n);
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

	trim(&s, &n);
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
		trim(&c[i].p, &c[i].n);
	if (!bar && !tab)
		k = merge_cells(c, k);
	if (k == 1 && (at = motto_at(c[0].p, c[0].n)) > 0) {
		c[1].p = c[0].p + at;
		c[1].n = c[0].n - at;
		c[0].n = at;
		trim(&c[0].p, &c[0].n);
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
				add_hline(h, g->c[r][c].p, g->c[r][c].n, g->line[r]);
	g->rows = 0;
}

/* The letterhead's lines: the first HEADER_LINES lines, in column order. */
static void
collect(const struct doc *d, struct hlines *h)
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
				add_hline(h, c[0].p, c[0].n, t.line);
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

static enum role
role_of(const struct hline *l)
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

/* Lines [a, b) joined by single blanks, and their fold with its map. */
struct joined {
	struct buf text, fold;
	size_t *at;		/* fold byte -> text offset (u8_fold_at) */
};

static void
join(struct joined *j, const struct hlines *h, size_t a, size_t b)
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

static void
joined_free(struct joined *j)
{
	buf_free(&j->text);
	buf_free(&j->fold);
	free(j->at);
}

/* The end of the last "ủy ban nhân dân" (or "UBND") in folded f, or -1. */
static long
last_ubnd(const char *f)
{
	size_t len;
	long at = words_find_last(WL_COMMITTEE, f, strlen(f), &len);

	return at < 0 ? -1 : at + (long)len;
}

/* A word of a unit's type, which a name in mixed case may start with
 * ("phường", "thị" of "thị xã"); tmp is scratch. */
static int
type_word(struct buf *tmp, const char *w, size_t n)
{
	buf_clear(tmp);
	u8_fold(tmp, w, n);
	return words_has_word(WL_UNIT_TYPE, tmp->p, tmp->n);
}

/*
 * How much of p[0..n) is a unit's name: words in capitals ("HUYỆN BÌNH
 * CHÁNH", "QUẬN 3"), or a type word in lower case and the capitalised
 * words after it ("phường Quảng Minh").  Stops at anything else.  tmp
 * is scratch.
 */
static size_t
name_len(struct buf *tmp, const char *p, size_t n)
{
	size_t i = 0, keep = 0, words = 0;
	int typed = 0;

	while (i < n && keep < ISSUER_MAX) {
		size_t w;

		while (i < n && (p[i] == ' ' || p[i] == ':' || p[i] == '-'))
			i++;
		for (w = i; w < n && p[w] != ' ' && p[w] != ',' && p[w] != '(' &&
		    p[w] != ';' && p[w] != '.'; w++)
			;
		if (w == i)
			break;
		if (all_caps(p + i, w - i))
			;
		else if (words < 2 && type_word(tmp, p + i, w - i))
			typed = 1;
		else if (!(typed && (isupper_at(p, n, i) || wd_digit(p[i]))))
			break;
		keep = w;
		words++;
		i = w;
	}
	return keep;
}

/* The start of the name in p[0..n) (after blanks, ':' and '-'). */
static size_t
name_start(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == ':' || p[i] == '-'))
		i++;
	return i;
}

/* A sentence of the body, not a letterhead line: more than PROSE_WORDS
 * words. */
static int
prose(const struct hline *l)
{
	size_t i, words = 1;

	for (i = 0; i < l->n; i++)
		words += l->p[i] == ' ' && i + 1 < l->n && l->p[i + 1] != ' ';
	return l->role == R_TEXT && words > PROSE_WORDS && !all_caps(l->p, l->n);
}

/* The first line of role r in h[0..lim), or lim. */
static size_t
first_role(const struct hlines *h, enum role r, size_t lim)
{
	size_t i;

	for (i = 0; i < lim && h->v[i].role != r; i++)
		;
	return i;
}

/*
 * The issuer of the letterhead: the name after the last "Ủy ban nhân dân"
 * of the plain lines before the number, the date and the kind; when the
 * name is on no such line, the next line in capitals.  NULL when none.
 */
static char *
letterhead_issuer(const struct hlines *h)
{
	struct joined j = { { 0 }, { 0 }, NULL };
	struct buf tmp = { 0 };
	size_t lim = h->n, i, k, run_end = 0, s, len;
	char *name = NULL;
	long e;

	for (k = 0; k < h->n; k++)
		if (h->v[k].role == R_NUMBER || h->v[k].role == R_DATE ||
		    h->v[k].role == R_KIND || prose(&h->v[k])) {
			lim = k;
			break;
		}
	for (i = 0; i < lim; i = k) {
		for (k = i; k < lim && h->v[k].role == R_TEXT; k++)
			;
		if (k == i) {
			k++;
			continue;
		}
		join(&j, h, i, k);
		if ((e = last_ubnd(j.fold.p)) < 0)
			continue;
		free(name);
		s = j.at[e];
		s += name_start(j.text.p + s, j.text.n - s);
		len = name_len(&tmp, j.text.p + s, j.text.n - s);
		name = len > 0 ? dupn(j.text.p + s, len) : xstrdup("");
		run_end = k;
	}
	for (k = run_end; name != NULL && name[0] == '\0' && k < h->n &&
	    k < run_end + 3; k++)
		if (h->v[k].role == R_TEXT && all_caps(h->v[k].p, h->v[k].n) &&
		    h->v[k].n < ISSUER_MAX) {
			free(name);
			name = dupn(h->v[k].p, h->v[k].n);
		}
	joined_free(&j);
	buf_free(&tmp);
	if (name != NULL && name[0] == '\0') {
		free(name);
		name = NULL;
	}
	return name;
}

/* The bodies, their words in a letterhead and their codes in a number. */
static const struct body {
	const char *code;
	enum words_list words, numcode;
} bodies[] = {
	{ "committee", WL_BODY_COMMITTEE, WL_CODE_COMMITTEE },
	{ "party", WL_BODY_PARTY, WL_CODE_PARTY },
	{ "steering", WL_BODY_STEERING, WL_CODE_STEERING },
	{ "office", WL_BODY_OFFICE, WL_CODE_OFFICE },
	{ "centre", WL_BODY_CENTRE, WL_CODE_CENTRE },
	{ "council", WL_BODY_COUNCIL, WL_CODE_COUNCIL },
};
enum { NBODIES = sizeof(bodies) / sizeof(bodies[0]) };

/* The body the code after the last '-' or '/' of a number names
 * ("329 /BC-UBND", "-BC/ĐU"), or NULL. */
static const char *
number_body(const char *no)
{
	const char *c = NULL, *p;
	struct buf f = { 0 };
	size_t k;

	for (p = no; *p != '\0'; p++)
		if (*p == '-' || *p == '/')
			c = p + 1;
	if (c == NULL)
		return NULL;
	while (*c == ' ')
		c++;
	u8_fold(&f, c, strcspn(c, " "));
	for (k = 0; k < NBODIES && f.n > 0; k++)
		if (words_exact(bodies[k].numcode, f.p, f.n))
			break;
	buf_free(&f);
	return k < NBODIES ? bodies[k].code : NULL;
}

/*
 * The kind of body that issued the report: the code in its number, else
 * of the letterhead's plain lines before the number, date and kind, the
 * last that names a body, by the first body it names.  "" when neither
 * says.
 */
static const char *
body_of(const struct hlines *h, const char *no)
{
	const char *code = no != NULL ? number_body(no) : NULL;
	size_t i, k, len;

	if (code != NULL)
		return code;
	for (i = 0; i < h->n; i++) {
		const struct hline *l = &h->v[i];
		long at, first = -1;
		size_t fn = strlen(l->fold);
		const char *found = NULL;

		if (l->role == R_NUMBER || l->role == R_DATE || l->role == R_KIND ||
		    prose(l))
			break;
		if (l->role != R_TEXT)
			continue;
		for (k = 0; k < NBODIES; k++)
			if ((at = words_find(bodies[k].words, l->fold, fn,
			    &len)) >= 0 && (first < 0 || at < first)) {
				first = at;
				found = bodies[k].code;
			}
		if (found != NULL)
			code = found;
	}
	return code != NULL ? code : "";
}

/* "Số: 676 /BC-UBND", "Số : 80 / BC-UBND", "Số -BC/ĐU": after "Số" and
 * its colon, blanks collapsed. */
static char *
number(const struct hline *l)
{
	size_t w = doc_number_label(l->p, l->n);
	const char *p = l->p + w;
	size_t n = l->n - w, i;
	struct buf b = { 0 };

	trim(&p, &n);
	if (n > 0 && *p == ':') {
		p++;
		n--;
		trim(&p, &n);
	}
	for (i = 0; i < n; i++)
		if (!(p[i] == ' ' && i > 0 && p[i - 1] == ' '))
			buf_addc(&b, p[i] == '\t' ? ' ' : p[i]);
	return b.p == NULL ? xstrdup("") : b.p;
}

/* Skips blanks in folded f from i. */
static size_t
skip_blanks(const char *f, size_t i)
{
	while (f[i] == ' ')
		i++;
	return i;
}

/*
 * In a place-and-date text, folded: the bytes [*ds, *de) of "[dd] tháng
 * mm năm yyyy" after "ngày" (the day may be blank), and where the place
 * ends (*pe, 0 when none).  Returns 0, or -1 when it is no date.
 */
static int
parse_date(const char *f, size_t *pe, size_t *ds, size_t *de)
{
	size_t n = strlen(f), i, w;
	const char *c;
	int d, m, y;

	*pe = n;
	if ((w = words_prefix(WL_DAY_WORD, f, n)) > 0)
		*pe = 0;
	else
		for (c = f; (c = strstr(c, ", ")) != NULL; c++)
			if ((w = words_prefix(WL_DAY_WORD, c + 2,
			    n - (size_t)(c + 2 - f))) > 0) {
				*pe = (size_t)(c - f);
				w += 2;
				break;
			}
	if (*pe == n)
		return -1;
	i = skip_blanks(f, *pe + w);
	*ds = i;
	return period_date_at(f, n, i, &d, &m, &y, de);
}

/*
 * The place-and-date line, joined with the word group a hard wrap cut
 * off before it ("Củ" / "Chi, ngày 20 tháng 9" / "năm 2021"): sets
 * doc_date as written and returns the place (NULL when none).
 */
static char *
date_line(struct header *hd, const struct hlines *h)
{
	struct joined j = { { 0 }, { 0 }, NULL };
	size_t i, a, b, pe, ds, de;
	char *place = NULL;

	for (i = 0; i < h->n && hd->doc_date == NULL; i++) {
		if (h->v[i].role != R_DATE)
			continue;
		a = i;
		if (i > 0 && h->v[i - 1].role == R_TEXT && h->v[i - 1].n <= 24 &&
		    !all_caps(h->v[i - 1].p, h->v[i - 1].n) &&
		    memchr(h->v[i - 1].p, ',', h->v[i - 1].n) == NULL)
			a = i - 1;
		for (b = i + 1; b <= h->n && b <= i + 3; b++) {
			join(&j, h, a, b);
			if (parse_date(j.fold.p, &pe, &ds, &de) == 0) {
				hd->doc_date = dupn(j.text.p + j.at[ds],
				    j.at[de] - j.at[ds]);
				if (pe > 0)
					place = dupn(j.text.p, j.at[pe]);
				break;
			}
			if (b < h->n && (h->v[b].role != R_TEXT || h->v[b].n > 40))
				break;
		}
	}
	joined_free(&j);
	return place;
}

/* A line that starts the body, not the title. */
static int
body_start(const char *f)
{
	return words_prefix(WL_BODY_START, f, strlen(f)) > 0;
}

/* A post of a portal: no letterhead, the title first, as a sentence
 * ("Báo cáo kết quả công tác dân vận quý I năm 2024"): its kind word
 * first and a period in it.  Its index, or h->n. */
static size_t
post_title(const struct hlines *h)
{
	char p[32];
	size_t so, eo;

	if (h->n == 0 || h->v[0].role != R_TEXT ||
	    words_prefix(WL_DOC_KIND, h->v[0].fold, strlen(h->v[0].fold)) == 0 ||
	    period_find_text(h->v[0].p, h->v[0].n, p, sizeof(p), &so, &eo) != 0)
		return h->n;
	return 0;
}

/* The title: its kind line ("BÁO CÁO") and its subject up to the end of
 * the period it names, joined (the kind line alone when it names none). */
static void
title(struct header *hd, const struct hlines *h)
{
	struct joined j = { { 0 }, { 0 }, NULL };
	size_t k = first_role(h, R_KIND, h->n), b, so, eo;
	char p[32];

	if (k == h->n && (k = post_title(h)) == h->n)
		return;
	for (b = k + 1; b < h->n && b <= k + TITLE_LINES &&
	    h->v[b].role == R_TEXT && !body_start(h->v[b].fold); b++)
		;
	join(&j, h, k, b);
	if (period_find_text(j.text.p, j.text.n, p, sizeof(p), &so, &eo) == 0) {
		hd->period_text = dupn(j.text.p + so, eo - so);
		hd->title = dupn(j.text.p, u8_cut(j.text.p, eo, TITLE_MAX));
	} else {
		hd->title = dupn(h->v[k].p, h->v[k].n);
	}
	joined_free(&j);
}

/* p[0..n) goes on with "báo cáo". */
static int
says_report(const char *p, size_t n)
{
	struct buf f = { 0 };
	int yes;

	u8_fold(&f, p, u8_cut(p, n, 24));
	yes = f.p != NULL && words_prefix(WL_REPORT_VERB, f.p + skip_blanks(f.p,
	    0), f.n - skip_blanks(f.p, 0)) > 0;
	buf_free(&f);
	return yes;
}

/*
 * Without a letterhead: "Ủy ban nhân dân xã Quảng Phú báo cáo ..." in the
 * first lines of the body names the issuer (and, without a title, the
 * period).  Returns the name, or NULL.
 */
static char *
body_issuer(struct header *hd, const struct doc *d)
{
	struct hlines one = { NULL, 0, 0 };
	struct joined j = { { 0 }, { 0 }, NULL };
	struct buf tmp = { 0 };
	struct pos at;
	char *name = NULL, p[32];
	size_t seen = 0, so, eo;
	int ok;

	for (ok = doc_first(d, &at); ok && name == NULL && seen < BODY_LINES +
	    HEADER_LINES; ok = doc_next(d, &at), seen++) {
		struct textline t = doc_line(d, at);
		long e;

		one.n = 0;
		add_hline(&one, t.text, t.len, t.line);
		if (one.n == 0)
			continue;
		join(&j, &one, 0, 1);
		free(one.v[0].fold);
		if ((e = last_ubnd(j.fold.p)) < 0)
			continue;
		so = j.at[e] + name_start(j.text.p + j.at[e], j.text.n - j.at[e]);
		eo = so + name_len(&tmp, j.text.p + so, j.text.n - so);
		if (eo > so && memchr(j.text.p + so, ' ', eo - so) != NULL &&
		    type_word(&tmp, j.text.p + so, strcspn(j.text.p + so, " ")) &&
		    says_report(j.text.p + eo, j.text.n - eo))
			name = dupn(j.text.p + so, eo - so);
		if (name != NULL && hd->period_text == NULL &&
		    period_find_text(j.text.p, j.text.n, p, sizeof(p), &so, &eo) == 0)
			hd->period_text = dupn(j.text.p + so, eo - so);
	}
	free(one.v);
	joined_free(&j);
	buf_free(&tmp);
	return name;
}

static void
add_place(struct header *h, const char *p, size_t n)
{
	const char *q = h->places.p;
	size_t count = 0;

	while (q != NULL && *q != '\0') {
		const char *e = strstr(q, "; ");
		size_t len = e == NULL ? strlen(q) : (size_t)(e - q);

		if (len == n && memcmp(q, p, n) == 0)
			return;
		count++;
		q = e == NULL ? NULL : e + 2;
	}
	if (count >= 24)
		return;
	if (h->places.n > 0)
		buf_adds(&h->places, "; ");
	buf_add(&h->places, p, n);
}

/* The end of up to three capitalised words (or numbers) of a name from
 * s[w]. */
static size_t
name_words(const char *s, size_t n, size_t w)
{
	size_t words = 0;

	while (w < n && words < 3 && (isupper_at(s, n, w) || wd_digit(s[w]))) {
		while (w < n && s[w] != ' ' && s[w] != ',' && s[w] != ';' &&
		    s[w] != '.' && s[w] != ')' && s[w] != '(' && s[w] != '\t')
			w++;
		words++;
		if (w + 1 < n && s[w] == ' ' && (isupper_at(s, n, w + 1) ||
		    wd_digit(s[w + 1])))
			w++;
		else
			break;
	}
	return words > 0 ? w : 0;
}

/* The length of the word at the start of s[0..n): up to a blank, a
 * comma, a semicolon, a full stop or a bracket. */
static size_t
word_len(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != ' ' && s[i] != ',' && s[i] != ';' &&
	    s[i] != '.' && s[i] != '(' && s[i] != ')'; i++)
		;
	return i;
}

/* Is p[0..n) a unit's type with its marks? */
static int
type_as_written(const char *p, size_t n)
{
	struct buf low = { 0 };
	int yes;

	u8_lower(&low, p, n);
	yes = low.p != NULL && words_prefix_marks(WL_UNIT_TYPE, low.p, low.n) > 0;
	buf_free(&low);
	return yes;
}

/*
 * "huyện Việt Yên", "Phường 17", "thị xã Việt Yên", "tỉnh Bắc Giang": a
 * unit's type word and the name after it.  At a word a type word may start
 * (its first letter), the next few words are folded; the type words are
 * found in the fold, the name in the text as written.
 */
static void
find_places(struct scan *st, struct buf *fold, size_t **at, const char *s,
    size_t n)
{
	size_t i, k, nj, w;

	for (i = 0; i < n; i++) {
		if (!(i == 0 || s[i - 1] == ' ' || s[i - 1] == '(') ||
		    !words_may_start(WL_UNIT_TYPE, s + i, n - i) ||
		    !type_word(&st->tmp_fold, s + i, word_len(s + i, n - i)))
			continue;
		buf_clear(fold);
		u8_fold_at(fold, at, s + i, u8_cut(s + i, n - i, PLACE_FOLD));
		if ((k = words_prefix(WL_UNIT_TYPE, fold->p, fold->n)) == 0 ||
		    k >= fold->n || fold->p[k] != ' ')
			continue;
		/* The name starts after the type word(s) and a blank. */
		nj = i + (*at)[k + 1];
		/* With its marks: "quận", not the "quan" of "cơ quan". */
		if (!type_as_written(s + i, nj - i))
			continue;
		if ((w = name_words(s, n, nj)) > nj &&
		    words_prefix(WL_PLACE_NOT, fold->p + k + 1,
		    fold->n - k - 1) == 0)
			add_place(&st->hdr, s + i, w - i);
		i = nj - 1;
	}
}

/* The fields of the letterhead, as written. */
static void
header_fields(struct scan *st)
{
	struct header *hd = &st->hdr;
	struct hlines h = { NULL, 0, 0 };
	size_t i;
	char *place;

	collect(st->doc, &h);
	for (i = 0; i < h.n; i++)
		h.v[i].role = role_of(&h.v[i]);
	hd->issuer = letterhead_issuer(&h);
	if ((i = first_role(&h, R_NUMBER, h.n)) < h.n)
		hd->doc_no = number(&h.v[i]);
	hd->body = body_of(&h, hd->doc_no);
	place = date_line(hd, &h);
	title(hd, &h);
	if (hd->issuer == NULL)
		hd->issuer = body_issuer(hd, st->doc);
	if (hd->issuer == NULL)
		hd->issuer = place;
	else
		free(place);
	for (i = 0; i < h.n; i++)
		free(h.v[i].fold);
	free(h.v);
}

void
header_read(struct scan *st)
{
	struct header *h = &st->hdr;
	struct buf fold = { 0 };
	size_t *map = NULL;
	struct pos at;
	int ok;

	header_fields(st);
	if (h->issuer == NULL)
		h->issuer = xstrdup("");
	if (h->doc_no == NULL)
		h->doc_no = xstrdup("");
	if (h->doc_date == NULL)
		h->doc_date = xstrdup("");
	if (h->period_text == NULL)
		h->period_text = xstrdup("");
	if (h->title == NULL)
		h->title = xstrdup("");
	for (ok = doc_first(st->doc, &at); ok; ok = doc_next(st->doc, &at)) {
		struct textline t = doc_line(st->doc, at);

		find_places(st, &fold, &map, t.text, t.len);
	}
	buf_free(&fold);
	free(map);
}

void
header_clear(struct header *h)
{
	free(h->issuer);
	free(h->doc_no);
	free(h->doc_date);
	free(h->period_text);
	free(h->title);
	h->issuer = h->doc_no = h->doc_date = h->period_text = h->title = NULL;
	h->body = "";
	buf_clear(&h->places);
}
