#include <fcntl.h>
#include <getopt.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"

const char *
fuzz_file(int which, const uint8_t *data, size_t size)
{
	static char path[4][64];
	FILE *f;

	if (path[which][0] == '\0')
		snprintf(path[which], sizeof(path[which]), "/tmp/baocao-fuzz-%d-%d",
		    (int)getpid(), which);
	f = fopen(path[which], "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	return path[which];
}

int
fuzz_lowest_fd(void)
{
	int fd = dup(0);

	close(fd);
	return fd;
}

/* A die() caught by longjmp skips the closing of what was opened. */
void
fuzz_close_from(int low)
{
	int fd;

	for (fd = low; fd < low + 64; fd++)
		close(fd);
}

int
fuzz_run(int (*mainfn)(int, char **), int argc, char **argv)
{
	jmp_buf jb;
	volatile int status;
	int null = open("/dev/null", O_WRONLY), low;

	if (getenv("FUZZ_VERBOSE") == NULL)
		diag_quiet();
	/* The last run's csvout closed fd 1, so open() may have reused it. */
	if (null != STDOUT_FILENO) {
		dup2(null, STDOUT_FILENO);
		close(null);
	}
	low = fuzz_lowest_fd();
	optind = 0;	/* glibc: start getopt afresh */
	if ((status = setjmp(jb)) == 0) {
		diag_catch(&jb);
		status = mainfn(argc, argv);
	}
	diag_catch(NULL);
	fuzz_close_from(low);
	return status;
}
