/* Period algebra and the labels a person reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive.h"
#include "labels.h"
#include "unit.h"

/* "from-to=value ..." -> figures. */
static size_t
figs(const char *spec, struct derive_fig *f)
{
	char *copy = strdup(spec), *tok, *save = NULL;
	size_t n = 0;

	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '=');

		sscanf(tok, "%d-%d", &f[n].from, &f[n].to);
		dec_parse(&f[n].v, eq + 1, strlen(eq + 1));
		n++;
	}
	free(copy);
	return n;
}

/* The implied periods as "from-to=value ..." in derive's order. */
static const char *
implied(const char *spec, size_t *nprob, struct derive_problem **prob)
{
	static char out[512];
	struct derive_fig in[16], got[DERIVE_NSTD];
	struct buf b = { 0 };
	size_t n = figs(spec, in), k, i;

	k = derive_year(in, n, got, prob, nprob);
	out[0] = '\0';
	for (i = 0; i < k; i++) {
		buf_clear(&b);
		dec_format(&got[i].v, &b);
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%d-%d=%s",
		    i > 0 ? " " : "", got[i].from, got[i].to, b.p);
	}
	buf_free(&b);
	return out;
}

static const char *
implied_ok(const char *spec)
{
	struct derive_problem *p;
	size_t np;
	const char *s = implied(spec, &np, &p);

	CHECK(np == 0);
	free(p);
	return s;
}

static void
test_algebra(void)
{
	struct derive_problem *p;
	size_t np;

	/* four quarters: 6 months, the second half, 9 months, the year */
	CHECK_STR(implied_ok("1-3=10 4-6=20 7-9=30 10-12=40"),
	    "1-6=30 7-12=70 1-9=60 1-12=100");
	/* 9 months and quarter IV make the year */
	CHECK_STR(implied_ok("1-9=60 10-12=40.5"), "1-12=100.5");
	/* the year minus 9 months is quarter IV */
	CHECK_STR(implied_ok("1-9=60 1-12=100"), "10-12=40");
	/* a cumulative series: Q1, 6 months, 9 months, the year */
	CHECK_STR(implied_ok("1-3=10 1-6=30 1-9=60 1-12=100"),
	    "4-6=20 7-9=30 10-12=40 7-12=70");
	/* two quarters make 6 months; nothing reaches the year */
	CHECK_STR(implied_ok("1-3=10 4-6=20"), "1-6=30");
	/* a year alone implies nothing; a gap breaks the chain */
	CHECK_STR(implied_ok("1-12=100"), "");
	CHECK_STR(implied_ok("1-3=10 7-9=30 10-12=40"), "7-12=70");
	/* four quarters that are not the year: nothing from that cycle */
	CHECK_STR(implied("1-3=10 4-6=20 7-9=30 10-12=40 1-12=99", &np, &p), "");
	CHECK(np == 1 && p[0].kind == DERIVE_DISAGREE && p[0].a == 4);
	free(p);
	/* 9 months smaller than 6 months: a decrease, and no negative Q3 */
	CHECK_STR(implied("1-6=30 1-9=25", &np, &p), "");
	CHECK(np == 1 && p[0].kind == DERIVE_DECREASE && p[0].a == 0 &&
	    p[0].b == 1);
	free(p);
	/* Q1 + Q2 larger than 9 months: a negative Q3, said so */
	CHECK_STR(implied("1-3=5 4-6=6 1-9=9", &np, &p), "1-6=11");
	CHECK(np == 1 && p[0].kind == DERIVE_NEGATIVE && p[0].from == 7 &&
	    p[0].to == 9);
	free(p);
}

static void
test_names(void)
{
	char s[16];
	int y, a, b;

	derive_name(2024, 10, 12, s);
	CHECK_STR(s, "2024-Q4");
	derive_name(2024, 7, 12, s);
	CHECK_STR(s, "2024-H2");
	derive_name(2024, 1, 9, s);
	CHECK_STR(s, "2024-01/2024-09");
	derive_name(2024, 1, 12, s);
	CHECK_STR(s, "2024");
	CHECK(derive_months("2021-01/2021-09", 15, &y, &a, &b) == 0 &&
	    y == 2021 && a == 1 && b == 9);
	CHECK(derive_months("2024-H2", 7, &y, &a, &b) == 0 && a == 7 && b == 12);
	CHECK(derive_months("2024-03", 7, &y, &a, &b) == 0 && a == 3 && b == 3);
	CHECK(derive_months("2023-10/2024-03", 15, &y, &a, &b) == -1);
	CHECK(derive_months("2024-Q5", 7, &y, &a, &b) == -1);
}

static const char *
vn(const struct labels *l, const char *period)
{
	static struct buf b;

	buf_clear(&b);
	labels_period(l, &b, period);
	return b.p;
}

static void
test_labels(void)
{
	struct labels *l = labels_load(NULL);
	const struct label *x = labels_find(l, "reception.visits");

	CHECK(x != NULL && strcmp(x->label, "Lượt tiếp công dân") == 0 &&
	    strcmp(x->unit, "lượt") == 0);
	CHECK(labels_find(l, "no.such") == NULL);
	CHECK(labels_rank(l, "no.such") == l->n);
	/* the city table's codes have labels and no unit */
	x = labels_find(l, LABELS_HOW "ratio");
	CHECK(x != NULL && strcmp(x->label, "Tính lại từ tổng") == 0 &&
	    *x->unit == '\0');
	x = labels_find(l, LABELS_FLAG "derived");
	CHECK(x != NULL && strcmp(x->label, "có số suy ra") == 0);
	CHECK(labels_rank(l, "population") < labels_rank(l, LABELS_HOW "sum"));
	x = labels_find(l, LABELS_FLAG "weak");
	CHECK(x != NULL && *x->label != '\0' && *x->unit == '\0');
	/* an indicator is shown under the last group above it */
	x = labels_group(l, "petitions.resolved_rate");
	CHECK(x != NULL && strcmp(x->id, LABELS_GROUP "petitions") == 0);
	x = labels_group(l, "population");
	CHECK(x != NULL && strcmp(x->id, LABELS_GROUP "context") == 0);
	CHECK(labels_group(l, LABELS_HOW "sum") == NULL);
	CHECK(labels_group(l, "no.such") == NULL);
	CHECK_STR(vn(l, "2024-Q1"), "Quý I năm 2024");
	CHECK_STR(vn(l, "2024-Q4"), "Quý IV năm 2024");
	CHECK_STR(vn(l, "2021-01/2021-09"), "9 tháng năm 2021");
	CHECK_STR(vn(l, "2023-H1"), "6 tháng đầu năm 2023");
	CHECK_STR(vn(l, "2023-H2"), "6 tháng cuối năm 2023");
	CHECK_STR(vn(l, "2024"), "Năm 2024");
	CHECK_STR(vn(l, "2024-03"), "Tháng 3 năm 2024");
	CHECK_STR(vn(l, "2024-04/2024-09"), "Tháng 4–9 năm 2024");
	CHECK_STR(vn(l, "2023-10/2024-03"),
	    "Tháng 10 năm 2023 – tháng 3 năm 2024");
	CHECK_STR(vn(l, "2024-W05"), "Tuần 5 năm 2024");
	CHECK_STR(vn(l, "2021/2025"), "Giai đoạn 2021–2025");
	CHECK_STR(vn(l, "2023-12-15/2024-06-14"),
	    "Từ ngày 15/12/2023 đến ngày 14/06/2024");
	CHECK_STR(vn(l, "soon"), "soon");
	CHECK_STR(vn(l, "2024-Q5"), "2024-Q5");
	labels_free(l);
	/* templates */
	{
		struct buf b = { 0 };

		labels_fill(&b, "{n}/{total}: {names} {other}", "total", "22",
		    "n", "3", "names", "Quận 1", (const char *)NULL);
		CHECK_STR(b.p, "3/22: Quận 1 {other}");
		buf_clear(&b);
		labels_fill(&b, "no {brace", "brace", "x", (const char *)NULL);
		CHECK_STR(b.p, "no {brace");
		buf_free(&b);
	}
	CHECK(labels_natcmp("Quận 3", "Quận 10") < 0);
	CHECK(labels_natcmp("Quận 10", "Quận 3") > 0);
	CHECK(labels_natcmp("Quận 12", "Quận Bình Tân") < 0);
	CHECK(labels_natcmp("Huyện Củ Chi", "Huyện Cần Giờ") > 0);
	CHECK(labels_natcmp("Quận 03", "Quận 3") != 0);
	CHECK(labels_natcmp("Quận 3", "Quận 3") == 0);
}

void
test_derive(void)
{
	test_algebra();
	test_names();
	test_labels();
}
