/*
 * baocao-xlsx's command line: options, the workbook made in a temporary
 * file, then put in place atomically (or copied to stdout or a pipe); and
 * --period-name, the names of periods for the pipelines.
 *
 * The filter writes the tables of the pipeline as one workbook, for the
 * analyst who opens a spreadsheet and hands it on (through
 * libxlsxwriter).  Every word it prints comes from labels.csv.
 *
 * Input: CSV tables, one per file ("-" is stdin), each known by its
 * columns:
 *   city table (baocao-aggregate: province_code,period,indicator,unit,
 *     units_covered,units_total, and value,how,ratio_num,ratio_den,flags,
 *     units_missing): a sheet per province and period, the indicators by
 *     section (group.NAME in labels.csv), each with its label and unit,
 *     the city figure (how it was made in its note: how.CODE, flag.NAME),
 *     its coverage ("19/22"); figures covering fewer than half the units
 *     set apart; with a units table (baocao-aggregate --units:
 *     ...,reporter_code,value,flags) one column per unit, by name, in
 *     natural order; the units that did not report below, and those that
 *     sent a file that was left out.
 *   documents (doc,path; the manifest of city-summary -m, normalize
 *     --docs, adds status,reason,reporter_code,reporter_name,
 *     province_code,period,doc_no,doc_date): where each report is; with a
 *     status, sheet "Tệp báo cáo", every file with its status.
 *   findings (doc,line,rule,...,expected,actual,detail): sheet "Phát
 *     hiện", each rule by its Vietnamese label.
 *   facts (baocao-normalize): sheet "Số liệu gốc", every fact with its
 *     quote, its report (a link) and line, and its flags by their labels.
 *   any other table: a sheet of its own, as it is.
 * With a city table, facts or findings, sheet "Giải thích cờ" says what
 * each flag and rule means and what to do about it.
 * Numbers are written as numbers (a value of more than 15 significant
 * digits, which a spreadsheet cannot hold, as text, with a warning); a
 * derived figure is in italics; money is shown in millions of đồng, the
 * cell holding every đồng.  Links to the reports are relative to the
 * workbook's directory.  Every sheet prints landscape, one page wide,
 * its header row on every page.  Output: an xlsx file (-o FILE,
 * replaced atomically; else stdout, when it is not a terminal).
 */
#define _XOPEN_SOURCE 700	/* realpath */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "gz.h"
#include "xalloc.h"
#include "xlsx.h"

#define SYNOPSIS "baocao-xlsx [-o FILE.xlsx] [--base DIR] [--labels FILE] [--gazetteer FILE] [FILE ...]"
#define SYNOPSIS_NAMES "baocao-xlsx [--labels FILE] --period-name PERIOD ..."

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"       " SYNOPSIS_NAMES "\n"
"\n"
"Writes the tables of the pipeline as one workbook.  Each FILE is one\n"
"table, known by its columns: the city table (a sheet per period, with\n"
"the units' figures when the table of baocao-aggregate --units is given\n"
"too), the manifest (city-summary -m: a sheet of every file and its\n"
"status; doc,path alone: where the reports are), findings (baocao-check,\n"
"aggregate --findings), facts (baocao-normalize); any other table gets\n"
"a sheet as it is.\n"
"\n"
"  -o, --output FILE   the workbook (default: stdout, when not a terminal)\n"
"      --base DIR      links to the reports relative to DIR (default: the\n"
"                      workbook's directory, else the current one)\n"
"      --labels FILE   the labels (default: built in)\n"
"      --gazetteer FILE  unit names (default: built in)\n"
"      --period-name   print the Vietnamese name of each PERIOD, one a line\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_LABELS = CHAR_MAX + 1, OPT_GAZ, OPT_BASE, OPT_PERIOD };

static const struct option longopts[] = {
	{ "base", required_argument, NULL, OPT_BASE },
	{ "gazetteer", required_argument, NULL, OPT_GAZ },
	{ "help", no_argument, NULL, 'h' },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "output", required_argument, NULL, 'o' },
	{ "period-name", no_argument, NULL, OPT_PERIOD },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int parse_opts(int, char *[], struct opts *);
static char *base_dir(const struct opts *, int);
static void made_on(char[11]);
static void period_names(const struct labels *, char **, int);
static char *temp_file(const char *);
static void copy_out(const char *, int);
static void put_in_place(const struct opts *, char *, int);
static void free_state(struct state *);

/* Fills o from the command line; returns the index of the operands. */
static int
parse_opts(int argc, char *argv[], struct opts *o)
{
	int c;

	while ((c = getopt_long(argc, argv, "Vho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'o':
			o->out = optarg;
			break;
		case OPT_BASE:
			o->base = optarg;
			break;
		case OPT_GAZ:
			o->gazetteer = optarg;
			break;
		case OPT_LABELS:
			o->labels = optarg;
			break;
		case OPT_PERIOD:
			o->period_names = 1;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	if (o->period_names) {
		if (optind == argc || o->out != NULL || o->base != NULL)
			cli_usage_error(SYNOPSIS_NAMES);
		return optind;
	}
	if (o->out == NULL && isatty(STDOUT_FILENO))
		die(2, "a workbook is not text: give -o FILE.xlsx or redirect "
		    "the output");
	return optind;
}

/* A new file beside dest (or in TMPDIR), for the workbook to replace. */
static char *
temp_file(const char *dest)
{
	struct buf b = { 0 };
	const char *slash = dest != NULL ? strrchr(dest, '/') : NULL;
	const char *dir = getenv("TMPDIR");
	mode_t mask;
	int fd;

	if (dest != NULL)
		buf_printf(&b, "%.*s.baocao-xlsx.XXXXXX", slash == NULL ? 0 :
		    (int)(slash - dest + 1), dest);
	else
		buf_printf(&b, "%s/baocao-xlsx.XXXXXX", dir != NULL &&
		    *dir != '\0' ? dir : "/tmp");
	/* mkstemp makes it 0600; a workbook is a file like any other */
	mask = umask(0);
	umask(mask);
	if ((fd = mkstemp(b.p)) == -1 || fchmod(fd, 0666 & ~mask) == -1 ||
	    close(fd) == -1)
		die(2, "cannot write '%s':", dest != NULL ? dest : b.p);
	return b.p;
}

/* The finished workbook to fd (stdout, or a device or pipe given as -o). */
static void
copy_out(const char *path, int fd)
{
	struct gz_in *in = gz_open_in(path);
	struct gz_out *out = gz_open_out(fd, 0);
	char tmp[65536];
	size_t n;

	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0)
		gz_write(out, tmp, n);
	gz_close_in(in);
	if (unlink(path) == -1)
		die(2, "cannot remove '%s':", path);
	gz_out_finish(out);
}

/*
 * The directory the links start from, absolute: --base, else the
 * workbook's own (not that of a device or pipe it is written to), else
 * the current one.
 */
static char *
base_dir(const struct opts *o, int special)
{
	struct buf dir = { 0 };
	const char *slash;
	char *abs;

	if (o->base != NULL)
		buf_adds(&dir, o->base);
	else if (o->out != NULL && !special &&
	    (slash = strrchr(o->out, '/')) != NULL)
		buf_add(&dir, o->out, slash == o->out ? 1 :
		    (size_t)(slash - o->out));
	else
		buf_adds(&dir, ".");
	if ((abs = realpath(dir.p, NULL)) == NULL && o->base != NULL)
		die(2, "option '--base': '%s':", o->base);
	if (abs == NULL)
		die(2, "cannot write '%s':", o->out != NULL ? o->out : dir.p);
	buf_free(&dir);
	return abs;
}

/* The day the workbook is made, dd/mm/yyyy: SOURCE_DATE_EPOCH's (UTC),
 * for a reproducible workbook, else today's. */
static void
made_on(char out[11])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	time_t t;

	if (epoch != NULL && *epoch != '\0') {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(epoch, &end, 10);
		if (errno != 0 || *end != '\0' || v < 0)
			die(2, "SOURCE_DATE_EPOCH: '%s' is not a number of "
			    "seconds", epoch);
		t = (time_t)v;
		if (gmtime_r(&t, &tm) == NULL)
			die(2, "SOURCE_DATE_EPOCH: '%s' is out of range", epoch);
	} else {
		t = time(NULL);
		localtime_r(&t, &tm);
	}
	if (strftime(out, 11, "%d/%m/%Y", &tm) == 0)
		out[0] = '\0';
}

/* --period-name: each period's name on a line. */
static void
period_names(const struct labels *lab, char **periods, int n)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < n; i++) {
		buf_clear(&b);
		labels_period(lab, &b, periods[i]);
		buf_addc(&b, '\n');
		fwrite(b.p, 1, b.n, stdout);
	}
	buf_free(&b);
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0)
		die(2, "write error:");
}

static void
free_state(struct state *st)
{
	tables_free(st);
	free(st->width);
	free(st->base);
	buf_free(&st->tmp);
	labels_free(st->lab);
	gaz_free(st->gaz);
}

/* The finished workbook tmp to where -o says: renamed over a regular
 * file; copied to stdout, or to what is not a regular file (/dev/null, a
 * pipe), which is written to, never replaced. */
static void
put_in_place(const struct opts *o, char *tmp, int special)
{
	int fd;

	if (o->out == NULL)
		copy_out(tmp, STDOUT_FILENO);
	else if (special) {
		if ((fd = open(o->out, O_WRONLY | O_TRUNC)) == -1)
			die(2, "cannot write '%s':", o->out);
		copy_out(tmp, fd);
	} else if (rename(tmp, o->out) == -1)
		die(2, "cannot write '%s':", o->out);
	free(tmp);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	lxw_error e;
	struct stat sb;
	char *tmp;
	int first, special;

	diag_init(argv[0]);
	first = parse_opts(argc, argv, &o);
	st.o = &o;
	st.lab = labels_load(o.labels);
	if (o.period_names) {
		period_names(st.lab, argv + first, argc - first);
		labels_free(st.lab);
		return 0;
	}
	text_check(&st);
	st.gaz = gaz_load(o.gazetteer);
	tables_open(&st, argv + first, argc - first);
	special = o.out != NULL && stat(o.out, &sb) == 0 && !S_ISREG(sb.st_mode);
	st.base = base_dir(&o, special);
	made_on(st.date);
	tmp = temp_file(special ? NULL : o.out);
	if ((st.wb = workbook_new(tmp)) == NULL)
		die(2, "cannot make a workbook in '%s'", tmp);
	cells_formats(&st);
	sheets_write(&st);
	if ((e = workbook_close(st.wb)) != LXW_NO_ERROR) {
		unlink(tmp);
		die(2, "cannot write '%s': %s", o.out != NULL ? o.out : tmp,
		    lxw_strerror(e));
	}
	put_in_place(&o, tmp, special);
	free_state(&st);
	return 0;
}
