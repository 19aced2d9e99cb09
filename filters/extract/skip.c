/*
 * What is not a figure: a digit token that is part of an identifier, a
 * date, a time of day, a period, a name ("Phường 17"), a slogan, a phone
 * number or an e-mail address.  skip_reason() says which; the figure scanner drops it.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "period.h"
#include "utf8.h"
#include "vnum.h"
#include "words.h"

/*
 * The words just before a digit token (up to BEFORE_MAX bytes back), read
 * once per token: lower-cased with every mark kept, blanks and a colon at
 * the end dropped (read_before), and folded (fold_before, for the few
 * tokens a folded list is asked about).  Marks matter: "tầng 3" names a
 * floor, "tăng 3" is a change; "quận 7" a district, "bình quân 72" an
 * average.  colon says whether a colon ended them: "quý: 702" is a label
 * and its figure, not "quý 2".
 */
#define BEFORE_MAX 40

static void
read_before(struct before *w, const char *s, size_t i)
{
	size_t from = i > BEFORE_MAX ? i - BEFORE_MAX : 0;

	if (w->read)
		return;
	w->read = 1;
	w->folded = 0;
	while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	buf_clear(&w->low);
	buf_addc(&w->low, ' ');
	u8_lower(&w->low, s + from, i - from);
	w->colon = 0;
	while (w->low.n > 0 && (w->low.p[w->low.n - 1] == ' ' ||
	    w->low.p[w->low.n - 1] == ':')) {
		w->colon |= w->low.p[w->low.n - 1] == ':';
		w->low.p[--w->low.n] = '\0';
	}
}

static void
fold_before(struct before *w, const char *s, size_t i)
{
	read_before(w, s, i);
	if (w->folded)
		return;
	w->folded = 1;
	buf_clear(&w->fold);
	u8_fold(&w->fold, w->low.p, w->low.n);
	if (w->fold.p == NULL)
		buf_adds(&w->fold, "");
}

void
before_free(struct before *w)
{
	buf_free(&w->low);
	buf_free(&w->fold);
	buf_free(&w->tmp);
}

/* Is s[a..b) a plain year (1900-2099)? */
static int
is_year(const char *s, size_t a, size_t b)
{
	return b - a == 4 && (strncmp(s + a, "19", 2) == 0 ||
	    strncmp(s + a, "20", 2) == 0) && wd_digit(s[a + 2]) && wd_digit(s[a + 3]);
}

/* Reads a digit token [0-9]+([.,][0-9]+)* from i; returns its end. */
size_t
digit_token(const char *s, size_t n, size_t i)
{
	while (i < n && wd_digit(s[i]))
		i++;
	while (i + 1 < n && (s[i] == '.' || s[i] == ',') && wd_digit(s[i + 1])) {
		i++;
		while (i < n && wd_digit(s[i]))
			i++;
	}
	return i;
}

/* A fraction or chain a/b: each of its parts is a figure. */
static int
all_fraction_plausible(const char *s, size_t a, size_t b)
{
	const char *sl = memchr(s + a, '/', b - a);

	if (sl == NULL)
		return 0;
	while (sl != NULL) {
		if (!vnum_plausible(s + a, (size_t)(sl - (s + a))))
			return 0;
		a = (size_t)(sl - s) + 1;
		sl = memchr(s + a, '/', b - a);
	}
	return vnum_plausible(s + a, b - a);
}

/* Glued to a word before (QL37, Covid-19, B2), or part of an address. */
static const char *
glued_before(const char *s, size_t n, size_t a, size_t b)
{
	size_t i, p;

	if (a > 0) {
		p = prev_char(s, a);
		if (isletter_at(s, n, p))
			return "name";
		if (s[p] == '-' && p > 0 && isletter_at(s, n, prev_char(s, p)))
			return "name";
		if (s[p] == '@' || s[p] == '.' || s[p] == '_')
			return "address";
	}
	/* E-mail: an @ in the same word. */
	for (i = b; i < n && s[i] != ' ' && s[i] != '\t'; i++)
		if (s[i] == '@')
			return "address";
	return NULL;
}

/* The first byte at or after i that is not a blank, or n. */
static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* The last byte before i that is not a blank, or -1. */
static long
last_nonblank(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return (long)i - 1;
}

/* Is s[a..b) "d/m" with a day and a month? */
static int
day_month(const char *s, size_t a, size_t b)
{
	const char *sl = memchr(s + a, '/', b - a);
	size_t dn, mn;
	int d, m;

	if (sl == NULL)
		return 0;
	dn = (size_t)(sl - (s + a));
	mn = b - (size_t)(sl - s) - 1;
	if (dn < 1 || dn > 2 || mn < 1 || mn > 2)
		return 0;
	d = atoi(s + a);
	m = atoi(sl + 1);
	return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/*
 * A day and month with no year: after "ngày" (glued too: "từngày"),
 * after the words of a span ("từ 01/7 đến ngày 10/9/2025", "đến 15/9"),
 * alone in brackets ("(08/3)"), or at either end of a span of days
 * ("22/12 - 29/12/2025").
 */
static const char *
date_without_year(const char *s, size_t n, size_t a, size_t b,
    struct before *w)
{
	size_t j = skip_blanks(s, n, b);
	long p = last_nonblank(s, a);

	if (!day_month(s, a, b))
		return NULL;
	fold_before(w, s, a);
	if (words_suffix_glued(WL_DAY_WORD, w->fold.p, w->fold.n) > 0 ||
	    words_suffix(WL_PERIOD_FROM, w->fold.p, w->fold.n) > 0 ||
	    words_suffix(WL_RANGE_TO, w->fold.p, w->fold.n) > 0)
		return "date";
	if (p >= 0 && s[p] == '(' && j < n && s[j] == ')')
		return "date";
	if (j < n && (s[j] == '-' || HAS_PREFIX(s + j, n - j, "–"))) {
		j = skip_blanks(s, n, j + (s[j] == '-' ? 1 : LIT_LEN("–")));
		if (j < n && wd_digit(s[j]) && memchr(s + j, '/', n - j < 3 ? n - j : 3))
			return "date";
	}
	if (p >= 0 && (s[p] == '-' || (p >= 2 && HAS_PREFIX(s + p - 2,
	    n - (size_t)p + 2, "–"))) && p > 0) {
		long q = last_nonblank(s, (size_t)p - (s[p] == '-' ? 0 : 2));

		if (q >= 0 && wd_digit(s[q]))
			return "date";
	}
	return NULL;
}

/* Identifiers (55/KH-UBND, 08-TT/HU, 145/2020/NĐ-CP, 676 /BC-UBND, "329
 * /BC-UBND" with blanks from a PDF) and dates (d/m/yyyy, m/yyyy, d/m). */
static const char *
identifier_or_date(const char *s, size_t n, size_t a, size_t b,
    int slashes, struct before *w)
{
	size_t i = skip_blanks(s, n, b);

	if (i < n && s[i] != '/')
		i = b;
	if (i + 1 < n && (s[i] == '/' || s[i] == '-') &&
	    (isletter_at(s, n, i + 1) || s[i + 1] == '/'))
		return "identifier";
	if (b < n && s[b] == '/' && b + 1 < n && wd_digit(s[b + 1]) && slashes >= 1)
		return "identifier";
	if (slashes >= 2)
		return "date";
	if (slashes == 1) {
		const char *sl = memchr(s + a, '/', b - a);
		size_t after = (size_t)(sl - s) + 1;

		if (is_year(s, after, b) && sl - (s + a) <= 2)
			return "date";
		return date_without_year(s, n, a, b, w);
	}
	return NULL;
}

/*
 * Letter-spaced text, as a PDF's text layer writes a spread-out line
 * ("3 9 6 3 / S T C - K T N S"): single characters between single
 * blanks, four or more in a row around a one-digit token.  Not read.
 */
#define SPACED_RUN 4

/* Only whether the run reaches SPACED_RUN matters: each walk stops there,
 * so a line of a million such tokens costs a few steps per token. */
static int
letter_spaced(const char *s, size_t n, size_t a, size_t b)
{
	size_t i, run = 1;

	if (b - a != 1)
		return 0;
	for (i = b; run < SPACED_RUN && i + 2 <= n && s[i] == ' ' &&
	    s[i + 1] != ' ' && (i + 2 == n || s[i + 2] == ' '); i += 2)
		run++;
	for (i = a; run < SPACED_RUN && i >= 2 && s[i - 1] == ' ' &&
	    s[i - 2] != ' ' && (i == 2 || s[i - 3] == ' '); i -= 2)
		run++;
	return run >= SPACED_RUN;
}

/* A page number: the only thing on a line that starts a page. */
static int
page_number(const char *s, size_t n, size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < a; i++)
		if (s[i] != ' ' && s[i] != '\f')
			return 0;
	return memchr(s, '\f', a) != NULL && skip_blanks(s, n, b) == n;
}

/* A time of day or a zone: "14:23", "14:23:43", "+07:00" (each of its
 * numbers). */
static int
clock_part(const char *s, size_t n, size_t a, size_t b)
{
	return (b - a <= 2 && b + 2 < n && s[b] == ':' &&
	    wd_digit(s[b + 1]) && wd_digit(s[b + 2]) &&
	    (b + 3 == n || !wd_digit(s[b + 3]))) ||
	    (b - a == 2 && a >= 2 && s[a - 1] == ':' && wd_digit(s[a - 2]));
}

/* A footnote marker in brackets: "06 văn bản[1]". */
static int
footnote(const char *s, size_t n, size_t a, size_t b)
{
	return a > 0 && s[a - 1] == '[' && b < n && s[b] == ']' && b - a <= 3;
}

/* "các phường: 1, 3, 4": after a plural name word, a colon opens the
 * names.  f[0..n) ends with the name word, of w bytes. */
static int
names_follow(const char *f, size_t n, size_t w)
{
	n -= w;
	while (n > 0 && f[n - 1] == ' ')
		n--;
	return words_suffix(WL_PLURAL, f, n) > 0;
}

/*
 * "số N" names a thing when "số" follows a kind of document or place
 * ("Pháp lệnh số 34", "tổ số 5") or a proper name ("cầu Kênh Ngang số
 * 2"); "dân số 42.318", "tổng số 58" are counts.  f[0..n) ends with
 * "số", of w bytes.
 */
static int
numbered_thing(const char *s, size_t a, const char *f, size_t n, size_t w)
{
	size_t p;

	n -= w;
	while (n > 0 && f[n - 1] == ' ')
		n--;
	if (words_suffix(WL_NUMBERED_HEAD, f, n) > 0)
		return 1;
	/* The word before "số", as written: a capital starts a name. */
	p = a;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	if (p < w)
		return 0;
	p -= w;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	while (p > 0 && s[prev_char(s, p)] != ' ')
		p = prev_char(s, p);
	return isupper_at(s, a, p);
}

/* A number that names: glued letters after (12a, 3rd), a name word
 * before (Phường 17) unless a colon makes it a label ("Quý: 702"),
 * "số 34" after a name (Pháp lệnh số 34, cầu Kênh Ngang số 2), a rank,
 * an anniversary. */
static const char *
named_number(const char *s, size_t n, size_t a, size_t b, struct before *w)
{
	const char *low;
	size_t ln, k;

	if (b < n && isletter_at(s, n, b) && s[b] != 'm' && s[b] != 'h' &&
	    s[b] != 'k')
		return "name";
	read_before(w, s, a);
	low = w->low.p;
	ln = w->low.n;
	if ((k = words_suffix(WL_NAME_BEFORE, low, ln)) > 0 &&
	    (!w->colon || names_follow(low, ln, k)))
		return "name";
	if ((k = words_suffix(WL_NUMBER_WORD, low, ln)) > 0 && !w->colon &&
	    numbered_thing(s, a, low, ln, k))
		return "name";
	if (words_suffix(WL_RANK_BEFORE, low, ln) > 0)
		return "name";
	/* A year after a "năm" glued to the word before ("nhiệm vụnăm
	 * 2025", from a PDF's text layer). */
	if (is_year(s, a, b)) {
		fold_before(w, s, a);
		if (words_suffix_glued(WL_YEAR_WORD, w->fold.p, w->fold.n) > 0)
			return "date";
	}
	return NULL;
}

/* Year ranges: 2021 - 2026, 2020- 2021, (2021 - 2025).  *extend is set
 * to the end of the second year when there is one. */
static const char *
year_range(const char *s, size_t n, size_t a, size_t b, size_t *extend)
{
	size_t j = b, p;

	while (j < n && s[j] == ' ')
		j++;
	if (j < n && (s[j] == '-' || strncmp(s + j, "–", 3) == 0)) {
		j += s[j] == '-' ? 1 : 3;
		while (j < n && s[j] == ' ')
			j++;
		if (j + 4 <= n && is_year(s, j, j + 4)) {
			*extend = j + 4;
			return "year range";
		}
	}
	p = prev_char(s, a);
	if (a > 0 && (s[p] == '-' || strncmp(s + p, "–", 3) == 0 ||
	    (s[p] == ' ' && p > 0 && (s[p - 1] == '-' ||
	    (p >= 3 && strncmp(s + p - 3, "–", 3) == 0)))))
		return "year range";
	return NULL;
}

/* A small bare number before a word: a slogan ("4 xin", "5 không"), a
 * date cut by a line break ("01 năm 2015"), a period ("6 tháng").  The
 * words after it are lower-cased once, for the slogan and the period;
 * f is scratch. */
static const char *
small_before_word(const char *s, size_t n, size_t b, struct buf *f)
{
	size_t j = b, w;
	int period;

	while (j < n && s[j] == ' ')
		j++;
	if (j == b || j >= n)
		return NULL;
	buf_clear(f);
	u8_lower(f, s + j, u8_cut(s + j, n - j, 24));
	if (words_prefix(WL_SLOGAN_AFTER, f->p, f->n) > 0)
		return "slogan";
	period = words_prefix(WL_TIME_AFTER, f->p, f->n) > 0;
	/* "01 năm 2015": a date a line break cut. */
	buf_clear(f);
	u8_fold(f, s + j, u8_cut(s + j, n - j, 16));
	w = words_prefix(WL_YEAR_WORD, f->p, f->n);
	if (w > 0 && w < f->n && f->p[w] == ' ' && w + 5 <= f->n &&
	    is_year(f->p, w + 1, w + 5))
		return "date";
	return period ? "period" : NULL;
}

/*
 * Decides whether the digit token s[a..b) (with any fraction or chain
 * already folded into [a..b)) is not a figure.  Returns a reason or NULL.
 */
const char *
skip_reason(const char *s, size_t n, size_t a, size_t b, int slashes,
    size_t *extend, struct before *w)
{
	const char *why;

	if (footnote(s, n, a, b))
		return "footnote";
	if (letter_spaced(s, n, a, b))
		return "letter-spaced";
	if (page_number(s, n, a, b))
		return "page number";
	if (clock_part(s, n, a, b))
		return "time";
	w->read = 0;
	if ((why = glued_before(s, n, a, b)) == NULL &&
	    (why = identifier_or_date(s, n, a, b, slashes, w)) == NULL)
		why = named_number(s, n, a, b, w);
	if (why != NULL)
		return why;
	if (slashes == 0 && is_year(s, a, b) &&
	    (why = year_range(s, n, a, b, extend)) != NULL)
		return why;
	if (slashes == 0 && is_year(s, a, b) && period_covers(s, n, a, b))
		return "period";
	if (slashes == 0 && b - a <= 2 &&
	    (why = small_before_word(s, n, b, &w->tmp)) != NULL)
		return why;
	if (!vnum_plausible(s + a, b - a) && !all_fraction_plausible(s, a, b))
		return "phone or code";
	return NULL;
}
