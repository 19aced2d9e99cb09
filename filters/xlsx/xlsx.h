/*
 * baocao-xlsx: the parts of the filter and what passes between them.
 *
 *	main.c    options, the temporary file, the atomic replace (or the
 *	          copy to stdout or a pipe), the period names for the
 *	          pipelines (--period-name), main()
 *	tables.c  the CSV inputs held in memory, each known by its columns
 *	text.c    every word the workbook prints, from labels.csv: the
 *	          workbook's own (book:KEY), indicators, units, periods,
 *	          flags, statuses, rules, how a city figure was made
 *	cells.c   cell formats, numbers written as numbers (money shown in
 *	          millions), column widths, sheet names, links relative to
 *	          the workbook, notes, page setup
 *	periods.c a sheet per province and period: the city table by
 *	          section, the units' figures, the units that did not report
 *	sheets.c  the other sheets: the files of the run, the flags and
 *	          findings explained, the findings, the facts, any other
 *	          table; the order of the sheets
 *
 * Every input is read whole (tables.c) and every word the workbook needs
 * is checked in the labels (text.c) before the workbook is made, so a bad
 * row or a missing label is found before any file is written; then the
 * sheets are laid out through cells.c, which alone calls libxlsxwriter's
 * writers.
 */
#ifndef BAOCAO_XLSX_H
#define BAOCAO_XLSX_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "gaz.h"
#include "htab.h"
#include "labels.h"

#define MAX_DEC 10		/* decimals shown at most */

enum kind { K_CITY, K_UNITS, K_FINDINGS, K_FACTS, K_DOCS, K_OTHER };

/* The columns of each kind: the first ones are required (they make the
 * kind), the others read when present.  Each list is indexed by its enum. */
enum { CI_PROV, CI_PERIOD, CI_IND, CI_UNIT, CI_COVERED, CI_TOTAL, CI_VALUE,
	CI_SUM, CI_HOW, CI_NUM, CI_DEN, CI_FLAGS, CI_MISSING, CI_N };
enum { UI_PROV, UI_PERIOD, UI_IND, UI_UNIT, UI_REP, UI_VALUE, UI_FLAGS,
	UI_N };
enum { FI_DOC, FI_LINE, FI_RULE, FI_IND, FI_EXP, FI_ACT, FI_DETAIL, FI_N };
enum { XI_DOC, XI_PERIOD, XI_IND, XI_VALUE, XI_UNIT, XI_LINE, XI_NAME,
	XI_CODE, XI_EVIDENCE, XI_FLAGS, XI_PATH, XI_N };
/* documents: doc,path; the manifest (city-summary -m, normalize --docs)
 * has the rest */
enum { DI_DOC, DI_PATH, DI_STATUS, DI_REASON, DI_CODE, DI_NAME, DI_PROV,
	DI_PERIOD, DI_NO, DI_DATE, DI_N };

#define KIND_MAXCOL 13

struct kinddef {
	const char *name;
	size_t nreq;		/* col[0..nreq) are required */
	size_t ncol;
	const char *col[KIND_MAXCOL];
};

extern const struct kinddef kinds[K_OTHER];

/*
 * One input, read whole: its kind, the input column of each column it
 * reads (-1 absent; any other table keeps every column, named in names),
 * its rows.
 */
struct table {
	const char *path;
	enum kind kind;
	long idx[KIND_MAXCOL];
	char **names;		/* K_OTHER: the header */
	size_t ncol;		/* columns kept per row */
	char **cell;		/* cell[r * ncol + c] */
	size_t nrows;
};

struct opts {
	const char *out, *labels, *gazetteer, *base;
	int period_names;	/* --period-name: name the operands */
};

/* How cell_put shows a number. */
enum { CELL_ITALIC = 1, CELL_MILLIONS = 2 };

struct fmts {
	lxw_format *num[2][2][MAX_DEC + 1];	/* [millions][italic][decimals] */
	lxw_format *title, *head, *bold, *italic, *link, *note, *group,
	    *warn, *stt, *banner, *wrap;
};

/* A doc of the documents table, by name. */
struct docent {
	struct hkey k;
	size_t r;
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
	struct htab docidx;	/* the docs' rows by doc */
	struct docent *docent;
	char *base;		/* the workbook's directory, absolute */
	char date[11];		/* of the workbook, dd/mm/yyyy */
	int warned_digits;
	struct buf tmp;
	double *width;		/* of the sheet being written */
	size_t nwidth;
};

/* tables.c */
/* Reads every input (paths[0..n), stdin when n is 0) and knows its kind;
 * dies on a second city, units or documents table. */
void tables_open(struct state *, char **paths, int n);
/* Cell c of row r (a column the table's kind reads, in its enum's order,
 * or any column of another table); "" when the input has no such column. */
const char *table_cell(const struct table *, size_t r, size_t c);
/* Whether the table's input has column c of its kind. */
int table_has(const struct table *, size_t c);
/* The report's path for a doc, from the documents table; "". */
const char *table_doc_path(const struct state *, const char *doc);
void tables_free(struct state *);

/* text.c: every word from labels.csv.  The strings returned are the
 * labels' (or the code's, when it has no label): borrowed. */
/* Dies naming the first word of the workbook the labels lack. */
void text_check(const struct state *);
/* The workbook's word book:key, or its second text (hint). */
const char *text_say(const struct state *, const char *key);
const char *text_hint(const struct state *, const char *key);
/* An indicator's label; its unit's label (money: in millions). */
const char *text_indicator(const struct state *, const char *ind);
const char *text_unit(const struct state *, const char *ind,
	const char *unit);
/* Whether a canonical unit is money, shown in millions. */
int text_money(const char *unit);
/* Appends a period's name. */
void text_period(const struct state *, struct buf *, const char *period);
/* The label of id prefix + code[0..n), or NULL. */
const char *text_code(const struct state *, const char *prefix,
	const char *code, size_t n);
/* Appends the labels of a set of flags (names joined by ';'). */
void text_flags(const struct state *, struct buf *, const char *flags);
/* Whether a set of flags holds name. */
int has_flag(const char *flags, const char *name);
/* A manifest status's label and hint; a rule's (the review page's words:
 * one wording for both); the code when it has none. */
const char *text_status(const struct state *, const char *status);
const char *text_rule(const struct state *, const char *rule, int hint);
/* Appends what how, its ratio's parts and the flags of city row r say. */
void text_how(const struct state *, struct buf *, size_t r);
/* Appends n as a Roman numeral (1 to 3999). */
void text_roman(struct buf *, size_t n);

/* cells.c */
/* Dies naming what failed when libxlsxwriter says e. */
void cell_ok(lxw_error e, const char *what);
void cells_formats(struct state *);
/* Text as a number when it is one (style: CELL_ITALIC for a derived
 * figure, CELL_MILLIONS for money), else as text in textfmt; 1 if a
 * number. */
int cell_put(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t,
	const char *text, int style, lxw_format *textfmt);
/* Text as it is (cut to the characters a cell holds). */
void cell_text(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t,
	const char *, lxw_format *);
/* A header row: bold, wrapped. */
void cell_header(struct state *, lxw_worksheet *, lxw_row_t,
	const char *const *names, size_t n);
/* The lines text wrapped in a column w characters wide takes; a row
 * set as high as lines (1: left as it is). */
size_t cell_wrapped(const char *text, double w);
void cell_lines(lxw_worksheet *, lxw_row_t, size_t lines);
/* A link to a report's path, relative to the workbook's directory, or the
 * path as text past the links a sheet holds; *links counts them. */
void cell_link(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t,
	const char *path, int *links);
/* A note (comment) on a cell. */
void cell_note(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t,
	const char *);
/* Text across columns [0, last] of a row, merged and wrapped, the row as
 * high as the text needs at the widths given (lineh points a line; width
 * has last + 1 entries). */
void cell_banner(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t last,
	const double *width, const char *, lxw_format *, double lineh);
/* Column col at least w characters wide, on the sheet being written. */
void cell_widen(struct state *, size_t col, double w);
/* The widths found to the sheet (each at most max, kept in st->width
 * for cell_banner); a new sheet starts from none. */
void cell_widths(struct state *, lxw_worksheet *, double max);
/*
 * Page setup: A4 landscape, fitted to one page wide, rows [head0, head1]
 * repeated on every page, the subject and title in the header, source,
 * page and date in the footer.
 */
void cell_page(struct state *, lxw_worksheet *, lxw_row_t head0,
	lxw_row_t head1, const char *title, const char *source);
/* A new sheet named as Excel allows: at most 31 characters, none of
 * []:*?/\ and not used before (else numbered). */
lxw_worksheet *cell_sheet(struct state *, const char *want);
/* Characters in valid UTF-8 text. */
size_t cell_chars(const char *);

/* periods.c */
/* A sheet per province and period of the city table. */
void periods_write(struct state *);
/* The workbook's source line: "Nguồn: n báo cáo ..." of the ok reports
 * the manifest lists (of province prov within period, when not NULL). */
void periods_source(const struct state *, struct buf *, const char *prov,
	const char *period);

/* sheets.c */
/* The sheets: a sheet per province and period of the city table, the
 * files, the flags explained, the findings, the facts, any other table. */
void sheets_write(struct state *);

#endif
