#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "period.h"

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
	} else if (n == 15 && p[4] == '-' && p[7] == '/' && p[12] == '-') {
		int m0 = num(p + 5, 2), y1 = num(p + 8, 4);

		m = num(p + 13, 2);
		if (m0 < 1 || m0 > 12 || m < 1 || m > 12 || y1 < y ||
		    (y1 == y && m < m0))
			return -1;
		y = y1;
	} else {
		return -1;
	}
	{
		char tmp[32];

		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y % 10000, m,
		    month_end(y, m));
		memcpy(out, tmp, 11);
	}
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

/* Patterns on folded text; the first that matches wins. */
static const char *const pats[] = {
	"quy (i|ii|iii|iv|1|2|3|4)[ ,/-]*(nam )?([12][0-9]{3})",
	"6 thang (dau|cuoi) nam ([12][0-9]{3})",
	"([0-9]{1,2}) thang (dau |dau nam |nam )?(nam )?([12][0-9]{3})",
	"thang ([0-9]{1,2})[ /]*(nam )?([12][0-9]{3})",
	"nam ([12][0-9]{3})",
};

int
period_parse(const char *s, char *out, size_t outsize)
{
	regex_t re;
	regmatch_t m[6];
	size_t k;
	int rc = -1;

	for (k = 0; k < sizeof(pats) / sizeof(pats[0]) && rc != 0; k++) {
		if (regcomp(&re, pats[k], REG_EXTENDED) != 0)
			internal_error("bad period pattern");
		if (regexec(&re, s, 6, m, 0) == 0) {
			const char *y;
			int n, q;

			switch (k) {
			case 0:
				q = roman(s + m[1].rm_so,
				    (size_t)(m[1].rm_eo - m[1].rm_so));
				snprintf(out, outsize, "%.4s-Q%d", s + m[3].rm_so, q);
				rc = 0;
				break;
			case 1:
				snprintf(out, outsize, "%.4s-H%d", s + m[2].rm_so,
				    s[m[1].rm_so] == 'd' ? 1 : 2);
				rc = 0;
				break;
			case 2:
				n = num(s + m[1].rm_so,
				    (size_t)(m[1].rm_eo - m[1].rm_so));
				y = s + m[4].rm_so;
				if (n < 1 || n > 12)
					break;
				if (n == 12)
					snprintf(out, outsize, "%.4s", y);
				else if (n == 6)
					snprintf(out, outsize, "%.4s-H1", y);
				else if (n == 3)
					snprintf(out, outsize, "%.4s-Q1", y);
				else
					snprintf(out, outsize, "%.4s-01/%.4s-%02d",
					    y, y, n);
				rc = 0;
				break;
			case 3:
				n = num(s + m[1].rm_so,
				    (size_t)(m[1].rm_eo - m[1].rm_so));
				if (n < 1 || n > 12)
					break;
				snprintf(out, outsize, "%.4s-%02d", s + m[3].rm_so, n);
				rc = 0;
				break;
			case 4:
				snprintf(out, outsize, "%.4s", s + m[1].rm_so);
				rc = 0;
				break;
			}
		}
		regfree(&re);
	}
	return rc;
}
