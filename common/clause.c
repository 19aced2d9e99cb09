/*
 * clause: the reading of one line's figures (see clause.h).
 *
 * Each figure is read in three folded pieces (lex_fold): B, the clause
 * before it; A, its noun and the rest of its clause after it; and the
 * gap, the words since the previous figure.  The noun phrase is the start
 * of A up to its natural end; the label is the end of B after the
 * previous figure's noun phrase.  The structure (brackets, breakdowns,
 * rates) is read from the gaps as a sequence, left to right: that part
 * is clause_links.c.  What one figure's own words say is clause_fig.c.
 */
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "clause_int.h"
#include "lex.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

static size_t last_separator(const struct lex *x, const struct piece *pc);
static int colon_label(const struct piece *pc);
static void read_complement(const struct lex *x, const struct piece *pc,
    struct clause_fig *f, size_t i, size_t n);
static size_t complement_end(const char *s, size_t n, size_t from);
static void drop_verb(struct buf *a);
static void fold_span(struct buf *b, struct span s);
static size_t after_closing(const char *s, size_t n, size_t at);
static void cut(const struct lex *x, const struct clause_in *in, size_t i,
    struct piece *pc, struct clause_fig *f, struct buf *tmp);
static size_t after_marker(const struct lex *x, const struct piece *pc,
    size_t at);
static void init_fig(struct clause_fig *f);

static void
fold_span(struct buf *b, struct span s)
{
	buf_clear(b);
	lex_fold(b, s.p, s.n);
}

/*
 * A bracket that closes in the label was opened before it: what it holds
 * belongs to the figure before ("560 lượt (giảm 242 lượt so với cùng kỳ),
 * trong đó, lãnh đạo tiếp 12"), so the label starts after it.
 */
static size_t
after_closing(const char *s, size_t n, size_t at)
{
	size_t i, start = at;
	int depth = 0;

	/* A bracket right after the figure before is that figure's too:
	 * "chuyển sang 46 đơn (kiến nghị phản ánh) nâng tổng số ... 488". */
	for (i = at; i < n && s[i] == ' '; i++)
		;
	if (i < n && s[i] == '(') {
		size_t j;

		for (j = i; j < n; j++)
			if (s[j] == '(')
				depth++;
			else if (s[j] == ')' && --depth == 0)
				break;
		if (j < n)
			at = start = j + 1;
		depth = 0;
	}
	for (i = at; i < n; i++)
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth < 0) {
			start = i + 1;
			depth = 0;
		}
	return start;
}

/* "khong de ho so tre han" -> "ho so tre han": the verb of a verbal
 * zero is not its noun. */
static void
drop_verb(struct buf *a)
{
	size_t m;

	if ((m = words_prefix(WL_ZERO_VERB, a->p, a->n)) == 0)
		m = words_prefix(WL_VERBAL_ZERO, a->p, a->n);
	while (m > 0 && m < a->n && a->p[m] == ' ' && m + 1 == a->n)
		m++;
	if (m > 0 && m == a->n) {	/* "... trễ hạn: không": no noun */
		a->n = 0;
		a->p[0] = '\0';
		return;
	}
	if (m == 0 || a->p[m] != ' ')
		return;
	m++;
	memmove(a->p, a->p + m, a->n - m + 1);
	a->n -= m;
}

/* Is a figure as written a negation ("không có đơn ...")? */
static int
verbal_zero_raw(struct span raw)
{
	struct buf f = { 0 };
	int yes;

	if (raw.n == 0 || wd_digit(raw.p[0]))
		return 0;
	u8_fold(&f, raw.p, u8_cut(raw.p, raw.n, 16));
	yes = f.p != NULL && words_prefix(WL_VERBAL_ZERO, f.p, f.n) > 0;
	buf_free(&f);
	return yes;
}

/* The pieces of figure i, and its gap, same_clause and label. */
static void
cut(const struct lex *x, const struct clause_in *in, size_t i,
    struct piece *pc, struct clause_fig *f, struct buf *tmp)
{
	struct piece *p = &pc[i];
	long at = -1;

	fold_span(&p->b, in[i].before);
	buf_clear(tmp);
	/* A verbal zero holds its noun: "không để hồ sơ trễ hạn" (a number
	 * in words does not: "hai cuộc"). */
	if (verbal_zero_raw(in[i].raw)) {
		buf_add(tmp, in[i].raw.p, in[i].raw.n);
		buf_addc(tmp, ' ');
	}
	buf_add(tmp, in[i].unit.p, in[i].unit.n);
	buf_addc(tmp, ' ');
	buf_add(tmp, in[i].after.p, in[i].after.n);
	buf_clear(&p->a);
	lex_fold(&p->a, tmp->p, tmp->n);
	if (verbal_zero_raw(in[i].raw))
		drop_verb(&p->a);
	p->nha = lex_scan(x, p->a.p, p->a.n, p->ha, MAXHITS);
	cl_noun_phrase(x, p);
	f[i].np = xmemdup(p->a.p, p->np_end);
	if (i > 0)
		at = cl_find_raw(in[i].before.p, in[i].before.n, in[i - 1].raw.p,
		    in[i - 1].raw.n);
	buf_clear(tmp);
	if (at >= 0) {
		size_t from = (size_t)at + in[i - 1].raw.n;
		struct buf g = { 0 };

		f[i].same_clause = 1;
		lex_fold(&g, in[i].before.p + from, in[i].before.n - from);
		buf_add(tmp, g.p, g.n);
		/* The label starts after the previous figure's noun phrase. */
		p->label_at = p->b.n - g.n + (g.n >= pc[i - 1].np_end &&
		    strncmp(g.p, pc[i - 1].a.p, pc[i - 1].np_end) == 0 ?
		    pc[i - 1].np_end : cl_skip_words(g.p, g.n, pc[i - 1].np_words));
		if (p->label_at > p->b.n)
			p->label_at = p->b.n;
		buf_free(&g);
	} else {
		if (i > 0) {
			buf_add(tmp, pc[i - 1].a.p, pc[i - 1].a.n);
			buf_adds(tmp, " ; ");
		}
		buf_add(tmp, p->b.p, p->b.n);
		p->label_at = 0;
	}
	while (p->label_at < p->b.n && p->b.p[p->label_at] == ' ')
		p->label_at++;
	p->nhb = lex_scan(x, p->b.p, p->b.n, p->hb, MAXHITS);
	p->raw_label_at = p->label_at;
	p->label_at = after_closing(p->b.p, p->b.n, p->label_at);
	p->label_at = after_marker(x, p, p->label_at);
	p->own_at = f[i].same_clause && p->label_at == p->raw_label_at &&
	    !colon_label(p) ? last_separator(x, p) : p->label_at;
	f[i].gap = xmemdup(tmp->p == NULL ? "" : tmp->p, tmp->n);
	f[i].label = xmemdup(p->b.p + p->label_at, p->b.n - p->label_at);
	p->list_item = f[i].same_clause &&
	    cl_only_separators(p->b.p + p->label_at, p->b.n - p->label_at);
}

/* Does the label end with a colon ("Hồ sơ tiếp nhận qua dịch vụ công
 * trực tuyến mức độ 3, 4: 9.842 hồ sơ")?  Then all of it names the figure,
 * commas and all. */
static int
colon_label(const struct piece *pc)
{
	size_t n = pc->b.n;

	while (n > pc->label_at && pc->b.p[n - 1] == ' ')
		n--;
	return n > pc->label_at && pc->b.p[n - 1] == ':';
}

/* Where the words after the last separator of the label (a comma or a
 * semicolon not inside a cue phrase, or "và" right before the figure)
 * start; label_at when there is none. */
static size_t
last_separator(const struct lex *x, const struct piece *pc)
{
	const char *s = pc->b.p;
	size_t nh = pc->nhb < MAXHITS ? pc->nhb : MAXHITS, i = pc->label_at,
	    k = 0, at = pc->label_at;

	(void)x;
	while (i < pc->b.n) {
		while (k < nh && pc->hb[k].pos + pc->hb[k].len <= i)
			k++;
		if (k < nh && pc->hb[k].pos <= i) {
			i = pc->hb[k].pos + pc->hb[k].len;
			continue;
		}
		if (s[i] == ',' || s[i] == ';')
			at = i + 1;
		i++;
	}
	/* "và" or "hoặc" right before the figure joins it to the one before. */
	for (i = pc->b.n; i > at && s[i - 1] == ' '; i--)
		;
	if ((k = words_suffix(WL_LIST_JOIN, s + at, i - at)) > 0)
		at = i;
	return at;
}

/*
 * The words a figure's noun phrase leaves before the next separator are
 * its own too ("80 lượt do Ban Tiếp công dân tiếp, ..."): they are read
 * with its label.  For the last figure of its clause, the rest of the
 * clause, to a bracket.
 */
static void
read_complement(const struct lex *x, const struct piece *pc,
    struct clause_fig *f, size_t i, size_t n)
{
	size_t k, nh, end;
	const struct piece *p;

	/* After a rate, the words name its base ("trên tổng số hồ sơ"). */
	if (f[i].percent)
		return;
	if (i + 1 < n && f[i + 1].same_clause) {
		size_t to;

		p = &pc[i + 1];
		if (p->label_at != p->raw_label_at)
			return;
		/* With no separator, the words between the two figures are
		 * both this one's complement and the next one's label: "412
		 * hộ dân đóng góp 1.240.000.000 đồng". */
		to = p->own_at > p->label_at ? p->own_at : p->b.n;
		/* Not into a bracket: what it holds is the next figure's. */
		for (k = p->label_at; k < to; k++)
			if (p->b.p[k] == '(') {
				to = k;
				break;
			}
		nh = p->nhb < MAXHITS ? p->nhb : MAXHITS;
		for (k = 0; k < nh; k++)
			if (p->hb[k].pos >= p->label_at &&
			    p->hb[k].pos + p->hb[k].len <= to)
				cl_take_hit(x, &p->hb[k], &f[i], DIST_LABEL, 1);
		return;
	}
	p = &pc[i];
	nh = p->nha < MAXHITS ? p->nha : MAXHITS;
	end = complement_end(p->a.p, p->a.n, p->np_end);
	for (k = 0; k < nh; k++)
		if (p->ha[k].pos >= p->np_end && p->ha[k].pos + p->ha[k].len <= end)
			cl_take_hit(x, &p->ha[k], &f[i], DIST_LABEL, 1);
}

/* The end of the words after a noun phrase that are still the figure's:
 * at most 8 words, not past a bracket, a colon or a footnote. */
static size_t
complement_end(const char *s, size_t n, size_t from)
{
	size_t i, words = 0;

	for (i = from; i < n; i++) {
		if (s[i] == '(' || s[i] == ':' || s[i] == ';')
			break;
		if (wd_folded(s[i]) && (i == 0 || !wd_folded(s[i - 1])) && ++words > 8)
			break;
	}
	return i;
}

/*
 * "còn lại 442 đơn chuyển đến các phòng ban ... giải quyết, gồm: 07 đơn":
 * the words before a breakdown marker tell of the whole; the label of
 * the first part starts after the marker.
 */
static size_t
after_marker(const struct lex *x, const struct piece *pc, size_t at)
{
	size_t nh = pc->nhb < MAXHITS ? pc->nhb : MAXHITS, k, start = at;

	for (k = 0; k < nh; k++)
		if (pc->hb[k].pos >= at && cl_hit_class(x, &pc->hb[k], LEX_MARK))
			start = pc->hb[k].pos + pc->hb[k].len;
	return start;
}

static void
init_fig(struct clause_fig *f)
{
	int cls;

	memset(f, 0, sizeof(*f));
	for (cls = 0; cls < 3; cls++) {
		f->f[cls].val = -1;
		f->f[cls].dist = DIST_NONE;
	}
	f->qual = -1;
	f->attr = -1;
	f->whole = f->first_part = f->host = f->rate_of = f->base = -1;
	f->list_head = -1;
}

void
clause_read(const struct lex *x, const struct clause_in *in, size_t n,
    struct clause_fig *out)
{
	struct piece *pc = xcalloc(n == 0 ? 1 : n, sizeof(*pc));
	struct buf tmp = { 0 };
	size_t i;
	int np_state;

	for (i = 0; i < n; i++) {
		init_fig(&out[i]);
		out[i].percent = in[i].percent;
		/* "2.785m² đất": the unit is written in the figure. */
		if (in[i].area)
			cl_set_facet(x, &out[i], LEX_WHAT, x->known.what_m2, DIST_NOUN);
	}
	for (i = 0; i < n; i++) {
		cut(x, in, i, pc, out, &tmp);
		np_state = cl_read_noun(x, &pc[i], &out[i], in[i].fraction);
		cl_read_span(x, &pc[i], &out[i], pc[i].own_at, pc[i].b.n,
		    DIST_LABEL);
		if (np_state >= 0)
			cl_set_facet(x, &out[i], LEX_STATE, np_state, DIST_NOUN);
		cl_label_roles(x, &pc[i], &out[i]);
		cl_clause_roles(x, &pc[i], &out[i]);
		links_range_end(x, out, i);
	}
	for (i = 0; i < n; i++)
		read_complement(x, pc, out, i, n);
	for (i = 0; i + 1 < n; i++)
		/* "3 phường thành 1 phường": the level it was; not of
		 * another noun ("46.218 người, được tổ chức thành 37 khu
		 * phố") */
		if (out[i + 1].same_clause && cl_label_ends_with(x, &pc[i + 1],
		    LEX_ROLE, ROLE_TO) && !(out[i].f[LEX_WHAT].val >= 0 &&
		    out[i + 1].f[LEX_WHAT].val >= 0 &&
		    out[i].f[LEX_WHAT].val != out[i + 1].f[LEX_WHAT].val))
			out[i].role |= 1u << ROLE_TO;
	links_markers(x, in, n, out);
	for (i = 1; i < n; i++)
		links_lists(in, pc, out, i);
	links_breakdowns(x, in, n, out);
	links_hosts(x, in, n, out);
	links_rates(x, in, n, out);
	for (i = 0; i < n; i++) {
		struct clause_fig *f = &out[i];

		if (f->rate_of >= 0)
			links_inherit(x, f, &out[f->rate_of], 0);
		if (f->list_head >= 0)
			links_inherit(x, f, &out[f->list_head], 1);
		if (f->whole >= 0)
			links_inherit(x, f, &out[f->whole], 0);
		else if (f->host >= 0)
			links_inherit(x, f, &out[f->host], 0);
		cl_read_span(x, &pc[i], f, 0, pc[i].label_at, DIST_CLAUSE);
	}
	for (i = 0; i < n; i++) {
		buf_free(&pc[i].a);
		buf_free(&pc[i].b);
	}
	buf_free(&tmp);
	free(pc);
}

void
clause_fig_free(struct clause_fig *f)
{
	free(f->np);
	free(f->label);
	free(f->gap);
	f->np = f->label = f->gap = NULL;
}

int
clause_has(const struct clause_fig *f, int cls, int val)
{
	return f->f[cls].val == val;
}

int
clause_topic_dist(const struct clause_fig *f, int val)
{
	size_t k;

	for (k = 0; k < f->ntopic; k++)
		if (f->topic[k] == val)
			return f->dtopic[k];
	return DIST_NONE;
}

/* The one topic folded s[0..n) names: its value, -1 when none, -2 when
 * several. */
static int
one_topic(const struct lex *x, const char *s, size_t n)
{
	struct lex_hit h[MAXHITS];
	size_t nh = lex_scan(x, s, n, h, MAXHITS), k, c;
	int topic = -1;

	for (k = 0; k < nh && k < MAXHITS; k++) {
		if (cl_hit_class(x, &h[k], LEX_SKIP))
			continue;
		for (c = h[k].c0; c < h[k].c0 + h[k].nc; c++)
			if (x->cue[c].cls == LEX_TOPIC && x->cue[c].val != topic) {
				if (topic >= 0)
					return -2;
				topic = x->cue[c].val;
			}
	}
	return topic;
}

/* Does folded s[0..n) say its figures are by field or by unit ("Hồ sơ
 * theo lĩnh vực")? */
static int
names_field(const struct lex *x, const char *s, size_t n)
{
	struct lex_hit h[MAXHITS];
	size_t nh = lex_scan(x, s, n, h, MAXHITS), k;

	for (k = 0; k < nh && k < MAXHITS; k++)
		if (lex_hit_is(x, &h[k], LEX_ROLE, ROLE_FIELD))
			return 1;
	return 0;
}

void
clause_far_topics(const struct lex *x, struct clause_fig *f, const char *s,
    size_t n)
{
	size_t end = n, i;
	int t;

	/* From the innermost heading out: the first that names a topic
	 * says it, when it names one only. */
	for (;;) {
		for (i = end; i >= 3 && memcmp(s + i - 3, " / ", 3) != 0; i--)
			;
		if (i < 3)
			i = 0;
		if (names_field(x, s + i, end - i))
			f->role |= 1u << ROLE_FIELD;
		if ((t = one_topic(x, s + i, end - i)) >= 0)
			cl_add_topic(f, t, DIST_CLAUSE);
		if (t != -1 || i == 0)
			return;
		end = i - 3;
	}
}
