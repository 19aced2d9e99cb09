/*
 * extract's glue.c: a PDF text layer's glued syllables cut apart where
 * every piece is a Vietnamese syllable, and digits spaced out letter by
 * letter joined (the cases test_clean.c leaves out).
 */
#include <string.h>

#include "unit.h"
#include "xscan.h"

static size_t made;		/* what the last repair returned */

static const char *
cut(const char *s)
{
	static struct buf b;

	buf_clear(&b);
	made = glue_cut(&b, s, strlen(s), NULL);
	return b.p == NULL ? "" : b.p;
}

static const char *
unspace(const char *s)
{
	static struct buf b;

	buf_clear(&b);
	made = glue_unspace(&b, s, strlen(s));
	return b.p == NULL ? "" : b.p;
}

void
test_glue(void)
{
	/* the later syllable takes the longest initial that leaves the
	 * first a syllable */
	CHECK_STR(cut("Từngày"), "Từ ngày");
	CHECK(made == 1);
	CHECK_STR(cut("giảiquyết"), "giải quyết");
	CHECK_STR(cut("hànhchính"), "hành chính");
	/* (by that rule "tụchành" is "tụ chành": a final that could start
	 * the next syllable goes to it) */
	CHECK_STR(cut("tụchành"), "tụ chành");
	/* words already apart, ASCII words without a Vietnamese letter,
	 * digits and punctuation stay as they are */
	CHECK_STR(cut("tiếp công dân"), "tiếp công dân");
	CHECK(made == 0);
	CHECK_STR(cut("bando"), "bando");
	CHECK_STR(cut("12/BC-UBND, 99,5%"), "12/BC-UBND, 99,5%");
	CHECK(made == 0);
	CHECK_STR(cut(""), "");

	CHECK_STR(unspace("1 2 5 hồ sơ"), "125 hồ sơ");
	CHECK(made == 1);
	CHECK_STR(unspace("ngày 0 1 / 7 / 2 0 2 5;"), "ngày 01/7/2025;");
	/* two tokens, or marks around one digit, are no spaced run */
	CHECK_STR(unspace("có 1 2 đơn"), "có 1 2 đơn");
	CHECK(made == 0);
	CHECK_STR(unspace(", . 5"), ", . 5");
	/* one-letter words between commas: the marks join the letter
	 * before them, the letters stay apart */
	CHECK_STR(unspace("a , b , c"), "a, b, c");
	/* numbers written as numbers stay as they are */
	CHECK_STR(unspace("tiếp 125 lượt, 3 đơn"), "tiếp 125 lượt, 3 đơn");
	CHECK(made == 0);
	CHECK_STR(unspace(""), "");
}
