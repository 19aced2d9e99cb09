#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "unit.h"

static const char *
fmt(const struct dec *x)
{
	static struct buf b;

	buf_clear(&b);
	dec_format(x, &b);
	return b.p;
}

static const char *
roundtrip(const char *s)
{
	struct dec x;

	if (dec_parse(&x, s, strlen(s)) != DEC_OK)
		return "ERR";
	return fmt(&x);
}

static const char *
sum2(const char *a, const char *b)
{
	struct dec x, y;

	dec_parse(&x, a, strlen(a));
	dec_parse(&y, b, strlen(b));
	if (dec_add(&x, &y) != DEC_OK)
		return "OVERFLOW";
	return fmt(&x);
}

static const char *
div2(const char *a, const char *b, int prec)
{
	struct dec x, y, q;
	static struct buf out;

	dec_parse(&x, a, strlen(a));
	dec_parse(&y, b, strlen(b));
	if (dec_div(&q, &x, &y, prec) != DEC_OK)
		return "ERR";
	buf_clear(&out);
	dec_format_fixed(&q, prec, &out);
	return out.p;
}

/* Sums values with dec and with bc(1); both texts must agree. */
static void
check_against_bc(unsigned seed, int count, int intdigits)
{
	struct buf expr = { 0 }, got = { 0 };
	struct dec acc, x;
	char line[256], tmp[128];
	FILE *bc;
	int i, k;

	srand(seed);
	dec_zero(&acc);
	buf_adds(&expr, "scale=4\n0");
	for (i = 0; i < count; i++) {
		int n = 0, nd = 1 + rand() % intdigits;

		if (rand() % 5 == 0)
			tmp[n++] = '-';
		tmp[n++] = (char)('1' + rand() % 9);
		for (k = 1; k < nd; k++)
			tmp[n++] = (char)('0' + rand() % 10);
		if (rand() % 2) {
			tmp[n++] = '.';
			tmp[n++] = (char)('0' + rand() % 10);
			tmp[n++] = (char)('0' + rand() % 10);
		}
		tmp[n] = '\0';
		CHECK(dec_parse(&x, tmp, (size_t)n) == DEC_OK);
		CHECK(dec_add(&acc, &x) == DEC_OK);
		buf_printf(&expr, "+(%s)", tmp);
	}
	buf_adds(&expr, "\n");
	{
		FILE *f = fopen("bc-input.tmp", "w");

		fwrite(expr.p, 1, expr.n, f);
		fclose(f);
	}
	bc = popen("BC_LINE_LENGTH=0 bc < bc-input.tmp", "r");
	CHECK(bc != NULL);
	if (bc == NULL)
		return;
	if (fgets(line, sizeof(line), bc) == NULL)
		line[0] = '\0';
	pclose(bc);
	remove("bc-input.tmp");
	line[strcspn(line, "\n")] = '\0';
	/* bc prints "-.50" and trailing zeros; canonicalise through dec. */
	{
		struct buf canon = { 0 };
		struct dec y;
		char *p = line;

		if (*p == '-')
			buf_addc(&canon, *p++);
		if (*p == '.')
			buf_addc(&canon, '0');
		buf_adds(&canon, p);
		CHECK(dec_parse(&y, canon.p, canon.n) == DEC_OK);
		dec_format(&acc, &got);
		CHECK_STR(got.p, fmt(&y));
		buf_free(&canon);
	}
	buf_free(&expr);
	buf_free(&got);
}

/*
 * A short number is parsed in one pass; the same number with twenty
 * leading zeros takes the general path: both must give the same struct,
 * and the same verdict on a text that is no number.
 */
static void
check_short_parse(void)
{
	static const char *const bad[] = { "", "-", ".", "1.", ".5", "-.5",
		"1..2", "1.2.3", "+1", " 1", "1 ", "1e5", "--1", "1-", "0x1",
		"1,5" };
	char s[64], z[96];
	struct dec a, b;
	unsigned long long seed = 1;
	int i, k, ok = 1;

	for (i = 0; i < 200000; i++) {
		int digits = 1 + (int)(seed % 19), point, n = 0;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		point = (int)(seed >> 33) % (digits + 1);
		if (seed >> 63)
			s[n++] = '-';
		for (k = 0; k < digits; k++) {
			seed = seed * 6364136223846793005ULL + 1;
			if (k == point && k > 0)
				s[n++] = '.';
			s[n++] = (char)('0' + (seed >> 40) % 10);
		}
		s[n] = '\0';
		snprintf(z, sizeof(z), "%s00000000000000000000%s",
		    s[0] == '-' ? "-" : "", s + (s[0] == '-'));
		ok &= dec_parse(&a, s, strlen(s)) == DEC_OK &&
		    dec_parse(&b, z, strlen(z)) == DEC_OK &&
		    memcmp(&a, &b, sizeof(a)) == 0;
	}
	CHECK(ok);
	for (i = 0; i < (int)(sizeof(bad) / sizeof(bad[0])); i++)
		CHECK(dec_parse(&a, bad[i], strlen(bad[i])) == DEC_SYNTAX);
	CHECK(dec_parse(&a, "-0", 2) == DEC_OK && !a.neg && a.n == 0);
	CHECK(dec_parse(&a, "999999999999999999", 18) == DEC_OK &&
	    a.n == 2 && a.d[0] == 999999999 && a.d[1] == 999999999);
}

void
test_dec(void)
{
	struct dec x, y;
	int i;

	CHECK_STR(roundtrip("0"), "0");
	CHECK_STR(roundtrip("-0"), "0");
	CHECK_STR(roundtrip("-0.00"), "0");
	CHECK_STR(roundtrip("007"), "7");
	CHECK_STR(roundtrip("1.50"), "1.5");
	CHECK_STR(roundtrip("0.05"), "0.05");
	CHECK_STR(roundtrip("-12.340"), "-12.34");
	CHECK_STR(roundtrip("1234567890123456789012345"), "1234567890123456789012345");
	CHECK_STR(roundtrip("999999999.999999999"), "999999999.999999999");
	CHECK_STR(roundtrip("1000000000"), "1000000000");
	CHECK_STR(roundtrip(""), "ERR");
	CHECK_STR(roundtrip("-"), "ERR");
	CHECK_STR(roundtrip("1."), "ERR");
	CHECK_STR(roundtrip(".5"), "ERR");
	CHECK_STR(roundtrip("1,5"), "ERR");
	CHECK_STR(roundtrip("1e5"), "ERR");
	CHECK_STR(roundtrip(" 1"), "ERR");
	CHECK_STR(roundtrip("1.2.3"), "ERR");
	CHECK(dec_parse(&x, "1234567890123456789012345678901234567890123456789012345678901", 61) == DEC_TOOLONG);
	CHECK_STR(sum2("1.5", "1.50"), "3");
	CHECK_STR(sum2("0.1", "0.2"), "0.3");
	CHECK_STR(sum2("-5", "3.25"), "-1.75");
	CHECK_STR(sum2("5", "-5.00"), "0");
	CHECK_STR(sum2("999999999", "1"), "1000000000");
	CHECK_STR(sum2("-0.001", "0.0005"), "-0.0005");
	CHECK_STR(div2("10", "4", 2), "2.50");
	CHECK_STR(div2("1", "3", 6), "0.333333");
	CHECK_STR(div2("2", "3", 6), "0.666667");
	CHECK_STR(div2("-2", "3", 2), "-0.67");
	CHECK_STR(div2("425", "568", 4), "0.7482");
	CHECK_STR(div2("1", "0", 2), "ERR");
	CHECK_STR(div2("0.125", "1", 2), "0.13");
	dec_parse(&x, "1.5", 3);
	dec_parse(&y, "1.50", 4);
	CHECK(dec_cmp(&x, &y) == 0);
	dec_parse(&y, "-2", 2);
	CHECK(dec_cmp(&x, &y) > 0);
	CHECK(dec_cmp(&y, &x) < 0);
	dec_parse(&y, "1.05", 4);
	CHECK(dec_cmp(&x, &y) > 0);

	/* Ten million money values of 10^12 đồng with cents. */
	{
		struct dec acc, v, want;
		char tmp[32];
		struct buf b = { 0 };

		dec_zero(&acc);
		for (i = 0; i < 10000000; i++) {
			int n = snprintf(tmp, sizeof(tmp), "1000000000000.%02d", i % 100);

			dec_parse(&v, tmp, (size_t)n);
			dec_add(&acc, &v);
		}
		/* 10^7 * 10^12 + 10^5 * (0+...+99)/100 = 10^19 + 4950000. */
		dec_parse(&want, "10000000000004950000", 20);
		dec_format(&acc, &b);
		CHECK_STR(b.p, "10000000000004950000");
		CHECK(dec_cmp(&acc, &want) == 0);
		buf_free(&b);
	}
	check_against_bc(1, 2000, 15);
	check_against_bc(2, 500, 40);
	check_against_bc(3, 50, 3);
	check_short_parse();
}
