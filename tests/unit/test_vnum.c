/* Every number and period form of FORMATS.md, by hand. */
#include <stdio.h>
#include <string.h>

#include "period.h"
#include "unit.h"
#include "utf8.h"
#include "vnum.h"

static const char *
val(const char *raw)
{
	static struct buf b;
	struct vnum v;

	if (vnum_parse(&v, raw, strlen(raw)) != 0)
		return "ERR";
	buf_clear(&b);
	dec_format(&v.value, &b);
	if (v.fraction) {
		buf_addc(&b, '/');
		dec_format(&v.denom, &b);
	}
	if (v.percent)
		buf_addc(&b, '%');
	if (v.area)
		buf_adds(&b, " m2");
	return b.p;
}

static const char *
per(const char *text)
{
	static char out[32];
	struct buf f = { 0 };

	u8_fold(&f, text, strlen(text));
	if (period_parse(f.p, out, sizeof(out)) != 0)
		strcpy(out, "ERR");
	buf_free(&f);
	return out;
}

static const char *
pend(const char *p)
{
	static char out[11];

	if (period_end(p, strlen(p), out) != 0)
		return "ERR";
	return out;
}

void
test_vnum(void)
{
	/* A: integers */
	CHECK_STR(val("723"), "723");			/* A1 */
	CHECK_STR(val("03"), "3");			/* A2 */
	CHECK_STR(val("657.314"), "657314");		/* A4 */
	CHECK_STR(val("12.320"), "12320");		/* A5 */
	CHECK_STR(val("1873"), "1873");			/* A6 */
	CHECK_STR(val("0"), "0");			/* A13 */
	CHECK_STR(val("không có đơn khiếu nại, tố cáo"), "0");	/* A14 */
	CHECK_STR(val("8.412.000.000"), "8412000000");	/* D1 */
	CHECK_STR(val("402.750.000"), "402750000");	/* D3 */
	CHECK_STR(val("500 triệu"), "500000000");	/* D4 */
	CHECK_STR(val("2 tỷ"), "2000000000");
	CHECK_STR(val("1,5 tỷ"), "1500000000");
	CHECK_STR(val("30 nghìn"), "30000");
	CHECK_STR(val("30 ngàn"), "30000");
	/* B: fractions keep numerator and denominator */
	CHECK_STR(val("12/12"), "12/12");		/* B1 */
	CHECK_STR(val("137/143"), "137/143");		/* B3 */
	CHECK_STR(val("892/7.258"), "892/7258");	/* B4 */
	CHECK_STR(val("07/07"), "7/7");			/* B7 */
	/* C: percentages */
	CHECK_STR(val("99,19%"), "99.19%");		/* C1 */
	CHECK_STR(val("0,09%"), "0.09%");		/* C2 */
	CHECK_STR(val("100%"), "100%");			/* C4 */
	CHECK_STR(val("14,5%"), "14.5%");		/* C5 */
	CHECK_STR(val("55.02%"), "55.02%");		/* C8: the decimal dot */
	CHECK_STR(val("130%"), "130%");			/* C14 */
	/* E: areas */
	CHECK_STR(val("2.785m²"), "2785 m2");		/* E1 */
	CHECK_STR(val("1.760 m²"), "1760 m2");		/* E3 */
	CHECK_STR(val("1.025m2"), "1025 m2");
	CHECK_STR(val("1.973,25"), "1973.25");		/* E6 */
	/* The separator rule's edges. */
	CHECK_STR(val("1.000"), "1000");
	CHECK_STR(val("1.5"), "1.5");			/* one dot, not 3 digits */
	CHECK_STR(val("1.50"), "1.5");
	/* A dot before four digits is a code, never a decimal point: the
	 * one syntax extract and vnum share (vnum_plausible). */
	CHECK_STR(val("12.3456"), "ERR");
	CHECK_STR(val("028.38940541"), "ERR");
	CHECK_STR(val("1234.567"), "ERR");
	CHECK_STR(val("0908584430"), "ERR");
	CHECK_STR(val("1.5 tỷ"), "1500000000");
	CHECK(vnum_scale_word("tỷ đồng", strlen("tỷ đồng")) == strlen("tỷ"));
	CHECK(vnum_scale_word("tỷ lệ", strlen("tỷ lệ")) == 0);
	/* A scale word in capitals is the same word: 2,4 Tỷ is 2.4e9. */
	CHECK(vnum_scale_word("Tỷ đồng", strlen("Tỷ đồng")) == strlen("Tỷ"));
	CHECK(vnum_scale_word("TRIỆU đồng", strlen("TRIỆU đồng")) ==
	    strlen("TRIỆU"));
	CHECK(vnum_scale_word("Tỷ lệ", strlen("Tỷ lệ")) == 0);
	CHECK(vnum_scale_word("tí nữa", strlen("tí nữa")) == 0);
	CHECK_STR(val("2,4 Tỷ"), "2400000000");
	/* Numbers in words, folded. */
	CHECK(vnum_words("hai") == 2);
	CHECK(vnum_words("muoi hai") == 12);
	CHECK(vnum_words("muoi lam") == 15);
	CHECK(vnum_words("hai muoi mot") == 21);
	CHECK(vnum_words("ba muoi tu") == 34);
	CHECK(vnum_words("mot tram linh nam") == 105);
	CHECK(vnum_words("hai nghin") == 2000);
	CHECK(vnum_words("tu") == -1);		/* "từ" is no number */
	CHECK(vnum_words("hai cuoc") == -1);
	CHECK(vnum_words("") == -1);
	CHECK_STR(val("75 Triệu"), "75000000");
	CHECK_STR(val("1.000.5"), "ERR");		/* bad group */
	CHECK_STR(val("1.23.456"), "ERR");
	/* Found by fuzzing: 58 digits and a scale word made 61, which no
	 * reader of the output would take back. */
	CHECK_STR(val("1111111111111111111111111111111111111111111111111111111111ngan"),
	    "ERR");
	CHECK_STR(val("111111111111111111111111111111111111111111111111111111111 ngàn"),
	    "111111111111111111111111111111111111111111111111111111111000");
	CHECK_STR(val("1,2,3"), "ERR");
	CHECK_STR(val("1,234.5"), "ERR");		/* dot after comma */
	CHECK_STR(val("1.234,5"), "1234.5");
	CHECK_STR(val(""), "ERR");
	CHECK_STR(val("abc"), "ERR");
	/* Number words. */
	CHECK_STR(val("hai mươi lăm"), "25");
	CHECK_STR(val("một trăm linh năm"), "105");
	CHECK_STR(val("một trăm lẻ năm"), "105");
	CHECK_STR(val("hai mươi mốt"), "21");
	CHECK_STR(val("ba mươi tư"), "34");
	CHECK_STR(val("mười lăm"), "15");
	CHECK_STR(val("mười"), "10");
	CHECK_STR(val("một"), "1");
	CHECK_STR(val("hai nghìn"), "2000");
	CHECK_STR(val("chín trăm"), "900");
	/* A long chain of number words is not a number (found by fuzzing:
	 * it overflowed). */
	CHECK_STR(val("hai mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi mươi"), "ERR");

	/* J: reporting periods */
	CHECK_STR(per("9 tháng năm 2021"), "2021-01/2021-09");		/* J1 */
	CHECK_STR(per("Trong 9 tháng đầu năm 2021"), "2021-01/2021-09");	/* J2 */
	CHECK_STR(per("quý 1 năm 2017"), "2017-Q1");			/* H12 */
	CHECK_STR(per("quý I năm 2024"), "2024-Q1");			/* H11 */
	CHECK_STR(per("QUÝ IV NĂM 2023"), "2023-Q4");
	CHECK_STR(per("6 tháng đầu năm 2023"), "2023-H1");
	CHECK_STR(per("6 tháng cuối năm 2016"), "2016-H2");
	CHECK_STR(per("năm 2024"), "2024");
	CHECK_STR(per("tháng 3 năm 2024"), "2024-03");
	CHECK_STR(per("tháng 3/2024"), "2024-03");
	CHECK_STR(per("12 tháng năm 2022"), "2022");
	CHECK_STR(per("công tác dân vận"), "ERR");
	CHECK_STR(pend("2021-01/2021-09"), "2021-09-30");
	CHECK_STR(pend("2024-Q1"), "2024-03-31");
	CHECK_STR(pend("2024-H2"), "2024-12-31");
	CHECK_STR(pend("2024"), "2024-12-31");
	CHECK_STR(pend("2024-02"), "2024-02-29");
	CHECK_STR(pend("2023-02"), "2023-02-28");
	CHECK_STR(pend("2024-Q5"), "ERR");
	CHECK_STR(pend("2024-13"), "ERR");
	CHECK_STR(pend("2021-09/2021-01"), "ERR");
	CHECK_STR(pend("24"), "ERR");
}
