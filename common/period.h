/*
 * period: canonical reporting periods.
 *
 *	YYYY		a year			2024
 *	YYYY-Qn		a quarter		2024-Q1
 *	YYYY-Hn		a half year		2024-H1
 *	YYYY-MM		a month			2024-03
 *	YYYY-MM/YYYY-MM	months, inclusive	2021-01/2021-09
 */
#ifndef BAOCAO_PERIOD_H
#define BAOCAO_PERIOD_H

#include <stddef.h>

/* Writes the last day of the period as "YYYY-MM-DD" into out[11].
 * Returns 0, or -1 if p[0..n) is not a canonical period. */
int period_end(const char *p, size_t n, char out[11]);

/*
 * Parses a period as a report's title writes it ("9 tháng năm 2021",
 * "quý I năm 2024", "6 tháng đầu năm 2023", "năm 2024", "tháng 3 năm
 * 2024"), given folded text (see utf8.h).  Writes the canonical period to
 * out (at least 16 bytes) and returns 0, or -1 when it is not one.
 */
int period_parse(const char *folded, char *out, size_t outsize);

#endif
