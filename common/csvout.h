/*
 * csvout: writing RFC 4180 CSV with stable bytes.
 *
 * A field is quoted only when it holds a comma, a quote, CR or LF (libcsv's
 * writer always quotes, so it is not used); a record that is a single empty
 * field is written as "" so that it does not read back as a blank line.
 * Records end in LF.  Output goes through gz (optionally gzip).
 *
 * Output meant for a spreadsheet (csvout_bom, csvout_safe) is safe to open
 * there: a field that begins with =, +, -, @, TAB or CR, which a
 * spreadsheet would take for a formula, is written with a leading single
 * quote, as OWASP recommends for CSV injection; a number as the filters
 * write them (-?[0-9]+(\.[0-9]+)?) is left as it is.  Without them, every
 * field is written as it is, byte for byte.
 */
#ifndef BAOCAO_CSVOUT_H
#define BAOCAO_CSVOUT_H

#include "buf.h"
#include "gz.h"

struct csvout;

struct csvout *csvout_open(int fd, int gzip);
/* Writes a UTF-8 byte-order mark, for spreadsheets that need one to read
 * UTF-8 (call before anything else is written), and makes the output
 * spreadsheet-safe (csvout_safe): a --bom output is one for a spreadsheet. */
void csvout_bom(struct csvout *);
/* Makes every field written from now on spreadsheet-safe (see above). */
void csvout_safe(struct csvout *);
void csvout_field(struct csvout *, const char *, size_t);
void csvout_str(struct csvout *, const char *);
void csvout_span(struct csvout *, struct span);
void csvout_ulong(struct csvout *, unsigned long long);
void csvout_end(struct csvout *);
/* Flushes and closes; write failure is fatal (status 2). */
void csvout_close(struct csvout *);
/* Appends one CSV-quoted field to a buffer (no separator). */
void csvout_quote(struct buf *, const char *, size_t);

#endif
