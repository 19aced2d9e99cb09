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
 *
 * The letterhead's lines and what each is are header_lines.c's; the
 * places the document names, header_places.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "extract.h"
#include "header.h"
#include "period.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

#define TITLE_LINES 4		/* lines of the title after its kind */
#define TITLE_MAX 360		/* bytes of a title at most */
#define ISSUER_MAX 120		/* bytes of an issuer's name at most */
#define BODY_LINES 15		/* body lines that may name the issuer */
#define PROSE_WORDS 12		/* a letterhead line has fewer words */

/* The end of the last "ủy ban nhân dân" (or "UBND") in folded f, or -1. */
static long
last_ubnd(const char *f)
{
	size_t len;
	long at = words_find_last(WL_COMMITTEE, f, strlen(f), &len);

	return at < 0 ? -1 : at + (long)len;
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
		else if (words < 2 && hd_type_word(tmp, p + i, w - i))
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
		hd_join(&j, h, i, k);
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
	hd_joined_free(&j);
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

	hd_trim(&p, &n);
	if (n > 0 && *p == ':') {
		p++;
		n--;
		hd_trim(&p, &n);
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
			hd_join(&j, h, a, b);
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
	hd_joined_free(&j);
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
	hd_join(&j, h, k, b);
	if (period_find_text(j.text.p, j.text.n, p, sizeof(p), &so, &eo) == 0) {
		hd->period_text = dupn(j.text.p + so, eo - so);
		hd->title = dupn(j.text.p, u8_cut(j.text.p, eo, TITLE_MAX));
	} else {
		hd->title = dupn(h->v[k].p, h->v[k].n);
	}
	hd_joined_free(&j);
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
		hd_add_line(&one, t.text, t.len, t.line);
		if (one.n == 0)
			continue;
		hd_join(&j, &one, 0, 1);
		free(one.v[0].fold);
		if ((e = last_ubnd(j.fold.p)) < 0)
			continue;
		so = j.at[e] + name_start(j.text.p + j.at[e], j.text.n - j.at[e]);
		eo = so + name_len(&tmp, j.text.p + so, j.text.n - so);
		if (eo > so && memchr(j.text.p + so, ' ', eo - so) != NULL &&
		    hd_type_word(&tmp, j.text.p + so, strcspn(j.text.p + so,
		    " ")) &&
		    says_report(j.text.p + eo, j.text.n - eo))
			name = dupn(j.text.p + so, eo - so);
		if (name != NULL && hd->period_text == NULL &&
		    period_find_text(j.text.p, j.text.n, p, sizeof(p), &so, &eo) == 0)
			hd->period_text = dupn(j.text.p + so, eo - so);
	}
	free(one.v);
	hd_joined_free(&j);
	buf_free(&tmp);
	return name;
}

/* The fields of the letterhead, as written. */
static void
header_fields(struct scan *st)
{
	struct header *hd = &st->hdr;
	struct hlines h = { NULL, 0, 0 };
	size_t i;
	char *place;

	hd_collect(st->doc, &h);
	for (i = 0; i < h.n; i++)
		h.v[i].role = hd_role(&h.v[i]);
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

		hd_find_places(st, &fold, &map, t.text, t.len);
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
