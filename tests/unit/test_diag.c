/* diag: every message as "prog: [file:line: ]message", strerror after a
 * format ending in ':', die's status, quoting cut on a character, and
 * catching and capturing for extract --docs. */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "unit.h"

static void
messages(void *arg)
{
	(void)arg;
	diag_init("/usr/local/bin/baocao-t");
	warn("plain");
	warn("value '%s' and %d", "x", 3);
	warn_at("q1.csv", 17, "column '%s' missing", "raw");
	warn_at("q1.csv", 0, "no line");
	errno = ENOENT;
	warn("cannot open '%s':", "a.txt");
	errno = ENOENT;
	warn_at("b.txt", 2, "cannot read:");
	/* A colon inside, not at the end, adds nothing. */
	errno = ENOENT;
	warn("a: b");
}

static void
die_at_line(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	die_at(2, "q1.csv", 42, "unterminated quoted field");
}

static void
die_status(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	die(*(int *)arg, "trouble");
}

/* diag_init keeps the name it has for an empty or missing argv[0]. */
static void
names(void *arg)
{
	(void)arg;
	diag_init("baocao-a");
	diag_init("");
	diag_init(NULL);
	printf("%s\n", diag_prog());
	diag_init("dir/baocao-b");
	printf("%s\n", diag_prog());
}

static void
quiet(void *arg)
{
	(void)arg;
	diag_quiet();
	warn("unseen");
	die(2, "unseen either");
}

static void
test_quote(void)
{
	char s[200];
	char out[200];

	CHECK(diag_quote_len("abc", 3) == 3);
	memset(s, 'a', sizeof(s));
	CHECK(diag_quote_len(s, 60) == 60);
	CHECK(diag_quote_len(s, 61) == 60);
	CHECK(diag_quote_len(s, 200) == 60);
	/* "ư" (2 bytes) at bytes 59-60: the cut is before it, not inside */
	memcpy(s + 59, "ư", 2);
	CHECK(diag_quote_len(s, 200) == 59);
	/* "ệ" (3 bytes) at bytes 58-60 */
	memset(s, 'a', sizeof(s));
	memcpy(s + 58, "ệ", 3);
	CHECK(diag_quote_len(s, 200) == 58);
	/* a character ending at byte 59 is kept whole */
	memset(s, 'a', sizeof(s));
	memcpy(s + 57, "ệ", 3);
	CHECK(diag_quote_len(s, 200) == 60);
	/* the macro adds "..." only to what was cut */
	memset(s, 'b', sizeof(s));
	snprintf(out, sizeof(out), "'%.*s%s'", DIAG_QUOTE(s, (size_t)61));
	CHECK(strlen(out) == 1 + 60 + 3 + 1 &&
	    strcmp(out + 61, "...'") == 0);
	snprintf(out, sizeof(out), "'%.*s%s'", DIAG_QUOTE("short", (size_t)5));
	CHECK_STR(out, "'short'");
}

/* The whole of f, from its start, into got (n bytes); f closed. */
static void
read_back(FILE *f, char *got, size_t n)
{
	size_t k;

	rewind(f);
	k = fread(got, 1, n - 1, f);
	got[k] = '\0';
	fclose(f);
}

/* Under diag_catch a die returns to the catcher with its status, its
 * message written; diag_capture sends messages to a file instead, and
 * each also to a second one as the C locale says it (here, in C, the
 * same words, strerror's among them). */
static void
test_catch(void)
{
	jmp_buf jb;
	volatile int reached = 0;
	FILE *f = tmpfile(), *plain = tmpfile();
	char got[256], want[256];
	int st;

	diag_capture(f, plain);
	if ((st = setjmp(jb)) == 0) {
		diag_catch(&jb);
		warn_at("d.docx", 3, "first");
		errno = ENOENT;
		warn("cannot read '%s':", "x.csv");
		die_at(2, "d.docx", 0, "refused");
		reached = 1;
	}
	diag_catch(NULL);
	diag_capture(NULL, NULL);
	CHECK(st == 2 && reached == 0);
	snprintf(want, sizeof(want), "%s: d.docx:3: first\n"
	    "%s: cannot read 'x.csv': No such file or directory\n"
	    "%s: d.docx: refused\n", diag_prog(), diag_prog(), diag_prog());
	read_back(f, got, sizeof(got));
	CHECK_STR(got, want);
	read_back(plain, got, sizeof(got));
	CHECK_STR(got, want);
}

void
test_diag(void)
{
	struct unit_run r;
	int st = 3;

	unit_fork(&r, messages, NULL);
	CHECK(r.status == 0);
	CHECK_STR(r.err,
	    "baocao-t: plain\n"
	    "baocao-t: value 'x' and 3\n"
	    "baocao-t: q1.csv:17: column 'raw' missing\n"
	    "baocao-t: q1.csv: no line\n"
	    "baocao-t: cannot open 'a.txt': No such file or directory\n"
	    "baocao-t: b.txt:2: cannot read: No such file or directory\n"
	    "baocao-t: a: b\n");
	CHECK_STR(r.out, "");
	unit_done(&r);

	unit_fork(&r, die_at_line, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: q1.csv:42: unterminated quoted field\n");
	unit_done(&r);
	unit_fork(&r, die_status, &st);
	CHECK(r.status == 3);
	CHECK_STR(r.err, "baocao-t: trouble\n");
	unit_done(&r);

	unit_fork(&r, names, NULL);
	CHECK_STR(r.out, "baocao-a\nbaocao-b\n");
	unit_done(&r);

	unit_fork(&r, quiet, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "");
	unit_done(&r);

	test_quote();
	test_catch();
}
