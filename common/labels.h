/*
 * labels: what a person reads instead of codes — the Vietnamese label and
 * unit label of each indicator (common/data/labels.csv, built in; an
 * edited copy with --labels), the labels of the city table's codes,
 * Vietnamese names of periods, and the natural order of unit names
 * ("Quận 3" before "Quận 10").
 *
 * labels.csv has the columns id,label,unit_label (the first column was
 * called indicator, which is read too).  An id is an indicator's, or
 * LABELS_HOW and a code of baocao-aggregate's how column ("how.ratio"),
 * or LABELS_FLAG and the name of a flag ("flag.derived"); those have no
 * unit label.
 */
#ifndef BAOCAO_LABELS_H
#define BAOCAO_LABELS_H

#include <stddef.h>

#include "buf.h"

#define LABELS_HOW "how."
#define LABELS_FLAG "flag."

struct label {
	char *id, *label, *unit;	/* unit: "" for a code's label */
};

struct labels {
	struct label *v;	/* in file order: the order to show them in */
	size_t n;
};

/* path NULL loads the built-in copy.  Dies naming file:line on errors
 * (a missing column, an empty label, an indicator's empty unit label, an
 * id given twice). */
struct labels *labels_load(const char *path);
void labels_free(struct labels *);
/* The label of indicator id, or NULL; its index in file order is the
 * order to show it in (labels_rank: n for an unknown id). */
const struct label *labels_find(const struct labels *, const char *id);
size_t labels_rank(const struct labels *, const char *id);

/* Appends the Vietnamese name of a canonical period ("Quý I năm 2024",
 * "9 tháng năm 2021"), or the period itself when it is not canonical. */
void labels_period(struct buf *, const char *period);

/* Natural order: case and diacritics folded, digit runs compared as
 * numbers, then bytewise; like strcmp's result. */
int labels_natcmp(const char *a, const char *b);

#endif
