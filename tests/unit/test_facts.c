/*
 * facts: the choice of each indicator's reporter figure (facts.h, in the
 * order it states), on mentions whose reading is set here by hand, so that
 * the choice is tested apart from the lexicon; then the reading of a few
 * plain sentences, and the flags and reading as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "lex.h"
#include "unit.h"
#include "vnum.h"
#include "xalloc.h"

/* A candidate of indicator ind, value val, the reporter's, in prose. */
static struct fact *
cand(struct facts *d, long ind, const char *val)
{
	struct fact *f = facts_add(d);

	f->ind = ind;
	dec_parse(&f->value, val, strlen(val));
	f->scope = SCOPE_REPORTER;
	f->line = d->n;
	return f;
}

/* Which mentions were chosen and flagged, as "c" chosen, "s" made sub,
 * "x" conflict, "-" none of those, one letter group per mention. */
static const char *
outcome(const struct facts *d)
{
	static char out[128];
	size_t i, k = 0;

	for (i = 0; i < d->n && k + 8 < sizeof(out); i++) {
		const struct fact *f = &d->f[i];
		size_t k0 = k;

		if (i > 0)
			out[k++] = ' ';
		k0 = k;
		if (f->chosen)
			out[k++] = 'c';
		if (f->scope == SCOPE_SUB)
			out[k++] = 's';
		if (f->flags & 1u << FLAG_CONFLICT)
			out[k++] = 'x';
		if (k == k0)
			out[k++] = '-';
	}
	out[k] = '\0';
	return out;
}

static const char *
choose(struct facts *d)
{
	facts_choose(d);
	return outcome(d);
}

static void
test_add(void)
{
	struct facts d = { 0 };
	struct fact *f;
	int i;

	for (i = 0; i < 100; i++) {
		f = facts_add(&d);
		f->raw = xstrdup("12");
		f->before = xstrdup("tiếp nhận");
	}
	CHECK(d.n == 100 && d.cap >= 100);
	/* a new mention: no indicator, no link, nothing read */
	CHECK(f->ind == -1 && f->conflict_with == -1 && f->rate_of == -1 &&
	    f->facet[0].val == -1 && f->facet[2].val == -1 && f->flags == 0 &&
	    f->scope == SCOPE_REPORTER && f->chosen == 0 && f->after == NULL);
	facts_clear(&d);
	CHECK(d.n == 0 && d.f != NULL);
	f = facts_add(&d);
	CHECK(f == &d.f[0] && f->raw == NULL);
	facts_free(&d);
	CHECK(d.f == NULL && d.n == 0 && d.cap == 0);
	facts_free(&d);
}

static void
test_choose(void)
{
	struct facts d = { 0 };
	struct fact *f;

	/* One mention: it. */
	cand(&d, 0, "5");
	CHECK_STR(choose(&d), "c");
	facts_clear(&d);
	/* The same value twice: the first, no conflict. */
	cand(&d, 0, "5");
	cand(&d, 0, "5.0");
	CHECK_STR(choose(&d), "c -");
	facts_clear(&d);
	/* Two values, nothing to tell them apart but the order: the first,
	 * both flagged, the other named. */
	cand(&d, 0, "5");
	cand(&d, 1, "9");
	cand(&d, 0, "7");
	CHECK_STR(choose(&d), "cx c x");
	CHECK(d.f[0].conflict_with == 2 && d.f[1].conflict_with == -1);
	facts_clear(&d);
	/* An analyst's correction first, wherever it is (a value that lost
	 * to it is no part: the two are flagged). */
	cand(&d, 0, "5");
	cand(&d, 0, "7")->flags |= 1u << FLAG_CORRECTED;
	CHECK_STR(choose(&d), "x cx");
	facts_clear(&d);
	/* The report's period before no time named; a part of it, another
	 * span: parts */
	cand(&d, 0, "5");
	cand(&d, 0, "30")->time = TIME_WHOLE;
	cand(&d, 0, "12")->time = TIME_PART;
	cand(&d, 0, "80")->time = TIME_OTHER;
	CHECK_STR(choose(&d), "s c s s");
	facts_clear(&d);
	/* the whole territory; the indicator's own words (broad is less);
	 * its own unit; not of one official */
	cand(&d, 0, "5");
	cand(&d, 0, "9")->whole = 1;
	CHECK_STR(choose(&d), "s c");
	facts_clear(&d);
	cand(&d, 0, "5")->broad = 1;
	cand(&d, 0, "9");
	cand(&d, 0, "11")->broad = 2;
	CHECK_STR(choose(&d), "s c s");
	facts_clear(&d);
	cand(&d, 0, "5")->other_unit = 1;
	cand(&d, 0, "9");
	CHECK_STR(choose(&d), "s c");
	facts_clear(&d);
	cand(&d, 0, "5")->actor = 1;
	cand(&d, 0, "9");
	CHECK_STR(choose(&d), "s c");
	facts_clear(&d);
	/* The total stated as such before the first mention; a value that
	 * lost only to that is a conflict, not a part. */
	cand(&d, 0, "5");
	cand(&d, 0, "9")->total = 1;
	CHECK_STR(choose(&d), "x cx");
	facts_clear(&d);
	/* The text before an appendix's total row; a total row that differs
	 * is a conflict; a table row is no candidate. */
	f = cand(&d, 0, "70");
	f->table = 1;
	f->scope = SCOPE_TABLE_TOTAL;
	cand(&d, 0, "9");
	f = cand(&d, 0, "3");
	f->table = 1;
	f->scope = SCOPE_TABLE_ROW;
	CHECK_STR(choose(&d), "x cx -");
	facts_clear(&d);
	/* A total row alone is the reporter's; a table's reporter figure
	 * only when corrected so. */
	f = cand(&d, 0, "70");
	f->table = 1;
	f->scope = SCOPE_TABLE_TOTAL;
	f = cand(&d, 1, "4");
	f->table = 1;
	CHECK_STR(choose(&d), "c -");
	d.f[1].flags |= 1u << FLAG_CORRECTED;
	d.f[0].chosen = 0;
	CHECK_STR(choose(&d), "c c");
	facts_clear(&d);
	/* A value within a qualified one's bound is no other value of it. */
	f = cand(&d, 0, "3600000000");
	f->qual = FQ_MIN;
	cand(&d, 0, "3612000000");
	CHECK_STR(choose(&d), "c -");
	facts_clear(&d);
	f = cand(&d, 0, "100");
	f->qual = FQ_MAX;
	cand(&d, 0, "98");
	cand(&d, 0, "103");
	CHECK_STR(choose(&d), "cx - x");
	facts_clear(&d);
	/* Several officials' values and no other: the parts of a total the
	 * report does not state; none is the reporter's. */
	cand(&d, 0, "12")->actor = 1;
	cand(&d, 0, "8")->actor = 1;
	CHECK_STR(choose(&d), "s s");
	facts_clear(&d);
	cand(&d, 0, "12")->time = TIME_PART;
	cand(&d, 0, "8")->time = TIME_PART;
	CHECK_STR(choose(&d), "s s");
	facts_clear(&d);
	/* ... but with the total stated too, the total */
	cand(&d, 0, "12")->actor = 1;
	cand(&d, 0, "8")->actor = 1;
	cand(&d, 0, "20");
	CHECK_STR(choose(&d), "s s c");
	facts_clear(&d);
	/* A mention of no indicator, or already a part, is no candidate. */
	cand(&d, -1, "5");
	cand(&d, 0, "6")->scope = SCOPE_SUB;
	cand(&d, 0, "7");
	CHECK_STR(choose(&d), "- s c");
	facts_clear(&d);
	/* Counts first, then rates: a rate of a count that lost to the
	 * stated total is that count's. */
	cand(&d, 0, "40");
	cand(&d, 0, "50")->total = 1;
	f = cand(&d, 1, "80");
	f->v.percent = 1;
	f->rate_of = 0;
	f = cand(&d, 1, "95");
	f->v.percent = 1;
	CHECK_STR(choose(&d), "x cx s c");
	facts_clear(&d);
	/* no mention at all */
	CHECK_STR(choose(&d), "");
	facts_free(&d);
}

static void
test_flags(void)
{
	struct buf b = { 0 };

	facts_flags(0, &b);
	CHECK(b.p != NULL && b.n == 0);
	facts_flags(1u << FLAG_CONFLICT | 1u << FLAG_OCR, &b);
	CHECK_STR(b.p, "conflict;ocr");
	buf_clear(&b);
	facts_flags((1u << FLAG_N) - 1, &b);
	CHECK_STR(b.p, "conflict;weak;approx;corrected;ocr;dropped");
	buf_free(&b);
	CHECK_STR(fact_scope_name[SCOPE_TABLE_TOTAL], "table-total");
	CHECK_STR(fact_qual_name[FQ_MIN], "min");
}

/* A mention as extract writes it; raw parsed. */
static struct fact *
said(struct facts *d, size_t line, const char *before, const char *raw,
    const char *unit, const char *after)
{
	struct fact *f = facts_add(d);

	f->line = line;
	f->section = xstrdup("I.1");
	f->heading = xstrdup("");
	f->row = xstrdup("");
	f->col = xstrdup("");
	f->before = xstrdup(before);
	f->raw = xstrdup(raw);
	f->unit = xstrdup(unit);
	f->after = xstrdup(after);
	CHECK(vnum_parse(&f->v, raw, strlen(raw)) == 0);
	return f;
}

static const char *
value(const struct fact *f)
{
	static struct buf b;

	buf_clear(&b);
	dec_format(&f->value, &b);
	return b.p;
}

/* The reading of plain sentences: the value exact, the qualifier and its
 * flag, the OCR flag, and a figure that is no indicator's. */
static void
test_read(void)
{
	struct lex *lx = lex_load(NULL);
	struct facts d = { 0 };
	struct buf b = { 0 };
	struct fact *f;

	d.lex = lx;
	said(&d, 10, "Tiếp nhận ", "1.642", "hồ sơ", " hồ sơ.");
	said(&d, 11, "Tiếp nhận khoảng ", "57", "đơn", " đơn khiếu nại.");
	f = said(&d, 12, "Tiếp nhận ", "8", "đơn", " đơn kiến nghị.");
	f->ocr = 1;
	said(&d, 13, "Nhiệt độ ", "35", "độ", " độ C.");
	facts_read(&d);
	CHECK_STR(value(&d.f[0]), "1642");
	CHECK(d.f[0].ind >= 0 && (d.f[0].flags & 1u << FLAG_APPROX) == 0);
	CHECK(d.f[0].qual == FQ_EXACT);
	CHECK(d.f[1].qual == FQ_APPROX);
	CHECK((d.f[1].flags & 1u << FLAG_APPROX) != 0);
	CHECK((d.f[2].flags & 1u << FLAG_OCR) != 0);
	CHECK((d.f[2].flags & 1u << FLAG_APPROX) == 0);
	CHECK(d.f[3].ind == -1);
	facts_reading(lx, &d.f[3], &b);
	CHECK(strncmp(b.p, "no rule", 7) == 0);
	buf_clear(&b);
	facts_reading(lx, &d.f[0], &b);
	CHECK(strncmp(b.p, "rule ", 5) == 0);
	buf_free(&b);
	facts_free(&d);
	lex_free(lx);
}

void
test_facts(void)
{
	test_add();
	test_choose();
	test_flags();
	test_read();
}
