/*
 * The sheets of baocao-xlsx's workbook: a sheet per province and period
 * of the city table (its indicators in the labels' order, with the
 * units' figures by name and the units that did not report), then the
 * findings, every fact with its report, and any other table as it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cover.h"
#include "diag.h"
#include "period.h"
#include "xalloc.h"
#include "xlsx.h"

static const char *
label_of(const struct state *st, const char *ind)
{
	const struct label *l = labels_find(st->lab, ind);

	return l != NULL ? l->label : ind;
}

static const char *
unit_of(const struct state *st, const char *ind, const char *unit)
{
	const struct label *l = labels_find(st->lab, ind);

	return l != NULL ? l->unit : unit;
}

/* The name of the unit of code in force at date, or the code. */
static const char *
unit_name(const struct state *st, const char *code, const char *date)
{
	const struct gaz_unit *u = gaz_by_code(st->gaz, code, date);

	return u != NULL ? u->full_name : code;
}


/* ---- A sheet per province and period ---- */

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

/* The label of one of the city table's codes (LABELS_HOW or LABELS_FLAG
 * and the code, in labels.csv), or the code itself. */
static const char *
code_label(const struct state *st, const char *prefix, const char *code,
    size_t n)
{
	const struct label *l;
	struct buf id = { 0 };

	buf_adds(&id, prefix);
	buf_add(&id, code, n);
	l = labels_find(st->lab, id.p);
	buf_free(&id);
	return l != NULL ? l->label : NULL;
}

/* Whether a set of flags (names joined by ';') holds name. */
static int
has_flag(const char *flags, const char *name)
{
	size_t n = strlen(name);
	const char *p = flags, *end;

	for (;; p = end + 1) {
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		if ((size_t)(end - p) == n && memcmp(p, name, n) == 0)
			return 1;
		if (*end == '\0')
			return 0;
	}
}

/* What how (with a ratio's parts) and flags of city row r say, by their
 * labels; a code without a label as it is. */
static void
how_text(const struct state *st, struct buf *b, size_t r)
{
	const struct table *t = st->city;
	const char *how = table_cell(t, r, CI_HOW);
	const char *num = table_cell(t, r, CI_NUM);
	const char *den = table_cell(t, r, CI_DEN);
	const char *p, *end, *l;

	buf_clear(b);
	if (*how == '\0')	/* a group-by's table: sums */
		how = "sum";
	l = code_label(st, LABELS_HOW, how, strlen(how));
	buf_adds(b, l != NULL ? l : how);
	if (strcmp(how, "ratio") == 0 && *num != '\0' && *den != '\0')
		buf_printf(b, ": %s / %s", label_of(st, num), label_of(st, den));
	for (p = table_cell(t, r, CI_FLAGS); *p != '\0'; p = end + (*end != '\0')) {
		if ((end = strchr(p, ';')) == NULL)
			end = p + strlen(p);
		if (end == p)
			continue;
		l = code_label(st, LABELS_FLAG, p, (size_t)(end - p));
		if (l != NULL)
			buf_printf(b, "; %s", l);
		else
			buf_printf(b, "; %.*s", (int)(end - p), p);
	}
}

/* A unit's cell where it stated two different figures: the label of the
 * flag, in brackets. */
static void
put_conflict(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    lxw_col_t col)
{
	const char *l = code_label(st, LABELS_FLAG, "conflict", 8);

	buf_clear(&st->tmp);
	buf_printf(&st->tmp, "(%s)", l != NULL ? l : "conflict");
	cell_text(st, ws, row, col, st->tmp.p, NULL);
}

/* The units' figures of one indicator of the sheet, into their columns. */
static void
put_units(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    const char *ind, const char *unit, const size_t *urows, size_t nu,
    struct ucol *cols, size_t ncols)
{
	const struct table *t = st->units;
	size_t i, c;

	for (i = 0; i < nu; i++) {
		const char *flags = table_cell(t, urows[i], UI_FLAGS);

		if (strcmp(table_cell(t, urows[i], UI_IND), ind) != 0 ||
		    strcmp(table_cell(t, urows[i], UI_UNIT), unit) != 0)
			continue;
		for (c = 0; c < ncols && strcmp(cols[c].code,
		    table_cell(t, urows[i], UI_REP)) != 0; c++)
			;
		if (c == ncols)
			continue;
		cols[c].reported = 1;
		if (has_flag(flags, "conflict"))
			put_conflict(st, ws, row, (lxw_col_t)(5 + c));
		else
			cell_put(st, ws, row, (lxw_col_t)(5 + c),
			    table_cell(t, urows[i], UI_VALUE),
			    has_flag(flags, "derived"), NULL);
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

/* The units that should have reported and have no figure for the period
 * (without a units table: missing from every row of the city table). */
static void
put_missing(struct state *st, lxw_worksheet *ws, lxw_row_t row,
    const struct ucol *cols, size_t ncols, const struct cref *cr, size_t nc)
{
	struct buf b = { 0 }, names = { 0 };
	size_t c, r, nmiss = 0, ndue = 0;

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
		buf_printf(&names, "%s%s", nmiss > 0 ? ", " : "", cols[c].name);
		nmiss++;
	}
	if (nmiss == 0)
		buf_printf(&b, "Tất cả %zu đơn vị đã có số liệu kỳ này.", ndue);
	else
		buf_printf(&b, "Đơn vị chưa báo cáo kỳ này (%zu/%zu): %s.", nmiss,
		    ndue, names.p);
	cell_ok(worksheet_write_string(ws, row, 0, b.p, st->f.bold), "text");
	buf_free(&b);
	buf_free(&names);
}

static const char *const legend =
    "Số in nghiêng: số suy ra từ các báo cáo khác kỳ của đơn vị (năm = bốn quý "
    "hoặc 9 tháng + quý IV; quý IV = năm − 9 tháng; 6 tháng = quý I + quý II). "
    "Tỷ lệ toàn thành phố: tính lại từ tổng các thành phần, làm tròn 2 chữ số "
    "thập phân; tỷ lệ không có thành phần chỉ ghi theo từng đơn vị, không cộng, "
    "không lấy trung bình.";

/* The top of a period's sheet: title, legend, header; rows start at 4. */
static lxw_worksheet *
period_top(struct state *st, const struct pkey *k, int many,
    const struct ucol *cols, size_t ncols)
{
	static const char *const head[] = { "Chỉ tiêu", "Đơn vị tính",
		"Toàn thành phố", "Số đơn vị có số liệu", "Cách tính" };
	const struct gaz_unit *prov = gaz_by_code(st->gaz, k->prov, k->end);
	lxw_worksheet *ws;
	size_t c;

	buf_clear(&st->tmp);
	labels_period(&st->tmp, k->period);
	if (many)
		buf_printf(&st->tmp, " (%s)", k->prov);
	ws = cell_sheet(st, st->tmp.p);
	buf_clear(&st->tmp);
	buf_printf(&st->tmp, "%s – ", prov != NULL ? prov->full_name : k->prov);
	labels_period(&st->tmp, k->period);
	cell_ok(worksheet_write_string(ws, 0, 0, st->tmp.p, st->f.title), "title");
	cell_ok(worksheet_write_string(ws, 1, 0, legend, st->f.note), "legend");
	cell_header(st, ws, 3, head, sizeof(head) / sizeof(head[0]));
	for (c = 0; st->units != NULL && c < ncols; c++) {
		cell_ok(worksheet_write_string(ws, 3, (lxw_col_t)(5 + c),
		    cols[c].name, st->f.head), "header");
		cell_widen(st, 5 + c, cell_chars(cols[c].name) > 12 ? 12 :
		    (double)cell_chars(cols[c].name) + 2);
	}
	worksheet_set_row(ws, 3, 45, NULL);
	worksheet_freeze_panes(ws, 4, 3);
	return ws;
}

/* One city row: label, unit, city figure, coverage, how. */
static void
put_city_row(struct state *st, lxw_worksheet *ws, lxw_row_t row, size_t r)
{
	const struct table *t = st->city;
	const char *ind = table_cell(t, r, CI_IND);
	const char *flags = table_cell(t, r, CI_FLAGS);
	const char *value = t->idx[CI_VALUE] >= 0 ? table_cell(t, r, CI_VALUE) :
	    table_cell(t, r, CI_SUM);
	struct buf b = { 0 };

	cell_text(st, ws, row, 0, label_of(st, ind), st->f.bold);
	cell_text(st, ws, row, 1, unit_of(st, ind, table_cell(t, r, CI_UNIT)),
	    NULL);
	cell_put(st, ws, row, 2, value, has_flag(flags, "derived"), NULL);
	buf_printf(&b, "%s/%s", table_cell(t, r, CI_COVERED),
	    table_cell(t, r, CI_TOTAL));
	cell_text(st, ws, row, 3, b.p, NULL);
	how_text(st, &b, r);
	cell_text(st, ws, row, 4, b.p, NULL);
	buf_free(&b);
}

static void
period_sheet(struct state *st, const struct pkey *k, int many)
{
	struct cref *cr;
	struct ucol *cols;
	size_t *crows, *urows, nc, nu, ncols, i;
	lxw_worksheet *ws;
	lxw_row_t row = 4;

	crows = rows_of(st->city, k, &nc);
	urows = rows_of(st->units, k, &nu);
	cols = unit_columns(st, k, urows, nu, &ncols);
	cr = xcalloc(nc + 1, sizeof(*cr));
	for (i = 0; i < nc; i++) {
		cr[i].r = crows[i];
		cr[i].ind = table_cell(st->city, crows[i], CI_IND);
		cr[i].unit = table_cell(st->city, crows[i], CI_UNIT);
		cr[i].rank = labels_rank(st->lab, cr[i].ind);
	}
	if (nc > 1)
		qsort(cr, nc, sizeof(*cr), cmp_cref);
	ws = period_top(st, k, many, cols, ncols);
	for (i = 0; i < nc; i++, row++) {
		put_city_row(st, ws, row, cr[i].r);
		if (st->units != NULL)
			put_units(st, ws, row, cr[i].ind, cr[i].unit, urows, nu,
			    cols, ncols);
	}
	put_missing(st, ws, row + 1, cols, ncols, cr, nc);
	cell_widths(st, ws);
	free(cr);
	free(cols);
	free(crows);
	free(urows);
}

/* ---- Findings, facts, and any other table ---- */

static void
findings_sheet(struct state *st, const struct table *t)
{
	static const char *const head[] = { "Báo cáo", "Tệp", "Dòng",
		"Quy tắc", "Chỉ tiêu", "Theo tính toán", "Trong báo cáo",
		"Chi tiết" };
	lxw_worksheet *ws = cell_sheet(st, "Phát hiện");
	size_t r;
	int links = 0;

	cell_header(st, ws, 0, head, sizeof(head) / sizeof(head[0]));
	worksheet_freeze_panes(ws, 1, 1);
	for (r = 0; r < t->nrows; r++) {
		lxw_row_t row = (lxw_row_t)(r + 1);
		const char *ind = table_cell(t, r, FI_IND);
		const char *doc = table_cell(t, r, FI_DOC);

		if (row >= LXW_ROW_MAX)
			die(2, "%s: more findings than a sheet holds", t->path);
		cell_text(st, ws, row, 0, doc, NULL);
		cell_link(st, ws, row, 1, table_doc_path(st, doc), &links);
		cell_put(st, ws, row, 2, table_cell(t, r, FI_LINE), 0, NULL);
		cell_text(st, ws, row, 3, table_cell(t, r, FI_RULE), NULL);
		cell_text(st, ws, row, 4, *ind == '\0' ? "" : label_of(st, ind),
		    NULL);
		cell_put(st, ws, row, 5, table_cell(t, r, FI_EXP), 0, NULL);
		cell_put(st, ws, row, 6, table_cell(t, r, FI_ACT), 0, NULL);
		cell_text(st, ws, row, 7, table_cell(t, r, FI_DETAIL), NULL);
	}
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, 7);
	cell_widths(st, ws);
}

static lxw_worksheet *
facts_top(struct state *st, const struct table *t)
{
	static const char *const head[] = { "Báo cáo", "Đơn vị", "Kỳ",
		"Chỉ tiêu", "Giá trị", "Đơn vị tính", "Trích dẫn", "Tệp", "Dòng",
		"Cờ" };
	lxw_worksheet *ws = cell_sheet(st, "Số liệu gốc");

	cell_header(st, ws, 0, head, sizeof(head) / sizeof(head[0]) -
	    (t->idx[XI_FLAGS] < 0));
	worksheet_freeze_panes(ws, 1, 1);
	return ws;
}

/* Every fact; a sheet holds LXW_ROW_MAX rows, then another. */
static void
facts_sheet(struct state *st, const struct table *t)
{
	lxw_worksheet *ws = facts_top(st, t);
	lxw_row_t row = 0;
	size_t r;
	int links = 0, last = t->idx[XI_FLAGS] < 0 ? 8 : 9;

	for (r = 0; r < t->nrows; r++) {
		const char *ind = table_cell(t, r, XI_IND);
		const char *name = table_cell(t, r, XI_NAME);
		const char *doc = table_cell(t, r, XI_DOC);
		const char *path = table_cell(t, r, XI_PATH);

		if (++row == LXW_ROW_MAX) {
			worksheet_autofilter(ws, 0, 0, row - 1, (lxw_col_t)last);
			cell_widths(st, ws);
			ws = facts_top(st, t);
			row = 1;
			links = 0;
		}
		cell_text(st, ws, row, 0, doc, NULL);
		cell_text(st, ws, row, 1, *name != '\0' ? name :
		    table_cell(t, r, XI_CODE), NULL);
		buf_clear(&st->tmp);
		labels_period(&st->tmp, table_cell(t, r, XI_PERIOD));
		cell_text(st, ws, row, 2, st->tmp.p, NULL);
		cell_text(st, ws, row, 3, label_of(st, ind), NULL);
		cell_put(st, ws, row, 4, table_cell(t, r, XI_VALUE), 0, NULL);
		cell_text(st, ws, row, 5, unit_of(st, ind,
		    table_cell(t, r, XI_UNIT)), NULL);
		cell_text(st, ws, row, 6, table_cell(t, r, XI_EVIDENCE), NULL);
		if (*table_doc_path(st, doc) != '\0')
			path = table_doc_path(st, doc);
		cell_link(st, ws, row, 7, path, &links);
		cell_put(st, ws, row, 8, table_cell(t, r, XI_LINE), 0, NULL);
		if (last == 9)
			cell_text(st, ws, row, 9, table_cell(t, r, XI_FLAGS), NULL);
	}
	worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)last);
	cell_widths(st, ws);
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
	lxw_worksheet *ws;
	size_t r, c;

	if ((dot = strchr(name, '.')) != NULL && dot != name)
		*dot = '\0';
	ws = cell_sheet(st, strcmp(name, "-") == 0 ? "Bảng" : name);
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
	cell_widths(st, ws);
	free(text);
	free(name);
}

void
sheets_write(struct state *st)
{
	struct pkey *k;
	size_t n = 0, i;
	int many = 0;

	k = st->city != NULL ? period_keys(st, &n) : NULL;
	for (i = 1; i < n; i++)
		many |= strcmp(k[i].prov, k[0].prov) != 0;
	for (i = 0; i < n; i++)
		period_sheet(st, &k[i], many);
	free(k);
	/* then the findings, the facts, and any other table */
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

