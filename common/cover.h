/*
 * cover: the units that should report for a province on a date, and so
 * how much of it a city-wide figure covers ("19 of 22").  Every question
 * of coverage goes through cover_due, the one place that asks the
 * gazetteer which units those are (today the district-level units in
 * force on the date).
 */
#ifndef BAOCAO_COVER_H
#define BAOCAO_COVER_H

#include <stddef.h>

#include "gaz.h"

/*
 * The units of province that should report for a period ending on date
 * ("YYYY-MM-DD"), sorted by code; *n of them.  The array is allocated
 * (the caller frees it); the units belong to the gazetteer.
 */
const struct gaz_unit **cover_due(const struct gaz *, const char *province,
	const char *date, size_t *n);
/* The unit of code among due[0..n), or NULL. */
const struct gaz_unit *cover_find(const struct gaz_unit **due, size_t n,
	const char *code);

#endif
