#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"
#include "cli.h"
#include "csvout.h"
#include "unit.h"
#include "xalloc.h"
#include "xscan.h"

/* The columns emit writes, in its order (baocao-extract(1)). */
static const char *const columns[] = { "doc", "issuer", "doc_no",
	"doc_date", "period_text", "line", "section", "source", "row_label",
	"col_label", "before", "raw", "unit_text", "after", "places", "path",
	"reader", "heading" };
enum { NCOLS = sizeof(columns) / sizeof(columns[0]) };

int
xread(struct doc *d, const char *text)
{
	static const struct readopts o = { 0, 0, NULL };
	struct buf b = { 0 };
	int st;

	doc_begin(d, "r.txt", "r.txt", "text");
	buf_add(&b, text, strlen(text));
	st = read_bytes(d, &b, 0, &o);
	buf_free(&b);
	return st;
}

static char *
slurp(FILE *f)
{
	struct buf b = { 0 };
	char tmp[4096];
	size_t n;

	rewind(f);
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	if (b.p == NULL)
		buf_adds(&b, "");
	return b.p;
}

/* The rows of csv, the columns of cols joined by '|'. */
static char *
pick(const char *csv, const char *cols)
{
	struct csvin *in = csvin_open_mem("rows", csv, strlen(csv));
	struct buf out = { 0 };
	char **names;
	long idx[NCOLS];
	size_t n, k;

	names = cli_split(cols, &n);
	for (k = 0; k < n && k < NCOLS; k++)
		idx[k] = csvin_col(in, names[k]);
	while (csvin_next(in)) {
		for (k = 0; k < n && k < NCOLS; k++) {
			struct span s = idx[k] < 0 ? (struct span){ "?", 1 } :
			    csvin_field(in, (size_t)idx[k]);

			if (k > 0)
				buf_addc(&out, '|');
			buf_add(&out, s.p, s.n);
		}
		buf_addc(&out, '\n');
	}
	csvin_close(in);
	cli_free_split(names, n);
	if (out.p == NULL)
		buf_adds(&out, "");
	return out.p;
}

char *
xscan(const char *text, const char *cols, char **said)
{
	struct doc d;
	struct scan st;
	FILE *f = tmpfile();
	char *csv, *rows;
	size_t k;

	if (f == NULL)
		abort();
	memset(&d, 0, sizeof(d));
	memset(&st, 0, sizeof(st));
	if (said != NULL)
		unit_capture();
	xread(&d, text);
	st.out = csvout_open(dup(fileno(f)), 0);
	for (k = 0; k < NCOLS; k++)
		csvout_str(st.out, columns[k]);
	csvout_end(st.out);
	st.doc = &d;
	scan_doc(&st);
	csvout_close(st.out);
	if (said != NULL)
		*said = unit_captured();
	header_clear(&st.hdr);
	scan_free(&st);
	doc_free(&d);
	csv = slurp(f);
	rows = pick(csv, cols);
	free(csv);
	return rows;
}

const char *
xrows(const char *text, const char *cols)
{
	static char *last;

	free(last);
	last = xscan(text, cols, NULL);
	return last;
}

char *
xheader(const char *text)
{
	struct doc d;
	struct scan st;
	struct buf b = { 0 };

	memset(&d, 0, sizeof(d));
	memset(&st, 0, sizeof(st));
	xread(&d, text);
	st.doc = &d;
	header_read(&st);
	buf_printf(&b, "%s|%s|%s|%s|%s|%s|%.*s", st.hdr.issuer, st.hdr.doc_no,
	    st.hdr.doc_date, st.hdr.period_text, st.hdr.title, st.hdr.body,
	    (int)st.hdr.places.n, st.hdr.places.p == NULL ? "" :
	    st.hdr.places.p);
	header_clear(&st.hdr);
	scan_free(&st);
	doc_free(&d);
	return b.p;
}
