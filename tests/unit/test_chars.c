/* extract's chars.c: letters and capitals of UTF-8 text, the character
 * before a position, a copy without surrounding blanks. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "xscan.h"

static int
letter(const char *s)
{
	return isletter_at(s, strlen(s), 0);
}

static int
upper(const char *s)
{
	return isupper_at(s, strlen(s), 0);
}

void
test_chars(void)
{
	char *p;

	CHECK(letter("a") && letter("Z") && letter("ư") && letter("Đ") &&
	    letter("ỹ"));
	CHECK(!letter("1") && !letter(" ") && !letter("-") && !letter("²") &&
	    !letter("–") && !letter("“") && !letter("%"));
	/* an invalid or cut sequence is no letter */
	CHECK(!letter("\xff") && !letter("\xc6"));
	CHECK(upper("A") && upper("Đ") && upper("Ư") && upper("Ỹ"));
	CHECK(!upper("a") && !upper("đ") && !upper("1") && !upper("\xff"));
	/* the letter at an offset, not the first */
	CHECK(isletter_at("1a", 2, 1) && isupper_at("aĐ", strlen("aĐ"), 1));
	/* the character that ends before i: 1, 2 or 3 bytes back */
	CHECK(prev_char("aư", 3) == 1);
	CHECK(prev_char("aệ", 4) == 1);
	CHECK(prev_char("ab", 2) == 1);
	CHECK(prev_char("ư", 2) == 0);
	CHECK(prev_char("a", 0) == 0);
	p = dupn(" \t Quận 1\t ", strlen(" \t Quận 1\t "));
	CHECK_STR(p, "Quận 1");
	free(p);
	p = dupn("  ", 2);
	CHECK_STR(p, "");
	free(p);
	p = dupn("a b", 1);
	CHECK_STR(p, "a");
	free(p);
}
