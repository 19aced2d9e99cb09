/* The gazetteer and the reporter resolution, against the built-in data;
 * expected values read by hand from common/data/units_history.csv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gaz.h"
#include "reporter.h"
#include "unit.h"

static const char *
name_on(const struct gaz *g, const char *code, const char *date)
{
	const struct gaz_unit *u = gaz_by_code(g, code, date);

	return u == NULL ? "NONE" : u->full_name;
}

static void
coverage(const struct gaz *g)
{
	const char *level = NULL;
	char *codes[] = { "764", "26884", "27637", "785", "07792" };
	size_t covered;

	/* Hồ Chí Minh City: 22 district-level units before the reform, 168
	 * ward-level units from 2025-07-01 (113 phường, 54 xã, 1 đặc khu). */
	CHECK(gaz_reporting_units(g, "79", "2024-12-31", &level) == 22);
	CHECK_STR(level, "district");
	CHECK(gaz_reporting_units(g, "79", "2025-06-30", &level) == 22);
	CHECK(gaz_reporting_units(g, "79", "2025-07-01", &level) == 168);
	CHECK_STR(level, "ward");
	CHECK(gaz_reporting_units(g, "79", "2017-03-31", NULL) == 24);
	CHECK(gaz_reporting_units(g, "99", "2024-12-31", NULL) == 0);
	/* A district counts before, a new ward after; neither the other way. */
	CHECK(gaz_coverage(g, "79", "2024-12-31", codes, 5, &covered) == 22);
	CHECK(covered == 2);
	CHECK(gaz_coverage(g, "79", "2025-09-30", codes, 5, &covered) == 168);
	CHECK(covered == 2);
}

static const char *
resolve(const struct gaz *g, const char *issuer, const char *date,
    const char *places)
{
	static char out[256];
	struct reporter_query q = { { issuer, strlen(issuer) },
		{ date, strlen(date) }, { places, strlen(places) }, NULL, NULL };
	struct reporter r;

	reporter_resolve(g, &q, &r);
	if (r.status == REPORTER_OK)
		snprintf(out, sizeof(out), "%s %s", r.unit->code,
		    r.unit->full_name);
	else
		snprintf(out, sizeof(out), "%d: %s", (int)r.status, r.reason);
	reporter_clear(&r);
	return out;
}

/* Does index v[0..n) of a hold the units b's index of the same name holds,
 * in the same order? */
static int
same_index(const struct gaz *a, struct gaz_unit *const *v,
    const struct gaz *b, struct gaz_unit *const *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] - a->u != w[i] - b->u)
			return 0;
	return 1;
}

/*
 * The built-in gazetteer, read and indexed at build time, is what reading
 * the CSV at run time gives (make unit says where common/data is), and
 * gaz_by_name finds every unit of a name in file order.
 */
static void
builtin_is_file(void)
{
	const char *dir = getenv("BAOCAO_DATA");
	char path[4096];
	struct gaz *a, *b;
	size_t i, bad = 0, k, m;

	CHECK(dir != NULL);
	if (dir == NULL)
		return;
	snprintf(path, sizeof(path), "%s/units_history.csv", dir);
	a = gaz_load(NULL);
	b = gaz_load(path);
	CHECK(a->n == b->n && a->n > 16000);
	for (i = 0; i < a->n && a->n == b->n; i++) {
		const struct gaz_unit *x = &a->u[i], *y = &b->u[i];

		bad += strcmp(x->code, y->code) != 0 ||
		    strcmp(x->level, y->level) != 0 ||
		    strcmp(x->name, y->name) != 0 ||
		    strcmp(x->type, y->type) != 0 ||
		    strcmp(x->parent, y->parent) != 0 ||
		    strcmp(x->province, y->province) != 0 ||
		    strcmp(x->full_name, y->full_name) != 0 ||
		    strcmp(x->from, y->from) != 0 || strcmp(x->to, y->to) != 0 ||
		    strcmp(x->fold_name, y->fold_name) != 0 ||
		    strcmp(x->fold_type, y->fold_type) != 0;
	}
	CHECK(bad == 0);
	CHECK(a->n == b->n && same_index(a, a->bycode, b, b->bycode, a->n) &&
	    same_index(a, a->byname, b, b->byname, a->n));
	CHECK(a->nmembers == b->nmembers && a->nmembers > 10000 &&
	    same_index(a, a->members, b, b->members, a->nmembers));
	for (i = 0; i < a->n; i++) {
		struct gaz_unit *const *v = gaz_by_name(a, a->u[i].fold_name, &m);
		int found = 0;

		for (k = 0; k < m; k++) {
			found |= v[k] == &a->u[i];
			bad += strcmp(v[k]->fold_name, a->u[i].fold_name) != 0 ||
			    (k > 0 && v[k] <= v[k - 1]);
		}
		bad += !found;
	}
	CHECK(bad == 0);
	gaz_free(a);
	gaz_free(b);
}

void
test_gaz(void)
{
	struct gaz *g = gaz_load(NULL);

	/* Codes are reused: always look up with the date. */
	CHECK_STR(name_on(g, "26884", "2024-06-30"), "Phường 10");
	CHECK_STR(name_on(g, "26884", "2025-07-01"), "Phường Gò Vấp");
	CHECK_STR(name_on(g, "24", "2025-06-30"), "Tỉnh Bắc Giang");
	CHECK_STR(name_on(g, "24", "2025-07-01"), "Tỉnh Bắc Ninh");
	CHECK_STR(name_on(g, "764", "2025-07-01"), "NONE");
	CHECK_STR(name_on(g, "75", "2026-05-01"), "Thành phố Đồng Nai");
	coverage(g);
	CHECK_STR(resolve(g, "QUẬN GÒ VẤP", "08 tháng 11 năm 2024", ""),
	    "764 Quận Gò Vấp");
	CHECK_STR(resolve(g, "PHƯỜNG SÀI GÒN", "15 tháng 10 năm 2025", ""),
	    "26740 Phường Sài Gòn");
	CHECK_STR(resolve(g, "QUẬN GÒ VẤP", "15 tháng 10 năm 2025", ""),
	    "2: issuer 'QUẬN GÒ VẤP' not in the gazetteer on 2025-10-15: until "
	    "the reform of 2025-07-01, 764 Quận Gò Vấp (Thành phố Hồ Chí Minh)");
	/* A province issues when its type is written, never by a bare name. */
	CHECK_STR(resolve(g, "TỈNH LÂM ĐỒNG", "19 tháng 12 năm 2025", ""),
	    "68 Tỉnh Lâm Đồng");
	CHECK_STR(resolve(g, "THÀNH PHỐ HỒ CHÍ MINH", "1 tháng 3 năm 2024", ""),
	    "79 Thành phố Hồ Chí Minh");
	CHECK_STR(resolve(g, "THÀNH PHỐ THỦ ĐỨC", "1 tháng 3 năm 2024", ""),
	    "769 Thành phố Thủ Đức");
	CHECK_STR(resolve(g, "Lâm Đồng", "19 tháng 12 năm 2025", ""),
	    "2: issuer 'Lâm Đồng' not in the gazetteer on 2025-12-19");
	/* Apostrophes are no part of the key: "K’Nớ" is the gazetteer's "KNớ". */
	CHECK_STR(resolve(g, "XÃ ĐƯNG K’NỚ", "2 tháng 7 năm 2024", ""),
	    "24850 Xã Đưng KNớ");
	gaz_free(g);
	builtin_is_file();
}
