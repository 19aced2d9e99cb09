/*
 * csvin: the reader (see csvin.h): its inputs opened in turn, each one's
 * header taken and checked against the first, each record checked (its
 * field count, UTF-8, no NUL) and handed out as a row; a row-level error
 * is fatal or, with csvin_set_bad_rows, written there and the row skipped.
 * csvin_record.c reads a record.
 */
#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "csvin_int.h"
#include "csvout.h"
#include "diag.h"
#include "gz.h"
#include "utf8.h"
#include "xalloc.h"

void
ci_row_error(struct csvin *c, size_t line, const char *fmt, ...)
{
	struct buf msg = { 0 }, row = { 0 };
	va_list ap;

	/* Said as diag says every message, in the user's words; written to
	 * the bad rows (a CSV for programs) in C's. */
	va_start(ap, fmt);
	if (c->bad == NULL)
		vdie_at(2, c->name, line, fmt, ap);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	csvout_quote(&row, c->name, strlen(c->name));
	buf_printf(&row, ",%zu,", line);
	csvout_quote(&row, msg.p, msg.n);
	buf_addc(&row, '\n');
	if (fwrite(row.p, 1, row.n, c->bad) != row.n)
		die(2, "cannot write bad rows:");
	buf_free(&row);
	buf_free(&msg);
	c->nbad++;
}

/* Row-level validity: UTF-8, no NUL.  0 when reported and skipped. */
static int
check_record(struct csvin *c)
{
	size_t i, j, line;

	if (c->checked)
		return 1;
	for (i = 0; i < c->nf; i++) {
		const char *p = c->base + c->f[i].off;
		size_t n = c->f[i].len, bad;
		const char *nul = memchr(p, '\0', n);

		bad = u8_invalid(p, n);
		if (nul == NULL && bad == n)
			continue;
		/* The line of the bad byte: the record's first line plus the
		 * line breaks before it (only worked out on an error). */
		line = c->row_line;
		for (j = 0; j < i; j++)
			line += u8_count_nl(c->base + c->f[j].off, c->f[j].len);
		if (nul != NULL && (size_t)(nul - p) < bad) {
			ci_row_error(c, line + u8_count_nl(p,
			    (size_t)(nul - p)), "NUL byte in field %zu", i + 1);
			return 0;
		}
		ci_row_error(c, line + u8_count_nl(p, bad),
		    "invalid UTF-8 in field %zu", i + 1);
		return 0;
	}
	return 1;
}

static void
take_header(struct csvin *c)
{
	size_t i, j;
	const char *p;

	/* Skip a byte-order mark in the first field. */
	if (c->nf > 0 && c->f[0].len >= 3 &&
	    memcmp(c->base + c->f[0].off, "\xEF\xBB\xBF", 3) == 0) {
		c->f[0].off += 3;
		c->f[0].len -= 3;
	}
	for (i = 0; i < c->nf; i++) {
		p = c->base + c->f[i].off;
		if (c->f[i].len == 0)
			die_at(2, c->name, c->row_line,
			    "header: column %zu has an empty name", i + 1);
		for (j = 0; j < i; j++)
			if (c->f[j].len == c->f[i].len &&
			    memcmp(c->base + c->f[j].off, p, c->f[i].len) == 0)
				die_at(2, c->name, c->row_line,
				    "header: duplicate column '%.*s'",
				    (int)c->f[i].len, p);
	}
	c->hdr_line = c->row_line;
	if (c->hf == NULL) {
		/* the fields and their NULs, one after another */
		buf_add(&c->hdata, c->base, c->f[c->nf - 1].off +
		    c->f[c->nf - 1].len + 1);
		c->hf = xreallocarray(NULL, c->nf, sizeof(*c->hf));
		memcpy(c->hf, c->f, c->nf * sizeof(*c->hf));
		c->nh = c->nf;
		return;
	}
	if (c->nf != c->nh)
		goto differ;
	for (i = 0; i < c->nf; i++)
		if (c->f[i].len != c->hf[i].len || memcmp(c->base + c->f[i].off,
		    c->hdata.p + c->hf[i].off, c->f[i].len) != 0)
			goto differ;
	return;
differ:
	die_at(2, c->name, c->row_line, "header differs from that of '%s'",
	    c->paths[0]);
}

/* Opens inputs until one has a header.  0 when none is left. */
static int
open_next(struct csvin *c)
{
	while (c->next_path < c->npaths) {
		if (c->in != NULL) {
			gz_close_in(c->in);
			csv_free(&c->p);
		}
		if (c->mem != NULL)
			c->in = gz_open_mem(c->paths[c->next_path++], c->mem,
			    c->memlen);
		else
			c->in = gz_open_in(c->paths[c->next_path++]);
		c->name = gz_name(c->in);
		ci_parser_init(c);
		c->rpos = c->rlen = 0;
		c->in_eof = c->prev_cr = c->row_open = c->skip = 0;
		c->line = 0;
		while (ci_read_record(c)) {
			if (!check_record(c))
				die_at(2, c->name, c->row_line, "unreadable header");
			take_header(c);
			return 1;
		}
	}
	return 0;
}

/* Both ways in: a reader over paths[0..n), its header read. */
static struct csvin *
start(struct csvin *c, char *const *paths, int n)
{
	c->paths = paths;
	c->npaths = n;
	c->rbuf = xmalloc(READBUF);
	c->name = paths[0];
	open_next(c);
	return c;
}

struct csvin *
csvin_open(char *const *paths, int n)
{
	static char *const stdin_path[] = { "-" };

	if (n == 0) {
		paths = stdin_path;
		n = 1;
	}
	return start(xcalloc(1, sizeof(struct csvin)), paths, n);
}

struct csvin *
csvin_open_mem(const char *name, const void *data, size_t len)
{
	struct csvin *c = xcalloc(1, sizeof(*c));

	c->memname[0] = xstrdup(name);
	c->mem = data;
	c->memlen = len;
	return start(c, c->memname, 1);
}

void
csvin_close(struct csvin *c)
{
	if (c == NULL)
		return;
	if (c->in != NULL) {
		gz_close_in(c->in);
		csv_free(&c->p);
	}
	free(c->rbuf);
	buf_free(&c->data);
	buf_free(&c->hdata);
	free(c->f);
	free(c->hf);
	free(c->memname[0]);
	free(c);
}

size_t
csvin_ncols(const struct csvin *c)
{
	return c->nh;
}

struct span
csvin_colname(const struct csvin *c, size_t i)
{
	struct span s = { c->hdata.p + c->hf[i].off, c->hf[i].len };

	return s;
}

long
csvin_col(const struct csvin *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nh; i++)
		if (span_eq(csvin_colname(c, i), name))
			return (long)i;
	return -1;
}

void
csvin_require(const struct csvin *c, const char *const *names, long *idx,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		idx[i] = csvin_col(c, names[i]);
		if (idx[i] < 0 && c->nh > 0)
			die_at(2, c->name, c->hdr_line, "column '%s' missing",
			    names[i]);
	}
}

int
csvin_next(struct csvin *c)
{
	if (c->in == NULL)
		return 0;
	for (;;) {
		while (!ci_read_record(c))
			if (!open_next(c))
				return 0;
		if (c->nf != c->nh) {
			ci_row_error(c, c->row_line, "expected %zu fields, "
			    "found %zu", c->nh, c->nf);
			continue;
		}
		if (!check_record(c))
			continue;
		c->rows++;
		return 1;
	}
}

struct span
csvin_field(const struct csvin *c, size_t i)
{
	struct span s = { c->base + c->f[i].off, c->f[i].len };

	return s;
}

struct span
csvin_fields(const struct csvin *c, size_t i, size_t n)
{
	const struct field *last = &c->f[i + n - 1];
	struct span s = { c->base + c->f[i].off,
		last->off + last->len + 1 - c->f[i].off };

	return s;
}

size_t
csvin_line(const struct csvin *c)
{
	return c->row_line;
}

const char *
csvin_name(const struct csvin *c)
{
	return c->name;
}

size_t
csvin_rows(const struct csvin *c)
{
	return c->rows;
}

size_t
csvin_bad_count(const struct csvin *c)
{
	return c->nbad;
}

void
csvin_set_bad_rows(struct csvin *c, FILE *fp)
{
	c->bad = fp;
}
