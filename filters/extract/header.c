/*
 * The document's own header, read from its first lines as written: the
 * issuer ("ỦY BAN NHÂN DÂN / HUYỆN BÌNH CHÁNH"), the number ("Số: 676
 * /BC-UBND"), the date of the place-and-date line, the period of the
 * title after "BÁO CÁO", and the places the whole document names.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "extract.h"
#include "utf8.h"
#include "xalloc.h"

#define HEADER_LINES 60		/* the header is in the first lines */

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

/* "huyện Việt Yên", "Phường 17", "thị xã Việt Yên", "tỉnh Bắc Giang". */
static void
find_places(struct scan *st, const char *s, size_t n)
{
	static const char *const types[] = { "thanh pho ", "thi xa ", "thi tran ",
		"tinh ", "huyen ", "quan ", "phuong ", "xa ", NULL };
	size_t i = 0;

	while (i < n) {
		size_t k, j, w, words = 0, tlen;
		const char *f;

		/* Every type word starts with t, h, q, p or x (any case). */
		if (!(i == 0 || s[i - 1] == ' ' || s[i - 1] == '(') ||
		    strchr("tThHqQpPxX", s[i]) == NULL || s[i] == '\0') {
			i++;
			continue;
		}
		buf_clear(&st->fold);
		u8_fold(&st->fold, s + i, u8_cut(s + i, n - i, 16));
		f = st->fold.p == NULL ? "" : st->fold.p;
		for (k = 0; types[k] != NULL; k++)
			if (strncmp(f, types[k], strlen(types[k])) == 0)
				break;
		if (types[k] == NULL) {
			i++;
			continue;
		}
		/* Skip the type word(s) in the original text. */
		j = i;
		for (tlen = 0; types[k][tlen] != '\0'; tlen++)
			if (types[k][tlen] == ' ') {
				while (j < n && s[j] != ' ')
					j++;
				j++;
			}
		w = j;
		while (w < n && words < 3 && (isupper_at(s, n, w) || isdig(s[w]))) {
			while (w < n && s[w] != ' ' && s[w] != ',' && s[w] != ';' &&
			    s[w] != '.' && s[w] != ')' && s[w] != '(' && s[w] != '\t')
				w++;
			words++;
			if (w + 1 < n && s[w] == ' ' && (isupper_at(s, n, w + 1) ||
			    isdig(s[w + 1])))
				w++;
			else
				break;
		}
		buf_clear(&st->fold);
		u8_fold(&st->fold, s + j, w - j);
		if (words > 0 && w > j && strncmp(st->fold.p, "hoi", 3) != 0)
			add_place(&st->hdr, s + i, w - i);
		i = j > i ? j : i + 1;
	}
}

/*
 * The place-and-date line: "Bình Chánh, ngày 29 tháng 10 năm 2021", the day
 * possibly blank.  Sets doc_date (from the day) and, when no header named
 * the issuer, the place.
 */
static void
place_date(struct header *h, const char *s, size_t n)
{
	const char *c = strstr(s, ", ngày "), *p, *q;
	size_t k;
	int day, month, year, used = 0;

	if (c == NULL || c - s < 2 || c - s > 60)
		return;
	for (k = 0; k < (size_t)(c - s); k++)
		if (isdig(s[k]))
			return;
	p = c + strlen(", ngày ");
	while (*p == ' ')
		p++;
	q = p;
	if (sscanf(q, "%2d tháng %2d năm %4d%n", &day, &month, &year, &used) != 3 &&
	    sscanf(q, "tháng %2d năm %4d%n", &month, &year, &used) != 2)
		return;
	if (used <= 0 || (size_t)(p - s) + (size_t)used > n)
		return;
	h->doc_date = dupn(p, (size_t)used);
	if (h->issuer == NULL)
		h->issuer = dupn(s, (size_t)(c - s));
}


/*
 * "ỦY BAN NHÂN DÂN HUYỆN X", or "ỦY BAN NHÂN DÂN" with the unit in capitals
 * on the next line.  Returns 1 when the unit was on this line.
 */
static int
issuer_line(struct header *h, const struct doc *d, struct pos at,
    const char *s)
{
	const char *rest = s + strlen("ỦY BAN NHÂN DÂN");
	struct textline u;
	size_t k;

	while (*rest == ' ')
		rest++;
	if (*rest != '\0' && strncmp(rest, "CỘNG HÒA", 10) != 0 &&
	    strncmp(rest, "CỘNG HOÀ", 10) != 0) {
		h->issuer = dupn(rest, strlen(rest));
		return 1;
	}
	if (!doc_next(d, &at))
		return 0;
	u = doc_line(d, at);
	for (k = 0; k < u.len; k++)
		if (isletter_at(u.text, u.len, k) && !isupper_at(u.text, u.len, k) &&
		    ((unsigned char)u.text[k] & 0xC0) != 0x80)
			break;
	if (k == u.len && u.len > 0 && u.len < 80)
		h->issuer = dupn(u.text, u.len);
	return 0;
}

/* The period: in the first three lines of the title after "BÁO CÁO". */
static void
title_period(struct scan *st, struct pos at)
{
	struct header *h = &st->hdr;
	size_t seen = 0;
	regmatch_t m[8];

	while (seen < 3 && h->period_text == NULL && doc_next(st->doc, &at)) {
		const char *s = doc_line(st->doc, at).text;
		int k;

		seen++;
		for (k = 0; k < 4 && h->period_text == NULL; k++)
			if (regexec(&st->titles.re[k], s, 1, m, 0) == 0)
				h->period_text = dupn(s + m[0].rm_so,
				    (size_t)(m[0].rm_eo - m[0].rm_so));
	}
}

/* Header fields from the lines before the body. */
static void
header_fields(struct scan *st)
{
	const struct doc *d = st->doc;
	struct header *h = &st->hdr;
	struct pos at, title = { 0, 0 };
	int ok, have_title = 0;

	for (ok = doc_first(d, &at); ok; ok = doc_next(d, &at)) {
		struct textline t = doc_line(d, at);
		const char *s = t.text;
		size_t n = t.len;

		if (t.line > HEADER_LINES)
			break;
		if (h->doc_no == NULL && n >= 3 && strncmp(s, "Số", 3) == 0) {
			const char *c = memchr(s, ':', n);

			if (c != NULL)
				h->doc_no = dupn(c + 1, n - (size_t)(c + 1 - s));
		}
		if (h->issuer == NULL && strncmp(s, "ỦY BAN NHÂN DÂN",
		    strlen("ỦY BAN NHÂN DÂN")) == 0 && issuer_line(h, d, at, s))
			continue;
		if (h->doc_date == NULL)
			place_date(h, s, n);
		if (!have_title && (strcmp(s, "BÁO CÁO") == 0 ||
		    strncmp(s, "BÁO CÁO ", 9) == 0)) {
			title = at;
			have_title = 1;
		}
	}
	if (have_title)
		title_period(st, title);
}

void
header_read(struct scan *st)
{
	struct header *h = &st->hdr;
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
	for (ok = doc_first(st->doc, &at); ok; ok = doc_next(st->doc, &at)) {
		struct textline t = doc_line(st->doc, at);

		find_places(st, t.text, t.len);
	}
}

void
header_clear(struct header *h)
{
	free(h->issuer);
	free(h->doc_no);
	free(h->doc_date);
	free(h->period_text);
	h->issuer = h->doc_no = h->doc_date = h->period_text = NULL;
	buf_clear(&h->places);
}

static void
compile(regex_t *re, const char *pat)
{
	if (regcomp(re, pat, REG_EXTENDED) != 0)
		internal_error("bad pattern");
}

void
titles_init(struct titles *t)
{
	compile(&t->re[0], "(quý|Quý|QUÝ) +([IV]+|[1-4]) +(năm|NĂM) +[0-9]{4}");
	compile(&t->re[1], "[0-9]{1,2} +(tháng|THÁNG)( +(đầu|ĐẦU|cuối|CUỐI))? +(năm|NĂM) +[0-9]{4}");
	compile(&t->re[2], "(tháng|THÁNG) +[0-9]{1,2} +(năm|NĂM) +[0-9]{4}");
	compile(&t->re[3], "(năm|NĂM) +[0-9]{4}");
}

void
titles_free(struct titles *t)
{
	size_t k;

	for (k = 0; k < sizeof(t->re) / sizeof(t->re[0]); k++)
		regfree(&t->re[k]);
}
