/*
 * The clause reading on sentences written here, figures marked [like this]
 * (as extract would cut them: the clause before, the figure, the rest).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "lex.h"
#include "unit.h"
#include "vnum.h"

#define MAXF 16

struct line {
	struct clause_in in[MAXF];
	struct clause_fig f[MAXF];
	char text[1024];
	size_t n;
};

static struct lex *lx;

/* Reads a sentence with its figures in [brackets]. */
static void
read_marked(struct line *l, const char *marked)
{
	const char *p;
	char *o = l->text;
	size_t starts[MAXF], ends[MAXF], k;

	l->n = 0;
	for (p = marked; *p != '\0'; p++) {
		if (*p == '[')
			starts[l->n] = (size_t)(o - l->text);
		else if (*p == ']')
			ends[l->n++] = (size_t)(o - l->text);
		else
			*o++ = *p;
	}
	*o = '\0';
	for (k = 0; k < l->n; k++) {
		struct clause_in *c = &l->in[k];
		struct vnum v;

		memset(c, 0, sizeof(*c));
		c->before.p = l->text;
		c->before.n = starts[k];
		c->raw.p = l->text + starts[k];
		c->raw.n = ends[k] - starts[k];
		c->unit.p = "";
		c->after.p = l->text + ends[k];
		c->after.n = strlen(l->text + ends[k]);
		if (vnum_parse(&v, c->raw.p, c->raw.n) == 0) {
			c->percent = v.percent;
			c->fraction = v.fraction;
			c->area = v.area;
		}
	}
	clause_read(lx, l->in, l->n, l->f);
}

static void
done(struct line *l)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		clause_fig_free(&l->f[k]);
}

/* The name of facet cls of figure k, "-" when none. */
static const char *
facet(const struct line *l, size_t k, int cls)
{
	int v = l->f[k].f[cls].val;

	return v == CLAUSE_OTHER ? "OTHER" : v < 0 ? "-" : lx->val[cls][v];
}

static int
has_role(const struct line *l, size_t k, int role)
{
	return (l->f[k].role & 1u << role) != 0;
}

static void
test_fold_and_scan(void)
{
	struct buf b = { 0 };
	struct lex_hit h[8];
	size_t n;

	lex_fold(&b, "Khiếu nại ,tố cáo  (99,42%)", strlen("Khiếu nại ,tố cáo  (99,42%)"));
	CHECK_STR(b.p, "khieu nai, to cao (99,42%)");
	buf_clear(&b);
	lex_fold(&b, "“Nhà nước và nhân dân cùng làm”", strlen("“Nhà nước và nhân dân cùng làm”"));
	CHECK_STR(b.p, "\"nha nuoc va nhan dan cung lam\"");
	buf_clear(&b);
	/* The longer phrase wins where two start. */
	lex_fold(&b, "hồ sơ chưa giải quyết", strlen("hồ sơ chưa giải quyết"));
	n = lex_scan(lx, b.p, b.n, h, 8);
	CHECK(n == 2);
	CHECK(lex_hit_is(lx, &h[1], LEX_STATE, lex_value(lx, LEX_STATE, "pending")));
	CHECK(!lex_hit_is(lx, &h[1], LEX_STATE, lex_value(lx, LEX_STATE, "resolved")));
	/* A word inside another is not the cue: "tiếp tục" is not "tiếp". */
	buf_clear(&b);
	lex_fold(&b, "tiếp tục", strlen("tiếp tục"));
	n = lex_scan(lx, b.p, b.n, h, 8);
	CHECK(n == 1 && lex_hit_val(lx, &h[0], LEX_TOPIC) < 0);
	buf_free(&b);
}

static void
test_noun_phrase(void)
{
	struct line l;

	read_marked(&l, "Bộ phận một cửa còn [7] hồ sơ trễ hạn do phải xác minh");
	CHECK_STR(l.f[0].np, "ho so tre han");
	CHECK_STR(facet(&l, 0, LEX_WHAT), "dossier");
	CHECK_STR(facet(&l, 0, LEX_STATE), "late");
	CHECK(l.f[0].f[LEX_STATE].dist == DIST_NOUN);
	done(&l);
	/* A cue phrase is never cut at its comma. */
	read_marked(&l, "Ban Tiếp công dân nhận [11] đơn thư khiếu nại, tố cáo trong quý");
	CHECK_STR(facet(&l, 0, LEX_KIND), "all");
	done(&l);
	/* A verb phrase before the next count is that count's label. */
	read_marked(&l, "Ủy ban nhân dân [15] phường đã tiếp [723] lượt công dân");
	CHECK_STR(l.f[0].np, "phuong");
	CHECK_STR(l.f[1].label, "da tiep");
	done(&l);
}

static void
test_lists(void)
{
	struct line l;

	read_marked(&l, "Năm 2023 có [21] trường hợp phê bình, [04] trường hợp khiển "
	    "trách, [02] trường hợp cảnh cáo và [01] trường hợp buộc thôi việc");
	CHECK_STR(facet(&l, 0, LEX_KIND), "criticism");
	CHECK_STR(facet(&l, 1, LEX_KIND), "reprimand");
	CHECK_STR(facet(&l, 2, LEX_KIND), "warning");
	CHECK_STR(facet(&l, 3, LEX_KIND), "dismissal");
	done(&l);
	/* The kind before the figure, per item. */
	read_marked(&l, "kỷ luật cảnh cáo: [02] công chức, khiển trách: [06] công chức");
	CHECK_STR(facet(&l, 0, LEX_KIND), "warning");
	CHECK_STR(facet(&l, 1, LEX_KIND), "reprimand");
	CHECK(l.f[1].f[LEX_KIND].dist == DIST_LABEL);
	done(&l);
	/* Items share what the first item's label says. */
	read_marked(&l, "khen thưởng cho [40] tập thể, [9] hộ gia đình, [115] cá nhân");
	CHECK(l.f[1].list_head == 0 && l.f[2].list_head == 0);
	CHECK_STR(facet(&l, 2, LEX_KIND), "award");
	CHECK(l.f[2].f[LEX_KIND].dist == DIST_SHARED);
	done(&l);
}

static void
test_breakdowns_and_rates(void)
{
	struct line l;

	read_marked(&l, "Quận tiếp nhận [300] hồ sơ, trong đó trực tuyến [210] hồ sơ, "
	    "đạt [70%]");
	CHECK(l.f[1].whole == 0 && l.f[1].marker == 1);
	CHECK_STR(facet(&l, 1, LEX_STATE), "online");
	CHECK(l.f[2].rate_of == 1 && l.f[2].base == 0);
	CHECK_STR(facet(&l, 2, LEX_STATE), "online");
	done(&l);
	read_marked(&l, "Trong quý nhận [45] đơn, gồm: [06] đơn khiếu nại, [04] đơn tố "
	    "cáo và [35] đơn kiến nghị, phản ánh");
	CHECK(l.f[1].whole == 0 && l.f[2].whole == 0 && l.f[3].whole == 0);
	CHECK(l.f[1].marker == 2 && l.f[3].first_part == 1);
	CHECK_STR(facet(&l, 3, LEX_KIND), "feedback");
	done(&l);
	/* In brackets: a side figure of the count it follows. */
	read_marked(&l, "Chủ tịch tiếp [14] kỳ/[06] lượt/[19] người ([08] kỳ không có "
	    "công dân)");
	CHECK(l.f[3].host == 0);
	done(&l);
}

static void
test_roles(void)
{
	struct line l;

	read_marked(&l, "đã tiếp [560] lượt người (giảm [242] lượt so với cùng kỳ)");
	CHECK(!has_role(&l, 0, ROLE_CHANGE) && has_role(&l, 1, ROLE_CHANGE));
	done(&l);
	read_marked(&l, "quận đã sắp xếp [96] khu phố thành [58] khu phố");
	CHECK(has_role(&l, 0, ROLE_TO) && !has_role(&l, 1, ROLE_TO));
	done(&l);
	read_marked(&l, "tỷ lệ phiếu bầu từ [55,02%] đến [88,44%]");
	CHECK(has_role(&l, 0, ROLE_FROM) && has_role(&l, 1, ROLE_FROM));
	done(&l);
	read_marked(&l, "Phấn đấu đến cuối năm đạt [100%] hồ sơ trực tuyến");
	CHECK(has_role(&l, 0, ROLE_PLAN));
	done(&l);
	read_marked(&l, "đề nghị khen thưởng [12] tập thể và [30] cá nhân");
	CHECK(has_role(&l, 0, ROLE_PROPOSAL) && has_role(&l, 1, ROLE_PROPOSAL));
	done(&l);
	read_marked(&l, "Ủy ban nhân dân các phường tiếp nhận [9.400] hồ sơ");
	CHECK(has_role(&l, 0, ROLE_TIER) && !has_role(&l, 0, ROLE_OWN));
	done(&l);
	read_marked(&l, "Ủy ban nhân dân quận và 10 phường đã tiếp [412] lượt");
	CHECK(has_role(&l, 0, ROLE_OWN) && !has_role(&l, 0, ROLE_TIER));
	done(&l);
	read_marked(&l, "Tổng số đơn tiếp nhận trong quý là khoảng [57] đơn");
	CHECK(l.f[0].total == 1 && l.f[0].qual == QUAL_APPROX);
	done(&l);
}

void
test_clause(void)
{
	lx = lex_load(NULL);
	test_fold_and_scan();
	test_noun_phrase();
	test_lists();
	test_breakdowns_and_rates();
	test_roles();
	lex_free(lx);
}
