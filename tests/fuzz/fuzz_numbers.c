/*
 * The number and period parsers: a parsed decimal printed and parsed again
 * is the same number, and the same with twenty leading zeros (which takes
 * the long path); (a + b) - b == a; vnum's value prints as a canonical
 * decimal; a parsed period has an end date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "fuzz.h"
#include "period.h"
#include "utf8.h"
#include "vnum.h"

int
fuzz_numbers(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *bar = memchr(s, '|', size);
	size_t n1 = bar == NULL ? size : (size_t)(bar - s);
	struct dec a, b, c, d;
	struct buf t = { 0 }, u = { 0 };

	if (n1 > 0 && n1 < 40) {
		char z[64];
		int neg = s[0] == '-';

		snprintf(z, sizeof(z), "%s00000000000000000000%.*s",
		    neg ? "-" : "", (int)(n1 - (size_t)neg), s + neg);
		if (dec_parse(&a, s, n1) == DEC_OK &&
		    (dec_parse(&b, z, strlen(z)) != DEC_OK ||
		    memcmp(&a, &b, sizeof(a)) != 0))
			abort();
	}
	if (dec_parse(&a, s, n1) == DEC_OK) {
		dec_format(&a, &t);
		if (dec_parse(&c, t.p, t.n) != DEC_OK || dec_cmp(&a, &c) != 0)
			abort();
		dec_format(&c, &u);
		if (strcmp(t.p, u.p) != 0)
			abort();
		if (bar != NULL && dec_parse(&b, bar + 1, size - n1 - 1) == DEC_OK) {
			c = a;
			if (dec_add(&c, &b) == DEC_OK && dec_sub(&d, &c, &b) == DEC_OK &&
			    dec_cmp(&d, &a) != 0)
				abort();
			/* q = a / b rounded: |a - q*b| is at most |b| / 2 * 10^-6;
			 * here only that dividing never crashes. */
			if (!dec_is_zero(&b))
				(void)dec_div(&c, &a, &b, 6);
		}
	}
	if (u8_invalid(s, size) == size && memchr(s, '\0', size) == NULL) {
		struct vnum v;
		char out[32], end[11];

		if (vnum_parse(&v, s, size) == 0) {
			buf_clear(&t);
			dec_format(&v.value, &t);
			if (dec_parse(&c, t.p, t.n) != DEC_OK)
				abort();
		}
		buf_clear(&u);
		u8_fold(&u, s, size);
		if (u.p != NULL && period_parse(u.p, out, sizeof(out)) == 0 &&
		    period_end(out, strlen(out), end) != 0)
			abort();
	}
	buf_free(&t);
	buf_free(&u);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(numbers)
#endif
