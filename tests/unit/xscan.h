/*
 * Reports written in a test, read and scanned as baocao-extract does it:
 * the text reader fills the document model, and the scanners write their
 * rows, which come back as text to compare.
 */
#ifndef BAOCAO_XSCAN_H
#define BAOCAO_XSCAN_H

#include "extract.h"

/* Reads text (a report as a .txt holds it) into d, named "r", file
 * "r.txt"; read_bytes' status.  doc_free frees d. */
int xread(struct doc *d, const char *text);

/*
 * Scans the report text whole (header, headings, prose and tables) and
 * returns its rows, one a line, each the columns named in cols (a comma
 * list of extract's column names) joined by '|'.  The string is the
 * caller's to free.  Messages are kept in *said when said is not NULL
 * (the caller frees them), else shown.
 */
char *xscan(const char *text, const char *cols, char **said);
/* xscan's rows, kept until the next call (for a CHECK_STR argument). */
const char *xrows(const char *text, const char *cols);

/* The header read from the report text, as
 * "issuer|doc_no|doc_date|period_text|title|body|places" (caller frees). */
char *xheader(const char *text);

/* Test functions of extract's parts. */
void test_chars(void);
void test_docs(void);
void test_figures(void);
void test_glue(void);
void test_header(void);
void test_heading(void);
void test_layout(void);
void test_model(void);
void test_read(void);
void test_signed(void);
void test_skip(void);
void test_spawn(void);
void test_table(void);

#endif
