/*
 * gaz: the gazetteer of administrative units (GSO codes), every version
 * from 2017 to 2026, from common/data/units_history.csv (see
 * common/data/README.md).  A version is in force on date D when
 * valid_from <= D < valid_to (empty bounds are open).  Dates are
 * "YYYY-MM-DD" text, compared as text.
 *
 * From 2025-07-01 the country has two tiers: provinces and ward-level
 * units (phường, xã, đặc khu) whose parent is the province; there is no
 * district level any more, and many codes carry new names.  Always look
 * units up with a date.
 */
#ifndef BAOCAO_GAZ_H
#define BAOCAO_GAZ_H

#include <stddef.h>

#include "buf.h"

struct gazidx;

/* One version of a unit.  The texts are the gazetteer's (never NULL). */
struct gaz_unit {
	const char *code, *level, *name, *type, *parent, *province,
	    *full_name;
	const char *from, *to;	/* "" when open */
	const char *fold_name;	/* gaz_name_key of the bare name */
	const char *fold_type;	/* folded type word, e.g. "huyen" */
};

struct gaz {
	struct gaz_unit *u;	/* every version, in file order */
	size_t n;
	/* Every version by code, the district- and ward-level versions by
	 * province, and every version by fold_name (ties in file order),
	 * so that lookups cost a binary search. */
	struct gaz_unit **bycode, **members, **byname;
	size_t nmembers;
	struct gazidx *own;	/* a --gazetteer file's index, or NULL for
				 * the built-in one */
};

/*
 * Appends the key names are matched by: u8_name_key (blind to case and to
 * where the tone mark sits) of the name without its apostrophes, which
 * names of the Central Highlands write in several ways ("Đưng K’Nớ",
 * "K' Dang", "KNớ").
 */
void gaz_name_key(struct buf *out, const char *p, size_t n);
/* path NULL loads the built-in copy, read and indexed at build time
 * (gazidx.h).  Dies on a malformed file. */
struct gaz *gaz_load(const char *path);
void gaz_free(struct gaz *);
int gaz_valid(const struct gaz_unit *, const char *date);
/*
 * The units that should report for a province on date: its district-level
 * units in force, or, where it has none (from the 2025 reform), its
 * ward-level units.  Returns how many there are (22 for Hồ Chí Minh City in
 * 2024, 168 from 2025-07-01), with *level (when not NULL) set to "district"
 * or "ward", a static string.  0 for an unknown province.
 */
size_t gaz_reporting_units(const struct gaz *, const char *province,
	const char *date, const char **level);
/*
 * Coverage of a city-wide figure: returns gaz_reporting_units() and sets
 * *covered to how many of codes[0..n) are among those units.
 */
size_t gaz_coverage(const struct gaz *, const char *province,
	const char *date, char *const *codes, size_t n, size_t *covered);
/* The district- and ward-level versions of province, *n of them. */
struct gaz_unit *const *gaz_province_members(const struct gaz *,
	const char *province, size_t *n);
/* Is code a province in any version? */
int gaz_is_province(const struct gaz *, const char *code);
/* Every version whose fold_name is key, in file order, *n of them. */
struct gaz_unit *const *gaz_by_name(const struct gaz *, const char *key,
	size_t *n);
/* The version of code in force on date, else NULL. */
const struct gaz_unit *gaz_by_code(const struct gaz *, const char *code,
	const char *date);

#endif
