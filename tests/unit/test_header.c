/*
 * extract's header.c: issuer, number, date, period, title, body and
 * places read from a report's first lines, however the letterhead's two
 * columns were written.  Reports written here; the fields as written,
 * the places each mention as written, "; " between them.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "xscan.h"

static const char *
hdr(const char *text)
{
	static char *last;

	free(last);
	last = xheader(text);
	return last;
}

#define TITLE "BÁO CÁO\nKết quả công tác dân vận 9 tháng năm 2021\n" \
	"I. KẾT QUẢ\nĐã tiếp 12 lượt công dân.\n"
#define WANT "HUYỆN BÌNH CHÁNH|676 /BC-UBND|29 tháng 10 năm 2021|" \
	"9 tháng năm 2021|BÁO CÁO Kết quả công tác dân vận 9 tháng năm " \
	"2021|committee|"

static void
test_columns(void)
{
	/* one column after the other */
	CHECK_STR(hdr("ỦY BAN NHÂN DÂN\nHUYỆN BÌNH CHÁNH\nSố: 676 /BC-UBND\n"
	    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
	    "Bình Chánh, ngày 29 tháng 10 năm 2021\n" TITLE),
	    WANT "HUYỆN BÌNH CHÁNH");
	/* side by side, in cells */
	CHECK_STR(hdr("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
	    "HUYỆN BÌNH CHÁNH\tĐộc lập - Tự do - Hạnh phúc\n"
	    "Số: 676 /BC-UBND\tBình Chánh, ngày 29 tháng 10 năm 2021\n\n" TITLE),
	    WANT "HUYỆN BÌNH CHÁNH");
	/* hard-wrapped word groups */
	CHECK_STR(hdr("ỦY\nBAN NHÂN DÂN\nHUYỆN BÌNH CHÁNH\nSố: 676 /BC-UBND\n"
	    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
	    "Bình Chánh, ngày 29 tháng 10\nnăm 2021\n" TITLE),
	    WANT "HUYỆN BÌNH CHÁNH");
}

static void
test_issuer(void)
{
	/* of two levels, the lower one issues */
	CHECK_STR(hdr("UBND THÀNH PHỐ HỒ CHÍ MINH\nỦY BAN NHÂN DÂN QUẬN 1\n"
	    "Số: 12/BC-UBND\nQuận 1, ngày 5 tháng 4 năm 2024\n"
	    "BÁO CÁO\nCông tác quý I năm 2024\n"),
	    "QUẬN 1|12/BC-UBND|5 tháng 4 năm 2024|quý I năm 2024|BÁO CÁO Công "
	    "tác quý I năm 2024|committee|THÀNH PHỐ HỒ CHÍ MINH; QUẬN 1; "
	    "Quận 1");
	/* no letterhead: the sentence of the body that names it */
	CHECK_STR(hdr("BÁO CÁO\nKết quả quý I năm 2024\nỦy ban nhân dân xã "
	    "Quảng Phú báo cáo kết quả như sau:\n"),
	    "xã Quảng Phú|||quý I năm 2024|BÁO CÁO Kết quả quý I năm 2024||"
	    "xã Quảng Phú");
	/* a number and a day left blank for the signature are as written */
	CHECK_STR(hdr("ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN ĐỊNH\nSố:     /BC-UBND\n"
	    "Tân Định, ngày    tháng 3 năm 2024\nBÁO CÁO\n"
	    "Công tác năm 2023\n"),
	    "PHƯỜNG TÂN ĐỊNH|/BC-UBND|tháng 3 năm 2024|năm 2023|BÁO CÁO Công tác "
	    "năm 2023|committee|PHƯỜNG TÂN ĐỊNH");
	/* nothing at all */
	CHECK_STR(hdr(""), "||||||");
	CHECK_STR(hdr("Đã tiếp 12 lượt công dân.\n"), "||||||");
}

void
test_header(void)
{
	test_columns();
	test_issuer();
}
