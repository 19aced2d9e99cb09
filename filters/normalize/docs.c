/*
 * baocao-normalize --docs: extract --docs rows in, the run's manifest out
 * (common/manifest.h), with the lists, copies and counts its options ask
 * for.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "diag.h"
#include "gaz.h"
#include "lex.h"
#include "manifest.h"
#include "normalize.h"

/* --docs: the manifest of the run (see common/manifest.h). */
int
norm_docs(const struct opts *o, char **argv, int argc)
{
	struct manifest_opts m = o->m;
	struct gaz *g = norm_load_gazetteer(o);
	struct lex *lex = NULL;
	struct csvin *in;
	struct csvout *out;
	int cfd = -1, sfd = cli_open_out(o->stats_csv);
	struct count c[3] = { { "reports_left_out", 0 },
	    { "corrections_not_applied", 0 }, { "files", 0 } };
	size_t files;

	m.summary = o->stats;
	m.brief = o->brief;
	if (o->corrections != NULL) {
		lex = lex_load(o->rules);
		m.corr = corr_load(o->corrections, lex);
	}
	if (o->files0_to != NULL &&
	    (m.kept = fopen(o->files0_to, "w")) == NULL)
		die(2, "%s:", o->files0_to);
	if (o->province_to != NULL &&
	    (m.province_to = fopen(o->province_to, "w")) == NULL)
		die(2, "%s:", o->province_to);
	if ((cfd = cli_open_out(o->safe_copy)) != -1) {
		m.copy = csvout_open(cfd, 0);
		csvout_safe(m.copy);
	}
	in = csvin_open(argv, argc);
	out = csvout_open(STDOUT_FILENO, o->gzip);
	if (o->bom)
		csvout_bom(out);
	c[0].n = manifest_run(in, out, g, &m, &files);
	c[2].n = files;
	csvout_close(out);
	if (m.copy != NULL) {
		csvout_close(m.copy);
		if (close(cfd) == -1)
			die(2, "cannot write '%s':", o->safe_copy);
	}
	csvin_close(in);
	if (m.corr != NULL)
		c[1].n = corr_warn_run(m.corr);
	norm_write_stats_csv(sfd, o->stats_csv, c, 3);
	corr_free(m.corr);
	lex_free(lex);
	gaz_free(g);
	if (m.kept != NULL && fclose(m.kept) == EOF)
		die(2, "%s:", o->files0_to);
	if (m.province_to != NULL && fclose(m.province_to) == EOF)
		die(2, "%s:", o->province_to);
	return 0;
}
