/* cover: the units due to report for a province on a date, by code, on
 * the small gazetteer of gaz_small.h (expected units read from it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cover.h"
#include "gaz.h"
#include "gaz_small.h"
#include "unit.h"

/* The codes and names due, as "code name; ...". */
static const char *
due(const struct gaz *g, const char *province, const char *date)
{
	static char out[512];
	const struct gaz_unit **v;
	size_t n, i, k = 0;

	v = cover_due(g, province, date, &n);
	out[0] = '\0';
	for (i = 0; i < n; i++)
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%s %s",
		    i > 0 ? "; " : "", v[i]->code, v[i]->full_name);
	if (n == 0 && v != NULL)
		snprintf(out, sizeof(out), "EMPTY BUT NOT NULL");
	free(v);
	return out;
}

void
test_cover(void)
{
	const struct gaz_unit **v;
	struct gaz *g;
	size_t n;

	unit_write("gaz.csv", GAZ_SMALL);
	g = gaz_load("gaz.csv");
	/* the district level before the reform, sorted by code (as text) */
	CHECK_STR(due(g, "79", "2020-12-31"),
	    "760 Quận 1; 762 Quận Thủ Đức; 769 Quận 2");
	/* valid_to is the first day out, valid_from the first day in */
	CHECK_STR(due(g, "79", "2021-01-01"),
	    "760 Quận 1; 769 Thành phố Thủ Đức");
	CHECK_STR(due(g, "79", "2025-06-30"),
	    "760 Quận 1; 769 Thành phố Thủ Đức");
	/* from the reform, no district: the ward level in force */
	CHECK_STR(due(g, "79", "2025-07-01"),
	    "26734 Phường Sài Gòn; 26740 Phường Tân Định");
	CHECK_STR(due(g, "74", "2024-03-31"), "718 Thành phố Thủ Dầu Một");
	/* a province with no unit in force then, or none at all */
	CHECK_STR(due(g, "74", "2025-09-30"), "");
	CHECK_STR(due(g, "99", "2024-03-31"), "");
	v = cover_due(g, "99", "2024-03-31", &n);
	CHECK(v == NULL && n == 0);

	v = cover_due(g, "79", "2020-12-31", &n);
	CHECK(n == 3);
	CHECK(cover_find(v, n, "760") == v[0]);
	CHECK(cover_find(v, n, "769") == v[2]);
	CHECK(cover_find(v, n, "762") == v[1]);
	CHECK(cover_find(v, n, "761") == NULL);
	CHECK(cover_find(v, n, "26734") == NULL);
	CHECK(cover_find(v, n, "") == NULL);
	CHECK(cover_find(v, 0, "760") == NULL);
	free(v);
	/* the same due units as gaz_reporting_units counts */
	CHECK(gaz_reporting_units(g, "79", "2020-12-31", NULL) == 3);
	CHECK(gaz_reporting_units(g, "79", "2025-07-01", NULL) == 2);
	gaz_free(g);
	remove("gaz.csv");
}
