/*
 * The rules across a document: each table's total row against its rows
 * (table-total), and a quantity stated twice with two values
 * (restatement): the text against a table's total, or the text against
 * itself in the same words; a rate against a base named in words, the
 * document's figure of it on another line (percent-vs-fraction).
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "utf8.h"
#include "words.h"

#define PHRASE_WORDS 4	/* words before a figure that say it is restated */

static int
is_whole_cell(const struct fig *x)
{
	return x->before[0] == '\0' && x->after[0] == '\0' &&
	    x->exact && !x->percent && !x->fraction;
}

/* One table, figs[a..b): each total row against its column's rows. */
void
tables(struct state *st, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++) {
		struct fig *t = &st->figs[i];
		struct dec sum;
		size_t rows = 0;
		int later = 0;

		if (t->scope != SCOPE_TABLE_TOTAL || !is_whole_cell(t))
			continue;
		dec_zero(&sum);
		for (j = a; j < b; j++) {
			struct fig *x = &st->figs[j];

			if (strcmp(x->col, t->col) != 0 || !is_whole_cell(x))
				continue;
			if (x->scope == SCOPE_TABLE_TOTAL) {
				later |= j > i;
				continue;
			}
			if (x->scope != SCOPE_TABLE_ROW)
				continue;
			dec_add(&sum, &x->value);
			rows++;
		}
		/* Subtotals are not checked: only the last total row. */
		if (later || rows < 2 || dec_cmp(&sum, &t->value) == 0)
			continue;
		add_finding(st, t, R_TABLE, t->ind, &sum, NULL, &t->value,
		    "%s row of column '%s' is %s; its %zu rows sum to %s",
		    t->row, t->col, t->raw, rows, dtext(&sum, &st->tmp));
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

	u8_fold(&f, x->before, strlen(x->before));
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
	u8_fold(out, x->unit_text, strlen(x->unit_text));
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
		    strcmp(st->figs[j].qkey, key) == 0 && !st->figs[j].table)
			return (long)j;
	for (j = 0; j < st->n; j++)
		if (st->figs[j].scope == SCOPE_REPORTER && !st->figs[j].table &&
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
		    y->scope != x->scope || y->table)
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

void
restatements(struct state *st)
{
	struct buf ka = { 0 }, kb = { 0 };
	size_t i, j;

	for (i = 0; i < st->n; i++) {
		struct fig *x = &st->figs[i];
		int xsub = x->scope == SCOPE_SUB;

		/* The document's figure, or a part stated first in its words
		 * (one official's: "Chủ tịch đã tiếp 40 lượt"). */
		if (x->table || x->qkey == NULL || x->qkey[0] == '\0' ||
		    !x->exact || x->whole >= 0 || (xsub ? !x->official ||
		    !first_said(st, i) : doc_figure(st, x->qkey) != (long)i))
			continue;
		buf_clear(&ka);		/* x's phrase, made when first needed */
		for (j = 0; j < st->n; j++) {
			struct fig *y = &st->figs[j];

			if (j == i || !y->exact || y->whole >= 0 ||
			    y->qkey == NULL || strcmp(y->qkey, x->qkey) != 0 ||
			    strcmp(y->unit, x->unit) != 0 ||
			    dec_cmp(&y->value, &x->value) == 0)
				continue;
			if (y->scope == SCOPE_TABLE_TOTAL) {
				/* a table of a part of the period is no
				 * statement of the whole's figure */
				if (!is_whole_cell(y) || xsub || y->part != x->part)
					continue;
				add_finding(st, x, R_RESTATE, x->ind, &y->value,
				    NULL, &x->value, "the text says %s; the table "
				    "total at line %zu says %s", x->raw,
				    y->line, y->raw);
				continue;
			}
			/* Text against text: the same words before, the same
			 * noun after, on another line, in a clause of the same
			 * time, tier and official. */
			if (j < i || y->line == x->line || y->table ||
			    y->scope != x->scope ||
			    strcmp(y->context, x->context) != 0 ||
			    strcmp(y->actor, x->actor) != 0)
				continue;
			if (ka.n == 0)
				phrase(&ka, x);
			phrase(&kb, y);
			if (strcmp(ka.p, kb.p) != 0 || ka.n < 8)
				continue;
			add_finding(st, y, R_RESTATE, x->ind, &x->value, NULL,
			    &y->value, "stated as %s at line %zu and as %s here",
			    x->raw, x->line, y->raw);
		}
	}
	buf_free(&ka);
	buf_free(&kb);
}

/* Does the text after a rate name its base in words ("66,07% trên tổng
 * số hồ sơ tiếp nhận")? */
static int
base_in_words(struct state *st, const struct fig *p)
{
	const char *s;

	buf_clear(&st->tmp);
	u8_fold(&st->tmp, p->after, strlen(p->after));
	for (s = st->tmp.p == NULL ? "" : st->tmp.p; *s == ' '; s++)
		;
	return words_prefix(WL_RATE_BASE, s, strlen(s)) > 0;
}

/*
 * A rate of a count whose base is named in words, not written on the
 * line ("Số hồ sơ tiếp nhận trực tuyến là 71.262 hồ sơ, đạt tỷ lệ 66,07%
 * trên tổng số hồ sơ tiếp nhận"): the lexicon's rate line says which
 * indicator the base is (rate dossiers.online_rate = dossiers.online /
 * dossiers.received), and the document's figure of it, stated in a clause
 * of the same time, tier and official, is the base.
 */
void
rate_bases(struct state *st)
{
	size_t i, k;

	for (i = 0; i < st->n; i++) {
		const struct fig *p = &st->figs[i], *c, *w;
		const struct lex_rate *r = NULL;
		char how[256];
		long d;

		if (!p->percent || p->table || p->rate_of < 0 || p->base >= 0 ||
		    p->ind[0] == '\0')
			continue;
		c = &st->figs[p->rate_of];
		if (!c->exact || c->fraction || c->ind[0] == '\0')
			continue;
		for (k = 0; k < st->lex->nrate && r == NULL; k++)
			if (strcmp(st->lex->rate[k].id, p->ind) == 0 &&
			    strcmp(st->lex->rate[k].num, c->ind) == 0)
				r = &st->lex->rate[k];
		if (r == NULL || !base_in_words(st, p) ||
		    (d = doc_figure(st, r->den)) < 0)
			continue;
		w = &st->figs[d];
		if (w->line == p->line || !w->exact ||
		    strcmp(w->context, p->context) != 0 ||
		    dec_cmp(&w->value, &c->value) < 0)
			continue;
		snprintf(how, sizeof(how), "%s of %s at line %zu", c->raw,
		    w->raw, w->line);
		check_rate(st, p, c, &c->value, &w->value, how);
	}
}
