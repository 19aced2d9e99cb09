/* Signature stamps: lines, times and grouping, expected values by hand. */
#include <stdio.h>
#include <string.h>

#include "stamps.h"
#include "unit.h"

static const char *
iso(const char *s)
{
	static char out[STAMP_TIME_MAX];
	size_t n = strlen(s);

	if (stamps_time(s, n, out) != n)
		strcpy(out, "NO");
	return out;
}

/* field|alone|value of one line, or "none". */
static const char *
piece(const struct stamp_words *w, const char *s)
{
	static const char *const names[] = { "none", "signer", "org", "time",
		"email" };
	static char out[256];
	struct stamp_piece p;

	if (stamps_piece(w, s, strlen(s), &p) == STAMP_NONE)
		return "none";
	snprintf(out, sizeof(out), "%s|%d|%.*s", names[p.field], p.alone,
	    (int)p.value.n, p.value.p);
	return out;
}

static void
test_times(void)
{
	CHECK_STR(iso("24/01/2025 14:23:43"), "2025-01-24T14:23:43");
	CHECK_STR(iso("24.01.2025 20:06:24 +07:00"), "2025-01-24T20:06:24+07:00");
	CHECK_STR(iso("31-12-2025 14:02:36 +07:00"), "2025-12-31T14:02:36+07:00");
	CHECK_STR(iso("2025-01-24T14:23:43+0700"), "2025-01-24T14:23:43+07:00");
	CHECK_STR(iso("2025-01-24 14:23 GMT+7"), "2025-01-24T14:23:00+07:00");
	CHECK_STR(iso("14:23:43 24/01/2025"), "2025-01-24T14:23:43");
	CHECK_STR(iso("3/1/2025 7:05"), "2025-01-03T07:05:00");
	/* Not timestamps. */
	CHECK_STR(iso("24/01/2025"), "NO");
	CHECK_STR(iso("14:23:43"), "NO");
	CHECK_STR(iso("32/01/2025 14:23"), "NO");
	CHECK_STR(iso("24/13/2025 14:23"), "NO");
	CHECK_STR(iso("24/01/2025 24:00"), "NO");
	CHECK_STR(iso("24/01-2025 14:23"), "NO");
	CHECK_STR(iso("24/01/2025 14:2"), "NO");
}

static void
test_pieces(void)
{
	struct stamp_words *w = stamps_load(NULL);

	CHECK_STR(piece(w, "Ký bởi: Ủy ban nhân dân phường Tân Định"),
	    "signer|1|Ủy ban nhân dân phường Tân Định");
	CHECK_STR(piece(w, "  Cơ quan:  Thành phố Hồ Chí Minh  "),
	    "org|0|Thành phố Hồ Chí Minh");
	CHECK_STR(piece(w, "Thời gian ký: 24/01/2025 14:23:43"),
	    "time|1|24/01/2025 14:23:43");
	CHECK_STR(piece(w, "Ky boi : UBND xa A"), "signer|1|UBND xa A");
	CHECK_STR(piece(w, "24.01.2025 20:06:24 +07:00"),
	    "time|1|24.01.2025 20:06:24 +07:00");
	CHECK_STR(piece(w, "congbao@hochiminhcity.gov.vn"),
	    "email|0|congbao@hochiminhcity.gov.vn");
	CHECK_STR(piece(w, "Email: vanthu@tandinh.gov.vn"),
	    "email|0|vanthu@tandinh.gov.vn");
	/* Prose that starts like a stamp. */
	CHECK_STR(piece(w, "Thời gian: 14 giờ ngày 12/3/2024"), "none");
	CHECK_STR(piece(w, "Thời gian ký kết hợp đồng là 12 tháng"), "none");
	CHECK_STR(piece(w, "Cơ quan chuyên môn đã tiếp 12 lượt"), "none");
	CHECK_STR(piece(w, "Email: không có"), "none");
	CHECK_STR(piece(w, "Ký bởi:"), "none");
	CHECK_STR(piece(w, "Tổng số: 12"), "none");
	stamps_free(w);
}

static void
test_group(void)
{
	struct stamp_words *w = stamps_load(NULL);
	static const char *const lines[] = {
		"Cơ quan: Sở Nội vụ",			/* 1: alone, no stamp */
		"Ký bởi: Ủy ban nhân dân phường Tân Định",	/* 10 */
		"Cơ quan: Thành phố Hồ Chí Minh",	/* 11 */
		"Thời gian ký: 24/01/2025 14:23:43",	/* 12 */
		"congbao@hochiminhcity.gov.vn",		/* 14 */
		"24.01.2025 20:06:24 +07:00",		/* 15 */
		"Email: a@b.vn",			/* 30: alone, no stamp */
	};
	static const size_t at[] = { 1, 10, 11, 12, 14, 15, 30 };
	struct stamp_piece v[7];
	unsigned char keep[7];
	struct stamp_set s = { 0 };
	struct buf by = { 0 }, when = { 0 };
	size_t k;

	for (k = 0; k < 7; k++)
		stamps_piece(w, lines[k], strlen(lines[k]), &v[k]);
	stamps_group(v, at, 7, keep, &s);
	CHECK(!keep[0] && keep[1] && keep[2] && keep[3] && keep[4] &&
	    keep[5] && !keep[6]);
	CHECK(s.lines == 5);
	stamps_signed_by(&s, &by);
	stamps_signed_at(&s, &when);
	CHECK_STR(by.p, "Ủy ban nhân dân phường Tân Định");
	CHECK_STR(when.p, "2025-01-24T14:23:43; 2025-01-24T20:06:24+07:00");
	buf_free(&by);
	buf_free(&when);
	stamps_set_free(&s);
	stamps_free(w);
}

void
test_stamps(void)
{
	test_times();
	test_pieces();
	test_group();
}
