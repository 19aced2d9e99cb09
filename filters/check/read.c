/*
 * Reading: normalize's rows (--scope all) as typed figures, a document at
 * a time, and each line of text read by common/clause for its structure
 * (breakdowns, rates and their bases).
 *
 * Corrections are normalize's: a corrected row comes with its corrected
 * value and the flag 'corrected'; a dropped one has the flag 'dropped'
 * too, and is left out here.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "utf8.h"
#include "vnum.h"
#include "xalloc.h"

/*
 * What a figure counts, for comparing two statements of it: the indicator
 * when normalize gave one, else the facets the reading found ("tổng số
 * đơn phải giải quyết" is no indicator, but two values of it disagree)
 * under the same headings (what the facets leave out, such as the kind
 * of case a section is about, its heading may say).
 */
static char *
quantity_key(const struct lex *x, const struct fig *f,
    const struct clause_fig *c)
{
	struct buf b = { 0 };
	int cls;

	if (f->ind[0] != '\0')
		return xstrdup(f->ind);
	if (c->f[LEX_WHAT].val < 0 || c->f[LEX_STATE].val < 0 ||
	    c->f[LEX_STATE].dist > DIST_SHARED)
		return xstrdup("");
	for (cls = 0; cls < 3; cls++) {
		buf_adds(&b, c->f[cls].val < 0 ? "-" : x->val[cls][c->f[cls].val]);
		buf_addc(&b, '|');
	}
	buf_adds(&b, f->heading);
	return b.p;
}

void
read_line(struct state *st, size_t a, size_t b)
{
	struct clause_in *in = xcalloc(b - a, sizeof(*in));
	struct clause_fig *cf = xcalloc(b - a, sizeof(*cf));
	size_t i;

	for (i = a; i < b; i++) {
		struct fig *x = &st->figs[i];
		struct clause_in *c = &in[i - a];

		c->before = span_of(x->before);
		c->raw = span_of(x->raw);
		c->unit = span_of(x->unit_text);
		c->after = span_of(x->after);
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
		x->what = c->f[LEX_WHAT].val;
		x->noun = c->f[LEX_WHAT].dist == DIST_NOUN;
		x->state = c->f[LEX_STATE].val;
		x->actor = xstrdup(c->actor != NULL ? c->actor : "");
		x->qkey = quantity_key(st->lex, x, c);
		clause_fig_free(c);
	}
	free(cf);
	free(in);
}

void
read_cells(struct state *st, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++) {
		st->figs[i].gap = xstrdup("");
		st->figs[i].actor = xstrdup("");
		st->figs[i].qkey = xstrdup(st->figs[i].ind);
	}
}

static void
free_fig(struct fig *x)
{
	free(x->ind);
	free(x->raw);
	free(x->unit);
	free(x->row);
	free(x->col);
	free(x->before);
	free(x->unit_text);
	free(x->after);
	free(x->heading);
	free(x->context);
	free(x->actor);
	free(x->gap);
	free(x->qkey);
}

void
free_doc(struct state *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		free_fig(&st->figs[i]);
	for (i = 0; i < st->nfnd; i++) {
		free(st->fnd[i].ind);
		free(st->fnd[i].expected);
		free(st->fnd[i].actual);
		free(st->fnd[i].detail);
	}
	st->n = st->nfnd = 0;
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

/* Field k of the row as a new string ("" for an absent column). */
static char *
field(const struct state *st, int k)
{
	struct span s;

	if (st->idx[k] < 0)
		return xstrdup("");
	s = csvin_field(st->in, (size_t)st->idx[k]);
	return xmemdup(s.p, s.n);
}

static int
field_is(const struct state *st, int k, const char *v)
{
	return st->idx[k] >= 0 && span_eq(csvin_field(st->in,
	    (size_t)st->idx[k]), v);
}

/* The index of the row's field k among names[0..n), or -1. */
static int
field_enum(const struct state *st, int k, const char *const *names, int n)
{
	struct span s = csvin_field(st->in, (size_t)st->idx[k]);
	int i;

	for (i = 0; i < n; i++)
		if (span_eq(s, names[i]))
			return i;
	return -1;
}

/* The flags column ("conflict;weak") as a set. */
static unsigned
flags_of(const struct state *st)
{
	struct span s;
	unsigned set = 0;
	size_t i, j;
	int k;

	if (st->idx[C_FLAGS] < 0)
		return 0;
	s = csvin_field(st->in, (size_t)st->idx[C_FLAGS]);
	for (i = 0; i < s.n; i = j + 1) {
		for (j = i; j < s.n && s.p[j] != ';'; j++)
			;
		for (k = 0; k < FLAG_N; k++)
			if (strlen(fact_flag_name[k]) == j - i &&
			    memcmp(s.p + i, fact_flag_name[k], j - i) == 0)
				set |= 1u << k;
	}
	return set;
}

/* The context two statements of one quantity must share to be compared:
 * the time, the tier and the official their clauses name. */
static char *
context_of(const struct state *st)
{
	struct buf b = { 0 };
	static const int c[3] = { C_TIME, C_TIER, C_OFFICIAL };
	size_t k;

	for (k = 0; k < 3; k++) {
		if (st->idx[c[k]] >= 0) {
			struct span v = csvin_field(st->in, (size_t)st->idx[c[k]]);

			buf_add(&b, v.p, v.n);
		}
		buf_addc(&b, '|');
	}
	return b.p;
}

/* Says why the row cannot be read; it is skipped and counted. */
static void
skip_row(struct state *st, const char *what, int col)
{
	struct span v = csvin_field(st->in, (size_t)st->idx[col]);

	st->bad_values++;
	warn_at(csvin_name(st->in), csvin_line(st->in),
	    "%s '%.*s' is not one baocao-check knows; row skipped", what,
	    (int)(v.n > 40 ? 40 : v.n), v.p);
}

void
read_row(struct state *st)
{
	struct fig *x, f = { 0 };
	struct vnum v;
	struct span s;
	char *value, *value2;
	int scope, qual;

	st->rows++;
	s = csvin_field(st->in, (size_t)st->idx[C_DOC]);
	if (st->doc != NULL && (strlen(st->doc) != s.n ||
	    memcmp(st->doc, s.p, s.n) != 0))
		end_doc(st);
	/* A figure an analyst's correction dropped is no figure. */
	f.flags = flags_of(st);
	f.ind = field(st, C_IND);
	if (f.flags & 1u << FLAG_DROPPED) {
		st->dropped++;
		free(f.ind);
		return;
	}
	value = field(st, C_VALUE);
	if (dec_parse(&f.value, value, strlen(value)) != DEC_OK) {
		/* Not a figure this can reason about; it is still counted. */
		st->bad_values++;
		warn_at(csvin_name(st->in), csvin_line(st->in),
		    "value '%.40s' is not a number; row skipped", value);
		free(value);
		free(f.ind);
		return;
	}
	if ((scope = field_enum(st, C_SCOPE, fact_scope_name, SCOPE_N)) < 0 ||
	    (qual = field_enum(st, C_QUAL, fact_qual_name, FQ_N)) < 0) {
		skip_row(st, scope < 0 ? "scope" : "qualifier", scope < 0 ?
		    C_SCOPE : C_QUAL);
		free(value);
		free(f.ind);
		return;
	}
	f.scope = (enum fact_scope)scope;
	f.qual = (enum fact_qual)qual;
	f.table = !field_is(st, C_SOURCE, "text");
	f.raw = field(st, C_RAW);
	f.unit = field(st, C_UNIT);
	f.row = field(st, C_ROW);
	f.col = field(st, C_COL);
	f.before = field(st, C_BEFORE);
	f.unit_text = field(st, C_UNIT_TEXT);
	f.after = field(st, C_AFTER);
	f.heading = field(st, C_HEADING);
	value2 = field(st, C_LINE);
	f.line = strtoul(value2, NULL, 10);
	free(value2);
	f.whole = f.first_part = f.rate_of = f.base = -1;
	f.what = f.state = -1;
	f.chosen = field_is(st, C_CHOSEN, "1");
	f.official = field_is(st, C_OFFICIAL, "1");
	f.part = field_is(st, C_TIME, fact_time_name[TIME_PART]);
	f.context = context_of(st);
	f.percent = strcmp(f.unit, "percent") == 0;
	f.verbal = strpbrk(f.raw, "0123456789") == NULL;
	f.exact = f.qual == FQ_EXACT;
	/* A corrected value stands alone: no longer the fraction written. */
	if (!(f.flags & 1u << FLAG_CORRECTED) &&
	    vnum_parse(&v, f.raw, strlen(f.raw)) == 0) {
		f.fraction = v.fraction;
		f.denom = v.denom;
		f.area = v.area;
	}
	f.decimals = decimals_of(f.raw, value);
	free(value);
	if (st->doc == NULL)
		st->doc = xmemdup(s.p, s.n);
	if (st->n == st->cap) {
		st->cap = st->cap == 0 ? 256 : st->cap * 2;
		st->figs = xreallocarray(st->figs, st->cap, sizeof(*st->figs));
	}
	x = &st->figs[st->n++];
	*x = f;
}
