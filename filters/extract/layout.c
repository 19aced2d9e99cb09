/*
 * Laid-out text into the model: what pdftotext -layout makes of a PDF's
 * text layer, and what OCR makes of a page, lines as they stand on the
 * page, pages separated by form feeds.
 *
 * Each line is cleaned first (clean.c; the repairs of glue.c come after,
 * on the whole document, when it needs them).  Then, in this order:
 *   - a page number (a number alone first or last on a page, or centred)
 *     is dropped;
 *   - a footnote is a number alone (or leading a line) at the left, under
 *     the page's text, whose reference is that number glued to a word
 *     above on the same page ("các ngành1."): the reference is taken out
 *     of the text and the block down to the next footnote or the page's
 *     end becomes a note;
 *   - the letterhead, the lines above "BÁO CÁO" on the first page, is cut
 *     at each line's widest gap into its two columns, read left column
 *     first, one paragraph a line;
 *   - lines with three or more columns (gaps of two blanks or more), two
 *     or more together, are a table, their cells placed in the columns of
 *     the table's fullest line (layout_table.c);
 *   - the other lines are joined into paragraphs: a paragraph ends at a
 *     blank line or a short line, and one starts at an indented line or at
 *     a list or heading mark ("- ", "1. ", "a) ").
 * A paragraph's line is the line of the text it starts on (the first
 * line is 1; form feeds start no line of their own).
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

/* Columns (characters) of s[0..n). */
size_t
lay_columns(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* One line of the text, cleaned, into x. */
static void
add_line(struct lay *x, size_t no, int page, const char *p, size_t n)
{
	struct lline *l;
	size_t i;

	if ((x->n & (x->n - 1)) == 0)
		x->l = xreallocarray(x->l, x->n == 0 ? 1 : x->n * 2, sizeof(*x->l));
	l = &x->l[x->n++];
	memset(l, 0, sizeof(*l));
	l->no = no;
	l->page = page;
	clean_text(x->d, &l->s, p, n, 0);
	while (l->s.n > 0 && l->s.p[l->s.n - 1] == ' ')
		l->s.n--;
	if (l->s.p != NULL)
		l->s.p[l->s.n] = '\0';
	for (i = 0; i < l->s.n && l->s.p[i] == ' '; i++)
		;
	l->indent = i;
	l->end = lay_columns(l->s.p == NULL ? "" : l->s.p, l->s.n);
	l->kind = i == l->s.n ? L_BLANK : L_TEXT;
}

/* The text's lines into x; -1 on bytes that are not UTF-8. */
static int
split_lines(struct lay *x, const char *p, size_t n)
{
	size_t start = 0, no = 0;
	int page = 0;

	while (start < n) {
		const char *s = p + start, *nl = memchr(s, '\n', n - start);
		size_t len = nl == NULL ? n - start : (size_t)(nl - s), bad;

		no++;
		while (len > 0 && *s == '\f') {
			page++;
			s++;
			len--;
			start++;
		}
		if ((bad = u8_invalid(s, len)) < len)
			return doc_reject(x->d, no, "the converter wrote invalid "
			    "UTF-8 at byte %zu of the line", bad + 1);
		add_line(x, no, page, s, len);
		start += len + 1;
	}
	x->d->lines_read = no;
	return 0;
}

/* The line's text without its indent. */
static const char *
text_of(const struct lline *l, size_t *n)
{
	*n = l->s.n - l->indent;
	return l->s.p + l->indent;
}

/* "12", "- 12 -", "Trang 12" (clean.c). */
static int
is_page_number(const struct lline *l)
{
	size_t n;
	const char *s = text_of(l, &n);

	return clean_page_number(s, n) > 0;
}

static void
drop_page_numbers(struct lay *x)
{
	size_t i, first = 0;

	for (i = 0; i <= x->n; i++) {
		size_t j;

		if (i < x->n && x->l[i].page == x->l[first].page)
			continue;
		/* Lines first..i-1 are a page. */
		for (j = first; j < i && x->l[j].kind == L_BLANK; j++)
			;
		if (j < i && is_page_number(&x->l[j]))
			x->l[j].kind = L_PAGENO;
		for (j = i; j > first && x->l[j - 1].kind == L_BLANK; j--)
			;
		if (j > first && is_page_number(&x->l[j - 1]))
			x->l[j - 1].kind = L_PAGENO;
		for (j = first; j < i; j++)
			if (x->l[j].kind == L_TEXT && x->l[j].indent >= 30 &&
			    is_page_number(&x->l[j]))
				x->l[j].kind = L_PAGENO;
		first = i;
	}
}

/*
 * The reference to footnote k in line l: k glued after a letter or a
 * closing bracket or quote, not followed by a digit.  Returns its byte
 * offset, or -1.
 */
static long
find_ref(const struct lline *l, unsigned k)
{
	char num[16];
	const char *s = l->s.p, *h;
	size_t n = l->s.n, len;

	if (l->kind != L_TEXT || s == NULL)
		return -1;
	len = (size_t)snprintf(num, sizeof(num), "%u", k);
	for (h = s; (h = strstr(h, num)) != NULL; h++) {
		size_t at = (size_t)(h - s), pc;

		if (at == 0 || (at + len < n && wd_digit(s[at + len])))
			continue;
		pc = prev_char(s, at);
		if (isletter_at(s, n, pc) || s[pc] == ')' || s[pc] == '"' ||
		    (at - pc == 3 && memcmp(s + pc, "”", 3) == 0))
			return (long)at;
	}
	return -1;
}

/* A footnote mark at line i: "k" alone or "k Text", at the left. */
static int
is_note_mark(const struct lline *l, unsigned k)
{
	char num[16];
	size_t n, len = (size_t)snprintf(num, sizeof(num), "%u", k);
	const char *s = text_of(l, &n);

	if (l->kind != L_TEXT || l->indent > 8 || n < len ||
	    memcmp(s, num, len) != 0)
		return 0;
	return n == len || (s[len] == ' ' && n > len + 1 &&
	    (isupper_at(s, n, len + 1) || s[len + 1] == '-'));
}

/* The body line above mark (on its page) that refers to footnote k. */
static long
ref_line(const struct lay *x, size_t mark, unsigned k, long *at)
{
	size_t j;

	for (j = mark; j > 0 && x->l[j - 1].page == x->l[mark].page; j--)
		if ((*at = find_ref(&x->l[j - 1], k)) >= 0)
			return (long)(j - 1);
	return -1;
}

/* Footnote k's text from its mark at line i to the next mark or the
 * page's end; returns the line after it. */
static size_t
take_note(struct lay *x, size_t i, unsigned k)
{
	struct buf *t = &x->tmp;
	char mark[16];
	size_t j, n, len = (size_t)snprintf(mark, sizeof(mark), "%u", k);
	const char *s;

	buf_clear(t);
	for (j = i; j < x->n && x->l[j].page == x->l[i].page; j++) {
		if (j > i && is_note_mark(&x->l[j], k + 1))
			break;
		if (x->l[j].kind != L_TEXT)
			continue;
		s = text_of(&x->l[j], &n);
		if (j == i) {
			s += len;
			n -= len;
		}
		if (t->n > 0)
			buf_addc(t, ' ');
		buf_add(t, s, n);
		x->l[j].kind = L_NOTE;
	}
	x->l[i].kind = L_NOTE;
	for (n = 0; n < t->n && t->p[n] == ' '; n++)
		;
	if (t->n > n)
		doc_add_note(x->d, mark, t->p + n, t->n - n);
	return j;
}

static void
footnotes(struct lay *x)
{
	unsigned k = 1;
	size_t i = 0, len;
	char num[16];

	while (i < x->n) {
		long r, at;
		struct lline *l;

		if (!is_note_mark(&x->l[i], k) ||
		    (r = ref_line(x, i, k, &at)) < 0) {
			i++;
			continue;
		}
		/* The reference leaves the text. */
		l = &x->l[r];
		len = (size_t)snprintf(num, sizeof(num), "%u", k);
		memmove(l->s.p + at, l->s.p + at + len,
		    l->s.n - (size_t)at - len + 1);
		l->s.n -= len;
		i = take_note(x, i, k);
		k++;
	}
}

/* The widest run of blanks inside line l (after its indent): its start
 * and length in bytes. */
static size_t
widest_gap(const struct lline *l, size_t *at)
{
	size_t i, best = 0, run;

	*at = 0;
	for (i = l->indent; i < l->s.n; i += run == 0 ? 1 : run) {
		for (run = 0; i + run < l->s.n && l->s.p[i + run] == ' '; run++)
			;
		if (run > best && i + run < l->s.n) {
			best = run;
			*at = i;
		}
	}
	return best;
}

static void
trimmed_para(struct lay *x, size_t no, const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n > 0)
		doc_add_para(x->d, no, s, n);
}

/* The length of "BÁO CÁO" in capitals at the start of s[0..n), or 0. */
static size_t
report_title(const char *s, size_t n)
{
	struct buf f = { 0 };
	size_t w, k;
	size_t *at = NULL;

	if (n == 0 || !isupper_at(s, n, 0))
		return 0;
	u8_fold_at(&f, &at, s, u8_cut(s, n, 32));
	w = f.p == NULL ? 0 : words_prefix(WL_REPORT_VERB, f.p, f.n);
	k = w > 0 ? at[w] : 0;
	free(at);
	buf_free(&f);
	return k;
}

/*
 * The letterhead: the first page's lines above "BÁO CÁO" (twelve at
 * most), each cut at its widest gap of three blanks or more, the left
 * pieces first, then the right.  A line with no such gap belongs to the
 * right column when it starts past a third of the line.
 */
static void
letterhead(struct lay *x)
{
	size_t i, last = 0, text = 0, at, gap, k;
	int side;

	for (i = 0; i < x->n && x->l[i].page == 0 && text < 12; i++) {
		size_t n;
		const char *s = text_of(&x->l[i], &n);

		if (x->l[i].kind != L_TEXT)
			continue;
		text++;
		if ((k = report_title(s, n)) > 0 && (n == k ||
		    x->l[i].indent > 10)) {
			last = i;
			break;
		}
	}
	if (last == 0)
		return;
	for (side = 0; side < 2; side++)
		for (i = 0; i < last; i++) {
			struct lline *l = &x->l[i];

			if (l->kind != L_TEXT && l->kind != L_HEAD)
				continue;
			l->kind = L_HEAD;
			gap = widest_gap(l, &at);
			if (gap >= 3)
				trimmed_para(x, l->no, side == 0 ? l->s.p : l->s.p + at,
				    side == 0 ? at : l->s.n - at);
			else if ((l->indent * 3 >= 80) == side)
				trimmed_para(x, l->no, l->s.p, l->s.n);
		}
}

/* A list or heading mark starts the line: "- ", "+ ", "• ", "1. ",
 * "1.2. ", "a) ", "IV. ". */
static int
starts_item(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '+') && s[1] == ' ')
		return 1;
	if (n >= 4 && memcmp(s, "•", 3) == 0)
		return 1;
	while (i < n && (wd_digit(s[i]) || s[i] == '.'))
		i++;
	if (i > 0 && i < n && wd_digit(s[0]) && s[i - 1] == '.' && s[i] == ' ')
		return 1;
	if (n >= 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ')
		return 1;
	for (i = 0; i < n && strchr("IVX", s[i]) != NULL; i++)
		;
	return i > 0 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ';
}

/* The commonest indent of text lines, and the line length a line that
 * fills the measure reaches (the longest but a few). */
static void
measure(const struct lay *x, size_t *margin, size_t *full)
{
	size_t count[64] = { 0 }, ends[256] = { 0 }, i, k, seen = 0, total = 0;

	for (i = 0; i < x->n; i++)
		if (x->l[i].kind == L_TEXT) {
			count[x->l[i].indent < 63 ? x->l[i].indent : 63]++;
			ends[x->l[i].end < 255 ? x->l[i].end : 255]++;
			total++;
		}
	*margin = 0;
	for (k = 1; k < 63; k++)
		if (count[k] > count[*margin])
			*margin = k;
	*full = 0;
	for (k = 256; k-- > 0 && total > 0;)
		if ((seen += ends[k]) * 10 >= total) {
			*full = k;
			break;
		}
}

/* Whether line l starts a paragraph after line prev (NULL: none). */
static int
starts_para(const struct lline *prev, const struct lline *l, size_t margin,
    size_t full)
{
	size_t n;
	const char *s = text_of(l, &n);

	return prev == NULL || l->indent > margin + 1 ||
	    starts_item(s, n) || prev->end * 4 < full * 3;
}

/* Appends line l to the paragraph in b. */
static void
join(struct buf *b, const struct lline *l)
{
	size_t n, k;
	const char *s = text_of(l, &n);

	/* "117/QĐ-" + "UBND": a code cut at its hyphen. */
	if (b->n > 1 && b->p[b->n - 1] == '-' && b->p[b->n - 2] != ' ' &&
	    (isupper_at(s, n, 0) || wd_digit(s[0])))
		;
	else if (b->n > 0)
		buf_addc(b, ' ');
	/* Blanks that laid the line out are one space in a paragraph. */
	for (k = 0; k < n; k++)
		if (s[k] != ' ' || k == 0 || s[k - 1] != ' ')
			buf_addc(b, s[k]);
}

/* The body: paragraphs joined from the text lines, and the tables, in
 * order. */
static void
body(struct lay *x)
{
	struct buf para = { 0 };
	const struct lline *prev = NULL;
	size_t i, margin, full, no = 0;

	measure(x, &margin, &full);
	for (i = 0; i < x->n; i++) {
		const struct lline *l = &x->l[i];

		if (l->kind == L_TEXT && (prev == NULL ||
		    !starts_para(prev, l, margin, full))) {
			if (prev == NULL)
				no = l->no;
			join(&para, l);
			prev = l;
			continue;
		}
		/* A blank line inside a sentence that runs on (a page's foot,
		 * a footnote between) does not end its paragraph. */
		if (l->kind == L_BLANK && prev != NULL &&
		    prev->end * 4 >= full * 3 && prev->s.n > 0 &&
		    strchr(".:;!?", prev->s.p[prev->s.n - 1]) == NULL)
			continue;
		if (l->kind == L_TEXT || l->kind == L_BLANK || l->kind == L_TABLE) {
			if (para.n > 0)
				doc_add_para(x->d, no, para.p, para.n);
			buf_clear(&para);
			prev = NULL;
		}
		if (l->kind == L_TEXT) {
			no = l->no;
			join(&para, l);
			prev = l;
		} else if (l->kind == L_TABLE && l->table_start)
			i = lay_table_block(x, i) - 1;
	}
	if (para.n > 0)
		doc_add_para(x->d, no, para.p, para.n);
	buf_free(&para);
}

void
layout_read(struct doc *d, const char *p, size_t n)
{
	struct lay x;
	size_t i;

	memset(&x, 0, sizeof(x));
	x.d = d;
	if (split_lines(&x, p, n) == 0) {
		drop_page_numbers(&x);
		footnotes(&x);
		letterhead(&x);
		lay_find_tables(&x);
		body(&x);
	}
	for (i = 0; i < x.n; i++)
		buf_free(&x.l[i].s);
	free(x.l);
	buf_free(&x.tmp);
	buf_free(&x.tmp2);
}
