/*
 * vnlegacy: TCVN3 and VNI text told by content and converted.  Expected
 * texts worked out from the tables in vnlegacy.c (TCVN 5712:1993 for
 * TCVN3; VNI's base letter and mark byte), character by character.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "vnlegacy.h"

static const char *
conv(const char *s, enum vn_legacy enc)
{
	static struct buf b;

	buf_clear(&b);
	vnl_convert(&b, s, strlen(s), enc);
	return b.p == NULL ? "" : b.p;
}

static enum vn_legacy
decide(const char *s)
{
	struct vn_count c = { 0, 0, 0 };

	vnl_count(&c, s, strlen(s));
	return vnl_decide(&c);
}

/* TCVN3 "Céng hoµ x· héi chñ nghÜa": é (0xE9) ộ, µ (0xB5) à, · (0xB7) ã,
 * ñ (0xF1) ủ, Ü (0xDC) ĩ. */
#define TCVN_MOTTO "C\u00e9ng ho\u00b5 x\u00b7 h\u00e9i ch\u00f1 ngh\u00dca"
/* VNI "Coäng hoøa xaõ hoäi chuû nghóa": o+ä (0xE4, circumflex and dot)
 * ộ, o+ø (grave) ò, a+õ (tilde) ã, u+û (hook) ủ, ó (0xF3) ĩ. */
#define VNI_MOTTO "Co\u00e4ng ho\u00f8a xa\u00f5 ho\u00e4i chu\u00fb ngh\u00f3a"

static void
test_convert(void)
{
	CHECK_STR(conv(TCVN_MOTTO, VN_TCVN3), "Cộng hoà xã hội chủ nghĩa");
	CHECK_STR(conv(VNI_MOTTO, VN_VNI), "Cộng hòa xã hội chủ nghĩa");
	/* TCVN3 đ is 0xAE, ¬ (0xAC) ơ, ­ (0xAD) ư: "®¬n th­" is "đơn thư" */
	CHECK_STR(conv("\u00ae\u00acn th\u00ad", VN_TCVN3), "đơn thư");
	/* VNI đ is 0xF1, ơ 0xF4: "ñôn" is "đơn"; "Ñ" (0xD1) is "Đ" */
	CHECK_STR(conv("\u00f1\u00f4n", VN_VNI), "đơn");
	CHECK_STR(conv("\u00d1", VN_VNI), "Đ");
	/* Upper-case fonts: "ñY" (TCVN3 ủ then Y) is "ỦY"; "Sè" is "Số",
	 * one capital first */
	CHECK_STR(conv("\u00f1Y BAN", VN_TCVN3), "ỦY BAN");
	CHECK_STR(conv("S\u00e8 12", VN_TCVN3), "Số 12");
	/* ASCII, digits and punctuation are unchanged */
	CHECK_STR(conv("12/BC-UBND, 99.5%", VN_TCVN3), "12/BC-UBND, 99.5%");
	CHECK_STR(conv("12/BC-UBND, 99.5%", VN_VNI), "12/BC-UBND, 99.5%");
	/* A VNI mark after a consonant is no mark: kept as it is */
	CHECK_STR(conv("b\u00e2", VN_VNI), "b\u00e2");
	/* Unicode text is appended as it is, whatever the encoding said */
	CHECK_STR(conv("Cộng hòa xã hội", VN_TCVN3), "Cộng hòa xã hội");
	CHECK_STR(conv("C\u00e9ng", VN_UNICODE), "C\u00e9ng");
	/* characters past U+00FF are kept; "²" (0xB2) is TCVN3's tilde */
	CHECK_STR(conv("\u2013 \u201cx\u201d", VN_TCVN3),
	    "\u2013 \u201cx\u201d");
	CHECK_STR(conv("a\u00b2", VN_TCVN3), "ã");
	CHECK_STR(conv("", VN_VNI), "");
}

static void
test_decide(void)
{
	char s[1024];

	/* Plain Vietnamese and plain ASCII are Unicode. */
	CHECK(decide("Cộng hòa xã hội chủ nghĩa Việt Nam") == VN_UNICODE);
	CHECK(decide("Report 12/BC-UBND") == VN_UNICODE);
	CHECK(decide("") == VN_UNICODE);
	/* One motto of each is too little evidence (TCVN3: two telling
	 * characters, µ and ·; VNI: four, ä ø ä û) ... */
	CHECK(decide(TCVN_MOTTO) == VN_UNICODE);
	CHECK(decide(VNI_MOTTO) == VN_UNICODE);
	/* ... four lines of it are enough */
	snprintf(s, sizeof(s), "%s %s %s %s", TCVN_MOTTO, TCVN_MOTTO, TCVN_MOTTO,
	    TCVN_MOTTO);
	CHECK(decide(s) == VN_TCVN3);
	snprintf(s, sizeof(s), "%s %s %s %s", VNI_MOTTO, VNI_MOTTO, VNI_MOTTO,
	    VNI_MOTTO);
	CHECK(decide(s) == VN_VNI);
	/* Vietnamese letters of Unicode outweigh them: a document mixing
	 * fonts is Unicode when most of it is */
	{
		struct vn_count c = { 0, 0, 0 };

		vnl_count(&c, s, strlen(s));
		c.viet = (c.tcvn + c.vni) / 20 + 1;
		CHECK(vnl_decide(&c) == VN_UNICODE);
		c.viet = (c.tcvn + c.vni) / 20;
		CHECK(vnl_decide(&c) == VN_VNI);
	}
	/* counting adds up over texts */
	{
		struct vn_count c = { 0, 0, 0 };

		vnl_count(&c, "\u00b5\u00b7", strlen("\u00b5\u00b7"));
		vnl_count(&c, "ơư", strlen("ơư"));
		CHECK(c.tcvn == 2 && c.viet == 2 && c.vni == 0);
	}
}

void
test_vnlegacy(void)
{
	test_convert();
	test_decide();
}
