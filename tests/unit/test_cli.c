/* cli: --version, --help and usage errors, checked numbers, comma lists,
 * --bad-rows files, and an output that is also an input. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "unit.h"

#ifndef BAOCAO_VERSION
#define BAOCAO_VERSION "0"
#endif

/* stdout to /dev/full, where every write fails */
static void
full_stdout(void)
{
	int fd = open("/dev/full", O_WRONLY);

	if (fd == -1 || dup2(fd, STDOUT_FILENO) == -1)
		_exit(99);
	close(fd);
}

static void
version(void *full)
{
	diag_init("baocao-t");
	if (full != NULL)
		full_stdout();
	cli_version();
}

static void
help(void *full)
{
	diag_init("baocao-t");
	if (full != NULL)
		full_stdout();
	cli_help("usage: baocao-t [-x]\n\n  -x  the option\n");
}

static void
usage(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	cli_usage_error("baocao-t [-x] [FILE ...]");
}

struct num {
	const char *val;
	long long min, max;
};

static void
num(void *arg)
{
	const struct num *n = arg;

	diag_init("baocao-t");
	printf("%lld\n", cli_num("--jobs", n->val, n->min, n->max));
}

/* The option's value and, on stderr, what was said of it. */
static int
checked(const char *val, long long min, long long max, char **out,
    char **err)
{
	struct num n = { val, min, max };
	struct unit_run r;

	unit_fork(&r, num, &n);
	*out = r.out;
	*err = r.err;
	return r.status;
}

static void
test_num(void)
{
	char *out, *err;

	CHECK(checked("5", 1, 10, &out, &err) == 0);
	CHECK_STR(out, "5\n");
	CHECK_STR(err, "");
	free(out), free(err);
	/* the bounds are in */
	CHECK(checked("1", 1, 10, &out, &err) == 0 && strcmp(out, "1\n") == 0);
	free(out), free(err);
	CHECK(checked("10", 1, 10, &out, &err) == 0 && strcmp(out, "10\n") == 0);
	free(out), free(err);
	CHECK(checked("-3", -5, 5, &out, &err) == 0 && strcmp(out, "-3\n") == 0);
	free(out), free(err);
	/* out of bounds, not a number, trailing junk, empty, too big */
	CHECK(checked("0", 1, 10, &out, &err) == 2);
	CHECK_STR(out, "");
	CHECK_STR(err, "baocao-t: option '--jobs': '0' is not a number from 1 "
	    "to 10\n");
	free(out), free(err);
	CHECK(checked("11", 1, 10, &out, &err) == 2);
	free(out), free(err);
	CHECK(checked("many", 1, 10, &out, &err) == 2);
	CHECK_STR(err, "baocao-t: option '--jobs': 'many' is not a number from "
	    "1 to 10\n");
	free(out), free(err);
	CHECK(checked("5x", 1, 10, &out, &err) == 2);
	free(out), free(err);
	CHECK(checked("", 1, 10, &out, &err) == 2);
	CHECK_STR(err, "baocao-t: option '--jobs': '' is not a number from 1 "
	    "to 10\n");
	free(out), free(err);
	CHECK(checked("99999999999999999999", 0, 9223372036854775807LL, &out,
	    &err) == 2);
	CHECK_STR(out, "");
	free(out), free(err);
	CHECK(checked("2.5", 1, 10, &out, &err) == 2);
	free(out), free(err);
}

static void
test_split(void)
{
	char **v;
	size_t n;

	v = cli_split("province_code,period,indicator", &n);
	CHECK(n == 3);
	CHECK_STR(v[0], "province_code");
	CHECK_STR(v[1], "period");
	CHECK_STR(v[2], "indicator");
	CHECK(v[3] == NULL);
	cli_free_split(v, n);
	/* empty items are kept, in place */
	v = cli_split(",a,,", &n);
	CHECK(n == 4);
	CHECK(n == 4 && strcmp(v[0], "") == 0 && strcmp(v[1], "a") == 0 &&
	    strcmp(v[2], "") == 0 && strcmp(v[3], "") == 0 && v[4] == NULL);
	cli_free_split(v, n);
	v = cli_split("", &n);
	CHECK(n == 1 && strcmp(v[0], "") == 0 && v[1] == NULL);
	cli_free_split(v, n);
	cli_free_split(NULL, 0);
}

static void
bad_rows_nodir(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	cli_open_bad_rows("no-such-dir/bad.csv");
}

static void
bad_rows_full(void *arg)
{
	FILE *f;
	int i;

	(void)arg;
	diag_init("baocao-t");
	f = cli_open_bad_rows("/dev/full");
	for (i = 0; i < 10; i++)
		fputs("file,line,reason\n", f);
	cli_close_bad_rows(f, "/dev/full");
}

static void
test_bad_rows(void)
{
	struct unit_run r;
	FILE *f;

	CHECK(cli_open_bad_rows(NULL) == NULL);
	cli_close_bad_rows(NULL, NULL);
	f = cli_open_bad_rows("bad.csv");
	CHECK(f != NULL);
	fputs("x\n", f);
	cli_close_bad_rows(f, "bad.csv");
	f = fopen("bad.csv", "r");
	CHECK(f != NULL && fgetc(f) == 'x');
	if (f != NULL)
		fclose(f);
	remove("bad.csv");
	unit_fork(&r, bad_rows_nodir, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: cannot write 'no-such-dir/bad.csv': No such "
	    "file or directory\n");
	unit_done(&r);
	unit_fork(&r, bad_rows_full, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: cannot write '/dev/full': No space left on "
	    "device\n");
	unit_done(&r);
}

static void
open_out_nodir(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	cli_open_out("no-such-dir/stats.csv");
}

/* An option's output file: emptied and opened, -1 for none, an error
 * naming it when it cannot be written. */
static void
test_open_out(void)
{
	struct unit_run r;
	FILE *f;
	int fd;

	CHECK(cli_open_out(NULL) == -1);
	unit_write("out.csv", "old content\n");
	fd = cli_open_out("out.csv");
	CHECK(fd >= 0 && write(fd, "new\n", 4) == 4);
	if (fd >= 0)
		close(fd);
	f = fopen("out.csv", "r");
	CHECK(f != NULL && fgetc(f) == 'n' && fgetc(f) == 'e' &&
	    fgetc(f) == 'w' && fgetc(f) == '\n' && fgetc(f) == EOF);
	if (f != NULL)
		fclose(f);
	remove("out.csv");
	unit_fork(&r, open_out_nodir, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: cannot write 'no-such-dir/stats.csv': No "
	    "such file or directory\n");
	unit_done(&r);
}

struct clash {
	const char *path;
	char *inputs[3];
	int n;
	const char *stdin_from;
};

static void
clash(void *arg)
{
	struct clash *c = arg;

	diag_init("baocao-t");
	if (c->stdin_from != NULL &&
	    freopen(c->stdin_from, "r", stdin) == NULL)
		_exit(99);
	cli_not_an_input("--bad-rows", c->path, c->inputs, c->n);
}

/* How cli_not_an_input ended: 0 passed, 2 refused. */
static int
clashes(const char *path, const char *a, const char *b, int n,
    const char *stdin_from)
{
	struct clash c = { path, { (char *)a, (char *)b, NULL }, n,
		stdin_from };
	struct unit_run r;
	int st;

	unit_fork(&r, clash, &c);
	st = r.status;
	if (st == 2 && strstr(r.err, "is also an input") == NULL)
		st = -1;
	unit_done(&r);
	return st;
}

static void
test_not_an_input(void)
{
	struct clash c = { "in.csv", { "other.csv", "in.csv", NULL }, 2, NULL };
	struct unit_run r;

	unit_write("in.csv", "a\n1\n");
	unit_write("other.csv", "a\n2\n");
	unlink("link.csv");
	CHECK(symlink("in.csv", "link.csv") == 0);
	unit_fork(&r, clash, &c);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: option '--bad-rows': 'in.csv' is also an "
	    "input: it would be emptied before it is read\n");
	unit_done(&r);
	/* the same file by another name */
	CHECK(clashes("./in.csv", "in.csv", NULL, 1, NULL) == 2);
	CHECK(clashes("link.csv", "other.csv", "in.csv", 2, NULL) == 2);
	/* stdin, named "-" or by no input at all */
	CHECK(clashes("in.csv", "-", NULL, 1, "in.csv") == 2);
	CHECK(clashes("in.csv", NULL, NULL, 0, "in.csv") == 2);
	CHECK(clashes("in.csv", "-", NULL, 1, "other.csv") == 0);
	/* another file, a file not made yet, no file, not a regular file */
	CHECK(clashes("other.csv", "in.csv", NULL, 1, NULL) == 0);
	CHECK(clashes("new.csv", "in.csv", NULL, 1, NULL) == 0);
	CHECK(clashes(NULL, "in.csv", NULL, 1, NULL) == 0);
	CHECK(clashes("/dev/null", "/dev/null", NULL, 1, NULL) == 0);
	/* an input that does not exist is no clash (it is found missing
	 * where it is opened) */
	CHECK(clashes("in.csv", "gone.csv", NULL, 1, NULL) == 0);
	remove("in.csv");
	remove("other.csv");
	remove("link.csv");
}

static void
stat_line(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	cli_stat("rows in", 12);
	cli_stat("rows dropped (bad)", 0);
}

void
test_cli(void)
{
	struct unit_run r;

	unit_fork(&r, version, NULL);
	CHECK(r.status == 0);
	CHECK_STR(r.out, "baocao-t " BAOCAO_VERSION "\n");
	CHECK_STR(r.err, "");
	unit_done(&r);
	unit_fork(&r, version, "full");
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: write error: No space left on device\n");
	unit_done(&r);

	unit_fork(&r, help, NULL);
	CHECK(r.status == 0);
	CHECK_STR(r.out, "usage: baocao-t [-x]\n\n  -x  the option\n");
	CHECK_STR(r.err, "");
	unit_done(&r);
	unit_fork(&r, help, "full");
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: write error: No space left on device\n");
	unit_done(&r);

	unit_fork(&r, usage, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.out, "");
	CHECK_STR(r.err, "usage: baocao-t [-x] [FILE ...]\n"
	    "Try 'baocao-t --help' for more information.\n");
	unit_done(&r);

	unit_fork(&r, stat_line, NULL);
	CHECK_STR(r.err, "baocao-t: rows in: 12\n"
	    "baocao-t: rows dropped (bad): 0\n");
	unit_done(&r);

	test_num();
	test_split();
	test_bad_rows();
	test_open_out();
	test_not_an_input();
}
