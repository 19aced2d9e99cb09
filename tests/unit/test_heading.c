/*
 * extract's heading.c: heading numbers ("II. ", "1. ", "1.1. ", "a) "),
 * the section path they set, the words each level keeps, and an
 * appendix's mark and title.
 */
#include <string.h>

#include "unit.h"
#include "xscan.h"

static struct scan st;

/* The heading number's length in s; st.section is the path after it. */
static size_t
h(const char *s)
{
	return heading(&st, s, strlen(s));
}

static int
app(const char *s)
{
	int r;

	u8_folded_set(&st.line, s, strlen(s));
	r = appendix_line(&st);
	u8_folded_free(&st.line);
	buf_free(&st.tmp_fold);
	return r;
}

static void
test_paths(void)
{
	memset(&st, 0, sizeof(st));
	CHECK(h("I. KẾT QUẢ THỰC HIỆN") == 2);
	CHECK_STR(st.section, "I");
	CHECK_STR(st.headings[0], "KẾT QUẢ THỰC HIỆN");
	CHECK(h("1. Công tác tiếp công dân") == 2);
	CHECK_STR(st.section, "I.1");
	CHECK_STR(st.headings[1], "Công tác tiếp công dân");
	CHECK(h("a) Tiếp thường xuyên") == 2);
	CHECK_STR(st.section, "I.1.a");
	CHECK_STR(st.headings[2], "Tiếp thường xuyên");
	CHECK(h("b) Tiếp định kỳ") == 2);
	CHECK_STR(st.section, "I.1.b");
	/* a new arabic number ends the letter, and its words */
	CHECK(h("2. Giải quyết đơn thư") == 2);
	CHECK_STR(st.section, "I.2");
	CHECK_STR(st.headings[2], "");
	CHECK(h("2.1. Đơn khiếu nại") == 4);
	CHECK_STR(st.section, "I.2.1");
	CHECK(h("đ) Đơn khác") == strlen("đ)"));
	CHECK_STR(st.section, "I.2.1.đ");
	/* a new roman number ends everything under the last */
	CHECK(h("II. PHƯƠNG HƯỚNG") == 3);
	CHECK_STR(st.section, "II");
	CHECK_STR(st.headings[0], "PHƯƠNG HƯỚNG");
	CHECK_STR(st.headings[1], "");
	CHECK(h("IV. KIẾN NGHỊ") == 3);
	CHECK_STR(st.section, "IV");
	/* a letter with no number above it */
	memset(&st, 0, sizeof(st));
	CHECK(h("c) Khác") == 2);
	CHECK_STR(st.section, "c");
	CHECK(h("3. Ba") == 2);
	CHECK_STR(st.section, "3");
}

/* Lines that are no heading leave the path as it was. */
static void
test_not_headings(void)
{
	static const char *const no[] = {
		"12.345 hồ sơ được tiếp nhận",	/* a grouped figure */
		"2024. Năm",			/* four digits */
		"100. Một trăm",		/* three */
		"1.",				/* nothing after it */
		"1.a",
		"IV.Thiếu khoảng trắng",
		"A) Chữ hoa",
		"ab) hai chữ",
		"Ủy ban nhân dân",
		"",
	};
	size_t i;
	char big[700];

	memset(&st, 0, sizeof(st));
	h("II. Hai");
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(h(no[i]) == 0);
	CHECK_STR(st.section, "II");
	/* a "heading" of more than 600 bytes is prose */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "1. ", 3);
	CHECK(h(big) == 0);
	/* the words a level keeps are cut at HEADING_TEXT_MAX bytes */
	memcpy(big, "III. ", 5);
	big[5 + HEADING_TEXT_MAX + 50] = '\0';
	CHECK(h(big) == 4);
	CHECK(strlen(st.headings[0]) == HEADING_TEXT_MAX);
}

static void
test_appendix(void)
{
	memset(&st, 0, sizeof(st));
	h("I. Kết quả");
	h("1. Tiếp dân");
	/* the mark ends the body's headings; the next lines up to the
	 * table are the title, but one in brackets: three lines with the
	 * mark */
	CHECK(app("PHỤ LỤC") == 1);
	CHECK_STR(st.headings[0], "");
	CHECK_STR(st.headings[1], "");
	CHECK(app("(Kèm theo Báo cáo số 12/BC-UBND)") == 0);
	CHECK(app("SỐ LIỆU TIẾP CÔNG DÂN") == 1);
	CHECK(app("6 tháng đầu năm 2024") == 1);
	CHECK_STR(st.headings[0], "SỐ LIỆU TIẾP CÔNG DÂN 6 tháng đầu năm 2024");
	CHECK(app("Dòng ba") == 0);
	CHECK(app("Dòng bốn") == 0);
	CHECK_STR(st.headings[0], "SỐ LIỆU TIẾP CÔNG DÂN 6 tháng đầu năm 2024");
	/* numbered marks; a mark with its title in capitals on one line */
	memset(&st, 0, sizeof(st));
	CHECK(app("PHỤ LỤC 02") == 1);
	CHECK(st.appendix_title == 1);
	memset(&st, 0, sizeof(st));
	CHECK(app("PHỤ LỤC IV") == 1);
	memset(&st, 0, sizeof(st));
	CHECK(app("PHỤ LỤC SỐ LIỆU 9 THÁNG ĐẦU NĂM 2021") == 1);
	CHECK_STR(st.headings[0], "PHỤ LỤC SỐ LIỆU 9 THÁNG ĐẦU NĂM 2021");
	/* not a mark: a sentence that names an appendix */
	memset(&st, 0, sizeof(st));
	CHECK(app("Phụ lục kèm theo báo cáo này") == 0);
	CHECK(app("Số liệu chi tiết") == 0);
	CHECK(st.appendix_title == 0);
}

/* extract.h: an appendix's mark ("PHỤ LỤC", "Phụ lục số 02") ends the
 * headings of the body. */
static void
test_appendix_number_word(void)
{
	memset(&st, 0, sizeof(st));
	h("I. Kết quả");
	CHECK(app("Phụ lục số 02") == 1);
	CHECK_STR(st.headings[0], "");
}

void
test_heading(void)
{
	test_paths();
	test_not_headings();
	test_appendix();
	test_appendix_number_word();
}
