/*
 * csvin: reading CSV with a header row, over libcsv in strict mode.
 *
 * A whole line without a quote (most lines of most tables) is split at its
 * commas by csvin itself, in place, as libcsv would split it; everything
 * else goes through libcsv (the unit test and the fuzz target compare the
 * two readings).
 *
 * One struct csvin reads one or more inputs in turn as a single table: each
 * input starts with a header, and every header after the first must equal
 * the first (an input with no bytes at all is skipped).  libcsv counts no
 * lines, so csvin feeds it one physical line at a time and knows the line
 * on which every record starts; every error names "file:line".
 *
 * Errors (all fatal, status 2): unterminated quoted field, stray quote,
 * wrong number of fields, invalid UTF-8, NUL byte, empty or duplicated
 * header name, record over CSVIN_MAX_RECORD bytes or CSVIN_MAX_FIELDS
 * fields.  A UTF-8 byte-order mark at the start of an input is skipped.
 *
 * With csvin_set_bad_rows, a row-level error (wrong field count, invalid
 * UTF-8, NUL byte, quoting error) is instead written to that file as
 * "file,line,reason" and the row skipped; csvin_bad_count tells how many.
 */
#ifndef BAOCAO_CSVIN_H
#define BAOCAO_CSVIN_H

#include <stdio.h>

#include "buf.h"

#define CSVIN_MAX_RECORD ((size_t)256 << 20)	/* bytes in one record */
#define CSVIN_MAX_FIELDS ((size_t)1 << 16)	/* fields in one record */

struct csvin;

/* paths[0..n-1], "-" for stdin; n == 0 reads stdin.  Reads the header. */
struct csvin *csvin_open(char *const *paths, int n);
/* Reads a table held in memory (not copied); name is for diagnostics. */
struct csvin *csvin_open_mem(const char *name, const void *data, size_t len);
void csvin_close(struct csvin *);

/* Columns of the header; 0 for an input with no bytes at all. */
size_t csvin_ncols(const struct csvin *);
struct span csvin_colname(const struct csvin *, size_t i);
/* Index of the named column, or -1. */
long csvin_col(const struct csvin *, const char *name);
/*
 * Looks up n names at once; a missing one is fatal ("column 'x' missing",
 * at the header line of the current input).  An empty input (no header)
 * passes: it has no rows to need them.
 */
void csvin_require(const struct csvin *, const char *const *names,
	long *idx, size_t n);

/* Advances to the next record: 1, or 0 at the end of all inputs. */
int csvin_next(struct csvin *);
/* Field i of the current record, borrowed until the next csvin_next;
 * p[n] is a NUL (fields hold no NUL: csvin rejects them). */
struct span csvin_field(const struct csvin *, size_t i);
/* Fields i .. i+n-1 (n > 0) as one span, each followed by its NUL
 * ("a\0b\0"): a record's fields lie one after another.  Borrowed. */
struct span csvin_fields(const struct csvin *, size_t i, size_t n);
/* Where the current record starts, and in which input. */
size_t csvin_line(const struct csvin *);
const char *csvin_name(const struct csvin *);
/* Records read so far (rows after headers), and rows quarantined. */
size_t csvin_rows(const struct csvin *);
size_t csvin_bad_count(const struct csvin *);

/* Quarantine row-level errors to fp instead of dying (see above); NULL
 * leaves them fatal. */
void csvin_set_bad_rows(struct csvin *, FILE *fp);

#endif
