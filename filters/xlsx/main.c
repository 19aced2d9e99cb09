/*
 * baocao-xlsx's command line: options, the workbook made in a temporary
 * file, then put in place atomically (or copied to stdout or a pipe).
 *
 * The filter writes the tables of the pipeline as one workbook, for the
 * analyst who opens a spreadsheet (through libxlsxwriter).
 *
 * Input: CSV tables, one per file ("-" is stdin), each known by its
 * columns:
 *   city table (baocao-aggregate: province_code,period,indicator,unit,
 *     units_covered,units_total, and value,how,ratio_num,ratio_den,flags,
 *     units_missing): a sheet per province and period, one row per
 *     indicator with its Vietnamese label and unit, the city figure, its
 *     coverage ("19/22") and how it was made (the labels of its codes:
 *     how.CODE, flag.NAME in labels.csv); with a units table (baocao-aggregate --units:
 *     ...,reporter_code,value,flags) one column per unit, by name, in
 *     natural order; the units that did not report below.
 *   findings (doc,line,rule,...,expected,actual,detail): sheet "Phát hiện".
 *   facts (baocao-normalize): sheet "Số liệu gốc", every fact with its
 *     evidence, its report's path (a link) and line, and its flags.
 *   documents (doc,path): where each report is, for the two above.
 *   any other table: a sheet of its own, as it is.
 * Numbers are written as numbers (a value of more than 15 significant
 * digits, which a spreadsheet cannot hold, as text, with a warning); a
 * derived figure is in italics.  Output: an xlsx file (-o FILE, replaced
 * atomically; else stdout, when it is not a terminal).
 */
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "gz.h"
#include "xalloc.h"
#include "xlsx.h"

#define SYNOPSIS "baocao-xlsx [-o FILE.xlsx] [--labels FILE] [--gazetteer FILE] [FILE ...]"

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Writes the tables of the pipeline as one workbook.  Each FILE is one\n"
"table, known by its columns: the city table (a sheet per period, with\n"
"the units' figures when the table of baocao-aggregate --units is given\n"
"too), findings (baocao-check, aggregate --findings), facts\n"
"(baocao-normalize), documents (doc,path); any other table gets a sheet\n"
"as it is.\n"
"\n"
"  -o, --output FILE   the workbook (default: stdout, when not a terminal)\n"
"      --labels FILE   indicator labels (default: built in)\n"
"      --gazetteer FILE  unit names (default: built in)\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_LABELS = CHAR_MAX + 1, OPT_GAZ };

static const struct option longopts[] = {
	{ "gazetteer", required_argument, NULL, OPT_GAZ },
	{ "help", no_argument, NULL, 'h' },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "output", required_argument, NULL, 'o' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int parse_opts(int, char *[], struct opts *);
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
		case OPT_GAZ:
			o->gazetteer = optarg;
			break;
		case OPT_LABELS:
			o->labels = optarg;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
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

static void
free_state(struct state *st)
{
	tables_free(st);
	free(st->width);
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
	st.gaz = gaz_load(o.gazetteer);
	tables_open(&st, argv + first, argc - first);
	special = o.out != NULL && stat(o.out, &sb) == 0 && !S_ISREG(sb.st_mode);
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
