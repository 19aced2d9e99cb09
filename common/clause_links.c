/*
 * clause: the links between the figures of one line (see clause.h and
 * clause_int.h): brackets and their depth, the markers that open a
 * breakdown and its parts, the figure a bracket follows, the count a rate
 * is a share of and its base, the items of a list, the end of a range;
 * and what a figure takes from the one it is linked to.
 */
#include <stdlib.h>
#include <string.h>

#include "clause_int.h"
#include "words.h"

static int parens(const char *s, size_t n);
static int walk_parens(int depth, const char *s, size_t n);
static int person_like(const struct lex *x, int what);
static int units_fit(const struct lex *x, const struct clause_fig *a, const struct clause_fig *b);
static void mark_parts(const struct lex *x, const struct clause_in *in, size_t n, struct clause_fig *f, size_t i, size_t w);
static int rate_link(const struct lex *x, const char *gap, const char *np);
static int names_base(const char *gap);
static long rate_count(const struct clause_in *in, const struct clause_fig *f, size_t i, const char **words, const char **np);
static long same_kind_part(const struct clause_fig *f, size_t c);
static int continues(const struct clause_fig *f);

/* How much deeper in brackets s[0..n) ends than it starts. */
static int
parens(const char *s, size_t n)
{
	int d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		d += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
	return d;
}

/* The bracket depth after s[0..n), from depth; a ')' with nothing open
 * (its '(' fell outside the window) is ignored. */
static int
walk_parens(int depth, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
	return depth;
}

/* Brackets and breakdown markers, from the gaps left to right. */
void
links_markers(const struct lex *x, const struct clause_in *in, size_t n,
    struct clause_fig *f)
{
	struct lex_hit h[MAXHITS];
	size_t i, k, nh;
	int depth = 0;

	(void)in;
	for (i = 0; i < n; i++) {
		const char *g = f[i].gap, *sep = strstr(g, " ; ");
		size_t gn = strlen(g);
		long m = -1;
		int kind = 0;

		nh = lex_scan(x, g, gn, h, MAXHITS);
		for (k = 0; k < nh && k < MAXHITS; k++) {
			int v = lex_hit_val(x, &h[k], LEX_MARK);

			if (v >= 0) {
				m = (long)h[k].pos;
				kind = v == MARK_COMPLETE ? 2 : 1;
			}
		}
		if (m >= 0 && (f[i].same_clause || i == 0 || sep == NULL ||
		    sep < g + m)) {
			int gd = depth + parens(g, (size_t)m);

			f[i].marker = kind;
			f[i].marker_depth = gd < 0 ? 0 : gd;
		}
		f[i].depth = depth = walk_parens(depth, g, gn);
	}
}

/* "06 trường hợp, gồm: 01 công chức, 02 viên chức": cases are people. */
static int
person_like(const struct lex *x, int what)
{
	return what >= 0 && (what == x->known.what_person ||
	    what == x->known.what_case);
}

/* Two figures count the same things: the same what, or one is bare. */
static int
units_fit(const struct lex *x, const struct clause_fig *a,
    const struct clause_fig *b)
{
	int wa = a->f[LEX_WHAT].val, wb = b->f[LEX_WHAT].val;

	if (a->f[LEX_WHAT].dist > DIST_LABEL)
		wa = -1;
	if (b->f[LEX_WHAT].dist > DIST_LABEL)
		wb = -1;
	return wa < 0 || wb < 0 || wa == wb || (person_like(x, wa) &&
	    person_like(x, wb));
}

/* The parts of the breakdown that figure i opens, given its whole w. */
static void
mark_parts(const struct lex *x, const struct clause_in *in, size_t n,
    struct clause_fig *f, size_t i, size_t w)
{
	int depth = f[i].marker_depth;
	size_t j;

	for (j = i; j < n; j++) {
		struct clause_fig *p = &f[j];

		if (j > i) {
			if (p->depth < depth || (p->depth == depth &&
			    !p->same_clause && depth == f[w].depth))
				break;
			if (p->depth > depth || in[j].percent)
				continue;
			if (strlen(p->gap) > PART_GAP || p->marker)
				break;
		}
		if (!units_fit(x, p, &f[w]))
			break;
		/* A figure that opens a breakdown of its own, not in
		 * brackets, is a new whole: the list ended before it. */
		if (j > i && j + 1 < n && f[j + 1].marker &&
		    f[j + 1].marker_depth == depth)
			break;
		p->whole = (long)w;
		p->first_part = (long)i;
	}
}

void
links_breakdowns(const struct lex *x, const struct clause_in *in, size_t n,
    struct clause_fig *f)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		int depth = f[i].marker_depth;
		long w = -1;

		if (f[i].marker == 0 || in[i].percent)
			continue;
		for (k = i; k-- > 0;) {
			if (in[k].percent || f[k].depth > depth)
				continue;
			if (units_fit(x, &f[k], &f[i]) && !in[k].fraction)
				w = (long)k;
			break;
		}
		if (w >= 0)
			mark_parts(x, in, n, f, i, (size_t)w);
	}
}

/*
 * In brackets: the figure the brackets follow, the nearest one outside
 * them that counts the same things ("14 kỳ/06 lượt/19 người (08 kỳ ...)"
 * follows the 14 kỳ), else the nearest.
 */
void
links_hosts(const struct lex *x, const struct clause_in *in, size_t n,
    struct clause_fig *f)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		long near = -1;

		if (f[i].depth == 0)
			continue;
		for (k = i; k-- > 0;) {
			if (in[k].percent || f[k].depth > f[i].depth - 1)
				continue;
			if (f[k].depth < f[i].depth - 1)
				break;
			if (near < 0)
				near = (long)k;
			if (units_fit(x, &f[k], &f[i]) &&
			    (f[k].f[LEX_WHAT].val >= 0 || f[i].f[LEX_WHAT].val < 0)) {
				near = (long)k;
				break;
			}
			if (!f[k].same_clause)
				break;
		}
		f[i].host = near;
	}
}

/*
 * The words between a count and a rate say the rate is the count's share:
 * after the count's noun phrase only "(", ",", ":" and đạt, chiếm, tỷ lệ,
 * bằng, là (and a qualifier).
 */
static int
rate_link(const struct lex *x, const char *gap, const char *np)
{
	struct lex_hit h[MAXHITS];
	size_t npn = strlen(np), n, i, k, nh, m;

	while (*gap == ' ')
		gap++;
	if (npn > 0 && strncmp(gap, np, npn) == 0)
		gap += npn;
	n = strlen(gap);
	nh = lex_scan(x, gap, n, h, MAXHITS);
	for (i = 0, k = 0; i < n; i += m) {
		if (strchr(" (,:", gap[i]) != NULL) {
			m = 1;
			continue;
		}
		while (k < nh && k < MAXHITS && h[k].pos < i)
			k++;
		/* A qualifier of the lexicon: "đạt xấp xỉ 94%". */
		if (k < nh && k < MAXHITS && h[k].pos == i &&
		    cl_hit_class(x, &h[k], LEX_QUAL)) {
			m = h[k].len;
			continue;
		}
		if ((m = words_prefix(WL_RATE_LINK, gap + i, n - i)) == 0)
			return 0;
	}
	return 1;
}

/* "(chiếm 78%) trên tổng số 3.105": the words between rate and base. */
static int
names_base(const char *gap)
{
	size_t n;

	while (*gap == ' ' || *gap == ')')
		gap++;
	n = strlen(gap);
	while (n > 0 && (gap[n - 1] == ' ' || gap[n - 1] == ':'))
		n--;
	return words_exact(WL_RATE_BASE, gap, n);
}

/*
 * The count a rate follows: the figure before it, or, when a bracket
 * closed between them ("28 hồ sơ (11 ... và 17 ...), chiếm tỷ lệ 0,23%"),
 * the figure before the bracket.  -1 when none.
 */
static long
rate_count(const struct clause_in *in, const struct clause_fig *f, size_t i,
    const char **words, const char **np)
{
	size_t k;

	if (!f[i].same_clause)
		return -1;
	*words = f[i].gap;
	*np = f[i - 1].np;
	if (f[i - 1].depth <= f[i].depth)
		return in[i - 1].percent ? -1 : (long)(i - 1);
	*words = f[i].label;
	*np = "";
	for (k = i - 1; k-- > 0;)
		if (f[k].depth == f[i].depth)
			return in[k].percent ? -1 : (long)k;
	return -1;
}

/* "tranh chấp là 17 đơn; ... hòa giải thành 16 đơn tranh chấp (tỷ lệ
 * 100%)": an earlier part of a breakdown of the same kind as count c. */
static long
same_kind_part(const struct clause_fig *f, size_t c)
{
	size_t k;

	if (f[c].f[LEX_KIND].val < 0)
		return -1;
	for (k = c; k-- > 0;)
		if (f[k].whole >= 0 && f[k].f[LEX_KIND].val == f[c].f[LEX_KIND].val &&
		    f[k].f[LEX_WHAT].val == f[c].f[LEX_WHAT].val)
			return (long)k;
	return -1;
}

void
links_rates(const struct lex *x, const struct clause_in *in, size_t n,
    struct clause_fig *f)
{
	size_t i;

	for (i = 1; i < n; i++) {
		struct clause_fig *p = &f[i], *c;
		const char *words, *np;
		long k;

		if (!in[i].percent || (k = rate_count(in, f, i, &words, &np)) < 0 ||
		    strlen(words) > RATE_GAP || !rate_link(x, words, np))
			continue;
		c = &f[k];
		p->rate_of = k;
		if (in[k].fraction)
			continue;
		if (i + 1 < n && names_base(f[i + 1].gap) && f[i + 1].same_clause &&
		    units_fit(x, c, &f[i + 1]))
			p->base = (long)(i + 1);
		else if (c->whole >= 0)
			p->base = c->whole;
		else if (c->host >= 0 && units_fit(x, &f[c->host], c) &&
		    !in[c->host].fraction)
			p->base = c->host;
		else
			p->base = same_kind_part(f, (size_t)k);
	}
}

/* Facets of figure from (up to shared distance) lent to f as shared. */
void
links_inherit(const struct lex *x, struct clause_fig *f, const struct clause_fig *from,
    int label_only)
{
	size_t k;
	int cls;

	for (cls = 0; cls < 3; cls++) {
		const struct clause_facet *v = &from->f[cls];

		if (v->val == -1 || v->dist > DIST_SHARED ||
		    (label_only && v->dist == DIST_NOUN))
			continue;
		if (v->val == CLAUSE_OTHER)
			continue;
		cl_set_facet(x, f, cls, v->val, DIST_SHARED);
	}
	for (k = 0; k < from->ntopic; k++)
		if (from->dtopic[k] <= DIST_SHARED &&
		    !(label_only && from->dtopic[k] == DIST_NOUN))
			cl_add_topic(f, from->topic[k], DIST_SHARED);
}

/*
 * A label that starts with a comma or "và" goes on with the subject of
 * the figure before ("Chủ tịch tiếp định kỳ 6 buổi, tiếp 14 lượt"): the
 * figure shares what that figure's label said.
 */
static int
continues(const struct clause_fig *f)
{
	const char *l = f->label;
	size_t words = 0, n = strlen(l), k;

	/* "... do Thành phố tổ chức và 199 trường hợp do quận tổ chức";
	 * "tiếp 36 buổi với 118 lượt". */
	while (n > 0 && l[n - 1] == ' ')
		n--;
	if (f->same_clause && words_exact(WL_CONJ_WITH, l, n))
		return 1;
	if (f->same_clause && (((k = words_suffix(WL_CONJ_AND, l, n)) > 0 &&
	    k < n) || (n > 0 && l[n - 1] == ',')))
		return 1;
	while (*l == ' ')
		l++;
	if (!f->same_clause || !(*l == ',' || words_prefix(WL_CONJ_AND, l,
	    strlen(l)) > 0) || strchr(l, ':') != NULL)
		return 0;
	for (; *l != '\0'; l++)
		if (wd_folded(*l) && !wd_folded(l[1]))
			words++;
	return words <= 3;
}

/*
 * Items of a list ("khen thưởng cho 905 tập thể, 95 hộ gia đình, 1.873 cá
 * nhân") share what the first item's label says; a figure whose label
 * goes on with a comma shares the label of the figure before.  The figure
 * before is the one at the same bracket depth.
 */
void
links_lists(const struct clause_in *in, const struct piece *pc,
    struct clause_fig *f, size_t i)
{
	long k = (long)i - 1;

	while (k >= 0 && f[k].depth > f[i].depth)
		k--;
	if (k < 0 || in[k].percent || f[k].depth != f[i].depth)
		return;
	if (pc[i].list_item) {
		f[i].list_head = f[k].list_head >= 0 ? f[k].list_head : k;
		/* "từ 186 khu phố và 1.443 tổ dân phố": the old levels. */
		f[i].role |= f[f[i].list_head].role & (1u << ROLE_FROM);
	} else if (continues(&f[i]))
		f[i].list_head = k;
	if (f[i].list_head >= 0) {
		f[i].role |= f[f[i].list_head].role & (1u << ROLE_ACTOR);
		if (f[i].actor == NULL)
			f[i].actor = f[f[i].list_head].actor;
	}
}

/* "từ 55,02% đến 88,44%": the end of a range is no level either.  Its
 * label is the word that ends a range, and maybe a qualifier ("đến
 * trên"). */
void
links_range_end(const struct lex *x, struct clause_fig *f, size_t i)
{
	struct lex_hit h[4];
	const char *l = f[i].label;
	size_t n = strlen(l), k, nh;

	if (i == 0 || !f[i].same_clause || !(f[i - 1].role & 1u << ROLE_FROM))
		return;
	while (n > 0 && l[n - 1] == ' ')
		n--;
	if ((k = words_prefix(WL_RANGE_TO, l, n)) == 0)
		return;
	while (k < n && l[k] == ' ')
		k++;
	nh = k < n ? lex_scan(x, l + k, n - k, h, 4) : 0;
	if (k == n || (nh == 1 && h[0].pos == 0 && h[0].len == n - k &&
	    cl_hit_class(x, &h[0], LEX_QUAL)))
		f[i].role |= 1u << ROLE_FROM;
}
