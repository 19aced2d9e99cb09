/*
 * baocao-xlsx: the parts of the filter and what passes between them.
 *
 *	main.c    options, the temporary file, the atomic replace (or the
 *	          copy to stdout or a pipe), main()
 *	tables.c  the CSV inputs held in memory, each known by its columns
 *	cells.c   cell formats, numbers written as numbers, column widths,
 *	          sheet names, links
 *	sheets.c  a sheet per province and period, the findings, the facts,
 *	          any other table
 *
 * Every input is read whole (tables.c) before the workbook is made, so a
 * bad row is found before any file is written; then sheets.c lays out
 * the sheets through cells.c, which alone calls libxlsxwriter's writers.
 */
#ifndef BAOCAO_XLSX_H
#define BAOCAO_XLSX_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "buf.h"
#include "gaz.h"
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
enum { DI_DOC, DI_PATH, DI_N };

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

/* tables.c */
/* Reads every input (paths[0..n), stdin when n is 0) and knows its kind;
 * dies on a second city, units or documents table. */
void tables_open(struct state *, char **paths, int n);
/* Cell c of row r (a column the table's kind reads, in its enum's order,
 * or any column of another table); "" when the input has no such column. */
const char *table_cell(const struct table *, size_t r, size_t c);
/* The report's path for a doc, from the documents table; "". */
const char *table_doc_path(const struct state *, const char *doc);
void tables_free(struct state *);

/* cells.c */
/* Dies naming what failed when libxlsxwriter says e. */
void cell_ok(lxw_error e, const char *what);
void cells_formats(struct state *);
/* Text as a number when it is one (italic: a derived figure), else as
 * text in textfmt; 1 if a number. */
int cell_put(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t,
	const char *text, int italic, lxw_format *textfmt);
/* Text as it is (cut to the characters a cell holds). */
void cell_text(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t,
	const char *, lxw_format *);
/* A header row: bold, wrapped. */
void cell_header(struct state *, lxw_worksheet *, lxw_row_t,
	const char *const *names, size_t n);
/* A link to a report's path (made absolute, "file://"), or the path as
 * text past the links a sheet holds; *links counts them. */
void cell_link(struct state *, lxw_worksheet *, lxw_row_t, lxw_col_t,
	const char *path, int *links);
/* Column col at least w characters wide, on the sheet being written. */
void cell_widen(struct state *, size_t col, double w);
/* The widths found to the sheet; the next sheet starts from none. */
void cell_widths(struct state *, lxw_worksheet *);
/* A new sheet named as Excel allows: at most 31 characters, none of
 * []:*?/\ and not used before (else numbered). */
lxw_worksheet *cell_sheet(struct state *, const char *want);
/* Characters in valid UTF-8 text. */
size_t cell_chars(const char *);

/* sheets.c */
/* The sheets: a sheet per province and period of the city table, then
 * the findings, the facts and any other table. */
void sheets_write(struct state *);

#endif
