/*
 * Character tests on UTF-8 text, as the scanners need them.
 */
#include <stddef.h>
#include <utf8proc.h>

#include "extract.h"
#include "xalloc.h"

/* A letter: ASCII, or the first byte of a multi-byte (Vietnamese) one. */
int
isletter_at(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	utf8proc_int32_t cp;

	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return 1;
	if (c < 0x80)
		return 0;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	return utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO;
}

/* The start of the character that ends just before i. */
size_t
prev_char(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

int
isupper_at(const char *s, size_t n, size_t i)
{
	utf8proc_int32_t cp;

	/* Of ASCII, A to Z are the capitals: no decoding for them. */
	if (i < n && (unsigned char)s[i] < 0x80)
		return s[i] >= 'A' && s[i] <= 'Z';
	if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

char *
dupn(const char *p, size_t n)
{
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return xmemdup(p, n);
}

