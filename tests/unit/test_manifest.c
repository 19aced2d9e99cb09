/*
 * manifest: every report of a run given one status, on extract --docs
 * rows written here, resolved against the built-in gazetteer (Huyện Bình
 * Chánh is 785 and Quận 1 is 760 of province 79, one of 22 district-level
 * units in 2024: common/data/units_history.csv).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"
#include "csvout.h"
#include "diag.h"
#include "gaz.h"
#include "manifest.h"
#include "unit.h"

#define HEAD "doc,path,sha256,issuer,doc_no,doc_date,period_text,title," \
	"places,figures,error\n"
/* A report of Bình Chánh for the first quarter of 2024, then the fields
 * from doc_date on. */
#define BC "UBND HUYỆN BÌNH CHÁNH,12/BC-UBND,"
#define Q1 "15 tháng 3 năm 2024,quý I năm 2024,BÁO CÁO Kết quả công tác " \
	"dân vận quý I năm 2024,"

static struct gaz *g;

struct run {
	const char *in;
	struct manifest_opts o;
	size_t bad;
};

static void
run_child(void *arg)
{
	struct run *r = arg;
	char *paths[] = { "docs.csv" };
	struct csvin *in;
	struct csvout *out;
	size_t files = 0;

	unit_write("docs.csv", r->in);
	in = csvin_open(paths, 1);
	out = csvout_open(STDOUT_FILENO, 0);
	r->bad = manifest_run(in, out, g, &r->o, &files);
	csvout_close(out);
	csvin_close(in);
	fprintf(stderr, "left out: %zu\n", r->bad);
}

/* Runs the manifest on docs rows in a child; its output and messages. */
static void
manifest(struct unit_run *u, const char *docs, enum resends resends,
    int summary)
{
	struct run r;

	memset(&r, 0, sizeof(r));
	r.in = docs;
	r.o.resends = resends;
	r.o.summary = summary;
	unit_fork(u, run_child, &r);
}

/* Does out hold line (a whole line)? */
static int
has_line(const char *out, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = out; (p = strstr(p, line)) != NULL; p++)
		if ((p == out || p[-1] == '\n') && p[n] == '\n')
			return 1;
	return 0;
}

static void
test_statuses(void)
{
	struct unit_run u;

	manifest(&u, HEAD
	    "a,r/a.txt,s1," BC Q1 ",12,\n"
	    "b,r/b.txt,s1," BC Q1 ",12,\n"			/* same content */
	    "a,r/x/a.txt,s2," BC Q1 ",3,\n"			/* same name */
	    "c,r/c.pdf,s3,,,,,,,0,a scan: run with --ocr\n"
	    "d,r/d.txt,s4,UBND HUYỆN BÌNH CHÁNH,55/KH-UBND,15 tháng 3 năm 2024,"
	    ",KẾ HOẠCH Tổ chức hội nghị,,4,\n"
	    "e,r/e.txt,s5,,,,,,,0,\n"
	    "f,r/f.txt,s6,,12/BC-UBND," Q1 ",2,\n"
	    "g,r/g.txt,s7," BC "15 tháng 3 năm 2024,,BÁO CÁO Kết quả công tác,"
	    ",2,\n"
	    "h,r/h.txt,s8,UBND QUẬN 1,3/BC-UBND," Q1 ",0,\n", RESENDS_LATEST,
	    0);
	CHECK(u.status == 0);
	CHECK(has_line(u.out, "doc,path,sha256,issuer,doc_no,doc_date,"
	    "period_text,title,places,figures,error,reporter_code,"
	    "reporter_name,province_code,period,units_level,units_total,"
	    "status,reason"));
	CHECK(has_line(u.out, "a,r/a.txt,s1," BC Q1 ",12,,785,Huyện Bình "
	    "Chánh,79,2024-Q1,district,22,ok,"));
	/* (a duplicate is not resolved: it is left as it is) */
	CHECK(has_line(u.out, "b,r/b.txt,s1," BC Q1 ",12,,,,,,,,duplicate,"
	    "the same content as 'r/a.txt'"));
	CHECK(has_line(u.out, "a,r/x/a.txt,s2," BC Q1 ",3,,,,,,,,name-clash,"
	    "its document name is taken by 'r/a.txt'"));
	CHECK(has_line(u.out, "c,r/c.pdf,s3,,,,,,,0,a scan: run with --ocr,,,,"
	    ",,,unreadable,a scan: run with --ocr"));
	CHECK(has_line(u.out, "d,r/d.txt,s4,UBND HUYỆN BÌNH CHÁNH,55/KH-UBND,"
	    "15 tháng 3 năm 2024,,KẾ HOẠCH Tổ chức hội nghị,,4,,,,,,,,"
	    "not-a-report,\"a 'KẾ HOẠCH Tổ chức hội nghị', not a report\""));
	CHECK(has_line(u.out, "e,r/e.txt,s5,,,,,,,0,,,,,,,,not-a-report,"
	    "\"no report header: no issuer, number, date, title or period\""));
	CHECK(has_line(u.out, "f,r/f.txt,s6,,12/BC-UBND," Q1 ",2,,,,,2024-Q1,"
	    ",,unresolved-issuer,no issuer in the report"));
	CHECK(has_line(u.out, "g,r/g.txt,s7," BC "15 tháng 3 năm 2024,,"
	    "BÁO CÁO Kết quả công tác,,2,,785,Huyện Bình Chánh,79,,,,"
	    "no-period,no period in the title"));
	CHECK(has_line(u.out, "h,r/h.txt,s8,UBND QUẬN 1,3/BC-UBND," Q1 ",0,,"
	    "760,Quận 1,79,2024-Q1,district,22,no-figures,no figure found in "
	    "it"));
	/* every report not ok named on stderr; six left out for trouble */
	CHECK(strstr(u.err, "baocao-t: r/b.txt: duplicate: the same content "
	    "as 'r/a.txt'\n") != NULL);
	CHECK(strstr(u.err, "baocao-t: a scan: run with --ocr (unreadable: "
	    "left out)\n") != NULL);
	CHECK(strstr(u.err, "baocao-t: r/g.txt: no-period: no period in the "
	    "title\n") != NULL);
	CHECK(strstr(u.err, "r/a.txt:") == NULL);
	CHECK(strstr(u.err, "left out: 6\n") != NULL);
	unit_done(&u);
}

/* A resend for the same reporter, period and subject: the later date
 * wins; with both, both stay; with error, it is an error naming both. */
static void
test_resends(void)
{
	static const char docs[] = HEAD
	    "q,r/q.txt,s1,UBND QUẬN 1,7/BC-UBND,20 tháng 3 năm 2024,"
	    "quý I năm 2024,BÁO CÁO bổ sung Kết quả quý I năm 2024,,5,\n"
	    "p,r/p.txt,s2,UBND QUẬN 1,5/BC-UBND,10 tháng 3 năm 2024,"
	    "quý I năm 2024,BÁO CÁO Kết quả quý I năm 2024,,5,\n"
	    "o,r/o.txt,s3,UBND QUẬN 1,9/BC-UBND,1 tháng 4 năm 2024,"
	    "quý I năm 2024,BÁO CÁO Công tác phòng chống ma túy quý I năm 2024,"
	    ",5,\n";
	struct unit_run u;

	manifest(&u, docs, RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(strstr(u.out, ",760,Quận 1,79,2024-Q1,district,22,ok,\np,") !=
	    NULL);
	CHECK(has_line(u.out, "p,r/p.txt,s2,UBND QUẬN 1,5/BC-UBND,10 tháng 3 "
	    "năm 2024,quý I năm 2024,BÁO CÁO Kết quả quý I năm 2024,,5,,760,"
	    "Quận 1,79,2024-Q1,district,22,superseded,resent: 'r/q.txt' "
	    "(dated 2024-03-20) replaces it"));
	/* another subject is another report */
	CHECK(strstr(u.out, "ma túy quý I năm 2024,,5,,760,Quận 1,79,2024-Q1,"
	    "district,22,ok,\n") != NULL);
	CHECK(strstr(u.err, "left out: 0\n") != NULL);
	unit_done(&u);
	manifest(&u, docs, RESENDS_BOTH, 0);
	CHECK(u.status == 0 && strstr(u.out, "superseded") == NULL);
	unit_done(&u);
	manifest(&u, docs, RESENDS_ERROR, 0);
	CHECK(u.status == 2);
	CHECK_STR(u.err, "baocao-t: r/p.txt: r/q.txt: another report of 760 "
	    "for 2024-Q1 (--resends error)\n");
	unit_done(&u);
	CHECK(manifest_resends("latest") == RESENDS_LATEST);
	CHECK(manifest_resends("both") == RESENDS_BOTH);
	CHECK(manifest_resends("error") == RESENDS_ERROR);
	CHECK(manifest_resends("Latest") == -1);
	CHECK(manifest_resends("") == -1);
}

static void
test_summary(void)
{
	struct unit_run u;

	manifest(&u, HEAD
	    "a,r/a.txt,s1," BC Q1 ",12,\n"
	    "h,r/h.txt,s2,UBND QUẬN 1,3/BC-UBND," Q1 ",0,\n"
	    "c,r/c.pdf,s3,,,,,,,0,unreadable\n", RESENDS_LATEST, 1);
	CHECK(u.status == 0);
	CHECK(strstr(u.err, "baocao-t: reports: 3 (1 ok, 1 no-figures, "
	    "1 unreadable)\n" "baocao-t: reports left out: 1\n"
	    "baocao-t: coverage 79 2024-Q1: 2 of 22 district-level units\n") !=
	    NULL);
	unit_done(&u);
}

static void
test_bad_input(void)
{
	struct unit_run u;

	manifest(&u, "doc,path,sha256\na,r/a.txt,s1\n", RESENDS_LATEST, 0);
	CHECK(u.status == 2);
	CHECK_STR(u.err, "baocao-t: docs.csv:1: column 'issuer' missing\n");
	CHECK_STR(u.out, "");
	unit_done(&u);
	manifest(&u, "doc,path,sha256,issuer,doc_no,doc_date,period_text,title,"
	    "places,figures,error,status\n", RESENDS_LATEST, 0);
	CHECK(u.status == 2);
	CHECK_STR(u.err, "baocao-t: input column 'status' would clash with an "
	    "output column\n");
	unit_done(&u);
	/* a header alone: the header out, nothing left out */
	manifest(&u, HEAD, RESENDS_LATEST, 1);
	CHECK(u.status == 0);
	CHECK(has_line(u.out, "doc,path,sha256,issuer,doc_no,doc_date,"
	    "period_text,title,places,figures,error,reporter_code,"
	    "reporter_name,province_code,period,units_level,units_total,"
	    "status,reason"));
	CHECK(strstr(u.err, "baocao-t: reports: 0 ()\n") != NULL);
	CHECK(strstr(u.err, "left out: 0\n") != NULL);
	unit_done(&u);
}

void
test_manifest(void)
{
	g = gaz_load(NULL);
	test_statuses();
	test_resends();
	test_summary();
	test_bad_input();
	gaz_free(g);
	remove("docs.csv");
}
