#include <fcntl.h>
#include <getopt.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"

static char fuzz_path[4][4096];

static void
fuzz_unlink(void)
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (fuzz_path[i][0] != '\0')
			unlink(fuzz_path[i]);
}

/* A private file per slot (mkstemp: never a name another user could
 * have planted), rewritten each run and removed at exit. */
const char *
fuzz_file(int which, const uint8_t *data, size_t size)
{
	static int registered;
	const char *tmp = getenv("TMPDIR");
	int fd;
	FILE *f;

	if (fuzz_path[which][0] == '\0') {
		if (tmp == NULL || *tmp == '\0')
			tmp = "/tmp";
		snprintf(fuzz_path[which], sizeof(fuzz_path[which]),
		    "%s/baocao-fuzz-XXXXXX", tmp);
		if ((fd = mkstemp(fuzz_path[which])) < 0)
			abort();
		close(fd);
		if (!registered++)
			atexit(fuzz_unlink);
	}
	f = fopen(fuzz_path[which], "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	return fuzz_path[which];
}

static int
fuzz_lowest_fd(void)
{
	int fd = dup(0);

	close(fd);
	return fd;
}

/* A die() caught by longjmp skips the closing of what was opened. */
static void
fuzz_close_from(int low)
{
	int fd;

	for (fd = low; fd < low + 64; fd++)
		close(fd);
}

/*
 * What a caught die() leaves allocated.  Under a sanitizer, hooks see every
 * malloc and free of a run and keep the live blocks in an open-addressed
 * table (no allocation inside a hook); after a die() they are freed, so
 * one process can run millions of dying inputs without growing.  This
 * relies on the filters keeping no heap cache between runs and calling
 * nothing in libc that keeps one (diag_init's setlocale and gettext's
 * catalogue would: track_begin takes them once, before any run).
 * Without the hooks (a plain build) a dying run leaks.
 */
int __sanitizer_install_malloc_and_free_hooks(
    void (*)(const volatile void *, size_t),
    void (*)(const volatile void *)) __attribute__((weak));

#define LIVE_BITS 16
#define LIVE_SLOTS (1u << LIVE_BITS)
#define LIVE_MASK (LIVE_SLOTS - 1)

static struct live {
	uintptr_t	p;
	unsigned	gen;	/* slot is in use when gen == live_gen */
} live[LIVE_SLOTS];
static unsigned live_gen = 1;
static size_t live_n;
static int tracking, overflowed;

static size_t
live_slot(uintptr_t p)
{
	return (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull >> (64 - LIVE_BITS));
}

static void
live_add(const volatile void *ptr, size_t size)
{
	size_t i;

	(void)size;
	if (!tracking || ptr == NULL)
		return;
	if (live_n >= LIVE_SLOTS / 4 * 3) {
		overflowed = 1;
		return;
	}
	for (i = live_slot((uintptr_t)ptr); live[i].gen == live_gen;
	    i = (i + 1) & LIVE_MASK)
		;
	live[i].p = (uintptr_t)ptr;
	live[i].gen = live_gen;
	live_n++;
}

/* Removal shifts later entries of the probe run back (no tombstones). */
static void
live_del(const volatile void *ptr)
{
	size_t i, j, k;

	if (!tracking || ptr == NULL)
		return;
	for (i = live_slot((uintptr_t)ptr); live[i].gen == live_gen;
	    i = (i + 1) & LIVE_MASK)
		if (live[i].p == (uintptr_t)ptr)
			break;
	if (live[i].gen != live_gen)
		return;		/* allocated before tracking began */
	live_n--;
	for (j = i;;) {
		live[i].gen = 0;
		for (;;) {
			j = (j + 1) & LIVE_MASK;
			if (live[j].gen != live_gen)
				return;
			k = live_slot(live[j].p);
			if (i <= j ? (k <= i || k > j) : (k <= i && k > j))
				break;
		}
		live[i] = live[j];
		i = j;
	}
}

static void
track_begin(void)
{
	static int hooked;

	if (!hooked) {
		hooked = 1;
		/* The locale is taken once, here, untracked: setlocale and
		 * gettext keep what they allocate.  Messages in C's words
		 * load no catalogue in a run. */
		setenv("LC_ALL", "C", 1);
		diag_init(NULL);
		if (__sanitizer_install_malloc_and_free_hooks != NULL)
			__sanitizer_install_malloc_and_free_hooks(live_add,
			    live_del);
	}
	live_gen++;
	live_n = 0;
	overflowed = 0;
	tracking = 1;
}

static void
track_end(int died)
{
	size_t i;

	tracking = 0;
	if (!died || overflowed)
		return;
	for (i = 0; i < LIVE_SLOTS && live_n > 0; i++)
		if (live[i].gen == live_gen) {
			live_n--;
			free((void *)live[i].p);
		}
}

int
fuzz_catch(void (*fn)(void *), void *arg)
{
	jmp_buf jb;
	volatile int status;
	int low = fuzz_lowest_fd();

	if (getenv("FUZZ_VERBOSE") == NULL)
		diag_quiet();
	track_begin();
	if ((status = setjmp(jb)) == 0) {
		diag_catch(&jb);
		fn(arg);
	}
	diag_catch(NULL);
	track_end(status != 0);
	fuzz_close_from(low);
	return status;
}

struct mainrun {
	int	(*mainfn)(int, char **);
	int	argc;
	char	**argv;
	int	status;
};

static void
call_main(void *arg)
{
	struct mainrun *r = arg;

	r->status = r->mainfn(r->argc, r->argv);
}

int
fuzz_run(int (*mainfn)(int, char **), int argc, char **argv)
{
	struct mainrun r = { mainfn, argc, argv, 0 };
	int null = open("/dev/null", O_WRONLY), died;

	/* The last run's csvout closed fd 1, so open() may have reused it. */
	if (null != STDOUT_FILENO) {
		dup2(null, STDOUT_FILENO);
		close(null);
	}
	optind = 0;	/* glibc: start getopt afresh */
	died = fuzz_catch(call_main, &r);
	return died != 0 ? died : r.status;
}

/* A small gazetteer keeps a run fast; ambiguity and history included. */
static const char small_gaz[] =
    "code,level,name,type,parent_code,province_code,full_name,valid_from,valid_to\n"
    "79,province,Hồ Chí Minh,thành phố trung ương,,79,Thành phố Hồ Chí Minh,,\n"
    "764,district,Gò Vấp,quận,79,79,Quận Gò Vấp,,\n"
    "785,district,Bình Chánh,huyện,79,79,Huyện Bình Chánh,,\n"
    "769,district,2,quận,79,79,Quận 2,,2021-01-01\n"
    "769,district,Thủ Đức,thành phố,79,79,Thành phố Thủ Đức,2021-01-01,\n"
    "24,province,Bắc Giang,tỉnh,,24,Tỉnh Bắc Giang,,\n"
    "222,district,Việt Yên,thị xã,24,24,Thị xã Việt Yên,2024-02-01,\n"
    "07792,ward,Quảng Minh,phường,222,24,Phường Quảng Minh,2024-02-01,\n"
    "06940,ward,Quảng Minh,xã,201,22,Xã Quảng Minh,,\n";

const char *
fuzz_small_gazetteer(void)
{
	static const char *path;

	if (path == NULL)
		path = fuzz_file(3, (const uint8_t *)small_gaz, sizeof(small_gaz) - 1);
	return path;
}
