/*
 * manifest: every file of a run given one status, on extract --docs rows
 * written here, resolved against the built-in gazetteer (Huyện Bình
 * Chánh is 785 and Quận 1 is 760 of province 79, Thành phố Hồ Chí Minh,
 * one of 22 district-level units in 2024: common/data/units_history.csv).
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

/* The columns extract --docs writes (filters/extract/docs.c). */
#define COLS "doc,path,sha256,issuer,body,doc_no,doc_date,period_text," \
	"title,places,figures,dropped,signed_by,signed_at,error,kind,reader," \
	"modified,figures_digest,notes"
#define HEAD COLS "\n"
/* The manifest's header: every input column, then its own. */
#define OUTHEAD COLS ",reporter_code,reporter_name,province_code,period," \
	"units_level,units_total,status,reason,run_province,run_province_by"
/* The columns after figures of a document read by reader rd, its file
 * time t and figures digest d: nothing dropped, no signature stamp, no
 * error, no kind, no notes. */
#define RD(rd, t, d) ",,,,,," rd "," t "," d ","
/* A report of Bình Chánh's People's Committee for the first quarter of
 * 2024: its issuer, body and number, then the fields from doc_date on. */
#define BC "UBND HUYỆN BÌNH CHÁNH,committee,12/BC-UBND,"
#define Q1 "15 tháng 3 năm 2024,quý I năm 2024,BÁO CÁO Kết quả công tác " \
	"dân vận quý I năm 2024,"
/* The columns the manifest adds to a report of Bình Chánh or Quận 1 for
 * 2024-Q1, up to its status; and the last two, the run's province, taken
 * as the one most reports are of. */
#define AT785 ",785,Huyện Bình Chánh,79,2024-Q1,district,22,"
#define AT760 ",760,Quận 1,79,2024-Q1,district,22,"
#define NOWHERE ",,,,,,,"
#define RUN ",79,most-reports"
/* A scan extract refused without --ocr, as it says so. */
#define SCAN(doc, path) doc "," path ",,,,,,,,,,,,," path ": no text layer " \
	"on 2 of its 2 pages: a scan (--ocr reads it),,,2024-03-16T10:00:00Z,,"

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
	fprintf(stderr, "files: %zu\n", files);
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

/* How many lines out has. */
static size_t
lines(const char *out)
{
	size_t n = 0;

	for (; *out != '\0'; out++)
		n += *out == '\n';
	return n;
}

/* A copy of a.docx (named so: kept is the one without "(1)"), its signed
 * PDF (one report in two forms: read once, from the .docx), another
 * report of the unit under the same document name, and one row for each
 * kind of trouble a report can be in. */
#define R_COPY "a (1),r/a (1).docx,s1," BC Q1 ",12" \
	RD("docx", "2024-03-15T09:30:00Z", "3f0c2a9b7d1e4c56")
#define R_A "a,r/a.docx,s1," BC Q1 ",12" \
	RD("docx", "2024-03-15T09:00:00Z", "3f0c2a9b7d1e4c56")
#define R_PDF "a,r/a.pdf,s2," BC Q1 ",12,,UBND HUYỆN BÌNH CHÁNH," \
	"2024-03-15T16:02:11+07:00,,,pdf,2024-03-15T16:05:00Z," \
	"3f0c2a9b7d1e4c56,"
#define R_DRUG "a,r/a.txt,s3,UBND HUYỆN BÌNH CHÁNH,committee,14/BC-UBND," \
	"20 tháng 3 năm 2024,quý I năm 2024,BÁO CÁO Công tác phòng chống " \
	"ma túy quý I năm 2024,,3" \
	RD("text", "2024-03-20T10:00:00Z", "8e21d0c4a97b3f10")
#define R_PLAN "d,r/d.txt,s4,UBND HUYỆN BÌNH CHÁNH,committee,55/KH-UBND," \
	"15 tháng 3 năm 2024,,KẾ HOẠCH Tổ chức hội nghị,,4" \
	RD("text", "2024-03-15T11:00:00Z", "5a7e0f3d2c1b9a88")
#define R_BARE "e,r/e.txt,s5,,,,,,,,0" RD("text", "2024-03-15T11:10:00Z", "")
#define R_NOISSUER "f,r/f.txt,s6,,committee,12/BC-UBND," Q1 ",2" \
	RD("text", "2024-03-15T11:20:00Z", "0b6d4e2f81c3a597")
#define R_NOPERIOD "g,r/g.txt,s7," BC "15 tháng 3 năm 2024,,BÁO CÁO Kết quả " \
	"công tác,,2" RD("text", "2024-03-15T11:30:00Z", "c4f2e8a1b6d03957")
#define R_NOFIG "h,r/h.txt,s8,UBND QUẬN 1,committee,3/BC-UBND," Q1 ",0" \
	RD("text", "2024-03-15T11:40:00Z", "")

static void
test_statuses(void)
{
	struct unit_run u;

	manifest(&u, HEAD R_COPY "\n" R_A "\n" R_PDF "\n" R_DRUG "\n"
	    SCAN("c", "r/c.pdf") "\n" R_PLAN "\n" R_BARE "\n" R_NOISSUER "\n"
	    R_NOPERIOD "\n" R_NOFIG "\n", RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(has_line(u.out, OUTHEAD));
	CHECK(lines(u.out) == 11);
	/* (a duplicate is not resolved: it is left as it is) */
	CHECK(has_line(u.out, R_COPY NOWHERE "duplicate,the same content as "
	    "'r/a.docx'" RUN));
	CHECK(has_line(u.out, R_A AT785 "ok," RUN));
	CHECK(has_line(u.out, R_PDF AT785 "same-report,\"the same report as "
	    "'r/a.docx' (the same number, date and figures) in its signed "
	    "form: that one is read\"" RUN));
	/* another subject: a report of its own, not a version of a.docx */
	CHECK(has_line(u.out, R_DRUG AT785 "name-clash,its document name is "
	    "taken by 'r/a.docx'" RUN));
	CHECK(has_line(u.out, SCAN("c", "r/c.pdf") NOWHERE "unreadable,"
	    "r/c.pdf: no text layer on 2 of its 2 pages: a scan (--ocr reads "
	    "it)" RUN));
	CHECK(has_line(u.out, R_PLAN NOWHERE "not-a-report,\"a 'KẾ HOẠCH Tổ "
	    "chức hội nghị', not a report\"" RUN));
	CHECK(has_line(u.out, R_BARE NOWHERE "not-a-report,\"no report header: "
	    "no issuer, number, date, title or period\"" RUN));
	CHECK(has_line(u.out, R_NOISSUER ",,,,2024-Q1,,,unresolved-issuer,"
	    "no issuer in the report" RUN));
	CHECK(has_line(u.out, R_NOPERIOD ",785,Huyện Bình Chánh,79,,,,"
	    "no-period,no period in the title" RUN));
	CHECK(has_line(u.out, R_NOFIG AT760 "no-figures,no figure found in it"
	    RUN));
	/* every file not ok named on stderr, in input order; six left out
	 * for trouble (name-clash, unreadable, two not-a-report,
	 * unresolved-issuer, no-period) */
	CHECK_STR(u.err,
	    "baocao-t: r/a (1).docx: duplicate: the same content as "
	    "'r/a.docx'\n"
	    "baocao-t: r/a.pdf: same-report: the same report as 'r/a.docx' "
	    "(the same number, date and figures) in its signed form: that one "
	    "is read\n"
	    "baocao-t: r/a.txt: name-clash: its document name is taken by "
	    "'r/a.docx'\n"
	    "baocao-t: r/c.pdf: no text layer on 2 of its 2 pages: a scan "
	    "(--ocr reads it) (unreadable: left out)\n"
	    "baocao-t: r/d.txt: not-a-report: a 'KẾ HOẠCH Tổ chức hội nghị', "
	    "not a report\n"
	    "baocao-t: r/e.txt: not-a-report: no report header: no issuer, "
	    "number, date, title or period\n"
	    "baocao-t: r/f.txt: unresolved-issuer: no issuer in the report\n"
	    "baocao-t: r/g.txt: no-period: no period in the title\n"
	    "baocao-t: r/h.txt: no-figures: no figure found in it\n"
	    "left out: 6\n"
	    "files: 10\n");
	unit_done(&u);
}

/* An archive has a row, and each file in it one; an archive inside it is
 * not opened: unreadable, and its warning names it. */
static void
test_archive(void)
{
	static const char docs[] = HEAD
	    "q1.zip,r/q1.zip,s9,,,,,,,,,,,,,archive,,2024-03-20T10:00:00Z,,\n"
	    "q1.zip/cu.zip,r/q1.zip/cu.zip,,,,,,,,,,,,,an archive inside an "
	    "archive: not opened (unpack it),,,2024-03-20T10:00:00Z,,\n"
	    "q1.zip/a,r/q1.zip/a.docx,s1," BC Q1 ",12"
	    RD("docx", "2024-03-15T09:00:00Z", "3f0c2a9b7d1e4c56") "\n";
	struct unit_run u;
	int named;

	manifest(&u, docs, RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(lines(u.out) == 4);
	CHECK(has_line(u.out, "q1.zip,r/q1.zip,s9,,,,,,,,,,,,,archive,,"
	    "2024-03-20T10:00:00Z,," NOWHERE "archive,\"an archive of 2 files, "
	    "each listed as 'r/q1.zip/...'\"" RUN));
	CHECK(has_line(u.out, "q1.zip/cu.zip,r/q1.zip/cu.zip,,,,,,,,,,,,,an "
	    "archive inside an archive: not opened (unpack it),,,"
	    "2024-03-20T10:00:00Z,," NOWHERE "unreadable,an archive inside an "
	    "archive: not opened (unpack it)" RUN));
	CHECK(has_line(u.out, "q1.zip/a,r/q1.zip/a.docx,s1," BC Q1 ",12"
	    RD("docx", "2024-03-15T09:00:00Z", "3f0c2a9b7d1e4c56") AT785 "ok,"
	    RUN));
	CHECK(strstr(u.err, "baocao-t: r/q1.zip: archive: an archive of 2 "
	    "files, each listed as 'r/q1.zip/...'\n") != NULL);
	CHECK(strstr(u.err, "left out: 1\n") != NULL);
	named = strstr(u.err, "baocao-t: r/q1.zip/cu.zip: an archive inside "
	    "an archive: not opened (unpack it) (unreadable: left out)\n") !=
	    NULL;
	unit_done(&u);
	CHECK(named);
}

/* A resend for the same reporter, period and subject: the later date
 * wins; with both, both stay; with error, it is an error naming both. */
#define R_Q "q,r/q.txt,s1,UBND QUẬN 1,committee,7/BC-UBND,20 tháng 3 năm " \
	"2024,quý I năm 2024,BÁO CÁO bổ sung Kết quả quý I năm 2024,,5" \
	RD("text", "2024-03-20T08:00:00Z", "00000000000000b7")
#define R_P "p,r/p.txt,s2,UBND QUẬN 1,committee,5/BC-UBND,10 tháng 3 năm " \
	"2024,quý I năm 2024,BÁO CÁO Kết quả quý I năm 2024,,5" \
	RD("text", "2024-03-10T08:00:00Z", "00000000000000b5")
#define R_O "o,r/o.txt,s3,UBND QUẬN 1,committee,9/BC-UBND,1 tháng 4 năm " \
	"2024,quý I năm 2024,BÁO CÁO Công tác phòng chống ma túy quý I năm " \
	"2024,,5" RD("text", "2024-04-01T08:00:00Z", "00000000000000b9")

static void
test_resends(void)
{
	static const char docs[] = HEAD R_Q "\n" R_P "\n" R_O "\n";
	struct unit_run u;

	manifest(&u, docs, RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(lines(u.out) == 4);
	CHECK(has_line(u.out, R_Q AT760 "ok," RUN));
	CHECK(has_line(u.out, R_P AT760 "superseded,\"resent: 'r/q.txt' "
	    "replaces it: dated 2024-03-20, after 2024-03-10\"" RUN));
	/* another subject is another report */
	CHECK(has_line(u.out, R_O AT760 "ok," RUN));
	CHECK_STR(u.err, "baocao-t: r/p.txt: superseded: resent: 'r/q.txt' "
	    "replaces it: dated 2024-03-20, after 2024-03-10\n"
	    "left out: 0\nfiles: 3\n");
	unit_done(&u);
	manifest(&u, docs, RESENDS_BOTH, 0);
	CHECK(u.status == 0);
	CHECK(lines(u.out) == 4);
	CHECK(has_line(u.out, R_Q AT760 "ok," RUN));
	CHECK(has_line(u.out, R_P AT760 "ok," RUN));
	CHECK(has_line(u.out, R_O AT760 "ok," RUN));
	CHECK_STR(u.err, "left out: 0\nfiles: 3\n");
	unit_done(&u);
	manifest(&u, docs, RESENDS_ERROR, 0);
	CHECK(u.status == 2);
	CHECK_STR(u.err, "baocao-t: r/q.txt: r/p.txt: another report of 760 "
	    "for 2024-Q1 (--resends error)\n");
	CHECK_STR(u.out, "");
	unit_done(&u);
	CHECK(manifest_resends("latest") == RESENDS_LATEST);
	CHECK(manifest_resends("both") == RESENDS_BOTH);
	CHECK(manifest_resends("error") == RESENDS_ERROR);
	CHECK(manifest_resends("Latest") == -1);
	CHECK(manifest_resends("") == -1);
}

/* Two versions of one date and number, with nothing in title or name
 * that says which was sent again: the later file time decides, and
 * without one, neither is summed (whichever comes first). */
#define R_X(t) "x,r/x.txt,s1,UBND QUẬN 1,committee,5/BC-UBND,10 tháng 3 năm " \
	"2024,quý I năm 2024,BÁO CÁO Kết quả quý I năm 2024,,5" \
	RD("text", t, "00000000000000c5")
#define R_Y(t) "y,r/y.txt,s2,UBND QUẬN 1,committee,5/BC-UBND,10 tháng 3 năm " \
	"2024,quý I năm 2024,BÁO CÁO Kết quả quý I năm 2024,,6" \
	RD("text", t, "00000000000000c6")
#define AMBIGUOUS(other) "ambiguous-resend,\"two versions of one report: " \
	"this and '" other "' are of one unit, period and subject, and " \
	"nothing says which is the later (date, number, the words of a " \
	"resend, file time): neither is summed; take the wrong one out of " \
	"the folder, or -r both\""

static void
test_ambiguous_resend(void)
{
	struct unit_run u;

	manifest(&u, HEAD R_X("2024-03-10T08:00:00Z") "\n"
	    R_Y("2024-03-10T08:00:00Z") "\n", RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(lines(u.out) == 3);
	CHECK(has_line(u.out, R_X("2024-03-10T08:00:00Z") AT760
	    AMBIGUOUS("r/y.txt") RUN));
	CHECK(has_line(u.out, R_Y("2024-03-10T08:00:00Z") AT760
	    AMBIGUOUS("r/x.txt") RUN));
	CHECK(strstr(u.err, "left out: 2\n") != NULL);
	unit_done(&u);
	/* the other order: the same */
	manifest(&u, HEAD R_Y("2024-03-10T08:00:00Z") "\n"
	    R_X("2024-03-10T08:00:00Z") "\n", RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(has_line(u.out, R_X("2024-03-10T08:00:00Z") AT760
	    AMBIGUOUS("r/y.txt") RUN));
	CHECK(has_line(u.out, R_Y("2024-03-10T08:00:00Z") AT760
	    AMBIGUOUS("r/x.txt") RUN));
	CHECK(strstr(u.err, "left out: 2\n") != NULL);
	unit_done(&u);
	/* y's file is the later: it replaces x, x listed first or not */
	manifest(&u, HEAD R_X("2024-03-10T08:00:00Z") "\n"
	    R_Y("2024-03-11T08:00:00Z") "\n", RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(has_line(u.out, R_X("2024-03-10T08:00:00Z") AT760 "superseded,"
	    "\"resent: 'r/y.txt' replaces it: the same date and number, and a "
	    "later file time (2024-03-11T08:00:00Z, after "
	    "2024-03-10T08:00:00Z)\"" RUN));
	CHECK(has_line(u.out, R_Y("2024-03-11T08:00:00Z") AT760 "ok," RUN));
	CHECK(strstr(u.err, "left out: 0\n") != NULL);
	unit_done(&u);
}

static void
test_summary(void)
{
	struct unit_run u;

	manifest(&u, HEAD
	    "a,r/a.txt,s1," BC Q1 ",12" RD("text", "2024-03-15T09:00:00Z",
	    "3f0c2a9b7d1e4c56") "\n"
	    R_NOFIG "\n"
	    SCAN("scans/c", "r/scans/c.pdf") "\n", RESENDS_LATEST, 1);
	CHECK(u.status == 0);
	CHECK(lines(u.out) == 4);
	CHECK_STR(u.err,
	    "baocao-t: r/h.txt: no-figures: no figure found in it\n"
	    "baocao-t: r/scans/c.pdf: no text layer on 2 of its 2 pages: a "
	    "scan (--ocr reads it) (unreadable: left out)\n"
	    "baocao-t: files: 3 (1 ok, 1 no-figures, 1 unreadable)\n"
	    "baocao-t: province 79 (Thành phố Hồ Chí Minh) was not given (-p): "
	    "taken as the one most reports are of, 2 of 2\n"
	    "baocao-t: folders read: 2 ('r', 'r/scans')\n"
	    "baocao-t: files left out for trouble: 1\n"
	    "baocao-t: coverage 79 2024-Q1: 2 of 22 district-level units\n"
	    "left out: 1\n"
	    "files: 3\n");
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
	manifest(&u, COLS ",status\n", RESENDS_LATEST, 0);
	CHECK(u.status == 2);
	CHECK_STR(u.err, "baocao-t: input column 'status' would clash with an "
	    "output column\n");
	CHECK_STR(u.out, "");
	unit_done(&u);
	/* a header alone: the header out, nothing left out */
	manifest(&u, HEAD, RESENDS_LATEST, 1);
	CHECK(u.status == 0);
	CHECK_STR(u.out, OUTHEAD "\n");
	CHECK_STR(u.err, "baocao-t: files: 0 ()\n"
	    "baocao-t: files left out for trouble: 0\n"
	    "left out: 0\nfiles: 0\n");
	unit_done(&u);
	/* the columns after error are read when there: without them, a
	 * report is still one */
	manifest(&u, "doc,path,sha256,issuer,doc_no,doc_date,period_text,"
	    "title,places,figures,error\n"
	    "a,r/a.txt,s1,UBND HUYỆN BÌNH CHÁNH,12/BC-UBND," Q1 ",12,\n",
	    RESENDS_LATEST, 0);
	CHECK(u.status == 0);
	CHECK(has_line(u.out, "a,r/a.txt,s1,UBND HUYỆN BÌNH CHÁNH,12/BC-UBND,"
	    Q1 ",12," AT785 "ok," RUN));
	CHECK_STR(u.err, "left out: 0\nfiles: 1\n");
	unit_done(&u);
}

void
test_manifest(void)
{
	g = gaz_load(NULL);
	test_statuses();
	test_archive();
	test_resends();
	test_ambiguous_resend();
	test_summary();
	test_bad_input();
	gaz_free(g);
	remove("docs.csv");
}
