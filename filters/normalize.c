/*
 * baocao-normalize: figure mentions to canonical facts.
 *
 * Input: baocao-extract's CSV (doc, issuer, doc_date, period_text, line,
 * section, source, row_label, col_label, before, raw, unit_text, after;
 * places when present).  Output:
 *
 *	doc,reporter_code,reporter_name,province_code,period,indicator,
 *	value,unit,scope,qualifier,line,raw,evidence
 *
 * followed by any input column extract does not write (user columns pass
 * through).  The indicator comes from the lexicon's rules (first match in
 * file order); the reporter from the gazetteer, valid at the report's
 * date; the value from vnum (exact).  By default only one row per (doc,
 * indicator) is written: the first mention with scope reporter, in
 * document order; every other reporter-scope mention with another value
 * is reported on stderr.  --scope all writes every mention.
 *
 * Rows of one document must be consecutive (as extract writes them); one
 * document is held in memory at a time.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "csvin.h"
#include "csvout.h"
#include "dec.h"
#include "diag.h"
#include "gaz.h"
#include "gz.h"
#include "lex.h"
#include "manifest.h"
#include "period.h"
#include "reporter.h"
#include "utf8.h"
#include "vnum.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-normalize [-z] [--docs [--resends latest|both|error]] [--province CODE] [--scope reporter|all|LIST] [--rules FILE] [--gazetteer FILE] [FILE ...]"
#define WIN_BEFORE 70		/* bytes of folded context a rule's before= sees */
#define WIN_AFTER 50

enum { C_DOC, C_ISSUER, C_DOC_DATE, C_PERIOD_TEXT, C_LINE, C_SECTION,
	C_SOURCE, C_ROW, C_COL, C_BEFORE, C_RAW, C_UNIT_TEXT, C_AFTER, NREQ };

static const char *const required[NREQ] = { "doc", "issuer", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after" };

/* Columns extract writes that normalize consumes (not passed through). */
static const char *const consumed[] = { "doc", "issuer", "doc_no", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after", "places", NULL };

/* Of those, the context --scope all keeps, for review and baocao-check. */
static const char *const context[] = { "section", "source", "row_label",
	"col_label", "before", "unit_text", "after", NULL };

static int
in_names(const char *const *names, struct span s)
{
	for (; *names != NULL; names++)
		if (span_eq(s, *names))
			return 1;
	return 0;
}

static const char *const outcols[] = { "doc", "reporter_code",
	"reporter_name", "province_code", "period", "indicator", "value", "unit",
	"scope", "qualifier", "line", "raw", "evidence" };

struct opts {
	int gzip, stats, all, docs, resends_given;
	char **scopes;		/* --scope LIST: keep every mention of these */
	size_t nscopes;
	const char *rules, *gazetteer, *bad_rows, *files0_to;
	struct manifest_opts m;	/* --province, --resends */
};

/* One output fact, kept until its document is complete. */
struct fact {
	char *f[sizeof(outcols) / sizeof(outcols[0])];
	char **pass;
	int reporter;		/* scope reporter with an indicator */
	size_t csvline;
};

struct docstate {
	char *doc;
	char *tier_line;	/* a scope rule marked this line's figures sub */
	char *code, *name, *province, *period;
	struct fact *facts;
	size_t n, cap;
};

struct state {
	const struct opts *o;
	struct lex *lex;
	struct gaz *gaz;
	struct csvin *in;
	struct csvout *out;
	long idx[NREQ], places;
	long *pass;
	size_t npass;
	struct docstate d;
	struct buf fb, fa, fn, fc, fr, fs, tmp;
	unsigned long long rows, written, no_indicator, not_reporter, duplicate,
	    bad_value, conflicts;
};

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Turns baocao-extract's figure mentions into canonical facts: reporting\n"
"unit (gazetteer code), period, indicator, exact value, unit, scope.\n"
"\n"
"      --scope S       reporter (default): one row per document and\n"
"                      indicator, the reporting unit's own figure;\n"
"                      all: every mention, with its scope and indicator;\n"
"                      a list of scopes (sub,table-row,table-total,\n"
"                      reporter): every mention with an indicator and\n"
"                      one of these scopes\n"
"      --rules FILE    lexicon of indicators and rules (default: built in;\n"
"                      see the header of common/data/lexicon.rules)\n"
"      --gazetteer FILE  administrative units (default: built in)\n"
"      --province CODE only units of this province can issue a report\n"
"                      (settles a ward name that several provinces have)\n"
"      --docs          read baocao-extract --docs rows and write the run's\n"
"                      manifest: each report resolved, with a status\n"
"      --resends P     --docs: two reports for one reporter and period:\n"
"                      latest (default: the later date wins, the other is\n"
"                      superseded), both (keep both), error\n"
"      --files0-to FILE  --docs: write the paths of the ok reports to FILE,\n"
"                      NUL-separated (for baocao-extract --files0-from)\n"
"      --bad-rows FILE quarantine unreadable CSV rows to FILE and go on\n"
"  -z, --gzip          write gzip\n"
"      --stats         print row counts and drop reasons on stderr; with\n"
"                      --docs, reports by status and coverage per period\n"
"  -h, --help          this help\n"
"  -V, --version       version\n"
"\n"
"Exit status: 0 success, 2 trouble.\n";

enum { OPT_SCOPE = CHAR_MAX + 1, OPT_RULES, OPT_GAZ, OPT_STATS, OPT_BAD_ROWS,
	OPT_DOCS, OPT_PROVINCE, OPT_RESENDS, OPT_FILES0_TO };

static const struct option longopts[] = {
	{ "bad-rows", required_argument, NULL, OPT_BAD_ROWS },
	{ "docs", no_argument, NULL, OPT_DOCS },
	{ "files0-to", required_argument, NULL, OPT_FILES0_TO },
	{ "gazetteer", required_argument, NULL, OPT_GAZ },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "province", required_argument, NULL, OPT_PROVINCE },
	{ "resends", required_argument, NULL, OPT_RESENDS },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "scope", required_argument, NULL, OPT_SCOPE },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

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

static int
wordch(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    (unsigned char)c >= 0x80;
}

/* Patterns match whole words: "ton" (tồn) is not found in "tong" (tổng). */
static int
at_word(const char *hay, const char *p, size_t n)
{
	if (p > hay && wordch(p[-1]) && wordch(p[0]))
		return 0;
	return !(wordch(p[n - 1]) && wordch(p[n]));
}

/* Length matched by pattern pat at s ('#' is one or more digits), or 0. */
static size_t
match_here(const char *s, const char *pat)
{
	const char *p = s;

	for (; *pat != '\0'; pat++) {
		if (*pat == '#') {
			if (*p < '0' || *p > '9')
				return 0;
			while (*p >= '0' && *p <= '9')
				p++;
		} else if (*p++ != *pat) {
			return 0;
		}
	}
	return (size_t)(p - s);
}

static int
contains_any(const struct lex_alt *a, const char *hay)
{
	size_t i, m;
	const char *p;

	for (i = 0; i < a->n; i++)
		for (p = hay; *p != '\0'; p++)
			if ((m = match_here(p, a->v[i])) > 0 && at_word(hay, p, m))
				return 1;
	return 0;
}

static int
starts_any(const struct lex_alt *a, const char *s)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		size_t n = strlen(a->v[i]);

		if (n > 0 && strncmp(s, a->v[i], n) == 0 && at_word(s, s, n))
			return 1;
	}
	return 0;
}

/* The last max bytes of s (on a character boundary). */
static const char *
tail(const char *s, size_t n, size_t max)
{
	const char *p = n > max ? s + n - max : s;

	while (p > s && ((unsigned char)*p & 0xC0) == 0x80)
		p++;
	return p;
}

/*
 * The window a rule's before= sees: the last WIN_BEFORE bytes of the
 * clause, and no further back than the figure before this one ("tố cáo
 * 58 đơn, khiếu nại hành vi 79": the 79 does not see "tố cáo").  Numbers
 * of dates and periods ("năm 2021", "9 tháng") do not end the window.
 */
static const char *
before_window(const char *fb, size_t n, int percent)
{
	const char *w = tail(fb, n, WIN_BEFORE), *p, *start = w;

	for (p = w; *p != '\0'; p++) {
		const char *q = p;
		size_t k;

		if (*p < '0' || *p > '9' || (p > fb && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		while (*q >= '0' && *q <= '9')
			q++;
		k = (size_t)(q - p);
		if (k == 4 && (strncmp(p, "19", 2) == 0 || strncmp(p, "20", 2) == 0))
			continue;	/* a year */
		if (p - fb >= 5 && (strncmp(p - 5, "thang ", 6) == 0 ||
		    strncmp(p - 5, " ngay ", 6) == 0))
			continue;
		if (strncmp(q, " thang", 6) == 0)
			continue;	/* 9 tháng: a period */
		/* A rate relates to the counts before it: only a rate ends
		 * its window ("đúng hạn đạt 99%, mức độ hài lòng đạt 98%"). */
		if (percent) {
			while (*q == ',' || (*q >= '0' && *q <= '9'))
				q++;
			if (*q != '%')
				continue;
			q++;
		}
		start = q;
	}
	return start;
}

/* The first rule that matches the current row, or NULL. */
static const struct lex_rule *
match_rule(struct state *st, int table, int percent, int scope_rules)
{
	/* Scope rules look at the whole clause. */
	const char *bw = scope_rules ? st->fb.p :
	    before_window(st->fb.p, st->fb.n, percent);
	char aw[WIN_AFTER + 8];
	size_t i, an = st->fa.n < WIN_AFTER ? st->fa.n : WIN_AFTER;

	memcpy(aw, st->fa.p, an);
	aw[an] = '\0';
	for (i = 0; i < st->lex->nrule; i++) {
		const struct lex_rule *r = &st->lex->rule[i];

		if ((strcmp(r->ind, "*") == 0) != scope_rules)
			continue;
		if (r->source != NULL && strcmp(r->source, table ? "table" : "text"))
			continue;
		/* A percentage is never a count, nor a count a percentage. */
		if (r->ind_index >= 0 && (strcmp(st->lex->ind[r->ind_index].unit,
		    "percent") == 0) != percent)
			continue;
		if (r->noun.n > 0 && !starts_any(&r->noun, st->fn.p))
			continue;
		if (r->before.n > 0 && !contains_any(&r->before, bw))
			continue;
		if (r->after.n > 0 && !contains_any(&r->after, aw))
			continue;
		if (r->near.n > 0 && !contains_any(&r->near, st->fb.p) &&
		    !contains_any(&r->near, st->fa.p))
			continue;
		if (r->not.n > 0 && (contains_any(&r->not, bw) ||
		    contains_any(&r->not, aw)))
			continue;
		if (r->col.n > 0 && !contains_any(&r->col, st->fc.p))
			continue;
		if (r->row.n > 0 && !contains_any(&r->row, st->fr.p))
			continue;
		if (r->section.n > 0 && !starts_any(&r->section, st->fs.p))
			continue;
		return r;
	}
	return NULL;
}

static const char *
qualifier(const char *fb)
{
	size_t n = strlen(fb);

	while (n > 0 && (fb[n - 1] == ' ' || fb[n - 1] == '('))
		n--;
#define ENDS(w) (n >= sizeof(w) - 1 && strncmp(fb + n - (sizeof(w) - 1), w, \
	sizeof(w) - 1) == 0 && (n == sizeof(w) - 1 || fb[n - sizeof(w)] == ' ' || \
	fb[n - sizeof(w)] == '('))
	if (ENDS("khoang"))
		return "approx";
	if (ENDS("hon") || ENDS("tren") || ENDS("it nhat"))
		return "min";
	if (ENDS("gan") || ENDS("duoi") || ENDS("toi da"))
		return "max";
#undef ENDS
	return "exact";
}

/* The unit a noun names, from the lexicon's unit lines; "" if none. */
static const char *
noun_unit(const struct state *st, const char *fn)
{
	size_t i;

	for (i = 0; i < st->lex->nunit; i++)
		if (starts_any(&st->lex->unit[i].nouns, fn))
			return st->lex->unit[i].unit;
	return "";
}

static void
start_doc(struct state *st)
{
	struct docstate *d = &st->d;
	struct span per = field(st, C_PERIOD_TEXT);
	struct span places = { "", 0 };
	struct reporter_query q;
	struct reporter r;
	char p[32];

	d->doc = xmemdup(field(st, C_DOC).p, field(st, C_DOC).n);
	fold_into(&st->tmp, per);
	if (period_parse(st->tmp.p, p, sizeof(p)) == 0)
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

static void
write_fact(struct state *st, const struct fact *f)
{
	size_t k;

	for (k = 0; k < sizeof(outcols) / sizeof(outcols[0]); k++)
		csvout_str(st->out, f->f[k]);
	for (k = 0; k < st->npass; k++)
		csvout_str(st->out, f->pass[k]);
	csvout_end(st->out);
	st->written++;
}

static void
free_fact(struct state *st, struct fact *f)
{
	size_t k;

	for (k = 0; k < sizeof(outcols) / sizeof(outcols[0]); k++)
		free(f->f[k]);
	for (k = 0; k < st->npass; k++)
		free(f->pass[k]);
	free(f->pass);
}

enum { F_DOC, F_CODE, F_NAME, F_PROV, F_PERIOD, F_IND, F_VALUE, F_UNIT,
	F_SCOPE, F_QUAL, F_LINE, F_RAW, F_EVID };

/* Writes a finished document: everything, or one reporter row each. */
static void
end_doc(struct state *st)
{
	struct docstate *d = &st->d;
	size_t i, j;

	for (i = 0; i < d->n; i++) {
		struct fact *f = &d->facts[i];

		if (st->o->all) {
			write_fact(st, f);
			continue;
		}
		if (st->o->nscopes > 0) {
			size_t k;

			for (k = 0; k < st->o->nscopes; k++)
				if (strcmp(f->f[F_SCOPE], st->o->scopes[k]) == 0 &&
				    f->f[F_IND][0] != '\0')
					break;
			if (k < st->o->nscopes)
				write_fact(st, f);
			else
				st->not_reporter++;
			continue;
		}
		if (!f->reporter) {
			if (f->f[F_IND][0] == '\0')
				st->no_indicator++;
			else
				st->not_reporter++;
			continue;
		}
		for (j = 0; j < i; j++)
			if (d->facts[j].reporter &&
			    strcmp(d->facts[j].f[F_IND], f->f[F_IND]) == 0)
				break;
		if (j < i) {
			struct dec a, b;

			st->duplicate++;
			if (dec_parse(&a, f->f[F_VALUE], strlen(f->f[F_VALUE])) == 0 &&
			    dec_parse(&b, d->facts[j].f[F_VALUE],
			    strlen(d->facts[j].f[F_VALUE])) == 0 &&
			    dec_cmp(&a, &b) != 0) {
				st->conflicts++;
				warn_at(d->doc, (size_t)atol(d->facts[j].f[F_LINE]),
				    "indicator %s: %s vs %s (line %s); kept the first",
				    f->f[F_IND], d->facts[j].f[F_VALUE], f->f[F_VALUE],
				    f->f[F_LINE]);
			}
			continue;
		}
		write_fact(st, f);
	}
	for (i = 0; i < d->n; i++)
		free_fact(st, &d->facts[i]);
	free(d->doc);
	free(d->code);
	free(d->name);
	free(d->province);
	free(d->period);
	free(d->tier_line);
	d->tier_line = NULL;
	d->doc = d->code = d->name = d->province = d->period = NULL;
	d->n = 0;
}

static int
is_total(const char *folded_row)
{
	return strncmp(folded_row, "tong", 4) == 0 ||
	    strncmp(folded_row, "cong", 4) == 0;
}

/* Parenthesis still open before the figure: a side figure. */
static int
in_parens(const char *s)
{
	int depth = 0;

	for (; *s != '\0'; s++)
		if (*s == '(')
			depth++;
		else if (*s == ')' && depth > 0)
			depth--;
	return depth > 0;
}

static void
one_row(struct state *st)
{
	struct docstate *d = &st->d;
	struct span raw = field(st, C_RAW);
	struct fact *f;
	const struct lex_rule *r, *sr;
	const struct lex_ind *ind = NULL;
	struct vnum v;
	const char *scope, *unit;
	int table, e;
	struct buf val = { 0 }, ev = { 0 };

	st->rows++;
	if (d->doc == NULL || !span_eq(field(st, C_DOC), d->doc)) {
		if (d->doc != NULL)
			end_doc(st);
		start_doc(st);
	}
	e = vnum_parse(&v, raw.p, raw.n);
	if (e != 0) {
		warn_at(csvin_name(st->in), csvin_line(st->in),
		    "raw '%.*s' is not a figure (%s): dropped", (int)raw.n, raw.p,
		    dec_strerror(e));
		st->bad_value++;
		return;
	}
	fold_into(&st->fb, field(st, C_BEFORE));
	fold_into(&st->fa, field(st, C_AFTER));
	fold_into(&st->fn, field(st, C_UNIT_TEXT));
	fold_into(&st->fc, field(st, C_COL));
	fold_into(&st->fr, field(st, C_ROW));
	fold_into(&st->fs, field(st, C_SECTION));
	table = span_eq(field(st, C_SOURCE), "table");
	r = match_rule(st, table, v.percent, 0);
	if (r != NULL && r->ind_index >= 0)
		ind = &st->lex->ind[r->ind_index];
	/* Value: a coverage fraction counts units (16/16 xã). */
	if (v.fraction && ind != NULL && strncmp(ind->id, "units.", 6) == 0)
		dec_format(&v.denom, &val);
	else
		dec_format(&v.value, &val);
	if (ind != NULL)
		unit = ind->unit;
	else if (v.percent)
		unit = "percent";
	else if (v.area)
		unit = "m2";
	else
		unit = noun_unit(st, st->fn.p);
	if (table)
		scope = is_total(st->fr.p) ? "table-total" : "table-row";
	else if (r != NULL && r->scope != NULL)
		scope = r->scope;
	else if ((sr = match_rule(st, table, v.percent, 1)) != NULL) {
		scope = sr->scope;
		/* The rest of the paragraph is about the same tier. */
		free(d->tier_line);
		d->tier_line = xmemdup(field(st, C_LINE).p, field(st, C_LINE).n);
	} else if (d->tier_line != NULL && span_eq(field(st, C_LINE), d->tier_line))
		scope = "sub";
	else if (in_parens(st->fb.p))
		scope = "sub";
	else
		scope = "reporter";
	if (d->n == d->cap) {
		d->cap = d->cap == 0 ? 64 : d->cap * 2;
		d->facts = xreallocarray(d->facts, d->cap, sizeof(*d->facts));
	}
	f = &d->facts[d->n++];
	memset(f, 0, sizeof(*f));
	f->f[F_DOC] = xstrdup(d->doc);
	f->f[F_CODE] = xstrdup(d->code == NULL ? "" : d->code);
	f->f[F_NAME] = xstrdup(d->name == NULL ? "" : d->name);
	f->f[F_PROV] = xstrdup(d->province == NULL ? "" : d->province);
	f->f[F_PERIOD] = xstrdup(d->period == NULL ? "" : d->period);
	f->f[F_IND] = xstrdup(ind == NULL ? "" : ind->id);
	f->f[F_VALUE] = xstrdup(val.p);
	f->f[F_UNIT] = xstrdup(unit);
	f->f[F_SCOPE] = xstrdup(scope);
	f->f[F_QUAL] = xstrdup(qualifier(st->fb.p));
	f->f[F_LINE] = xmemdup(field(st, C_LINE).p, field(st, C_LINE).n);
	f->f[F_RAW] = xmemdup(raw.p, raw.n);
	/* Evidence: which rule, and the words around the figure. */
	if (r != NULL)
		buf_printf(&ev, "rule %zu: ", r->line);
	{
		struct span b = field(st, C_BEFORE), a = field(st, C_AFTER);
		const char *bt = tail(b.p, b.n, 60);
		size_t an = u8_cut(a.p, a.n, 30);

		if (table) {
			buf_add(&ev, field(st, C_ROW).p, field(st, C_ROW).n);
			buf_adds(&ev, " | ");
			buf_add(&ev, field(st, C_COL).p, field(st, C_COL).n);
		} else {
			buf_add(&ev, bt, b.n - (size_t)(bt - b.p));
			buf_addc(&ev, '[');
			buf_add(&ev, raw.p, raw.n);
			buf_adds(&ev, "] ");
			buf_add(&ev, field(st, C_UNIT_TEXT).p, field(st, C_UNIT_TEXT).n);
			buf_add(&ev, a.p, an);
		}
	}
	f->f[F_EVID] = ev.p == NULL ? xstrdup("") : ev.p;
	f->reporter = ind != NULL && strcmp(scope, "reporter") == 0;
	if (st->npass > 0) {
		size_t k;

		f->pass = xcalloc(st->npass, sizeof(*f->pass));
		for (k = 0; k < st->npass; k++) {
			struct span s = csvin_field(st->in, (size_t)st->pass[k]);

			f->pass[k] = xmemdup(s.p, s.n);
		}
	}
	buf_free(&val);
}

/* The gazetteer, and --province checked against it. */
static struct gaz *
load_gazetteer(const struct opts *o)
{
	struct gaz *g = gaz_load(o->gazetteer);

	if (o->m.province != NULL && !gaz_is_province(g, o->m.province))
		die(2, "option '--province': '%s' is not a province code (such as "
		    "79 for Hồ Chí Minh City)", o->m.province);
	return g;
}

/* --docs: the manifest of the run (see common/manifest.h). */
static int
docs_main(const struct opts *o, char **argv, int argc)
{
	struct manifest_opts m = o->m;
	struct gaz *g = load_gazetteer(o);
	struct csvin *in;
	struct csvout *out;

	m.summary = o->stats;
	if (o->files0_to != NULL &&
	    (m.kept = fopen(o->files0_to, "w")) == NULL)
		die(2, "%s:", o->files0_to);
	in = csvin_open(argv, argc);
	out = csvout_open(STDOUT_FILENO, o->gzip);
	manifest_run(in, out, g, &m);
	csvout_close(out);
	csvin_close(in);
	gaz_free(g);
	if (m.kept != NULL && fclose(m.kept) == EOF)
		die(2, "%s:", o->files0_to);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0 };
	struct state st = { 0 };
	FILE *bad = NULL;
	size_t k, j;
	int c;

	diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "Vhz", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'z':
			o.gzip = 1;
			break;
		case OPT_BAD_ROWS:
			o.bad_rows = optarg;
			break;
		case OPT_DOCS:
			o.docs = 1;
			break;
		case OPT_FILES0_TO:
			o.files0_to = optarg;
			break;
		case OPT_PROVINCE:
			o.m.province = optarg;
			break;
		case OPT_RESENDS:
			if ((c = manifest_resends(optarg)) < 0)
				die(2, "option '--resends': '%s' is not latest, both "
				    "or error", optarg);
			o.m.resends = (enum resends)c;
			o.resends_given = 1;
			break;
		case OPT_GAZ:
			o.gazetteer = optarg;
			break;
		case OPT_RULES:
			o.rules = optarg;
			break;
		case OPT_SCOPE:
			if (strcmp(optarg, "all") == 0) {
				o.all = 1;
			} else if (strcmp(optarg, "reporter") != 0) {
				size_t k;

				o.scopes = cli_split(optarg, &o.nscopes);
				for (k = 0; k < o.nscopes; k++)
					if (strcmp(o.scopes[k], "reporter") != 0 &&
					    strcmp(o.scopes[k], "sub") != 0 &&
					    strcmp(o.scopes[k], "table-row") != 0 &&
					    strcmp(o.scopes[k], "table-total") != 0)
						die(2, "option '--scope': '%s' is not all, "
						    "reporter, sub, table-row or table-total",
						    o.scopes[k]);
			}
			break;
		case OPT_STATS:
			o.stats = 1;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	argc -= optind;
	argv += optind;
	if ((o.resends_given || o.files0_to != NULL) && !o.docs)
		die(2, "options '--resends' and '--files0-to' go with '--docs'");
	gz_check_inputs(argv, argc);
	if (o.docs)
		return docs_main(&o, argv, argc);
	bad = cli_open_bad_rows(o.bad_rows);
	st.o = &o;
	st.lex = lex_load(o.rules);
	st.gaz = load_gazetteer(&o);
	st.in = csvin_open(argv, argc);
	csvin_set_bad_rows(st.in, bad);
	csvin_require(st.in, required, st.idx, NREQ);
	st.places = csvin_col(st.in, "places");
	st.pass = xcalloc(csvin_ncols(st.in) + 1, sizeof(*st.pass));
	for (k = 0; k < csvin_ncols(st.in); k++) {
		struct span s = csvin_colname(st.in, k);

		if (in_names(consumed, s) && !(o.all && in_names(context, s)))
			continue;
		for (j = 0; j < sizeof(outcols) / sizeof(outcols[0]); j++)
			if (span_eq(s, outcols[j]))
				die(2, "input column '%s' would clash with an output "
				    "column", outcols[j]);
		st.pass[st.npass++] = (long)k;
	}
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	for (k = 0; k < sizeof(outcols) / sizeof(outcols[0]); k++)
		csvout_str(st.out, outcols[k]);
	for (k = 0; k < st.npass; k++)
		csvout_span(st.out, csvin_colname(st.in, (size_t)st.pass[k]));
	csvout_end(st.out);
	while (csvin_next(st.in))
		one_row(&st);
	if (st.d.doc != NULL)
		end_doc(&st);
	csvout_close(st.out);
	cli_close_bad_rows(bad, o.bad_rows);
	if (o.stats) {
		cli_stat("rows read", st.rows);
		cli_stat("rows written", st.written);
		cli_stat("dropped, no indicator", st.no_indicator);
		cli_stat("dropped, scope not reporter", st.not_reporter);
		cli_stat("dropped, indicator already given", st.duplicate);
		cli_stat("dropped, raw not a figure", st.bad_value);
		cli_stat("rows quarantined", csvin_bad_count(st.in));
		cli_stat("conflicting values reported", st.conflicts);
	}
	csvin_close(st.in);
	cli_free_split(o.scopes, o.nscopes);
	lex_free(st.lex);
	gaz_free(st.gaz);
	free(st.pass);
	free(st.d.facts);
	buf_free(&st.fb);
	buf_free(&st.fa);
	buf_free(&st.fn);
	buf_free(&st.fc);
	buf_free(&st.fr);
	buf_free(&st.fs);
	buf_free(&st.tmp);
	return 0;
}
