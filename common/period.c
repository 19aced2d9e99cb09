#include <regex.h>
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

static int
roman(const char *s, size_t n)
{
	static const char *r[] = { "i", "ii", "iii", "iv" };
	int i;

	if (n == 1 && s[0] >= '1' && s[0] <= '4')
		return s[0] - '0';
	for (i = 0; i < 4; i++)
		if (strlen(r[i]) == n && strncmp(r[i], s, n) == 0)
			return i + 1;
	return -1;
}

/* Group g of match m in s as a number, or -1 when it did not take part. */
static int
gnum(const char *s, const regmatch_t *m, int g)
{
	if (m[g].rm_so < 0)
		return -1;
	return num(s + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
}

static int
gis(const char *s, const regmatch_t *m, int g, const char *word)
{
	size_t n = strlen(word);

	return m[g].rm_so >= 0 && (size_t)(m[g].rm_eo - m[g].rm_so) == n &&
	    strncmp(s + m[g].rm_so, word, n) == 0;
}

/* "từ ngày 15/12/2023 đến ngày 14/6/2024"; the first year may be left out. */
static int
fmt_days(const char *s, const regmatch_t *m, int year, char *out, size_t on)
{
	int d0 = gnum(s, m, 2), m0 = gnum(s, m, 3), y0 = gnum(s, m, 5);
	int d1 = gnum(s, m, 9), m1 = gnum(s, m, 10), y1 = gnum(s, m, 11);

	(void)year;
	if (y0 < 0)
		y0 = m0 > m1 || (m0 == m1 && d0 > d1) ? y1 - 1 : y1;
	snprintf(out, on, "%04d-%02d-%02d/%04d-%02d-%02d", y0, m0 % 100,
	    d0 % 100, y1, m1 % 100, d1 % 100);
	return 0;
}

static int
fmt_week(const char *s, const regmatch_t *m, int year, char *out, size_t on)
{
	snprintf(out, on, "%04d-W%02d", year, gnum(s, m, 2) % 100);
	return 0;
}

static int
fmt_quarter(const char *s, const regmatch_t *m, int year, char *out,
    size_t on)
{
	int q = roman(s + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
	char c = s[m[1].rm_eo];

	/* "quý i" not followed by a letter: "quỹ ích" is no quarter. */
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return -1;
	snprintf(out, on, "%04d-Q%d", year, q);
	return 0;
}

static int
fmt_half(const char *s, const regmatch_t *m, int year, char *out, size_t on)
{
	snprintf(out, on, "%04d-H%d", year, gis(s, m, 2, "dau") ? 1 : 2);
	return 0;
}

/* "9 tháng (đầu) năm": months from January; 3, 6 and 12 have names. */
static int
fmt_months(const char *s, const regmatch_t *m, int year, char *out,
    size_t on)
{
	int n = gnum(s, m, 1);

	if (n < 1 || n > 12 || (m[2].rm_so < 0 && m[5].rm_so < 0))
		return -1;
	if (n == 12)
		snprintf(out, on, "%04d", year);
	else if (n == 6)
		snprintf(out, on, "%04d-H1", year);
	else if (n == 3)
		snprintf(out, on, "%04d-Q1", year);
	else
		snprintf(out, on, "%04d-01/%04d-%02d", year, year, n);
	return 0;
}

static int
fmt_month(const char *s, const regmatch_t *m, int year, char *out, size_t on)
{
	int n = gnum(s, m, 1);
	const char *p = s + m[0].rm_so;

	/* "ngày 15 tháng 3 năm 2024" is a date, not a month reported. */
	while (p > s && p[-1] == ' ')
		p--;
	while (p > s && p[-1] >= '0' && p[-1] <= '9')
		p--;
	if ((size_t)(p - s) >= LIT_LEN("ngay ") &&
	    strncmp(p - LIT_LEN("ngay "), "ngay ", LIT_LEN("ngay ")) == 0)
		return -1;
	snprintf(out, on, "%04d-%02d", year, n % 100);
	return 0;
}

static int
fmt_years(const char *s, const regmatch_t *m, int year, char *out, size_t on)
{
	(void)year;
	snprintf(out, on, "%.4s/%.4s", s + m[1].rm_so, s + m[3].rm_so);
	return 0;
}

static int
fmt_year(const char *s, const regmatch_t *m, int year, char *out, size_t on)
{
	(void)m;
	(void)s;
	snprintf(out, on, "%04d", year);
	return 0;
}

#define YEAR "([12][0-9]{3})"

/*
 * The phrases, on folded text.  yg: the group of a year written right
 * after the phrase (0: the phrase has its years in it); without it, the
 * year is the next "năm YYYY" at most YEAR_AFTER bytes on.
 */
static const struct pat {
	const char *re;
	int yg;
	int (*fmt)(const char *, const regmatch_t *, int, char *, size_t);
} pats[] = {
	{ "tu (ngay )?([0-9]{1,2})/([0-9]{1,2})(/" YEAR ")? *(den|-|–|toi) *"
	    "(het )?(ngay )?([0-9]{1,2})/([0-9]{1,2})/" YEAR, 0, fmt_days },
	{ "tuan (thu )?([0-9]{1,2})([ ,/-]+(nam )?" YEAR ")?", 5, fmt_week },
	{ "quy (iv|iii|ii|i|[1-4])([ ,/-]+(nam )?" YEAR ")?", 4, fmt_quarter },
	{ "(6|sau) thang (dau|cuoi) nam( " YEAR ")?", 4, fmt_half },
	{ "([0-9]{1,2}) thang( dau nam| dau| nam)?( nam)?( " YEAR ")?", 5,
	    fmt_months },
	{ "thang ([0-9]{1,2})([ ,/-]+(nam )?" YEAR ")?", 4, fmt_month },
	{ "giai doan " YEAR " *(-|–|den) *" YEAR, 0, fmt_years },
	{ "nam " YEAR, 1, fmt_year },
};
enum { NPATS = sizeof(pats) / sizeof(pats[0]), NGROUPS = 12 };

/* The next "năm YYYY" in s[from..from+YEAR_AFTER): the year, its end. */
static int
year_after(const char *s, size_t from, size_t *end)
{
	const char *p = s + from, *stop = s + strlen(s);

	if (stop - p > YEAR_AFTER)
		stop = p + YEAR_AFTER;
	for (; p + 8 <= stop; p++)
		if (strncmp(p, "nam ", LIT_LEN("nam ")) == 0 && (p == s || p[-1] == ' ') &&
		    num(p + 4, 4) >= 1000 && (p[8] < '0' || p[8] > '9')) {
			*end = (size_t)(p + 8 - s);
			return num(p + 4, 4);
		}
	return -1;
}

/*
 * The first valid match of pattern k in s that starts before limit:
 * writes the period, sets [*so, *eo); returns 0, or -1 when none.
 */
static int
find_one(const char *s, size_t k, size_t limit, char *out, size_t on,
    size_t *so, size_t *eo)
{
	const struct pat *pt = &pats[k];
	regex_t re;
	regmatch_t m[NGROUPS + 1];
	size_t from = 0, end;
	int rc = -1;
	char end_day[11];

	if (regcomp(&re, pt->re, REG_EXTENDED) != 0)
		internal_error("bad period pattern");
	while (rc != 0 && from < limit && s[from] != '\0' &&
	    regexec(&re, s + from, NGROUPS + 1, m, from > 0 ? REG_NOTBOL : 0) == 0) {
		size_t i, ms = from + (size_t)m[0].rm_so;
		int year = -1;

		if (ms >= limit || (ms > 0 && s[ms - 1] >= 'a' && s[ms - 1] <= 'z'))
			goto next;	/* later than the best, or inside a word */
		for (i = 0; i <= NGROUPS; i++)
			if (m[i].rm_so >= 0) {
				m[i].rm_so += (regoff_t)from;
				m[i].rm_eo += (regoff_t)from;
			}
		end = (size_t)m[0].rm_eo;
		if (pt->yg > 0 && (year = gnum(s, m, pt->yg)) < 0 &&
		    (year = year_after(s, end, &end)) < 0)
			goto next;
		if (pt->fmt(s, m, year, out, on) == 0 &&
		    period_end(out, strlen(out), end_day) == 0) {
			*so = ms;
			*eo = end;
			rc = 0;
			break;
		}
next:
		from = ms + 1;
	}
	regfree(&re);
	return rc;
}

int
period_find(const char *s, char *out, size_t outsize, size_t *so, size_t *eo)
{
	char tmp[32];
	size_t k, limit = strlen(s) + 1, a, b;
	int rc = -1;

	for (k = 0; k < NPATS; k++)
		if (find_one(s, k, limit, tmp, sizeof(tmp), &a, &b) == 0) {
			snprintf(out, outsize, "%s", tmp);
			*so = a;
			*eo = b;
			limit = a;
			rc = 0;
		}
	return rc;
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
	rc = period_find(f.p, out, outsize, &fs, &fe);
	if (rc == 0) {
		*so = at[fs];
		*eo = at[fe];
	}
	buf_free(&f);
	free(at);
	return rc;
}
