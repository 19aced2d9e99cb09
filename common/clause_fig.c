/*
 * clause_fig: one figure's own clause (see clause_int.h): the noun phrase
 * after it, the facets its words name (noun, kind, state, time, tier,
 * part), its topics, and the roles of its label and of the clause around
 * it.  clause.c cuts the line into the pieces read here.
 */
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "clause_int.h"
#include "lex.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

static const struct lex_hit * hit_at(const struct lex_hit *h, size_t n,
    size_t pos);
static int only_blanks(const char *s, size_t n);
static size_t head_end(const struct lex *x, const struct piece *pc, size_t end);
static int in_closed(const char *s, size_t n, size_t pos);
static int ends_at(const char *s, size_t n, size_t p);
static int joined(const struct piece *pc, const struct lex_hit *a,
    const struct lex_hit *b);

int
cl_hit_class(const struct lex *x, const struct lex_hit *h, int cls)
{
	return lex_hit_val(x, h, cls) >= 0;
}

/* The hit of hits[0..n) that starts at pos, or NULL. */
static const struct lex_hit *
hit_at(const struct lex_hit *h, size_t n, size_t pos)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].pos == pos)
			return &h[i];
	return NULL;
}

static int
only_blanks(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ')
			return 0;
	return 1;
}

/* The end of the head noun at the start of a and the kind and state
 * hits right after it; no further than end. */
static size_t
head_end(const struct lex *x, const struct piece *pc, size_t end)
{
	size_t nh = pc->nha < MAXHITS ? pc->nha : MAXHITS, k, at = 0;
	const struct lex_hit *h = hit_at(pc->ha, nh, 0);

	if (h == NULL || !cl_hit_class(x, h, LEX_WHAT)) {
		while (at < end && wd_folded(pc->a.p[at]))
			at++;
		return at;
	}
	at = h->len;
	for (k = (size_t)(h - pc->ha) + 1; k < nh; k++) {
		const struct lex_hit *g = &pc->ha[k];

		if (g->pos + g->len > end ||
		    !only_blanks(pc->a.p + at, g->pos - at) ||
		    !(cl_hit_class(x, g, LEX_KIND) || cl_hit_class(x, g, LEX_STATE)))
			break;
		at = g->pos + g->len;
	}
	return at;
}

/*
 * The end of the noun phrase at the start of a: the next number, a
 * clause or bracket mark, a word that ends a phrase, a breakdown marker,
 * or WORDS_NP_MAX words.  A cue phrase is never cut ("khiếu nại, tố cáo").
 */
void
cl_noun_phrase(const struct lex *x, struct piece *pc)
{
	const char *s = pc->a.p;
	size_t n = pc->a.n, i = 0, end = 0, words = 0;

	while (i < n && words < WORDS_NP_MAX) {
		const struct lex_hit *h = hit_at(pc->ha,
		    pc->nha < MAXHITS ? pc->nha : MAXHITS, i);

		if (s[i] == ' ') {
			i++;
			continue;
		}
		if (h != NULL) {
			if (cl_hit_class(x, h, LEX_MARK) || (i > 0 &&
			    words_aspect(s + i, n - i) && words_count_follows(s + i, n - i)) ||
			    ((words_np_stop2(s + i, n - i) ||
			    words_np_stop_exact(s + i, h->len)) &&
			    !cl_hit_class(x, h, LEX_WHAT) && !cl_hit_class(x, h, LEX_KIND) &&
			    !cl_hit_class(x, h, LEX_STATE)))
				break;
			i += h->len;
			end = i;
			words++;
			continue;
		}
		if (!words_np_step(s, n, &i))
			break;
		end = i;
		words++;
	}
	/* Run into the next figure: what follows the head and its kind and
	 * state is that figure's label ("1.642 hộ dân đóng góp số tiền
	 * 8.412.000.000 đồng"). */
	if (i < n && wd_digit(s[i]))
		end = head_end(x, pc, end);
	pc->np_end = end;
	for (i = 0, words = 0; i < end; i++)
		if (wd_folded(s[i]) && (i == 0 || !wd_folded(s[i - 1])))
			words++;
	pc->np_words = words;
}

/* Offset in s after skipping the first w words (runs of word bytes). */
size_t
cl_skip_words(const char *s, size_t n, size_t w)
{
	size_t i = 0;

	while (w > 0 && i < n) {
		while (i < n && !wd_folded(s[i]))
			i++;
		while (i < n && wd_folded(s[i]))
			i++;
		w--;
	}
	return i;
}

/* The last place raw occurs in s[0..n) as a whole figure, or -1. */
long
cl_find_raw(const char *s, size_t n, const char *raw, size_t rn)
{
	size_t i;
	long last = -1;

	if (rn == 0 || rn > n)
		return -1;
	for (i = 0; i + rn <= n; i++) {
		if (memcmp(s + i, raw, rn) != 0)
			continue;
		if ((i > 0 && wd_digit(s[i - 1])) || (i + rn < n && wd_digit(s[i + rn])))
			continue;
		last = (long)i;
	}
	return last;
}

/* Is position pos of s[0..n) inside a bracket that closes before n? */
static int
in_closed(const char *s, size_t n, size_t pos)
{
	size_t i;
	int depth = 0, inside = 0;

	for (i = pos; i < n; i++)
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth < 0) {
			inside = 1;
			break;
		}
	return inside;
}

/* Does s hold only list separators (, ; và hoặc / cùng)? */
int
cl_only_separators(const char *s, size_t n)
{
	size_t i = 0, k;

	if (n == 0)
		return 0;
	while (i < n) {
		if (strchr(" ,;/", s[i]) != NULL) {
			i++;
			continue;
		}
		if ((k = words_prefix(WL_LIST_JOIN, s + i, n - i)) > 0)
			i += k;
		else
			return 0;
	}
	return 1;
}

/*
 * The nearest value of a facet is the figure's, except that an attribute
 * (a value that says which things are counted: "đơn thuộc thẩm quyền")
 * yields to an outcome read at the label or nearer, which says what was
 * done to them ("đã giải quyết 151/173 đơn thuộc thẩm quyền" counts
 * petitions resolved); the attribute is kept in f->attr.
 */
void
cl_set_facet(const struct lex *x, struct clause_fig *f, int cls, int val,
    int dist)
{
	struct clause_facet *c = &f->f[cls];

	if (c->val == -1) {
		c->val = val;
		c->dist = dist;
	} else if (cls == LEX_STATE && c->val >= 0 && val >= 0 &&
	    val != c->val && dist <= DIST_LABEL && f->attr < 0 &&
	    (x->attr[cls] >> c->val & 1) && (x->outcome[cls] >> val & 1)) {
		f->attr = c->val;
		c->val = val;
		c->dist = dist;
	}
}

void
cl_add_topic(struct clause_fig *f, int val, int dist)
{
	size_t i;

	for (i = 0; i < f->ntopic; i++)
		if (f->topic[i] == val) {
			if (dist < f->dtopic[i])
				f->dtopic[i] = dist;
			return;
		}
	if (f->ntopic < CLAUSE_MAXTOPIC) {
		f->topic[f->ntopic] = val;
		f->dtopic[f->ntopic++] = dist;
	}
}

/* One hit read at distance dist: the facets it names. */
void
cl_take_hit(const struct lex *x, const struct lex_hit *h, struct clause_fig *f,
    int dist, int what_ok)
{
	size_t i;

	if (cl_hit_class(x, h, LEX_SKIP))
		return;
	for (i = h->c0; i < h->c0 + h->nc; i++) {
		const struct lex_cue *c = &x->cue[i];

		if (c->cls == LEX_TOPIC)
			cl_add_topic(f, c->val, dist);
		else if (c->cls == LEX_KIND || c->cls == LEX_STATE)
			cl_set_facet(x, f, c->cls, c->val, dist);
		else if (c->cls == LEX_WHAT && what_ok &&
		    c->val != x->known.what_other)
			cl_set_facet(x, f, LEX_WHAT, c->val, dist);
	}
}

/* The noun phrase: its head names what is counted, the rest its facets.
 * After a fraction it names the whole: a state there ("1.004/1.275 hồ sơ
 * tiếp nhận mới") is returned, to be the figure's only when its label
 * names none ("Tỷ lệ hồ sơ nộp trực tuyến:"); else -1. */
int
cl_read_noun(const struct lex *x, const struct piece *pc, struct clause_fig *f,
    int fraction)
{
	size_t i, nh = pc->nha < MAXHITS ? pc->nha : MAXHITS;
	const struct lex_hit *head = hit_at(pc->ha, nh, 0);
	int v, state = -1;

	if (pc->np_end == 0)
		return -1;
	/* "chiếm 61,21% tổng số hồ sơ tiếp nhận": after a rate, a total
	 * names its base, not what the rate counts. */
	if (f->percent && head != NULL && cl_hit_class(x, head, LEX_TOTAL))
		return -1;
	if (head != NULL && (v = lex_hit_val(x, head, LEX_WHAT)) >= 0)
		cl_set_facet(x, f, LEX_WHAT, v, DIST_NOUN);
	else if (head == NULL || !(cl_hit_class(x, head, LEX_STATE) ||
	    cl_hit_class(x, head, LEX_KIND)))
		/* A noun the lexicon does not know; "100% đúng hạn" starts
		 * with a state, no noun at all. */
		cl_set_facet(x, f, LEX_WHAT, CLAUSE_OTHER, DIST_NOUN);
	for (i = 0; i < nh && pc->ha[i].pos < pc->np_end; i++) {
		const struct lex_hit *h = &pc->ha[i];

		if (fraction && (v = lex_hit_val(x, h, LEX_STATE)) >= 0) {
			if (state < 0)
				state = v;
			continue;
		}
		cl_take_hit(x, h, f, DIST_NOUN, 0);
		if (lex_hit_is(x, h, LEX_ROLE, ROLE_TO))
			f->role |= 1u << ROLE_TO;
		if (lex_hit_is(x, h, LEX_ROLE, ROLE_FORMER))
			f->former = 1;
		if (lex_hit_is(x, h, LEX_ROLE, ROLE_ATTAIN))
			f->role |= 1u << ROLE_ATTAIN;
	}
	return state;
}

/* Only blanks and '(' after position p of s? */
static int
ends_at(const char *s, size_t n, size_t p)
{
	for (; p < n; p++)
		if (s[p] != ' ' && s[p] != '(' && s[p] != ':')
			return 0;
	return 1;
}

/* Roles, qualifier and total read from the label, nearest hit first. */
void
cl_label_roles(const struct lex *x, const struct piece *pc,
    struct clause_fig *f)
{
	const char *s = pc->b.p;
	size_t n = pc->b.n, nh = pc->nhb < MAXHITS ? pc->nhb : MAXHITS, k;
	int nearest = 1;

	for (k = nh; k-- > 0;) {
		const struct lex_hit *h = &pc->hb[k];
		size_t tail = h->pos + h->len;
		int q;

		if (h->pos < pc->label_at)
			break;
		if (cl_hit_class(x, h, LEX_SKIP))
			continue;
		if (nearest && (q = lex_hit_val(x, h, LEX_QUAL)) >= 0 &&
		    ends_at(s, n, tail)) {
			f->qual = q;
			continue;
		}
		if (nearest && lex_hit_is(x, h, LEX_ROLE, ROLE_CHANGE) &&
		    cl_skip_words(s + tail, n - tail, 2) == n - tail)
			f->role |= 1u << ROLE_CHANGE;
		if (nearest && lex_hit_is(x, h, LEX_ROLE, ROLE_FROM) &&
		    ends_at(s, n, tail))
			f->role |= 1u << ROLE_FROM;
		if (lex_hit_is(x, h, LEX_ROLE, ROLE_COMPARE))
			f->role |= 1u << ROLE_COMPARE;
		if (lex_hit_is(x, h, LEX_ROLE, ROLE_ACTOR)) {
			f->role |= 1u << ROLE_ACTOR;
			if (f->actor == NULL)
				f->actor = x->cue[h->c0].phrase;
		}
		if (cl_hit_class(x, h, LEX_TOTAL))
			f->total = 1;
		nearest = 0;
	}
}

/* Are hits a and b joined by "và" (or a comma) only? */
static int
joined(const struct piece *pc, const struct lex_hit *a, const struct lex_hit *b)
{
	const char *s = pc->b.p + a->pos + a->len;
	size_t n = b->pos - (a->pos + a->len), k;

	while (n > 0 && (*s == ' ' || *s == ',')) {
		s++;
		n--;
	}
	if ((k = words_prefix(WL_CONJ_AND, s, n)) > 0) {
		s += k;
		n -= k;
	}
	while (n > 0 && (*s == ' ' || *s == ',')) {
		s++;
		n--;
	}
	return n == 0;
}

/* Roles of the whole clause before the figure: plans, proposals,
 * examples, and the tier (the nearest of a lower tier or the own). */
void
cl_clause_roles(const struct lex *x, const struct piece *pc,
    struct clause_fig *f)
{
	size_t nh = pc->nhb < MAXHITS ? pc->nhb : MAXHITS, k;
	int tier_seen = 0;
	static const int spread[] = { ROLE_PLAN, ROLE_PROPOSAL, ROLE_EXAMPLE,
		ROLE_PART, ROLE_FORMER };

	for (k = nh; k-- > 0;) {
		const struct lex_hit *h = &pc->hb[k];
		size_t j;

		if (cl_hit_class(x, h, LEX_SKIP))
			continue;
		for (j = 0; j < sizeof(spread) / sizeof(spread[0]); j++)
			if (lex_hit_is(x, h, LEX_ROLE, spread[j]))
				f->role |= 1u << spread[j];
		if (tier_seen || (!lex_hit_is(x, h, LEX_ROLE, ROLE_OWN) &&
		    !lex_hit_is(x, h, LEX_ROLE, ROLE_TIER) &&
		    !lex_hit_is(x, h, LEX_ROLE, ROLE_WHOLE)))
			continue;
		tier_seen = 1;
		/* "quận và 15 phường", "toàn quận": both tiers together are
		 * the reporter, all of it. */
		if (lex_hit_is(x, h, LEX_ROLE, ROLE_WHOLE) ||
		    (k > 0 && joined(pc, &pc->hb[k - 1], h) &&
		    lex_hit_is(x, &pc->hb[k - 1], LEX_ROLE, ROLE_OWN)))
			f->role |= 1u << ROLE_OWN | 1u << ROLE_WHOLE;
		else if (lex_hit_is(x, h, LEX_ROLE, ROLE_OWN))
			f->role |= 1u << ROLE_OWN;
		else
			f->role |= 1u << ROLE_TIER;
	}
}

/* Does the label of a piece end with a cue of value val of class cls,
 * maybe a qualifier after it ("thành 25 phường", "thành khoảng 20")?  A
 * word of a name earlier ("chợ Bến Thành, có 260 lượt") is none. */
int
cl_label_ends_with(const struct lex *x, const struct piece *pc, int cls, int val)
{
	size_t nh = pc->nhb < MAXHITS ? pc->nhb : MAXHITS, k;

	for (k = nh; k-- > 0;) {
		const struct lex_hit *h = &pc->hb[k];

		if (h->pos < pc->label_at)
			return 0;
		if (lex_hit_is(x, h, cls, val))
			return ends_at(pc->b.p, pc->b.n, h->pos + h->len);
		if (lex_hit_val(x, h, LEX_QUAL) < 0)
			return 0;
	}
	return 0;
}

/* Facets read from b[from..to), nearest first.  What a bracket that
 * closed holds is a remark: in the far clause it belongs to the figures
 * it follows; in the label it yields to the words outside it ("Số đơn
 * không đủ điều kiện xử lý (đơn trùng, ..., đơn đã được giải quyết):
 * 456 đơn"). */
void
cl_read_span(const struct lex *x, const struct piece *pc, struct clause_fig *f,
    size_t from, size_t to, int dist)
{
	size_t nh = pc->nhb < MAXHITS ? pc->nhb : MAXHITS, k;
	int pass;

	for (pass = 0; pass < (dist == DIST_CLAUSE ? 1 : 2); pass++)
		for (k = nh; k-- > 0;) {
			const struct lex_hit *h = &pc->hb[k];

			if (h->pos < from)
				break;
			if (in_closed(pc->b.p, to, h->pos) != pass)
				continue;
			if (h->pos + h->len <= to)
				cl_take_hit(x, h, f, dist, 1);
		}
}
