/*
 * period: reporting periods (see period.h): the canonical names' days
 * and last day; and the phrases of a report that name a period ("quý I
 * năm 2024", "6 tháng đầu năm 2023"), found in folded text by the words
 * of common/data/words.rules, and dates in words ("20 tháng 9 năm
 * 2021").
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "period.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

#define YEAR_AFTER 200		/* bytes after a phrase its year may come */
#define PERIOD_BACK 48		/* bytes before a year its phrase may start */

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_end(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (y >= 1). */
static long
days_of(int y, int m, int d)
{
	long yy = m <= 2 ? y - 1 : y, era = yy / 400, yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void
date_of(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The Monday of ISO week 1 of year y (the week with 4 January). */
static long
week1_monday(int y)
{
	long jan4 = days_of(y, 1, 4);
	long wd = ((jan4 % 7) + 7 + 3) % 7;	/* 0 Monday .. 6 Sunday */

	return jan4 - wd;
}

static int
num(const char *p, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD" at p: the day number, or -1 when not a date. */
static long
iso_day(const char *p)
{
	int y = num(p, 4), m = num(p + 5, 2), d = num(p + 8, 2);

	if (y < 1000 || p[4] != '-' || p[7] != '-' || m < 1 || m > 12 ||
	    d < 1 || d > month_end(y, m))
		return -1;
	return days_of(y, m, d);
}

static void
write_day(long z, char out[11])
{
	int y, m, d;

	date_of(z, &y, &m, &d);
	y %= 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* The last day of the forms with a week or days in them. */
static int
end_of_days(const char *p, size_t n, int y, char out[11])
{
	long a, b;

	if (n == 8 && p[4] == '-' && p[5] == 'W') {
		int w = num(p + 6, 2);

		if (w < 1 || week1_monday(y) + 7L * w > week1_monday(y + 1))
			return -1;
		write_day(week1_monday(y) + 7L * w - 1, out);
		return 0;
	}
	if (n != 21 || p[10] != '/' || (a = iso_day(p)) < 0 ||
	    (b = iso_day(p + 11)) < a)
		return -1;
	write_day(b, out);
	return 0;
}

int
period_days(const char *p, size_t n, long *first, long *last)
{
	char end[11];
	int y, m = 1, q;
	long a;

	if (n == 11 && p[10] == '/' && (a = iso_day(p)) >= 0) {
		*first = a;
		*last = LONG_MAX;	/* no end yet */
		return 0;
	}
	if (period_end(p, n, end) != 0 || (*last = iso_day(end)) < 0)
		return -1;
	y = num(p, 4);
	if (n == 21 && (a = iso_day(p)) >= 0) {
		*first = a;
		return 0;
	}
	if (n == 8 && p[5] == 'W') {
		*first = *last - 6;
		return 0;
	}
	if (n == 7 && p[5] == 'Q' && (q = p[6] - '0') >= 1 && q <= 4)
		m = (q - 1) * 3 + 1;
	else if (n == 7 && p[5] == 'H')
		m = p[6] == '1' ? 1 : 7;
	else if ((n == 7 || n == 15) && p[4] == '-')
		m = num(p + 5, 2);
	*first = days_of(y, m, 1);
	return 0;
}

int
period_end(const char *p, size_t n, char out[11])
{
	int y, m = 12, q;

	if (n < 4 || (y = num(p, 4)) < 1000)
		return -1;
	if (n == 4)
		;
	else if (n == 7 && p[4] == '-' && (p[5] == 'Q' || p[5] == 'H')) {
		q = p[6] - '0';
		if (p[5] == 'Q' && q >= 1 && q <= 4)
			m = q * 3;
		else if (p[5] == 'H' && q >= 1 && q <= 2)
			m = q * 6;
		else
			return -1;
	} else if (n == 7 && p[4] == '-') {
		if ((m = num(p + 5, 2)) < 1 || m > 12)
			return -1;
	} else if (n == 9 && p[4] == '/') {
		int y1 = num(p + 5, 4);

		if (y1 < y)
			return -1;
		y = y1;
	} else if (n == 15 && p[4] == '-' && p[7] == '/' && p[12] == '-') {
		int m0 = num(p + 5, 2), y1 = num(p + 8, 4);

		m = num(p + 13, 2);
		if (m0 < 1 || m0 > 12 || m < 1 || m > 12 || y1 < y ||
		    (y1 == y && m < m0))
			return -1;
		y = y1;
	} else {
		return end_of_days(p, n, y, out);
	}
	write_day(days_of(y, m, month_end(y, m)), out);
	return 0;
}

/*
 * The grammar of period phrases, read in one pass over folded text: at
 * each word, the forms are tried in this order and the first that reads
 * a valid period wins (so the phrase that starts first wins, and of two at
 * one place the earlier form):
 *
 *	days	từ [ngày] D/M[/Y] đến|tới|- [hết] [ngày] D/M/Y
 *	week	tuần [thứ] N [[năm] Y]
 *	quarter	quý I..IV|1..4 [[năm] Y]
 *	half	6|sáu tháng đầu|cuối năm [Y]
 *	months	N tháng [đầu] [năm] [năm] [Y]	(đầu, năm or Y needed)
 *	month	tháng N [[năm] Y]		(not a date's "ngày D tháng N")
 *	years	giai đoạn Y -|đến Y
 *	year	năm Y
 *
 * Between a number and the year after it, blanks, ',', '/' and '-' may
 * stand.  A form with no year of its own takes the next "năm Y" at most
 * YEAR_AFTER bytes on.  The words are words.rules' lists.
 */
struct rd {
	const char *s;		/* folded, NUL-ended */
	size_t n, i;
	int open_ok;		/* a span of days may have no end yet */
};

static void
blanks(struct rd *r)
{
	while (r->i < r->n && r->s[r->i] == ' ')
		r->i++;
}

/* The word of list l at the cursor (blanks first): 1 and past it, or 0
 * with the cursor kept.  *val gets the phrase's number. */
static int
word(struct rd *r, enum words_list l, int *val)
{
	size_t at = r->i, w;
	int v;

	blanks(r);
	if ((w = words_prefix_val(l, r->s + r->i, r->n - r->i, &v)) == 0) {
		r->i = at;
		return 0;
	}
	r->i += w;
	if (val != NULL)
		*val = v;
	return 1;
}

/* 1 to max digits at the cursor, not followed by another: the number. */
static int
digits(struct rd *r, size_t min, size_t max, int *v)
{
	size_t k = 0, at = r->i;

	blanks(r);
	*v = 0;
	while (r->i < r->n && wd_digit(r->s[r->i]) && k < max) {
		*v = *v * 10 + (r->s[r->i++] - '0');
		k++;
	}
	if (k < min || (r->i < r->n && wd_digit(r->s[r->i]))) {
		r->i = at;
		return 0;
	}
	return 1;
}

/* A year: four digits starting 1 or 2. */
static int
year(struct rd *r, int *y)
{
	size_t at = r->i;

	if (!digits(r, 4, 4, y) || *y < 1000 || *y > 2999) {
		r->i = at;
		return 0;
	}
	return 1;
}

/* "[ ,/-]+[năm ]Y" after a number: the year, or 0 with the cursor kept. */
static int
year_tail(struct rd *r, int *y)
{
	size_t at = r->i;

	while (r->i < r->n && strchr(" ,/-", r->s[r->i]) != NULL)
		r->i++;
	if (r->i == at) {
		r->i = at;
		return 0;
	}
	(void)word(r, WL_YEAR_WORD, NULL);
	if (year(r, y))
		return 1;
	r->i = at;
	return 0;
}

/* The next "năm Y" in s[from..from + YEAR_AFTER): the year, *end after
 * it; -1 when none. */
static int
year_after(const struct rd *r, size_t from, size_t *end)
{
	size_t lim = from + YEAR_AFTER < r->n ? from + YEAR_AFTER : r->n, i;
	int y;

	for (i = from; i < lim; i++) {
		struct rd t = { r->s, lim, i, 0 };

		if (i > 0 && wd_folded(r->s[i - 1]))
			continue;
		if (word(&t, WL_YEAR_WORD, NULL) && t.i < lim &&
		    r->s[t.i] == ' ' && year(&t, &y)) {
			*end = t.i;
			return y;
		}
	}
	return -1;
}

/* "D/M" and an optional "/Y". */
static int
day_month(struct rd *r, int *d, int *m, int *y)
{
	size_t at = r->i;

	*y = -1;
	if (!digits(r, 1, 2, d) || r->i >= r->n || r->s[r->i] != '/') {
		r->i = at;
		return 0;
	}
	r->i++;
	if (!digits(r, 1, 2, m)) {
		r->i = at;
		return 0;
	}
	if (r->i + 1 < r->n && r->s[r->i] == '/' && wd_digit(r->s[r->i + 1])) {
		size_t b = r->i++;

		if (!year(r, y))
			r->i = b;
	}
	return 1;
}

/* "từ ngày 01/7/2025", "từ ngày 01/7/2025 đến nay": a span of days with
 * no end yet, written "YYYY-MM-DD/" (only where r->open_ok). */
static int
open_days(struct rd *r, int d0, int m0, int y0, char *out, size_t on)
{
	if (!r->open_ok || y0 < 0)
		return -1;
	snprintf(out, on, "%04d-%02d-%02d/", y0, m0, d0);
	return 0;
}

static int
form_days(struct rd *r, char *out, size_t on)
{
	int d0, m0, y0, d1, m1, y1;
	size_t at;

	if (!word(r, WL_PERIOD_FROM, NULL))
		return -1;
	(void)word(r, WL_DAY_WORD, NULL);
	if (!day_month(r, &d0, &m0, &y0))
		return -1;
	at = r->i;
	if (!word(r, WL_RANGE_TO, NULL)) {
		r->i = at;
		return open_days(r, d0, m0, y0, out, on);
	}
	if (word(r, WL_UNTIL_NOW, NULL))
		return open_days(r, d0, m0, y0, out, on);
	(void)word(r, WL_PERIOD_THROUGH, NULL);
	(void)word(r, WL_DAY_WORD, NULL);
	if (!day_month(r, &d1, &m1, &y1) || y1 < 0)
		return -1;
	if (y0 < 0)
		y0 = m0 > m1 || (m0 == m1 && d0 > d1) ? y1 - 1 : y1;
	snprintf(out, on, "%04d-%02d-%02d/%04d-%02d-%02d", y0, m0, d0, y1, m1,
	    d1);
	return 0;
}

/* Reads the year of a form: its own, or the next "năm Y". */
static int
form_year(struct rd *r, int *y)
{
	size_t end;

	if (year_tail(r, y))
		return 1;
	if ((*y = year_after(r, r->i, &end)) < 0)
		return 0;
	r->i = end;
	return 1;
}

static int
form_week(struct rd *r, char *out, size_t on)
{
	int w, y;

	if (!word(r, WL_WEEK_WORD, NULL))
		return -1;
	(void)word(r, WL_ORDINAL, NULL);
	if (!digits(r, 1, 2, &w) || !form_year(r, &y))
		return -1;
	snprintf(out, on, "%04d-W%02d", y, w);
	return 0;
}

static int
form_quarter(struct rd *r, char *out, size_t on)
{
	int q, y;

	if (!word(r, WL_QUARTER_WORD, NULL))
		return -1;
	blanks(r);
	/* "quý i" not followed by a letter: "quỹ ích" is no quarter. */
	if (!word(r, WL_ROMAN, &q) && !digits(r, 1, 1, &q))
		return -1;
	if (q < 1 || q > 4 || (r->i < r->n && wd_folded(r->s[r->i])) ||
	    !form_year(r, &y))
		return -1;
	snprintf(out, on, "%04d-Q%d", y, q);
	return 0;
}

/* "6" or "sáu". */
static int
small_number(struct rd *r, int *v)
{
	return digits(r, 1, 2, v) || word(r, WL_NUM_DIGIT, v);
}

static int
form_half(struct rd *r, char *out, size_t on)
{
	int six, y, first;

	if (!small_number(r, &six) || six != 6 || !word(r, WL_MONTH_WORD, NULL))
		return -1;
	if (word(r, WL_HALF_FIRST, NULL))
		first = 1;
	else if (word(r, WL_HALF_LAST, NULL))
		first = 0;
	else
		return -1;
	if (!word(r, WL_YEAR_WORD, NULL))
		return -1;
	if (!(r->i < r->n && r->s[r->i] == ' ' && year(r, &y)) &&
	    !form_year(r, &y))
		return -1;
	snprintf(out, on, "%04d-H%d", y, first ? 1 : 2);
	return 0;
}

/* "9 tháng (đầu) năm": months from January; 3, 6 and 12 have names. */
static int
form_months(struct rd *r, char *out, size_t on)
{
	int k, y, named = 0;
	size_t at;

	if (!digits(r, 1, 2, &k) || k < 1 || k > 12 ||
	    !word(r, WL_MONTH_WORD, NULL))
		return -1;
	named |= word(r, WL_HALF_FIRST, NULL);
	named |= word(r, WL_YEAR_WORD, NULL);
	if (named)
		(void)word(r, WL_YEAR_WORD, NULL);
	at = r->i;
	if (r->i < r->n && r->s[r->i] == ' ' && year(r, &y))
		;
	else if (!named && !year_tail(r, &y))
		return -1;
	else if (!named)
		;
	else {
		r->i = at;
		if (!form_year(r, &y))
			return -1;
	}
	if (k == 12)
		snprintf(out, on, "%04d", y);
	else if (k == 6)
		snprintf(out, on, "%04d-H1", y);
	else if (k == 3)
		snprintf(out, on, "%04d-Q1", y);
	else
		snprintf(out, on, "%04d-01/%04d-%02d", y, y, k);
	return 0;
}

/* Is s[0..at) "... ngày D " (a date's day, so "tháng N" is its month)? */
static int
after_day(const struct rd *r, size_t at)
{
	size_t p = at;

	while (p > 0 && r->s[p - 1] == ' ')
		p--;
	if (p == 0 || !wd_digit(r->s[p - 1]))
		return 0;
	while (p > 0 && wd_digit(r->s[p - 1]))
		p--;
	while (p > 0 && r->s[p - 1] == ' ')
		p--;
	return words_suffix(WL_DAY_WORD, r->s, p) > 0;
}

static int
form_month(struct rd *r, char *out, size_t on)
{
	size_t at = r->i;
	int m, y;

	if (!word(r, WL_MONTH_WORD, NULL) || !digits(r, 1, 2, &m) ||
	    after_day(r, at) || !form_year(r, &y))
		return -1;
	snprintf(out, on, "%04d-%02d", y, m);
	return 0;
}

static int
form_years(struct rd *r, char *out, size_t on)
{
	int y0, y1;

	if (!word(r, WL_SPAN_WORD, NULL) || !year(r, &y0) ||
	    !word(r, WL_RANGE_TO, NULL) || !year(r, &y1))
		return -1;
	snprintf(out, on, "%04d/%04d", y0, y1);
	return 0;
}

static int
form_year_only(struct rd *r, char *out, size_t on)
{
	int y;

	if (!word(r, WL_YEAR_WORD, NULL) || r->i >= r->n ||
	    r->s[r->i] != ' ' || !year(r, &y))
		return -1;
	snprintf(out, on, "%04d", y);
	return 0;
}

/* "[D] tháng M năm Y" (the day may be blank). */
static int
date_words(struct rd *r, int *d, int *m, int *y)
{
	*d = 0;
	blanks(r);
	if (r->i < r->n && wd_digit(r->s[r->i]) && !digits(r, 1, 2, d))
		return -1;
	if (!word(r, WL_MONTH_WORD, NULL) || !digits(r, 1, 2, m) ||
	    !word(r, WL_YEAR_WORD, NULL) || r->i >= r->n || r->s[r->i] != ' ' ||
	    !digits(r, 4, 4, y))
		return -1;
	return 0;
}

static int (*const forms[])(struct rd *, char *, size_t) = { form_days,
	form_week, form_quarter, form_half, form_months, form_month,
	form_years, form_year_only };

/* The period whose phrase starts at s[at]: 0 and *end, or -1. */
static int
period_at(const char *s, size_t n, size_t at, int open_ok, char *out,
    size_t on, size_t *end)
{
	char tmp[32], end_day[11];
	size_t k;

	for (k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		struct rd r = { s, n, at, open_ok };

		if (forms[k](&r, tmp, sizeof(tmp)) == 0 &&
		    (period_end(tmp, strlen(tmp), end_day) == 0 ||
		    (strlen(tmp) == 11 && iso_day(tmp) >= 0))) {
			snprintf(out, on, "%s", tmp);
			*end = r.i;
			return 0;
		}
	}
	return -1;
}

/* The first phrase in s at a word: 0, its period and [*so, *eo). */
static int
find_phrase(const char *s, int open_ok, char *out, size_t outsize,
    size_t *so, size_t *eo)
{
	size_t n = strlen(s), i;

	for (i = 0; i < n; i++) {
		/* At a word: not inside one ("tu" in "nhiệm vụ tu"). */
		if (i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z')
			continue;
		if (s[i] == ' ')
			continue;
		if (period_at(s, n, i, open_ok, out, outsize, eo) == 0) {
			*so = i;
			return 0;
		}
	}
	return -1;
}

int
period_find_span(const char *s, long *first, long *last, size_t *so,
    size_t *eo)
{
	char p[32];

	if (find_phrase(s, 1, p, sizeof(p), so, eo) != 0)
		return -1;
	return period_days(p, strlen(p), first, last);
}

int
period_find(const char *s, char *out, size_t outsize, size_t *so, size_t *eo)
{
	return find_phrase(s, 0, out, outsize, so, eo);
}

int
period_parse(const char *s, char *out, size_t outsize)
{
	size_t so, eo;

	return period_find(s, out, outsize, &so, &eo);
}

int
period_find_text(const char *text, size_t n, char *out, size_t outsize,
    size_t *so, size_t *eo)
{
	struct buf f = { 0 };
	size_t *at = NULL, fs, fe;
	int rc;

	u8_fold_at(&f, &at, text, n);
	rc = find_phrase(f.p, 1, out, outsize, &fs, &fe);
	if (rc == 0) {
		*so = at[fs];
		*eo = at[fe];
	}
	buf_free(&f);
	free(at);
	return rc;
}

int
period_covers(const char *text, size_t n, size_t a, size_t b)
{
	struct buf f = { 0 };
	size_t *at = NULL, from = a > PERIOD_BACK ? a - PERIOD_BACK : 0, i, e;
	size_t to = b + 1 < n ? b + 1 : n;
	int yes = 0;
	char out[32];

	while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
		from++;
	u8_fold_at(&f, &at, text + from, to - from);
	for (i = 0; i < f.n && at[i] + from < a && !yes; i++) {
		if ((i > 0 && f.p[i - 1] >= 'a' && f.p[i - 1] <= 'z') ||
		    f.p[i] == ' ')
			continue;
		if (period_at(f.p, f.n, i, 0, out, sizeof(out), &e) == 0 &&
		    at[e] + from >= b)
			yes = 1;
	}
	buf_free(&f);
	free(at);
	return yes;
}

int
period_date_at(const char *s, size_t n, size_t at, int *d, int *m, int *y,
    size_t *end)
{
	struct rd r = { s, n, at, 0 };

	if (date_words(&r, d, m, y) != 0)
		return -1;
	*end = r.i;
	return 0;
}

int
period_of_report(const char *folded, const char *day, char *out,
    size_t outsize)
{
	char p[32];
	size_t so, eo;
	long end;

	if (period_parse(folded, out, outsize) == 0)
		return 0;
	/* "từ ngày 01/7/2025 đến nay": to the report's day. */
	if (find_phrase(folded, 1, p, sizeof(p), &so, &eo) != 0 ||
	    strlen(p) != 11 || day == NULL || strlen(day) != 10 ||
	    (end = iso_day(day)) < iso_day(p))
		return -1;
	snprintf(out, outsize, "%s%s", p, day);
	return 0;
}
