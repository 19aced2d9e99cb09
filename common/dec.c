/*
 * dec: exact decimal arithmetic on base-10^9 limbs (see dec.h): the
 * canonical text parsed and written, adding, subtracting, comparing,
 * dividing to a precision, multiplying by a small number; overflow
 * reported, never wrapped.
 */
#include <stdio.h>
#include <string.h>

#include "dec.h"
#include "diag.h"

#define BASE 1000000000u

static const uint32_t pow10[] = { 1, 10, 100, 1000, 10000, 100000, 1000000,
	10000000, 100000000 };

static int mul_small(struct dec *, uint32_t);
static int add_mag(struct dec *, const struct dec *);
static void sub_mag(struct dec *, const struct dec *);
static int cmp_mag(const struct dec *, const struct dec *);
static int rescale(struct dec *, int);
static void trim(struct dec *);
static size_t digits(const struct dec *, char *);

void
dec_zero(struct dec *x)
{
	memset(x, 0, sizeof(*x));
}

int
dec_is_zero(const struct dec *x)
{
	return x->n == 0;
}

static void
trim(struct dec *x)
{
	while (x->n > 0 && x->d[x->n - 1] == 0)
		x->n--;
	if (x->n == 0)
		x->neg = 0;
}

static int
mul_small(struct dec *x, uint32_t m)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < x->n; i++) {
		uint64_t t = (uint64_t)x->d[i] * m + carry;

		x->d[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	if (carry != 0) {
		if (x->n == DEC_LIMBS)
			return DEC_OVERFLOW;
		x->d[x->n++] = (uint32_t)carry;
	}
	return DEC_OK;
}

static int
add_small(struct dec *x, uint32_t a)
{
	uint64_t carry = a;
	int i;

	for (i = 0; i < x->n && carry != 0; i++) {
		uint64_t t = (uint64_t)x->d[i] + carry;

		x->d[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	if (carry != 0) {
		if (x->n == DEC_LIMBS)
			return DEC_OVERFLOW;
		x->d[x->n++] = (uint32_t)carry;
	}
	return DEC_OK;
}

/*
 * What dec_parse makes of a short text (at most 18 digits, so its value
 * fits a uint64_t), in one pass: 1 when done, 0 when the text is longer or
 * not the canonical syntax (dec_parse then says what is wrong).
 */
static int
parse_short(struct dec *x, const char *s, size_t n)
{
	size_t i = 0, point = 0;
	uint64_t v = 0;

	if (n > 19)
		return 0;
	if (n > 0 && s[0] == '-')
		i = 1;
	if (i == n || n - i > 18 + 1)
		return 0;
	for (; i < n; i++) {
		unsigned d = (unsigned char)s[i] - '0';

		if (d <= 9) {
			v = v * 10 + d;
			continue;
		}
		if (s[i] != '.' || point != 0 || i == 0 || s[i - 1] == '-' ||
		    i + 1 == n)
			return 0;
		point = i;
	}
	if (point == 0 && n - (s[0] == '-') > 18)
		return 0;
	dec_zero(x);
	x->scale = point == 0 ? 0 : (int)(n - point - 1);
	x->d[0] = (uint32_t)(v % BASE);
	x->d[1] = (uint32_t)(v / BASE);
	x->n = x->d[1] != 0 ? 2 : x->d[0] != 0 ? 1 : 0;
	x->neg = s[0] == '-' && x->n > 0;
	return 1;
}

int
dec_parse(struct dec *x, const char *s, size_t n)
{
	size_t i = 0, nd = 0, chunk = 0;
	int seen_point = 0, int_digits = 0;
	uint32_t acc = 0;

	if (parse_short(x, s, n))
		return DEC_OK;
	dec_zero(x);
	if (n > 0 && s[0] == '-') {
		x->neg = 1;
		i = 1;
	}
	if (i == n)
		return DEC_SYNTAX;
	for (; i < n; i++) {
		char c = s[i];

		if (c == '.') {
			if (seen_point || int_digits == 0 || i + 1 == n)
				return DEC_SYNTAX;
			seen_point = 1;
			continue;
		}
		if (c < '0' || c > '9')
			return DEC_SYNTAX;
		if (!seen_point)
			int_digits++;
		else
			x->scale++;
		/* Leading zeros of the integer part do not count. */
		if (nd == 0 && c == '0' && !seen_point)
			continue;
		if (++nd > DEC_MAX_DIGITS || x->scale > DEC_MAX_SCALE)
			return DEC_TOOLONG;
		acc = acc * 10 + (uint32_t)(c - '0');
		if (++chunk == 9) {
			mul_small(x, BASE);
			add_small(x, acc);
			acc = 0;
			chunk = 0;
		}
	}
	if (chunk > 0) {
		mul_small(x, pow10[chunk]);
		add_small(x, acc);
	}
	trim(x);
	return DEC_OK;
}

void
dec_from_u64(struct dec *x, uint64_t v)
{
	dec_zero(x);
	while (v != 0) {
		x->d[x->n++] = (uint32_t)(v % BASE);
		v /= BASE;
	}
}

/* Raises the scale of x to s (s >= x->scale) without changing its value. */
static int
rescale(struct dec *x, int s)
{
	while (x->scale < s) {
		int k = s - x->scale > 8 ? 8 : s - x->scale;

		if (x->n > 0 && mul_small(x, pow10[k]) != DEC_OK)
			return DEC_OVERFLOW;
		x->scale += k;
	}
	return DEC_OK;
}

static int
cmp_mag(const struct dec *a, const struct dec *b)
{
	int i;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = a->n - 1; i >= 0; i--)
		if (a->d[i] != b->d[i])
			return a->d[i] < b->d[i] ? -1 : 1;
	return 0;
}

static int
add_mag(struct dec *a, const struct dec *b)
{
	uint32_t carry = 0;
	int i, n = a->n > b->n ? a->n : b->n;

	for (i = 0; i < n; i++) {
		uint32_t t = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) +
		    carry;

		carry = t >= BASE;
		a->d[i] = carry ? t - BASE : t;
	}
	a->n = n;
	if (carry) {
		if (n == DEC_LIMBS)
			return DEC_OVERFLOW;
		a->d[a->n++] = 1;
	}
	return DEC_OK;
}

/* a -= b, with |a| >= |b|. */
static void
sub_mag(struct dec *a, const struct dec *b)
{
	int64_t borrow = 0;
	int i;

	for (i = 0; i < a->n; i++) {
		int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;

		borrow = t < 0;
		a->d[i] = (uint32_t)(borrow ? t + BASE : t);
	}
	trim(a);
}

int
dec_add(struct dec *acc, const struct dec *x)
{
	struct dec y = *x;
	int s = acc->scale > y.scale ? acc->scale : y.scale, neg;

	if (rescale(acc, s) != DEC_OK || rescale(&y, s) != DEC_OK)
		return DEC_OVERFLOW;
	if (acc->neg == y.neg || y.n == 0) {
		neg = acc->neg;
		if (add_mag(acc, &y) != DEC_OK)
			return DEC_OVERFLOW;
		acc->neg = neg;
	} else if (cmp_mag(acc, &y) >= 0) {
		sub_mag(acc, &y);
	} else {
		sub_mag(&y, acc);
		*acc = y;
	}
	trim(acc);
	return DEC_OK;
}

int
dec_sub(struct dec *r, const struct dec *a, const struct dec *b)
{
	struct dec nb = *b;

	if (nb.n > 0)
		nb.neg = !nb.neg;
	*r = *a;
	return dec_add(r, &nb);
}

int
dec_cmp(const struct dec *a, const struct dec *b)
{
	struct dec x = *a, y = *b;
	int s, c;

	if (x.neg != y.neg)
		return x.neg ? -1 : 1;
	s = x.scale > y.scale ? x.scale : y.scale;
	if (rescale(&x, s) != DEC_OK || rescale(&y, s) != DEC_OK) {
		/* Cannot happen for parsed values; compare by integer digits. */
		return 0;
	}
	c = cmp_mag(&x, &y);
	return x.neg ? -c : c;
}

/* Writes the decimal digits of |x| (no leading zeros, "0" for zero). */
static size_t
digits(const struct dec *x, char *out)
{
	size_t k = 0;
	int i, j;
	char tmp[10];

	if (x->n == 0) {
		out[0] = '0';
		return 1;
	}
	{
		uint32_t v = x->d[x->n - 1];

		j = 10;
		do
			tmp[--j] = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		k = (size_t)(10 - j);
		memcpy(out, tmp + j, k);
	}
	for (i = x->n - 2; i >= 0; i--) {
		uint32_t v = x->d[i];

		for (j = 8; j >= 0; j--) {
			tmp[j] = (char)('0' + v % 10);
			v /= 10;
		}
		memcpy(out + k, tmp, 9);
		k += 9;
	}
	return k;
}

static void
format(const struct dec *x, int fixed, int prec, struct buf *b)
{
	char d[DEC_LIMBS * 9 + DEC_MAX_SCALE + 4], *p;
	size_t n, scale = (size_t)x->scale, frac;

	/* Left-pad the coefficient with zeros to at least scale + 1 digits. */
	p = d + DEC_MAX_SCALE + 2;
	n = digits(x, p);
	while (n < scale + 1) {
		*--p = '0';
		n++;
	}
	if (x->neg && x->n > 0)
		buf_addc(b, '-');
	buf_add(b, p, n - scale);
	frac = scale;
	if (!fixed) {
		while (frac > 0 && p[n - scale + frac - 1] == '0')
			frac--;
		if (frac > 0) {
			buf_addc(b, '.');
			buf_add(b, p + n - scale, frac);
		}
		return;
	}
	if (prec > 0) {
		int i;

		buf_addc(b, '.');
		for (i = 0; i < prec; i++)
			buf_addc(b, (size_t)i < scale ? p[n - scale + (size_t)i] : '0');
	}
}

void
dec_format(const struct dec *x, struct buf *b)
{
	format(x, 0, 0, b);
}

void
dec_format_fixed(const struct dec *x, int prec, struct buf *b)
{
	struct dec r = *x;

	if (r.scale > prec) {
		struct dec one;

		dec_from_u64(&one, 1);
		if (dec_div(&r, x, &one, prec) != DEC_OK)
			r = *x;
	}
	format(&r, 1, prec, b);
}

int
dec_div(struct dec *q, const struct dec *a, const struct dec *b, int prec)
{
	struct dec A = *a, B = *b, R, Q, bb;
	char d[DEC_LIMBS * 9 + 2];
	size_t n, i;
	int s, neg = a->neg != b->neg, extra;

	if (b->n == 0)
		return DEC_OVERFLOW;
	A.neg = B.neg = 0;
	s = A.scale > B.scale ? A.scale : B.scale;
	if (rescale(&A, s) != DEC_OK || rescale(&B, s) != DEC_OK)
		return DEC_OVERFLOW;
	A.scale = B.scale = 0;
	/* Q = round(A * 10^prec / B). */
	extra = prec;
	n = digits(&A, d);
	dec_zero(&R);
	dec_zero(&Q);
	for (i = 0; i < n + (size_t)extra; i++) {
		uint32_t qd = 0;

		if (mul_small(&R, 10) != DEC_OK ||
		    add_small(&R, i < n ? (uint32_t)(d[i] - '0') : 0) != DEC_OK)
			return DEC_OVERFLOW;
		while (cmp_mag(&R, &B) >= 0) {
			sub_mag(&R, &B);
			qd++;
		}
		if (mul_small(&Q, 10) != DEC_OK || add_small(&Q, qd) != DEC_OK)
			return DEC_OVERFLOW;
	}
	/* Round half away from zero: 2R >= B. */
	bb = R;
	if (add_mag(&bb, &R) != DEC_OK)
		return DEC_OVERFLOW;
	trim(&bb);
	if (cmp_mag(&bb, &B) >= 0 && add_small(&Q, 1) != DEC_OK)
		return DEC_OVERFLOW;
	trim(&Q);
	Q.scale = prec;
	Q.neg = neg && Q.n > 0;
	*q = Q;
	return DEC_OK;
}

int
dec_mul_u32(struct dec *x, uint32_t m)
{
	if (m >= BASE)
		return DEC_OVERFLOW;
	if (mul_small(x, m) != DEC_OK)
		return DEC_OVERFLOW;
	trim(x);
	return DEC_OK;
}

const char *
dec_strerror(int e)
{
	switch (e) {
	case DEC_SYNTAX:
		return N_("not a number");
	case DEC_TOOLONG:
		return N_("number too long (limit 60 digits, 30 after the "
		    "point)");
	case DEC_OVERFLOW:
		return N_("arithmetic overflow (limit 108 digits)");
	default:
		return N_("no error");
	}
}
