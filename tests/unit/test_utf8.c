#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "unit.h"
#include "utf8.h"

static const char *
fold(const char *s)
{
	static struct buf b;

	buf_clear(&b);
	u8_fold(&b, s, strlen(s));
	return b.p;
}

/*
 * u8_nfc passes text of some ranges through untouched.  Every code point
 * of them must be a starter (combining class 0: then only neighbours can
 * interact), and next to every other (and to itself) be NFC by utf8proc's
 * own reckoning: one string holding each pair is its own NFC.  Just past
 * the ranges, u8_nfc must still normalise.
 */
static void
nfc_quick_ranges(void)
{
	static const utf8proc_int32_t from[] = { 0x01, 0x1E00, 0x2002 };
	static const utf8proc_int32_t to[] = { 0x2FF, 0x1EFF, 0x20CF };
	utf8proc_int32_t cp[1300], a, b;
	struct buf all = { 0 }, nfc = { 0 };
	utf8proc_uint8_t *r = NULL, enc[4];
	utf8proc_ssize_t k;
	size_t n = 0, i, j;
	int starters = 1;

	for (i = 0; i < 3; i++)
		for (a = from[i]; a <= to[i]; a++) {
			cp[n++] = a;
			starters &= utf8proc_get_property(a)->combining_class == 0;
		}
	CHECK(starters);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			a = cp[i];
			b = cp[j];
			buf_add(&all, enc, (size_t)utf8proc_encode_char(a, enc));
			buf_add(&all, enc, (size_t)utf8proc_encode_char(b, enc));
		}
	k = utf8proc_map((const utf8proc_uint8_t *)all.p, (utf8proc_ssize_t)all.n,
	    &r, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	CHECK(k == (utf8proc_ssize_t)all.n && memcmp(r, all.p, all.n) == 0);
	u8_nfc(&nfc, all.p, all.n);
	CHECK(nfc.n == all.n && memcmp(nfc.p, all.p, all.n) == 0);
	free(r);
	/* Just outside the ranges: U+0300 (combining grave) after e, and
	 * U+2000 (a singleton). */
	buf_clear(&nfc);
	u8_nfc(&nfc, "e\xCC\x80", 3);
	CHECK_STR(nfc.p, "\xC3\xA8");
	buf_clear(&nfc);
	u8_nfc(&nfc, "\xE2\x80\x80", 3);
	CHECK_STR(nfc.p, "\xE2\x80\x82");
	buf_free(&all);
	buf_free(&nfc);
}

/* u8_lower's table gives, code point by code point and on whole text,
 * what utf8proc gives for the same text. */
static void
test_lower(void)
{
	static const char *const texts[] = { "Tầng 12, TĂNG 12",
	    "QUẬN 7 và Bình Quân 72", "ĐẶNG ỨNG Ở ĂN ÂU Ủy ban", "Straße İ ǰ",
	    "“Số” – ₫",
	    "Tie\xCC\x82\xCC\x81p", "" };
	struct buf a = { 0 }, b = { 0 };
	utf8proc_int32_t cp;
	size_t k;

	for (cp = 1; cp < 0x2100; cp++) {
		utf8proc_uint8_t enc[4], *r = NULL;
		utf8proc_ssize_t e;

		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		e = utf8proc_encode_char(cp, enc);
		buf_clear(&a);
		u8_lower(&a, (const char *)enc, (size_t)e);
		CHECK(utf8proc_map(enc, e, &r, UTF8PROC_STABLE |
		    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) >= 0);
		CHECK_STR(a.p, (const char *)r);
		free(r);
	}
	for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		utf8proc_uint8_t *r = NULL;

		buf_clear(&a);
		u8_lower(&a, texts[k], strlen(texts[k]));
		CHECK(utf8proc_map((const utf8proc_uint8_t *)texts[k],
		    (utf8proc_ssize_t)strlen(texts[k]), &r, UTF8PROC_STABLE |
		    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) >= 0);
		CHECK_STR(a.p, (const char *)r);
		free(r);
	}
	buf_free(&a);
	buf_free(&b);
}

void
test_utf8(void)
{
	test_lower();
	struct buf b = { 0 };

	CHECK(u8_invalid("abc", 3) == 3);
	CHECK(u8_invalid("Đà Nẵng", strlen("Đà Nẵng")) == strlen("Đà Nẵng"));
	CHECK(u8_invalid("ab\xC3", 3) == 2);		/* truncated */
	CHECK(u8_invalid("a\xC3\x28", 3) == 1);	/* bad continuation */
	CHECK(u8_invalid("\xED\xA0\x80", 3) == 0);	/* surrogate */
	CHECK(u8_invalid("\xC0\xAF", 2) == 0);		/* overlong */
	CHECK_STR(fold("Huyện Bình Chánh"), "huyen binh chanh");
	CHECK_STR(fold("ĐỒNG"), "dong");
	CHECK_STR(fold("Hoà"), fold("Hòa"));
	CHECK_STR(fold("QUẢNG MINH"), "quang minh");
	CHECK_STR(fold("Thủ Đức"), "thu duc");
	/* Decomposed input (e + combining grave) folds the same. */
	CHECK_STR(fold("Tie\xCC\x82\xCC\x81p"), "tiep");
	CHECK_STR(fold("Straße"), "strasse");		/* not simple: utf8proc */
	CHECK_STR(fold("ĐẶNG ỨNG Ở ĂN ÂU"), "dang ung o an au");
	CHECK_STR(fold("Ủy ban nhân dân"), "uy ban nhan dan");
	/* Every Vietnamese letter folds as utf8proc alone folds it. */
	{
		static const char *const letters[] = { "àáảãạăằắẳẵặâầấẩẫậ",
			"èéẻẽẹêềếểễệ", "ìíỉĩị", "òóỏõọôồốổỗộơờớởỡợ",
			"ùúủũụưừứửữự", "ỳýỷỹỵ", "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "ĐđÝỲ" };
		static const char *const want[] = { "aaaaaaaaaaaaaaaaa",
			"eeeeeeeeeee", "iiiii", "ooooooooooooooooo", "uuuuuuuuuuu",
			"yyyyy", "aaaaaaaaaaaaaaaaa", "ddyy" };
		size_t k;

		for (k = 0; k < sizeof(letters) / sizeof(letters[0]); k++)
			CHECK_STR(fold(letters[k]), want[k]);
	}
	u8_nfc(&b, "e\xCC\x81", 3);
	CHECK(b.n == 2 && memcmp(b.p, "\xC3\xA9", 2) == 0);
	nfc_quick_ranges();
	CHECK(u8_cut("ấp", strlen("ấp"), 2) == 0);
	CHECK(u8_cut("ấp", strlen("ấp"), 3) == 3);
	CHECK(u8_count_nl("a\nb\nc", 5) == 2);
	{
		struct buf k1 = { 0 }, k2 = { 0 }, k3 = { 0 };

		u8_name_key(&k1, "Hoà", strlen("Hoà"));
		u8_name_key(&k2, "HÒA", strlen("HÒA"));
		u8_name_key(&k3, "Hoa", strlen("Hoa"));
		CHECK(strcmp(k1.p, k2.p) == 0);
		CHECK(strcmp(k1.p, k3.p) != 0);
		buf_clear(&k1);
		buf_clear(&k3);
		u8_name_key(&k1, "Quảng Minh", strlen("Quảng Minh"));
		u8_name_key(&k3, "Quang Minh", strlen("Quang Minh"));
		CHECK(strcmp(k1.p, k3.p) != 0);
		buf_free(&k1);
		buf_free(&k2);
		buf_free(&k3);
	}
	buf_free(&b);
}
