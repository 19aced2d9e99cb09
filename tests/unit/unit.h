/*
 * A tiny unit-test harness: CHECK records a failure with file and line and
 * goes on; the runner prints "N passed, N failed" and exits 1 on failure.
 */
#ifndef BAOCAO_UNIT_H
#define BAOCAO_UNIT_H

#include <stdio.h>
#include <string.h>

extern int unit_failed, unit_passed, unit_skipped;
void unit_fail(const char *file, int line, const char *expr);
void unit_skip(const char *file, int line, const char *why);

#define CHECK(e) do { if (e) unit_passed++; \
	else unit_fail(__FILE__, __LINE__, #e); } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	if (a_ != NULL && strcmp(a_, b_) == 0) unit_passed++; \
	else { unit_fail(__FILE__, __LINE__, #a " == " #b); \
	fprintf(stderr, "\tgot '%s', want '%s'\n", \
	a_ == NULL ? "(null)" : a_, b_); } } while (0)
/* Skips the rest of a test function: a known bug, named (the test stays,
 * to be run again once it is fixed). */
#define SKIP(why) do { unit_skip(__FILE__, __LINE__, (why)); return; } \
	while (0)

/*
 * What a function did in a child process (unit_fork): how it ended, and
 * what it wrote on stdout and stderr (NUL-terminated; unit_done frees).
 * Code that ends the program (die, cli_help) is tested this way.
 */
struct unit_run {
	int status;	/* exit status; 128 + the signal that ended it */
	char *out, *err;
};

/* Runs fn(arg) in a child, with stdout and stderr kept in r; fn returning
 * is exit status 0. */
void unit_fork(struct unit_run *r, void (*fn)(void *), void *arg);
void unit_done(struct unit_run *r);
/* Writes text to a new file at path (a scratch directory is the current
 * one: make unit runs in one). */
void unit_write(const char *path, const char *text);

/* Between unit_capture and unit_captured the messages of diag go to a
 * scratch file instead of stderr; unit_captured returns them (the caller
 * frees the string). */
void unit_capture(void);
char *unit_captured(void);

void test_cli(void);
void test_clause(void);
void test_clean(void);
void test_corr(void);
void test_cover(void);
void test_dec(void);
void test_diag(void);
void test_facts(void);
void test_fname(void);
void test_gaz(void);
void test_gazidx(void);
void test_lib(void);
void test_derive(void);
void test_csv(void);
void test_gz(void);
void test_manifest(void);
void test_period(void);
void test_rows(void);
void test_sha256(void);
void test_stamps(void);
void test_utf8(void);
void test_vnlegacy(void);
void test_vnum(void);
void test_xalloc(void);

#endif
