/*
 * gazidx: the gazetteer read and indexed, as flat arrays of offsets.
 *
 * gaz.c reads a --gazetteer FILE into one; the build reads
 * common/data/units_history.csv into the built-in one with the same code
 * (common/gen/gazgen.c writes it out as C), so that a process using the
 * built-in gazetteer parses, folds and sorts nothing: gaz_load points
 * into it.
 */
#ifndef BAOCAO_GAZIDX_H
#define BAOCAO_GAZIDX_H

#include <stddef.h>
#include <stdint.h>

#include "csvin.h"

/* A unit's fields, in gaz.h's struct gaz_unit order. */
enum gaz_field { GF_CODE, GF_LEVEL, GF_NAME, GF_TYPE, GF_PARENT, GF_PROVINCE,
	GF_FULL_NAME, GF_FROM, GF_TO, GF_FOLD_NAME, GF_FOLD_TYPE, GF_N };

struct gazidx {
	const char *str;		/* the fields, each NUL-terminated, each
					 * distinct text once */
	const uint32_t (*unit)[GF_N];	/* each unit's fields: offsets in str,
					 * in file order */
	/* Units (indexes into unit) in order of a key, ties in file order:
	 * every unit by code; the district- and ward-level ones by
	 * province; every unit by fold_name. */
	const uint32_t *bycode, *members, *byname;
	size_t nstr, n, nmembers;
};

/* Reads in (the gazetteer's columns, checked) into a new index that
 * gazidx_free frees; dies on a malformed file, naming it. */
struct gazidx *gazidx_read(struct csvin *in);
void gazidx_free(struct gazidx *);

/* The built-in gazetteer, written at build time (build/gen/data_gaz.c). */
extern const struct gazidx gazidx_builtin;

#endif
