/*
 * dec: exact decimal numbers.
 *
 * A value is sign, a coefficient of up to DEC_LIMBS base-10^9 limbs and a
 * scale (digits after the point), so sums of money in đồng with cents, to
 * 10^13 and far beyond, are exact: no binary floating point is involved.
 *
 * Input syntax is the canonical one only: -?[0-9]+(\.[0-9]+)? with at most
 * DEC_MAX_DIGITS digits and DEC_MAX_SCALE after the point.  Output is
 * canonical too: no grouping, '.' as the point, no trailing fractional
 * zeros, no "-0".  Arithmetic that would exceed DEC_LIMBS limbs reports
 * overflow instead of wrapping.
 */
#ifndef BAOCAO_DEC_H
#define BAOCAO_DEC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define DEC_LIMBS 12		/* 108 decimal digits */
#define DEC_MAX_DIGITS 60
#define DEC_MAX_SCALE 30

struct dec {
	int neg;
	int scale;
	int n;			/* limbs in use; 0 is zero */
	uint32_t d[DEC_LIMBS];
};

enum { DEC_OK = 0, DEC_SYNTAX = -1, DEC_TOOLONG = -2, DEC_OVERFLOW = -3 };

void dec_zero(struct dec *);
int dec_parse(struct dec *, const char *, size_t);
void dec_from_u64(struct dec *, uint64_t);
int dec_add(struct dec *acc, const struct dec *x);
int dec_sub(struct dec *r, const struct dec *a, const struct dec *b);
/* x *= m, m < 10^9. */
int dec_mul_u32(struct dec *x, uint32_t m);
int dec_cmp(const struct dec *, const struct dec *);
int dec_is_zero(const struct dec *);
/* q = a / b rounded half away from zero to prec digits after the point;
 * DEC_OVERFLOW also when b is zero. */
int dec_div(struct dec *q, const struct dec *a, const struct dec *b, int prec);
/* Appends the canonical text. */
void dec_format(const struct dec *, struct buf *);
/* Appends the text with exactly prec digits after the point. */
void dec_format_fixed(const struct dec *, int prec, struct buf *);
const char *dec_strerror(int);

#endif
