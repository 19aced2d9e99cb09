/*
 * cli: the pieces of a command line every filter shares (see cli.h):
 * --version and --help, the usage error, checked numbers and lists, the
 * lines of --stats, the --bad-rows file, and an output file that is also
 * an input refused.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "xalloc.h"

#ifndef BAOCAO_VERSION
#define BAOCAO_VERSION "0"
#endif

void
cli_version(void)
{
	printf("%s %s\n", diag_prog(), BAOCAO_VERSION);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(2, "write error:");
	exit(0);
}

void
cli_help(const char *text)
{
	fputs(text, stdout);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(2, "write error:");
	exit(0);
}

void
cli_usage_error(const char *synopsis)
{
	fprintf(stderr, diag_text("usage: %s"), synopsis);
	fputc('\n', stderr);
	fprintf(stderr, diag_text("Try '%s --help' for more information."),
	    diag_prog());
	fputc('\n', stderr);
	exit(2);
}

long long
cli_num(const char *opt, const char *val, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(val, &end, 10);
	if (*val == '\0' || *end != '\0' || errno == ERANGE || v < min ||
	    v > max)
		die(2, "option '%s': '%s' is not a number from %lld to %lld",
		    opt, val, min, max);
	return v;
}

char **
cli_split(const char *list, size_t *n)
{
	char **v = NULL, *copy = xstrdup(list), *p = copy, *comma;
	size_t k = 0;

	for (;;) {
		comma = strchr(p, ',');
		if (comma != NULL)
			*comma = '\0';
		v = xreallocarray(v, k + 2, sizeof(*v));
		v[k++] = xstrdup(p);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	v[k] = NULL;
	free(copy);
	*n = k;
	return v;
}

void
cli_stat(const char *what, unsigned long long n)
{
	fprintf(stderr, "%s: %s: %llu\n", diag_prog(), diag_text(what), n);
}

void
cli_free_split(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

FILE *
cli_open_bad_rows(const char *path)
{
	FILE *fp;

	if (path == NULL)
		return NULL;
	if ((fp = fopen(path, "w")) == NULL)
		die(2, "cannot write '%s':", path);
	return fp;
}

void
cli_close_bad_rows(FILE *fp, const char *path)
{
	if (fp != NULL && fclose(fp) == EOF)
		die(2, "cannot write '%s':", path);
}

/* Is the input named (stdin for "-") the file out? */
static int
is_file(const struct stat *out, const char *input)
{
	struct stat in;
	int ok;

	if (strcmp(input, "-") == 0)
		ok = fstat(STDIN_FILENO, &in) == 0;
	else
		ok = stat(input, &in) == 0;
	return ok && in.st_dev == out->st_dev && in.st_ino == out->st_ino;
}

void
cli_not_an_input(const char *opt, const char *path, char *const *inputs,
    int n)
{
	struct stat out;
	int i;

	if (path == NULL || stat(path, &out) == -1 || !S_ISREG(out.st_mode))
		return;
	for (i = 0; i < (n == 0 ? 1 : n); i++)
		if (is_file(&out, n == 0 ? "-" : inputs[i]))
			die(2, "option '%s': '%s' is also an input: it would be "
			    "emptied before it is read", opt, path);
}

int
cli_open_out(const char *path)
{
	int fd;

	if (path == NULL)
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1)
		die(2, "cannot write '%s':", path);
	return fd;
}
