/*
 * baocao-xlsx: the tables of the pipeline as one workbook, for the analyst
 * who opens a spreadsheet (through libxlsxwriter).
 *
 * Input: CSV tables, one per file ("-" is stdin), each known by its
 * columns:
 *   city table (baocao-aggregate: province_code,period,indicator,unit,
 *     units_covered,units_total, and value,how,flags,units_missing):
 *     a sheet per province and period, one row per indicator with its
 *     Vietnamese label and unit, the city figure, its coverage ("19/22")
 *     and how it was made; with a units table (baocao-aggregate --units:
 *     ...,reporter_code,value,flags) one column per unit, by name, in
 *     natural order; the units that did not report below.
 *   findings (doc,line,rule,...,expected,actual,detail): sheet "Phát hiện".
 *   facts (baocao-normalize): sheet "Số liệu gốc", every fact with its
 *     evidence, its report's path (a link) and line, and its flags.
 *   documents (doc,path): where each report is, for the two above.
 *   any other table: a sheet of its own, as it is.
 * Numbers are written as numbers (a value of more than 15 significant
 * digits, which a spreadsheet cannot hold, as text, with a warning); a
 * derived figure is in italics.  Output: an xlsx file (-o FILE, replaced
 * atomically; else stdout, when it is not a terminal).
 */
#define _XOPEN_SOURCE 700	/* realpath */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "cli.h"
#include "cover.h"
#include "csvin.h"
#include "diag.h"
#include "gaz.h"
#include "gz.h"
#include "labels.h"
#include "period.h"
#include "utf8.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-xlsx [-o FILE.xlsx] [--labels FILE] [--gazetteer FILE] [FILE ...]"
#define MAX_DIGITS 15		/* what a spreadsheet's number holds exactly */
#define MAX_DEC 10		/* decimals shown at most */
#define WIDTH_MAX 90.0
#define CELL_MAX 32767		/* characters a cell holds */

enum kind { K_CITY, K_UNITS, K_FINDINGS, K_FACTS, K_DOCS, K_OTHER };

/* The columns each kind is known by (required) and reads (all). */
static const struct kinddef {
	const char *name;
	size_t nreq;
	const char *col[12];
} kinds[] = {
	[K_CITY] = { "city", 6, { "province_code", "period", "indicator",
	    "unit", "units_covered", "units_total", "value", "sum_value", "how",
	    "flags", "units_missing", NULL } },
	[K_UNITS] = { "units", 6, { "province_code", "period", "indicator",
	    "unit", "reporter_code", "value", "flags", NULL } },
	[K_FINDINGS] = { "findings", 7, { "doc", "line", "rule", "indicator",
	    "expected", "actual", "detail", NULL } },
	[K_FACTS] = { "facts", 6, { "doc", "period", "indicator", "value",
	    "unit", "line", "reporter_name", "reporter_code", "evidence",
	    "flags", "path", NULL } },
	[K_DOCS] = { "documents", 2, { "doc", "path", NULL } },
};
enum { CI_PROV, CI_PERIOD, CI_IND, CI_UNIT, CI_COVERED, CI_TOTAL, CI_VALUE,
	CI_SUM, CI_HOW, CI_FLAGS, CI_MISSING };
enum { UI_PROV, UI_PERIOD, UI_IND, UI_UNIT, UI_REP, UI_VALUE, UI_FLAGS };
enum { FI_DOC, FI_LINE, FI_RULE, FI_IND, FI_EXP, FI_ACT, FI_DETAIL };
enum { XI_DOC, XI_PERIOD, XI_IND, XI_VALUE, XI_UNIT, XI_LINE, XI_NAME,
	XI_CODE, XI_EVIDENCE, XI_FLAGS, XI_PATH };

/*
 * One input, read whole before the workbook is made (so a bad row is
 * found before any file is written): its kind, the input column of each
 * column it reads (-1 absent; any other table keeps every column, named
 * in names), its rows.
 */
struct table {
	const char *path;
	enum kind kind;
	long idx[12];
	char **names;		/* K_OTHER: the header */
	size_t ncol;		/* columns kept per row */
	char **cell;		/* cell[r * ncol + c] */
	size_t nrows;
};

struct opts {
	const char *out, *labels, *gazetteer;
};

struct fmts {
	lxw_format *num[2][MAX_DEC + 1];	/* [italic][decimals] */
	lxw_format *title, *head, *bold, *wrap, *italic, *link, *note;
};

struct state {
	const struct opts *o;
	lxw_workbook *wb;
	struct fmts f;
	struct labels *lab;
	struct gaz *gaz;
	struct table *t;
	size_t nt;
	const struct table *city, *units, *docs;
	int warned_digits;
	struct buf tmp;
	double *width;		/* of the sheet being written */
	size_t nwidth;
};

static void put_text(struct state *, lxw_worksheet *, lxw_row_t,
	lxw_col_t, const char *, lxw_format *);

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Writes the tables of the pipeline as one workbook.  Each FILE is one\n"
"table, known by its columns: the city table (a sheet per period, with\n"
"the units' figures when the table of baocao-aggregate --units is given\n"
"too), findings (baocao-check, aggregate --findings), facts\n"
"(baocao-normalize), documents (doc,path); any other table gets a sheet\n"
"as it is.\n"
"\n"
"  -o, --output FILE   the workbook (default: stdout, when not a terminal)\n"
"      --labels FILE   indicator labels (default: built in)\n"
"      --gazetteer FILE  unit names (default: built in)\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_LABELS = CHAR_MAX + 1, OPT_GAZ };

static const struct option longopts[] = {
	{ "gazetteer", required_argument, NULL, OPT_GAZ },
	{ "help", no_argument, NULL, 'h' },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "output", required_argument, NULL, 'o' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
check(lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR)
		die(2, "%s: %s", what, lxw_strerror(e));
}

/* ---- Tables ---- */

static const char *
cell(const struct table *t, size_t r, size_t c)
{
	return t->cell[r * t->ncol + c];
}

/* The kind a header says, and the columns it reads. */
static void
classify(struct table *t, const struct csvin *in)
{
	/* the narrowest first: facts have every column of a units table */
	static const enum kind order[] = { K_FINDINGS, K_FACTS, K_UNITS,
		K_CITY, K_DOCS, K_OTHER };
	enum kind k = K_OTHER;
	size_t c, i;

	for (i = 0; order[i] != K_OTHER; i++) {
		const struct kinddef *d = &kinds[order[i]];

		for (c = 0; d->col[c] != NULL; c++)
			t->idx[c] = csvin_col(in, d->col[c]);
		for (c = 0; c < d->nreq && t->idx[c] >= 0; c++)
			;
		/* a units table has reporter_code, a city table has not */
		if (c == d->nreq && !(order[i] == K_CITY &&
		    csvin_col(in, "reporter_code") >= 0)) {
			k = order[i];
			break;
		}
	}
	t->kind = k;
	if (k == K_OTHER) {
		t->ncol = csvin_ncols(in);
		t->names = xcalloc(t->ncol + 1, sizeof(*t->names));
		for (c = 0; c < t->ncol; c++) {
			struct span h = csvin_colname(in, c);

			t->names[c] = xmemdup(h.p, h.n);
		}
		return;
	}
	for (c = 0; kinds[k].col[c] != NULL; c++)
		;
	t->ncol = c;
}

static void
load(struct table *t, struct csvin *in)
{
	size_t c, cap = 0;

	while (csvin_next(in)) {
		if (t->nrows == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			t->cell = xreallocarray(t->cell, cap * (t->ncol + 1),
			    sizeof(*t->cell));
		}
		for (c = 0; c < t->ncol; c++) {
			long i = t->kind == K_OTHER ? (long)c : t->idx[c];
			struct span s = i < 0 ? span_of("") :
			    csvin_field(in, (size_t)i);

			t->cell[t->nrows * t->ncol + c] = xmemdup(s.p, s.n);
		}
		t->nrows++;
	}
}

/* Reads every input and knows its kind. */
static void
open_tables(struct state *st, char **paths, int n)
{
	static char *stdin_path[] = { "-" };
	int i;

	if (n == 0) {
		paths = stdin_path;
		n = 1;
	}
	gz_check_inputs(paths, n);
	st->t = xcalloc((size_t)n, sizeof(*st->t));
	st->nt = (size_t)n;
	for (i = 0; i < n; i++) {
		struct table *t = &st->t[i];

		struct csvin *in = csvin_open(&paths[i], 1);

		t->path = paths[i];
		classify(t, in);
		load(t, in);
		csvin_close(in);
		if (t->kind == K_CITY && st->city == NULL)
			st->city = t;
		else if (t->kind == K_UNITS && st->units == NULL)
			st->units = t;
		else if (t->kind == K_DOCS && st->docs == NULL)
			st->docs = t;
		else if (t->kind == K_CITY || t->kind == K_UNITS ||
		    t->kind == K_DOCS)
			die(2, "%s: a second %s table", t->path, kinds[t->kind].name);
	}
}

/* ---- Cells ---- */

static void
widen(struct state *st, size_t col, double w)
{
	if (col >= st->nwidth) {
		st->width = xreallocarray(st->width, col + 1, sizeof(*st->width));
		while (st->nwidth <= col)
			st->width[st->nwidth++] = 0;
	}
	if (w > st->width[col])
		st->width[col] = w;
}

/* Characters in valid UTF-8 text (what a column's width is counted in). */
static size_t
chars(const char *s)
{
	size_t n = 0, len = strlen(s), i = 0;

	while (i < len) {
		i += u8_len(s + i, len - i);
		n++;
	}
	return n;
}

/*
 * A canonical decimal without a leading zero (so "07" and codes stay
 * text): its number of decimals, and whether a double holds it exactly
 * enough (MAX_DIGITS significant digits); -1 when it is not a number.
 */
static int
decimals(const char *s, int *exact)
{
	const char *p = s + (*s == '-'), *dot;
	size_t digits = 0, lead = 0, i;
	int seen = 0;

	if (*p == '\0' || (p[0] == '0' && p[1] != '\0' && p[1] != '.'))
		return -1;
	for (i = 0; p[i] != '\0'; i++) {
		if (p[i] == '.' && !seen && i > 0 && p[i + 1] != '\0') {
			seen = 1;
			continue;
		}
		if (p[i] < '0' || p[i] > '9')
			return -1;
		if (p[i] == '0' && digits == 0)
			lead++;
		else
			digits++;
	}
	*exact = digits <= MAX_DIGITS;
	dot = strchr(p, '.');
	return dot == NULL ? 0 : (int)strlen(dot + 1);
}

static lxw_format *
num_format(struct state *st, int dec, int italic)
{
	lxw_format **f;

	if (dec > MAX_DEC)
		dec = MAX_DEC;
	f = &st->f.num[italic][dec];
	if (*f == NULL) {
		char pat[32] = "#,##0";

		if (dec > 0) {
			strcat(pat, ".");
			memset(pat + strlen(pat), '0', (size_t)dec);
			pat[6 + dec] = '\0';
		}
		*f = workbook_add_format(st->wb);
		format_set_num_format(*f, pat);
		if (italic)
			format_set_italic(*f);
	}
	return *f;
}

/* Writes text, as a number when it is one; returns 1 if a number. */
static int
put(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *text, int italic, lxw_format *textfmt)
{
	int exact, dec = decimals(text, &exact);

	if (dec >= 0 && exact) {
		check(worksheet_write_number(ws, r, c, strtod(text, NULL),
		    num_format(st, dec, italic)), "number");
		widen(st, c, (double)strlen(text) * 1.25 + 2);
		return 1;
	}
	if (dec >= 0 && !st->warned_digits) {
		warn("'%s' has more than %d significant digits, which a "
		    "spreadsheet cannot hold: written as text", text, MAX_DIGITS);
		st->warned_digits = 1;
	}
	put_text(st, ws, r, c, text, italic ? st->f.italic : textfmt);
	return 0;
}

/* Text as it is (cut to the CELL_MAX characters a cell holds). */
static void
put_text(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *text, lxw_format *f)
{
	size_t n = strlen(text);
	char *cut = NULL;

	if (n > CELL_MAX) {	/* bytes: at least as many as characters */
		cut = xmemdup(text, u8_cut(text, n, CELL_MAX));
		text = cut;
	}
	if (*text != '\0')
		check(worksheet_write_string(ws, r, c, text, f), "text");
	widen(st, c, (double)chars(text) + 2);
	free(cut);
}

/* A header row: bold, wrapped, frozen above the rows. */
static void
put_header(struct state *st, lxw_worksheet *ws, lxw_row_t r,
    const char *const *names, size_t n)
{
	size_t c;

	for (c = 0; c < n; c++) {
		check(worksheet_write_string(ws, r, (lxw_col_t)c, names[c],
		    st->f.head), "header");
		widen(st, c, chars(names[c]) > 14 ? 14 : (double)chars(names[c]) + 2);
	}
}

static void
set_widths(struct state *st, lxw_worksheet *ws)
{
	size_t c;

	for (c = 0; c < st->nwidth; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    st->width[c] > WIDTH_MAX ? WIDTH_MAX : st->width[c], NULL);
	st->nwidth = 0;
}

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\, not
 * used before. */
static lxw_worksheet *
add_sheet(struct state *st, const char *want)
{
	struct buf b = { 0 };
	size_t i, n;
	int k;
	lxw_worksheet *ws;

	for (k = 1;; k++) {
		buf_clear(&b);
		for (i = 0; want[i] != '\0'; i++)
			buf_addc(&b, strchr("[]:*?/\\", want[i]) != NULL ? '-' :
			    want[i]);
		n = u8_cut(b.p, b.n, 31 * 4);
		while (chars(b.p) > (k > 1 ? 27 : 31)) {
			n = u8_cut(b.p, n - 1, n - 1);
			b.p[n] = '\0';
		}
		b.n = strlen(b.p);
		if (k > 1)
			buf_printf(&b, " %d", k);
		if (workbook_get_worksheet_by_name(st->wb, b.p) == NULL)
			break;
	}
	ws = workbook_add_worksheet(st->wb, b.p);
	if (ws == NULL)
		die(2, "cannot add sheet '%s'", b.p);
	buf_free(&b);
	return ws;
}

/* ---- Names ---- */

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

/* The report's path for a doc, from the facts or the documents table. */
static const char *
doc_path(const struct state *st, const char *doc)
{
	size_t r;

	for (r = 0; st->docs != NULL && r < st->docs->nrows; r++)
		if (strcmp(cell(st->docs, r, 0), doc) == 0)
			return cell(st->docs, r, 1);
	return "";
}

/* A link to a report: "file://" and the path, escaped. */
static void
put_path(struct state *st, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *path, int *links)
{
	struct buf url = { 0 };
	char *abs = NULL;
	size_t i;

	/* A relative path is the report's from where the run started. */
	if (*path != '\0' && *path != '/' && (abs = realpath(path, NULL)) != NULL)
		path = abs;
	if (*path != '/' || *links >= LXW_MAX_NUMBER_URLS) {
		put_text(st, ws, r, c, path, NULL);
		free(abs);
		return;
	}
	buf_adds(&url, "file://");
	for (i = 0; path[i] != '\0'; i++) {
		unsigned char ch = (unsigned char)path[i];

		if (ch >= 0x80 || strchr(" %#?\"<>\\[]^{}`|", ch) != NULL)
			buf_printf(&url, "%%%02X", ch);
		else
			buf_addc(&url, (char)ch);
	}
	if (url.n <= 2079 && worksheet_write_url_opt(ws, r, c, url.p,
	    st->f.link, path, NULL) == LXW_NO_ERROR)
		(*links)++;
	else
		put_text(st, ws, r, c, path, NULL);
	widen(st, c, (double)chars(path) + 2);
	buf_free(&url);
	free(abs);
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
		const char *prov = cell(t, r, CI_PROV), *per = cell(t, r, CI_PERIOD);
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
		if (strcmp(cell(t, r, 0), k->prov) == 0 &&
		    strcmp(cell(t, r, 1), k->period) == 0) {
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
		const char *code = cell(st->units, urows[i], UI_REP);

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

/* What "how" and "flags" of the city table say, in Vietnamese. */
static void
how_text(const struct state *st, struct buf *b, const char *how,
    const char *flags)
{
	buf_clear(b);
	if (strcmp(how, "sum") == 0 || *how == '\0') {
		buf_adds(b, "Tổng các đơn vị");
	} else if (strncmp(how, "ratio ", 6) == 0 && strchr(how, '/') != NULL) {
		char *num = xstrdup(how + 6), *den = strchr(num, '/');

		*den++ = '\0';
		buf_printf(b, "Tính lại từ tổng: %s / %s", label_of(st, num),
		    label_of(st, den));
		free(num);
	} else if (strcmp(how, "per unit") == 0) {
		buf_adds(b, "Chỉ theo từng đơn vị (không cộng, không lấy trung bình)");
	} else {
		buf_adds(b, how);
	}
	if (strstr(flags, "derived") != NULL)
		buf_adds(b, "; có số suy ra");
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
		const char *flags = cell(t, urows[i], UI_FLAGS);

		if (strcmp(cell(t, urows[i], UI_IND), ind) != 0 ||
		    strcmp(cell(t, urows[i], UI_UNIT), unit) != 0)
			continue;
		for (c = 0; c < ncols && strcmp(cols[c].code,
		    cell(t, urows[i], UI_REP)) != 0; c++)
			;
		if (c == ncols)
			continue;
		cols[c].reported = 1;
		if (strstr(flags, "conflict") != NULL)
			put_text(st, ws, row, (lxw_col_t)(5 + c),
			    "(hai số khác nhau)", NULL);
		else
			put(st, ws, row, (lxw_col_t)(5 + c),
			    cell(t, urows[i], UI_VALUE),
			    strstr(flags, "derived") != NULL, NULL);
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
				missing = in_list(cell(st->city, cr[r].r,
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
	check(worksheet_write_string(ws, row, 0, b.p, st->f.bold), "text");
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
	ws = add_sheet(st, st->tmp.p);
	buf_clear(&st->tmp);
	buf_printf(&st->tmp, "%s – ", prov != NULL ? prov->full_name : k->prov);
	labels_period(&st->tmp, k->period);
	check(worksheet_write_string(ws, 0, 0, st->tmp.p, st->f.title), "title");
	check(worksheet_write_string(ws, 1, 0, legend, st->f.note), "legend");
	put_header(st, ws, 3, head, sizeof(head) / sizeof(head[0]));
	for (c = 0; st->units != NULL && c < ncols; c++) {
		check(worksheet_write_string(ws, 3, (lxw_col_t)(5 + c),
		    cols[c].name, st->f.head), "header");
		widen(st, 5 + c, chars(cols[c].name) > 12 ? 12 :
		    (double)chars(cols[c].name) + 2);
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
	const char *ind = cell(t, r, CI_IND), *flags = cell(t, r, CI_FLAGS);
	const char *value = t->idx[CI_VALUE] >= 0 ? cell(t, r, CI_VALUE) :
	    cell(t, r, CI_SUM);
	struct buf b = { 0 };

	put_text(st, ws, row, 0, label_of(st, ind), st->f.bold);
	put_text(st, ws, row, 1, unit_of(st, ind, cell(t, r, CI_UNIT)), NULL);
	put(st, ws, row, 2, value, strstr(flags, "derived") != NULL, NULL);
	buf_printf(&b, "%s/%s", cell(t, r, CI_COVERED), cell(t, r, CI_TOTAL));
	put_text(st, ws, row, 3, b.p, NULL);
	how_text(st, &b, cell(t, r, CI_HOW), flags);
	put_text(st, ws, row, 4, b.p, NULL);
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
		cr[i].ind = cell(st->city, crows[i], CI_IND);
		cr[i].unit = cell(st->city, crows[i], CI_UNIT);
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
	set_widths(st, ws);
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
	lxw_worksheet *ws = add_sheet(st, "Phát hiện");
	size_t r;
	int links = 0;

	put_header(st, ws, 0, head, sizeof(head) / sizeof(head[0]));
	worksheet_freeze_panes(ws, 1, 1);
	for (r = 0; r < t->nrows; r++) {
		lxw_row_t row = (lxw_row_t)(r + 1);
		const char *ind = cell(t, r, FI_IND);

		if (row >= LXW_ROW_MAX)
			die(2, "%s: more findings than a sheet holds", t->path);
		put_text(st, ws, row, 0, cell(t, r, FI_DOC), NULL);
		put_path(st, ws, row, 1, doc_path(st, cell(t, r, FI_DOC)), &links);
		put(st, ws, row, 2, cell(t, r, FI_LINE), 0, NULL);
		put_text(st, ws, row, 3, cell(t, r, FI_RULE), NULL);
		put_text(st, ws, row, 4, *ind == '\0' ? "" : label_of(st, ind), NULL);
		put(st, ws, row, 5, cell(t, r, FI_EXP), 0, NULL);
		put(st, ws, row, 6, cell(t, r, FI_ACT), 0, NULL);
		put_text(st, ws, row, 7, cell(t, r, FI_DETAIL), NULL);
	}
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, 7);
	set_widths(st, ws);
}

/* Column c of row r of a table that reads it; "" when absent. */
static const char *
field(const struct table *t, size_t r, int c)
{
	return t->idx[c] < 0 ? "" : cell(t, r, (size_t)c);
}

static lxw_worksheet *
facts_top(struct state *st, const struct table *t)
{
	static const char *const head[] = { "Báo cáo", "Đơn vị", "Kỳ",
		"Chỉ tiêu", "Giá trị", "Đơn vị tính", "Trích dẫn", "Tệp", "Dòng",
		"Cờ" };
	lxw_worksheet *ws = add_sheet(st, "Số liệu gốc");

	put_header(st, ws, 0, head, sizeof(head) / sizeof(head[0]) -
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
		const char *ind = field(t, r, XI_IND), *name = field(t, r, XI_NAME);
		const char *path = field(t, r, XI_PATH);

		if (++row == LXW_ROW_MAX) {
			worksheet_autofilter(ws, 0, 0, row - 1, (lxw_col_t)last);
			set_widths(st, ws);
			ws = facts_top(st, t);
			row = 1;
			links = 0;
		}
		put_text(st, ws, row, 0, field(t, r, XI_DOC), NULL);
		put_text(st, ws, row, 1, *name != '\0' ? name :
		    field(t, r, XI_CODE), NULL);
		buf_clear(&st->tmp);
		labels_period(&st->tmp, field(t, r, XI_PERIOD));
		put_text(st, ws, row, 2, st->tmp.p, NULL);
		put_text(st, ws, row, 3, label_of(st, ind), NULL);
		put(st, ws, row, 4, field(t, r, XI_VALUE), 0, NULL);
		put_text(st, ws, row, 5, unit_of(st, ind, field(t, r, XI_UNIT)),
		    NULL);
		put_text(st, ws, row, 6, field(t, r, XI_EVIDENCE), NULL);
		if (*doc_path(st, field(t, r, XI_DOC)) != '\0')
			path = doc_path(st, field(t, r, XI_DOC));
		put_path(st, ws, row, 7, path, &links);
		put(st, ws, row, 8, field(t, r, XI_LINE), 0, NULL);
		if (last == 9)
			put_text(st, ws, row, 9, field(t, r, XI_FLAGS), NULL);
	}
	worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)last);
	set_widths(st, ws);
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
	ws = add_sheet(st, strcmp(name, "-") == 0 ? "Bảng" : name);
	for (c = 0; c < t->ncol; c++) {
		const char *h = t->names != NULL ? t->names[c] :
		    kinds[t->kind].col[c];

		text[c] = text_column(span_of(h));
		check(worksheet_write_string(ws, 0, (lxw_col_t)c, h, st->f.head),
		    "header");
		widen(st, c, (double)chars(h) + 2);
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (t->nrows >= LXW_ROW_MAX)
		die(2, "%s: more rows than a sheet holds", t->path);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncol; c++) {
			lxw_row_t row = (lxw_row_t)(r + 1);

			if (text[c])
				put_text(st, ws, row, (lxw_col_t)c, cell(t, r, c),
				    NULL);
			else
				put(st, ws, row, (lxw_col_t)c, cell(t, r, c), 0, NULL);
		}
	set_widths(st, ws);
	free(text);
	free(name);
}

/* ---- The workbook ---- */

static void
make_formats(struct state *st)
{
	struct fmts *f = &st->f;

	f->title = workbook_add_format(st->wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->head = workbook_add_format(st->wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(f->head, 0xDDEBF7);
	format_set_border(f->head, LXW_BORDER_THIN);
	f->bold = workbook_add_format(st->wb);
	format_set_bold(f->bold);
	f->italic = workbook_add_format(st->wb);
	format_set_italic(f->italic);
	f->note = workbook_add_format(st->wb);
	format_set_italic(f->note);
	format_set_font_color(f->note, LXW_COLOR_GRAY);
	f->link = workbook_get_default_url_format(st->wb);
}

static void
write_book(struct state *st)
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

/* A new file beside dest (or in TMPDIR), for the workbook to replace. */
static char *
temp_file(const char *dest)
{
	struct buf b = { 0 };
	const char *slash = dest != NULL ? strrchr(dest, '/') : NULL;
	const char *dir = getenv("TMPDIR");
	mode_t mask;
	int fd;

	if (dest != NULL)
		buf_printf(&b, "%.*s.baocao-xlsx.XXXXXX", slash == NULL ? 0 :
		    (int)(slash - dest + 1), dest);
	else
		buf_printf(&b, "%s/baocao-xlsx.XXXXXX", dir != NULL &&
		    *dir != '\0' ? dir : "/tmp");
	/* mkstemp makes it 0600; a workbook is a file like any other */
	mask = umask(0);
	umask(mask);
	if ((fd = mkstemp(b.p)) == -1 || fchmod(fd, 0666 & ~mask) == -1 ||
	    close(fd) == -1)
		die(2, "cannot write '%s':", dest != NULL ? dest : b.p);
	return b.p;
}

/* The finished workbook to fd (stdout, or a device or pipe given as -o). */
static void
copy_out(const char *path, int fd)
{
	struct gz_in *in = gz_open_in(path);
	struct gz_out *out = gz_open_out(fd, 0);
	char tmp[65536];
	size_t n;

	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0)
		gz_write(out, tmp, n);
	gz_close_in(in);
	if (unlink(path) == -1)
		die(2, "cannot remove '%s':", path);
	gz_out_finish(out);
}

static void
free_state(struct state *st)
{
	size_t i, k;

	for (i = 0; i < st->nt; i++) {
		struct table *t = &st->t[i];

		for (k = 0; k < t->nrows * t->ncol; k++)
			free(t->cell[k]);
		for (k = 0; t->names != NULL && k < t->ncol; k++)
			free(t->names[k]);
		free(t->names);
		free(t->cell);
	}
	free(st->t);
	free(st->width);
	buf_free(&st->tmp);
	labels_free(st->lab);
	gaz_free(st->gaz);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	lxw_error e;
	struct stat sb;
	char *tmp;
	int c, fd, special;

	diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "Vho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'o':
			o.out = optarg;
			break;
		case OPT_GAZ:
			o.gazetteer = optarg;
			break;
		case OPT_LABELS:
			o.labels = optarg;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	if (o.out == NULL && isatty(STDOUT_FILENO))
		die(2, "a workbook is not text: give -o FILE.xlsx or redirect "
		    "the output");
	st.o = &o;
	st.lab = labels_load(o.labels);
	st.gaz = gaz_load(o.gazetteer);
	open_tables(&st, argv + optind, argc - optind);
	/* -o names what is not a regular file (/dev/null, a pipe): written
	 * to at the end, never replaced. */
	special = o.out != NULL && stat(o.out, &sb) == 0 && !S_ISREG(sb.st_mode);
	tmp = temp_file(special ? NULL : o.out);
	if ((st.wb = workbook_new(tmp)) == NULL)
		die(2, "cannot make a workbook in '%s'", tmp);
	make_formats(&st);
	write_book(&st);
	if ((e = workbook_close(st.wb)) != LXW_NO_ERROR) {
		unlink(tmp);
		die(2, "cannot write '%s': %s", o.out != NULL ? o.out : tmp,
		    lxw_strerror(e));
	}
	if (o.out == NULL)
		copy_out(tmp, STDOUT_FILENO);
	else if (special) {
		if ((fd = open(o.out, O_WRONLY | O_TRUNC)) == -1)
			die(2, "cannot write '%s':", o.out);
		copy_out(tmp, fd);
	} else if (rename(tmp, o.out) == -1)
		die(2, "cannot write '%s':", o.out);
	free(tmp);
	free_state(&st);
	return 0;
}
