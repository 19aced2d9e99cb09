/*
 * facts: the lexicon's best rule for one mention, as the file documents
 * it: of all rules whose facet and word keys hold, the one with the most
 * keys, weighed by how near the figure each was read; then the nearest;
 * then file order.  The far clause is read only when nothing nearer
 * makes a rule hold.
 */
#include <string.h>

#include "facts.h"
#include "facts_int.h"

/* The weight of a facet read at a distance: nearer says more. */
static int
weight(int dist)
{
	return dist < 0 ? 1 : DIST_NONE - dist;
}

/*
 * Does a facet key hold for the reading cf, looking no further than far?
 * dist: how far its value was read (-1: it holds by absence or '*').
 */
static int
fc_holds(const struct lex_fc *fc, const struct clause_fig *cf, int far,
    int *dist)
{
	size_t k;
	int v;

	*dist = -1;
	if (fc->any)
		return 1;
	if (fc->cls == LEX_TOPIC) {
		int best = DIST_NONE, seen = 0;

		for (k = 0; k < cf->ntopic; k++) {
			if (cf->dtopic[k] > far)
				continue;
			seen = 1;
			if ((fc->allow >> cf->topic[k] & 1) && cf->dtopic[k] < best)
				best = cf->dtopic[k];
		}
		if (best < DIST_NONE) {
			*dist = best;
			return 1;
		}
		return fc->none && !seen;
	}
	v = cf->f[fc->cls].dist > far ? -1 : cf->f[fc->cls].val;
	if (v == -1)
		return fc->none;
	if (v < 0 || !(fc->allow >> v & 1))
		return 0;
	*dist = cf->f[fc->cls].dist;
	return 1;
}

/* The weights of word keys are the facets' (lex.h) */
_Static_assert((int)LWW_NOUN == (int)DIST_NOUN &&
    (int)LWW_LABEL == (int)DIST_LABEL &&
    (int)LWW_SHARED == (int)DIST_SHARED &&
    (int)LWW_CLAUSE == (int)DIST_CLAUSE &&
    (int)LWW_NONE == (int)DIST_NONE, "lex_weigh follows clause_dist");

/* Does word key k of rule r hold for the view? */
static int
word_holds(const struct lex_rule *r, enum lex_word k, const struct view *v)
{
	const struct lex_alt *a = &r->word[k];
	const char *text[2] = { NULL, NULL };
	size_t i;

	switch (lex_word_key[k].where) {
	case LWH_NOUN:
		text[0] = v->np;
		break;
	case LWH_LABEL:
		text[0] = v->label;
		break;
	case LWH_AFTER:
		text[0] = v->after;
		break;
	case LWH_NEAR:		/* not= looks at the label, near= wider */
		text[0] = lex_word_key[k].how == LHOW_NONE ? v->label :
		    v->before;
		text[1] = v->after;
		break;
	case LWH_COL:
		text[0] = v->col;
		break;
	case LWH_ROW:
		text[0] = v->row;
		break;
	case LWH_SECTION:
		text[0] = v->section;
		break;
	}
	for (i = 0; i < 2 && text[i] != NULL; i++)
		switch (lex_word_key[k].how) {
		case LHOW_STARTS:
			if (lex_starts_any(a, text[i]))
				return 1;
			break;
		case LHOW_ENDS:
			if (lex_ends_any(a, text[i]))
				return 1;
			break;
		case LHOW_CONTAINS:
		case LHOW_NONE:
			if (lex_contains_any(a, text[i]))
				return lex_word_key[k].how == LHOW_CONTAINS;
			break;
		}
	return lex_word_key[k].how == LHOW_NONE;
}

static int
words_hold(const struct lex_rule *r, const struct view *v)
{
	size_t k;

	for (k = 0; k < LW_N; k++)
		if (r->word[k].n > 0 && !word_holds(r, (enum lex_word)k, v))
			return 0;
	return 1;
}

/* Word keys weigh as the facets they stand for (lex_word_key). */
static int
word_weight(const struct lex_rule *r)
{
	size_t k;
	int w = 0;

	for (k = 0; k < LW_N; k++)
		if (r->word[k].n > 0 && lex_word_key[k].weigh != LWW_NONE)
			w += weight((int)lex_word_key[k].weigh);
	return w;
}

/* The farthest a rule's word keys look. */
static int
word_dist(const struct lex_rule *r)
{
	size_t k;
	int d = DIST_NOUN;

	for (k = 0; k < LW_N; k++)
		if (r->word[k].n > 0 && lex_word_key[k].weigh != LWW_NONE &&
		    (int)lex_word_key[k].weigh > d)
			d = (int)lex_word_key[k].weigh;
	return d;
}

static size_t
word_keys(const struct lex_rule *r)
{
	size_t k, n = r->source != NULL;

	for (k = 0; k < LW_N; k++)
		n += r->word[k].n > 0;
	return n;
}

/* Does rule r hold for the view, its facets read no further than far?
 * Fills m. */
static int
rule_holds(const struct lex *x, const struct lex_rule *r, const struct view *v,
    int far, struct match *m)
{
	size_t k, words;

	if (r->source != NULL && strcmp(r->source, v->table ? "table" : "text"))
		return 0;
	if (v->table && r->source == NULL)
		return 0;
	/* A percentage is never a count, nor a count a percentage. */
	if (r->ind_index >= 0 && (strcmp(x->ind[r->ind_index].unit,
	    "percent") == 0) != v->percent)
		return 0;
	m->r = r;
	m->score = m->maxd = 0;
	words = r->nkeys - word_keys(r);
	for (k = 0; k < r->nfc; k++) {
		int d;

		if (v->cf == NULL || !fc_holds(&r->fc[k], v->cf, far, &d))
			return 0;
		if (!r->fc[k].any) {
			m->score += weight(d);
			words--;
		}
		if (d > m->maxd)
			m->maxd = d;
	}
	m->score += word_weight(r);
	if (m->maxd < word_dist(r))
		m->maxd = word_dist(r);
	(void)words;
	return words_hold(r, v);
}

static int
better(const struct match *a, const struct match *b)
{
	if (a->score != b->score)
		return a->score > b->score;
	return a->maxd < b->maxd;
}

/*
 * The best rule for the view, or NULL.  The far clause is read only when
 * the nearer words make no rule hold; a rule found so is *weak, as is one
 * that needed near= (the whole context).
 */
const struct lex_rule *
facts_best_rule(const struct lex *x, const struct view *v, int *weak)
{
	struct match best = { NULL, 0, 0 }, m;
	size_t i;
	int pass;

	for (pass = 0; pass < 2 && best.r == NULL; pass++)
		for (i = 0; i < x->nrule; i++)
			if (rule_holds(x, &x->rule[i], v, pass == 0 ? DIST_SHARED :
			    DIST_CLAUSE, &m) && (best.r == NULL || better(&m, &best)))
				best = m;
	*weak = best.r != NULL && (pass == 2 || best.r->word[LW_NEAR].n > 0);
	return best.r;
}
