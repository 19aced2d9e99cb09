/*
 * extract's skip.c: why a digit token is no figure (identifiers, dates,
 * times, periods, names, slogans, phone numbers, footnote marks), on
 * sentences written here after the examples skip.c names; and
 * digit_token.  The token is cut as the figure scanner cuts it: digits
 * with separators, then any "/digits" chain.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "xscan.h"

static size_t extended;	/* why's extend: where a year range ends */
static struct before scratch;	/* skip_reason's scratch, kept as extract keeps it */

/* Why the token starting at the first occurrence of at in s is skipped:
 * the reason, or "figure". */
static const char *
why(const char *s, const char *at)
{
	const char *p = strstr(s, at);
	size_t n = strlen(s), a, b, extend = 0;
	const char *r;
	int slashes = 0;

	if (p == NULL)
		return "NOT FOUND";
	a = (size_t)(p - s);
	b = digit_token(s, n, a);
	while (b + 1 < n && s[b] == '/' && s[b + 1] >= '0' && s[b + 1] <= '9') {
		b = digit_token(s, n, b + 1);
		slashes++;
	}
	r = skip_reason(s, n, a, b, slashes, &extend, &scratch);
	extended = extend;
	return r == NULL ? "figure" : r;
}

/* The offset just past the first occurrence of t in s. */
static size_t
past(const char *s, const char *t)
{
	return (size_t)(strstr(s, t) - s) + strlen(t);
}

static void
test_token(void)
{
	CHECK(digit_token("1.642,5 lượt", 12, 0) == 7);
	CHECK(digit_token("12. Kết quả", 12, 0) == 2);
	CHECK(digit_token("1,2,3", 5, 0) == 5);
	CHECK(digit_token("12", 2, 0) == 2);
	CHECK(digit_token("x12", 3, 1) == 3);
	CHECK(digit_token("ab", 2, 0) == 0);
	CHECK(digit_token("5.", 2, 0) == 1);
	/* a superscript footnote mark is no digit of it */
	CHECK(digit_token("2023¹⁵", strlen("2023¹⁵"), 0) == 4);
}

static void
test_reasons(void)
{
	/* figures */
	CHECK_STR(why("Đã tiếp 1.642 lượt công dân", "1.642"), "figure");
	CHECK_STR(why("đạt tỷ lệ 99,19%", "99,19"), "figure");
	CHECK_STR(why("Đã giải quyết 12/12 đơn", "12/12"), "figure");
	CHECK_STR(why("dân số 42.318 người", "42.318"), "figure");
	CHECK_STR(why("tổng số 58 hồ sơ", "58"), "figure");
	CHECK_STR(why("Quý: 702 hồ sơ", "702"), "figure");
	CHECK_STR(why("diện tích 120m2", "120"), "figure");
	/* a footnote mark in brackets */
	CHECK_STR(why("06 văn bản[1] chỉ đạo", "1]"), "footnote");
	/* letter-spaced text of a PDF */
	CHECK_STR(why("3 9 6 3 / S T C - K T N S", "9"), "letter-spaced");
	/* a page number: alone on a line that starts a page */
	CHECK_STR(why("\f    12", "12"), "page number");
	CHECK_STR(why("    12", "12"), "figure");
	/* a time of day, each of its numbers */
	CHECK_STR(why("lúc 14:23 ngày", "14"), "time");
	CHECK_STR(why("lúc 14:23 ngày", "23"), "time");
	/* glued to a word: names; e-mail and web addresses */
	CHECK_STR(why("tuyến QL37 qua", "37"), "name");
	CHECK_STR(why("dịch Covid-19 bùng phát", "19"), "name");
	CHECK_STR(why("gửi về ubnd12@hcm.gov.vn", "12"), "name");
	CHECK_STR(why("gửi về 0908@hcm.gov.vn", "0908"), "address");
	CHECK_STR(why("thư cb.12@gmail.com", "12"), "address");
	/* identifiers */
	CHECK_STR(why("Kế hoạch số 55/KH-UBND ngày", "55"), "identifier");
	CHECK_STR(why("Báo cáo 676 /BC-UBND", "676"), "identifier");
	CHECK_STR(why("Nghị định 145/2020/NĐ-CP", "145"), "identifier");
	CHECK_STR(why("Hướng dẫn 08-TT/HU", "08"), "identifier");
	/* dates */
	CHECK_STR(why("ngày 15/3/2024 tổ chức", "15/3/2024"), "date");
	CHECK_STR(why("trong tháng 3/2024", "3/2024"), "date");
	CHECK_STR(why("Ngày 02/9 tổ chức", "02/9"), "date");
	CHECK_STR(why("từngày 02/9 tổ chức", "02/9"), "date");
	CHECK_STR(why("hội nghị (08/3) tại", "08/3"), "date");
	CHECK_STR(why("từ 22/12 - 29/12/2025", "22/12"), "date");
	CHECK_STR(why("nhiệm vụnăm 2025", "2025"), "date");
	CHECK_STR(why("ký 01 năm 2015", "01"), "date");
	/* names */
	CHECK_STR(why("UBND Phường 17 đã tiếp", "17"), "name");
	CHECK_STR(why("Pháp lệnh số 34 quy định", "34"), "name");
	CHECK_STR(why("cầu Kênh Ngang số 2 đã", "2"), "name");
	CHECK_STR(why("tại nhà 12a đường", "12"), "name");
	/* years: ranges (the second year skipped with the first), and the
	 * year of a period */
	CHECK_STR(why("Kế hoạch 2021 - 2026 đã", "2021"), "year range");
	CHECK(extended == past("Kế hoạch 2021 - 2026 đã", "2026"));
	CHECK_STR(why("Kế hoạch 2021 – 2026 đã", "2021"), "year range");
	CHECK(extended == past("Kế hoạch 2021 – 2026 đã", "2026"));
	CHECK_STR(why("Kế hoạch 2020- 2021 đã", "2020"), "year range");
	CHECK(extended == past("Kế hoạch 2020- 2021 đã", "2021"));
	CHECK_STR(why("(2021 - 2025)", "2025"), "year range");
	CHECK_STR(why("kết quả quý I/2024 đã", "2024"), "period");
	/* (after a name word, such as "năm" or "giai đoạn", a name) */
	CHECK_STR(why("giai đoạn 2021 - 2026", "2021"), "name");
	/* small numbers before a word: slogans, periods */
	CHECK_STR(why("thực hiện 4 xin, 4 luôn", "4 xin"), "slogan");
	CHECK_STR(why("trong 6 tháng đầu năm", "6"), "period");
	/* phone numbers and codes */
	CHECK_STR(why("liên hệ 0908584430 để", "0908584430"), "phone or code");
	CHECK_STR(why("liên hệ 028.38940541 để", "028.38940541"),
	    "phone or code");
	CHECK_STR(why("mã 1234.567 là", "1234.567"), "phone or code");
	/* the token at the very start and at the very end of the line */
	CHECK_STR(why("12 đơn", "12"), "figure");
	CHECK_STR(why("tiếp 12", "12"), "figure");
	CHECK_STR(why("5", "5"), "figure");
}

void
test_skip(void)
{
	test_token();
	test_reasons();
	before_free(&scratch);
}
