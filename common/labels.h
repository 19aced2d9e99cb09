/*
 * labels: what a person reads instead of codes — the Vietnamese label and
 * unit label of each indicator (common/data/labels.csv, built in; an
 * edited copy with --labels), the labels of the city table's codes, the
 * sections the indicators are grouped in, the names of periods, the words
 * of the workbook and of the review page, and the natural order of unit
 * names ("Quận 3" before "Quận 10").
 *
 * labels.csv has the columns id,label,unit_label (the first column was
 * called indicator, which is read too).  An id is one of:
 *
 *	INDICATOR	an indicator's label and unit label (both required)
 *	how.CODE	a code of baocao-aggregate's how column (LABELS_HOW)
 *	flag.NAME	a flag's name, as the workbook lists it (LABELS_FLAG)
 *	group.NAME	a section of indicators (LABELS_GROUP): every
 *			indicator below it in the file, to the next group
 *	period.SHAPE	how a period of that shape is named (LABELS_PERIOD;
 *			see labels_period)
 *	book:KEY	the workbook's words (baocao-xlsx); unit_label a second
 *			text where the key has one
 *	review:KEY	the review page's words (baocao-review); unit_label its
 *			hint
 *
 * Only an indicator needs a unit label.  A label may hold placeholders,
 * "{name}", that labels_fill replaces.
 */
#ifndef BAOCAO_LABELS_H
#define BAOCAO_LABELS_H

#include <stddef.h>

#include "buf.h"

#define LABELS_HOW "how."
#define LABELS_FLAG "flag."
#define LABELS_GROUP "group."
#define LABELS_PERIOD "period."

struct label {
	char *id, *label, *unit;	/* unit: "" when the row has none */
	size_t group;			/* an indicator's section: the index
					 * of its group row, or n for none */
};

struct labels {
	struct label *v;	/* in file order: the order to show them in */
	size_t n;
	struct labels_index *index;	/* by id (labels.c) */
};

/* path NULL loads the built-in copy.  Dies naming file:line on errors
 * (a missing column, an empty label, an indicator's empty unit label, an
 * id given twice). */
struct labels *labels_load(const char *path);
void labels_free(struct labels *);
/* The label of id, or NULL; its index in file order is the order to show
 * it in (labels_rank: n for an unknown id). */
const struct label *labels_find(const struct labels *, const char *id);
size_t labels_rank(const struct labels *, const char *id);
/* The group row an indicator is shown under, or NULL. */
const struct label *labels_group(const struct labels *, const char *id);

/*
 * Appends template t with each "{name}" replaced by its value: the
 * arguments after t are pairs of name and value, ended by NULL.  A
 * placeholder not named stays as it is.
 */
void labels_fill(struct buf *, const char *t, ...);

/*
 * Appends the Vietnamese name of a canonical period ("Quý I năm 2024",
 * "9 tháng năm 2021") by the period.SHAPE templates of l:
 *
 *	period.year		2024			{y}
 *	period.quarter		2024-Q1			{q} (I to IV), {y}
 *	period.half1/half2	2024-H1, 2024-H2	{y}
 *	period.month		2024-03			{m}, {y}
 *	period.months-to	2024-01/2024-09		{m1}, {y}
 *	period.months		2024-04/2024-09		{m0}, {m1}, {y}
 *	period.months-across	2023-10/2024-03		{m0}, {y0}, {m1}, {y1}
 *	period.week		2024-W23		{w}, {y}
 *	period.years		2021/2025		{y0}, {y1}
 *	period.days		2023-12-15/2024-06-14	{d0}, {d1} (dd/mm/yyyy)
 *
 * The period itself when it is not canonical or its template is missing.
 */
void labels_period(const struct labels *l, struct buf *, const char *period);

/* Natural order: case and diacritics folded, digit runs compared as
 * numbers, then bytewise; like strcmp's result. */
int labels_natcmp(const char *a, const char *b);

#endif
