/*
 * Running a converter (pdftotext, pdftoppm, pdfimages, antiword, catdoc,
 * tesseract) on a file of untrusted content.  Its output is read whole, up
 * to a limit, and it is killed when it runs too long, so that a hostile
 * input cannot hang or flood a run.  Before it starts, in the child:
 *   - limits (setrlimit): CONV_CPU_SLACK seconds of CPU beyond its wall
 *     time, CONV_MEMORY bytes of address space, CONV_FSIZE bytes in any
 *     file it writes, no core file;
 *   - a process group of its own, and (Linux) death with its parent, so
 *     that nothing of it outlives extract;
 *   - no network, where the system allows it cheaply (Linux: a network
 *     namespace of its own, as root or through a user namespace; where
 *     neither is allowed it runs as it is);
 *   - OMP_THREAD_LIMIT=1: tesseract reads one page on one thread, which
 *     is faster on a busy machine and bounds its memory.
 * Scratch files and folders live in $TMPDIR (or /tmp) and are removed by
 * their caller (scratch_remove), or, when SIGINT, SIGTERM or SIGHUP ends
 * extract first, by its handler, which also kills the converter running
 * and, in --docs, passes the signal to the child reading a document and
 * waits for it to clean up; then extract dies of the signal.
 */
#if defined(__linux__)
#define _GNU_SOURCE		/* unshare(2), prctl(2) */
#endif

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__)
#include <sched.h>
#include <sys/prctl.h>
#endif

#include "buf.h"
#include "extract.h"
#include "xalloc.h"

#define ERR_MAX 4096		/* bytes of a converter's stderr kept */
#define CONV_MEMORY ((rlim_t)1 << 30)	/* address space of a converter */
#define CONV_FSIZE ((rlim_t)256 << 20)	/* bytes of a file it writes */
#define CONV_CPU_SLACK 5	/* CPU seconds past its wall time: the
				 * hard limit */

extern char **environ;

/*
 * What a signal must not leave behind: the scratch files and folders of
 * the document being read, the converter running and the --docs child.
 * This is extract's one mutable state besides the program's name: a
 * signal handler can reach nothing else.
 */
#define SCRATCH_MAX 8		/* scratch paths at once (3 are used) */
#define SCRATCH_PATH 1024	/* bytes of one, NUL included */
enum { FREE_SLOT, FILE_SLOT, FOLDER_SLOT };
static struct {
	char path[SCRATCH_PATH];
	volatile sig_atomic_t kind;
} scratch[SCRATCH_MAX];
static volatile sig_atomic_t running;	/* a converter's pid, or 0 */
static volatile sig_atomic_t reader;	/* a --docs child's pid, or 0 */

/* Remembers a scratch path for the handler (a path too long for it, or
 * past SCRATCH_MAX, is only removed by its caller). */
static void
scratch_track(const char *path, int kind)
{
	size_t k, n = strlen(path);

	if (n >= SCRATCH_PATH)
		return;
	for (k = 0; k < SCRATCH_MAX; k++)
		if (scratch[k].kind == FREE_SLOT) {
			memcpy(scratch[k].path, path, n + 1);
			scratch[k].kind = kind;
			return;
		}
}

void
scratch_remove(const char *path)
{
	size_t k;

	for (k = 0; k < SCRATCH_MAX; k++)
		if (scratch[k].kind != FREE_SLOT &&
		    strcmp(scratch[k].path, path) == 0) {
			if (scratch[k].kind == FOLDER_SLOT)
				(void)rmdir(path);
			else
				(void)unlink(path);
			scratch[k].kind = FREE_SLOT;
			return;
		}
	if (unlink(path) != 0)
		(void)rmdir(path);
}

void
scratch_expect(const char *path)
{
	scratch_track(path, FILE_SLOT);
}

/* Only calls that are safe in a signal handler. */
static void
on_signal(int sig)
{
	int k, saved = errno;

	if (running > 0) {
		kill(-(pid_t)running, SIGKILL);
		kill((pid_t)running, SIGKILL);
	}
	if (reader > 0) {
		kill((pid_t)reader, sig);
		while (waitpid((pid_t)reader, NULL, 0) < 0 && errno == EINTR)
			;
	}
	for (k = 0; k < SCRATCH_MAX; k++)
		if (scratch[k].kind == FILE_SLOT)
			(void)unlink(scratch[k].path);
	for (k = 0; k < SCRATCH_MAX; k++)
		if (scratch[k].kind == FOLDER_SLOT)
			(void)rmdir(scratch[k].path);
	errno = saved;
	signal(sig, SIG_DFL);
	raise(sig);
}

void
spawn_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;
	size_t k;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (k = 0; k < sizeof(sigs) / sizeof(sigs[0]); k++)
		sigaddset(&sa.sa_mask, sigs[k]);
	for (k = 0; k < sizeof(sigs) / sizeof(sigs[0]); k++)
		/* A signal ignored when extract started stays ignored. */
		if (sigaction(sigs[k], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[k], &sa, NULL);
}

void
spawn_reader(pid_t pid)
{
	reader = (sig_atomic_t)pid;
}

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
	if (b->n + (size_t)got > max) {
		/* what fits is kept: a converter's long complaint still
		 * gives its first line */
		*over = 1;
		if (b->n < max)
			buf_add(b, tmp, max - b->n);
	} else
		buf_add(b, tmp, (size_t)got);
	return 1;
}

/* The program's path: name itself when it holds a '/', else the first
 * executable of that name in PATH; NULL when there is none. */
static char *
find_program(const char *name)
{
	const char *path = getenv("PATH"), *p, *e;
	struct buf b = { 0 };

	if (strchr(name, '/') != NULL)
		return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
	if (path == NULL || *path == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; ; p = e + 1) {
		struct stat st;

		e = strchr(p, ':');
		buf_clear(&b);
		if (e == NULL ? *p == '\0' : e == p)
			buf_addc(&b, '.');
		else
			buf_add(&b, p, e == NULL ? strlen(p) : (size_t)(e - p));
		buf_printf(&b, "/%s", name);
		if (stat(b.p, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(b.p, X_OK) == 0)
			return b.p;
		if (e == NULL)
			break;
	}
	buf_free(&b);
	return NULL;
}

/* The environment of a converter: this one, OMP_THREAD_LIMIT=1. */
static char **
child_env(void)
{
	size_t n = 0, k, out = 0;
	char **env;

	while (environ[n] != NULL)
		n++;
	env = xreallocarray(NULL, n + 2, sizeof(*env));
	for (k = 0; k < n; k++)
		if (strncmp(environ[k], "OMP_THREAD_LIMIT=",
		    LIT_LEN("OMP_THREAD_LIMIT=")) != 0)
			env[out++] = environ[k];
	env[out++] = "OMP_THREAD_LIMIT=1";
	env[out] = NULL;
	return env;
}

static void
limit(int what, rlim_t soft, rlim_t hard)
{
	struct rlimit rl;

	rl.rlim_cur = soft;
	rl.rlim_max = hard;
	(void)setrlimit(what, &rl);
}

/* No network for this process, where the system allows it. */
static void
no_network(void)
{
#if defined(__linux__) && defined(CLONE_NEWNET)
	if (unshare(CLONE_NEWNET) != 0)
		(void)unshare(CLONE_NEWUSER | CLONE_NEWNET);
#endif
}

/*
 * In the child, between fork and exec: only calls that are safe there.
 * On failure writes errno to errfd and exits 127.
 */
static _Noreturn void
child(const char *prog, char *const argv[], char **env, int outfd,
    int errfd, int failfd, int seconds)
{
	int e, in;

	(void)setpgid(0, 0);
#if defined(__linux__)
	(void)prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	limit(RLIMIT_CPU, (rlim_t)seconds, (rlim_t)seconds + CONV_CPU_SLACK);
	limit(RLIMIT_AS, CONV_MEMORY, CONV_MEMORY);
	limit(RLIMIT_FSIZE, CONV_FSIZE, CONV_FSIZE);
	limit(RLIMIT_CORE, 0, 0);
	no_network();
	signal(SIGPIPE, SIG_DFL);
	if ((in = open("/dev/null", O_RDONLY)) < 0 || dup2(in, 0) < 0 ||
	    dup2(outfd, 1) < 0 || dup2(errfd, 2) < 0)
		goto fail;
	execve(prog, argv, env);
fail:
	e = errno;
	(void)!write(failfd, &e, sizeof(e));
	_exit(127);
}

/* Reads both pipes until they close, the output passes max or the time
 * is up (then the child's group is killed). */
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
	if (o->timed_out || over) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
	}
}

/* Whether the exec in the child failed (its errno in *e). */
static int
exec_failed(int fd, int *e)
{
	ssize_t k;

	while ((k = read(fd, e, sizeof(*e))) < 0 && errno == EINTR)
		;
	return k == (ssize_t)sizeof(*e);
}

int
spawn_run(char *const argv[], size_t max, int seconds, struct spawn_out *o)
{
	int outp[2] = { -1, -1 }, errp[2] = { -1, -1 }, fail[2] = { -1, -1 };
	int status, e;
	char *prog, **env;
	pid_t pid;

	memset(o, 0, sizeof(*o));
	o->status = -1;
	o->seconds = seconds;
	if ((prog = find_program(argv[0])) == NULL) {
		o->spawn_errno = ENOENT;
		return -1;
	}
	if (pipe(outp) != 0 || pipe(errp) != 0 || pipe(fail) != 0 ||
	    fcntl(fail[1], F_SETFD, FD_CLOEXEC) != 0) {
		o->spawn_errno = errno;
		goto closeall;
	}
	env = child_env();
	fflush(NULL);
	if ((pid = fork()) < 0) {
		o->spawn_errno = errno;
		free(env);
		goto closeall;
	}
	if (pid == 0) {
		close(outp[0]);
		close(errp[0]);
		close(fail[0]);
		child(prog, argv, env, outp[1], errp[1], fail[1], seconds);
	}
	free(env);
	running = (sig_atomic_t)pid;
	close(outp[1]);
	close(errp[1]);
	close(fail[1]);
	outp[1] = errp[1] = fail[1] = -1;
	if (exec_failed(fail[0], &e))
		o->spawn_errno = e;
	else
		collect(o, outp[0], errp[0], pid, max, seconds);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	running = 0;
	if (WIFEXITED(status) && o->spawn_errno == 0)
		o->status = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		o->signal = WTERMSIG(status);
closeall:
	for (e = 0; e < 2; e++) {
		if (outp[e] >= 0)
			close(outp[e]);
		if (errp[e] >= 0)
			close(errp[e]);
		if (fail[e] >= 0)
			close(fail[e]);
	}
	free(prog);
	return o->status == 0 && !o->timed_out && !o->too_long ? 0 : -1;
}

void
spawn_free(struct spawn_out *o)
{
	buf_free(&o->out);
	buf_free(&o->err);
}

const char *
spawn_why(struct spawn_out *o)
{
	if (o->spawn_errno == ENOENT)
		snprintf(o->why, sizeof(o->why), "not found");
	else if (o->spawn_errno != 0)
		snprintf(o->why, sizeof(o->why), "could not be started (%s)",
		    strerror(o->spawn_errno));
	else if (o->timed_out || o->signal == SIGXCPU)
		snprintf(o->why, sizeof(o->why), "took too long (more than "
		    "%d seconds)", o->seconds);
	else if (o->too_long || o->signal == SIGXFSZ)
		snprintf(o->why, sizeof(o->why), "wrote too much");
	else if (o->signal != 0)
		snprintf(o->why, sizeof(o->why), "crashed (signal %d)",
		    o->signal);
	else
		snprintf(o->why, sizeof(o->why), "failed (exit status %d)",
		    o->status);
	return o->why;
}

void
doc_deadline(struct doc *d, int seconds)
{
	d->limit = seconds;
	d->deadline = seconds > 0 ? now_ms() + (long long)seconds * 1000 : 0;
}

int
doc_spawn(struct doc *d, char *const argv[], size_t max, int cap,
    struct spawn_out *o)
{
	long long left = d->deadline == 0 ? (long long)cap * 1000 :
	    d->deadline - now_ms();
	int seconds = cap;

	if (left <= 0) {
		memset(o, 0, sizeof(*o));
		o->status = -1;
		doc_reject(d, 0, "took too long: more than %d seconds for one "
		    "document (--limit-seconds)", d->limit);
		return -1;
	}
	if (left < (long long)cap * 1000)
		seconds = (int)((left + 999) / 1000);
	return spawn_run(argv, max, seconds, o);
}

/* Where s[0..sn) is in p[0..n), or NULL. */
static const char *
find(const char *p, size_t n, const char *s, size_t sn)
{
	size_t i;

	for (i = 0; sn > 0 && i + sn <= n; i++)
		if (memcmp(p + i, s, sn) == 0)
			return p + i;
	return NULL;
}

/* The first line of a converter's complaint, at most 160 bytes, with the
 * scratch file's name (when given) read as the input's, into b. */
static void
complaint(struct buf *b, const struct buf *err, const char *scratch,
    const char *file)
{
	const char *p = err->p == NULL ? "" : err->p, *at;
	size_t n = strcspn(p, "\n"), sn = scratch == NULL ? 0 : strlen(scratch);

	if (n == 0) {
		buf_adds(b, "no message");
		return;
	}
	while (sn > 0 && n >= sn && (at = find(p, n, scratch, sn)) != NULL) {
		buf_add(b, p, (size_t)(at - p));
		buf_adds(b, file);
		n -= (size_t)(at - p) + sn;
		p = at + sn;
	}
	buf_add(b, p, n < 160 ? n : 160);
}

void
converter_why(struct doc *d, struct spawn_out *so, const char *scratch,
    struct buf *why)
{
	if (so->spawn_errno != 0 || so->timed_out || so->too_long ||
	    so->signal != 0 || so->err.n == 0 || so->err.p[0] == '\n')
		buf_adds(why, spawn_why(so));
	else {
		buf_adds(why, "could not read it (");
		complaint(why, &so->err, scratch, d->file);
		buf_addc(why, ')');
	}
}

int
converter_failed(struct doc *d, struct spawn_out *so, const char *prog,
    const char *package, const char *scratch)
{
	struct buf why = { 0 };

	if (d->failed)
		return -1;
	if (so->spawn_errno == ENOENT)
		return doc_reject(d, 0, "%s not found (Debian package %s)", prog,
		    package);
	if (so->timed_out && d->deadline != 0 && now_ms() >= d->deadline)
		return doc_reject(d, 0, "took too long: more than %d seconds "
		    "for one document (--limit-seconds)", d->limit);
	converter_why(d, so, scratch, &why);
	doc_reject(d, 0, "%s %s", prog, why.p);
	buf_free(&why);
	return -1;
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
	scratch_track(path.p, FILE_SLOT);
	while (off < n) {
		ssize_t w = write(fd, p + off, n - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			scratch_remove(path.p);
			buf_free(&path);
			return NULL;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0) {
		scratch_remove(path.p);
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
	scratch_track(path.p, FOLDER_SLOT);
	return path.p;
}
