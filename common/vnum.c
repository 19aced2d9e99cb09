/*
 * vnum: a figure as a report writes it to an exact decimal (see vnum.h):
 * its digits and separators by the separator rule, a fraction, a percent
 * or an area, a scale word, number words, a verbal zero.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "vnum.h"
#include "words.h"

/* Digits and separators s[0..n) to canonical decimal text in out. */
static int
canon(const char *s, size_t n, struct buf *out)
{
	size_t i, dots = 0, commas = 0, last_sep = 0, run = 0;
	int grouped = 1;

	if (n == 0 || !wd_digit(s[0]) || !wd_digit(s[n - 1]))
		return DEC_SYNTAX;
	for (i = 0; i < n; i++) {
		if (wd_digit(s[i])) {
			run++;
			continue;
		}
		if (s[i] == '.') {
			if (commas > 0)
				return DEC_SYNTAX;
			dots++;
		} else if (s[i] == ',') {
			if (++commas > 1)
				return DEC_SYNTAX;
		} else {
			return DEC_SYNTAX;
		}
		if (dots + commas > 1 && s[last_sep] == '.' && run != 3)
			grouped = 0;
		last_sep = i;
		run = 0;
	}
	if (dots > 0 && s[last_sep] == '.' && run != 3)
		grouped = 0;
	if (dots > 0 && !grouped && (dots > 1 || commas > 0))
		return DEC_SYNTAX;
	buf_clear(out);
	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (!grouped)
				buf_addc(out, '.');	/* the rare decimal dot */
		} else if (s[i] == ',') {
			buf_addc(out, '.');
		} else {
			buf_addc(out, s[i]);
		}
	}
	return 0;
}

int
vnum_plausible(const char *s, size_t n)
{
	size_t i, run = 0, lead = 0, dots = 0, commas = 0;
	int seen = 0;

	if (n == 0 || !wd_digit(s[0]) || !wd_digit(s[n - 1]))
		return 0;
	for (i = 0; i < n; i++) {
		if (wd_digit(s[i])) {
			run++;
			continue;
		}
		if (!seen)
			lead = run;
		seen = 1;
		if (s[i] == ',') {
			if (++commas > 1 || (dots > 0 && run != 3))
				return 0;
		} else if (s[i] == '.') {
			if (commas > 0 || (dots > 0 && run != 3))
				return 0;
			dots++;
		} else
			return 0;
		run = 0;
	}
	if (!seen)
		return !(run >= 9 && s[0] == '0');
	if (lead > 3 && dots > 0)
		return 0;
	/* One dot and no comma: grouping before three digits, a decimal
	 * point before one or two, a code before more. */
	if (dots == 1 && commas == 0)
		return run <= 3;
	if (dots > 1 && commas == 0)
		return run == 3;
	return 1;
}

size_t
vnum_scale_word(const char *s, size_t n)
{
	struct buf low = { 0 };
	size_t w;

	/* Lower case, marks kept: "Tỷ" is "tỷ", but "tỷ lệ" is a rate. */
	u8_lower(&low, s, u8_cut(s, n, 24));
	w = low.p == NULL || words_prefix(WL_SCALE_NOT, low.p, low.n) > 0 ? 0 :
	    words_prefix(WL_SCALE, low.p, low.n);
	if (w > 0 && w < low.n && strchr(" ,.;)", low.p[w]) == NULL)
		w = 0;
	/* The word's length as written: lower-casing keeps it. */
	buf_free(&low);
	return w;
}

static int
parse_part(const char *s, size_t n, struct dec *d)
{
	struct buf b = { 0 };
	int e;

	if (!vnum_plausible(s, n))
		return DEC_SYNTAX;
	e = canon(s, n, &b);

	if (e == 0)
		e = dec_parse(d, b.p, b.n);
	buf_free(&b);
	return e;
}

/* A scale word after the digits ("1,5 tỷ", "500 Triệu"): the value
 * times its power of ten. */
static int
scale(struct dec *d, const char *word, size_t n)
{
	struct buf low = { 0 }, t = { 0 };
	size_t w, i, nd = 0;
	int zeros, z;

	u8_lower(&low, word, n);
	w = low.p == NULL ? 0 : words_prefix_val(WL_SCALE, low.p, low.n, &zeros);
	while (w > 0 && w < low.n && low.p[w] == ' ')
		w++;
	i = low.n;
	buf_free(&low);
	if (w == 0 || w != i)
		return DEC_SYNTAX;
	for (z = 0; z < zeros; z++)
		if (dec_mul_u32(d, 10) != DEC_OK)
			return DEC_OVERFLOW;
	/* What is written must read back: at most DEC_MAX_DIGITS digits
	 * after scaling too. */
	dec_format(d, &t);
	for (i = 0; i < t.n; i++)
		nd += t.p[i] >= '0' && t.p[i] <= '9';
	buf_free(&t);
	return nd > DEC_MAX_DIGITS ? DEC_TOOLONG : 0;
}

/* Number words name small figures; a longer chain is not read as one. */
#define WORDS_MAX 1000000000LL

long long
vnum_words(const char *f)
{
	long long total = 0, group = 0, cur = -1;
	size_t n = strlen(f), i = 0, w;
	int any = 0, after_ten = 0, d;

	while (i < n) {
		const char *p;

		while (i < n && f[i] == ' ')
			i++;
		if (i == n)
			break;
		p = f + i;
		/* "hai mươi mốt", "mười lăm", "ba mươi tư": after the tens,
		 * a digit may have another name. */
		if ((after_ten && (w = words_prefix_val(WL_NUM_DIGIT_AFTER_TEN,
		    p, n - i, &d)) > 0) ||
		    (w = words_prefix_val(WL_NUM_DIGIT, p, n - i, &d)) > 0) {
			cur = (cur < 0 ? 0 : cur) + d;
			after_ten = 0;
		} else if ((w = words_prefix(WL_NUM_TEN, p, n - i)) > 0) {
			/* "mười" is ten; "hai mươi" is twenty. */
			cur = cur <= 0 ? 10 : cur * 10;
			after_ten = 1;
		} else if ((w = words_prefix(WL_NUM_HUNDRED, p, n - i)) > 0) {
			group += (cur < 0 ? 1 : cur) * 100;
			cur = -1;
			after_ten = 0;
		} else if ((w = words_prefix(WL_NUM_FILLER, p, n - i)) > 0) {
			after_ten = 0;
		} else if ((w = words_prefix(WL_NUM_THOUSAND, p, n - i)) > 0) {
			total += (group + (cur < 0 ? 0 : cur)) * 1000;
			group = 0;
			cur = -1;
		} else {
			return -1;
		}
		i += w;
		if (i < n && f[i] != ' ')
			return -1;
		if (cur > WORDS_MAX || group > WORDS_MAX || total > WORDS_MAX)
			return -1;
		any = 1;
	}
	if (!any)
		return -1;
	return total + group + (cur < 0 ? 0 : cur);
}

int
vnum_parse(struct vnum *v, const char *raw, size_t n)
{
	struct buf f = { 0 };
	size_t i = 0, a, e;
	int rc = 0;

	memset(v, 0, sizeof(*v));
	dec_zero(&v->value);
	dec_zero(&v->denom);
	u8_fold(&f, raw, n);
	if (f.p == NULL || f.n == 0) {
		buf_free(&f);
		return DEC_SYNTAX;
	}
	if (words_prefix(WL_VERBAL_ZERO, f.p, f.n) > 0) {
		buf_free(&f);
		return 0;	/* verbal zero */
	}
	if (!wd_digit(f.p[0])) {
		long long w = vnum_words(f.p);

		buf_free(&f);
		if (w < 0)
			return DEC_SYNTAX;
		dec_from_u64(&v->value, (unsigned long long)w);
		return 0;
	}
	/* Folding keeps digits and separators; m² folds to m2. */
	a = i;
	while (i < f.n && (wd_digit(f.p[i]) || f.p[i] == '.' || f.p[i] == ','))
		i++;
	e = i;
	rc = parse_part(f.p + a, e - a, &v->value);
	if (rc == 0 && i < f.n && f.p[i] == '/') {
		size_t b = ++i;

		while (i < f.n && (wd_digit(f.p[i]) || f.p[i] == '.' || f.p[i] == ','))
			i++;
		rc = parse_part(f.p + b, i - b, &v->denom);
		v->fraction = 1;
	}
	while (rc == 0 && i < f.n && f.p[i] == ' ')
		i++;
	if (rc == 0 && i < f.n) {
		const char *rest = f.p + i;

		if (strcmp(rest, "%") == 0)
			v->percent = 1;
		else if (strcmp(rest, "m2") == 0 || strcmp(rest, "m\xc2\xb2") == 0)
			v->area = 1;
		else
			rc = scale(&v->value, raw + i, n - i);
	}
	buf_free(&f);
	return rc;
}
