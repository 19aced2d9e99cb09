/*
 * baocao-check: find the figures of a report that do not add up.
 *
 * Input: normalize's output with --scope all (every mention, with
 * extract's context columns).  Output: one row per finding,
 *	doc,line,rule,indicator,expected,actual,detail
 * Exit 0 when nothing was found, 1 when something was, 2 on trouble.
 *
 * The rules (see baocao-check(1) for each one's tolerance) look at the
 * figures of one line of text in order, and at the gap of words between
 * one figure and the next: a breakdown marker ("trong đó", "gồm") makes
 * the figures after it parts of the figure before it, brackets nest, and
 * a percentage is checked against the count it follows and that count's
 * base.  Tables are checked column by column against their total row.
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "clause.h"
#include "cli.h"
#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "dec.h"
#include "diag.h"
#include "lex.h"
#include "utf8.h"
#include "vnum.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-check [-z] [-r RULES] [--lexicon FILE] [--corrections FILE] [--stats] [--bad-rows FILE] [FILE ...]"
#define PART_GAP 72	/* folded bytes at most between two parts of a list */
#define RATE_GAP 40	/* ... between a count and the rate that follows it */
#define PHRASE_WORDS 4	/* words before a figure that say it is restated */

enum { C_DOC, C_LINE, C_IND, C_VALUE, C_UNIT, C_SCOPE, C_QUAL, C_RAW,
	C_SOURCE, C_ROW, C_COL, C_BEFORE, C_UNIT_TEXT, C_AFTER, NREQ };

static const char *const required[NREQ] = { "doc", "line", "indicator",
	"value", "unit", "scope", "qualifier", "raw", "source", "row_label",
	"col_label", "before", "unit_text", "after" };

enum rule { R_PERCENT, R_NUMER, R_PARTS, R_TABLE, R_RESTATE, R_BASE, R_N };
static const char *const rule_name[R_N] = { "percent-vs-fraction",
	"numerator-over-denominator", "parts-vs-whole", "table-total",
	"restatement", "fraction-base" };

struct opts {
	int gzip, stats, bom;
	int on[R_N];
	const char *bad_rows, *lexicon, *corrections;
};

/* One mention, and what the line's reading (common/clause) finds. */
struct fig {
	char *f[NREQ];
	size_t line;
	struct dec value, denom;
	int fraction, percent, exact, decimals, area;
	int chosen;		/* normalize chose it for its indicator */
	char *context;		/* the time, tier and official of its clause
				 * (normalize --scope all), as one key */
	int official;
	char *gap;		/* folded words since the previous figure */
	int marker;		/* its words open a breakdown: 1 partial, 2 complete */
	long whole, first_part;	/* a part: its whole, its breakdown's first */
	long rate_of, base;	/* a rate: its count and that count's base */
	int attain;		/* a rate of a plan ("đạt 155,6% kế hoạch") */
	char *qkey;		/* what it counts: its indicator, or the facets
				 * the reading found (what|kind|state) */
};

struct finding {
	size_t line, seq;
	enum rule rule;
	char *ind, *expected, *actual, *detail;
};

struct state {
	const struct opts *o;
	struct csvin *in;
	struct csvout *out;
	long idx[NREQ];
	struct fig *figs;
	size_t n, cap;
	struct finding *fnd;
	size_t nfnd, capfnd;
	unsigned long long rows, docs, per_rule[R_N], bad_values;
	struct lex *lex;
	struct corr *corr;
	long chosen;		/* the optional columns of --scope all */
	long time, tier, official;
	struct buf tmp;
};

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Reads normalize's output (--scope all) and writes one row per figure\n"
"that contradicts another in the same report:\n"
"  doc,line,rule,indicator,expected,actual,detail\n"
"Exit status 0 when nothing was found, 1 when something was, 2 on trouble.\n"
"\n"
"Rules: percent-vs-fraction, numerator-over-denominator, parts-vs-whole,\n"
"table-total, restatement, fraction-base (baocao-check(1) says what each\n"
"one checks and its tolerance).\n"
"\n"
"  -r, --rules LIST      run only these rules (comma-separated)\n"
"      --lexicon FILE    the lexicon the clauses are read with (default:\n"
"                        built in; as baocao-normalize --rules)\n"
"      --corrections FILE  an analyst's fixes (baocao-normalize(1))\n"
"  -z, --gzip            write gzip\n"
"      --bom             start with a UTF-8 byte-order mark\n"
"      --stats           print rows read and findings per rule on stderr\n"
"      --bad-rows FILE   write unreadable rows to FILE and go on\n"
"  -h, --help            this help\n"
"  -V, --version         version\n"
"\n"
"  baocao-extract r.txt | baocao-normalize --scope all | baocao-check\n";

enum { OPT_STATS = CHAR_MAX + 1, OPT_BAD_ROWS, OPT_LEXICON, OPT_CORRECTIONS,
	OPT_BOM };

static const struct option longopts[] = {
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "corrections", required_argument, NULL, OPT_CORRECTIONS },
	{ "lexicon", required_argument, NULL, OPT_LEXICON },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "rules", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* ---- reading ---- */

/*
 * What a figure counts, for comparing two statements of it: the indicator
 * when normalize gave one, else the facets the reading found ("tổng số
 * đơn phải giải quyết" is no indicator, but two values of it disagree).
 */
static char *
quantity_key(const struct lex *x, const struct fig *f,
    const struct clause_fig *c)
{
	struct buf b = { 0 };
	int cls;

	if (f->f[C_IND][0] != '\0')
		return xstrdup(f->f[C_IND]);
	if (c->f[LEX_WHAT].val < 0 || c->f[LEX_STATE].val < 0 ||
	    c->f[LEX_STATE].dist > DIST_SHARED)
		return xstrdup("");
	for (cls = 0; cls < 3; cls++) {
		buf_adds(&b, c->f[cls].val < 0 ? "-" : x->val[cls][c->f[cls].val]);
		buf_addc(&b, '|');
	}
	return b.p;
}

/* The figures of one line, figs[a..b), read by common/clause. */
static void
read_line(struct state *st, size_t a, size_t b)
{
	struct clause_in *in = xcalloc(b - a, sizeof(*in));
	struct clause_fig *cf = xcalloc(b - a, sizeof(*cf));
	size_t i;

	for (i = a; i < b; i++) {
		struct fig *x = &st->figs[i];
		struct clause_in *c = &in[i - a];

		c->before = span_of(x->f[C_BEFORE]);
		c->raw = span_of(x->f[C_RAW]);
		c->unit = span_of(x->f[C_UNIT_TEXT]);
		c->after = span_of(x->f[C_AFTER]);
		c->percent = x->percent;
		c->fraction = x->fraction;
		c->area = x->area;
	}
	clause_read(st->lex, in, b - a, cf);
	for (i = a; i < b; i++) {
		struct fig *x = &st->figs[i];
		struct clause_fig *c = &cf[i - a];

#define AT(k) ((k) < 0 ? -1 : (long)a + (k))
		x->gap = c->gap;
		c->gap = NULL;
		x->marker = c->marker;
		x->whole = AT(c->whole);
		x->first_part = AT(c->first_part);
		x->rate_of = AT(c->rate_of);
		x->base = AT(c->base);
#undef AT
		x->attain = (c->role & 1u << ROLE_ATTAIN) != 0;
		x->qkey = quantity_key(st->lex, x, c);
		clause_fig_free(c);
	}
	free(cf);
	free(in);
}

static int
has_word(const char *s, const char *w)
{
	return lex_contains(s, w);
}

static void
add_finding(struct state *st, const struct fig *at, enum rule r,
    const char *ind, const struct dec *expected, const char *exp_text,
    const struct dec *actual, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

static void
add_finding(struct state *st, const struct fig *at, enum rule r,
    const char *ind, const struct dec *expected, const char *exp_text,
    const struct dec *actual, const char *fmt, ...)
{
	struct finding *f;
	struct buf b = { 0 };
	va_list ap;

	if (!st->o->on[r])
		return;
	if (st->nfnd == st->capfnd) {
		st->capfnd = st->capfnd == 0 ? 16 : st->capfnd * 2;
		st->fnd = xreallocarray(st->fnd, st->capfnd, sizeof(*st->fnd));
	}
	f = &st->fnd[st->nfnd];
	f->line = at->line;
	f->seq = st->nfnd++;
	f->rule = r;
	f->ind = xstrdup(ind);
	if (exp_text != NULL)
		f->expected = xstrdup(exp_text);
	else {
		dec_format(expected, &b);
		f->expected = xstrdup(b.p);
	}
	buf_clear(&b);
	dec_format(actual, &b);
	f->actual = xstrdup(b.p);
	buf_clear(&b);
	va_start(ap, fmt);
	{
		char tmp[1024];

		vsnprintf(tmp, sizeof(tmp), fmt, ap);
		buf_adds(&b, tmp);
	}
	va_end(ap);
	f->detail = xstrdup(b.p);
	buf_free(&b);
	st->per_rule[r]++;
}

/* The text of a decimal, in a caller's buffer (cleared first). */
static const char *
dtext(const struct dec *d, struct buf *b)
{
	buf_clear(b);
	dec_format(d, b);
	return b->p == NULL ? "0" : b->p;
}

/* ---- the rules on text ---- */

/*
 * Breakdowns, as the reading found them: the parts of each one (the
 * figures with the same first part) against their whole.  A part
 * written as a fraction is also checked against the whole.
 */
static void
breakdowns(struct state *st, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++) {
		struct fig *p1 = &st->figs[i], *w;
		struct buf terms = { 0 }, t1 = { 0 }, t2 = { 0 };
		struct dec sum;
		size_t nparts = 0;
		int exact = 1, c;

		if (p1->first_part != (long)i || p1->whole < 0)
			continue;
		w = &st->figs[p1->whole];
		dec_zero(&sum);
		for (j = i; j < b; j++) {
			struct fig *x = &st->figs[j];

			if (x->first_part != (long)i)
				continue;
			exact &= x->exact;
			dec_add(&sum, &x->value);
			if (terms.n > 0)
				buf_adds(&terms, " + ");
			buf_adds(&terms, x->f[C_RAW]);
			nparts++;
			if (x->fraction && dec_cmp(&x->denom, &w->value) != 0 &&
			    w->exact) {
				buf_clear(&t1);
				dec_format(&x->denom, &t1);
				add_finding(st, x, R_BASE, x->f[C_IND], &w->value,
				    NULL, &x->denom, "%s is written over %s, but the "
				    "total it is part of is %s (line %zu)",
				    x->f[C_RAW], t1.p, w->f[C_RAW], w->line);
			}
		}
		c = dec_cmp(&sum, &w->value);
		if (nparts > 0 && exact && w->exact &&
		    (c > 0 || (c != 0 && p1->marker == 2 && nparts >= 2))) {
			dec_format(&sum, &t2);
			add_finding(st, p1, R_PARTS, w->f[C_IND], &w->value, NULL,
			    &sum, "%s: %s = %s %s %s (line %zu)", p1->marker == 2 ?
			    "complete breakdown" : "parts", terms.p, t2.p,
			    c > 0 ? ">" : "<", w->f[C_RAW], w->line);
		}
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
static void
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
	if (strcmp(p->f[C_QUAL], "approx") == 0 && p->decimals == 0)
		dec_parse(&tol, "2", 1);
	if (dec_sub(&diff, &p->value, &e) != DEC_OK)
		return;
	if (strcmp(p->f[C_QUAL], "min") == 0)	/* trên X%: e > X - tol */
		bad = diff.neg == 0 && dec_cmp(&diff, &tol) >= 0;
	else if (strcmp(p->f[C_QUAL], "max") == 0)
		bad = diff.neg && (diff.neg = 0, dec_cmp(&diff, &tol) >= 0);
	else {
		diff.neg = 0;
		bad = dec_cmp(&diff, &tol) >= 0;
	}
	if (!bad)
		return;
	dec_format_fixed(&e, 2, &b);
	add_finding(st, p, R_PERCENT, p->f[C_IND], NULL, b.p, &p->value,
	    "%s%%%s stated; %s / %s = %s%% (%s%s)", dtext(&p->value, &t[0]),
	    strcmp(p->f[C_QUAL], "exact") == 0 ? "" : " (qualified)",
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
static void
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
			snprintf(how, sizeof(how), "written %s", c->f[C_RAW]);
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
		snprintf(how, sizeof(how), "%s of %s at line %zu", c->f[C_RAW],
		    w->f[C_RAW], w->line);
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

static void
numerators(struct state *st, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		struct fig *x = &st->figs[i];

		if (!x->fraction || dec_cmp(&x->value, &x->denom) <= 0 ||
		    has_word(x->gap, "ty le") || has_word(x->gap, "ti le") ||
		    over_plan(st, i, b))
			continue;
		add_finding(st, x, R_NUMER, x->f[C_IND], &x->denom, NULL,
		    &x->value, "%s %s: the part is larger than what it is a part of",
		    x->f[C_RAW], x->f[C_UNIT_TEXT]);
	}
}

/* ---- tables and the whole document ---- */

static int
is_whole_cell(const struct fig *x)
{
	return x->f[C_BEFORE][0] == '\0' && x->f[C_AFTER][0] == '\0' &&
	    x->exact && !x->percent && !x->fraction;
}

/* One table, figs[a..b): each total row against its column's rows. */
static void
table(struct state *st, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++) {
		struct fig *t = &st->figs[i];
		struct dec sum;
		size_t rows = 0;
		int later = 0;

		if (strcmp(t->f[C_SCOPE], "table-total") != 0 || !is_whole_cell(t))
			continue;
		dec_zero(&sum);
		for (j = a; j < b; j++) {
			struct fig *x = &st->figs[j];

			if (strcmp(x->f[C_COL], t->f[C_COL]) != 0 || !is_whole_cell(x))
				continue;
			if (strcmp(x->f[C_SCOPE], "table-total") == 0) {
				later |= j > i;
				continue;
			}
			if (strcmp(x->f[C_SCOPE], "table-row") != 0)
				continue;
			dec_add(&sum, &x->value);
			rows++;
		}
		/* Subtotals are not checked: only the last total row. */
		if (later || rows < 2 || dec_cmp(&sum, &t->value) == 0)
			continue;
		add_finding(st, t, R_TABLE, t->f[C_IND], &sum, NULL, &t->value,
		    "%s row of column '%s' is %s; its %zu rows sum to %s",
		    t->f[C_ROW], t->f[C_COL], t->f[C_RAW], rows,
		    dtext(&sum, &st->tmp));
	}
}

/* Words before a figure with digits dropped: the label of a field the
 * clause starts with ("+ Chứng thực: 536 hồ sơ, đã giải quyết 530"), the
 * last PHRASE_WORDS, and its noun, folded. */
static void
phrase(struct buf *out, const struct fig *x)
{
	struct buf f = { 0 };
	const char *p, *w[PHRASE_WORDS] = { NULL }, *colon;
	size_t k;

	u8_fold(&f, x->f[C_BEFORE], strlen(x->f[C_BEFORE]));
	buf_clear(out);
	if (f.p != NULL && (colon = strchr(f.p, ':')) != NULL)
		buf_add(out, f.p, (size_t)(colon - f.p));
	buf_addc(out, '|');
	for (p = f.p == NULL ? "" : f.p; *p != '\0';) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if ((*p >= 'a' && *p <= 'z')) {
			memmove(w, w + 1, (PHRASE_WORDS - 1) * sizeof(*w));
			w[PHRASE_WORDS - 1] = p;
		}
		while (*p != '\0' && *p != ' ')
			p++;
	}
	for (k = 0; k < PHRASE_WORDS; k++)
		if (w[k] != NULL) {
			size_t n = strcspn(w[k], " ");

			buf_add(out, w[k], n);
			buf_addc(out, ' ');
		}
	buf_addc(out, '|');
	u8_fold(out, x->f[C_UNIT_TEXT], strlen(x->f[C_UNIT_TEXT]));
	buf_free(&f);
}

/*
 * The document's figure for an indicator in the text: the one normalize
 * chose (its 'chosen' column), or, when it chose an appendix total or
 * the column is absent, the first reporter mention in the text.
 */
static long
doc_figure(const struct state *st, const char *key)
{
	size_t j;

	for (j = 0; j < st->n; j++)
		if (st->figs[j].chosen && st->figs[j].qkey != NULL &&
		    strcmp(st->figs[j].qkey, key) == 0 &&
		    strcmp(st->figs[j].f[C_SOURCE], "text") == 0)
			return (long)j;
	for (j = 0; j < st->n; j++)
		if (strcmp(st->figs[j].f[C_SCOPE], "reporter") == 0 &&
		    strcmp(st->figs[j].f[C_SOURCE], "text") == 0 &&
		    st->figs[j].qkey != NULL && strcmp(st->figs[j].qkey, key) == 0)
			return (long)j;
	return -1;
}

/* Is sub-scope figure i the first of its quantity said in its words? */
static int
first_said(const struct state *st, size_t i)
{
	const struct fig *x = &st->figs[i];
	struct buf a = { 0 }, b = { 0 };
	size_t j;
	int first = 1;

	for (j = 0; j < i && first; j++) {
		const struct fig *y = &st->figs[j];

		if (y->qkey == NULL || strcmp(y->qkey, x->qkey) != 0 ||
		    strcmp(y->f[C_SCOPE], x->f[C_SCOPE]) != 0 ||
		    strcmp(y->f[C_SOURCE], "text") != 0)
			continue;
		if (a.n == 0)
			phrase(&a, x);
		phrase(&b, y);
		first = strcmp(a.p, b.p) != 0;
	}
	buf_free(&a);
	buf_free(&b);
	return first;
}

static void
restatements(struct state *st)
{
	struct buf ka = { 0 }, kb = { 0 };
	size_t i, j;

	for (i = 0; i < st->n; i++) {
		struct fig *x = &st->figs[i];
		int xt = strcmp(x->f[C_SOURCE], "text") == 0;

		int xsub = strcmp(x->f[C_SCOPE], "sub") == 0;

		/* The document's figure, or a part stated first in its words
		 * (one official's: "Chủ tịch đã tiếp 40 lượt"). */
		if (!xt || x->qkey == NULL || x->qkey[0] == '\0' || !x->exact ||
		    x->whole >= 0 || (xsub ? !x->official || !first_said(st, i) :
		    doc_figure(st, x->qkey) != (long)i))
			continue;
		buf_clear(&ka);		/* x's phrase, made when first needed */
		for (j = 0; j < st->n; j++) {
			struct fig *y = &st->figs[j];
			int ytotal = strcmp(y->f[C_SCOPE], "table-total") == 0;

			if (j == i || !y->exact || y->whole >= 0 ||
			    y->qkey == NULL || strcmp(y->qkey, x->qkey) != 0 ||
			    strcmp(y->f[C_UNIT], x->f[C_UNIT]) != 0 ||
			    dec_cmp(&y->value, &x->value) == 0)
				continue;
			if (ytotal) {
				if (!is_whole_cell(y) || xsub)
					continue;
				add_finding(st, x, R_RESTATE, x->f[C_IND], &y->value,
				    NULL, &x->value, "the text says %s; the table "
				    "total at line %zu says %s", x->f[C_RAW],
				    y->line, y->f[C_RAW]);
				continue;
			}
			/* Text against text: the same words before, the same
			 * noun after, on another line. */
			if (j < i || y->line == x->line ||
			    strcmp(y->f[C_SOURCE], "text") != 0 ||
			    strcmp(y->f[C_SCOPE], x->f[C_SCOPE]) != 0 ||
			    strcmp(y->context, x->context) != 0)
				continue;
			if (ka.n == 0)
				phrase(&ka, x);
			phrase(&kb, y);
			if (strcmp(ka.p, kb.p) != 0 || ka.n < 8)
				continue;
			add_finding(st, y, R_RESTATE, x->f[C_IND], &x->value, NULL,
			    &y->value, "stated as %s at line %zu and as %s here",
			    x->f[C_RAW], x->line, y->f[C_RAW]);
		}
	}
	buf_free(&ka);
	buf_free(&kb);
}

static int
by_line(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
free_doc(struct state *st)
{
	size_t i, k;

	for (i = 0; i < st->n; i++) {
		for (k = 0; k < NREQ; k++)
			free(st->figs[i].f[k]);
		free(st->figs[i].gap);
		free(st->figs[i].qkey);
		free(st->figs[i].context);
	}
	for (i = 0; i < st->nfnd; i++) {
		free(st->fnd[i].ind);
		free(st->fnd[i].expected);
		free(st->fnd[i].actual);
		free(st->fnd[i].detail);
	}
	st->n = st->nfnd = 0;
}

static void
end_doc(struct state *st)
{
	size_t a, b, i;

	if (st->n == 0)
		return;
	st->docs++;
	/* Text: line by line.  Tables: runs of table rows. */
	for (a = 0; a < st->n; a = b) {
		int text = strcmp(st->figs[a].f[C_SOURCE], "text") == 0;

		for (b = a + 1; b < st->n &&
		    strcmp(st->figs[b].f[C_SOURCE], st->figs[a].f[C_SOURCE]) == 0 &&
		    (text ? st->figs[b].line == st->figs[a].line :
		    st->figs[b].line <= st->figs[b - 1].line + 2); b++)
			;
		if (text) {
			read_line(st, a, b);
			breakdowns(st, a, b);
			rates(st, a, b);
			numerators(st, a, b);
		} else {
			for (i = a; i < b; i++) {
				st->figs[i].gap = xstrdup("");
				st->figs[i].qkey = xstrdup(st->figs[i].f[C_IND]);
			}
			table(st, a, b);
		}
	}
	restatements(st);
	if (st->nfnd > 1)	/* qsort(NULL, 0) is undefined */
		qsort(st->fnd, st->nfnd, sizeof(*st->fnd), by_line);
	for (i = 0; i < st->nfnd; i++) {
		struct finding *f = &st->fnd[i];

		csvout_str(st->out, st->figs[0].f[C_DOC]);
		csvout_ulong(st->out, f->line);
		csvout_str(st->out, rule_name[f->rule]);
		csvout_str(st->out, f->ind);
		csvout_str(st->out, f->expected);
		csvout_str(st->out, f->actual);
		csvout_str(st->out, f->detail);
		csvout_end(st->out);
	}
	free_doc(st);
}

static int
decimals_of(const char *raw, const char *value)
{
	const char *c = strrchr(raw, ','), *d = strchr(value, '.');
	int n = 0, m = 0;

	if (c != NULL)
		while (c[1 + n] >= '0' && c[1 + n] <= '9')
			n++;
	if (d != NULL)
		m = (int)strlen(d + 1);
	return n > m ? n : m;
}

/*
 * An analyst's correction of the figure (see baocao-normalize(1)): its
 * value, indicator and scope as corrected.  0 when it is dropped.
 */
static int
correct(struct state *st, struct fig *x)
{
	const struct corr_fix *c;
	size_t j, occ = 1;

	for (j = 0; j < st->n; j++)
		if (st->figs[j].line == x->line &&
		    strcmp(st->figs[j].f[C_RAW], x->f[C_RAW]) == 0)
			occ++;
	c = corr_find(st->corr, x->f[C_DOC], NULL, x->line, x->f[C_RAW], occ);
	if (c == NULL)
		return 1;
	if (c->drop)
		return 0;
	if (c->has_value)
		x->value = c->value;
	if (c->ind >= 0) {
		free(x->f[C_IND]);
		x->f[C_IND] = xstrdup(st->lex->ind[c->ind].id);
	}
	if (c->scope >= 0) {
		free(x->f[C_SCOPE]);
		x->f[C_SCOPE] = xstrdup(fact_scope_name[c->scope]);
	}
	return 1;
}

/* The context two statements of one quantity must share to be compared:
 * the time, the tier and the official their clauses name. */
static void
context_of(struct state *st, struct fig *x)
{
	struct buf b = { 0 };
	long c[3] = { st->time, st->tier, st->official };
	size_t k;

	for (k = 0; k < 3; k++) {
		if (c[k] >= 0) {
			struct span v = csvin_field(st->in, (size_t)c[k]);

			buf_add(&b, v.p, v.n);
		}
		buf_addc(&b, '|');
	}
	x->context = b.p;
}

static void
one_row(struct state *st)
{
	struct fig *x;
	struct vnum v;
	struct span s;
	size_t k;

	st->rows++;
	s = csvin_field(st->in, (size_t)st->idx[C_DOC]);
	if (st->n > 0 && (strlen(st->figs[0].f[C_DOC]) != s.n ||
	    memcmp(st->figs[0].f[C_DOC], s.p, s.n) != 0))
		end_doc(st);
	if (st->n == st->cap) {
		st->cap = st->cap == 0 ? 256 : st->cap * 2;
		st->figs = xreallocarray(st->figs, st->cap, sizeof(*st->figs));
	}
	x = &st->figs[st->n];
	memset(x, 0, sizeof(*x));
	for (k = 0; k < NREQ; k++) {
		s = csvin_field(st->in, (size_t)st->idx[k]);
		x->f[k] = xmemdup(s.p, s.n);
	}
	x->whole = x->first_part = x->rate_of = x->base = -1;
	x->chosen = st->chosen >= 0 && span_eq(csvin_field(st->in,
	    (size_t)st->chosen), "1");
	x->official = st->official >= 0 && span_eq(csvin_field(st->in,
	    (size_t)st->official), "1");
	context_of(st, x);
	x->line = strtoul(x->f[C_LINE], NULL, 10);
	if (dec_parse(&x->value, x->f[C_VALUE], strlen(x->f[C_VALUE])) != DEC_OK) {
		/* Not a figure this can reason about; it is still counted. */
		st->bad_values++;
		warn_at(csvin_name(st->in), csvin_line(st->in),
		    "value '%.40s' is not a number; row skipped", x->f[C_VALUE]);
		for (k = 0; k < NREQ; k++)
			free(x->f[k]);
		return;
	}
	x->percent = strcmp(x->f[C_UNIT], "percent") == 0;
	x->exact = strcmp(x->f[C_QUAL], "exact") == 0;
	if (vnum_parse(&v, x->f[C_RAW], strlen(x->f[C_RAW])) == 0) {
		x->fraction = v.fraction;
		x->denom = v.denom;
		x->area = v.area;
	}
	x->decimals = decimals_of(x->f[C_RAW], x->f[C_VALUE]);
	if (st->corr != NULL && !correct(st, x)) {
		for (k = 0; k < NREQ; k++)
			free(x->f[k]);
		return;
	}
	st->n++;
}

/* -r LIST: only these rules. */
static void
parse_rules(struct opts *o, const char *arg)
{
	char **v;
	size_t i, k, n;

	v = cli_split(arg, &n);
	memset(o->on, 0, sizeof(o->on));
	for (i = 0; i < n; i++) {
		for (k = 0; k < R_N; k++)
			if (strcmp(v[i], rule_name[k]) == 0)
				break;
		if (k == R_N)
			die(2, "option '--rules': unknown rule '%s'", v[i]);
		o->on[k] = 1;
	}
	cli_free_split(v, n);
}

/* Fills o from the command line; returns the index of the operands. */
static int
parse_opts(int argc, char *argv[], struct opts *o)
{
	size_t i;
	int c;

	for (i = 0; i < R_N; i++)
		o->on[i] = 1;
	while ((c = getopt_long(argc, argv, "Vhr:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'r':
			parse_rules(o, optarg);
			break;
		case 'z':
			o->gzip = 1;
			break;
		case OPT_BOM:
			o->bom = 1;
			break;
		case OPT_STATS:
			o->stats = 1;
			break;
		case OPT_BAD_ROWS:
			o->bad_rows = optarg;
			break;
		case OPT_LEXICON:
			o->lexicon = optarg;
			break;
		case OPT_CORRECTIONS:
			o->corrections = optarg;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	return optind;
}

static void
open_input(struct state *st, char **paths, int n, FILE *bad)
{
	static const char *const outcols[] = { "doc", "line", "rule",
		"indicator", "expected", "actual", "detail" };
	size_t k;

	st->in = csvin_open(paths, n);
	csvin_set_bad_rows(st->in, bad);
	if (csvin_ncols(st->in) > 0 && csvin_col(st->in, "before") < 0 &&
	    csvin_col(st->in, "indicator") >= 0)
		die_at(2, csvin_name(st->in), 1, "column 'before' missing: "
		    "baocao-check reads 'baocao-normalize --scope all' output");
	csvin_require(st->in, required, st->idx, NREQ);
	st->chosen = csvin_col(st->in, "chosen");
	st->time = csvin_col(st->in, "time");
	st->tier = csvin_col(st->in, "tier");
	st->official = csvin_col(st->in, "official");
	st->out = csvout_open(STDOUT_FILENO, st->o->gzip);
	if (st->o->bom)
		csvout_bom(st->out);
	for (k = 0; k < sizeof(outcols) / sizeof(outcols[0]); k++)
		csvout_str(st->out, outcols[k]);
	csvout_end(st->out);
}

static void
print_stats(const struct state *st)
{
	size_t i;

	cli_stat("rows read", st->rows);
	cli_stat("rows quarantined", csvin_bad_count(st->in));
	cli_stat("rows not a number", st->bad_values);
	cli_stat("documents", st->docs);
	for (i = 0; i < R_N; i++) {
		char what[64];

		snprintf(what, sizeof(what), diag_text("findings %s"),
		    rule_name[i]);
		cli_stat(what, st->per_rule[i]);
	}
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	FILE *bad = NULL;
	size_t i, n = 0;
	int first;

	diag_init(argv[0]);
	first = parse_opts(argc, argv, &o);
	st.o = &o;
	st.lex = lex_load(o.lexicon);
	if (o.corrections != NULL)
		st.corr = corr_load(o.corrections, st.lex);
	bad = cli_open_bad_rows(o.bad_rows);
	open_input(&st, argv + first, argc - first, bad);
	while (csvin_next(st.in))
		one_row(&st);
	end_doc(&st);
	csvout_close(st.out);
	cli_close_bad_rows(bad, o.bad_rows);
	for (i = 0; i < R_N; i++)
		n += st.per_rule[i];
	if (o.stats)
		print_stats(&st);
	csvin_close(st.in);
	free(st.figs);
	free(st.fnd);
	if (st.corr != NULL)
		corr_warn_unused(st.corr);
	corr_free(st.corr);
	lex_free(st.lex);
	buf_free(&st.tmp);
	return n > 0 ? 1 : 0;
}
