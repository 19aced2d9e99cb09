/*
 * facts: reading the mentions of one document (see facts.h).
 *
 * Text mentions are read a line at a time through clause_read; a table
 * cell by its column and row labels.  The rule that wins is the one with
 * the most keys, then the nearest facets, then the first in the file
 * (facts_rules.c); the reporter's figure of each indicator is chosen in
 * facts_choose.c.  Scope comes from the rule, then the roles of the clause (a change, a
 * plan, a proposal, an example, a lower tier), then the structure of the
 * line (a part of the same indicator as its whole, siblings of one
 * indicator, a side figure in brackets).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "facts.h"
#include "facts_int.h"
#include "period.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

const char *const fact_scope_name[SCOPE_N] = { "reporter", "sub",
	"table-row", "table-total" };
const char *const fact_qual_name[FQ_N] = { "exact", "approx", "min", "max" };
const char *const fact_flag_name[FLAG_N] = { "conflict", "weak", "approx",
	"corrected", "ocr", "dropped" };
const char *const fact_time_name[] = { "", "whole", "other", "part" };


struct fact *
facts_add(struct facts *d)
{
	struct fact *f;

	if (d->n == d->cap) {
		d->cap = d->cap == 0 ? 64 : d->cap * 2;
		d->f = xreallocarray(d->f, d->cap, sizeof(*d->f));
	}
	f = &d->f[d->n++];
	memset(f, 0, sizeof(*f));
	f->ind = -1;
	f->conflict_with = -1;
	f->rate_of = -1;
	f->facet[0].val = f->facet[1].val = f->facet[2].val = -1;
	f->facet[0].dist = f->facet[1].dist = f->facet[2].dist = DIST_NONE;
	return f;
}

void
facts_clear(struct facts *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		struct fact *f = &d->f[i];

		free(f->section);
		free(f->heading);
		free(f->row);
		free(f->col);
		free(f->before);
		free(f->raw);
		free(f->unit);
		free(f->after);
	}
	d->n = 0;
}

void
facts_free(struct facts *d)
{
	facts_clear(d);
	free(d->f);
	d->f = NULL;
	d->cap = 0;
}

void
facts_reading(const struct lex *x, const struct fact *f, struct buf *out)
{
	static const char *const facet_name[3] = { "what", "kind", "state" };
	static const char *const dist_name[] = { "noun", "label", "shared",
		"clause" };
	int k;

	if (f->rule != NULL)
		buf_printf(out, "rule %zu", f->rule->line);
	else if (f->zero != NULL)
		buf_printf(out, "zero %zu", f->zero->line);
	else
		buf_adds(out, "no rule");
	for (k = 0; k < 3; k++) {
		const struct clause_facet *c = &f->facet[k];

		if (c->val == -1 || c->dist == DIST_NONE)
			continue;
		buf_printf(out, "; %s=%s (%s)", facet_name[k],
		    c->val >= 0 ? x->val[k][c->val] : "?", dist_name[c->dist]);
	}
	if (f->time != TIME_NONE)
		buf_printf(out, "; time=%s", fact_time_name[f->time]);
	if (f->whole || f->own || f->lower)
		buf_printf(out, "; tier=%s", f->whole ? "whole" : f->own ? "own" :
		    "lower");
	if (f->actor)
		buf_adds(out, "; official");
}

void
facts_flags(unsigned flags, struct buf *out)
{
	int k, first = 1;

	for (k = 0; k < FLAG_N; k++)
		if (flags & 1u << k) {
			if (!first)
				buf_addc(out, ';');
			buf_adds(out, fact_flag_name[k]);
			first = 0;
		}
	if (out->p == NULL)
		buf_adds(out, "");
}

static enum fact_qual
qual_of(int q)
{
	switch (q) {
	case QUAL_APPROX:
		return FQ_APPROX;
	case QUAL_MIN:
		return FQ_MIN;
	case QUAL_MAX:
		return FQ_MAX;
	}
	return FQ_EXACT;
}

/* Indicator, value and unit of f from rule r. */
static void
set_indicator(const struct lex *x, struct fact *f, const struct lex_rule *r,
    const struct clause_fig *cf)
{
	const struct lex_ind *ind;

	f->rule = r;
	f->ind = r == NULL ? -1 : r->ind_index;
	ind = f->ind >= 0 ? &x->ind[f->ind] : NULL;
	/* A coverage fraction counts units (16/16 xã). */
	if (f->v.fraction && ind != NULL && strncmp(ind->id, "units.", 6) == 0)
		f->value = f->v.denom;
	else
		f->value = f->v.value;
	/* A noun of another unit than the indicator's, which its rule
	 * admits ("260 lượt người dân tham dự" of dialogues, counted in
	 * sessions), is less its own. */
	f->other_unit = ind != NULL && cf != NULL && cf->f[LEX_WHAT].val >= 0 &&
	    cf->f[LEX_WHAT].dist == DIST_NOUN && !f->v.percent &&
	    strcmp(x->val[LEX_WHAT][cf->f[LEX_WHAT].val], ind->unit) != 0;
	if (ind != NULL)
		f->unit_out = ind->unit;
	else if (f->v.percent)
		f->unit_out = "percent";
	else if (f->v.area)
		f->unit_out = "m2";
	else if (cf != NULL && cf->f[LEX_WHAT].val >= 0 &&
	    cf->f[LEX_WHAT].dist == DIST_NOUN)
		f->unit_out = x->val[LEX_WHAT][cf->f[LEX_WHAT].val];
	else
		f->unit_out = "";
	if (cf != NULL)
		snprintf(f->np, sizeof(f->np), "%.*s", (int)(strlen(cf->np) <
		    sizeof(f->np) ? strlen(cf->np) : u8_cut(cf->np,
		    strlen(cf->np), sizeof(f->np) - 1)), cf->np);
}

static void
fold_to(struct buf *b, const char *s)
{
	buf_clear(b);
	lex_fold(b, s, strlen(s));
}

static enum fact_time time_of(const struct facts *, const char *folded);

/* A table cell: its column and row labels say what it is; another time
 * than the report's its headings name (an appendix's title: "... từ ngày
 * 01/7/2025 đến ngày 30/11/2025") is its time. */
static void
read_cell(struct facts *d, struct fact *f, struct buf *fb)
{
	struct clause_in in;
	struct clause_fig cf;
	struct buf col = { 0 }, row = { 0 }, sec = { 0 }, np = { 0 };
	struct view v = { 0 };
	int weak;

	memset(&in, 0, sizeof(in));
	in.before = span_of(f->before);
	in.raw = span_of(f->raw);
	in.unit = span_of(f->unit);
	in.after = span_of(f->after);
	in.percent = f->v.percent;
	clause_read(d->lex, &in, 1, &cf);
	if (f->heading != NULL && f->heading[0] != '\0') {
		fold_to(fb, f->heading);
		/* (the report's own period there says nothing more) */
		if ((f->time = time_of(d, fb->p)) == TIME_WHOLE)
			f->time = TIME_NONE;
	}
	fold_to(&col, f->col);
	fold_to(&row, f->row);
	fold_to(&sec, f->section);
	fold_to(&np, f->unit);
	fold_to(fb, f->before);
	v.np = np.p;
	v.label = v.before = fb->p;
	v.after = "";
	v.col = col.p;
	v.row = row.p;
	v.section = sec.p;
	v.table = 1;
	v.percent = f->v.percent;
	set_indicator(d->lex, f, facts_best_rule(d->lex, &v, &weak), NULL);
	f->flags |= weak ? 1u << FLAG_WEAK : 0;
	f->qual = qual_of(cf.qual);
	f->scope = words_total_label(f->row, strlen(f->row), fb) ?
	    SCOPE_TABLE_TOTAL : SCOPE_TABLE_ROW;
	clause_fig_free(&cf);
	buf_free(&col);
	buf_free(&row);
	buf_free(&sec);
	buf_free(&np);
}

/* Roles that make a figure no level of any indicator. */
#define NOT_A_LEVEL ((1u << ROLE_CHANGE) | (1u << ROLE_COMPARE) | \
	(1u << ROLE_TO) | (1u << ROLE_FROM))

/* The scope the clause reading gives figure f (before structure). */
/*
 * The scope the clause reading gives figure f (before structure).  A
 * lower tier, examples ("nổi bật như các xã: ...") or former units ("03
 * xã cũ") go on for the rest of the line: *rest is 1 after a tier, 2
 * after examples, 3 after former units; the reporter's own tier named
 * again ends a tier.
 */
static enum fact_scope
clause_scope(const struct facts *d, struct fact *f, const struct clause_fig *cf,
    int *rest)
{
	unsigned role = cf->role;
	int tier = (role & 1u << ROLE_TIER) && !(role & 1u << ROLE_OWN) &&
	    !d->ward_reporter;
	int reporter_rule = f->rule != NULL && f->rule->scope != NULL &&
	    strcmp(f->rule->scope, "reporter") == 0;

	if ((role & 1u << ROLE_OWN) && !(role & 1u << ROLE_PART) && *rest == 1)
		*rest = 0;
	if ((tier || (role & 1u << ROLE_PART)) && *rest == 0)
		*rest = 1;
	if (role & 1u << ROLE_EXAMPLE)
		*rest = 2;
	/* Former units' figures go on to the end of the line too. */
	if (role & 1u << ROLE_FORMER)
		*rest = 3;
	if (f->rule != NULL && f->rule->scope != NULL &&
	    strcmp(f->rule->scope, "sub") == 0)
		return SCOPE_SUB;
	/* "03 xã cũ": the units merged into the reporter, not its own */
	if (cf->former)
		return SCOPE_SUB;
	if (*rest >= 2 || (role & ((1u << ROLE_PLAN) | (1u << ROLE_PROPOSAL) |
	    (1u << ROLE_FIELD))))
		return SCOPE_SUB;
	if (reporter_rule)
		return SCOPE_REPORTER;
	if (tier || *rest || (role & 1u << ROLE_PART))
		return SCOPE_SUB;
	return SCOPE_REPORTER;
}

/* The figure f is part of or beside, or -1. */
static long
parent_of(const struct clause_fig *cf)
{
	return cf->whole >= 0 ? cf->whole : cf->host;
}

static int
has_state(const struct clause_fig *cf, int state)
{
	return cf->f[LEX_STATE].val == state;
}

/*
 * One indicator stated twice on one line with two values, for two actors
 * ("Chủ tịch tiếp 06 lượt; các Phó Chủ tịch tiếp 23 lượt") or as items of
 * one list ("cử 776 trường hợp ... do Thành phố tổ chức và 199 trường hợp
 * do quận tổ chức"), neither a part nor a side figure of another: the
 * parts of a total the report does not state, all sub.
 */
static void
several_actors(struct fact *f, const struct clause_fig *cf, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		int split = 0;

		if (f[i].ind < 0 || f[i].scope != SCOPE_REPORTER ||
		    parent_of(&cf[i]) >= 0)
			continue;
		for (j = 0; j < n && !split; j++)
			split = j != i && f[j].ind == f[i].ind &&
			    f[j].scope == SCOPE_REPORTER && parent_of(&cf[j]) < 0 &&
			    dec_cmp(&f[j].value, &f[i].value) != 0 &&
			    ((cf[i].role & cf[j].role & 1u << ROLE_ACTOR) ||
			    cf[j].list_head == (long)i || cf[i].list_head == (long)j ||
			    (cf[i].list_head >= 0 && cf[i].list_head == cf[j].list_head));
		if (split)
			for (j = 0; j < n; j++)
				if (f[j].ind == f[i].ind && parent_of(&cf[j]) < 0)
					f[j].scope = SCOPE_SUB;
	}
}

/*
 * The structure of the line: a total whose parts include the carried-over
 * is not the count received; a part of the same indicator as its whole,
 * and parts that share an indicator, are sub; a side figure in brackets
 * is sub; a rate follows the scope of its count.
 */
static void
structure_scope(const struct lex *x, struct fact *f, struct clause_fig *cf,
    size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		long p = parent_of(&cf[i]);

		if (p >= 0 && has_state(&cf[i], x->known.state_carried_over) &&
		    (has_state(&cf[p], x->known.state_received) ||
		    has_state(&cf[p], x->known.state_in_scope)) && f[p].ind >= 0) {
			f[p].ind = -1;
			f[p].rule = NULL;
		}
	}
	for (i = 0; i < n; i++) {
		long p = parent_of(&cf[i]);

		if (f[i].ind < 0 || f[i].scope != SCOPE_REPORTER || f[i].v.percent)
			continue;
		if (p >= 0 && f[p].ind == f[i].ind)
			f[i].scope = SCOPE_SUB;
		else if (p < 0 && cf[i].depth > 0)
			f[i].scope = SCOPE_SUB;
		for (j = 0; j < n && p >= 0; j++)
			if (j != i && parent_of(&cf[j]) == p && f[j].ind == f[i].ind)
				f[i].scope = SCOPE_SUB;
	}
	several_actors(f, cf, n);
	for (i = 0; i < n; i++)
		if (cf[i].rate_of >= 0 && f[cf[i].rate_of].scope == SCOPE_SUB &&
		    f[i].scope == SCOPE_REPORTER)
			f[i].scope = SCOPE_SUB;
}

/* Is the period phrase at folded b[at..] the end of a comparison ("so
 * với cùng kỳ năm 2023")? */
static int
compared(const struct lex *x, const struct lex_hit *h, size_t nh, size_t at)
{
	size_t k;

	for (k = 0; k < nh; k++)
		if (lex_hit_is(x, &h[k], LEX_ROLE, ROLE_COMPARE) &&
		    h[k].pos <= at && h[k].pos + h[k].len + 2 >= at)
			return 1;
	return 0;
}

/*
 * The time the clause before a figure names: the last period phrase in
 * it that is no comparison's, against the report's period.
 */
static enum fact_time
time_of(const struct facts *d, const char *folded)
{
	struct lex_hit h[32];
	size_t n = strlen(folded), at = 0, so, eo, nh;
	long f0, f1, r0, r1, l0 = 0, l1 = 0;
	int found = 0;

	if (d->period == NULL || period_days(d->period, strlen(d->period), &r0,
	    &r1) != 0)
		return TIME_NONE;
	nh = lex_scan(d->lex, folded, n, h, 32);
	if (nh > 32)
		nh = 32;
	while (at < n && period_find_span(folded + at, &f0, &f1, &so,
	    &eo) == 0) {
		if (!compared(d->lex, h, nh, at + so)) {
			l0 = f0;
			l1 = f1;
			found = 1;
		}
		at += eo > 0 ? eo : 1;
	}
	if (!found)
		return TIME_NONE;
	if (l1 == LONG_MAX)	/* to the report's day: the period's end */
		l1 = r1;
	if (l0 == r0 && l1 == r1)
		return TIME_WHOLE;
	if (l0 >= r0 && l1 <= r1)
		return TIME_PART;
	return TIME_OTHER;
}

/*
 * A figure written as a negation whose clause names the value of a zero
 * line says 0 of each of its indicators: the copies are made later
 * (expand_zeros); here the lines that hold are noted.
 */
static void
zeros(struct facts *d, struct fact *f, const struct clause_fig *cf)
{
	const struct lex *x = d->lex;
	size_t k;

	f->nzeros = 0;
	if (f->raw[0] == '\0' || wd_digit(f->raw[0]))
		return;
	for (k = 0; k < x->nzero && f->nzeros < FACT_MAXZEROS; k++) {
		const struct lex_zero *z = &x->zero[k];

		if (z->cls == LEX_TOPIC ? clause_topic_dist(cf, z->val) <=
		    DIST_CLAUSE : cf->f[z->cls].val == z->val)
			f->zeros[f->nzeros++] = z;
	}
}

/* Puts after each figure that noted zero lines a copy per indicator the
 * lines name that it does not have itself: 0 of each. */
static void
expand_zeros(struct facts *d)
{
	struct fact *old = d->f;
	size_t n = d->n, i, k, j, extra = 0, *at;

	for (i = 0; i < n; i++)
		for (k = 0; k < old[i].nzeros; k++)
			extra += old[i].zeros[k]->nind;
	if (extra == 0)
		return;
	d->f = xcalloc(n + extra, sizeof(*d->f));
	d->cap = n + extra;
	d->n = 0;
	at = xcalloc(n, sizeof(*at));
	for (i = 0; i < n; i++) {
		at[i] = d->n;
		d->f[d->n++] = old[i];
		for (k = 0; k < old[i].nzeros; k++) {
			const struct lex_zero *z = old[i].zeros[k];

			for (j = 0; j < z->nind; j++) {
				struct fact *c;
				size_t m;

				for (m = 0; m < d->n; m++)
					if (d->f[m].line == old[i].line &&
					    d->f[m].ind == z->ind[j] &&
					    strcmp(d->f[m].raw, old[i].raw) == 0)
						break;
				if (m < d->n)
					continue;	/* said already */
				c = &d->f[d->n++];
				*c = old[i];
				c->section = xstrdup(old[i].section);
				c->heading = old[i].heading == NULL ? NULL :
				    xstrdup(old[i].heading);
				c->row = xstrdup(old[i].row);
				c->col = xstrdup(old[i].col);
				c->before = xstrdup(old[i].before);
				c->raw = xstrdup(old[i].raw);
				c->unit = xstrdup(old[i].unit);
				c->after = xstrdup(old[i].after);
				c->rule = NULL;
				c->zero = z;
				c->nzeros = 0;
				c->ind = z->ind[j];
				c->unit_out = d->lex->ind[c->ind].unit;
				c->rate_of = -1;
			}
		}
	}
	/* Rates name their counts by index: the indices moved. */
	for (i = 0; i < d->n; i++)
		if (d->f[i].zero == NULL && d->f[i].rate_of >= 0)
			d->f[i].rate_of = (long)at[d->f[i].rate_of];
	free(at);
	free(old);
}

/* The figures of one line of text, f[0..n). */
static void
read_clauses(struct facts *d, struct fact *f, size_t n, struct buf *fb)
{
	struct clause_in *in = xcalloc(n, sizeof(*in));
	struct clause_fig *cf = xcalloc(n, sizeof(*cf));
	struct buf after = { 0 }, sec = { 0 };
	enum fact_time time = TIME_NONE;
	size_t i;
	int rest = 0;

	for (i = 0; i < n; i++) {
		in[i].before = span_of(f[i].before);
		in[i].raw = span_of(f[i].raw);
		in[i].unit = span_of(f[i].unit);
		in[i].after = span_of(f[i].after);
		in[i].percent = f[i].v.percent;
		in[i].fraction = f[i].v.fraction;
		in[i].area = f[i].v.area;
	}
	clause_read(d->lex, in, n, cf);
	for (i = 0; i < n; i++)
		if (f[i].heading != NULL && f[i].heading[0] != '\0') {
			fold_to(fb, f[i].heading);
			clause_far_topics(d->lex, &cf[i], fb->p, fb->n);
		}
	for (i = 0; i < n; i++) {
		struct view v = { 0 };
		const struct lex_rule *r;
		enum fact_time t;
		int weak;

		fold_to(fb, f[i].before);
		/* A time named at the start of the line holds for the rest. */
		if ((t = time_of(d, fb->p)) != TIME_NONE)
			time = t;
		f[i].time = time;
		memcpy(f[i].facet, cf[i].f, sizeof(f[i].facet));
		f[i].actor = (cf[i].role & 1u << ROLE_ACTOR) != 0;
		f[i].whole = (cf[i].role & 1u << ROLE_WHOLE) != 0;
		f[i].own = (cf[i].role & 1u << ROLE_OWN) && !f[i].whole;
		f[i].lower = (cf[i].role & 1u << ROLE_TIER) && !f[i].own &&
		    !f[i].whole;
		fold_to(&after, f[i].after);
		fold_to(&sec, f[i].section);
		v.np = cf[i].np;
		v.label = cf[i].label;
		v.before = fb->p;
		v.after = after.p;
		v.col = v.row = "";
		v.section = sec.p;
		v.cf = &cf[i];
		v.percent = f[i].v.percent;
		r = facts_best_rule(d->lex, &v, &weak);
		if ((cf[i].role & NOT_A_LEVEL) ||
		    (f[i].v.percent && (cf[i].role & 1u << ROLE_ATTAIN)))
			r = NULL;
		set_indicator(d->lex, &f[i], r, &cf[i]);
		f[i].broad = r == NULL || r->scope == NULL ? 0 :
		    strcmp(r->scope, "broad") == 0 ? 1 :
		    strcmp(r->scope, "broader") == 0 ? 2 : 0;
		f[i].alone = r != NULL && r->scope != NULL &&
		    strcmp(r->scope, "alone") == 0;
		f[i].flags |= weak && r != NULL ? 1u << FLAG_WEAK : 0;
		f[i].qual = qual_of(cf[i].qual);
		f[i].total = cf[i].total;
		f[i].rate_of = cf[i].rate_of < 0 ? -1 :
		    (long)(f - d->f) + cf[i].rate_of;
		f[i].scope = clause_scope(d, &f[i], &cf[i], &rest);
		zeros(d, &f[i], &cf[i]);
	}
	structure_scope(d->lex, f, cf, n);
	for (i = 0; i < n; i++)
		clause_fig_free(&cf[i]);
	free(cf);
	free(in);
	buf_free(&after);
	buf_free(&sec);
}

void
facts_read(struct facts *d)
{
	struct buf fb = { 0 };
	size_t i = 0, j;

	while (i < d->n) {
		struct fact *f = &d->f[i];

		if (f->table) {
			read_cell(d, f, &fb);
			i++;
		} else {
			for (j = i + 1; j < d->n && !d->f[j].table &&
			    d->f[j].line == f->line; j++)
				;
			read_clauses(d, f, j - i, &fb);
			i = j;
		}
	}
	expand_zeros(d);
	for (i = 0; i < d->n; i++) {
		if (d->f[i].qual != FQ_EXACT)
			d->f[i].flags |= 1u << FLAG_APPROX;
		if (d->f[i].ocr)
			d->f[i].flags |= 1u << FLAG_OCR;
	}
	buf_free(&fb);
}
