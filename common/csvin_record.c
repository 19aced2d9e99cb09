/*
 * csvin: one record at a time (see csvin_int.h).  A plain line between
 * records is split here, in place, a block of bytes at a time (16 with
 * SSE2, else 8), a quoted field unquoted as libcsv in strict mode would;
 * any other line goes to libcsv, fed one physical line at a time (it
 * counts no lines: so csvin knows the line each record starts on) until
 * a record is complete, a quoting error reported and the parser started
 * again after its line.  One file, so that the compiler sees the whole
 * loop of a line.  The Makefile builds it a second time without SSE2,
 * for the portable unit tests.
 */
#include <csv.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "csvin_int.h"
#include "diag.h"
#include "gz.h"
#include "utf8.h"
#include "xalloc.h"

/* libcsv would trim blanks around unquoted fields and skip blank-only lines. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* libcsv's own field buffer is bounded, so a 1 GB line fails cleanly. */
static void *
limited_realloc(void *p, size_t n)
{
	if (n > CSVIN_MAX_RECORD)
		return NULL;
	return realloc(p, n);
}

static void
on_field(void *s, size_t len, void *ctx)
{
	struct csvin *c = ctx;

	if (c->nf == CSVIN_MAX_FIELDS) {
		c->overflow = 1;
		return;
	}
	if (c->data.n + len > CSVIN_MAX_RECORD) {
		c->overflow = 2;
		return;
	}
	if (c->nf == c->capf) {
		c->capf = c->capf == 0 ? 16 : c->capf * 2;
		c->f = xreallocarray(c->f, c->capf, sizeof(*c->f));
	}
	c->f[c->nf].off = c->data.n;
	c->f[c->nf].len = len;
	c->nf++;
	buf_reserve(&c->data, len + 1);
	if (len > 0)
		memcpy(c->data.p + c->data.n, s, len);
	c->data.n += len + 1;
	c->data.p[c->data.n - 1] = '\0';
	c->data.p[c->data.n] = '\0';
}

static void
on_row(int term, void *ctx)
{
	struct csvin *c = ctx;

	(void)term;
	c->row_done = 1;
}

void
ci_parser_init(struct csvin *c)
{
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		die(2, "out of memory");
	csv_set_space_func(&c->p, no_space);
	csv_set_realloc_func(&c->p, limited_realloc);
	csv_set_blk_size(&c->p, 4096);
}

/*
 * Refills the read buffer: 0 when there are bytes to read; at the end of
 * the input, 1 when the parser still had a row to give (now done), -1
 * when there is none (or it was unterminated: reported).
 */
static int
refill(struct csvin *c)
{
	if (c->in_eof)
		return -1;
	c->rlen = gz_read(c->in, c->rbuf, READBUF);
	c->rpos = 0;
	if (c->rlen > 0)
		return 0;
	c->in_eof = 1;
	if (csv_fini(&c->p, on_field, on_row, c) != 0) {
		size_t at = c->row_line;

		csv_free(&c->p);
		ci_parser_init(c);
		c->row_open = 0;
		ci_row_error(c, at, "unterminated quoted field");
		return -1;
	}
	return c->row_done ? 1 : -1;
}

/* The length of the physical line at seg (to its LF or CR, included), or
 * of what is buffered of it. */
static size_t
line_len(const char *seg, size_t n)
{
	const char *nl = memchr(seg, '\n', n);
	size_t upto = nl == NULL ? n : (size_t)(nl - seg) + 1;
	const char *cr = memchr(seg, '\r', upto);

	return cr != NULL ? (size_t)(cr - seg) + 1 : upto;
}

/* A row starts on the first line that holds more than a line end. */
static void
open_row(struct csvin *c, const char *seg, size_t n)
{
	size_t i;

	if (c->row_open)
		return;
	for (i = 0; i < n; i++)
		if (seg[i] != '\n' && seg[i] != '\r')
			break;
	if (i < n) {
		c->row_open = 1;
		c->row_line = c->line + 1;
	}
}

/* Counts the line end a fed segment finishes with (CR LF is one). */
static void
count_line(struct csvin *c, const char *seg, size_t n)
{
	if (seg[n - 1] == '\r') {
		c->line++;
		c->prev_cr = 1;
	} else if (seg[n - 1] == '\n') {
		if (!(c->prev_cr && n == 1))
			c->line++;
		c->prev_cr = 0;
	} else {
		c->prev_cr = 0;
	}
}

/* Feeds one line to libcsv: 0, or -1 after a quoting error, reported,
 * the parser started again at the end of the line (c->skip when that end
 * is not read yet: what is left of the line is no record). */
static int
feed(struct csvin *c, const char *seg, size_t n)
{
	size_t done = csv_parse(&c->p, seg, n, on_field, on_row, c);
	size_t at;
	int e;

	if (done == n) {
		c->rpos += n;
		count_line(c, seg, n);
		return 0;
	}
	e = csv_error(&c->p);
	at = c->line + 1;
	csv_free(&c->p);
	ci_parser_init(c);
	c->rpos += n;
	if (seg[n - 1] == '\n' || seg[n - 1] == '\r')
		c->line++;
	else
		c->skip = 1;
	c->prev_cr = seg[n - 1] == '\r';
	c->row_open = 0;
	c->nf = 0;
	buf_clear(&c->data);
	if (e == CSV_ENOMEM)
		ci_row_error(c, at, "record longer than %zu bytes",
		    (size_t)CSVIN_MAX_RECORD);
	else
		ci_row_error(c, at,
		    "malformed quoting (stray or unterminated quote)");
	return -1;
}

/* Drops what is buffered of a malformed line, up to its end. */
static void
skip_rest(struct csvin *c, const char *seg, size_t avail)
{
	size_t n = line_len(seg, avail);

	c->rpos += n;
	if (seg[n - 1] == '\n' || seg[n - 1] == '\r') {
		c->line++;
		c->prev_cr = seg[n - 1] == '\r';
		c->skip = 0;
	}
}

/* Room for one more field. */
static inline void
more_fields(struct csvin *c, size_t nf)
{
	if (nf == c->capf) {
		c->capf = c->capf == 0 ? 16 : c->capf * 2;
		c->f = xreallocarray(c->f, c->capf, sizeof(*c->f));
	}
}

/*
 * What a block of PLAIN_BLOCK bytes holds, one bit per byte (the first
 * byte the lowest): line feeds, commas, what only libcsv reads (quote,
 * CR, NUL), and bytes >= 0x80.
 */
struct marks {
	uint32_t nl, comma, odd, high;
};

#ifdef __SSE2__
#define PLAIN_BLOCK 16

static inline void
block_marks(const char *p, struct marks *m)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	m->nl = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8('\n')));
	m->comma = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8(',')));
	m->odd = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
	    _mm_cmpeq_epi8(v, _mm_setzero_si128())));
	m->high = (uint32_t)_mm_movemask_epi8(v);
}
#else
#define PLAIN_BLOCK 8
#define block_marks(p, m) tail_marks((p), PLAIN_BLOCK, (m))
#endif

/* The same for n <= PLAIN_BLOCK bytes, one by one (the last few; every
 * block where there is no SSE2). */
static void
tail_marks(const char *p, size_t n, struct marks *m)
{
	size_t k;

	memset(m, 0, sizeof(*m));
	for (k = 0; k < n; k++) {
		unsigned char ch = (unsigned char)p[k];

		m->nl |= (uint32_t)(ch == '\n') << k;
		m->comma |= (uint32_t)(ch == ',') << k;
		m->odd |= (uint32_t)(ch == '"' || ch == '\r' || ch == '\0') << k;
		m->high |= (uint32_t)(ch >= 0x80) << k;
	}
}

/*
 * Scans seg for its LF, a block of bytes at a time, and notes its fields
 * (in c->f, c->nf: the bytes between commas, the last one open); returns
 * the length to the LF, or avail when there is none.  *odd is nonzero
 * when the line holds a quote, a CR or a NUL, *high when a byte >= 0x80.
 */
static size_t
plain_scan(struct csvin *c, const char *seg, size_t avail, uint32_t *odd,
    uint32_t *high)
{
	size_t i, nf = 0, start = 0, k;
	uint32_t sp = 0, hi = 0;
	struct marks m;

	for (i = 0; i < avail; i += PLAIN_BLOCK) {
		uint32_t keep = ~0u, cm;

		if (avail - i >= PLAIN_BLOCK)
			block_marks(seg + i, &m);
		else
			tail_marks(seg + i, avail - i, &m);
		if (m.nl != 0)	/* only what comes before the LF */
			keep = (m.nl & -m.nl) - 1;
		sp |= m.odd & keep;
		hi |= m.high & keep;
		for (cm = m.comma & keep; cm != 0; cm &= cm - 1) {
			k = i + (size_t)__builtin_ctz(cm);
			more_fields(c, nf);
			c->f[nf].off = start;
			c->f[nf++].len = k - start;
			start = k + 1;
		}
		if (m.nl != 0) {
			i += (size_t)__builtin_ctz(m.nl);
			break;
		}
	}
	if (i > avail)
		i = avail;
	more_fields(c, nf);
	c->f[nf].off = start;
	c->f[nf++].len = i - start;
	c->nf = nf;
	*odd = sp;
	*high = hi;
	return i;
}

/*
 * The fields of a line [0, len) that holds quotes, as libcsv reads them
 * in strict mode: each field is quote-free, or starts with a quote and
 * ends with one right before its comma or the line's end, a quote inside
 * it written twice.  Checked whole first (pass 0), then unquoted in place
 * (pass 1) into c->f, c->nf: the fields one after another, a byte left
 * after each for its NUL, as libcsv's copy has them (what is written
 * never passes what is read: a field loses its quotes and keeps its
 * comma's byte).  1 when the line is such; 0, the line as it was, to
 * leave it to libcsv (a quote elsewhere, a field that goes on past the
 * line's end), which names what is wrong.
 */
static int
quoted_fields(struct csvin *c, char *seg, size_t len)
{
	size_t i, w, nf = 0, start;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = w = 0, nf = 0;; nf++) {
			if (pass == 1)
				more_fields(c, nf);
			else if (nf == CSVIN_MAX_FIELDS)
				return 0;
			start = w;
			if (i < len && seg[i] == '"') {
				for (i++; i < len; i++) {
					if (seg[i] == '"' && (i + 1 == len ||
					    seg[i + 1] != '"'))
						break;
					i += seg[i] == '"';
					if (pass == 1)
						seg[w] = seg[i];
					w++;
				}
				if (i >= len || (i + 1 < len && seg[i + 1] != ','))
					return 0;
				i++;
			} else {
				for (; i < len && seg[i] != ','; i++) {
					if (seg[i] == '"')
						return 0;
					if (pass == 1)
						seg[w] = seg[i];
					w++;
				}
			}
			if (pass == 1) {
				c->f[nf].off = start;
				c->f[nf].len = w - start;
			}
			w++;
			if (i >= len)
				break;
			i++;
		}
	}
	c->nf = nf + 1;
	return 1;
}

/*
 * A whole line, LF- or CRLF-ended, with no other CR, between records, is
 * what libcsv would make of it without libcsv: its fields are the bytes
 * between commas, split in place in rbuf (each separator and the line end
 * become the fields' NULs), or those quoted_fields reads where it holds a
 * quote; a line with only a line end is no record.  1 when the line was
 * taken (c->row_done says whether it held a record), 0 to leave it to
 * libcsv.  Valid UTF-8 without NUL is checked on the whole line at once,
 * before it is unquoted (valid as written, every field is).
 */
static int
plain_line(struct csvin *c, char *seg, size_t avail)
{
	uint32_t odd, high;
	size_t n, len, k;
	int nul = 0, quote = 0, valid;

	/* the LF of a CR LF whose CR ended a line libcsv was given */
	if (c->prev_cr)
		return 0;
	n = plain_scan(c, seg, avail, &odd, &high);
	len = n;
	if (n == avail || c->nf > CSVIN_MAX_FIELDS)
		goto libcsv;
	if (odd != 0) {
		if (n > 0 && seg[n - 1] == '\r') {
			len = n - 1;
			c->f[c->nf - 1].len--;
		}
		if (memchr(seg, '\r', len) != NULL)
			goto libcsv;
		nul = memchr(seg, '\0', len) != NULL;
		quote = memchr(seg, '"', len) != NULL;
	}
	valid = !nul && (high == 0 || u8_invalid(seg, len) == len);
	if (quote && !quoted_fields(c, seg, len))
		goto libcsv;
	c->line++;
	c->prev_cr = 0;
	c->rpos += n + 1;
	if (len == 0) {
		c->nf = 0;
		return 1;
	}
	for (k = 0; k < c->nf; k++)
		seg[c->f[k].off + c->f[k].len] = '\0';
	c->checked = valid;
	c->base = seg;
	c->row_line = c->line;
	c->row_done = 1;
	return 1;
libcsv:
	c->nf = 0;
	return 0;
}

/*
 * Feeds the parser line by line until one record is complete.  Returns 1
 * with the record in c->f, or 0 when the current input is exhausted.
 */
int
ci_read_record(struct csvin *c)
{
	for (;;) {
		c->nf = 0;
		c->overflow = 0;
		c->base = NULL;
		c->checked = 0;
		c->row_done = 0;
		while (!c->row_done) {
			char *seg;
			size_t n;
			int r;

			if (c->rpos == c->rlen && (r = refill(c)) != 0) {
				if (r < 0)
					return 0;
				break;
			}
			seg = c->rbuf + c->rpos;
			if (c->skip) {
				skip_rest(c, seg, c->rlen - c->rpos);
				continue;
			}
			if (!c->row_open &&
			    plain_line(c, seg, c->rlen - c->rpos))
				continue;
			if (!c->row_open)	/* a record for libcsv */
				buf_clear(&c->data);
			n = line_len(seg, c->rlen - c->rpos);
			open_row(c, seg, n);
			feed(c, seg, n);
		}
		if (c->base == NULL)
			c->base = c->data.p;
		c->row_open = 0;
		if (c->overflow == 1) {
			ci_row_error(c, c->row_line, "more than %zu fields",
			    (size_t)CSVIN_MAX_FIELDS);
			continue;
		}
		if (c->overflow == 2) {
			ci_row_error(c, c->row_line, "record longer than %zu "
			    "bytes", (size_t)CSVIN_MAX_RECORD);
			continue;
		}
		return 1;
	}
}
