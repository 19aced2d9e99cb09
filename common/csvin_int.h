/*
 * The parts of common/csvin: csvin.c opens the inputs, takes each header
 * and hands out checked rows; csvin_record.c reads one record, a plain
 * line split as libcsv would, any other fed to libcsv a physical line at
 * a time.  Not for other modules.
 */
#ifndef BAOCAO_CSVIN_INT_H
#define BAOCAO_CSVIN_INT_H

#include <csv.h>
#include <stdio.h>

#include "buf.h"
#include "csvin.h"
#include "gz.h"

enum { READBUF = 1 << 16 };

struct field {
	size_t off;
	size_t len;
};

struct csvin {
	struct csv_parser p;
	char *const *paths;
	int npaths;
	int next_path;		/* index of the next input to open */
	struct gz_in *in;
	const char *name;	/* of the current input, for diagnostics */

	char *rbuf;
	size_t rpos, rlen;
	int in_eof;		/* current input fully fed to the parser */
	int prev_cr;		/* last segment ended in CR (CRLF counts once) */
	int skip;		/* the rest of a malformed line is yet to come */
	size_t line;		/* physical lines fully fed */
	size_t row_line;	/* line on which the current record starts */
	int row_open;		/* bytes of a record have been fed */
	int row_done;		/* cb2 fired for the current record */
	int overflow;		/* too many fields in the current record */

	struct buf data;	/* bytes of the current record's fields */
	const char *base;	/* fields' offsets are from here: data.p, or
				 * the line in rbuf a quote-free line was
				 * split in place */
	int checked;		/* the record's bytes are known valid */
	struct field *f;
	size_t nf, capf;

	struct buf hdata;	/* the header of the first input */
	struct field *hf;
	size_t nh;
	size_t hdr_line;	/* header line of the current input */

	const char *mem;	/* csvin_open_mem */
	size_t memlen;
	char *memname[1];

	size_t rows;
	size_t nbad;
	FILE *bad;
};

/* csvin.c */
/* A row-level error at line: fatal (status 2), or with bad rows set,
 * written there as "file,line,reason" and counted. */
void ci_row_error(struct csvin *, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* csvin_record.c */
/* A new libcsv parser in c->p, strict, with csvin's callbacks. */
void ci_parser_init(struct csvin *);
/* Reads lines until one record is complete.  Returns 1 with the record
 * in c->f, or 0 when the current input is exhausted. */
int ci_read_record(struct csvin *);

#endif
