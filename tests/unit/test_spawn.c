/*
 * extract's spawn.c: a converter run with stdin from /dev/null, its
 * output kept up to a limit, killed past its time, and why it failed;
 * the document's time shared by its converters; scratch files.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "xalloc.h"
#include "xscan.h"

/* Runs sh -c script; spawn_run's status, o filled. */
static int
sh(const char *script, size_t max, int seconds, struct spawn_out *o)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };

	return spawn_run(argv, max, seconds, o);
}

static const char *
out_of(struct spawn_out *o)
{
	return o->out.p == NULL ? "" : o->out.p;
}

static void
test_run(void)
{
	struct spawn_out o;
	char *argv[] = { "baocao-no-such-converter", "x", NULL };

	CHECK(sh("echo out; echo err >&2", 1 << 20, 30, &o) == 0);
	CHECK_STR(out_of(&o), "out\n");
	CHECK(o.err.n == 4 && memcmp(o.err.p, "err\n", 4) == 0);
	CHECK(o.status == 0 && o.signal == 0);
	spawn_free(&o);
	/* stdin is /dev/null: a program reading it ends at once */
	CHECK(sh("cat; echo done", 1 << 20, 30, &o) == 0);
	CHECK_STR(out_of(&o), "done\n");
	spawn_free(&o);
	CHECK(sh("exit 3", 1 << 20, 30, &o) == -1);
	CHECK(o.status == 3);
	CHECK_STR(spawn_why(&o), "failed (exit status 3)");
	spawn_free(&o);
	CHECK(sh("kill -SEGV $$", 1 << 20, 30, &o) == -1);
	CHECK(o.signal == 11);
	CHECK_STR(spawn_why(&o), "crashed (signal 11)");
	spawn_free(&o);
	CHECK(spawn_run(argv, 1 << 20, 30, &o) == -1);
	CHECK(o.spawn_errno == ENOENT);
	CHECK_STR(spawn_why(&o), "not found");
	spawn_free(&o);
	/* more output than max: killed, none of it past max kept */
	CHECK(sh("yes", 1000, 30, &o) == -1);
	CHECK(o.too_long && o.out.n <= 1000);
	CHECK_STR(spawn_why(&o), "wrote too much");
	spawn_free(&o);
	/* exactly max is not too much */
	CHECK(sh("printf 1234567890", 10, 30, &o) == 0);
	CHECK_STR(out_of(&o), "1234567890");
	spawn_free(&o);
	/* past its time: killed, and said so */
	CHECK(sh("sleep 60 & sleep 60", 1 << 20, 1, &o) == -1);
	CHECK(o.timed_out);
	CHECK_STR(spawn_why(&o), "took too long (more than 1 seconds)");
	spawn_free(&o);
}

/* The start of a long complaint is kept, for the message that says why
 * the converter failed. */
static void
test_long_complaint(void)
{
	struct spawn_out o;

	CHECK(sh("yes complaint | head -c 100000 >&2", 1 << 20, 30, &o) == 0);
	CHECK(o.err.n > 0 && o.err.n <= 4096 &&
	    memcmp(o.err.p, "complaint\n", 10) == 0);
	spawn_free(&o);
}

static void
test_deadline(void)
{
	struct spawn_out o;
	struct doc d;
	char *argv[] = { "true", NULL };
	char *said;

	memset(&d, 0, sizeof(d));
	doc_begin(&d, "r.pdf", "r.pdf", "pdf");
	doc_deadline(&d, 0);
	CHECK(d.deadline == 0);
	CHECK(doc_spawn(&d, argv, 100, 5, &o) == 0);
	spawn_free(&o);
	/* none of the document's time left: nothing runs, it is refused */
	doc_deadline(&d, 7);
	d.deadline = 1;
	unit_capture();
	CHECK(doc_spawn(&d, argv, 100, 5, &o) == -1);
	said = unit_captured();
	CHECK(d.failed);
	CHECK_STR(said, "baocao-t: r.pdf: took too long: more than 7 seconds "
	    "for one document (--limit-seconds)\n");
	free(said);
	spawn_free(&o);
	doc_free(&d);
}

static void
test_scratch(void)
{
	struct stat sb;
	char *f, *dir;
	FILE *fp;
	char got[16] = "";

	f = scratch_file("ba\0ba", 5);
	CHECK(f != NULL && strncmp(f, "/tmp/baocao-extract.", 20) == 0);
	CHECK(f != NULL && stat(f, &sb) == 0 && sb.st_size == 5);
	if (f != NULL && (fp = fopen(f, "rb")) != NULL) {
		CHECK(fread(got, 1, sizeof(got), fp) == 5 &&
		    memcmp(got, "ba\0ba", 5) == 0);
		fclose(fp);
	}
	scratch_remove(f);
	CHECK(stat(f, &sb) == -1 && errno == ENOENT);
	free(f);
	dir = scratch_dir();
	CHECK(dir != NULL && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode));
	scratch_remove(dir);
	CHECK(stat(dir, &sb) == -1);
	free(dir);
}

void
test_spawn(void)
{
	char *tmp = getenv("TMPDIR");

	/* scratch names are checked under /tmp: $TMPDIR set aside */
	if (tmp != NULL)
		tmp = xstrdup(tmp);
	unsetenv("TMPDIR");
	test_run();
	test_long_complaint();
	test_deadline();
	test_scratch();
	if (tmp != NULL)
		setenv("TMPDIR", tmp, 1);
	free(tmp);
}
