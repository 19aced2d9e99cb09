/*
 * baocao-normalize: a document's facts read, corrected, chosen and
 * written (see normalize.h): one row per fact kept by --scope, its
 * evidence quoted, a chosen figure whose indicator has other values said
 * on stderr; and the output's header.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corr.h"
#include "csvin.h"
#include "csvout.h"
#include "dec.h"
#include "diag.h"
#include "facts.h"
#include "normalize.h"
#include "utf8.h"

const char *const norm_outcols[NOUT] = { "doc", "reporter_code",
	"reporter_name", "province_code", "period", "indicator", "value", "unit",
	"scope", "qualifier", "line", "raw", "evidence", "flags", "reading" };

/* Evidence: which rule, and the words around the figure. */
/*
 * The quote: the clause around the figure in whole words, the figure in
 * brackets (a table cell: its row and column).  A correction says which
 * file and line made it.
 */
#define QUOTE_BEFORE 90		/* bytes of the clause before, at most */
#define QUOTE_AFTER 50		/* ... and after */

static void
evidence(const struct fact *f, struct buf *ev)
{
	buf_clear(ev);
	if (f->corr_file != NULL)
		buf_printf(ev, "corrected by %s:%zu: ", f->corr_file, f->corr_line);
	if (f->table) {
		buf_adds(ev, f->row);
		buf_adds(ev, " | ");
		buf_adds(ev, f->col);
	} else {
		size_t bn = strlen(f->before), an = strlen(f->after), b = 0, a;

		/* Whole words: the cut falls after a blank. */
		if (bn > QUOTE_BEFORE) {
			b = bn - QUOTE_BEFORE;
			while (b < bn && f->before[b] != ' ')
				b++;
			buf_adds(ev, "…");
		}
		buf_adds(ev, f->before + b);
		buf_addc(ev, '[');
		buf_adds(ev, f->raw);
		buf_adds(ev, "] ");
		buf_adds(ev, f->unit);
		a = an;
		if (an > QUOTE_AFTER) {
			a = u8_cut(f->after, an, QUOTE_AFTER);
			while (a > 0 && f->after[a] != ' ')
				a--;
		}
		buf_add(ev, f->after, a);
		if (a < an)
			buf_adds(ev, "…");
	}
	if (ev->p == NULL)
		buf_adds(ev, "");
}

static void
write_fact(struct state *st, const struct fact *f, enum fact_scope scope)
{
	struct docstate *d = &st->d;
	struct csvout *o = st->out;
	char **pass = f->user;
	size_t k;

	csvout_str(o, d->doc);
	csvout_str(o, d->code == NULL ? "" : d->code);
	csvout_str(o, d->name == NULL ? "" : d->name);
	csvout_str(o, d->province == NULL ? "" : d->province);
	csvout_str(o, d->period == NULL ? "" : d->period);
	csvout_str(o, f->ind < 0 ? "" : st->lex->ind[f->ind].id);
	buf_clear(&st->tmp);
	dec_format(&f->value, &st->tmp);
	csvout_field(o, st->tmp.p, st->tmp.n);
	csvout_str(o, f->unit_out);
	csvout_str(o, fact_scope_name[scope]);
	csvout_str(o, fact_qual_name[f->qual]);
	csvout_ulong(o, f->line);
	csvout_str(o, f->raw);
	evidence(f, &st->line);
	csvout_field(o, st->line.p, st->line.n);
	buf_clear(&st->tmp);
	facts_flags(f->flags, &st->tmp);
	csvout_field(o, st->tmp.p, st->tmp.n);
	buf_clear(&st->tmp);
	facts_reading(st->lex, f, &st->tmp);
	csvout_field(o, st->tmp.p, st->tmp.n);
	if (st->o->all) {
		csvout_str(o, f->chosen ? "1" : "0");
		csvout_str(o, fact_time_name[f->time]);
		csvout_str(o, f->whole ? "whole" : f->own ? "own" :
		    f->scope == SCOPE_SUB && f->lower ? "lower" : "");
		csvout_str(o, f->actor ? "1" : "0");
	}
	for (k = 0; k < st->npass; k++)
		csvout_str(o, pass[k]);
	csvout_end(o);
	st->written++;
}

/* The stderr word on a chosen figure whose indicator has other values. */
static void
report_conflict(struct state *st, const struct fact *f)
{
	const struct fact *o = &st->d.facts.f[f->conflict_with];
	struct buf a = { 0 }, b = { 0 };

	st->conflicts++;
	if (st->o->quiet)
		return;
	dec_format(&f->value, &a);
	dec_format(&o->value, &b);
	warn_at(st->d.path, f->line, "indicator %s: kept %s (%s); line %zu "
	    "says %s", st->lex->ind[f->ind].id, a.p,
	    diag_text(f->corr_file != NULL ? N_("corrected") : f->total ?
	    N_("stated as the total") : f->scope == SCOPE_TABLE_TOTAL ?
	    N_("appendix total") : N_("first mention")), o->line, b.p);
	buf_free(&a);
	buf_free(&b);
}

/* Is f written, and with which scope? -1: dropped (counted). */
static int
output_scope(struct state *st, const struct fact *f)
{
	if (st->o->all)
		return (int)f->scope;
	if (st->o->scopes != 0) {
		if (f->ind >= 0 && (st->o->scopes >> f->scope & 1))
			return (int)f->scope;
		st->not_reporter++;
		return -1;
	}
	if (f->chosen)
		return SCOPE_REPORTER;
	if (f->ind < 0)
		st->no_indicator++;
	else if (f->scope == SCOPE_REPORTER)
		st->duplicate++;
	else
		st->not_reporter++;
	return -1;
}

/* Reads and writes a finished document. */
void
norm_end_doc(struct state *st)
{
	struct docstate *d = &st->d;
	size_t i;

	d->facts.period = d->period;
	facts_read(&d->facts);
	if (st->corr != NULL)
		st->corrected += corr_apply(st->corr, st->lex, d->doc, d->path,
		    &d->facts);
	facts_choose(&d->facts);
	for (i = 0; i < d->facts.n; i++) {
		const struct fact *f = &d->facts.f[i];
		int scope = output_scope(st, f);

		if (f->chosen && f->conflict_with >= 0)
			report_conflict(st, f);
		if (scope >= 0)
			write_fact(st, f, (enum fact_scope)scope);
	}
	/* A copy (a zero line's) shares its mention's passed columns. */
	for (i = 0; i < d->facts.n; i++)
		if (d->facts.f[i].zero == NULL)
			norm_free_pass(st, d->facts.f[i].user);
	facts_clear(&d->facts);
	free(d->doc);
	free(d->path);
	free(d->code);
	free(d->name);
	free(d->province);
	free(d->period);
	d->doc = d->path = d->code = d->name = d->province = d->period = NULL;
}

/* The output's header: the facts' columns, chosen, the passed ones. */
void
norm_write_header(struct state *st)
{
	size_t k;

	if (st->o->bom)
		csvout_bom(st->out);
	for (k = 0; k < NOUT; k++)
		csvout_str(st->out, norm_outcols[k]);
	/* --scope all says which mention is the document's figure, and the
	 * time, tier and official its clause names (check compares like
	 * with like by them). */
	if (st->o->all) {
		csvout_str(st->out, "chosen");
		csvout_str(st->out, "time");
		csvout_str(st->out, "tier");
		csvout_str(st->out, "official");
	}
	for (k = 0; k < st->npass; k++)
		csvout_span(st->out, csvin_colname(st->in, (size_t)st->pass[k]));
	csvout_end(st->out);
}
