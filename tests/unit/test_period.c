/* Period phrases and canonical periods, expected values by hand. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "period.h"
#include "unit.h"
#include "utf8.h"

static const char *
per(const char *text)
{
	static char out[64];
	struct buf f = { 0 };

	u8_fold(&f, text, strlen(text));
	if (period_parse(f.p, out, sizeof(out)) != 0)
		strcpy(out, "ERR");
	buf_free(&f);
	return out;
}

/* The period and the phrase as written: "2022-H1 <6 tháng ... 2022>". */
static const char *
phrase(const char *text)
{
	static char out[256];
	char p[64];
	size_t so, eo;

	if (period_find_text(text, strlen(text), p, sizeof(p), &so, &eo) != 0)
		return "ERR";
	snprintf(out, sizeof(out), "%s <%.*s>", p, (int)(eo - so), text + so);
	return out;
}

/* period_of_report on text as written, with the report's day. */
static const char *
rep(const char *text, const char *day)
{
	static char out[64];
	struct buf f = { 0 };

	u8_fold(&f, text, strlen(text));
	if (period_of_report(f.p, day, out, sizeof(out)) != 0)
		strcpy(out, "ERR");
	buf_free(&f);
	return out;
}

/* last - first of period_days; -1 when no period, -2 with no end. */
static long
days_span(const char *p)
{
	long a, b;

	if (period_days(p, strlen(p), &a, &b) != 0)
		return -1;
	return b == LONG_MAX ? -2 : b - a;
}

static const char *
pend(const char *p)
{
	static char out[11];

	if (period_end(p, strlen(p), out) != 0)
		return "ERR";
	return out;
}

static void
ends(void)
{
	CHECK_STR(pend("2021/2025"), "2025-12-31");
	CHECK_STR(pend("2025/2021"), "ERR");
	CHECK_STR(pend("2023-12-15/2024-06-14"), "2024-06-14");
	CHECK_STR(pend("2024-06-14/2023-12-15"), "ERR");
	CHECK_STR(pend("2023-02-29/2023-03-01"), "ERR");
	CHECK_STR(pend("2024-02-29/2024-03-01"), "2024-03-01");
	/* ISO weeks: week 1 of 2024 starts Monday 1 January; 2020 has 53
	 * weeks, 2021 has 52 (its week 1 starts 4 January). */
	CHECK_STR(pend("2024-W01"), "2024-01-07");
	CHECK_STR(pend("2024-W23"), "2024-06-09");
	CHECK_STR(pend("2020-W53"), "2021-01-03");
	CHECK_STR(pend("2021-W53"), "ERR");
	CHECK_STR(pend("2021-W01"), "2021-01-10");
	CHECK_STR(pend("2024-W00"), "ERR");
}

void
test_period(void)
{
	ends();
	/* Case, and the quarter written with a slash. */
	CHECK_STR(per("Quý I Năm 2024"), "2024-Q1");
	CHECK_STR(per("QUÝ III NĂM 2024"), "2024-Q3");
	CHECK_STR(per("quý 1/2024"), "2024-Q1");
	CHECK_STR(per("Quý 4 - 2023"), "2023-Q4");
	/* The period reported comes first; the plan for the next one after. */
	CHECK_STR(per("6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2022"),
	    "2022-H1");
	CHECK_STR(per("quý I và phương hướng nhiệm vụ quý II năm 2024"),
	    "2024-Q1");
	CHECK_STR(per("năm 2024 và phương hướng năm 2025"), "2024");
	CHECK_STR(per("sáu tháng đầu năm 2023"), "2023-H1");
	/* Days, years, months, weeks. */
	CHECK_STR(per("từ ngày 15/12/2023 đến ngày 14/6/2024"),
	    "2023-12-15/2024-06-14");
	CHECK_STR(per("(từ ngày 15/12 đến ngày 14/6/2024)"),
	    "2023-12-15/2024-06-14");
	CHECK_STR(per("tuần từ ngày 03/6 đến ngày 07/6/2024"),
	    "2024-06-03/2024-06-07");
	CHECK_STR(per("từ ngày 31/2/2024 đến ngày 14/6/2024"), "ERR");
	CHECK_STR(per("giai đoạn 2021-2025"), "2021/2025");
	CHECK_STR(per("giai đoạn 2021 – 2025"), "2021/2025");
	CHECK_STR(per("tháng 02/2026"), "2026-02");
	CHECK_STR(per("tuần 23 năm 2024"), "2024-W23");
	CHECK_STR(per("tuần thứ 2/2025"), "2025-W02");
	/* A date is not a month reported; a fund is not a quarter. */
	CHECK_STR(per("ngày 15 tháng 3 năm 2024"), "2024");
	CHECK_STR(per("quỹ ích lợi năm 2023"), "2023");
	CHECK_STR(per("nhiệm kỳ 2021-2026"), "ERR");
	/* The phrase as written, NFD and U+01CE "ǎ" included. */
	CHECK_STR(phrase("Kết quả công tác quý I năm 2023 của UBND"),
	    "2023-Q1 <quý I năm 2023>");
	CHECK_STR(phrase("6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2022"),
	    "2022-H1 <6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2022>");
	CHECK_STR(phrase("qu\x79\xcc\x81 I na\xcc\x86m 2023."),
	    "2023-Q1 <qu\x79\xcc\x81 I na\xcc\x86m 2023>");
	CHECK_STR(phrase("9 tháng n\xc7\x8em 2021"),
	    "2021-01/2021-09 <9 tháng n\xc7\x8em 2021>");
	/* A span of days to the report's day. */
	CHECK_STR(phrase("Kết quả từ ngày 01/7/2025 đến nay"),
	    "2025-07-01/ <từ ngày 01/7/2025 đến nay>");
	CHECK_STR(rep("từ ngày 01/7/2025 đến nay", "2025-09-20"),
	    "2025-07-01/2025-09-20");
	CHECK_STR(rep("từ ngày 01/7/2025 đến nay", NULL), "ERR");
	CHECK_STR(rep("quý III năm 2025", "2025-09-20"), "2025-Q3");
	CHECK_STR(per("từ ngày 01/7/2025 đến nay"), "ERR");
	/* First and last days, as day numbers. */
	CHECK(days_span("2024") == 365);
	CHECK(days_span("2024-Q1") == 90);
	CHECK(days_span("2024-H2") == 183);
	CHECK(days_span("2024-02") == 28);
	CHECK(days_span("2021-01/2021-09") == 272);
	CHECK(days_span("2024-W23") == 6);
	CHECK(days_span("2023-12-15/2024-06-14") == 182);
	CHECK(days_span("2025-07-01/") == -2);
	CHECK(days_span("2025-13") == -1);
}
