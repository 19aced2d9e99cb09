/*
 * baocao-normalize: extract's rows read (see normalize.h): the columns
 * found by name, and which pass through; a document's reporter and period
 * resolved at its first row; each mention parsed into a fact of the
 * document, with its context and its passed columns.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvin.h"
#include "dec.h"
#include "diag.h"
#include "facts.h"
#include "normalize.h"
#include "period.h"
#include "reporter.h"
#include "utf8.h"
#include "vnum.h"
#include "words.h"
#include "xalloc.h"

static const char *const required[NREQ] = { "doc", "issuer", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after" };

/* Columns extract writes that normalize consumes (not passed through). */
static const char *const consumed[] = { "doc", "issuer", "doc_no", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after", "places", "path", "reader",
	"heading", NULL };

/* Of those, the context --scope all keeps, for review and baocao-check. */
static const char *const context[] = { "section", "source", "row_label",
	"col_label", "before", "unit_text", "after", "heading", NULL };

static int
in_names(const char *const *names, struct span s)
{
	for (; *names != NULL; names++)
		if (span_eq(s, *names))
			return 1;
	return 0;
}

static struct span
field(const struct state *st, int c)
{
	return csvin_field(st->in, (size_t)st->idx[c]);
}

static void
fold_into(struct buf *b, struct span s)
{
	buf_clear(b);
	u8_fold(b, s.p, s.n);
	if (b->p == NULL)
		buf_adds(b, "");
}

static void
start_doc(struct state *st)
{
	struct docstate *d = &st->d;
	struct span per = field(st, C_PERIOD_TEXT);
	struct span places = { "", 0 };
	struct reporter_query q;
	struct reporter r;
	char p[32], day[11];

	d->doc = xmemdup(field(st, C_DOC).p, field(st, C_DOC).n);
	fold_into(&st->tmp, per);
	if (period_of_report(st->tmp.p, reporter_doc_date(field(st, C_DOC_DATE),
	    day) == 0 ? day : NULL, p, sizeof(p)) == 0)
		d->period = xstrdup(p);
	else if (per.n > 0)
		warn("%s: period '%.*s%s' not understood: period left empty",
		    d->doc, DIAG_QUOTE(per.p, per.n));
	if (st->places >= 0)
		places = csvin_field(st->in, (size_t)st->places);
	q.issuer = field(st, C_ISSUER);
	q.date = field(st, C_DOC_DATE);
	q.places = places;
	q.period = d->period;
	q.province = st->o->m.province;
	reporter_resolve(st->gaz, &q, &r);
	if (r.status == REPORTER_OK) {
		d->code = xstrdup(r.unit->code);
		d->name = xstrdup(r.unit->full_name);
		d->province = xstrdup(r.unit->province);
	} else {
		warn("%s: %s: reporter left empty", d->doc, r.reason);
	}
	reporter_clear(&r);
}

/* Pass-through columns of one mention, kept with its fact. */
static char **
pass_values(struct state *st)
{
	char **v;
	size_t k;

	if (st->npass == 0)
		return NULL;
	v = xcalloc(st->npass, sizeof(*v));
	for (k = 0; k < st->npass; k++) {
		struct span s = csvin_field(st->in, (size_t)st->pass[k]);

		v[k] = xmemdup(s.p, s.n);
	}
	return v;
}

void
norm_free_pass(struct state *st, char **v)
{
	size_t k;

	if (v == NULL)
		return;
	for (k = 0; k < st->npass; k++)
		free(v[k]);
	free(v);
}

static char *
field_dup(const struct state *st, int c)
{
	struct span s = field(st, c);

	return xmemdup(s.p, s.n);
}

void
norm_one_row(struct state *st)
{
	struct docstate *d = &st->d;
	struct span raw = field(st, C_RAW);
	struct fact *f;
	struct vnum v;
	int e;

	st->rows++;
	if (d->doc == NULL || !span_eq(field(st, C_DOC), d->doc)) {
		if (d->doc != NULL)
			norm_end_doc(st);
		start_doc(st);
		d->path = st->path >= 0 ? xmemdup(csvin_field(st->in,
		    (size_t)st->path).p, csvin_field(st->in, (size_t)st->path).n) :
		    xstrdup(d->doc);
		if (d->path[0] == '\0') {
			free(d->path);
			d->path = xstrdup(d->doc);
		}
		d->facts.ward_reporter = d->code != NULL ? strlen(d->code) == 5 :
		    words_ward_issuer(field(st, C_ISSUER).p, field(st, C_ISSUER).n,
		    &st->tmp);
	}
	e = vnum_parse(&v, raw.p, raw.n);
	if (e != 0) {
		if (!st->o->quiet)
			warn_at(csvin_name(st->in), csvin_line(st->in),
			    "raw '%.*s' is not a figure (%s): dropped",
			    (int)(raw.n > 40 ? u8_cut(raw.p, raw.n, 40) : raw.n),
			    raw.p, diag_text(dec_strerror(e)));
		st->bad_value++;
		return;
	}
	f = facts_add(&d->facts);
	f->v = v;
	f->csvline = csvin_line(st->in);
	f->line = strtoul(field(st, C_LINE).p, NULL, 10);
	f->table = span_eq(field(st, C_SOURCE), "table");
	f->ocr = st->reader >= 0 && span_eq(csvin_field(st->in,
	    (size_t)st->reader), "ocr");
	f->section = field_dup(st, C_SECTION);
	f->heading = st->heading < 0 ? xstrdup("") : xmemdup(csvin_field(st->in,
	    (size_t)st->heading).p, csvin_field(st->in, (size_t)st->heading).n);
	f->row = field_dup(st, C_ROW);
	f->col = field_dup(st, C_COL);
	f->before = field_dup(st, C_BEFORE);
	f->raw = field_dup(st, C_RAW);
	f->unit = field_dup(st, C_UNIT_TEXT);
	f->after = field_dup(st, C_AFTER);
	f->user = pass_values(st);
}

void
norm_open_columns(struct state *st)
{
	size_t k, j;

	csvin_require(st->in, required, st->idx, NREQ);
	st->places = csvin_col(st->in, "places");
	st->path = csvin_col(st->in, "path");
	st->reader = csvin_col(st->in, "reader");
	st->heading = csvin_col(st->in, "heading");
	st->pass = xcalloc(csvin_ncols(st->in) + 1, sizeof(*st->pass));
	for (k = 0; k < csvin_ncols(st->in); k++) {
		struct span s = csvin_colname(st->in, k);

		if (in_names(consumed, s) && !(st->o->all && in_names(context, s)))
			continue;
		for (j = 0; j < NOUT; j++)
			if (span_eq(s, norm_outcols[j]))
				break;
		if (j < NOUT || span_eq(s, "chosen") || span_eq(s, "time") ||
		    span_eq(s, "tier") || span_eq(s, "official"))
			die(2, "input column '%.*s' would clash with an output "
			    "column", (int)s.n, s.p);
		st->pass[st->npass++] = (long)k;
	}
}
