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
#include "cli.h"
#include "csvin.h"
#include "csvout.h"
#include "dec.h"
#include "diag.h"
#include "utf8.h"
#include "vnum.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-check [-z] [-r RULES] [--stats] [--bad-rows FILE] [FILE ...]"
#define PART_GAP 72	/* folded bytes at most between two parts of a list */
#define RATE_GAP 40	/* ... between a count and the rate that follows it */

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
	const char *bad_rows;
};

/* One mention, and what the line's reading finds out about it. */
struct fig {
	char *f[NREQ];
	size_t line;
	struct dec value, denom;
	int fraction, percent, exact, decimals;
	char *gap;		/* folded words since the previous figure */
	int same_clause;	/* no ';' or '. ' between them */
	int depth;		/* brackets open at the figure */
	int marker;		/* gap opens a breakdown: 1 partial, 2 complete */
	int marker_depth;
	long whole;		/* the figure this one is a part of, or -1 */
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
"  -z, --gzip            write gzip\n"
"      --bom             start with a UTF-8 byte-order mark\n"
"      --stats           print rows read and findings per rule on stderr\n"
"      --bad-rows FILE   write unreadable rows to FILE and go on\n"
"  -h, --help            this help\n"
"  -V, --version         version\n"
"\n"
"  baocao-extract r.txt | baocao-normalize --scope all | baocao-check\n";

enum { OPT_STATS = CHAR_MAX + 1, OPT_BAD_ROWS, OPT_BOM };

static const struct option longopts[] = {
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "rules", required_argument, NULL, 'r' },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* ---- reading ---- */

static int
has_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	for (p = strstr(s, w); p != NULL; p = strstr(p + 1, w)) {
		int left = p == s || !((p[-1] >= 'a' && p[-1] <= 'z'));
		int right = !((p[n] >= 'a' && p[n] <= 'z'));

		if (left && right)
			return 1;
	}
	return 0;
}

/* Where the last breakdown marker in s starts, and its kind. */
static const char *
find_marker(const char *s, int *kind)
{
	static const struct {
		const char *w;
		int kind;	/* 1 partial, 2 complete */
	} mk[] = { { "trong do", 1 }, { "trong so do", 1 }, { "trong so nay", 1 },
		{ "cu the", 1 }, { "gom", 2 }, { "bao gom", 2 }, { "gom co", 2 } };
	const char *best = NULL, *p;
	size_t i;

	*kind = 0;
	for (i = 0; i < sizeof(mk) / sizeof(mk[0]); i++)
		for (p = strstr(s, mk[i].w); p != NULL; p = strstr(p + 1, mk[i].w))
			if ((p == s || !(p[-1] >= 'a' && p[-1] <= 'z')) &&
			    has_word(p, mk[i].w) && (best == NULL || p > best)) {
				best = p;
				*kind = mk[i].kind;
			}
	return best;
}

static int
parens(const char *s, size_t n)
{
	int d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		d += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
	return d;
}

/* The last place raw occurs in s as a whole figure, or NULL. */
static const char *
find_raw(const char *s, const char *raw)
{
	size_t n = strlen(raw);
	const char *p, *last = NULL;

	if (n == 0)
		return NULL;
	for (p = strstr(s, raw); p != NULL; p = strstr(p + 1, raw)) {
		char a = p > s ? p[-1] : ' ', b = p[n];

		if ((a >= '0' && a <= '9') || (b >= '0' && b <= '9'))
			continue;
		last = p;
	}
	return last;
}

static void
fold_into(struct buf *b, const char *s)
{
	u8_fold(b, s, strlen(s));
}

/*
 * Reads the gap before each text figure of one line, figs[a..b): the words
 * since the previous figure when both sit in one clause, else the rest of
 * the previous clause and the start of this one.
 */
static void
read_line(struct state *st, size_t a, size_t b)
{
	struct buf g = { 0 };
	size_t i;
	int depth = 0;

	for (i = a; i < b; i++) {
		struct fig *x = &st->figs[i], *p = i > a ? &st->figs[i - 1] : NULL;
		const char *before = x->f[C_BEFORE], *at = NULL;
		int kind, gdepth;
		size_t tail_from = 0;
		const char *m;

		buf_clear(&g);
		if (p != NULL && (at = find_raw(before, p->f[C_RAW])) != NULL) {
			x->same_clause = 1;
			buf_adds(&g, at + strlen(p->f[C_RAW]));
		} else if (p != NULL) {
			buf_add(&g, p->f[C_UNIT_TEXT], strlen(p->f[C_UNIT_TEXT]));
			buf_adds(&g, p->f[C_AFTER]);
			buf_adds(&g, " ; ");
			tail_from = g.n;
			buf_adds(&g, before);
		} else
			buf_adds(&g, before);
		buf_clear(&st->tmp);
		if (g.n > 0)
			u8_fold(&st->tmp, g.p, g.n);
		x->gap = xstrdup(st->tmp.p == NULL ? "" : st->tmp.p);
		m = find_marker(x->gap, &kind);
		/* A marker opens a breakdown in the clause of the figure. */
		if (m != NULL && (x->same_clause || tail_from == 0 ||
		    strstr(x->gap, " ; ") < m)) {
			x->marker = kind;
			gdepth = depth + parens(x->gap, (size_t)(m - x->gap));
			x->marker_depth = gdepth < 0 ? 0 : gdepth;
		}
		depth += parens(x->gap, strlen(x->gap));
		if (depth < 0)
			depth = 0;
		x->depth = depth;
	}
	buf_free(&g);
}

/*
 * Two figures count the same things: the same canonical unit, or a bare
 * figure ("19, trong đó ... 13, đạt") beside a counted one, or, with no
 * canonical unit, the same first word of the noun.
 */
static int
units_fit(const struct fig *a, const struct fig *b)
{
	const char *ua = a->f[C_UNIT_TEXT], *ub = b->f[C_UNIT_TEXT];
	size_t na = strcspn(ua, " "), nb = strcspn(ub, " ");

	if (a->f[C_UNIT][0] != '\0' && b->f[C_UNIT][0] != '\0')
		return strcmp(a->f[C_UNIT], b->f[C_UNIT]) == 0;
	if (ua[0] == '\0' || ub[0] == '\0')
		return 1;
	return na == nb && strncmp(ua, ub, na) == 0;
}

/* "(chiếm 78%) trên tổng số 3.105": the words between rate and base. */
static int
names_base(const char *gap)
{
	while (*gap == ' ' || *gap == ')')
		gap++;
	return strcmp(gap, "tren tong so ") == 0 ||
	    strcmp(gap, "tren tong so la ") == 0 ||
	    strcmp(gap, "tren tong so: ") == 0 || strcmp(gap, "tren ") == 0;
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

/* Text of a decimal, in a small rotating buffer for messages. */
static const char *
dtext(const struct dec *d)
{
	static char ring[8][128];
	static int k;
	struct buf b = { 0 };
	char *s = ring[k++ & 7];

	dec_format(d, &b);
	snprintf(s, 128, "%s", b.p == NULL ? "0" : b.p);
	buf_free(&b);
	return s;
}

/* ---- the rules on text ---- */

/* Breakdowns: marks each part with its whole; checks the sums. */
static void
breakdowns(struct state *st, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++) {
		struct fig *p1 = &st->figs[i], *w = NULL;
		struct dec sum;
		struct buf terms = { 0 };
		size_t nparts = 0, k;
		int depth, exact = 1;
		long wi = -1;

		if (p1->marker == 0 || p1->percent)
			continue;
		depth = p1->marker_depth;
		for (k = i; k-- > a;) {
			struct fig *q = &st->figs[k];

			if (q->percent || q->depth > depth)
				continue;
			if (!units_fit(q, p1) || q->fraction)
				break;
			w = q;
			wi = (long)k;
			break;
		}
		if (w == NULL)
			continue;
		dec_zero(&sum);
		for (j = i; j < b; j++) {
			struct fig *x = &st->figs[j];

			if (j > i) {
				if (x->depth < depth || (x->depth == depth &&
				    !x->same_clause && depth == w->depth))
					break;
				if (x->depth > depth || x->percent)
					continue;
				if (strlen(x->gap) > PART_GAP || x->marker)
					break;
			}
			if (!units_fit(x, w))
				break;
			/* A figure that opens a breakdown of its own, not in
			 * brackets, is a new whole: the list ended before it. */
			if (j > i && j + 1 < b && st->figs[j + 1].marker &&
			    st->figs[j + 1].marker_depth == depth)
				break;
			x->whole = wi;
			exact &= x->exact;
			dec_add(&sum, &x->value);
			if (terms.n > 0)
				buf_adds(&terms, " + ");
			buf_adds(&terms, x->f[C_RAW]);
			nparts++;
			if (x->fraction && dec_cmp(&x->denom, &w->value) != 0 &&
			    w->exact)
				add_finding(st, x, R_BASE, x->f[C_IND], &w->value,
				    NULL, &x->denom, "%s is written over %s, but the "
				    "total it is part of is %s (line %zu)",
				    x->f[C_RAW], dtext(&x->denom), w->f[C_RAW],
				    w->line);
		}
		if (nparts > 0 && exact && w->exact) {
			int c = dec_cmp(&sum, &w->value);

			if (c > 0 || (c != 0 && p1->marker == 2 && nparts >= 2))
				add_finding(st, p1, R_PARTS, w->f[C_IND], &w->value,
				    NULL, &sum, "%s: %s = %s %s %s (line %zu)",
				    p1->marker == 2 ? "complete breakdown" :
				    "parts", terms.p, dtext(&sum), c > 0 ? ">" :
				    "<", w->f[C_RAW], w->line);
		}
		buf_free(&terms);
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
	struct buf b = { 0 };
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
	    "%s%%%s stated; %s / %s = %s%% (%s%s)", dtext(&p->value),
	    strcmp(p->f[C_QUAL], "exact") == 0 ? "" : " (qualified)",
	    dtext(num), dtext(den), b.p, how, c->line != p->line ? ", other line" : "");
	buf_free(&b);
}

/*
 * The words between a count and a rate say the rate is the count's share:
 * after the count's noun, only "(", ",", ":" and đạt, chiếm, tỷ lệ, bằng
 * (and a qualifier).  "khiếu nại 09 đơn, đã giải quyết xong đạt 74,8%" is
 * another share.
 */
static int
rate_link(const char *gap, const char *unit_text, struct buf *tmp)
{
	static const char *const ok[] = { "dat", "chiem", "ty", "ti", "le",
		"bang", "khoang", "tren", "gan", "duoi", "hon", "la", NULL };
	const char *p;
	size_t k, n;

	buf_clear(tmp);
	fold_into(tmp, unit_text);
	while (*gap == ' ')
		gap++;
	if (tmp->n > 0 && strncmp(gap, tmp->p, tmp->n) == 0)
		gap += tmp->n;
	for (p = gap; *p != '\0'; p += n) {
		if (strchr(" (,:", *p) != NULL) {
			n = 1;
			continue;
		}
		n = strcspn(p, " (,:");
		for (k = 0; ok[k] != NULL; k++)
			if (strlen(ok[k]) == n && strncmp(p, ok[k], n) == 0)
				break;
		if (ok[k] == NULL)
			return 0;
	}
	return 1;
}

/* Rates: the count a percentage follows, and that count's base. */
static void
rates(struct state *st, size_t a, size_t b)
{
	size_t i, k;

	for (i = a + 1; i < b; i++) {
		struct fig *p = &st->figs[i], *c = &st->figs[i - 1], *w = NULL;
		char how[256];

		if (!p->percent || c->percent || !p->same_clause ||
		    strlen(p->gap) > RATE_GAP ||
		    !rate_link(p->gap, c->f[C_UNIT_TEXT], &st->tmp))
			continue;
		if (c->fraction) {
			snprintf(how, sizeof(how), "written %s", c->f[C_RAW]);
			check_rate(st, p, c, &c->value, &c->denom, how);
			continue;
		}
		if (!c->exact)
			continue;
		/* "2.412 hồ sơ (chiếm 78%) trên tổng số 3.105" */
		if (i + 1 < b && names_base(st->figs[i + 1].gap) &&
		    st->figs[i + 1].same_clause && units_fit(c, &st->figs[i + 1]))
			w = &st->figs[i + 1];
		/* A part of a breakdown: of its whole. */
		else if (c->whole >= 0)
			w = &st->figs[c->whole];
		/* In brackets after a count: of that count. */
		else if (c->depth > 0) {
			for (k = i - 1; k-- > a;) {
				struct fig *q = &st->figs[k];

				if (q->percent || q->depth > c->depth - 1)
					continue;
				if (q->depth == c->depth - 1 && units_fit(q, c) &&
				    !q->fraction)
					w = q;
				break;
			}
		}
		/* Of the same kind named earlier in the line as a part. */
		if (w == NULL && c->f[C_IND][0] != '\0')
			for (k = i - 1; k-- > a;) {
				struct fig *q = &st->figs[k];

				if (q->whole >= 0 && !q->percent &&
				    strcmp(q->f[C_IND], c->f[C_IND]) == 0 &&
				    strcmp(q->f[C_UNIT], c->f[C_UNIT]) == 0 &&
				    dec_cmp(&q->value, &c->value) >= 0) {
					w = q;
					break;
				}
			}
		if (w == NULL || !w->exact)
			continue;
		snprintf(how, sizeof(how), "%s of %s at line %zu", c->f[C_RAW],
		    w->f[C_RAW], w->line);
		check_rate(st, p, c, &c->value, &w->value, how);
	}
}

static void
numerators(struct state *st, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		struct fig *x = &st->figs[i];

		if (!x->fraction || dec_cmp(&x->value, &x->denom) <= 0 ||
		    has_word(x->gap, "ty le") || has_word(x->gap, "ti le"))
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
		    t->f[C_ROW], t->f[C_COL], t->f[C_RAW], rows, dtext(&sum));
	}
}

/* Words before a figure with digits dropped: the last three, folded. */
static void
phrase(struct buf *out, const struct fig *x)
{
	struct buf f = { 0 };
	const char *p, *w[3] = { NULL, NULL, NULL };
	size_t k;

	fold_into(&f, x->f[C_BEFORE]);
	buf_clear(out);
	for (p = f.p == NULL ? "" : f.p; *p != '\0';) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if ((*p >= 'a' && *p <= 'z')) {
			w[0] = w[1];
			w[1] = w[2];
			w[2] = p;
		}
		while (*p != '\0' && *p != ' ')
			p++;
	}
	for (k = 0; k < 3; k++)
		if (w[k] != NULL) {
			size_t n = strcspn(w[k], " ");

			buf_add(out, w[k], n);
			buf_addc(out, ' ');
		}
	buf_addc(out, '|');
	fold_into(out, x->f[C_UNIT_TEXT]);
	buf_free(&f);
}

static void
restatements(struct state *st)
{
	struct buf ka = { 0 }, kb = { 0 };
	size_t i, j;

	for (i = 0; i < st->n; i++) {
		struct fig *x = &st->figs[i];
		int xt = strcmp(x->f[C_SOURCE], "text") == 0;

		if (!xt || strcmp(x->f[C_SCOPE], "reporter") != 0 ||
		    x->f[C_IND][0] == '\0' || !x->exact || x->whole >= 0)
			continue;
		/* The document's figure for the indicator is its first
		 * reporter mention (as normalize keeps it). */
		for (j = 0; j < i; j++)
			if (strcmp(st->figs[j].f[C_SCOPE], "reporter") == 0 &&
			    strcmp(st->figs[j].f[C_SOURCE], "text") == 0 &&
			    strcmp(st->figs[j].f[C_IND], x->f[C_IND]) == 0)
				break;
		if (j < i)
			continue;
		buf_clear(&ka);		/* x's phrase, made when first needed */
		for (j = 0; j < st->n; j++) {
			struct fig *y = &st->figs[j];
			int ytotal = strcmp(y->f[C_SCOPE], "table-total") == 0;

			if (j == i || !y->exact || y->whole >= 0 ||
			    strcmp(y->f[C_IND], x->f[C_IND]) != 0 ||
			    strcmp(y->f[C_UNIT], x->f[C_UNIT]) != 0 ||
			    dec_cmp(&y->value, &x->value) == 0)
				continue;
			if (ytotal) {
				if (!is_whole_cell(y))
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
			    strcmp(y->f[C_SCOPE], "reporter") != 0)
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
			for (i = a; i < b; i++)
				st->figs[i].gap = xstrdup("");
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
	x->whole = -1;
	x->line = strtoul(x->f[C_LINE], NULL, 10);
	if (dec_parse(&x->value, x->f[C_VALUE], strlen(x->f[C_VALUE])) != DEC_OK) {
		/* Not a figure this can reason about; it is still counted. */
		for (k = 0; k < NREQ; k++)
			free(x->f[k]);
		st->bad_values++;
		warn_at(csvin_name(st->in), csvin_line(st->in),
		    "value '%.40s' is not a number; row skipped", x->f[C_VALUE]);
		return;
	}
	x->percent = strcmp(x->f[C_UNIT], "percent") == 0;
	x->exact = strcmp(x->f[C_QUAL], "exact") == 0;
	if (vnum_parse(&v, x->f[C_RAW], strlen(x->f[C_RAW])) == 0 && v.fraction) {
		x->fraction = 1;
		x->denom = v.denom;
	}
	x->decimals = decimals_of(x->f[C_RAW], x->f[C_VALUE]);
	st->n++;
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	FILE *bad = NULL;
	size_t i, n;
	int c;

	diag_init(argv[0]);
	for (i = 0; i < R_N; i++)
		o.on[i] = 1;
	while ((c = getopt_long(argc, argv, "Vhr:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'r': {
			char **v = cli_split(optarg, &n);
			size_t k;

			memset(o.on, 0, sizeof(o.on));
			for (i = 0; i < n; i++) {
				for (k = 0; k < R_N; k++)
					if (strcmp(v[i], rule_name[k]) == 0)
						break;
				if (k == R_N)
					die(2, "option '--rules': unknown rule '%s'", v[i]);
				o.on[k] = 1;
			}
			cli_free_split(v, n);
			break;
		}
		case 'z':
			o.gzip = 1;
			break;
		case OPT_BOM:
			o.bom = 1;
			break;
		case OPT_STATS:
			o.stats = 1;
			break;
		case OPT_BAD_ROWS:
			o.bad_rows = optarg;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	argc -= optind;
	argv += optind;
	st.o = &o;
	bad = cli_open_bad_rows(o.bad_rows);
	st.in = csvin_open(argv, argc);
	csvin_set_bad_rows(st.in, bad);
	if (csvin_ncols(st.in) > 0 && csvin_col(st.in, "before") < 0 &&
	    csvin_col(st.in, "indicator") >= 0)
		die_at(2, csvin_name(st.in), 1, "column 'before' missing: "
		    "baocao-check reads 'baocao-normalize --scope all' output");
	csvin_require(st.in, required, st.idx, NREQ);
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	if (o.bom)
		csvout_bom(st.out);
	csvout_str(st.out, "doc");
	csvout_str(st.out, "line");
	csvout_str(st.out, "rule");
	csvout_str(st.out, "indicator");
	csvout_str(st.out, "expected");
	csvout_str(st.out, "actual");
	csvout_str(st.out, "detail");
	csvout_end(st.out);
	while (csvin_next(st.in))
		one_row(&st);
	end_doc(&st);
	csvout_close(st.out);
	cli_close_bad_rows(bad, o.bad_rows);
	n = 0;
	for (i = 0; i < R_N; i++)
		n += st.per_rule[i];
	if (o.stats) {
		cli_stat("rows read", st.rows);
		cli_stat("rows quarantined", csvin_bad_count(st.in));
		cli_stat("rows not a number", st.bad_values);
		cli_stat("documents", st.docs);
		for (i = 0; i < R_N; i++) {
			char what[64];

			snprintf(what, sizeof(what), "findings %s", rule_name[i]);
			cli_stat(what, st.per_rule[i]);
		}
	}
	csvin_close(st.in);
	free(st.figs);
	free(st.fnd);
	buf_free(&st.tmp);
	return n > 0 ? 1 : 0;
}
