/*
 * The rules on one line of text, as the reading linked its figures: a
 * breakdown's parts against their whole (parts-vs-whole, fraction-base),
 * a percentage against the count it follows and that count's base
 * (percent-vs-fraction), a fraction whose part is larger than its whole
 * (numerator-over-denominator).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "words.h"
#include "xalloc.h"

/* Do a and b count different things: the nouns written right after
 * them, or else their units, differ?  (Unknown on either side: no.) */
static int
nouns_differ(const struct fig *a, const struct fig *b)
{
	if (a->what >= 0 && b->what >= 0 && a->noun && b->noun)
		return a->what != b->what;
	if (a->unit[0] != '\0' && b->unit[0] != '\0')
		return strcmp(a->unit, b->unit) != 0;
	return 0;
}

/* The parts of breakdown i, figs[i..b) (whole w), that go into its sum:
 * 1 in in[j - i].  When the parts count different things, those that
 * count what the whole counts ("168 đơn, gồm 145 đơn mới và 23 đơn do 03
 * xã cũ bàn giao": not the 03 xã); none when the whole says nothing of
 * it ("18 buổi/41 lượt/46 người" are no parts of one sum).  None either
 * when some parts say which things are counted and others what was done
 * with them ("131 đơn; trong đó thuộc thẩm quyền 88 đơn, đã giải quyết
 * 65 đơn"): that is no one split of the whole.  Returns how many. */
static size_t
summed_parts(const struct state *st, size_t i, size_t b,
    const struct fig *w, char *in)
{
	const struct lex *x = st->lex;
	int mixed = 0, attr = 0, outcome = 0;
	size_t j, k, n = 0;

	for (j = i; j < b && !mixed; j++)
		for (k = i; k < j && !mixed; k++)
			mixed = st->figs[j].first_part == (long)i &&
			    st->figs[k].first_part == (long)i &&
			    nouns_differ(&st->figs[j], &st->figs[k]);
	if (mixed && w->unit[0] == '\0' && !(w->what >= 0 && w->noun))
		return 0;
	for (j = i; j < b; j++) {
		const struct fig *p = &st->figs[j];

		in[j - i] = p->first_part == (long)i &&
		    !(mixed && nouns_differ(p, w));
		if (!in[j - i])
			continue;
		n++;
		if (p->state >= 0 && (x->attr[LEX_STATE] >> p->state & 1))
			attr = 1;
		if (p->state >= 0 && (x->outcome[LEX_STATE] >> p->state & 1))
			outcome = 1;
	}
	return attr && outcome ? 0 : n;
}

/* Are the parts of breakdown i written over the whole, as a rule ("186
 * đơn, gồm 14/186 ..., 163/186")?  Then a part over another number is
 * written over the wrong one; parts each over their own base ("81 đơn;
 * trong đó khiếu nại 03/04 đơn, kiến nghị 64/71 đơn") are not. */
static int
over_the_whole(const struct state *st, size_t i, size_t b,
    const struct fig *w)
{
	size_t j;

	for (j = i; j < b; j++) {
		const struct fig *p = &st->figs[j];

		if (p->first_part == (long)i && p->fraction &&
		    dec_cmp(&p->denom, &w->value) == 0)
			return 1;
	}
	return 0;
}

/*
 * Breakdowns, as the reading found them: the parts of each one (the
 * figures with the same first part) against their whole, when they count
 * what it counts and split it one way.  A part written as a fraction is
 * also checked against the whole, when the others are written over it.
 * A whole written in words ("không có hồ sơ trễ hạn") is broken down by
 * nothing after it.
 */
void
breakdowns(struct state *st, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++) {
		struct fig *p1 = &st->figs[i], *w;
		struct buf terms = { 0 }, t1 = { 0 }, t2 = { 0 };
		struct dec sum;
		size_t nparts;
		int exact = 1, c, over;
		char *in;

		if (p1->first_part != (long)i || p1->whole < 0)
			continue;
		w = &st->figs[p1->whole];
		if (w->verbal)
			continue;
		over = w->exact && over_the_whole(st, i, b, w);
		in = xmalloc(b - i);
		nparts = summed_parts(st, i, b, w, in);
		dec_zero(&sum);
		for (j = i; j < b; j++) {
			struct fig *x = &st->figs[j];

			if (x->first_part != (long)i)
				continue;
			if (nparts > 0 && in[j - i]) {
				exact &= x->exact;
				dec_add(&sum, &x->value);
				if (terms.n > 0)
					buf_adds(&terms, " + ");
				buf_adds(&terms, x->raw);
			}
			if (over && x->fraction &&
			    dec_cmp(&x->denom, &w->value) != 0) {
				buf_clear(&t1);
				dec_format(&x->denom, &t1);
				add_finding(st, x, R_BASE, x->ind, &w->value,
				    NULL, &x->denom, "%s is written over %s, but the "
				    "total it is part of is %s (line %zu)",
				    x->raw, t1.p, w->raw, w->line);
			}
		}
		c = dec_cmp(&sum, &w->value);
		if (nparts > 0 && exact && w->exact &&
		    (c > 0 || (c != 0 && p1->marker == 2 && nparts >= 2))) {
			dec_format(&sum, &t2);
			add_finding(st, p1, R_PARTS, w->ind, &w->value, NULL,
			    &sum, "%s: %s = %s %s %s (line %zu)", p1->marker == 2 ?
			    "complete breakdown" : "parts", terms.p, t2.p,
			    c > 0 ? ">" : "<", w->raw, w->line);
		}
		free(in);
		buf_free(&terms);
		buf_free(&t1);
		buf_free(&t2);
	}
}

/* The decimal 10^-d. */
static void
unit_place(struct dec *u, int d)
{
	char s[64];
	int k;

	if (d <= 0) {
		dec_parse(u, "1", 1);
		return;
	}
	if (d > 30)
		d = 30;
	s[0] = '0';
	s[1] = '.';
	for (k = 0; k < d - 1; k++)
		s[2 + k] = '0';
	s[2 + k] = '1';
	dec_parse(u, s, (size_t)(3 + k));
}

/*
 * A stated rate against num/den: consistent when within one unit of its
 * last written digit (rounded or cut), on the side its qualifier allows.
 */
void
check_rate(struct state *st, const struct fig *p, const struct fig *c,
    const struct dec *num, const struct dec *den, const char *how)
{
	struct dec e, n100, diff, tol;
	struct buf b = { 0 }, t[3] = { { 0 }, { 0 }, { 0 } };
	int bad;

	if (dec_is_zero(den))
		return;
	n100 = *num;
	if (dec_mul_u32(&n100, 100) != DEC_OK ||
	    dec_div(&e, &n100, den, p->decimals + 3) != DEC_OK)
		return;
	unit_place(&tol, p->decimals);
	if (p->qual == FQ_APPROX && p->decimals == 0)
		dec_parse(&tol, "2", 1);
	if (dec_sub(&diff, &p->value, &e) != DEC_OK)
		return;
	if (p->qual == FQ_MIN)		/* trên X%: e > X - tol */
		bad = diff.neg == 0 && dec_cmp(&diff, &tol) >= 0;
	else if (p->qual == FQ_MAX)
		bad = diff.neg && (diff.neg = 0, dec_cmp(&diff, &tol) >= 0);
	else {
		diff.neg = 0;
		bad = dec_cmp(&diff, &tol) >= 0;
	}
	if (!bad)
		return;
	dec_format_fixed(&e, 2, &b);
	add_finding(st, p, R_PERCENT, p->ind, NULL, b.p, &p->value,
	    "%s%%%s stated; %s / %s = %s%% (%s%s)", dtext(&p->value, &t[0]),
	    p->qual == FQ_EXACT ? "" : " (qualified)",
	    dtext(num, &t[1]), dtext(den, &t[2]), b.p, how,
	    c->line != p->line ? ", other line" : "");
	buf_free(&b);
	buf_free(&t[0]);
	buf_free(&t[1]);
	buf_free(&t[2]);
}

/*
 * Rates: each percentage the reading linked to a count is checked against
 * that count's fraction, or against the count's base as the reading found
 * it (the figure named as the base, the whole of its breakdown, the figure
 * its bracket follows, an earlier part of the same kind).
 */
void
rates(struct state *st, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		struct fig *p = &st->figs[i], *c, *w = NULL;
		char how[256];

		if (!p->percent || p->rate_of < 0)
			continue;
		c = &st->figs[p->rate_of];
		if (c->fraction) {
			snprintf(how, sizeof(how), "written %s", c->raw);
			check_rate(st, p, c, &c->value, &c->denom, how);
			continue;
		}
		if (!c->exact)
			continue;
		if (p->base >= 0)
			w = &st->figs[p->base];
		/* A base smaller than its count is no base. */
		if (w == NULL || !w->exact || dec_cmp(&w->value, &c->value) < 0)
			continue;
		snprintf(how, sizeof(how), "%s of %s at line %zu", c->raw,
		    w->raw, w->line);
		check_rate(st, p, c, &c->value, &w->value, how);
	}
}

/* A result over its plan ("467/300 lao động, đạt 155,6% kế hoạch"): the
 * fraction is no part of a whole. */
static int
over_plan(const struct state *st, size_t i, size_t b)
{
	size_t k;

	for (k = i + 1; k < b; k++)
		if (st->figs[k].rate_of == (long)i && st->figs[k].attain)
			return 1;
	return 0;
}

void
numerators(struct state *st, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		struct fig *x = &st->figs[i];
		size_t len;

		if (!x->fraction || dec_cmp(&x->value, &x->denom) <= 0 ||
		    words_find(WL_RATE_WORD, x->gap, strlen(x->gap), &len) >= 0 ||
		    over_plan(st, i, b))
			continue;
		add_finding(st, x, R_NUMER, x->ind, &x->denom, NULL,
		    &x->value, "%s %s: the part is larger than what it is a part of",
		    x->raw, x->unit_text);
	}
}
