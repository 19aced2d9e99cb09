/*
 * A tiny unit-test harness: CHECK records a failure with file and line and
 * goes on; the runner prints "N passed, N failed" and exits 1 on failure.
 */
#ifndef BAOCAO_UNIT_H
#define BAOCAO_UNIT_H

#include <string.h>

extern int unit_failed, unit_passed;
void unit_fail(const char *file, int line, const char *expr);

#define CHECK(e) do { if (e) unit_passed++; \
	else unit_fail(__FILE__, __LINE__, #e); } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	if (strcmp(a_, b_) == 0) unit_passed++; \
	else { unit_fail(__FILE__, __LINE__, #a " == " #b); \
	fprintf(stderr, "\tgot '%s', want '%s'\n", a_, b_); } } while (0)

void test_clause(void);
void test_clean(void);
void test_dec(void);
void test_fname(void);
void test_gaz(void);
void test_lib(void);
void test_derive(void);
void test_csv(void);
void test_gz(void);
void test_period(void);
void test_rows(void);
void test_sha256(void);
void test_stamps(void);
void test_utf8(void);
void test_vnum(void);

#endif
