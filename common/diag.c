/*
 * diag: the one place that writes diagnostics (see diag.h): the
 * program's name, the catalogue of messages found and the locale taken,
 * "prog: file:line: message" written, exit at once on trouble; and the
 * catching and capture of messages that extract --docs and the fuzz
 * harnesses use.
 */
#include <sys/stat.h>

#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

/* The text domain of every message of baocao, filters and pipelines. */
#define DOMAIN "baocao"

static const char *prog = "baocao";
static jmp_buf *catcher;	/* set by fuzz harnesses and extract --docs */
static FILE *capture;		/* likewise extract --docs */
static FILE *capture_plain;	/* likewise */
static int quiet;		/* fuzz harnesses only */
static int localized;		/* diag_init took the locale */
static locale_t c_locale;	/* strerror's words in a plain message */

static void localize(const char *);
static void vdiag(const char *, size_t, const char *, va_list);
static void say(FILE *, const char *, size_t, const char *, va_list, int,
    int);

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

	if (!localized) {
		localized = 1;
		localize(argv0);
	}
	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	prog = slash != NULL ? slash + 1 : argv0;
}

/* Is path a directory? */
static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The catalogue's folder, the way the pipelines find their data: where
 * BAOCAO_LOCALEDIR says, else beside the program's file (from /proc, or
 * argv0 when it names one): locale/ in the build tree, ../share/locale
 * installed ($(PREFIX)/bin beside $(PREFIX)/share).  NULL leaves gettext
 * its own default.
 */
static const char *
locale_dir(const char *argv0, char *buf, size_t size)
{
	const char *env = getenv("BAOCAO_LOCALEDIR");
	char *slash;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return env;
	n = readlink("/proc/self/exe", buf, size - 1);
	if (n > 0)
		buf[n] = '\0';
	else if (argv0 != NULL && strchr(argv0, '/') != NULL &&
	    strlen(argv0) < size)
		strcpy(buf, argv0);
	else
		return NULL;
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	if ((size_t)(slash - buf) + sizeof("/../share/locale") > size)
		return NULL;
	strcpy(slash, "/locale");
	if (is_dir(buf))
		return buf;
	strcpy(slash, "/../share/locale");
	return buf;
}

/*
 * Messages in the locale's language: LC_MESSAGES, and LC_CTYPE, whose
 * character set the system's own messages (strerror) are given in; the
 * catalogue's are UTF-8 whatever it is, as everything baocao writes.
 * LC_NUMERIC and the rest stay C.
 */
static void
localize(const char *argv0)
{
	char buf[PATH_MAX];
	const char *dir;

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if ((dir = locale_dir(argv0, buf, sizeof(buf))) != NULL)
		bindtextdomain(DOMAIN, dir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
}

const char *
diag_text(const char *msgid)
{
	return dgettext(DOMAIN, msgid);
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
	FILE *out = capture;
	va_list again;

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
	if (capture != NULL && capture_plain != NULL) {
		va_copy(again, ap);
		say(capture_plain, file, line, fmt, again, saved, 1);
		va_end(again);
	}
	say(out, file, line, fmt, ap, saved, 0);
}

/*
 * One message to out, in the locale's words or, plain, in C's (the format
 * as written, strerror's English): the errno saved is said when the format
 * ends in ':'.
 */
static void
say(FILE *out, const char *file, size_t line, const char *fmt, va_list ap,
    int saved, int plain)
{
	const char *text = plain ? fmt : dgettext(DOMAIN, fmt);
	size_t n = strlen(fmt);

	fprintf(out, "%s: ", prog);
	if (file != NULL) {
		if (line > 0)
			fprintf(out, "%s:%zu: ", file, line);
		else
			fprintf(out, "%s: ", file);
	}
	vfprintf(out, text, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(out, " %s", plain && c_locale != (locale_t)0 ?
		    strerror_l(saved, c_locale) : strerror(saved));
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
vdie_at(int status, const char *file, size_t line, const char *fmt,
    va_list ap)
{
	vdiag(file, line, fmt, ap);
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
diag_capture(FILE *f, FILE *plain)
{
	capture = f;
	capture_plain = f != NULL ? plain : NULL;
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

void
vwarn_at(const char *file, size_t line, const char *fmt, va_list ap)
{
	vdiag(file, line, fmt, ap);
}
