/*
 * gaz: the gazetteer of administrative units (GSO codes), every version
 * 2017-2025, from common/data/units_history.csv (see common/data/README).
 * A version is in force on date D when valid_from <= D < valid_to (empty
 * bounds are open).  Dates are "YYYY-MM-DD" text, compared as text.
 */
#ifndef BAOCAO_GAZ_H
#define BAOCAO_GAZ_H

#include <stddef.h>

struct gaz_unit {
	char *code, *level, *name, *type, *parent, *province, *full_name;
	char *from, *to;	/* "" when open */
	char *fold_name;	/* u8_name_key of the bare name */
	char *fold_type;	/* folded type word, e.g. "huyen" */
};

struct gaz {
	struct gaz_unit *u;
	size_t n;
	/* Indexes built on load: every version by code, and the district-level
	 * versions by province, so lookups per group cost a binary search. */
	struct gaz_unit **bycode, **districts;
	size_t ndistricts;
};

/* path NULL loads the built-in copy.  Dies on a malformed file. */
struct gaz *gaz_load(const char *path);
void gaz_free(struct gaz *);
int gaz_valid(const struct gaz_unit *, const char *date);
/* District-level units of a province in force on date. */
size_t gaz_count_districts(const struct gaz *, const char *province,
	const char *date);
/* The version of code in force on date, else NULL. */
const struct gaz_unit *gaz_by_code(const struct gaz *, const char *code,
	const char *date);

#endif
