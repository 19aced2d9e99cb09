/*
 * extract's figures.c: the figures of prose, each with its unit noun and
 * the clause around it, on reports written here (no header: the body's
 * lines from line 1).
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "utf8.h"
#include "xscan.h"

static void
test_prose(void)
{
	CHECK_STR(xrows("Đã tiếp 1.642 lượt công dân.\n",
	    "line,source,before,raw,unit_text,after"),
	    "1|text|Đã tiếp |1.642|lượt công dân|\n");
	/* each figure its own clause: ',' goes on, ';' and '. ' end it */
	CHECK_STR(xrows("Tiếp nhận 86 đơn, đã giải quyết 81 đơn; tồn 5 đơn. "
	    "Hòa giải 3 vụ\n", "raw,unit_text,before"),
	    "86|đơn|Tiếp nhận \n"
	    "81|đơn|Tiếp nhận 86 đơn, đã giải quyết \n"
	    "5|đơn|tồn \n"
	    "3|vụ|Hòa giải \n");
	/* the unit is the noun phrase; the after context runs from it to
	 * the clause's end */
	CHECK_STR(xrows("Có 12 hồ sơ trễ hạn do phải xác minh; còn lại\n",
	    "raw,unit_text,after"), "12|hồ sơ trễ hạn| do phải xác minh\n");
	/* a slash chain is a figure each */
	CHECK_STR(xrows("Đã tiếp 857 lượt/914 người.\n", "raw,unit_text"),
	    "857|lượt\n914|người\n");
	/* rates, fractions, decimals with a comma */
	CHECK_STR(xrows("Giải quyết 12/12 đơn, đạt 100%; tỷ lệ 99,19%.\n",
	    "raw"), "12/12\n100%\n99,19%\n");
	/* a heading's number is no figure; it sets the section */
	CHECK_STR(xrows("I. KẾT QUẢ\n1. Tiếp công dân 15 lượt\n",
	    "line,section,raw"), "2|I.1|15\n");
	/* what is not a figure gives no row */
	CHECK_STR(xrows("Thực hiện Kế hoạch số 55/KH-UBND ngày 15/3/2024 của "
	    "UBND Phường 17.\n", "raw"), "");
	CHECK_STR(xrows("Liên hệ 0908584430 hoặc cb.12@gmail.com.\n", "raw"),
	    "");
	CHECK_STR(xrows("", "raw"), "");
}

/* A line the conversion cut is read with its neighbour: the line before
 * ends without punctuation and this one starts in lower case. */
static void
test_joined(void)
{
	CHECK_STR(xrows("Ủy ban nhân dân quận đã tiếp\ncông dân 12 lượt.\n",
	    "line,before,raw"),
	    "2|Ủy ban nhân dân quận đã tiếp công dân |12\n");
	CHECK_STR(xrows("Đã tiếp 12 lượt\ncông dân tại trụ sở.\n",
	    "line,raw,unit_text,after"),
	    "1|12|lượt công dân| tại trụ sở.\n");
	/* a capital or a full stop keeps the lines apart */
	CHECK_STR(xrows("Ủy ban nhân dân quận đã tiếp.\ncông dân 12 lượt.\n",
	    "before"), "công dân \n");
	CHECK_STR(xrows("Ủy ban nhân dân quận đã tiếp\nCông dân 12 lượt.\n",
	    "before"), "Công dân \n");
	/* lines more than three apart are not joined */
	CHECK_STR(xrows("Ủy ban nhân dân quận đã tiếp\n\n\n\ncông dân 12 lượt."
	    "\n", "before"), "công dân \n");
}

/* The clause is cut at CTX_MAX bytes, on a character boundary. */
static void
test_bounds(void)
{
	struct buf t = { 0 };
	char *r, *bar;
	int i;

	for (i = 0; i < 100; i++)
		buf_adds(&t, "cán bộ ");
	buf_adds(&t, "đã tiếp 12 lượt ");
	for (i = 0; i < 100; i++)
		buf_adds(&t, "người dân ");
	buf_addc(&t, '\n');
	r = xscan(t.p, "raw,before", NULL);
	bar = strchr(r, '|');
	CHECK(strncmp(r, "12|", 3) == 0);
	CHECK(bar != NULL && strlen(bar + 1) - 1 <= CTX_MAX &&
	    strlen(bar + 1) - 1 >= CTX_MAX - 3);
	CHECK(bar != NULL && u8_invalid(bar + 1, strlen(bar + 1)) ==
	    strlen(bar + 1));
	CHECK(bar != NULL && strstr(bar, "đã tiếp \n") != NULL);
	free(r);
	r = xscan(t.p, "after", NULL);
	CHECK(strlen(r) - 1 <= CTX_MAX && u8_invalid(r, strlen(r)) == strlen(r));
	free(r);
	buf_free(&t);
}

/* Verbal zeros are figures of their own. */
static void
test_zeros(void)
{
	CHECK_STR(xrows("Trong kỳ không có đơn khiếu nại.\n", "raw"),
	    "không có đơn khiếu nại\n");
}

void
test_figures(void)
{
	test_prose();
	test_joined();
	test_bounds();
	test_zeros();
}
