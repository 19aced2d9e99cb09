/*
 * vnum: figures as Vietnamese reports write them, to exact decimals.
 *
 * The separator rule (FORMATS.md): ',' is the decimal mark and '.' groups
 * thousands, so "1.642" is 1642, "99,19" is 99.19 and "1.973,25" is
 * 1973.25.  A number with dots only is grouped when every group after a
 * dot has exactly three digits ("8.412.000.000"); otherwise a single dot
 * is a decimal point ("55.02", the rare case of FORMATS C8).  Two commas,
 * or dots after a comma, are not a number.  Leading zeros are dropped
 * ("06" is 6).  Scale words multiply: nghìn/ngàn 10^3, triệu 10^6, tỷ/tỉ
 * 10^9.  Number words are read ("hai mươi lăm" 25, "một trăm linh năm"
 * 105).  A verbal zero ("không có ...") is 0.
 */
#ifndef BAOCAO_VNUM_H
#define BAOCAO_VNUM_H

#include <stddef.h>

#include "dec.h"

struct vnum {
	struct dec value;	/* the figure (a fraction's numerator) */
	struct dec denom;	/* a fraction's denominator */
	int fraction;		/* written a/b */
	int percent;		/* written with % */
	int area;		/* written with m² or m2 */
};

/*
 * Parses raw as extract writes it (markup already removed): digits with
 * separators, optional "/digits", optional "%" or "m²"/"m2", optional
 * scale word; or number words; or a verbal zero.  0, or a DEC_ error.
 */
int vnum_parse(struct vnum *, const char *raw, size_t n);

/*
 * Is the digit token s[0..n) (digits, '.' and ',') written as a figure is?
 * Grouping dots take three digits each after a lead of one to three; a
 * single dot before one or two digits is a decimal point ("1.5", "55.02");
 * one comma is the decimal mark.  Not a figure: a dot before four or more
 * digits or a lead of four ("028.38940541", "1234.567"), two commas, nine
 * or more digits after a leading zero (a mobile number).  The one test
 * that extract (what to write) and vnum_parse (what to read) both use.
 */
int vnum_plausible(const char *s, size_t n);

/* Length of the scale word (nghìn, ngàn, triệu, tỷ, tỉ) that starts s[0..n)
 * as written, standing alone; 0 when none. */
size_t vnum_scale_word(const char *s, size_t n);

/* Folded number words ("hai muoi lam") to a value; -1 when not. */
long long vnum_words(const char *folded);

#endif
