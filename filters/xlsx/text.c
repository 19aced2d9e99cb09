/*
 * The words of baocao-xlsx's workbook, every one from labels.csv (see
 * labels.h): the workbook's own (book:KEY, checked before the workbook is
 * made), the indicators' labels and units, periods, flags, the manifest's
 * statuses and the findings' rules (the review page's words, one wording
 * for both), how a city figure was made.  C holds the keys, never the
 * words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xlsx.h"

#define BOOK "book:"
#define STATUS "review:status."
#define RULE "review:rule."

/* Every book:KEY the workbook prints. */
static const char *const book_keys[] = {
	"subject", "title", "source", "source-none", "made", "page", "legend",
	"head.no", "head.indicator", "head.unit", "head.city", "head.covered",
	"few", "missing", "all-reported", "sent-unread", "unit.VND",
	"sheet.files", "files.title", "head.file", "head.reporter",
	"head.period", "head.doc-no", "head.doc-date", "head.status",
	"head.reason", "sheet.guide", "guide.title", "head.flag", "head.code",
	"head.meaning", "head.todo", "head.facts-count", "head.units-count",
	"head.count", "guide.rules", "guide.corrections", "sheet.findings",
	"head.doc", "head.line", "head.rule", "head.rule-hint",
	"head.expected", "head.actual", "head.detail", "sheet.facts",
	"head.value", "head.quote", "sheet.table",
};

static const struct label *book(const struct state *, const char *);

static const struct label *
book(const struct state *st, const char *key)
{
	const struct label *l;
	struct buf id = { 0 };

	buf_adds(&id, BOOK);
	buf_adds(&id, key);
	l = labels_find(st->lab, id.p);
	buf_free(&id);
	return l;
}

void
text_check(const struct state *st)
{
	size_t i;

	for (i = 0; i < sizeof(book_keys) / sizeof(book_keys[0]); i++)
		if (book(st, book_keys[i]) == NULL)
			die(2, "labels: no label '%s%s' (the workbook needs "
			    "it)", BOOK, book_keys[i]);
}

/* A key not in book_keys (a bug) shows as itself. */
const char *
text_say(const struct state *st, const char *key)
{
	const struct label *l = book(st, key);

	return l != NULL ? l->label : key;
}

const char *
text_hint(const struct state *st, const char *key)
{
	const struct label *l = book(st, key);

	return l != NULL ? l->unit : "";
}

const char *
text_indicator(const struct state *st, const char *ind)
{
	const struct label *l = labels_find(st->lab, ind);

	return l != NULL && *l->unit != '\0' ? l->label : ind;
}

int
text_money(const char *unit)
{
	return strcmp(unit, "VND") == 0;
}

const char *
text_unit(const struct state *st, const char *ind, const char *unit)
{
	const struct label *l = labels_find(st->lab, ind);

	if (text_money(unit))
		return text_say(st, "unit.VND");
	return l != NULL && *l->unit != '\0' ? l->unit : unit;
}

void
text_period(const struct state *st, struct buf *b, const char *period)
{
	labels_period(st->lab, b, period);
}

const char *
text_code(const struct state *st, const char *prefix, const char *code,
    size_t n)
{
	const struct label *l;
	struct buf id = { 0 };

	buf_adds(&id, prefix);
	buf_add(&id, code, n);
	l = labels_find(st->lab, id.p);
	buf_free(&id);
	return l != NULL ? l->label : NULL;
}

int
has_flag(const char *flags, const char *name)
{
	size_t n = strlen(name);
	const char *p = flags, *end;

	for (;; p = end + 1) {
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		if ((size_t)(end - p) == n && memcmp(p, name, n) == 0)
			return 1;
		if (*end == '\0')
			return 0;
	}
}

void
text_flags(const struct state *st, struct buf *b, const char *flags)
{
	const char *p, *end, *l;
	int first = 1;

	for (p = flags; *p != '\0'; p = end + (*end != '\0')) {
		if ((end = strchr(p, ';')) == NULL)
			end = p + strlen(p);
		if (end == p)
			continue;
		if (!first)
			buf_adds(b, "; ");
		first = 0;
		if ((l = text_code(st, LABELS_FLAG, p, (size_t)(end - p))) != NULL)
			buf_adds(b, l);
		else
			buf_add(b, p, (size_t)(end - p));
	}
}

const char *
text_status(const struct state *st, const char *status)
{
	const char *l = text_code(st, STATUS, status, strlen(status));

	return l != NULL ? l : status;
}

const char *
text_rule(const struct state *st, const char *rule, int hint)
{
	const struct label *l;
	struct buf id = { 0 };

	buf_adds(&id, RULE);
	buf_adds(&id, rule);
	l = labels_find(st->lab, id.p);
	buf_free(&id);
	if (l == NULL)
		return hint ? "" : rule;
	return hint ? l->unit : l->label;
}

void
text_how(const struct state *st, struct buf *b, size_t r)
{
	const struct table *t = st->city;
	const char *how = table_cell(t, r, CI_HOW);
	const char *num = table_cell(t, r, CI_NUM);
	const char *den = table_cell(t, r, CI_DEN);
	const char *flags = table_cell(t, r, CI_FLAGS);
	const char *l;

	if (*how == '\0')	/* a group-by's table: sums */
		how = "sum";
	l = text_code(st, LABELS_HOW, how, strlen(how));
	buf_adds(b, l != NULL ? l : how);
	if (strcmp(how, "ratio") == 0 && *num != '\0' && *den != '\0')
		buf_printf(b, ": %s / %s", text_indicator(st, num),
		    text_indicator(st, den));
	if (*flags != '\0') {
		buf_adds(b, "; ");
		text_flags(st, b, flags);
	}
}

void
text_roman(struct buf *b, size_t n)
{
	static const struct {
		size_t v;
		const char *s;
	} r[] = { { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
		{ 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
		{ 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" } };
	size_t i;

	for (i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		while (n >= r[i].v) {
			buf_adds(b, r[i].s);
			n -= r[i].v;
		}
}
