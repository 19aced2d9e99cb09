/*
 * extract's glue.c: a PDF text layer's glued syllables cut apart where
 * every piece is a Vietnamese syllable, and digits spaced out letter by
 * letter joined.
 */
#include <string.h>

#include "unit.h"
#include "xscan.h"

static const char *
ug(const char *s)
{
	static struct buf b;

	buf_clear(&b);
	unglue(&b, s, strlen(s));
	return b.p == NULL ? "" : b.p;
}

static const char *
us(const char *s)
{
	static struct buf b;

	buf_clear(&b);
	unspace_digits(&b, s, strlen(s));
	return b.p == NULL ? "" : b.p;
}

void
test_glue(void)
{
	CHECK_STR(ug("hồsơ"), "hồ sơ");
	/* the longest initial that leaves the first a valid final */
	CHECK_STR(ug("Từngày"), "Từ ngày");
	CHECK_STR(ug("nhiệm vụnăm 2025"), "nhiệm vụ năm 2025");
	CHECK_STR(ug("giảiquyết"), "giải quyết");
	CHECK_STR(ug("hànhchính"), "hành chính");
	/* (by that rule "tụchành" is "tụ chành": a final that could start
	 * the next syllable goes to it) */
	CHECK_STR(ug("tụchành"), "tụ chành");
	/* one syllable, or words that are not all syllables, stay whole */
	CHECK_STR(ug("nghiêng"), "nghiêng");
	CHECK_STR(ug("Karaoke Covid"), "Karaoke Covid");
	CHECK_STR(ug("tiếp công dân"), "tiếp công dân");
	/* ASCII words without a Vietnamese letter stay whole, syllables or
	 * not */
	CHECK_STR(ug("bando"), "bando");
	/* digits and punctuation pass as they are */
	CHECK_STR(ug("12/BC-UBND, 99,5%"), "12/BC-UBND, 99,5%");
	CHECK_STR(ug(""), "");

	CHECK_STR(us("9 7 , 3 7 %"), "97,37%");
	CHECK_STR(us("đạt 9 7 , 3 7 % hồ sơ"), "đạt 97,37% hồ sơ");
	CHECK_STR(us("1 2 5 hồ sơ"), "125 hồ sơ");
	CHECK_STR(us("ngày 0 1 / 7 / 2 0 2 5;"), "ngày 01/7/2025;");
	/* two tokens, or fewer than two digits, are no spaced number */
	CHECK_STR(us("có 1 2 đơn"), "có 1 2 đơn");
	CHECK_STR(us("a , b , c"), "a , b , c");
	CHECK_STR(us(", . 5"), ", . 5");
	/* numbers written as numbers stay as they are */
	CHECK_STR(us("tiếp 125 lượt, 3 đơn"), "tiếp 125 lượt, 3 đơn");
	CHECK_STR(us(""), "");
}
