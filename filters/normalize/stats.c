/*
 * baocao-normalize: the run's counts, on stderr (--stats) and as CSV for
 * a program to read (--stats-csv).
 */
#include <unistd.h>

#include "cli.h"
#include "csvin.h"
#include "csvout.h"
#include "diag.h"
#include "normalize.h"

void
norm_print_stats(const struct state *st)
{
	cli_stat("rows read", st->rows);
	cli_stat("rows written", st->written);
	cli_stat("dropped, no indicator", st->no_indicator);
	cli_stat("dropped, scope not reporter", st->not_reporter);
	cli_stat("dropped, indicator already given", st->duplicate);
	cli_stat("dropped, raw not a figure", st->bad_value);
	cli_stat("rows quarantined", csvin_bad_count(st->in));
	cli_stat("conflicting values reported", st->conflicts);
	cli_stat("corrections applied", st->corrected);
	if (st->corr != NULL)
		cli_stat("corrections not applied", st->unapplied);
}

void
norm_write_stats_csv(int fd, const char *path, const struct count *c, size_t n)
{
	struct csvout *o;
	size_t i;

	if (fd < 0)
		return;
	o = csvout_open(fd, 0);
	csvout_str(o, "stat");
	csvout_str(o, "count");
	csvout_end(o);
	for (i = 0; i < n; i++) {
		csvout_str(o, c[i].stat);
		csvout_ulong(o, c[i].n);
		csvout_end(o);
	}
	csvout_close(o);
	if (close(fd) == -1)
		die(2, "cannot write '%s':", path);
}

void
norm_stats_csv(const struct state *st, int fd)
{
	const struct count c[] = {
		{ "rows_read", st->rows },
		{ "rows_written", st->written },
		{ "dropped_no_indicator", st->no_indicator },
		{ "dropped_not_reporter", st->not_reporter },
		{ "dropped_indicator_given", st->duplicate },
		{ "dropped_not_a_figure", st->bad_value },
		{ "rows_quarantined", csvin_bad_count(st->in) },
		{ "conflicts", st->conflicts },
		{ "corrections_applied", st->corrected },
		{ "corrections_not_applied", st->unapplied },
	};

	norm_write_stats_csv(fd, st->o->stats_csv, c, sizeof(c) / sizeof(c[0]));
}
