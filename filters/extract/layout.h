/*
 * The parts of extract's layout reader (layout.c, layout_table.c): a
 * laid-out text as lines with their columns, and what each line is.
 * Not for other files.
 */
#ifndef BAOCAO_LAYOUT_H
#define BAOCAO_LAYOUT_H

#include <stddef.h>

#include "buf.h"
#include "extract.h"

#define MAXCOLS 32		/* columns of a laid-out table */

enum lkind { L_BLANK, L_TEXT, L_PAGENO, L_NOTE, L_HEAD, L_TABLE };

struct lline {
	size_t no;		/* line number in the text */
	int page;		/* from 0 */
	struct buf s;		/* the repaired line, indent included */
	size_t indent, end;	/* columns: first character, past the last */
	enum lkind kind;
	int table_start;	/* first line of a table block */
};

struct lay {
	struct doc *d;
	struct lline *l;
	size_t n;
	struct buf tmp, tmp2;
};

/* layout.c */
/* Columns (characters) of s[0..n). */
size_t lay_columns(const char *s, size_t n);

/* layout_table.c */
/* Marks the table blocks: kind L_TABLE and table_start. */
void lay_find_tables(struct lay *x);
/* The table block from line i into the model; the line after it. */
size_t lay_table_block(struct lay *x, size_t i);

#endif
