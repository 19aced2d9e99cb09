/* What a file name says: a copy, a resend; expected values by hand. */
#include <stdio.h>

#include "fname.h"
#include "unit.h"

static const char *
stem(const char *path)
{
	static char out[256];
	struct buf b = { 0 };

	fname_stem(&b, path);
	snprintf(out, sizeof(out), "%s", b.p == NULL ? "" : b.p);
	buf_free(&b);
	return out;
}

void
test_fname(void)
{
	CHECK_STR(stem("Hộp thư/BC Quận 5 năm 2024 - bổ sung.docx"),
	    "BC Quận 5 năm 2024 - bổ sung");
	CHECK_STR(stem("r/q1.txt.gz"), "q1");
	CHECK_STR(stem("BC quý 1.2024.docx"), "BC quý 1");
	CHECK_STR(stem("a.zip/Quận 4/Q1.docx"), "Q1");
	CHECK_STR(stem("README"), "README");
	CHECK_STR(stem(".hidden"), ".hidden");

	/* copies: "(N)" at the end, the copy words anywhere */
	CHECK(fname_copy("r/Báo cáo DVCQ năm 2024 - Quận 3 (1).docx") == 1);
	CHECK(fname_copy("r/Báo cáo (12).docx") == 1);
	CHECK(fname_copy("r/Báo cáo - Copy.docx") == 1);
	CHECK(fname_copy("r/Bản sao của Báo cáo.docx") == 1);
	CHECK(fname_copy("r/Báo cáo - Bản sao.docx") == 1);
	CHECK(fname_copy("r/Báo cáo DVCQ năm 2024 - Quận 3.docx") == 0);
	CHECK(fname_copy("r/Báo cáo (Quận 3).docx") == 0);
	CHECK(fname_copy("r/Báo cáo ().docx") == 0);
	CHECK(fname_copy("r/Báo cáo sao Khuê.docx") == 0);

	/* resends: a word, "lần N" */
	CHECK(fname_resend_in("BC Quận 5 năm 2024 - bổ sung") == 1);
	CHECK(fname_resend_in("BC Quận 5 năm 2024 - BO SUNG") == 1);
	CHECK(fname_resend_in("BC Quận 7 - sửa") == 1);
	CHECK(fname_resend_in("BC Quận 7 - lần 2") == 1);
	CHECK(fname_resend_in("BC Quận 7 - lần 3") == 2);
	CHECK(fname_resend_in("BC Quận 7 - bổ sung lần 2") == 2);
	CHECK(fname_resend_in("BC Quận 7 - lần 1") == 0);
	CHECK(fname_resend_in("BC Quận 7 (1)") == 0);
	CHECK(fname_resend_in("BC Quận 7 (bản ký số)") == 0);
	CHECK(fname_resend_in("BÁO CÁO (bổ sung) công tác cải cách hành chính") == 1);
	CHECK(fname_resend_in("Kế hoạch sơ kết lần thứ nhất") == 0);
	CHECK(fname_resend_in("bsung") == 0);
	CHECK(fname_resend_in("\xff bổ sung") == 0);
	CHECK(fname_resend("BÁO CÁO năm 2024", "r/BC năm 2024 - thay thế.docx") == 1);
	CHECK(fname_resend("BÁO CÁO (lần 3) năm 2024", "r/BC - bổ sung.docx") == 2);
	CHECK(fname_resend("BÁO CÁO năm 2024", "r/BC năm 2024.docx") == 0);

	/* signed */
	CHECK(fname_signed("r/Q10 - BC năm 2024 (bản ký số).pdf") == 1);
	CHECK(fname_signed("r/Q12_BC nam 2024 (da ky).pdf") == 1);
	CHECK(fname_signed("r/BC kỳ 2 năm 2024.pdf") == 0);
	CHECK(fname_signed("r/Q10 - BC năm 2024.docx") == 0);
}
