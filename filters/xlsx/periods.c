/*
 * The period sheets of baocao-xlsx's workbook: one per province and
 * period of the city table, newest and longest first.  Under the subject
 * title, the place, source and date, and the legend: the indicators by
 * section (the labels' groups, numbered I, II ... with STT within each),
 * each with its unit, the city figure (how it was made in the cell's
 * note), its coverage and the units' figures by name; then, set apart,
 * the figures that cover fewer than half the units; then the units that
 * did not report, and those that sent a file that was left out.
 *
 *	row 0  title          row 2  legend
 *	row 1  place, source  row 3  header (repeated on every printed page)
 *	columns: STT, indicator, unit, city, coverage, a unit per column
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cover.h"
#include "diag.h"
#include "period.h"
#include "xalloc.h"
#include "xlsx.h"

#define HEAD_ROW 3
#define FIRST_ROW 4
#define UCOL 5			/* the first unit's column */
#define LABEL_MAX 42.0		/* the indicator column's width at most */
#define UNIT_WIDTH 11.0		/* a unit's column at least */

struct pkey {
	const char *prov, *period;
	char end[11];
	int months;
};

struct ucol {
	const char *code, *name;
	int due, reported;
};

/* A city row of a sheet, with the order its indicator is shown in. */
struct cref {
	size_t r, rank;
	const char *ind, *unit;
	const struct label *group;
	int few;		/* covers fewer than half the units */
};

static int
cmp_pkey(const void *a, const void *b)
{
	const struct pkey *x = a, *y = b;
	int c = strcmp(x->prov, y->prov);

	if (c == 0)
		c = -strcmp(x->end, y->end);	/* newest first */
	if (c == 0)
		c = y->months - x->months;	/* the longest first */
	return c != 0 ? c : strcmp(x->period, y->period);
}

/* The provinces and periods of the city table, in sheet order. */
static struct pkey *
period_keys(const struct state *st, size_t *n)
{
	const struct table *t = st->city;
	struct pkey *v = NULL;
	size_t r, k, cap = 0;

	*n = 0;
	for (r = 0; r < t->nrows; r++) {
		const char *prov = table_cell(t, r, CI_PROV);
		const char *per = table_cell(t, r, CI_PERIOD);
		char start[11];

		for (k = 0; k < *n && (strcmp(v[k].prov, prov) != 0 ||
		    strcmp(v[k].period, per) != 0); k++)
			;
		if (k < *n)
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			v = xreallocarray(v, cap, sizeof(*v));
		}
		v[*n].prov = prov;
		v[*n].period = per;
		if (period_end(per, strlen(per), v[*n].end) != 0)
			memcpy(v[*n].end, "9999-12-31", 11);
		/* months: from the period's first year and month to its end */
		snprintf(start, sizeof(start), "%.4s", per);
		v[*n].months = (atoi(v[*n].end) - atoi(start)) * 12 +
		    atoi(v[*n].end + 5) - (strlen(per) == 4 ? 0 :
		    per[5] == 'Q' ? (per[6] - '1') * 3 : per[5] == 'H' ?
		    (per[6] - '1') * 6 : atoi(per + 5) - 1);
		(*n)++;
	}
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_pkey);
	return v;
}

static int
cmp_cref(const void *a, const void *b)
{
	const struct cref *x = a, *y = b;
	int c;

	if (x->few != y->few)
		return x->few - y->few;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if ((c = strcmp(x->ind, y->ind)) != 0)
		return c;
	return strcmp(x->unit, y->unit);
}

static int
cmp_ucol_name(const void *a, const void *b)
{
	const struct ucol *x = a, *y = b;
	int c = labels_natcmp(x->name, y->name);

	return c != 0 ? c : strcmp(x->code, y->code);
}

/* Rows of table t (column 0 province, 1 period) for one sheet. */
static size_t *
rows_of(const struct table *t, const struct pkey *k, size_t *n)
{
	size_t *v = NULL, r, cap = 0;

	*n = 0;
	for (r = 0; t != NULL && r < t->nrows; r++)
		if (strcmp(table_cell(t, r, 0), k->prov) == 0 &&
		    strcmp(table_cell(t, r, 1), k->period) == 0) {
			if (*n == cap) {
				cap = cap == 0 ? 64 : cap * 2;
				v = xreallocarray(v, cap, sizeof(*v));
			}
			v[(*n)++] = r;
		}
	return v;
}

/* The name of the unit of code in force at date, or the code. */
static const char *
unit_name(const struct state *st, const char *code, const char *date)
{
	const struct gaz_unit *u = gaz_by_code(st->gaz, code, date);

	return u != NULL ? u->full_name : code;
}

/* The unit columns: the units that should report, then any other that
 * did, in natural order of their names. */
static struct ucol *
unit_columns(const struct state *st, const struct pkey *k,
    const size_t *urows, size_t nu, size_t *n)
{
	const struct gaz_unit **due;
	struct ucol *v;
	size_t ndue, i, j;

	due = cover_due(st->gaz, k->prov, k->end, &ndue);
	v = xcalloc(ndue + nu + 1, sizeof(*v));
	for (i = 0; i < ndue; i++) {
		v[i].code = due[i]->code;
		v[i].name = due[i]->full_name;
		v[i].due = 1;
	}
	*n = ndue;
	for (i = 0; i < nu; i++) {
		const char *code = table_cell(st->units, urows[i], UI_REP);

		for (j = 0; j < *n && strcmp(v[j].code, code) != 0; j++)
			;
		if (j == *n && *code != '\0') {
			v[*n].code = code;
			v[(*n)++].name = unit_name(st, code, k->end);
		}
	}
	free(due);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_ucol_name);
	return v;
}

/* A unit's cell where it stated two different figures: the label of the
 * flag, in brackets. */
static void
put_conflict(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    lxw_col_t col)
{
	buf_clear(&st->tmp);
	buf_addc(&st->tmp, '(');
	text_flags(st, &st->tmp, "conflict");
	buf_addc(&st->tmp, ')');
	cell_text(st, ws, row, col, st->tmp.p, NULL);
}

/* The units' figures of one indicator of the sheet, into their columns. */
static void
put_units(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    const struct cref *cr, const size_t *urows, size_t nu,
    struct ucol *cols, size_t ncols)
{
	const struct table *t = st->units;
	size_t i, c;

	for (i = 0; i < nu; i++) {
		const char *flags = table_cell(t, urows[i], UI_FLAGS);

		if (strcmp(table_cell(t, urows[i], UI_IND), cr->ind) != 0 ||
		    strcmp(table_cell(t, urows[i], UI_UNIT), cr->unit) != 0)
			continue;
		for (c = 0; c < ncols && strcmp(cols[c].code,
		    table_cell(t, urows[i], UI_REP)) != 0; c++)
			;
		if (c == ncols)
			continue;
		cols[c].reported = 1;
		if (has_flag(flags, "conflict"))
			put_conflict(st, ws, row, (lxw_col_t)(UCOL + c));
		else
			cell_put(st, ws, row, (lxw_col_t)(UCOL + c),
			    table_cell(t, urows[i], UI_VALUE),
			    (has_flag(flags, "derived") ? CELL_ITALIC : 0) |
			    (text_money(cr->unit) ? CELL_MILLIONS : 0), NULL);
	}
}

/* Whether code is in a space-separated list. */
static int
in_list(const char *list, const char *code)
{
	size_t len = strlen(code);
	const char *at;

	for (at = strstr(list, code); at != NULL; at = strstr(at + 1, code))
		if ((at == list || at[-1] == ' ') &&
		    (at[len] == '\0' || at[len] == ' '))
			return 1;
	return 0;
}

/* Whether canonical period p lies within the days [first, last]. */
static int
within(const char *p, long first, long last)
{
	long a, b;

	return period_days(p, strlen(p), &a, &b) == 0 && a >= first &&
	    b <= last;
}

/*
 * The files unit code sent that were left out (status not ok), for a
 * period within the sheet's or for no period the manifest could tell
 * (which may be this one), each as "name: status", joined by "; ", into
 * b; 0 when there is none.
 */
static int
sent_files(const struct state *st, struct buf *b, const char *code,
    const struct pkey *k)
{
	const struct table *t = st->docs;
	long first, last;
	size_t r;
	int n = 0;

	if (t == NULL || !table_has(t, DI_STATUS) || !table_has(t, DI_CODE) ||
	    period_days(k->period, strlen(k->period), &first, &last) != 0)
		return 0;
	for (r = 0; r < t->nrows; r++) {
		const char *path = table_cell(t, r, DI_PATH);
		const char *status = table_cell(t, r, DI_STATUS);
		const char *per = table_cell(t, r, DI_PERIOD);
		const char *base = strrchr(path, '/');

		if (strcmp(table_cell(t, r, DI_CODE), code) != 0 ||
		    strcmp(status, "ok") == 0 ||
		    (*per != '\0' && !within(per, first, last)))
			continue;
		buf_printf(b, "%s%s: %s", n++ > 0 ? "; " : "",
		    base != NULL ? base + 1 : path, text_status(st, status));
	}
	return n;
}

/*
 * The units that should have reported and have no figure for the period
 * (without a units table: missing from every row of the city table):
 * those that sent nothing, then those that sent a file left out, with
 * the file.  Returns the rows written.
 */
static lxw_row_t
put_missing(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    const struct pkey *k, const struct ucol *cols, size_t ncols,
    const struct cref *cr, size_t nc, const double *width)
{
	struct buf line = { 0 }, none = { 0 }, sent = { 0 }, files = { 0 };
	char total[24], nn[24], ns[24];
	size_t c, r, nnone = 0, nsent = 0, ndue = 0;
	lxw_row_t at = row;
	lxw_col_t last = (lxw_col_t)(st->units != NULL ? UCOL + ncols - 1 :
	    UCOL - 1);

	for (c = 0; c < ncols; c++) {
		int missing = !cols[c].reported;

		if (!cols[c].due)
			continue;
		ndue++;
		if (st->units == NULL)
			for (r = 0, missing = nc > 0; r < nc && missing; r++)
				missing = in_list(table_cell(st->city, cr[r].r,
				    CI_MISSING), cols[c].code);
		if (!missing)
			continue;
		buf_clear(&files);
		if (sent_files(st, &files, cols[c].code, k) > 0)
			buf_printf(&sent, "%s%s (%s)", nsent++ > 0 ? ", " : "",
			    cols[c].name, files.p);
		else
			buf_printf(&none, "%s%s", nnone++ > 0 ? ", " : "",
			    cols[c].name);
	}
	snprintf(total, sizeof(total), "%zu", ndue);
	snprintf(nn, sizeof(nn), "%zu", nnone);
	snprintf(ns, sizeof(ns), "%zu", nsent);
	if (nnone + nsent == 0)
		labels_fill(&line, text_say(st, "all-reported"), "total", total,
		    (const char *)NULL);
	else if (nnone > 0)
		labels_fill(&line, text_say(st, "missing"), "n", nn, "total",
		    total, "names", none.p, (const char *)NULL);
	if (line.n > 0)
		cell_banner(st, ws, at++, last, width, line.p, st->f.bold, 15);
	if (nsent > 0) {
		buf_clear(&line);
		labels_fill(&line, text_say(st, "sent-unread"), "n", ns, "total",
		    total, "names", sent.p, (const char *)NULL);
		cell_banner(st, ws, at++, last, width, line.p, st->f.bold, 15);
	}
	buf_free(&line);
	buf_free(&none);
	buf_free(&sent);
	buf_free(&files);
	return at - row;
}

void
periods_source(const struct state *st, struct buf *b, const char *prov,
    const char *period)
{
	const struct table *t = st->docs;
	long first = 0, last = LONG_MAX;
	size_t r, n = 0;
	char num[24];

	if (t == NULL || !table_has(t, DI_STATUS) || (period != NULL &&
	    period_days(period, strlen(period), &first, &last) != 0)) {
		buf_adds(b, text_say(st, "source-none"));
		return;
	}
	for (r = 0; r < t->nrows; r++)
		if (strcmp(table_cell(t, r, DI_STATUS), "ok") == 0 &&
		    (prov == NULL || (strcmp(table_cell(t, r, DI_PROV),
		    prov) == 0 && within(table_cell(t, r, DI_PERIOD), first,
		    last))))
			n++;
	snprintf(num, sizeof(num), "%zu", n);
	labels_fill(b, text_say(st, "source"), "n", num, (const char *)NULL);
}

/* The header row: STT, indicator, unit, city, coverage, the units. */
static void
put_head(struct state *st, lxw_worksheet *ws, const struct ucol *cols,
    size_t ncols)
{
	const char *head[] = { text_say(st, "head.no"), text_say(st, "head.indicator"),
		text_say(st, "head.unit"), text_say(st, "head.city"),
		text_say(st, "head.covered") };
	size_t c;

	cell_header(st, ws, HEAD_ROW, head, sizeof(head) / sizeof(head[0]));
	cell_widen(st, 0, 5);
	cell_widen(st, 3, 13);
	cell_widen(st, 4, 10);
	for (c = 0; st->units != NULL && c < ncols; c++) {
		cell_ok(worksheet_write_string(ws, HEAD_ROW, (lxw_col_t)(UCOL +
		    c), cols[c].name, st->f.head), "header");
		cell_widen(st, UCOL + c, UNIT_WIDTH);
	}
	worksheet_set_row(ws, HEAD_ROW, 45, NULL);
	worksheet_freeze_panes(ws, FIRST_ROW, 4);
}

/* A section's row: its number and label, shaded across the sheet. */
static void
put_group(struct state *st, lxw_worksheet *ws, lxw_row_t row, size_t num,
    const char *label, lxw_col_t last)
{
	lxw_col_t c;

	buf_clear(&st->tmp);
	if (num > 0)
		text_roman(&st->tmp, num);
	for (c = 0; c <= last; c++)
		worksheet_write_blank(ws, row, c, st->f.group);
	if (st->tmp.n > 0)
		cell_text(st, ws, row, 0, st->tmp.p, st->f.group);
	cell_ok(worksheet_write_string(ws, row, 1, label, st->f.group),
	    "section");
}

/* One city row: STT, label, unit, city figure (how in its note),
 * coverage. */
static void
put_city_row(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    const struct cref *cr, size_t stt)
{
	const struct table *t = st->city;
	const char *flags = table_cell(t, cr->r, CI_FLAGS);
	const char *value = table_has(t, CI_VALUE) ?
	    table_cell(t, cr->r, CI_VALUE) : table_cell(t, cr->r, CI_SUM);
	const char *label = text_indicator(st, cr->ind);
	struct buf b = { 0 };

	cell_ok(worksheet_write_number(ws, row, 0, (double)stt, st->f.stt),
	    "STT");
	cell_text(st, ws, row, 1, label, st->f.bold);
	cell_text(st, ws, row, 2, text_unit(st, cr->ind, cr->unit), NULL);
	cell_put(st, ws, row, 3, value, (has_flag(flags, "derived") ?
	    CELL_ITALIC : 0) | (text_money(cr->unit) ? CELL_MILLIONS : 0),
	    NULL);
	buf_clear(&b);
	buf_printf(&b, "%s/%s", table_cell(t, cr->r, CI_COVERED),
	    table_cell(t, cr->r, CI_TOTAL));
	cell_text(st, ws, row, 4, b.p, st->f.stt);
	buf_clear(&b);
	text_how(st, &b, cr->r);
	cell_note(st, ws, row, 3, b.p);
	buf_free(&b);
}

/* The sheet's city rows, in the order they are shown. */
static struct cref *
city_rows(const struct state *st, const struct pkey *k, size_t *nc)
{
	size_t *crows = rows_of(st->city, k, nc), i;
	struct cref *cr = xcalloc(*nc + 1, sizeof(*cr));

	for (i = 0; i < *nc; i++) {
		const char *cov = table_cell(st->city, crows[i], CI_COVERED);
		const char *tot = table_cell(st->city, crows[i], CI_TOTAL);

		cr[i].r = crows[i];
		cr[i].ind = table_cell(st->city, crows[i], CI_IND);
		cr[i].unit = table_cell(st->city, crows[i], CI_UNIT);
		cr[i].rank = labels_rank(st->lab, cr[i].ind);
		cr[i].group = labels_group(st->lab, cr[i].ind);
		cr[i].few = atol(tot) > 0 && atol(cov) * 2 < atol(tot);
	}
	if (*nc > 1)
		qsort(cr, *nc, sizeof(*cr), cmp_cref);
	free(crows);
	return cr;
}

/* The body: sections of the city rows, then the few units' rows set
 * apart; returns the next free row. */
static lxw_row_t
put_body(struct state *st, lxw_worksheet *ws, const struct cref *cr,
    size_t nc, const size_t *urows, size_t nu, struct ucol *cols,
    size_t ncols, lxw_col_t last)
{
	const struct label *group = NULL;
	lxw_row_t row = FIRST_ROW;
	size_t i, ngroup = 0, stt = 0;
	int few = 0;

	for (i = 0; i < nc; i++, row++) {
		if (cr[i].few && !few) {
			few = 1;
			row++;
			put_group(st, ws, row, 0, text_say(st, "few"), last);
			cell_note(st, ws, row, 1, text_hint(st, "few"));
			row++;
			stt = 0;
		} else if (!few && cr[i].group != NULL && cr[i].group != group) {
			group = cr[i].group;
			put_group(st, ws, row++, ++ngroup, group->label, last);
			stt = 0;
		}
		put_city_row(st, ws, row, &cr[i], ++stt);
		if (st->units != NULL)
			put_units(st, ws, row, &cr[i], urows, nu, cols, ncols);
	}
	return row;
}

/* The title, the place and source, the legend, across the sheet. */
static void
put_top(struct state *st, lxw_worksheet *ws, const struct pkey *k,
    lxw_col_t last, const char *source)
{
	const struct gaz_unit *prov = gaz_by_code(st->gaz, k->prov, k->end);
	struct buf b = { 0 }, per = { 0 };

	text_period(st, &per, k->period);
	labels_fill(&b, text_say(st, "title"), "period", per.p, (const char *)NULL);
	cell_banner(st, ws, 0, last, st->width, b.p, st->f.title, 20);
	buf_clear(&b);
	buf_printf(&b, "%s – %s – ", prov != NULL ? prov->full_name : k->prov,
	    source);
	labels_fill(&b, text_say(st, "made"), "date", st->date, (const char *)NULL);
	cell_banner(st, ws, 1, last, st->width, b.p, st->f.banner, 15);
	cell_banner(st, ws, 2, last, st->width, text_say(st, "legend"),
	    st->f.banner, 15);
	buf_free(&b);
	buf_free(&per);
}

static void
period_sheet(struct state *st, const struct pkey *k, int many)
{
	struct cref *cr;
	struct ucol *cols;
	struct buf source = { 0 };
	size_t *urows, nc, nu, ncols, c;
	lxw_worksheet *ws;
	lxw_row_t row;
	lxw_col_t last;

	urows = rows_of(st->units, k, &nu);
	cols = unit_columns(st, k, urows, nu, &ncols);
	cr = city_rows(st, k, &nc);
	last = (lxw_col_t)(st->units != NULL ? UCOL + ncols - 1 : UCOL - 1);
	buf_clear(&st->tmp);
	text_period(st, &st->tmp, k->period);
	if (many)
		buf_printf(&st->tmp, " (%s)", k->prov);
	ws = cell_sheet(st, st->tmp.p);
	put_head(st, ws, cols, ncols);
	row = put_body(st, ws, cr, nc, urows, nu, cols, ncols, last);
	cell_widen(st, last, 0);	/* every column has a width */
	for (c = 0; c < st->nwidth; c++)
		if (st->width[c] > (c == 1 ? LABEL_MAX : 16))
			st->width[c] = c == 1 ? LABEL_MAX : 16;
	periods_source(st, &source, k->prov, k->period);
	put_top(st, ws, k, last, source.p);
	put_missing(st, ws, row + 1, k, cols, ncols, cr, nc, st->width);
	buf_clear(&st->tmp);
	text_period(st, &st->tmp, k->period);
	cell_page(st, ws, HEAD_ROW, HEAD_ROW, st->tmp.p, source.p);
	cell_widths(st, ws, LABEL_MAX);
	buf_free(&source);
	free(cr);
	free(cols);
	free(urows);
}

void
periods_write(struct state *st)
{
	struct pkey *k;
	size_t n = 0, i;
	int many = 0;

	if (st->city == NULL)
		return;
	k = period_keys(st, &n);
	for (i = 1; i < n; i++)
		many |= strcmp(k[i].prov, k[0].prov) != 0;
	for (i = 0; i < n; i++)
		period_sheet(st, &k[i], many);
	free(k);
}
