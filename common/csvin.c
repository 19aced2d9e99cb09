#include <csv.h>
#include <stdarg.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "csvout.h"
#include "diag.h"
#include "gz.h"
#include "utf8.h"
#include "xalloc.h"

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

static int no_space(unsigned char);
static void *limited_realloc(void *, size_t);
static void on_field(void *, size_t, void *);
static void on_row(int, void *);
static void parser_init(struct csvin *);
static int open_next(struct csvin *);
static int plain_line(struct csvin *, char *, size_t);
struct marks;
static void tail_marks(const char *, size_t, struct marks *);
static int read_record(struct csvin *);
static int check_record(struct csvin *);
static void row_error(struct csvin *, size_t, const char *, ...)
	__attribute__((format(printf, 3, 4)));
static void take_header(struct csvin *);

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

static void
parser_init(struct csvin *c)
{
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		die(2, "out of memory");
	csv_set_space_func(&c->p, no_space);
	csv_set_realloc_func(&c->p, limited_realloc);
	csv_set_blk_size(&c->p, 4096);
}

static void
row_error(struct csvin *c, size_t line, const char *fmt, ...)
{
	struct buf msg = { 0 };
	const char *text;
	va_list ap;
	int n;

	/* Said in the user's words; written to the bad rows (a CSV for
	 * programs) as it is. */
	text = c->bad == NULL ? diag_text(fmt) : fmt;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, text, ap);
	va_end(ap);
	buf_reserve(&msg, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(msg.p, (size_t)n + 1, text, ap);
	va_end(ap);
	msg.n = (size_t)n;
	if (c->bad == NULL)
		die_at(2, c->name, line, "%s", msg.p);
	{
		struct buf row = { 0 };

		csvout_quote(&row, c->name, strlen(c->name));
		buf_printf(&row, ",%zu,", line);
		csvout_quote(&row, msg.p, msg.n);
		buf_addc(&row, '\n');
		if (fwrite(row.p, 1, row.n, c->bad) != row.n)
			die(2, "cannot write bad rows:");
		buf_free(&row);
	}
	buf_free(&msg);
	c->nbad++;
}

/*
 * Feeds the parser line by line until one record is complete.  Returns 1
 * with the record in c->f, or 0 when the current input is exhausted.
 */
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
		parser_init(c);
		c->row_open = 0;
		row_error(c, at, "unterminated quoted field");
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
	parser_init(c);
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
		row_error(c, at, "record longer than %zu bytes",
		    (size_t)CSVIN_MAX_RECORD);
	else
		row_error(c, at, "malformed quoting (stray or unterminated quote)");
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

static int
read_record(struct csvin *c)
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
			row_error(c, c->row_line, "more than %zu fields",
			    (size_t)CSVIN_MAX_FIELDS);
			continue;
		}
		if (c->overflow == 2) {
			row_error(c, c->row_line, "record longer than %zu bytes",
			    (size_t)CSVIN_MAX_RECORD);
			continue;
		}
		return 1;
	}
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
			row_error(c, line + u8_count_nl(p, (size_t)(nul - p)),
			    "NUL byte in field %zu", i + 1);
			return 0;
		}
		row_error(c, line + u8_count_nl(p, bad),
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
		parser_init(c);
		c->rpos = c->rlen = 0;
		c->in_eof = c->prev_cr = c->row_open = c->skip = 0;
		c->line = 0;
		while (read_record(c)) {
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
		while (!read_record(c))
			if (!open_next(c))
				return 0;
		if (c->nf != c->nh) {
			row_error(c, c->row_line, "expected %zu fields, found %zu",
			    c->nh, c->nf);
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
