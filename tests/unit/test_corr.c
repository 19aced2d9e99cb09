/*
 * corr: an analyst's corrections, keyed by report, line and the figure as
 * written (or its value), applied to facts built here; every bad row an
 * error naming file and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corr.h"
#include "diag.h"
#include "facts.h"
#include "lex.h"
#include "unit.h"
#include "xalloc.h"

static struct lex *lx;

#define HEAD "report,line,raw,indicator,value,scope,occurrence,note\n"

static void
load_bad(void *arg)
{
	(void)arg;
	corr_free(corr_load("c.csv", lx));
}

/* Loading the corrections file rows: status 2 and what was said. */
static void
bad(const char *rows, const char *want)
{
	struct unit_run r;

	unit_write("c.csv", rows);
	unit_fork(&r, load_bad, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, want);
	CHECK_STR(r.out, "");
	unit_done(&r);
}

static void
test_load_errors(void)
{
	bad(HEAD "q1,12,2.198,nonsense.id,,,,\n",
	    "baocao-t: c.csv:2: unknown indicator 'nonsense.id'\n");
	bad(HEAD "q1,12,2.198,,\"2.198,5\",,,\n",
	    "baocao-t: c.csv:2: value '2.198,5' is not a decimal (write 1642 "
	    "or 99.5)\n");
	bad(HEAD "q1,12,2.198,,,whole,,\n",
	    "baocao-t: c.csv:2: scope 'whole' is not reporter, sub, table-row "
	    "or table-total\n");
	bad(HEAD "q1,0,2.198,drop,,,,\n",
	    "baocao-t: c.csv:2: line '0' is not a number from 1 to 1000000000\n");
	bad(HEAD "q1,,2.198,drop,,,,\n",
	    "baocao-t: c.csv:2: line '' is not a number from 1 to 1000000000\n");
	bad(HEAD "q1,12a,2.198,drop,,,,\n",
	    "baocao-t: c.csv:2: line '12a' is not a number from 1 to "
	    "1000000000\n");
	bad(HEAD "q1,1000000001,2.198,drop,,,,\n",
	    "baocao-t: c.csv:2: line '1000000001' is not a number from 1 to "
	    "1000000000\n");
	bad(HEAD "q1,99999999999999999999999,2.198,drop,,,,\n",
	    "baocao-t: c.csv:2: line '99999999999999999999999' is not a number "
	    "from 1 to 1000000000\n");
	bad(HEAD "q1,12,2.198,drop,,,0,\n",
	    "baocao-t: c.csv:2: occurrence '0' is not a number from 1 to "
	    "1000000000\n");
	bad(HEAD "q1,12,2.198,,,,,a note alone\n",
	    "baocao-t: c.csv:2: the correction says nothing: give an indicator, "
	    "a value, a scope or 'drop'\n");
	/* one figure, two rows: both lines named; occurrence 1 is the
	 * default, so an empty one is the same figure */
	bad(HEAD "q1,12,2.198,drop,,,,\n" "q1,13,2.198,drop,,,,\n"
	    "q1,12,2.198,,5,,1,\n",
	    "baocao-t: c.csv:4: the same figure as line 2 (report 'q1', line 12, "
	    "'2.198', occurrence 1): a figure has one correction\n");
	bad("report,line,indicator\nq1,12,drop\n",
	    "baocao-t: c.csv:1: column 'raw' missing\n");
}

/* A mention on line, written raw, of value val. */
static struct fact *
mention(struct facts *d, size_t line, const char *raw, const char *val)
{
	struct fact *f = facts_add(d);

	f->line = line;
	f->raw = xstrdup(raw);
	dec_parse(&f->value, val, strlen(val));
	f->scope = SCOPE_REPORTER;
	return f;
}

static const char *
value(const struct fact *f)
{
	static struct buf b;

	buf_clear(&b);
	dec_format(&f->value, &b);
	return b.p;
}

static void
test_apply(void)
{
	struct facts d = { 0 };
	const struct corr_fix *fx;
	struct corr *c;
	const struct lex_ind *rec = lex_find(lx, "dossiers.received",
	    strlen("dossiers.received"));
	char *said;
	size_t applied;

	unit_write("c.csv", HEAD
	    "q1,12,2.198,dossiers.received,,,,\n"	/* 2: as written */
	    "q1,12,40,,41,,,\n"			/* 3 */
	    "q1,20,5,drop,,,2,\n"			/* 4: the second '5' */
	    "reports/q1.txt,30,7,,,sub,,by path\n"	/* 5 */
	    "q1,31,1.642,,,reporter,,\n"		/* 6 */
	    "q1,40,12,drop,,,,\n"			/* 7: no such figure */
	    "q9,1,3,drop,,,,\n"			/* 8: another report */
	    "q1,11,2198,,2200,,,by value\n");		/* 9: '2.198' by value */
	c = corr_load("c.csv", lx);
	CHECK(corr_count(c) == 8);
	CHECK_STR(corr_file(c), "c.csv");

	d.lex = lx;
	mention(&d, 12, "2.198", "2198");		/* 0 */
	mention(&d, 12, "40", "40");			/* 1 */
	mention(&d, 20, "5", "5");			/* 2 */
	mention(&d, 20, "5", "5");			/* 3 */
	mention(&d, 30, "7", "7");			/* 4 */
	mention(&d, 31, "1.642", "1642");		/* 5 */
	mention(&d, 31, "1642", "1642");		/* 6 */
	mention(&d, 11, "2.198", "2198");		/* 7 */
	mention(&d, 13, "2.198", "2198");		/* 8: another line */
	unit_capture();
	applied = corr_apply(c, lx, "q1", "reports/q1.txt", &d);
	said = unit_captured();
	CHECK(applied == 6);
	CHECK_STR(said, "");
	free(said);
	/* as written: the indicator, its unit, the flag and where from */
	CHECK(rec != NULL && d.f[0].ind == rec - lx->ind);
	CHECK_STR(d.f[0].unit_out, "dossier");
	CHECK(d.f[0].flags == 1u << FLAG_CORRECTED);
	CHECK(d.f[0].corr_file != NULL && d.f[0].corr_line == 2);
	CHECK_STR(value(&d.f[0]), "2198");
	/* a value; the rest kept */
	CHECK_STR(value(&d.f[1]), "41");
	CHECK(d.f[1].ind == -1 && d.f[1].corr_line == 3);
	/* the second '5' of line 20 dropped, not the first */
	CHECK(d.f[2].flags == 0);
	CHECK(d.f[3].flags == (1u << FLAG_CORRECTED | 1u << FLAG_DROPPED));
	/* by the report's path */
	CHECK(d.f[4].scope == SCOPE_SUB && d.f[4].corr_line == 5);
	/* raw "1.642" names the figure written so, not the other of that
	 * value */
	CHECK(d.f[5].corr_line == 6 && d.f[6].flags == 0);
	/* raw "2198", a plain number, names the figure of that value
	 * written "2.198" */
	CHECK_STR(value(&d.f[7]), "2200");
	CHECK(d.f[7].corr_line == 9);
	/* nothing on a line with no correction */
	CHECK(d.f[8].flags == 0);

	/* what matched nothing */
	unit_capture();
	CHECK(corr_warn_unapplied(c, 0) == 2);
	said = unit_captured();
	CHECK_STR(said,
	    "baocao-t: c.csv:7: no figure '12' on line 40 of report 'q1': "
	    "correction not applied\n"
	    "baocao-t: c.csv:8: report 'q9' is not in the input: correction "
	    "not applied\n");
	free(said);
	/* a share of a run says nothing of reports not in it */
	unit_capture();
	CHECK(corr_warn_unapplied(c, 1) == 1);
	said = unit_captured();
	CHECK(strstr(said, "q9") == NULL && strstr(said, "c.csv:7:") != NULL);
	free(said);
	unit_capture();
	corr_warn_unused(c);
	said = unit_captured();
	CHECK_STR(said,
	    "baocao-t: c.csv:7: no figure '12' on line 40 of report 'q1': "
	    "correction not applied\n"
	    "baocao-t: c.csv:8: no figure '3' on line 1 of report 'q9': "
	    "correction not applied\n");
	free(said);

	/* corr_find: by doc or path, the occurrence asked; marks used */
	fx = corr_find(c, "q9", NULL, 1, "3", 1);
	CHECK(fx != NULL && fx->csvline == 8 && fx->used);
	CHECK(corr_find(c, "q9", NULL, 1, "3", 2) == NULL);
	CHECK(corr_find(c, "q9", NULL, 2, "3", 1) == NULL);
	CHECK(corr_find(c, "other", "reports/q1.txt", 30, "7", 1) != NULL);
	CHECK(corr_find(c, "q1", NULL, 30, "7", 1) == NULL);

	/* the run's manifest: only an ok report is in */
	corr_run_report(c, "q1", "reports/q1.txt", "ok");
	corr_run_report(c, "q9", "reports/q9.txt", "duplicate");
	unit_capture();
	CHECK(corr_warn_run(c) == 1);
	said = unit_captured();
	CHECK_STR(said, "baocao-t: c.csv:8: report 'q9' is not read in this "
	    "run (duplicate): correction not applied\n");
	free(said);
	facts_free(&d);
	corr_free(c);
	corr_free(NULL);
}

/* A figure named both as written and by value: the first applies, the
 * second is said, with both lines, and not applied. */
static void
test_twice(void)
{
	struct facts d = { 0 };
	struct corr *c;
	char *said;

	unit_write("c.csv", HEAD "q2,5,1.642,,1700,,,\n" "q2,5,1642,drop,,,,\n");
	c = corr_load("c.csv", lx);
	d.lex = lx;
	mention(&d, 5, "1.642", "1642");
	unit_capture();
	CHECK(corr_apply(c, lx, "q2", NULL, &d) == 1);
	said = unit_captured();
	CHECK_STR(said, "baocao-t: c.csv:3: the figure '1.642' on line 5 of "
	    "report 'q2' is corrected by line 2 already: correction not "
	    "applied\n");
	free(said);
	CHECK_STR(value(&d.f[0]), "1700");
	CHECK((d.f[0].flags & 1u << FLAG_DROPPED) == 0);
	/* and it is not said again as matching nothing */
	unit_capture();
	CHECK(corr_warn_unapplied(c, 0) == 0);
	free(unit_captured());
	/* a report not in the run at all */
	unit_capture();
	CHECK(corr_warn_run(c) == 2);
	said = unit_captured();
	CHECK(strstr(said, "baocao-t: c.csv:2: report 'q2' is not in this run: "
	    "correction not applied\n") != NULL);
	free(said);
	facts_free(&d);
	corr_free(c);
}

/* A header alone: no correction, nothing said. */
static void
test_empty(void)
{
	struct corr *c;

	unit_write("c.csv", HEAD);
	c = corr_load("c.csv", lx);
	CHECK(corr_count(c) == 0);
	unit_capture();
	CHECK(corr_warn_unapplied(c, 0) == 0 && corr_warn_run(c) == 0);
	free(unit_captured());
	corr_free(c);
}

void
test_corr(void)
{
	lx = lex_load(NULL);
	test_load_errors();
	test_apply();
	test_twice();
	test_empty();
	lex_free(lx);
	remove("c.csv");
}
