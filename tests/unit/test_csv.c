#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"
#include "csvout.h"
#include "unit.h"

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	fputs(text, f);
	fclose(f);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char tmp[4096];
	size_t n;

	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(&b, tmp, n);
	fclose(f);
	if (b.p == NULL)
		buf_adds(&b, "");
	return b.p;
}

/* Hard fields survive a write and a read. */
static void
test_roundtrip(void)
{
	static const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines",
		"cr\r\nlf", "", "Huyện Bình Chánh", " spaced ", "\"", ",", "x" };
	enum { NF = sizeof(fields) / sizeof(fields[0]) };
	char *paths[] = { "rt.csv" };
	struct csvout *o;
	struct csvin *in;
	int fd = open("rt.csv", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	size_t i;

	o = csvout_open(fd, 0);
	for (i = 0; i < NF; i++) {
		char name[24];

		snprintf(name, sizeof(name), "c%zu", i);
		csvout_str(o, name);
	}
	csvout_end(o);
	for (i = 0; i < NF; i++)
		csvout_str(o, fields[i]);
	csvout_end(o);
	for (i = 0; i < NF; i++)
		csvout_str(o, "");
	csvout_end(o);
	csvout_close(o);

	in = csvin_open(paths, 1);
	CHECK(csvin_ncols(in) == NF);
	CHECK(csvin_col(in, "c3") == 3);
	CHECK(csvin_col(in, "nope") == -1);
	CHECK(csvin_next(in) == 1);
	CHECK(csvin_line(in) == 2);
	for (i = 0; i < NF; i++) {
		struct span s = csvin_field(in, i);

		CHECK(s.n == strlen(fields[i]) && memcmp(s.p, fields[i], s.n) == 0);
	}
	CHECK(csvin_next(in) == 1);
	CHECK(csvin_line(in) == 5);	/* two embedded LFs in the row above */
	CHECK(csvin_field(in, 0).n == 0);
	CHECK(csvin_next(in) == 0);
	csvin_close(in);

	/* Minimal quoting, byte for byte. */
	{
		char *text = slurp("rt.csv");

		CHECK(strstr(text, "plain,\"a,b\",\"say \"\"hi\"\"\",") == text +
		    strlen("c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10\n"));
		CHECK(strstr(text, ",Huyện Bình Chánh, spaced ,\"\"\"\",\",\",x\n")
		    != NULL);
		free(text);
	}
	remove("rt.csv");
}

/* A single empty field is written as "" and reads back as one row. */
static void
test_single_empty(void)
{
	char *paths[] = { "one.csv" };
	int fd = open("one.csv", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	struct csvout *o = csvout_open(fd, 0);
	struct csvin *in;

	csvout_str(o, "only");
	csvout_end(o);
	csvout_str(o, "");
	csvout_end(o);
	csvout_close(o);
	in = csvin_open(paths, 1);
	CHECK(csvin_next(in) == 1);
	CHECK(csvin_field(in, 0).n == 0);
	CHECK(csvin_next(in) == 0);
	csvin_close(in);
	remove("one.csv");
}

/*
 * Spreadsheet-safe output (M7): a field a spreadsheet would take for a
 * formula gets a leading quote, a signed number does not; plain output is
 * the fields as they are.
 */
static void
test_safe(void)
{
	static const char *fields[] = { "=HYPERLINK(\"http://x\",\"y\")",
		"+ Tại Ủy ban", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "-12",
		"-0.5", "-", "-1.", "-.5", "1-2", "a=b", "", "=a,b" };
	static const char *safe = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
	    "'+ Tại Ủy ban,'-2+3,'@SUM(A1),'\tTAB,\"'\rCR\",-12,-0.5,'-,'-1.,"
	    "'-.5,1-2,a=b,,\"'=a,b\"\n";
	enum { NF = sizeof(fields) / sizeof(fields[0]) };
	int pass, fd;
	size_t i;

	for (pass = 0; pass < 3; pass++) {
		struct csvout *o;
		char *text;

		fd = open("safe.csv", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		o = csvout_open(fd, 0);
		if (pass == 1)
			csvout_safe(o);
		if (pass == 2)
			csvout_bom(o);
		for (i = 0; i < NF; i++)
			csvout_str(o, fields[i]);
		csvout_end(o);
		csvout_close(o);
		text = slurp("safe.csv");
		if (pass == 0)
			CHECK(strncmp(text, "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
			    "+ Tại Ủy ban,-2+3,@SUM(A1),\tTAB,\"\rCR\",-12,", 62) == 0);
		else if (pass == 1)
			CHECK(strcmp(text, safe) == 0);
		else
			CHECK(strncmp(text, "\xef\xbb\xbf", 3) == 0 &&
			    strcmp(text + 3, safe) == 0);
		free(text);
	}
	remove("safe.csv");
}

/* Row-level errors carry the line where the record starts. */
static void
test_error_lines(void)
{
	char *paths[] = { "bad.csv" };
	struct csvin *in;
	FILE *bad;
	char *report;
	int rows = 0;

	write_file("bad.csv",
	    "\xEF\xBB\xBF" "a,b\n"		/* 1: header with BOM */
	    "1,2\n"				/* 2 */
	    "\n"				/* 3: blank, skipped */
	    "1,2,3\n"				/* 4: too many fields */
	    "\"multi\nline\",ok\n"		/* 5-6 */
	    "x,\xC3\x28\n"			/* 7: invalid UTF-8 */
	    "a\"b,c\n"				/* 8: stray quote */
	    "5,6\r\n"				/* 9: CRLF */
	    "7,8\n");				/* 10 */
	bad = tmpfile();
	in = csvin_open(paths, 1);
	csvin_set_bad_rows(in, bad);
	CHECK(csvin_col(in, "a") == 0);	/* BOM skipped */
	while (csvin_next(in)) {
		rows++;
		if (rows == 2)
			CHECK(csvin_line(in) == 5);
		if (rows == 4)
			CHECK(csvin_line(in) == 10);
	}
	CHECK(rows == 4);
	CHECK(csvin_bad_count(in) == 3);
	rewind(bad);
	{
		struct buf b = { 0 };
		char tmp[1024];
		size_t n;

		while ((n = fread(tmp, 1, sizeof(tmp), bad)) > 0)
			buf_add(&b, tmp, n);
		report = b.p;
	}
	CHECK(strstr(report, "bad.csv,4,\"expected 2 fields, found 3\"") != NULL);
	CHECK(strstr(report, "bad.csv,7,invalid UTF-8 in field 2") != NULL);
	CHECK(strstr(report, "bad.csv,8,malformed quoting") != NULL);
	free(report);
	fclose(bad);
	csvin_close(in);
	remove("bad.csv");
}

/* Several inputs read as one table; an empty input is skipped. */
static void
test_many(void)
{
	char *paths[] = { "m1.csv", "m2.csv", "m3.csv" };
	struct csvin *in;
	int rows = 0;

	write_file("m1.csv", "k,v\n1,2\n");
	write_file("m2.csv", "");
	write_file("m3.csv", "k,v\n3,4\n5,6");	/* no final newline */
	in = csvin_open(paths, 3);
	while (csvin_next(in))
		rows++;
	CHECK(rows == 3);
	CHECK(strcmp(csvin_name(in), "m3.csv") == 0);
	CHECK(csvin_line(in) == 3);
	csvin_close(in);
	remove("m1.csv");
	remove("m2.csv");
	remove("m3.csv");
}

/* Every record of path as "line:f1|f2|...", then the quarantined rows. */
static char *
dump(const char *path)
{
	char *paths[1] = { (char *)path };
	struct buf b = { 0 };
	struct csvin *in;
	FILE *bad = tmpfile();
	char tmp[1024];
	size_t i, n;

	in = csvin_open(paths, 1);
	csvin_set_bad_rows(in, bad);
	for (i = 0; i < csvin_ncols(in); i++) {
		struct span h = csvin_colname(in, i);

		buf_printf(&b, "%s%.*s", i > 0 ? "|" : "h:", (int)h.n, h.p);
	}
	while (csvin_next(in)) {
		buf_printf(&b, "\n%zu:", csvin_line(in));
		for (i = 0; i < csvin_ncols(in); i++) {
			struct span f = csvin_field(in, i);

			if (f.p[f.n] != '\0')
				buf_adds(&b, "(no NUL)");
			buf_printf(&b, "%s%.*s", i > 0 ? "|" : "", (int)f.n, f.p);
		}
	}
	csvin_close(in);
	buf_adds(&b, "\n");
	rewind(bad);
	while ((n = fread(tmp, 1, sizeof(tmp), bad)) > 0)
		buf_add(&b, tmp, n);
	fclose(bad);
	return b.p;
}

/*
 * What follows a malformed line reads as it would without it: after one
 * ended by CR LF, the next record is on the next line, not one further;
 * of one longer than what is read at a time, the rest is no record.
 */
static void
test_malformed_lines(void)
{
	struct buf text = { 0 };
	char *d;
	size_t i;

	write_file("bad.csv", "a,b\r\n\"x\" ,1\r\n3,4\r\n5,6,7\r\n");
	d = dump("bad.csv");
	CHECK_STR(d, "h:a|b\n3:3|4\n"
	    "bad.csv,2,malformed quoting (stray or unterminated quote)\n"
	    "bad.csv,4,\"expected 2 fields, found 3\"\n");
	free(d);
	buf_adds(&text, "a,b\n1,2\n\"q\"z");
	for (i = 0; i < 300000; i++)
		buf_addc(&text, 'k');
	buf_adds(&text, ",w\n3,4\n");
	write_file("bad.csv", text.p);
	d = dump("bad.csv");
	CHECK_STR(d, "h:a|b\n2:1|2\n4:3|4\n"
	    "bad.csv,3,malformed quoting (stray or unterminated quote)\n");
	free(d);
	buf_free(&text);
	remove("bad.csv");
}

/* The same text with the first field of every line that has no quote
 * quoted: the reader must see the same records in it. */
static char *
quote_first(const char *s)
{
	struct buf b = { 0 };
	const char *nl, *end;

	for (; *s != '\0'; s = nl + (*nl != '\0')) {
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		end = s + strcspn(s, ",\r\n");
		if (memchr(s, '"', (size_t)(nl - s)) != NULL || (end == s &&
		    (*end == '\n' || *end == '\r' || *end == '\0'))) {
			buf_add(&b, s, (size_t)(nl - s));
		} else {
			buf_addc(&b, '"');
			buf_add(&b, s, (size_t)(end - s));
			buf_addc(&b, '"');
			buf_add(&b, end, (size_t)(nl - end));
		}
		if (*nl == '\n')
			buf_addc(&b, '\n');
	}
	return b.p == NULL ? strdup("") : b.p;
}

/*
 * A line without quotes is split without libcsv: it must read exactly as
 * libcsv reads it (the same line quoted), errors and line numbers too.
 */
static void
test_plain_lines(void)
{
	static const char *cases[] = {
	    "a,b\n1,2\n3,4\n",
	    "a,b\r\n1,2\r\n\r\n3,4\r\n",		/* CRLF, a blank CRLF */
	    "a,b\n1,\n,2\n,\n",			/* empty fields */
	    "a,b\n\n\n1,2\n\n",			/* blank lines */
	    "a,b\n 1 , 2 \n\t,x\n",			/* blanks are text */
	    "a,b\n1,2\r3,4\n5,6\r",			/* lone CRs end records */
	    "a,b\n1,2\n3,4",				/* no final line end */
	    "\357\273\277a,b\n1,2\n",			/* BOM */
	    "a,b\n1,2,3\n4\n5,6\n",			/* wrong field counts */
	    "a,b\nx,\xC3\x28\n\xE1\xBB,y\nok,Bình\n",	/* invalid UTF-8 */
	    "a,b\nx,y\xC3\xA1\n\"q\",z\n1,2\n",		/* a quoted line between */
	    "a,b\n\"multi\nline\",1\n2,3\n",
	    "a\n\n",
	    "a,b\n1,2\n\r\n\r3,4\n",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *q = quote_first(cases[i]), *d1, *d2;

		write_file("plain.csv", cases[i]);
		d1 = dump("plain.csv");
		write_file("plain.csv", q);
		d2 = dump("plain.csv");
		CHECK_STR(d1, d2);
		free(q);
		free(d1);
		free(d2);
	}
	/* a NUL byte, which write_file cannot write */
	{
		static const char nul[] = "a,b\n1,x\0y\n2,3\n";
		FILE *f = fopen("plain.csv", "wb");
		char *d;

		fwrite(nul, 1, sizeof(nul) - 1, f);
		fclose(f);
		d = dump("plain.csv");
		CHECK_STR(d, "h:a|b\n3:2|3\nplain.csv,2,NUL byte in field 2\n");
		free(d);
	}
	remove("plain.csv");
}

/* One field of a generated record: its text as written (into w) and as
 * read (into r); kind 0 plain, 1 quoted, 2 quoted over lines (nl counts
 * the line breaks it holds). */
static void
gen_field(struct buf *w, struct buf *r, int kind, unsigned *seed, int *nl)
{
	static const char *plain[] = { "a", "b", " ", "\xC3\xA1" };
	static const char *quoted[] = { "a", ",", "\"", " ", "\xC3\xA1",
	    "\n" };
	int i, n;

	*seed = *seed * 1103515245u + 12345u;
	n = (int)(*seed >> 16) % 5;
	if (kind != 0)
		buf_addc(w, '"');
	for (i = 0; i < n; i++) {
		const char *s;

		*seed = *seed * 1103515245u + 12345u;
		if (kind == 0)
			s = plain[(*seed >> 16) % 4];
		else
			s = quoted[(*seed >> 16) % (kind == 2 ? 6u : 5u)];
		*nl += *s == '\n';
		if (*s == '"')
			buf_addc(w, '"');
		buf_adds(w, s);
		buf_adds(r, s);
	}
	if (kind != 0)
		buf_addc(w, '"');
}

/*
 * Lines with quotes, as libcsv reads them in strict mode: a quoted field
 * loses its quotes and one of each pair inside, may hold commas and go on
 * over lines; a quote in a plain field, anything between a closing quote
 * and its comma, a blank before an opening quote is malformed quoting,
 * reported at its line, the record left out and the next ones read.
 * Records made up at random, what they say known as they are written.
 */
static void
test_quoted_lines(void)
{
	static const char *broken[] = { "a\"b", "\"a\"x", " \"a\"", "\"a\" " };
	struct buf text = { 0 }, want = { 0 }, bad = { 0 };
	unsigned seed = 7;
	size_t line = 1, rec, k;
	char *got;

	buf_adds(&text, "a,b,c\n");
	buf_adds(&want, "h:a|b|c");
	for (rec = 0; rec < 6000; rec++) {
		struct buf r = { 0 };
		int nl = 0, crlf, fail;

		seed = seed * 1103515245u + 12345u;
		fail = (seed >> 16) % 16 == 0;
		crlf = (seed >> 20) % 4 == 0;
		for (k = 0; k < 3; k++) {
			seed = seed * 1103515245u + 12345u;
			if (k > 0) {
				buf_addc(&text, ',');
				buf_addc(&r, '|');
			}
			if (fail && k == 1)
				buf_adds(&text, broken[(seed >> 16) % 4]);
			else
				gen_field(&text, &r, (int)((seed >> 16) % 3) -
				    (fail && (seed >> 16) % 3 == 2), &seed, &nl);
		}
		buf_adds(&text, crlf ? "\r\n" : "\n");
		line++;
		if (fail)
			buf_printf(&bad, "plain.csv,%zu,malformed quoting "
			    "(stray or unterminated quote)\n", line);
		else
			buf_printf(&want, "\n%zu:%s", line, r.p);
		line += (size_t)nl;
		buf_free(&r);
	}
	buf_adds(&want, "\n");
	buf_add(&want, bad.p, bad.n);
	write_file("plain.csv", text.p);
	got = dump("plain.csv");
	CHECK_STR(got, want.p);
	free(got);
	remove("plain.csv");
	buf_free(&text);
	buf_free(&want);
	buf_free(&bad);
}

void
test_csv(void)
{
	test_roundtrip();
	test_single_empty();
	test_safe();
	test_error_lines();
	test_malformed_lines();
	test_many();
	test_plain_lines();
	test_quoted_lines();
}
