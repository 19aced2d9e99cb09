/*
 * csvout: CSV written with stable bytes (see csvout.h): a field quoted
 * only when it must be, a formula-like field made safe for a spreadsheet
 * when asked, the byte-order mark, records through gz.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "xalloc.h"

struct csvout {
	struct gz_out *out;
	size_t nf;		/* fields written in the current record */
	int last_empty;		/* the only field so far is empty */
	int safe;		/* for a spreadsheet: no field is a formula */
};

static int needs_quote(const char *, size_t);
static int formula_like(const char *, size_t);

struct csvout *
csvout_open(int fd, int gzip)
{
	struct csvout *o = xcalloc(1, sizeof(*o));

	o->out = gz_open_out(fd, gzip);
	return o;
}

void
csvout_bom(struct csvout *o)
{
	static const char bom[] = "\xef\xbb\xbf";

	gz_write(o->out, bom, sizeof(bom) - 1);
	o->safe = 1;
}

void
csvout_safe(struct csvout *o)
{
	o->safe = 1;
}

/* Would a spreadsheet read the field as a formula?  A plain number with a
 * sign is a number. */
static int
formula_like(const char *p, size_t n)
{
	size_t i = 1, digits = 0;

	if (n == 0 || memchr("=+-@\t\r", p[0], 6) == NULL)
		return 0;
	if (p[0] != '-')
		return 1;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++, digits++;
	if (i < n && p[i] == '.' && digits > 0) {
		for (i++, digits = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			digits++;
	}
	return i < n || digits == 0;
}

static int
needs_quote(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c == ',' || c == '"' || c == '\n' || c == '\r')
			return 1;
	}
	return 0;
}

void
csvout_field(struct csvout *o, const char *p, size_t n)
{
	if (o->nf++ > 0)
		gz_putc(o->out, ',');
	o->last_empty = n == 0;
	if (!needs_quote(p, n)) {
		if (o->safe && formula_like(p, n))
			gz_putc(o->out, '\'');
		gz_write(o->out, p, n);
		return;
	}
	gz_putc(o->out, '"');
	if (o->safe && formula_like(p, n))
		gz_putc(o->out, '\'');
	while (n > 0) {
		const char *q = memchr(p, '"', n);
		size_t k = q == NULL ? n : (size_t)(q - p) + 1;

		gz_write(o->out, p, k);
		if (q != NULL)
			gz_putc(o->out, '"');
		p += k;
		n -= k;
	}
	gz_putc(o->out, '"');
}

void
csvout_str(struct csvout *o, const char *s)
{
	csvout_field(o, s, strlen(s));
}

void
csvout_span(struct csvout *o, struct span s)
{
	csvout_field(o, s.p, s.n);
}

void
csvout_ulong(struct csvout *o, unsigned long long v)
{
	char tmp[32], *p = tmp + sizeof(tmp);

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	csvout_field(o, p, (size_t)(tmp + sizeof(tmp) - p));
}

void
csvout_end(struct csvout *o)
{
	if (o->nf == 1 && o->last_empty)
		gz_write(o->out, "\"\"", 2);
	gz_putc(o->out, '\n');
	o->nf = 0;
}

void
csvout_close(struct csvout *o)
{
	gz_out_finish(o->out);
	free(o);
}

void
csvout_quote(struct buf *b, const char *p, size_t n)
{
	size_t i;

	if (!needs_quote(p, n)) {
		buf_add(b, p, n);
		return;
	}
	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		if (p[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, p[i]);
	}
	buf_addc(b, '"');
}
