#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

static const char *prog = "baocao";
static jmp_buf *catcher;	/* set by fuzz harnesses and extract --docs */
static FILE *capture;		/* likewise extract --docs */
static int quiet;		/* fuzz harnesses only */

static void vdiag(const char *, size_t, const char *, va_list);

/*
 * Trouble ends the program at once: output still buffered is not written
 * (a half-made table must not look whole), and atexit handlers do not run.
 */
static _Noreturn void
quit(int status)
{
	fflush(stderr);
	_exit(status);
}

void
diag_init(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	prog = slash != NULL ? slash + 1 : argv0;
}

size_t
diag_quote_len(const char *p, size_t n)
{
	if (n <= DIAG_QUOTE_MAX)
		return n;
	n = DIAG_QUOTE_MAX;
	/* Back to the start of a character: never half of one. */
	while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
		n--;
	return n;
}

const char *
diag_prog(void)
{
	return prog;
}

static void
vdiag(const char *file, size_t line, const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);
	FILE *out = capture;

	if (quiet) {
		/* Still formatted, so a bad argument (a freed string, a wrong
		 * conversion) shows under a sanitizer as it would when shown. */
		char scratch[256];

		(void)file;
		(void)line;
		vsnprintf(scratch, sizeof(scratch), fmt, ap);
		return;
	}
	if (capture == NULL) {
		out = stderr;
		fflush(stdout);
	}
	fprintf(out, "%s: ", prog);
	if (file != NULL) {
		if (line > 0)
			fprintf(out, "%s:%zu: ", file, line);
		else
			fprintf(out, "%s: ", file);
	}
	vfprintf(out, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(out, " %s", strerror(saved));
	fputc('\n', out);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(NULL, 0, fmt, ap);
	va_end(ap);
	if (catcher != NULL)
		longjmp(*catcher, status);
	quit(status);
}

void
die_at(int status, const char *file, size_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(file, line, fmt, ap);
	va_end(ap);
	if (catcher != NULL)
		longjmp(*catcher, status);
	quit(status);
}

void
diag_catch(jmp_buf *jb)
{
	catcher = jb;
}

void
diag_capture(FILE *f)
{
	capture = f;
}

void
diag_quiet(void)
{
	quiet = 1;
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(NULL, 0, fmt, ap);
	va_end(ap);
}

void
warn_at(const char *file, size_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(file, line, fmt, ap);
	va_end(ap);
}
