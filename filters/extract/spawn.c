/*
 * Running a converter (pdftotext, pdftoppm, antiword, tesseract) on a
 * file: its output is read whole, up to a limit, and it is killed when it
 * runs too long, so that a hostile input cannot hang or flood a run.
 * Scratch files and folders live in $TMPDIR (or /tmp) and are removed by
 * their caller.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"

#define ERR_MAX 4096		/* bytes of a converter's stderr kept */

extern char **environ;

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads what is there on fd into b (at most max bytes kept); 0 at end
 * of file, 1 while open. */
static int
drain(int fd, struct buf *b, size_t max, int *over)
{
	char tmp[1 << 16];
	ssize_t got = read(fd, tmp, sizeof(tmp));

	if (got < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : 0;
	if (got == 0)
		return 0;
	if (b->n + (size_t)got > max)
		*over = 1;
	else
		buf_add(b, tmp, (size_t)got);
	return 1;
}

/* Starts argv with stdout and stderr on the two pipes. */
static int
start(char *const argv[], int outp[2], int errp[2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, outp[1], 1);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	posix_spawn_file_actions_addclose(&fa, outp[0]);
	posix_spawn_file_actions_addclose(&fa, errp[0]);
	rc = posix_spawnp(pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(outp[1]);
	close(errp[1]);
	return rc;
}

/* Reads both pipes until they close, the output passes max or the time
 * is up (then the child is killed). */
static void
collect(struct spawn_out *o, int outfd, int errfd, pid_t pid, size_t max,
    int seconds)
{
	struct pollfd fds[2] = { { outfd, POLLIN, 0 }, { errfd, POLLIN, 0 } };
	long long deadline = now_ms() + (long long)seconds * 1000;
	int open_out = 1, open_err = 1, over = 0, junk = 0;

	while ((open_out || open_err) && !over) {
		long long left = deadline - now_ms();

		if (left <= 0) {
			o->timed_out = 1;
			break;
		}
		fds[0].fd = open_out ? outfd : -1;
		fds[1].fd = open_err ? errfd : -1;
		if (poll(fds, 2, (int)(left > 1000 ? 1000 : left)) < 0 &&
		    errno != EINTR)
			break;
		if (open_out && fds[0].revents != 0)
			open_out = drain(outfd, &o->out, max, &over);
		if (open_err && fds[1].revents != 0)
			open_err = drain(errfd, &o->err, ERR_MAX, &junk);
	}
	o->too_long = over;
	if (o->timed_out || over)
		kill(pid, SIGKILL);
}

int
spawn_run(char *const argv[], size_t max, int seconds, struct spawn_out *o)
{
	int outp[2], errp[2], status;
	pid_t pid;

	memset(o, 0, sizeof(*o));
	o->status = -1;
	if (pipe(outp) != 0)
		return -1;
	if (pipe(errp) != 0) {
		close(outp[0]);
		close(outp[1]);
		return -1;
	}
	if ((o->spawn_errno = start(argv, outp, errp, &pid)) != 0) {
		close(outp[0]);
		close(errp[0]);
		return -1;
	}
	collect(o, outp[0], errp[0], pid, max, seconds);
	close(outp[0]);
	close(errp[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		o->status = WEXITSTATUS(status);
	return o->status == 0 && !o->timed_out && !o->too_long ? 0 : -1;
}

void
spawn_free(struct spawn_out *o)
{
	buf_free(&o->out);
	buf_free(&o->err);
}

/* The folder for scratch files. */
static const char *
tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t != NULL && *t != '\0' ? t : "/tmp";
}

char *
scratch_file(const char *p, size_t n)
{
	struct buf path = { 0 };
	size_t off = 0;
	int fd;

	buf_printf(&path, "%s/baocao-extract.XXXXXX", tmpdir());
	if ((fd = mkstemp(path.p)) < 0) {
		buf_free(&path);
		return NULL;
	}
	while (off < n) {
		ssize_t w = write(fd, p + off, n - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			unlink(path.p);
			buf_free(&path);
			return NULL;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0) {
		unlink(path.p);
		buf_free(&path);
		return NULL;
	}
	return path.p;
}

char *
scratch_dir(void)
{
	struct buf path = { 0 };

	buf_printf(&path, "%s/baocao-extract.XXXXXX", tmpdir());
	if (mkdtemp(path.p) == NULL) {
		buf_free(&path);
		return NULL;
	}
	return path.p;
}

const char *
spawn_why(const struct spawn_out *o)
{
	static const char *const why[] = { "not found", "took too long",
		"wrote too much", "failed" };

	if (o->spawn_errno == ENOENT)
		return why[0];
	if (o->timed_out)
		return why[1];
	if (o->too_long)
		return why[2];
	return why[3];
}
