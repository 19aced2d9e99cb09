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
