/*
 * diag: the one place that writes diagnostics.
 *
 * Every message has the form "baocao-x: [file:line: ]message"; a format
 * ending in ':' gets ": strerror(errno)" appended.  The die functions take
 * the exit status (2 for every kind of trouble, see README "Exit status").
 *
 * Messages are in the language of the user's locale: the format is looked
 * up in the catalogue of the text domain "baocao" (gettext; English, the
 * format itself, when there is no translation or the locale is C) before
 * it is filled in, so a call site writes its English format and nothing
 * else.  A translation keeps the conversions in their order and a final
 * ':' (msgfmt --check holds it to that).  The catalogue is found in
 * BAOCAO_LOCALEDIR, else beside the program: locale/ in a build tree,
 * ../share/locale when installed.
 */
#ifndef BAOCAO_DIAG_H
#define BAOCAO_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Names the program (argv0's last component; NULL keeps the name) and,
 * the first time only, takes the locale's language for messages
 * (LC_MESSAGES, and LC_CTYPE for the system's own words such as
 * strerror's; LC_NUMERIC stays C: numbers are read and written alike in
 * every locale).
 */
void diag_init(const char *argv0);
const char *diag_prog(void);
/*
 * The translation of an English text of a message (the text itself when
 * there is none): for the few words that reach stderr other than through
 * the formats below (a usage line, a --stats label).  Marks a string for
 * the catalogue, too; N_() marks one that is translated elsewhere.
 */
const char *diag_text(const char *msgid) __attribute__((format_arg(1)));
#define N_(s) (s)

_Noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
_Noreturn void die_at(int status, const char *file, size_t line,
	const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warn_at(const char *file, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* die_at and warn_at for a function that takes a format of its own. */
_Noreturn void vdie_at(int status, const char *file, size_t line,
	const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
void vwarn_at(const char *file, size_t line, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/*
 * A value quoted in a message is at most DIAG_QUOTE_MAX bytes of it, cut
 * on a UTF-8 character boundary, with "..." when it was longer:
 *
 *	warn("raw '%.*s%s' is not a figure", DIAG_QUOTE(p, n));
 *
 * (a 5-million-digit "figure" is named by its first digits, not echoed).
 */
#define DIAG_QUOTE_MAX 60
#define DIAG_QUOTE(p, n) (int)diag_quote_len((p), (n)), (p), \
	((n) > DIAG_QUOTE_MAX ? "..." : "")
size_t diag_quote_len(const char *p, size_t n);

/*
 * While jb is not NULL, die() and die_at() longjmp to jb (with the status)
 * instead of exiting, so one bad input does not end the run: the fuzz
 * harnesses, and extract --docs for each document (whoever catches frees
 * what the work it stopped had allocated).  diag_quiet() silences
 * diagnostics (warnings go unseen; fuzzing only).
 */
#include <setjmp.h>
void diag_catch(jmp_buf *jb);
void diag_quiet(void);
/*
 * While f is not NULL, diagnostics are written to f instead of stderr
 * (extract --docs holds a document's back until it knows whether the
 * document could be read).  Use it under diag_catch: a die() it caught
 * not, ending the program, would end it without a word.  While plain is
 * not NULL too, each one is also written there untranslated, as in the C
 * locale: words that go into a CSV column (a report's reason) are the
 * same in every locale.
 */
void diag_capture(FILE *f, FILE *plain);

/* A bug in baocao, never a consequence of bad input. */
#define internal_error(msg) \
	die(2, "internal error at %s:%d: %s", __FILE__, __LINE__, (msg))

#endif
