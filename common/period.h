/*
 * period: canonical reporting periods, and the phrases that name them.
 *
 *	YYYY			a year			2024
 *	YYYY-Qn			a quarter		2024-Q1
 *	YYYY-Hn			a half year		2024-H1
 *	YYYY-MM			a month			2024-03
 *	YYYY-Www		an ISO week		2024-W23
 *	YYYY-MM/YYYY-MM		months, inclusive	2021-01/2021-09
 *	YYYY/YYYY		years, inclusive	2021/2025
 *	YYYY-MM-DD/YYYY-MM-DD	days, inclusive		2023-12-15/2024-06-14
 */
#ifndef BAOCAO_PERIOD_H
#define BAOCAO_PERIOD_H

#include <stddef.h>

/* Writes the last day of the period as "YYYY-MM-DD" into out[11].
 * Returns 0, or -1 if p[0..n) is not a canonical period. */
int period_end(const char *p, size_t n, char out[11]);
/* The first and the last day of a canonical period, as day numbers (days
 * since 1970-01-01); also of "YYYY-MM-DD/", a span with no end yet (*last
 * is LONG_MAX).  Returns 0, or -1 when p[0..n) is neither. */
int period_days(const char *p, size_t n, long *first, long *last);

/*
 * Finds the period a report's title names, given folded text (see
 * utf8.h): "9 tháng năm 2021", "quý I năm 2024", "Quý 1/2024", "6 tháng
 * đầu năm 2023", "tháng 02/2026", "tuần 23 năm 2024", "giai đoạn
 * 2021-2025", "từ ngày 15/12/2023 đến ngày 14/6/2024", "năm 2024".  The
 * phrase that starts first wins, so a title naming the period reported and
 * the next one ("6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2022") gives
 * the first (2022-H1), its year taken from later in the text when the
 * phrase has none.  Writes the canonical period to out (at least 24 bytes)
 * and the bytes [*so, *eo) of s the phrase covers, year included; returns
 * 0, or -1 when s names no period.
 */
int period_find(const char *folded, char *out, size_t outsize, size_t *so,
	size_t *eo);

/*
 * Like period_find, with spans of days that have no end yet ("từ ngày
 * 01/7/2025", "từ ngày 01/7/2025 đến nay"): the first and last day of
 * the phrase found (*last LONG_MAX for no end).  Returns 0 or -1.
 */
int period_find_span(const char *folded, long *first, long *last,
	size_t *so, size_t *eo);

/*
 * The period a report's period text names (folded), as period_parse; a
 * span of days that runs "to now" ends on the report's day (YYYY-MM-DD,
 * NULL when unknown).  Returns 0 or -1.
 */
int period_of_report(const char *folded, const char *day, char *out,
	size_t outsize);

/* period_find without the span. */
int period_parse(const char *folded, char *out, size_t outsize);

/*
 * period_find on text as written (any case, NFC or NFD): [*so, *eo) are
 * bytes of text itself, on character boundaries.  A span of days that
 * runs "to now" is found too (out is then "YYYY-MM-DD/").
 */
int period_find_text(const char *text, size_t n, char *out, size_t outsize,
	size_t *so, size_t *eo);

/*
 * A date in words at folded s[at..n): "[D] tháng M năm Y" (the day may be
 * left blank: *d is 0).  Returns 0 and sets *end past the year, or -1.
 */
int period_date_at(const char *s, size_t n, size_t at, int *d, int *m,
	int *y, size_t *end);

/*
 * Is text[a..b) (a number of text[0..n), as written) part of a period
 * phrase that starts at most a few words before it: "quý I/2024", "9
 * tháng/2024", "tháng 02/2026"?  Then it is no figure.
 */
int period_covers(const char *text, size_t n, size_t a, size_t b);

#endif
