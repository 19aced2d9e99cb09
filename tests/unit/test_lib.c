/* buf, arena, htab and the lexicon loader, on inputs written here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "htab.h"
#include "lex.h"
#include "unit.h"
#include "words.h"

static void
test_buf(void)
{
	struct buf b = { 0 };
	size_t i;

	buf_adds(&b, "lượt");
	CHECK(b.n == strlen("lượt") && b.p[b.n] == '\0');
	for (i = 0; i < 10000; i++)
		buf_addc(&b, 'x');
	CHECK(b.n == strlen("lượt") + 10000 && b.cap >= b.n + 1);
	buf_clear(&b);
	CHECK(b.n == 0 && b.p[0] == '\0');
	buf_printf(&b, "%s:%d", "q1.txt", 17);
	CHECK_STR(b.p, "q1.txt:17");
	buf_free(&b);
	CHECK(b.p == NULL && b.n == 0);
}

static void
test_arena(void)
{
	struct arena a = { 0 };
	char *s, *t;
	size_t i;
	int ok = 1;

	s = arena_dup(&a, "Phường 7", strlen("Phường 7"));
	CHECK_STR(s, "Phường 7");
	/* Many blocks: earlier copies stay whole. */
	for (i = 0; i < 5000; i++) {
		t = arena_alloc(&a, 1000);
		ok &= ((size_t)t % sizeof(void *)) == 0 && t[0] == 0 && t[999] == 0;
		t[0] = 'x';
	}
	CHECK(ok);
	CHECK_STR(s, "Phường 7");
	/* emptied, it allocates again from the block it kept, zeroed */
	arena_clear(&a);
	CHECK(a.head != NULL && a.used == 0 && a.cap == ARENA_BLOCK);
	t = arena_alloc(&a, 100);
	CHECK(t[0] == 0 && t[99] == 0 && a.used >= 100);
	/* a block bigger than ARENA_BLOCK keeps its size */
	t = arena_alloc(&a, 3 * ARENA_BLOCK);
	arena_clear(&a);
	CHECK(a.cap == 3 * ARENA_BLOCK);
	t = arena_alloc(&a, 2 * ARENA_BLOCK);
	CHECK(a.cap == 3 * ARENA_BLOCK && t[2 * ARENA_BLOCK - 1] == 0);
	arena_free(&a);
	arena_clear(&a);	/* an empty arena */
	CHECK(a.head == NULL);
}

struct item {
	struct hkey k;
	int v;
};

static void
test_htab(void)
{
	struct htab h = { 0 };
	struct item *it = calloc(3000, sizeof(*it));
	char name[32];
	size_t i;
	int found = 0;

	for (i = 0; i < 3000; i++) {
		snprintf(name, sizeof(name), "79|2024-Q%zu|%zu", i % 4 + 1, i);
		it[i].k.key = strdup(name);
		it[i].k.keylen = strlen(name);
		it[i].k.hash = htab_hash(name, it[i].k.keylen);
		it[i].v = (int)i;
		htab_add(&h, &it[i].k);
	}
	CHECK(h.n == 3000);
	for (i = 0; i < 3000; i++) {
		struct item *f;

		snprintf(name, sizeof(name), "79|2024-Q%zu|%zu", i % 4 + 1, i);
		f = (struct item *)htab_find(&h, name, strlen(name),
		    htab_hash(name, strlen(name)));
		found += f != NULL && f->v == (int)i;
	}
	CHECK(found == 3000);
	CHECK(htab_find(&h, "79|2024-Q1|3000", 15, htab_hash("79|2024-Q1|3000",
	    15)) == NULL);
	/* emptied, nothing is found, and it fills again */
	htab_clear(&h);
	CHECK(h.n == 0 && h.cap > 0);
	CHECK(htab_find(&h, it[7].k.key, it[7].k.keylen, it[7].k.hash) == NULL);
	htab_add(&h, &it[7].k);
	CHECK(htab_find(&h, it[7].k.key, it[7].k.keylen, it[7].k.hash) ==
	    &it[7].k);
	htab_free(&h);
	for (i = 0; i < 3000; i++)
		free(it[i].k.key);
	free(it);
}

/* Loads a lexicon from text (its errors are tested in normalize.bats,
 * where a die() ends a process). */
static struct lex *
load(const char *text)
{
	char path[] = "/tmp/baocao-unit-lexXXXXXX";
	struct lex *x;
	FILE *fp;
	int fd;

	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		return NULL;
	fputs(text, fp);
	/* The values the reading relies on, which every lexicon names. */
	fputs("cue what other: zz1\ncue what person: zz2\ncue what case: zz3\n"
	    "cue what m2: zz4\ncue state received: zz5\n"
	    "cue state in_scope: zz6\ncue state carried_over: zz7\n", fp);
	fclose(fp);
	x = lex_load(path);
	remove(path);
	return x;
}

static void
test_lex(void)
{
	struct lex *x;

	x = load("indicator a.b visit count\ncue what visit: lượt | lượt người\n"
	    "rule a.b: what=visit ; noun=lượt\n");
	CHECK(x->nrule == 1 && x->rule[0].nkeys == 2);
	CHECK(lex_value(x, LEX_WHAT, "visit") == 0);
	CHECK(lex_value(x, LEX_ROLE, "plan") == ROLE_PLAN);
	lex_free(x);
	/* '*' adds no weight to a rule. */
	x = load("indicator a.b visit count\ncue kind k: khiếu nại\n"
	    "rule a.b: kind=* ; noun=lượt\n");
	CHECK(x->rule[0].nkeys == 1);
	lex_free(x);
	/* The old "unit" lines still read, as cue what lines. */
	x = load("unit visit: lượt\n");
	CHECK(x->ncue == 8 && x->cue[0].cls == LEX_WHAT &&
	    strcmp(x->cue[0].phrase, "luot") == 0);
	lex_free(x);
}

static void
test_words(void)
{
	struct buf t = { 0 };

	CHECK(words_total_label("Tổng cộng", strlen("Tổng cộng"), &t));
	CHECK(words_total_label("TỔNG CỘNG:", strlen("TỔNG CỘNG:"), &t));
	CHECK(words_total_label("Cộng", strlen("Cộng"), &t));
	CHECK(words_total_label("Tổng số (1+2)", strlen("Tổng số (1+2)"), &t));
	/* A unit whose name starts like a total is no total. */
	CHECK(!words_total_label("Công an phường 1", strlen("Công an phường 1"), &t));
	CHECK(!words_total_label("Tổ dân phố 3", strlen("Tổ dân phố 3"), &t));
	CHECK(words_ward_issuer("PHƯỜNG 7", strlen("PHƯỜNG 7"), &t));
	CHECK(words_ward_issuer("UBND xã Quảng Phú", strlen("UBND xã Quảng Phú"), &t));
	CHECK(!words_ward_issuer("QUẬN GÒ VẤP", strlen("QUẬN GÒ VẤP"), &t));
	CHECK(words_ward_issuer("Đặc khu Côn Đảo", strlen("Đặc khu Côn Đảo"), &t));
	buf_free(&t);
}

/* The vocabulary's matching: whole words, the longest phrase, marks. */
static void
test_vocab(void)
{
	const char *s;
	size_t len;
	long at;

	/* Folded: the longer phrase wins; a phrase ends a word. */
	s = "thi tran phu my";
	CHECK(words_prefix(WL_UNIT_TYPE, s, strlen(s)) == strlen("thi tran"));
	s = "thi xa";
	CHECK(words_exact(WL_UNIT_TYPE, s, strlen(s)));
	s = "xanh";
	CHECK(words_prefix(WL_UNIT_TYPE, s, strlen(s)) == 0);
	s = "tong so 12";
	CHECK(words_prefix(WL_TOTAL_LABEL, s, strlen(s)) == strlen("tong so"));
	/* With marks: "quận" is a unit's type, "quan" of "cơ quan" not. */
	s = "quận 3";
	CHECK(words_prefix_marks(WL_UNIT_TYPE, s, strlen(s)) == strlen("quận"));
	s = "quan công an";
	CHECK(words_prefix_marks(WL_UNIT_TYPE, s, strlen(s)) == 0);
	CHECK(words_prefix(WL_UNIT_TYPE, s, strlen(s)) == strlen("quan"));
	/* A list kept with its marks by default: "tầng" is no "tăng". */
	s = "ở tầng";
	CHECK(words_suffix(WL_NAME_BEFORE, s, strlen(s)) == strlen("tầng"));
	s = "đã tăng";
	CHECK(words_suffix(WL_NAME_BEFORE, s, strlen(s)) == 0);
	/* Glued: "vụnăm" ends with năm only when glue is allowed. */
	s = "nhiem vunam";
	CHECK(words_suffix(WL_YEAR_WORD, s, strlen(s)) == 0);
	CHECK(words_suffix_glued(WL_YEAR_WORD, s, strlen(s)) == strlen("nam"));
	/* Finding, first and last. */
	s = "ubnd huyen a, uy ban nhan dan xa b";
	at = words_find(WL_COMMITTEE, s, strlen(s), &len);
	CHECK(at == 0 && len == strlen("ubnd"));
	at = words_find_last(WL_COMMITTEE, s, strlen(s), &len);
	CHECK(at == (long)strlen("ubnd huyen a, ") && len == strlen("uy ban nhan dan"));
	/* Numbers carried by a phrase. */
	{
		int v;

		s = "triệu đồng";
		CHECK(words_prefix_val(WL_SCALE, s, strlen(s), &v) > 0 && v == 6);
	}
	CHECK(words_has_word(WL_UNIT_TYPE, "thi", 3));
	CHECK(!words_has_word(WL_UNIT_TYPE, "th", 2));
	CHECK(words_may_start(WL_ZERO_VERB, "Không", strlen("Không")));
	CHECK(!words_may_start(WL_ZERO_VERB, "Đã", strlen("Đã")));
}

/* The end of the noun phrase in folded text, as the string it keeps. */
static void
np_is(const char *folded, const char *want)
{
	size_t e = words_np_end(folded, strlen(folded), WORDS_NP_MAX);

	CHECK(e == strlen(want) && strncmp(folded, want, e) == 0);
}

static void
test_noun_phrase(void)
{
	np_is("ho so tre han, 9 don", "ho so tre han");
	np_is("truong hop xu ly ky luat can bo den nay", "truong hop xu ly ky luat can bo");
	np_is("dong va 500 trieu", "dong");
	np_is("luot cong dan so voi cung ky", "luot cong dan");
	/* a verb phrase before a count is the next figure's label */
	np_is("phuong da tiep 723 luot", "phuong");
	np_is("don da giai quyet xong", "don da giai quyet xong");
	np_is("ho so (chiem 12%)", "ho so");
	np_is("a b c d e f g h i j k l", "a b c d e f g h i j");
	np_is("luot xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "luot");
	np_is("", "");
}

void
test_lib(void)
{
	test_buf();
	test_arena();
	test_htab();
	test_lex();
	test_words();
	test_vocab();
	test_noun_phrase();
}
