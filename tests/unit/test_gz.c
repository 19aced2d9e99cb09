#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "gz.h"
#include "unit.h"

static void
test_roundtrip(void)
{
	struct gz_out *o;
	struct gz_in *in;
	char buf[8192];
	size_t n, total = 0, i;
	int fd = open("rt.gz", O_WRONLY | O_CREAT | O_TRUNC, 0644), ok = 1;

	o = gz_open_out(fd, 1);
	for (i = 0; i < 100000; i++) {
		snprintf(buf, sizeof(buf), "%zu,Quận %zu\n", i, i % 22);
		gz_puts(o, buf);
	}
	CHECK(gz_out_close(o) == 0);
	close(fd);
	in = gz_open_in("rt.gz");
	{
		struct buf all = { 0 };
		char line[64];
		const char *p;

		while ((n = gz_read(in, buf, sizeof(buf))) > 0)
			buf_add(&all, buf, n);
		total = all.n;
		p = all.p;
		for (i = 0; i < 100000 && ok; i++) {
			int k = snprintf(line, sizeof(line), "%zu,Quận %zu\n", i, i % 22);

			ok = memcmp(p, line, (size_t)k) == 0;
			p += k;
		}
		CHECK(ok);
		CHECK(p == all.p + total);
		buf_free(&all);
	}
	gz_close_in(in);
	/* The file really is gzip. */
	{
		FILE *f = fopen("rt.gz", "rb");
		unsigned char m[2] = { 0, 0 };

		CHECK(fread(m, 1, 2, f) == 2 && m[0] == 0x1f && m[1] == 0x8b);
		fclose(f);
	}
}

/* A truncated gzip stream ends the program with status 2. */
static void
test_truncated(void)
{
	pid_t pid;
	int status;

	if (truncate("rt.gz", 300) != 0) {
		CHECK(0);
		return;
	}
	pid = fork();
	if (pid == 0) {
		struct gz_in *in;
		char buf[4096];

		freopen("/dev/null", "w", stderr);
		in = gz_open_in("rt.gz");
		while (gz_read(in, buf, sizeof(buf)) > 0)
			;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 2);
	remove("rt.gz");
}

/* Reads path to its end in a child; its exit status and what it read. */
static int
read_all(const char *path, struct buf *got)
{
	int p[2], status;
	pid_t pid;
	char buf[4096];
	ssize_t k;

	if (pipe(p) != 0)
		return -1;
	if ((pid = fork()) == 0) {
		struct gz_in *in;
		size_t n;

		close(p[0]);
		freopen("/dev/null", "w", stderr);
		in = gz_open_in(path);
		while ((n = gz_read(in, buf, sizeof(buf))) > 0)
			if (write(p[1], buf, n) != (ssize_t)n)
				_exit(3);
		gz_close_in(in);
		_exit(0);
	}
	close(p[1]);
	while ((k = read(p[0], buf, sizeof(buf))) > 0)
		buf_add(got, buf, (size_t)k);
	close(p[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Two gzip members read as one text; bytes after the last, which start
 * no member, are an error (exit 2), whatever was read before. */
static void
test_members(void)
{
	struct buf got = { 0 };
	struct gz_out *o;
	int fd, k;
	FILE *f;

	fd = open("m.gz", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	for (k = 0; k < 2; k++) {
		o = gz_open_out(fd, 1);
		gz_puts(o, k == 0 ? "một\n" : "hai\n");
		CHECK(gz_out_close(o) == 0);
	}
	close(fd);
	CHECK(read_all("m.gz", &got) == 0);
	CHECK(got.n == strlen("một\nhai\n") &&
	    memcmp(got.p, "một\nhai\n", got.n) == 0);
	buf_clear(&got);
	f = fopen("m.gz", "ab");
	fputs("rác", f);
	fclose(f);
	CHECK(read_all("m.gz", &got) == 2);
	/* Plain text is read as it is, gzip bytes inside it too. */
	f = fopen("m.gz", "wb");
	fputs("ba\n\x1f\x8b", f);
	fclose(f);
	buf_clear(&got);
	CHECK(read_all("m.gz", &got) == 0);
	CHECK(got.n == 5 && memcmp(got.p, "ba\n\x1f\x8b", 5) == 0);
	buf_free(&got);
	remove("m.gz");
}

static void
test_dev_full(void)
{
	int fd = open("/dev/full", O_WRONLY), i;
	struct gz_out *o;

	if (fd == -1)
		return;	/* no /dev/full here */
	o = gz_open_out(fd, 0);
	for (i = 0; i < 100000; i++)
		gz_puts(o, "some output\n");
	errno = 0;
	CHECK(gz_out_close(o) == -1);
	CHECK(errno == ENOSPC);
	close(fd);
	fd = open("/dev/full", O_WRONLY);
	o = gz_open_out(fd, 0);
	gz_puts(o, "x\n");	/* small: fails only at the final flush */
	CHECK(gz_out_close(o) == -1);
	close(fd);
}

void
test_gz(void)
{
	test_roundtrip();
	test_truncated();
	test_members();
	test_dev_full();
}
