/*
 * The CSV reader on any bytes: never a crash, every field NUL-terminated;
 * text without quotes reads as the same bytes with each line's first field
 * quoted, records, lines and errors; text libcsv reads whole without an
 * error, valid UTF-8 without NUL, gives the records libcsv gives (csvin
 * splits most lines itself); and fields written by csvout read back
 * unchanged (round trip).
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csvin.h"
#include "csvout.h"
#include "diag.h"
#include "fuzz.h"
#include "utf8.h"

static FILE *bad;

static void
read_all(void *path)
{
	char *paths[1] = { path };
	struct csvin *in = csvin_open(paths, 1);

	csvin_set_bad_rows(in, bad);
	while (csvin_next(in)) {
		size_t i, n = csvin_ncols(in);

		for (i = 0; i < n; i++) {
			struct span f = csvin_field(in, i);

			if (f.p[f.n] != '\0')
				abort();
		}
	}
	csvin_close(in);
}

static void
read_any(const uint8_t *data, size_t size)
{
	if (bad == NULL && (bad = fopen("/dev/null", "w")) == NULL)
		abort();
	fuzz_catch(read_all, (void *)fuzz_file(0, data, size));
}

/* What one reading saw: a hash of the header, every record and its line,
 * the rows read; the quarantined rows go to its file. */
struct seen {
	const char *path;
	FILE *bad;
	int nolines;	/* the records alone, not their lines */
	uint64_t h;
	size_t rows;
};

static void
hash_in(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		*h = (*h ^ s[i]) * 1099511628211ULL;
	*h = (*h ^ 0xff) * 1099511628211ULL;
}

static void
hash_all(void *arg)
{
	struct seen *r = arg;
	char *paths[1] = { (char *)r->path };
	struct csvin *in = csvin_open(paths, 1);
	size_t i, line;

	csvin_set_bad_rows(in, r->bad);
	for (i = 0; i < csvin_ncols(in); i++)
		hash_in(&r->h, csvin_colname(in, i).p, csvin_colname(in, i).n);
	while (csvin_next(in)) {
		line = csvin_line(in);
		if (!r->nolines)
			hash_in(&r->h, &line, sizeof(line));
		for (i = 0; i < csvin_ncols(in); i++)
			hash_in(&r->h, csvin_field(in, i).p, csvin_field(in, i).n);
		r->rows++;
	}
	csvin_close(in);
}

/* Bytes without a quote with the first field of each line quoted (up to
 * its comma, CR or LF); a line of a line end alone stays. */
static void
quote_first(struct buf *b, const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *e = s + size, *nl, *end;

	for (; s < e; s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(e - s))) == NULL)
			nl = e;
		for (end = s; end < nl && *end != ',' && *end != '\r'; end++)
			;
		if (end == s && (end == nl || *end == '\r')) {
			buf_add(b, s, (size_t)(nl - s));
		} else {
			buf_addc(b, '"');
			buf_add(b, s, (size_t)(end - s));
			buf_addc(b, '"');
			buf_add(b, end, (size_t)(nl - end));
		}
		if (nl < e)
			buf_addc(b, '\n');
	}
}

static void
read_twice(const uint8_t *data, size_t size)
{
	struct seen r[2];
	struct buf q = { 0 };
	int died[2], k;
	long len[2];
	char *text[2];

	/* with a quote, a line may continue a quoted field of the one
	 * before: quoting it would change what it says */
	if (memchr(data, '"', size) != NULL)
		return;
	quote_first(&q, data, size);
	for (k = 0; k < 2; k++) {
		memset(&r[k], 0, sizeof(r[k]));
		r[k].path = k == 0 ? fuzz_file(0, data, size) :
		    fuzz_file(0, (const uint8_t *)q.p, q.n);
		if ((r[k].bad = tmpfile()) == NULL)
			abort();
		died[k] = fuzz_catch(hash_all, &r[k]);
		fflush(r[k].bad);
		len[k] = ftell(r[k].bad);
		text[k] = calloc(1, (size_t)len[k] + 1);
		rewind(r[k].bad);
		if (text[k] == NULL ||
		    fread(text[k], 1, (size_t)len[k], r[k].bad) != (size_t)len[k])
			abort();
		fclose(r[k].bad);
	}
	if (died[0] != died[1] || r[0].h != r[1].h || r[0].rows != r[1].rows ||
	    len[0] != len[1] || memcmp(text[0], text[1], (size_t)len[0]) != 0)
		abort();
	free(text[0]);
	free(text[1]);
	buf_free(&q);
}

/* What libcsv alone reads: the header and the records with as many
 * fields, hashed as hash_all hashes them without lines. */
struct lib {
	uint64_t h;
	size_t nh, rows, nf;
	int first;		/* the header is being read */
	struct buf rec;		/* the record's fields, each after its length */
};

static int
lib_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
lib_field(void *s, size_t len, void *arg)
{
	struct lib *l = arg;

	buf_add(&l->rec, &len, sizeof(len));
	buf_add(&l->rec, s, len);
	l->nf++;
}

static void
lib_row(int c, void *arg)
{
	struct lib *l = arg;
	size_t at, len;

	(void)c;
	if (l->first || l->nf == l->nh) {
		for (at = 0; at < l->rec.n; at += sizeof(len) + len) {
			memcpy(&len, l->rec.p + at, sizeof(len));
			hash_in(&l->h, l->rec.p + at + sizeof(len), len);
		}
		if (l->first)
			l->nh = l->nf;
		else
			l->rows++;
		l->first = 0;
	}
	buf_clear(&l->rec);
	l->nf = 0;
}

static void
read_libcsv(const uint8_t *data, size_t size)
{
	struct csv_parser p;
	struct lib l;
	struct seen r;
	int ok;

	if (memchr(data, '\0', size) != NULL ||
	    u8_invalid((const char *)data, size) != size ||
	    (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0))
		return;
	memset(&l, 0, sizeof(l));
	l.first = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	csv_set_space_func(&p, lib_space);
	ok = csv_parse(&p, data, size, lib_field, lib_row, &l) == size &&
	    csv_fini(&p, lib_field, lib_row, &l) == 0;
	csv_free(&p);
	buf_free(&l.rec);
	if (!ok)
		return;
	memset(&r, 0, sizeof(r));
	r.path = fuzz_file(0, data, size);
	r.nolines = 1;
	if ((r.bad = fopen("/dev/null", "w")) == NULL)
		abort();
	if (fuzz_catch(hash_all, &r) == 0 && (r.h != l.h || r.rows != l.rows))
		abort();
	fclose(r.bad);
}

/* Splits the input at 0x01 into the fields of one record, writes it with
 * csvout and reads it back with csvin: the fields must be the same. */
static void
round_trip(const uint8_t *data, size_t size)
{
	const char *f[64];
	size_t len[64], nf = 0, start = 0, i;
	char *paths[1], name[24];
	struct csvout *o;
	struct csvin *in;
	int fd;

	for (i = 0; i <= size && nf < 64; i++)
		if (i == size || data[i] == 1) {
			f[nf] = (const char *)data + start;
			len[nf++] = i - start;
			start = i + 1;
		}
	if (nf == 64)
		return;
	for (i = 0; i < nf; i++)
		if (memchr(f[i], '\0', len[i]) != NULL || memchr(f[i], 1, len[i]) ||
		    u8_invalid(f[i], len[i]) != len[i])
			return;	/* only valid UTF-8 without NUL is CSV text */
	paths[0] = (char *)fuzz_file(1, (const uint8_t *)"", 0);
	fd = open(paths[0], O_WRONLY | O_TRUNC);
	o = csvout_open(fd, 0);
	for (i = 0; i < nf; i++) {
		snprintf(name, sizeof(name), "c%zu", i);
		csvout_str(o, name);
	}
	csvout_end(o);
	for (i = 0; i < nf; i++)
		csvout_field(o, f[i], len[i]);
	csvout_end(o);
	csvout_close(o);
	close(fd);
	in = csvin_open(paths, 1);
	if (csvin_ncols(in) != nf || csvin_next(in) != 1)
		abort();
	for (i = 0; i < nf; i++) {
		struct span s = csvin_field(in, i);

		if (s.n != len[i] || memcmp(s.p, f[i], s.n) != 0)
			abort();
	}
	if (csvin_next(in) != 0)
		abort();
	csvin_close(in);
}

int
fuzz_csv(const uint8_t *data, size_t size)
{
	diag_quiet();
	read_any(data, size);
	read_twice(data, size);
	read_libcsv(data, size);
	round_trip(data, size);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(csv)
#endif
