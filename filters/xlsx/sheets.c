/*
 * The sheets of baocao-xlsx's workbook besides the period sheets
 * (periods.c): the files of the run with their status, the flags and the
 * findings' rules explained, the findings, every fact with its report,
 * any other table as it is; and the order of the sheets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "period.h"
#include "xalloc.h"
#include "xlsx.h"

#define WIDE 60.0		/* a column of sentences, wrapped */
#define FLAG_PREFIX "book:flag."
#define RULE_PREFIX "review:rule."

/* ---- The files of the run ---- */

struct fref {
	size_t r;
	const char *name, *path;
	char end[11];
};

/* By unit (natural order; files of no known unit last), period, path. */
static int
cmp_fref(const void *a, const void *b)
{
	const struct fref *x = a, *y = b;
	int c;

	if ((*x->name == '\0') != (*y->name == '\0'))
		return *x->name == '\0' ? 1 : -1;
	if ((c = labels_natcmp(x->name, y->name)) != 0)
		return c;
	if ((c = strcmp(x->end, y->end)) != 0)
		return c;
	return strcmp(x->path, y->path);
}

struct scount {
	const char *status;
	size_t n, rank;
};

static int
cmp_scount(const void *a, const void *b)
{
	const struct scount *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->status, y->status);
}

/* "Label: n; Label: n" of the statuses, in the labels' order. */
static void
status_counts(const struct state *st, struct buf *b, size_t *nok)
{
	const struct table *t = st->docs;
	struct scount *v = xcalloc(t->nrows + 1, sizeof(*v));
	struct buf id = { 0 };
	size_t r, k, n = 0;

	*nok = 0;
	for (r = 0; r < t->nrows; r++) {
		const char *s = table_cell(t, r, DI_STATUS);

		*nok += strcmp(s, "ok") == 0;
		for (k = 0; k < n && strcmp(v[k].status, s) != 0; k++)
			;
		if (k == n) {
			buf_clear(&id);
			buf_printf(&id, "review:status.%s", s);
			v[n].status = s;
			v[n++].rank = labels_rank(st->lab, id.p);
		}
		v[k].n++;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_scount);
	for (k = 0; k < n; k++)
		buf_printf(b, "%s%s: %zu", k > 0 ? "; " : "",
		    text_status(st, v[k].status), v[k].n);
	buf_free(&id);
	free(v);
}

/* The name of a file's unit: the manifest's, else the gazetteer's at the
 * end of its period, else its code; "" when it has none. */
static const char *
file_unit(const struct state *st, size_t r, const char *end)
{
	const char *name = table_cell(st->docs, r, DI_NAME);
	const char *code = table_cell(st->docs, r, DI_CODE);
	const struct gaz_unit *u;

	if (*name != '\0' || *code == '\0')
		return name;
	u = *end != '\0' ? gaz_by_code(st->gaz, code, end) : NULL;
	return u != NULL ? u->full_name : code;
}

static void
file_row(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    const struct fref *f, size_t stt, int *links)
{
	const struct table *t = st->docs;
	const char *status = table_cell(t, f->r, DI_STATUS);
	const char *period = table_cell(t, f->r, DI_PERIOD);

	cell_ok(worksheet_write_number(ws, row, 0, (double)stt, st->f.stt),
	    "STT");
	cell_link(st, ws, row, 1, f->path, links);
	cell_text(st, ws, row, 2, f->name, NULL);
	buf_clear(&st->tmp);
	if (*period != '\0')
		text_period(st, &st->tmp, period);
	cell_text(st, ws, row, 3, st->tmp.n > 0 ? st->tmp.p : "", NULL);
	cell_text(st, ws, row, 4, table_cell(t, f->r, DI_NO), NULL);
	cell_text(st, ws, row, 5, table_cell(t, f->r, DI_DATE), NULL);
	cell_text(st, ws, row, 6, text_status(st, status),
	    strcmp(status, "ok") == 0 ? NULL : st->f.warn);
	cell_text(st, ws, row, 7, table_cell(t, f->r, DI_REASON), NULL);
}

/* Every file of the manifest: where it is, whose, which period, its
 * status and why; a title saying how many went into the table. */
static void
files_sheet(struct state *st)
{
	const struct table *t = st->docs;
	const char *head[] = { text_say(st, "head.no"), text_say(st, "head.file"),
		text_say(st, "head.reporter"), text_say(st, "head.period"),
		text_say(st, "head.doc-no"), text_say(st, "head.doc-date"),
		text_say(st, "head.status"), text_say(st, "head.reason") };
	struct fref *f = xcalloc(t->nrows + 1, sizeof(*f));
	struct buf b = { 0 }, counts = { 0 }, source = { 0 };
	char n[24], in[24];
	size_t r, nok;
	int links = 0;
	lxw_worksheet *ws = cell_sheet(st, text_say(st, "sheet.files"));

	if (t->nrows + 4 >= LXW_ROW_MAX)
		die(2, "%s: more files than a sheet holds", t->path);
	for (r = 0; r < t->nrows; r++) {
		const char *per = table_cell(t, r, DI_PERIOD);

		f[r].r = r;
		f[r].path = table_cell(t, r, DI_PATH);
		if (period_end(per, strlen(per), f[r].end) != 0)
			f[r].end[0] = '\0';
		f[r].name = file_unit(st, r, f[r].end);
	}
	if (t->nrows > 1)
		qsort(f, t->nrows, sizeof(*f), cmp_fref);
	cell_header(st, ws, 3, head, sizeof(head) / sizeof(head[0]));
	for (r = 0; r < t->nrows; r++)
		file_row(st, ws, (lxw_row_t)(r + 4), &f[r], r + 1, &links);
	status_counts(st, &counts, &nok);
	snprintf(n, sizeof(n), "%zu", t->nrows);
	snprintf(in, sizeof(in), "%zu", nok);
	labels_fill(&b, text_say(st, "files.title"), "n", n, "in", in,
	    (const char *)NULL);
	worksheet_autofilter(ws, 3, 0, (lxw_row_t)(t->nrows + 3), 7);
	worksheet_freeze_panes(ws, 4, 2);
	periods_source(st, &source, NULL, NULL);
	cell_page(st, ws, 3, 3, text_say(st, "sheet.files"), source.p);
	cell_widths(st, ws, WIDE);
	cell_banner(st, ws, 0, 7, st->width, b.p, st->f.title, 20);
	if (counts.n > 0)
		cell_banner(st, ws, 1, 7, st->width, counts.p, st->f.banner,
		    15);
	buf_free(&b);
	buf_free(&counts);
	buf_free(&source);
	free(f);
}

/* ---- The flags and rules explained ---- */

/* Rows of the tables of kind k whose column c holds flag name; rule:
 * rows whose column c is name. */
static size_t
count_rows(const struct state *st, enum kind k, size_t c, const char *name,
    int rule)
{
	size_t i, r, n = 0;

	for (i = 0; i < st->nt; i++) {
		const struct table *t = &st->t[i];

		if (t->kind != k || !table_has(t, c))
			continue;
		for (r = 0; r < t->nrows; r++)
			n += rule ? strcmp(table_cell(t, r, c), name) == 0 :
			    has_flag(table_cell(t, r, c), name);
	}
	return n;
}

/* Whether any input is of kind k. */
static int
has_kind(const struct state *st, enum kind k)
{
	size_t i;

	for (i = 0; i < st->nt; i++)
		if (st->t[i].kind == k)
			return 1;
	return 0;
}

/* A count, or nothing when there is no table to count in. */
static void
put_count(struct state *st, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
    int have, size_t n)
{
	char num[24];

	snprintf(num, sizeof(num), "%zu", n);
	if (have)
		cell_put(st, ws, row, col, num, 0, NULL);
}

static lxw_row_t
guide_flags(struct state *st, lxw_worksheet *ws, lxw_row_t row)
{
	const char *head[] = { text_say(st, "head.flag"), text_say(st, "head.code"),
		text_say(st, "head.meaning"), text_say(st, "head.todo"),
		text_say(st, "head.facts-count"), text_say(st, "head.units-count") };
	size_t i, pre = strlen(FLAG_PREFIX);

	cell_header(st, ws, row++, head, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < st->lab->n; i++) {
		const struct label *l = &st->lab->v[i];
		const char *code = l->id + pre, *name;

		if (strncmp(l->id, FLAG_PREFIX, pre) != 0)
			continue;
		name = text_code(st, LABELS_FLAG, code, strlen(code));
		cell_text(st, ws, row, 0, name != NULL ? name : code, st->f.bold);
		cell_text(st, ws, row, 1, code, st->f.wrap);
		cell_text(st, ws, row, 2, l->label, st->f.wrap);
		cell_text(st, ws, row, 3, l->unit, st->f.wrap);
		cell_lines(ws, row, cell_wrapped(l->label, WIDE) >
		    cell_wrapped(l->unit, WIDE) ? cell_wrapped(l->label, WIDE) :
		    cell_wrapped(l->unit, WIDE));
		put_count(st, ws, row, 4, has_kind(st, K_FACTS),
		    count_rows(st, K_FACTS, XI_FLAGS, code, 0));
		put_count(st, ws, row++, 5, st->units != NULL,
		    count_rows(st, K_UNITS, UI_FLAGS, code, 0));
	}
	return row;
}

static lxw_row_t unlabelled_rules(struct state *, lxw_worksheet *,
	lxw_row_t);

static lxw_row_t
guide_rules(struct state *st, lxw_worksheet *ws, lxw_row_t row)
{
	const char *head[] = { text_say(st, "head.rule"), text_say(st, "head.code"),
		text_say(st, "head.rule-hint"), text_say(st, "head.count") };
	size_t i, pre = strlen(RULE_PREFIX);

	cell_header(st, ws, row++, head, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < st->lab->n; i++) {
		const struct label *l = &st->lab->v[i];
		const char *code = l->id + pre;

		if (strncmp(l->id, RULE_PREFIX, pre) != 0)
			continue;
		cell_text(st, ws, row, 0, l->label, st->f.bold);
		cell_text(st, ws, row, 1, code, st->f.wrap);
		cell_text(st, ws, row, 2, l->unit, st->f.wrap);
		cell_lines(ws, row, cell_wrapped(l->unit, WIDE));
		put_count(st, ws, row++, 3, has_kind(st, K_FINDINGS),
		    count_rows(st, K_FINDINGS, FI_RULE, code, 1));
	}
	return unlabelled_rules(st, ws, row);
}

/* The rules of the findings that have no label, by their codes. */
static lxw_row_t
unlabelled_rules(struct state *st, lxw_worksheet *ws, lxw_row_t row)
{
	const char **seen = NULL;
	size_t i, r, k, n = 0;

	for (i = 0; i < st->nt; i++) {
		const struct table *t = &st->t[i];

		for (r = 0; t->kind == K_FINDINGS && r < t->nrows; r++) {
			const char *rule = table_cell(t, r, FI_RULE);

			if (strcmp(text_rule(st, rule, 0), rule) != 0)
				continue;
			for (k = 0; k < n && strcmp(seen[k], rule) != 0; k++)
				;
			if (k < n)
				continue;
			seen = xreallocarray(seen, n + 1, sizeof(*seen));
			seen[n++] = rule;
			cell_text(st, ws, row, 0, rule, st->f.bold);
			cell_text(st, ws, row, 1, rule, NULL);
			put_count(st, ws, row++, 3, 1, count_rows(st,
			    K_FINDINGS, FI_RULE, rule, 1));
		}
	}
	free(seen);
	return row;
}

/* What each flag means and what to do about it; the findings' rules; how
 * to correct a figure. */
static void
guide_sheet(struct state *st)
{
	lxw_worksheet *ws = cell_sheet(st, text_say(st, "sheet.guide"));
	struct buf source = { 0 };
	lxw_row_t row, rules;

	row = guide_flags(st, ws, 2);
	rules = row + 1;
	row = guide_rules(st, ws, rules + 2);
	periods_source(st, &source, NULL, NULL);
	cell_page(st, ws, 2, 2, text_say(st, "sheet.guide"), source.p);
	cell_widen(st, 5, 0);
	cell_widths(st, ws, 28);
	st->width[2] = st->width[3] = WIDE;
	worksheet_set_column(ws, 2, 3, WIDE, NULL);
	cell_banner(st, ws, 0, 5, st->width, text_say(st, "guide.title"),
	    st->f.title, 20);
	cell_banner(st, ws, rules, 5, st->width, text_say(st, "guide.rules"),
	    st->f.title, 20);
	cell_banner(st, ws, rules + 1, 5, st->width,
	    text_hint(st, "guide.rules"), st->f.banner, 15);
	cell_banner(st, ws, row + 1, 5, st->width,
	    text_say(st, "guide.corrections"), st->f.banner, 15);
	buf_free(&source);
}

/* ---- Findings, facts, and any other table ---- */

static void
findings_sheet(struct state *st, const struct table *t)
{
	const char *head[] = { text_say(st, "head.doc"), text_say(st, "head.file"),
		text_say(st, "head.line"), text_say(st, "head.rule"),
		text_say(st, "head.rule-hint"), text_say(st, "head.indicator"),
		text_say(st, "head.expected"), text_say(st, "head.actual"),
		text_say(st, "head.detail") };
	lxw_worksheet *ws = cell_sheet(st, text_say(st, "sheet.findings"));
	struct buf source = { 0 };
	size_t r;
	int links = 0;

	cell_header(st, ws, 0, head, sizeof(head) / sizeof(head[0]));
	worksheet_freeze_panes(ws, 1, 1);
	for (r = 0; r < t->nrows; r++) {
		lxw_row_t row = (lxw_row_t)(r + 1);
		const char *ind = table_cell(t, r, FI_IND);
		const char *doc = table_cell(t, r, FI_DOC);
		const char *rule = table_cell(t, r, FI_RULE);

		if (row >= LXW_ROW_MAX)
			die(2, "%s: more findings than a sheet holds", t->path);
		cell_text(st, ws, row, 0, doc, NULL);
		cell_link(st, ws, row, 1, table_doc_path(st, doc), &links);
		cell_put(st, ws, row, 2, table_cell(t, r, FI_LINE), 0, NULL);
		cell_text(st, ws, row, 3, text_rule(st, rule, 0), st->f.bold);
		cell_text(st, ws, row, 4, text_rule(st, rule, 1), NULL);
		cell_text(st, ws, row, 5, *ind == '\0' ? "" :
		    text_indicator(st, ind), NULL);
		cell_put(st, ws, row, 6, table_cell(t, r, FI_EXP), 0, NULL);
		cell_put(st, ws, row, 7, table_cell(t, r, FI_ACT), 0, NULL);
		cell_text(st, ws, row, 8, table_cell(t, r, FI_DETAIL), NULL);
	}
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, 8);
	periods_source(st, &source, NULL, NULL);
	cell_page(st, ws, 0, 0, text_say(st, "sheet.findings"), source.p);
	cell_widths(st, ws, WIDE);
	buf_free(&source);
}

static lxw_worksheet *
facts_top(struct state *st, const struct table *t)
{
	const char *head[] = { text_say(st, "head.doc"), text_say(st, "head.reporter"),
		text_say(st, "head.period"), text_say(st, "head.indicator"),
		text_say(st, "head.value"), text_say(st, "head.unit"),
		text_say(st, "head.quote"), text_say(st, "head.file"),
		text_say(st, "head.line"), text_say(st, "head.flag") };
	lxw_worksheet *ws = cell_sheet(st, text_say(st, "sheet.facts"));
	struct buf source = { 0 };

	cell_header(st, ws, 0, head, sizeof(head) / sizeof(head[0]) -
	    !table_has(t, XI_FLAGS));
	worksheet_freeze_panes(ws, 1, 1);
	periods_source(st, &source, NULL, NULL);
	cell_page(st, ws, 0, 0, text_say(st, "sheet.facts"), source.p);
	buf_free(&source);
	return ws;
}

/* One fact: its report, unit, period, indicator, value and unit (money
 * in millions), the quote, the report's file and line, its flags. */
static void
fact_row(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    const struct table *t, size_t r, int *links)
{
	const char *ind = table_cell(t, r, XI_IND);
	const char *name = table_cell(t, r, XI_NAME);
	const char *doc = table_cell(t, r, XI_DOC);
	const char *path = table_cell(t, r, XI_PATH);
	const char *unit = table_cell(t, r, XI_UNIT);

	cell_text(st, ws, row, 0, doc, NULL);
	cell_text(st, ws, row, 1, *name != '\0' ? name :
	    table_cell(t, r, XI_CODE), NULL);
	buf_clear(&st->tmp);
	text_period(st, &st->tmp, table_cell(t, r, XI_PERIOD));
	cell_text(st, ws, row, 2, st->tmp.p, NULL);
	cell_text(st, ws, row, 3, text_indicator(st, ind), NULL);
	cell_put(st, ws, row, 4, table_cell(t, r, XI_VALUE),
	    text_money(unit) ? CELL_MILLIONS : 0, NULL);
	cell_text(st, ws, row, 5, text_unit(st, ind, unit), NULL);
	cell_text(st, ws, row, 6, table_cell(t, r, XI_EVIDENCE), NULL);
	if (*table_doc_path(st, doc) != '\0')
		path = table_doc_path(st, doc);
	cell_link(st, ws, row, 7, path, links);
	cell_put(st, ws, row, 8, table_cell(t, r, XI_LINE), 0, NULL);
	if (table_has(t, XI_FLAGS)) {
		buf_clear(&st->tmp);
		text_flags(st, &st->tmp, table_cell(t, r, XI_FLAGS));
		cell_text(st, ws, row, 9, st->tmp.n > 0 ? st->tmp.p : "", NULL);
	}
}

/* Every fact; a sheet holds LXW_ROW_MAX rows, then another. */
static void
facts_sheet(struct state *st, const struct table *t)
{
	lxw_worksheet *ws = facts_top(st, t);
	lxw_row_t row = 0;
	size_t r;
	int links = 0, last = table_has(t, XI_FLAGS) ? 9 : 8;

	for (r = 0; r < t->nrows; r++) {
		if (++row == LXW_ROW_MAX) {
			worksheet_autofilter(ws, 0, 0, row - 1, (lxw_col_t)last);
			cell_widths(st, ws, 90);
			ws = facts_top(st, t);
			row = 1;
			links = 0;
		}
		fact_row(st, ws, row, t, r, &links);
	}
	worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)last);
	cell_widths(st, ws, 90);
}

/* Codes, periods and names stay text even when they are digits. */
static int
text_column(struct span name)
{
	return span_eq(name, "code") || span_eq(name, "doc") ||
	    span_eq(name, "period") || (name.n > 5 &&
	    memcmp(name.p + name.n - 5, "_code", 5) == 0);
}

/* Any other table as it is: its file's name, its header, its rows. */
static void
other_sheet(struct state *st, const struct table *t)
{
	const char *base = strrchr(t->path, '/');
	char *name = xstrdup(base != NULL ? base + 1 : t->path), *dot;
	int *text = xcalloc(t->ncol + 1, sizeof(*text));
	struct buf source = { 0 };
	lxw_worksheet *ws;
	size_t r, c;

	if ((dot = strchr(name, '.')) != NULL && dot != name)
		*dot = '\0';
	ws = cell_sheet(st, strcmp(name, "-") == 0 ? text_say(st, "sheet.table") :
	    name);
	for (c = 0; c < t->ncol; c++) {
		const char *h = t->names != NULL ? t->names[c] :
		    kinds[t->kind].col[c];

		text[c] = text_column(span_of(h));
		cell_ok(worksheet_write_string(ws, 0, (lxw_col_t)c, h,
		    st->f.head), "header");
		cell_widen(st, c, (double)cell_chars(h) + 2);
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (t->nrows >= LXW_ROW_MAX)
		die(2, "%s: more rows than a sheet holds", t->path);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncol; c++) {
			lxw_row_t row = (lxw_row_t)(r + 1);
			const char *v = table_cell(t, r, c);

			if (text[c])
				cell_text(st, ws, row, (lxw_col_t)c, v, NULL);
			else
				cell_put(st, ws, row, (lxw_col_t)c, v, 0, NULL);
		}
	periods_source(st, &source, NULL, NULL);
	cell_page(st, ws, 0, 0, ws->name, source.p);
	cell_widths(st, ws, 90);
	buf_free(&source);
	free(text);
	free(name);
}

void
sheets_write(struct state *st)
{
	size_t i;
	int explain = st->city != NULL || st->units != NULL;

	periods_write(st);
	if (st->docs != NULL && table_has(st->docs, DI_STATUS))
		files_sheet(st);
	for (i = 0; i < st->nt; i++)
		explain |= st->t[i].kind == K_FACTS ||
		    st->t[i].kind == K_FINDINGS;
	if (explain)
		guide_sheet(st);
	for (i = 0; i < st->nt; i++)
		if (st->t[i].kind == K_FINDINGS)
			findings_sheet(st, &st->t[i]);
	for (i = 0; i < st->nt; i++)
		if (st->t[i].kind == K_FACTS)
			facts_sheet(st, &st->t[i]);
	for (i = 0; i < st->nt; i++)
		if (st->t[i].kind == K_OTHER ||
		    (st->t[i].kind == K_UNITS && st->city == NULL))
			other_sheet(st, &st->t[i]);
}
