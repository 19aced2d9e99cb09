/*
 * gazidx: a gazetteer file read into flat arrays: each distinct text once,
 * units in file order, the three orders (by code; the district and ward
 * levels by province; by folded name) with ties in file order; and
 * gaz_name_key, blind to case, tone placement and apostrophes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "diag.h"
#include "gaz.h"
#include "gaz_small.h"
#include "gazidx.h"
#include "unit.h"

static const char *
field(const struct gazidx *x, size_t u, enum gaz_field f)
{
	return x->str + x->unit[u][f];
}

static const char *
key(const char *s)
{
	static struct buf b;

	buf_clear(&b);
	gaz_name_key(&b, s, strlen(s));
	return b.p == NULL ? "" : b.p;
}

static int
same_key(const char *a, const char *b)
{
	struct buf x = { 0 };
	int same;

	gaz_name_key(&x, a, strlen(a));
	same = strcmp(x.p == NULL ? "" : x.p, key(b)) == 0;
	buf_free(&x);
	return same;
}

/* How many times text t is among the strings. */
static size_t
times(const struct gazidx *x, const char *t)
{
	size_t i, n = 0;

	for (i = 0; i < x->nstr; i += strlen(x->str + i) + 1)
		n += strcmp(x->str + i, t) == 0;
	return n;
}

static void
test_read(void)
{
	static const uint32_t bycode[] = { 5, 6, 7, 9, 8, 4, 1, 2, 3, 0 };
	static const uint32_t members[] = { 9, 1, 2, 3, 4, 5, 6, 7 };
	char *paths[] = { "gaz.csv" };
	struct csvin *in;
	struct gazidx *x;
	size_t i;
	int ok = 1;

	unit_write("gaz.csv", GAZ_SMALL);
	in = csvin_open(paths, 1);
	x = gazidx_read(in);
	csvin_close(in);
	CHECK(x->n == 10);
	CHECK_STR(field(x, 0, GF_CODE), "79");
	CHECK_STR(field(x, 0, GF_LEVEL), "province");
	CHECK_STR(field(x, 3, GF_FULL_NAME), "Thành phố Thủ Đức");
	CHECK_STR(field(x, 3, GF_FROM), "2021-01-01");
	CHECK_STR(field(x, 3, GF_TO), "2025-07-01");
	CHECK_STR(field(x, 3, GF_PARENT), "79");
	CHECK_STR(field(x, 9, GF_PROVINCE), "74");
	CHECK_STR(field(x, 0, GF_FROM), "");
	CHECK_STR(field(x, 5, GF_FOLD_NAME), key("Bến Nghé"));
	CHECK_STR(field(x, 1, GF_FOLD_TYPE), "quan");
	/* each text once: codes, provinces and the empty bound are shared */
	CHECK(times(x, "79") == 1 && times(x, "") == 1 &&
	    times(x, "2025-07-01") == 1 && times(x, "quận") == 1);
	CHECK(x->unit[1][GF_FOLD_NAME] == x->unit[3][GF_FOLD_NAME]);
	CHECK(x->unit[2][GF_FOLD_NAME] != x->unit[3][GF_FOLD_NAME]);
	/* by code, text order ("26734" < "718" < "74" < "760"), ties in
	 * file order */
	for (i = 0; i < 10; i++)
		ok &= x->bycode[i] == bycode[i];
	CHECK(ok);
	/* the provinces' members: district and ward levels, "74" first */
	CHECK(x->nmembers == 8);
	for (i = 0, ok = 1; i < 8 && x->nmembers == 8; i++)
		ok &= x->members[i] == members[i];
	CHECK(ok);
	/* by name: sorted, the two "Thủ Đức" together in file order, the
	 * digit names first */
	for (i = 1, ok = 1; i < 10; i++)
		ok &= strcmp(field(x, x->byname[i - 1], GF_FOLD_NAME),
		    field(x, x->byname[i], GF_FOLD_NAME)) <= 0;
	CHECK(ok);
	CHECK(x->byname[0] == 4 && x->byname[1] == 2);
	for (i = 0; i < 9 && x->byname[i] != 1; i++)
		;
	CHECK(i < 9 && x->byname[i + 1] == 3);
	gazidx_free(x);
	gazidx_free(NULL);
	remove("gaz.csv");
}

static void
missing_column(void *arg)
{
	(void)arg;
	diag_init("baocao-t");
	gaz_free(gaz_load("bad.csv"));
}

static void
test_bad(void)
{
	struct unit_run r;

	unit_write("bad.csv", "code,level,name,type,parent_code,province_code,"
	    "full_name,valid_from\n79,province,X,tỉnh,,79,Tỉnh X,\n");
	unit_fork(&r, missing_column, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: bad.csv:1: column 'valid_to' missing\n");
	unit_done(&r);
	unit_write("bad.csv", "code,level,name,type,parent_code,province_code,"
	    "full_name,valid_from,valid_to\n79,province,X,tỉnh,,79,Tỉnh X,\n");
	unit_fork(&r, missing_column, NULL);
	CHECK(r.status == 2);
	CHECK_STR(r.err, "baocao-t: bad.csv:2: expected 9 fields, found 8\n");
	unit_done(&r);
	/* a header alone: an empty gazetteer, no error */
	unit_write("bad.csv", "code,level,name,type,parent_code,province_code,"
	    "full_name,valid_from,valid_to\n");
	unit_fork(&r, missing_column, NULL);
	CHECK(r.status == 0);
	CHECK_STR(r.err, "");
	unit_done(&r);
	remove("bad.csv");
}

static void
test_name_key(void)
{
	/* case, and where the tone mark sits */
	CHECK(same_key("Hòa Bình", "HOÀ BÌNH"));
	CHECK(same_key("Thủy", "Thuỷ"));
	/* marks that change the letter or the vowel stay */
	CHECK(!same_key("Quảng", "Quang"));
	CHECK(!same_key("Tân", "Tần"));
	CHECK(!same_key("Đông", "Dông"));
	/* apostrophes of every kind go, and one blank after them */
	CHECK(same_key("Đưng K’Nớ", "Đưng KNớ"));
	CHECK(same_key("Đưng K'Nớ", "Đưng KNớ"));
	CHECK(same_key("K' Dang", "KDang"));
	CHECK(same_key("K‘Dang", "KDang"));
	CHECK(same_key("Kʼ Dang", "KDang"));
	CHECK(!same_key("K Dang", "KDang"));
	CHECK(same_key("'", ""));
	CHECK(same_key("’ ", ""));
}

void
test_gazidx(void)
{
	test_read();
	test_bad();
	test_name_key();
}
