/*
 * baocao-gen: writes a deterministic corpus of synthetic reports from the
 * 22 district-level units of Hồ Chí Minh City, in the phrasing variety of
 * the real ones, and beside them the true facts.
 *
 *	baocao-gen [-K] [-p PERIODS] [-y FIRST_YEAR] [-s SEED] [-b BYTES] [-m PCT] [-f] DIR
 *
 * Writes DIR/<code>_<period>.txt for every unit and period, and
 * DIR/truth.csv with the facts a correct pipeline finds in them:
 *	doc,reporter_code,province_code,period,indicator,value,unit,flags
 * PERIODS (default 6) cycles through quý I-IV, 9 tháng and năm of each
 * year from FIRST_YEAR (default 2023).  BYTES (default 0) pads every
 * report with prose to about that size (for benchmarks).  -f writes
 * figures in forms that stress the extractor (bold, no separator, zero
 * padding, slash chains, footnotes, a table).  -m leaves out about PCT
 * percent of the (unit, period) reports, as when some districts are late.
 *
 * The figures of a unit's year are true quarterly figures, and a report
 * states their sum over its period (a stock, what is carried over, is the
 * one at the start of its period), so the reports of one year agree.
 * -K makes the units send different kinds of reports, by the unit's place
 * in the list: four quarters; quý I, 6 tháng, 9 tháng and năm; the year
 * only; 9 tháng and năm; all six.  Without -K every unit sends all six.
 * truth.csv ends with the figures each unit's reports imply for the
 * periods it did not send (flags "derived", no doc): a period whose
 * quarters are a combination of the periods stated (a rank test over the
 * quarters, not the pipeline's method), for every flow.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct unit {
	const char *code, *issuer, *place, *type;
	int wards;
} units[] = {
	{ "760", "QUẬN 1", "Quận 1", "quận", 10 },
	{ "761", "QUẬN 12", "Quận 12", "quận", 11 },
	{ "764", "QUẬN GÒ VẤP", "Gò Vấp", "quận", 16 },
	{ "765", "QUẬN BÌNH THẠNH", "Bình Thạnh", "quận", 20 },
	{ "766", "QUẬN TÂN BÌNH", "Tân Bình", "quận", 15 },
	{ "767", "QUẬN TÂN PHÚ", "Tân Phú", "quận", 11 },
	{ "768", "QUẬN PHÚ NHUẬN", "Phú Nhuận", "quận", 13 },
	{ "769", "THÀNH PHỐ THỦ ĐỨC", "Thủ Đức", "thành phố", 34 },
	{ "770", "QUẬN 3", "Quận 3", "quận", 12 },
	{ "771", "QUẬN 10", "Quận 10", "quận", 14 },
	{ "772", "QUẬN 11", "Quận 11", "quận", 16 },
	{ "773", "QUẬN 4", "Quận 4", "quận", 13 },
	{ "774", "QUẬN 5", "Quận 5", "quận", 14 },
	{ "775", "QUẬN 6", "Quận 6", "quận", 14 },
	{ "776", "QUẬN 8", "Quận 8", "quận", 16 },
	{ "777", "QUẬN BÌNH TÂN", "Bình Tân", "quận", 10 },
	{ "778", "QUẬN 7", "Quận 7", "quận", 10 },
	{ "783", "HUYỆN CỦ CHI", "Củ Chi", "huyện", 21 },
	{ "784", "HUYỆN HÓC MÔN", "Hóc Môn", "huyện", 12 },
	{ "785", "HUYỆN BÌNH CHÁNH", "Bình Chánh", "huyện", 16 },
	{ "786", "HUYỆN NHÀ BÈ", "Nhà Bè", "huyện", 7 },
	{ "787", "HUYỆN CẦN GIỜ", "Cần Giờ", "huyện", 7 },
};
enum { NUNITS = sizeof(units) / sizeof(units[0]) };

static const char *const roman[] = { "I", "II", "III", "IV" };

/* The flows: counts added up over time, one true figure per quarter. */
enum { F_VISITS, F_PERSONS, F_LEADER, F_RECEIVED, F_DENUN, F_COMPL,
	F_DOS_RECV, F_DOS_RES, F_DOS_ONLINE, F_WORKS, F_HH, F_MONEY, F_SUP,
	F_COLL, F_INDIV, NFLOW };

static const struct flow {
	const char *ind, *unit;
} flows[NFLOW] = {
	{ "reception.visits", "visit" }, { "reception.persons", "person" },
	{ "reception.leader_visits", "visit" },
	{ "petitions.received", "petition" },
	{ "petitions.denunciations", "petition" },
	{ "petitions.complaints", "petition" },
	{ "dossiers.received", "dossier" }, { "dossiers.resolved", "dossier" },
	{ "dossiers.online", "dossier" }, { "works.count", "work" },
	{ "works.households", "household" }, { "works.cash_vnd", "VND" },
	{ "supervision.sessions", "session" },
	{ "awards.collectives", "collective" },
	{ "awards.individuals", "person" },
};

/* The periods a report may cover, as quarters [qa, qb]. */
enum { P_Q1, P_Q2, P_Q3, P_Q4, P_9M, P_Y, P_H1, P_H2, NPER };
static const struct per {
	int qa, qb;
} pers[NPER] = { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 0, 2 }, { 0, 3 },
	{ 0, 1 }, { 2, 3 } };

/* What each kind of sender sends (-K), as bits of pers. */
static const unsigned kinds[] = {
	1u << P_Q1 | 1u << P_Q2 | 1u << P_Q3 | 1u << P_Q4,
	1u << P_Q1 | 1u << P_H1 | 1u << P_9M | 1u << P_Y,
	1u << P_Y,
	1u << P_9M | 1u << P_Y,
	1u << P_Q1 | 1u << P_Q2 | 1u << P_Q3 | 1u << P_Q4 | 1u << P_9M | 1u << P_Y,
};
enum { NKINDS = sizeof(kinds) / sizeof(kinds[0]) };

/* One unit's year: the true figures of each quarter. */
struct base {
	long q[NFLOW][4];
	long carried[4];	/* petitions carried over into each quarter */
};

struct gen {
	uint64_t rng;
	FILE *out, *truth;
	const char *doc;
	const struct unit *u;
	const char *period;
	int forms;
	const struct base *b;
	int qa, qb;		/* the report's quarters */
	unsigned *sent;		/* per flow: the periods stated (bits of pers) */
	int per;		/* the report's period (index of pers) */
};

static uint64_t
next(struct gen *g)
{
	/* splitmix64: small, deterministic, good enough for test data. */
	uint64_t z = (g->rng += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static long
rnd(struct gen *g, long lo, long hi)
{
	return lo + (long)(next(g) % (uint64_t)(hi - lo + 1));
}

static void
die(const char *msg)
{
	fprintf(stderr, "baocao-gen: %s: %s\n", msg, strerror(errno));
	exit(2);
}

/* An integer as a report may write it: 1.642, 1642, 06, **1.642**. */
static void
num(struct gen *g, char *buf, size_t n, long v)
{
	char d[32], grouped[48];
	int len = snprintf(d, sizeof(d), "%ld", v), i, j = 0;
	int style = g->forms ? (int)rnd(g, 0, 5) : 0;

	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[j++] = '.';
		grouped[j++] = d[i];
	}
	grouped[j] = '\0';
	if (v < 10 && style >= 3)
		snprintf(buf, n, "0%ld", v);		/* zero-padded */
	else if (v >= 1000 && style == 1)
		snprintf(buf, n, "%s", d);		/* no separator */
	else if (style == 2)
		snprintf(buf, n, "**%s**", grouped);	/* bold */
	else
		snprintf(buf, n, "%s", grouped);
}

/* A percentage with a decimal comma: 98,5%. */
static void
pct(char *buf, size_t n, long tenths)
{
	if (tenths % 10 == 0)
		snprintf(buf, n, "%ld%%", tenths / 10);
	else
		snprintf(buf, n, "%ld,%ld%%", tenths / 10, tenths % 10);
}

static void
fact(struct gen *g, const char *ind, const char *value, const char *unit)
{
	fprintf(g->truth, "%s,%s,79,%s,%s,%s,%s,\n", g->doc, g->u->code,
	    g->period, ind, value, unit);
}

/* A flow's figure for the report's period, and the report states it. */
static long
flow(struct gen *g, int f)
{
	long v = 0;
	int q;

	for (q = g->qa; q <= g->qb; q++)
		v += g->b->q[f][q];
	return v;
}

static void
factf(struct gen *g, int f)
{
	char b[32];

	snprintf(b, sizeof(b), "%ld", flow(g, f));
	fact(g, flows[f].ind, b, flows[f].unit);
	g->sent[f] |= 1u << g->per;
}

/* 100 * a / b in tenths, rounded half up. */
static long
tenths(long a, long b)
{
	return (2000 * a + b) / (2 * b);
}

static void
factl(struct gen *g, const char *ind, long v, const char *unit)
{
	char b[32];

	snprintf(b, sizeof(b), "%ld", v);
	fact(g, ind, b, unit);
}

static void
factp(struct gen *g, const char *ind, long tenths)
{
	char b[32];

	if (tenths % 10 == 0)
		snprintf(b, sizeof(b), "%ld", tenths / 10);
	else
		snprintf(b, sizeof(b), "%ld.%ld", tenths / 10, tenths % 10);
	fact(g, ind, b, "percent");
}

static void
p(struct gen *g, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vfprintf(g->out, fmt, ap) < 0)
		die("write");
	va_end(ap);
}

static const char *const filler[] = {
	"Tiếp tục quán triệt thực hiện Kết luận số 114-KL/TW ngày 14 tháng 7 năm 2015 của Ban Chấp hành Trung ương về công tác dân vận của cơ quan nhà nước, chính quyền các cấp.",
	"Ủy ban nhân dân chỉ đạo các cơ quan, đơn vị thực hiện nghiêm Quyết định số 67/QĐ-UBND ngày 29/12/2017 về ban hành Quy tắc ứng xử của cán bộ, công chức, viên chức.",
	"Thực hiện Nghị định số 145/2020/NĐ-CP ngày 14 tháng 12 năm 2020 của Chính phủ, các cơ quan tổ chức hội nghị người lao động theo đúng quy định.",
	"Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội theo phương châm \"dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng\".",
	"Công tác cải cách hành chính được triển khai theo Kế hoạch số 21/KH-UBND ngày 21 tháng 01 năm 2021, gắn với chuyển đổi số và dịch vụ công trực tuyến mức độ 3, 4.",
	"Liên hệ Văn phòng qua số điện thoại 028.38940541 hoặc thư điện tử vanphong@baocao.example.vn trong giờ hành chính.",
	"Trong nhiệm kỳ 2021 - 2026, tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15 tháng 5 năm 2016 về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
};
enum { NFILLER = sizeof(filler) / sizeof(filler[0]) };

/* The title, canonical name and body words of period k of year. */
static void
period_of(int k, int year, char *text, size_t tn, char *canon, size_t cn,
    char *body, size_t bn)
{
	if (k <= P_Q4) {
		snprintf(text, tn, "quý %s năm %d", roman[k], year);
		snprintf(canon, cn, "%d-Q%d", year, k + 1);
		snprintf(body, bn, "quý %s", roman[k]);
	} else if (k == P_9M) {
		snprintf(text, tn, "9 tháng năm %d", year);
		snprintf(canon, cn, "%d-01/%d-09", year, year);
		snprintf(body, bn, "9 tháng đầu năm");
	} else if (k == P_H1) {
		snprintf(text, tn, "6 tháng đầu năm %d", year);
		snprintf(canon, cn, "%d-H1", year);
		snprintf(body, bn, "6 tháng đầu năm");
	} else {
		snprintf(text, tn, "năm %d", year);
		snprintf(canon, cn, "%d", year);
		snprintf(body, bn, "năm %d", year);
	}
}

/* One unit's true quarters of one year, from their own stream (so they do
 * not depend on which reports are left out). */
static void
make_base(struct base *b, uint64_t seed, int unit, int year)
{
	struct gen r = { 0 };
	int q;

	r.rng = seed ^ (uint64_t)(unit + 1) * 0x100000001B3ULL ^
	    (uint64_t)year * 0x9E3779B1ULL;
	for (q = 0; q < 4; q++) {
		long *v[NFLOW];
		int f;

		for (f = 0; f < NFLOW; f++)
			v[f] = &b->q[f][q];
		*v[F_VISITS] = rnd(&r, 30, 1000);
		*v[F_PERSONS] = *v[F_VISITS] + rnd(&r, 0, 50);
		*v[F_LEADER] = rnd(&r, 1, 25);
		*v[F_RECEIVED] = rnd(&r, 10, 380);
		*v[F_DENUN] = rnd(&r, 0, *v[F_RECEIVED] / 10);
		*v[F_COMPL] = rnd(&r, 1, *v[F_RECEIVED] / 5);
		*v[F_DOS_RECV] = rnd(&r, 500, 22000);
		*v[F_DOS_RES] = *v[F_DOS_RECV] - rnd(&r, 0, 120);
		*v[F_DOS_ONLINE] = *v[F_DOS_RECV] * rnd(&r, 10, 60) / 100;
		*v[F_WORKS] = rnd(&r, 1, 20);
		*v[F_HH] = rnd(&r, 12, 750);
		*v[F_MONEY] = rnd(&r, 3, 2250) * 1000000L;
		*v[F_SUP] = rnd(&r, 1, 100);
		*v[F_COLL] = rnd(&r, 1, 225);
		*v[F_INDIV] = rnd(&r, 3, 500);
		b->carried[q] = rnd(&r, 0, 200);
	}
}

static void
report_reception(struct gen *g, const char *pbody)
{
	char a[48], b[48], c[48], d[48];

	num(g, a, sizeof(a), flow(g, F_VISITS));
	num(g, b, sizeof(b), flow(g, F_LEADER));
	num(g, c, sizeof(c), rnd(g, 1, 300));
	if (g->forms && rnd(g, 0, 1)) {
		num(g, d, sizeof(d), flow(g, F_PERSONS));
		p(g, "+ Tiếp công dân thường xuyên %s lượt/%s người (giảm %s lượt so với cùng kỳ).\n\n+ Lãnh đạo tiếp định kỳ: lãnh đạo tiếp %s lượt.\n\n",
		    a, d, c, b);
		factf(g, F_PERSONS);
	} else {
		p(g, "Kết quả trong %s, Ủy ban nhân dân đã tiếp %s lượt công dân (giảm %s lượt so với cùng kỳ), trong đó, lãnh đạo tiếp %s lượt.\n\n",
		    pbody, a, c, b);
	}
	factf(g, F_VISITS);
	factf(g, F_LEADER);
}

static void
report_petitions(struct gen *g, const char *pbody)
{
	char a[48], b[48], c[48], d[48], e[48];
	long carried = g->b->carried[g->qa], rate = rnd(g, 700, 1000);

	num(g, a, sizeof(a), carried);
	num(g, b, sizeof(b), flow(g, F_RECEIVED));
	num(g, c, sizeof(c), flow(g, F_DENUN));
	num(g, d, sizeof(d), flow(g, F_COMPL));
	pct(e, sizeof(e), rate);
	p(g, "Số lượng đơn tồn kỳ trước chuyển sang là %s đơn. Số đơn nhận trong %s là %s đơn thư, cụ thể: tố cáo %s đơn, khiếu nại %s đơn, đã giải quyết xong đạt %s.\n\n",
	    a, pbody, b, c, d, e);
	factl(g, "petitions.carried_over", carried, "petition");
	factf(g, F_RECEIVED);
	factf(g, F_DENUN);
	factf(g, F_COMPL);
	factp(g, "petitions.resolved_rate", rate);
}

static void
report_dossiers(struct gen *g)
{
	char a[48], b[48], c[48], d[48], e[48], f[48], h[48];
	long recv = flow(g, F_DOS_RECV), res = flow(g, F_DOS_RES);
	long online = flow(g, F_DOS_ONLINE);
	long on_time = rnd(g, 950, 1000), satis = rnd(g, 900, 1000);

	p(g, "2. Công tác cải cách hành chính\n\n");
	num(g, a, sizeof(a), recv);
	num(g, b, sizeof(b), res);
	pct(c, sizeof(c), tenths(res, recv));
	num(g, d, sizeof(d), online);
	pct(e, sizeof(e), tenths(online, recv));
	pct(f, sizeof(f), on_time);
	pct(h, sizeof(h), satis);
	p(g, "+ Ủy ban nhân dân đã tiếp nhận %s hồ sơ, đã giải quyết được %s hồ sơ, đạt tỷ lệ %s. Tiếp nhận trực tuyến %s hồ sơ, đạt tỷ lệ %s. Tỷ lệ giải quyết hồ sơ đúng hạn đạt %s, mức độ hài lòng của người dân đạt %s.\n\n",
	    a, b, c, d, e, f, h);
	factf(g, F_DOS_RECV);
	factf(g, F_DOS_RES);
	factp(g, "dossiers.resolved_rate", tenths(res, recv));
	factf(g, F_DOS_ONLINE);
	factp(g, "dossiers.online_rate", tenths(online, recv));
	factp(g, "dossiers.on_time_rate", on_time);
	factp(g, "satisfaction.rate", satis);
	num(g, a, sizeof(a), rnd(g, 10000, 200000));
	p(g, "+ Tại Ủy ban nhân dân %d phường đã tiếp nhận %s hồ sơ.\n\n",
	    g->u->wards, a);
}

static void
report_democracy(struct gen *g, int year)
{
	char a[48], b[48], c[48], d[48];
	long works = flow(g, F_WORKS), hh = flow(g, F_HH);
	int i;

	p(g, "3. Thực hiện Quy chế dân chủ ở cơ sở\n\n");
	num(g, a, sizeof(a), works);
	num(g, b, sizeof(b), hh);
	num(g, c, sizeof(c), flow(g, F_MONEY));
	p(g, "Nhân dân đã bàn, quyết định thực hiện %s công trình phúc lợi công cộng với phương châm \"Nhà nước và nhân dân cùng làm\", có %s hộ dân đóng góp số tiền %s đồng.",
	    a, b, c);
	if (g->forms)
		p(g, " Kết quả năm %d¹ được ghi nhận.", year);
	p(g, "\n\n");
	factf(g, F_WORKS);
	factf(g, F_HH);
	factf(g, F_MONEY);
	num(g, a, sizeof(a), flow(g, F_SUP));
	p(g, "Qua %s cuộc giám sát, không phát hiện sai phạm.\n\n", a);
	factf(g, F_SUP);
	p(g, "4. Công tác thi đua, khen thưởng\n\n");
	num(g, a, sizeof(a), rnd(g, 2, 90));
	num(g, b, sizeof(b), flow(g, F_COLL));
	num(g, c, sizeof(c), flow(g, F_INDIV));
	num(g, d, sizeof(d), rnd(g, 1, 50));
	p(g, "Ủy ban nhân dân đã ban hành %s Quyết định khen thưởng cho %s tập thể và %s cá nhân; đề nghị tặng Bằng khen cho %s tập thể.\n\n",
	    a, b, c, d);
	factf(g, F_COLL);
	factf(g, F_INDIV);
	if (g->forms) {
		/* The appendix splits the text's totals over three wards, so the
		 * report adds up (check-totals finds nothing in it). */
		long w1 = rnd(g, 0, works), w2 = rnd(g, 0, works - w1);
		long h1 = rnd(g, 0, hh), h2 = rnd(g, 0, hh - h1);
		long wv[3] = { w1, w2, works - w1 - w2 }, hv[3] = { h1, h2, hh - h1 - h2 };

		p(g, "¹ Quyết định số 187/QĐ-UBND ngày 19 tháng 01 năm %d.\n\n", year + 1);
		p(g, "PHỤ LỤC\n\nSTT\tĐơn vị\tSố lượng công trình\tSố hộ dân đóng góp\n1\t2\t3\t4\n");
		for (i = 0; i < 3; i++)
			p(g, "%d\tUBND Phường %d\t%ld\t%ld\n", i + 1, i + 1, wv[i], hv[i]);
		p(g, "Tổng cộng\t\t%ld\t%ld\n\n", works, hh);
	}
}

static void
report(struct gen *g, const char *ptext, const char *pbody, int year, long pad)
{
	const struct unit *u = g->u;
	long written = 0;
	int month = (int)rnd(g, 1, 12), day = (int)rnd(g, 1, 28), i;

	p(g, "\n\n**ỦY BAN NHÂN DÂN\n%s**\n\nSố: %ld/BC-UBND\n\n", u->issuer,
	    rnd(g, 100, 9999));
	p(g, "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc**\n\n");
	p(g, "%s, ngày %d tháng %d năm %d\n\nBÁO CÁO\n\n", u->place, day, month,
	    year + 1);
	p(g, "Kết quả thực hiện công tác dân vận chính quyền, quy chế dân chủ ở cơ sở %s\n\n",
	    ptext);
	p(g, "Căn cứ Kế hoạch số %ld/KH-UBND ngày %d/%d/%d của Ủy ban nhân dân Thành phố; Hướng dẫn số 1717/HD-SNV ngày 14/4/2023 của Sở Nội vụ.\n\n",
	    rnd(g, 10, 999), day, month, year);
	p(g, "I. TÌNH HÌNH CHUNG\n\n");
	p(g, "Trên địa bàn hiện có %d phường, xã, thị trấn; Ủy ban nhân dân %d phường thực hiện tốt quy chế dân chủ.\n\n",
	    u->wards, u->wards);
	factl(g, "units.wards", u->wards, "unit");
	p(g, "II. KẾT QUẢ THỰC HIỆN\n\n1. Công tác tiếp công dân, giải quyết đơn thư\n\n");
	report_reception(g, pbody);
	report_petitions(g, pbody);
	report_dossiers(g);
	report_democracy(g, year);
	for (i = 0; written < pad; i++) {
		const char *f = filler[next(g) % NFILLER];

		p(g, "%s\n\n", f);
		written += (long)strlen(f) + 2;
	}
	p(g, "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n\n**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n");
}

/* Rank of n vectors over the 4 quarters (exact, fraction-free). */
static int
rank(long m[][4], int n)
{
	int r = 0, c, i, j, k;

	for (c = 0; c < 4 && r < n; c++) {
		for (i = r; i < n && m[i][c] == 0; i++)
			;
		if (i == n)
			continue;
		for (k = 0; k < 4; k++) {
			long t = m[r][k];

			m[r][k] = m[i][k];
			m[i][k] = t;
		}
		for (j = r + 1; j < n; j++) {
			long a = m[j][c], b = m[r][c];

			for (k = 0; k < 4; k++)
				m[j][k] = m[j][k] * b - m[r][k] * a;
		}
		r++;
	}
	return r;
}

/* Whether period t's quarters are a combination of the periods in sent. */
static int
implied(unsigned sent, int t)
{
	long m[NPER + 1][4], m2[NPER + 1][4];
	int n = 0, k, q;

	for (k = 0; k < NPER; k++) {
		if (!(sent & 1u << k))
			continue;
		for (q = 0; q < 4; q++)
			m[n][q] = q >= pers[k].qa && q <= pers[k].qb;
		n++;
	}
	memcpy(m2, m, sizeof(m));
	for (q = 0; q < 4; q++)
		m2[n][q] = q >= pers[t].qa && q <= pers[t].qb;
	return rank(m2, n + 1) == rank(m, n);
}

/* The truth of the periods a unit's year implies and it did not send. */
static void
derived_truth(struct gen *g, const struct base *b, const unsigned *sent,
    int year)
{
	char canon[32], t1[64], t2[64];
	int f, t, q;

	for (f = 0; f < NFLOW; f++)
		for (t = 0; t < NPER; t++) {
			long v = 0;

			if (sent[f] == 0 || sent[f] & 1u << t || !implied(sent[f], t))
				continue;
			for (q = pers[t].qa; q <= pers[t].qb; q++)
				v += b->q[f][q];
			if (t == P_H2)
				snprintf(canon, sizeof(canon), "%d-H2", year);
			else
				period_of(t, year, t1, sizeof(t1), canon,
				    sizeof(canon), t2, sizeof(t2));
			fprintf(g->truth, ",%s,79,%s,%s,%ld,%s,derived\n",
			    g->u->code, canon, flows[f].ind, v, flows[f].unit);
		}
}

/* Writes unit k's report for period per of year (unless left out). */
static void
write_report(struct gen *g, const char *dir, int per, int year, long pad,
    int missing)
{
	char ptext[64], canon[32], body[64], doc[96], path[4096], *slash;

	if (missing > 0 && rnd(g, 1, 100) <= missing)
		return;
	period_of(per, year, ptext, sizeof(ptext), canon, sizeof(canon),
	    body, sizeof(body));
	g->period = canon;
	g->per = per;
	g->qa = pers[per].qa;
	g->qb = pers[per].qb;
	snprintf(doc, sizeof(doc), "%s_%s", g->u->code, canon);
	while ((slash = strchr(doc, '/')) != NULL)
		*slash = '-';
	g->doc = doc;
	snprintf(path, sizeof(path), "%s/%s.txt", dir, doc);
	if ((g->out = fopen(path, "w")) == NULL)
		die(path);
	report(g, ptext, body, year, pad);
	if (fclose(g->out) == EOF)
		die(path);
}

/* Every unit's reports of the first periods slots (6 a year). */
static void
write_reports(struct gen *g, const char *dir, int periods, int first_year,
    long pad, int missing, int by_kind, const struct base *bases,
    unsigned *sent)
{
	int i, k;

	for (i = 0; i < periods; i++) {
		int per = i % 6, year = first_year + i / 6;

		for (k = 0; k < NUNITS; k++) {
			unsigned kind = kinds[by_kind ? k % NKINDS : NKINDS - 1];

			g->u = &units[k];
			g->b = &bases[(i / 6) * NUNITS + k];
			g->sent = &sent[((i / 6) * NUNITS + k) * NFLOW];
			if (kind & 1u << per)
				write_report(g, dir, per, year, pad, missing);
			if (per == P_Q2 && kind & 1u << P_H1)
				write_report(g, dir, P_H1, year, pad, missing);
		}
	}
}

int
main(int argc, char *argv[])
{
	struct gen g = { 0 };
	int c, periods = 6, first_year = 2023, k, y, nyears, missing = 0;
	int by_kind = 0;
	long pad = 0;
	const char *dir;
	char path[4096];
	struct base *bases;
	unsigned *sent;
	uint64_t seed = 1;

	while ((c = getopt(argc, argv, "Kb:fm:p:s:y:")) != -1) {
		switch (c) {
		case 'K':
			by_kind = 1;
			break;
		case 'b':
			pad = atol(optarg);
			break;
		case 'f':
			g.forms = 1;
			break;
		case 'm':
			missing = atoi(optarg);
			break;
		case 'p':
			periods = atoi(optarg);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 10);
			break;
		case 'y':
			first_year = atoi(optarg);
			break;
		default:
			fputs("usage: baocao-gen [-Kf] [-p PERIODS] [-y YEAR] [-s SEED] [-b BYTES] [-m PCT] DIR\n", stderr);
			return 2;
		}
	}
	if (optind + 1 != argc || periods < 1 || first_year < 2021) {
		fputs("usage: baocao-gen [-Kf] [-p PERIODS] [-y YEAR>=2021] [-s SEED] [-b BYTES] [-m PCT] DIR\n", stderr);
		return 2;
	}
	g.rng = seed;
	dir = argv[optind];
	nyears = (periods + 5) / 6;
	bases = calloc((size_t)(NUNITS * nyears), sizeof(*bases));
	sent = calloc((size_t)(NUNITS * nyears * NFLOW), sizeof(*sent));
	if (bases == NULL || sent == NULL)
		die("out of memory");
	for (y = 0; y < nyears; y++)
		for (k = 0; k < NUNITS; k++)
			make_base(&bases[y * NUNITS + k], seed, k, first_year + y);
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		die(dir);
	snprintf(path, sizeof(path), "%s/truth.csv", dir);
	if ((g.truth = fopen(path, "w")) == NULL)
		die(path);
	fputs("doc,reporter_code,province_code,period,indicator,value,unit,flags\n", g.truth);
	write_reports(&g, dir, periods, first_year, pad, missing, by_kind,
	    bases, sent);
	for (y = 0; y < nyears; y++)
		for (k = 0; k < NUNITS; k++) {
			g.u = &units[k];
			derived_truth(&g, &bases[y * NUNITS + k],
			    &sent[(y * NUNITS + k) * NFLOW], first_year + y);
		}
	free(bases);
	free(sent);
	if (fclose(g.truth) == EOF)
		die("truth.csv");
	return 0;
}
