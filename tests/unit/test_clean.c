/*
 * extract's cleaner (filters/extract/clean.c) and its repairs (glue.c):
 * sentences written for this test, in each form of noise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "unit.h"

/* clean_text of s with flags, as a string (static storage). */
static const char *
cleaned(struct doc *d, const char *s, unsigned flags)
{
	static char out[512];
	struct buf b = { 0 };

	clean_text(d, &b, s, strlen(s), flags);
	snprintf(out, sizeof(out), "%s", b.p == NULL ? "" : b.p);
	buf_free(&b);
	return out;
}

/* One repair of s, as a string; *count gets what it returned. */
enum repair { CUT, UNSPACE, DIGITS };

static const char *
repaired(enum repair r, const char *s, size_t *count)
{
	static char out[512];
	struct buf b = { 0 };
	size_t n = strlen(s), k = 0;

	if (r == CUT)
		k = glue_cut(&b, s, n, NULL);
	else if (r == UNSPACE)
		k = glue_unspace(&b, s, n);
	else
		k = glue_digits(&b, s, n);
	if (count != NULL)
		*count = k;
	snprintf(out, sizeof(out), "%s", b.p == NULL ? "" : b.p);
	buf_free(&b);
	return out;
}

static void
blanks_and_invisibles(void)
{
	struct doc d;

	memset(&d, 0, sizeof(d));
	/* A thin space, a no-break space, a narrow one: each a space. */
	CHECK_STR(cleaned(&d, "Đã tiếp 12\xe2\x80\x89lượt, 7\xc2\xa0người, "
	    "3\xe2\x80\xaf" "đoàn.", 0), "Đã tiếp 12 lượt, 7 người, 3 đoàn.");
	CHECK(d.repairs.invisible == 0);
	/* A zero-width space, a joiner, a byte order mark, a direction
	 * mark, a soft hyphen, a control character: gone. */
	CHECK_STR(cleaned(&d, "\xef\xbb\xbfNhận 30\xe2\x80\x8b đơn, "
	    "xử\xe2\x80\x8d lý\xe2\x80\x8e 28 đơn\xc2\xad\x0c.", 0),
	    "Nhận 30 đơn, xử lý 28 đơn.");
	CHECK(d.repairs.invisible == 6);
	/* A TAB is a space, but where a reader keeps its cells. */
	CHECK_STR(cleaned(&d, "Tổ 1\t12", 0), "Tổ 1 12");
	CHECK_STR(cleaned(&d, "Tổ 1\t12", CLEAN_TAB), "Tổ 1\t12");
	/* Squeezed: one space, none at the ends; a break kept with NL. */
	CHECK_STR(cleaned(&d, "  Có \xc2\xa0 12  hộ ", CLEAN_SQUEEZE),
	    "Có 12 hộ");
	CHECK_STR(cleaned(&d, "Có 12 \n hộ", CLEAN_SQUEEZE | CLEAN_NL),
	    "Có 12\nhộ");
	CHECK_STR(cleaned(&d, "Có 12 \n hộ", CLEAN_SQUEEZE), "Có 12 hộ");
	/* Decomposed marks composed: "hộ" written as o, circumflex, dot. */
	CHECK_STR(cleaned(&d, "12 ho\xcc\x82\xcc\xa3", 0), "12 hộ");
	/* A soft hyphen is TCVN3's ư in a text typed in TCVN3 ("Céng hoµ
	 * tr­êng" in .VnTime), kept for the legacy reading; in Unicode text
	 * it goes. */
	d.repairs.invisible = 0;
	CHECK_STR(cleaned(&d, "C\xc3\xa9ng ho\xc2\xb5 tr\xc2\xad\xc3\xaang",
	    0), "C\xc3\xa9ng ho\xc2\xb5 tr\xc2\xad\xc3\xaang");
	CHECK(d.repairs.invisible == 0);
	CHECK_STR(cleaned(&d, "trường\xc2\xadhọc", 0), "trườnghọc");
	CHECK(d.repairs.invisible == 1);
	doc_free(&d);
}

static void
markup(void)
{
	struct doc d;

	memset(&d, 0, sizeof(d));
	CHECK_STR(cleaned(&d, "Đã tiếp **62.418** lượt công dân.", 0),
	    "Đã tiếp 62.418 lượt công dân.");
	CHECK(d.repairs.markup == 2);
	CHECK_STR(cleaned(&d, "*Ghi chú:* số liệu đến ngày báo cáo", 0),
	    "Ghi chú: số liệu đến ngày báo cáo");
	CHECK_STR(cleaned(&d, "* Khối Nhà nước: 12 đơn vị", 0),
	    " Khối Nhà nước: 12 đơn vị");
	CHECK_STR(cleaned(&d, "(*40 hộ*)", 0), "(40 hộ)");
	/* Not markup: between two digits, or two blanks. */
	d.repairs.markup = 0;
	CHECK_STR(cleaned(&d, "Có 5*3 hộ dân.", 0), "Có 5*3 hộ dân.");
	CHECK_STR(cleaned(&d, "Có 5 * 3 hộ dân.", 0), "Có 5 * 3 hộ dân.");
	CHECK(d.repairs.markup == 0);
	doc_free(&d);
}

static void
page_number(void)
{
	CHECK(clean_page_number("12", 2) == 12);
	CHECK(clean_page_number("   7  ", 6) == 7);
	CHECK(clean_page_number("- 3 -", 5) == 3);
	CHECK(clean_page_number("Trang 14", strlen("Trang 14")) == 14);
	CHECK(clean_page_number("TRANG 2", strlen("TRANG 2")) == 2);
	CHECK(clean_page_number("12 hộ", strlen("12 hộ")) == 0);
	CHECK(clean_page_number("12345", 5) == 0);
	CHECK(clean_page_number("0", 1) == 0);
	CHECK(clean_page_number("", 0) == 0);
}

static void
glued_words(void)
{
	size_t k;

	CHECK_STR(repaired(CUT, "Tiếp nhận 40 hồsơ.", &k),
	    "Tiếp nhận 40 hồ sơ.");
	CHECK(k == 1);
	CHECK_STR(repaired(CUT, "tỷlệhồsơ đúng hạn", &k), "tỷ lệ hồ sơ đúng hạn");
	CHECK_STR(repaired(CUT, "giải quyết thủtục, nhiệm vụnăm", &k),
	    "giải quyết thủ tục, nhiệm vụ năm");
	CHECK(k == 2);
	/* Capitals start words; capitals glued to small letters too. */
	CHECK_STR(repaired(CUT, "ông TrầnVănBa", NULL), "ông Trần Văn Ba");
	CHECK_STR(repaired(CUT, "HĐNDphường", NULL), "HĐND phường");
	CHECK_STR(repaired(CUT, "CỘNGHÒA", NULL), "CỘNG HÒA");
	/* The later syllable takes the longer initial: "sự nghiệp". */
	CHECK_STR(repaired(CUT, "sựnghiệp", NULL), "sự nghiệp");
	/* Two tone marks are two syllables, even side by side. */
	CHECK_STR(repaired(CUT, "03 vụán", NULL), "03 vụ án");
	/* A tone mark put apart from its vowel pair is no cut: "chuỷếu". */
	CHECK_STR(repaired(CUT, "chuỷếu", &k), "chuỷếu");
	CHECK(k == 0);
	/* One syllable, ASCII words, names and codes stay. */
	CHECK_STR(repaired(CUT, "nghiêng quyết giữa", &k),
	    "nghiêng quyết giữa");
	CHECK_STR(repaired(CUT, "Karaoke Covid-19 QL37 B2 Zalo", &k),
	    "Karaoke Covid-19 QL37 B2 Zalo");
	CHECK(k == 0);
	/* Both tone placements are syllables: "hòa", "hoà". */
	CHECK_STR(repaired(CUT, "hòabình hoàgiải", NULL), "hòa bình hoà giải");
}

static void
seen_syllables(void)
{
	const char *doc = "tình hình an ninh ổn định";
	unsigned char *seen = calloc(glue_seen_size(), 1);
	struct buf b = { 0 };

	/* Without the document, "hì nhan" is as short as "hình an". */
	glue_seen(seen, doc, strlen(doc));
	glue_cut(&b, "tìnhhìnhanninh", strlen("tìnhhìnhanninh"), seen);
	CHECK_STR(b.p, "tình hình an ninh");
	buf_free(&b);
	free(seen);
}

static void
spaced_runs(void)
{
	size_t k;

	CHECK_STR(repaired(UNSPACE, "- S ố h ồ s ơ t ồ n : 1 2 5 hồ sơ.", &k),
	    "- Sốhồsơtồn: 125 hồ sơ.");
	CHECK(k == 1);
	CHECK_STR(repaired(UNSPACE, "đạt tỷ lệ 9 7 , 3 7 %; tốt", &k),
	    "đạt tỷ lệ 97,37%; tốt");
	CHECK_STR(repaired(UNSPACE, "I I . K Ế T Q U Ả", NULL),
	    "II. KẾTQUẢ");
	/* A syllable spaced out alone, with a mark after it. */
	CHECK_STR(repaired(UNSPACE, "x ã .", NULL), "xã.");
	/* Prose with words of one letter is no run. */
	CHECK_STR(repaired(UNSPACE, "ở Ý và ở Úc có 2 hộ", &k),
	    "ở Ý và ở Úc có 2 hộ");
	CHECK(k == 0);
	CHECK(glue_spaced_line("  h ồ  ", 7));
	CHECK(glue_spaced_line("s ơ ,", 5));
	CHECK(!glue_spaced_line("hồ sơ", strlen("hồ sơ")));
}

static void
glued_numbers(void)
{
	size_t k;

	CHECK_STR(repaired(DIGITS, "Đã trả kết quả214 hồ sơ", &k),
	    "Đã trả kết quả 214 hồ sơ");
	CHECK(k == 1);
	CHECK_STR(repaired(DIGITS, "giải quyết25hồ sơ", &k),
	    "giải quyết 25 hồ sơ");
	CHECK(k == 2);
	CHECK_STR(repaired(DIGITS, "Tết Bính Ngọ2026;", NULL),
	    "Tết Bính Ngọ 2026;");
	/* Codes, units and a footnote's mark at a clause's end stay. */
	CHECK_STR(repaired(DIGITS, "QL37, Covid-19, B2, 10ha, trong tuần1.", &k),
	    "QL37, Covid-19, B2, 10ha, trong tuần1.");
	CHECK(k == 0);
}

/* A document of paragraphs, each a line. */
static void
doc_of(struct doc *d, const char *const *lines, size_t n)
{
	size_t k;

	memset(d, 0, sizeof(*d));
	doc_begin(d, "t.txt", "t.txt", "text");
	for (k = 0; k < n; k++)
		doc_add_para(d, k + 1, lines[k], strlen(lines[k]));
}

static void
whole_document(void)
{
	static const char *const noisy[] = {
		"Bộ phận một cửa tiếp nhận 40 hồsơ, trả kết quả38 hồ sơ.",
		"- S ố h ồ s ơ t ồ n : 1 2 hồ sơ.",
	};
	static const char *const clean[] = {
		"Bộ phận một cửa tiếp nhận 40 hồ sơ.",
		"Karaoke QL37 trong tuần1.",
	};
	struct doc d;

	doc_of(&d, noisy, 2);
	clean_doc(&d);
	CHECK_STR(d.blocks[0].u.para.text,
	    "Bộ phận một cửa tiếp nhận 40 hồ sơ, trả kết quả 38 hồ sơ.");
	CHECK_STR(d.blocks[1].u.para.text, "- Số hồ sơ tồn: 12 hồ sơ.");
	CHECK(d.repairs.glued == 2 && d.repairs.spaced == 1 &&
	    d.repairs.digits == 1);
	doc_free(&d);
	/* A document that does not show the noise is left as it is. */
	doc_of(&d, clean, 2);
	clean_doc(&d);
	CHECK_STR(d.blocks[1].u.para.text, "Karaoke QL37 trong tuần1.");
	CHECK(d.repairs.glued == 0 && d.repairs.digits == 0);
	doc_free(&d);
}

static void
pages_and_footnotes(void)
{
	static const char *const lines[] = {
		"Phường tiếp 15 lượt công dân với 18 người1, nội dung về",
		"1 Trong đó Chủ tịch tiếp 4 lượt.",
		"2",
		"đất đai và nhà ở.",
		"Tiếp nhận 40 hồ sơ.",
		"", "", "", "", "", "", "", "", "", "",
		"3",
		"Đã giải quyết 38 hồ sơ.",
	};
	struct doc d;

	doc_of(&d, lines, sizeof(lines) / sizeof(lines[0]));
	clean_lines(&d, NULL, 0);
	CHECK(d.repairs.pages == 2 && d.repairs.notes == 1);
	CHECK(d.nnotes == 1);
	CHECK_STR(d.notes[0].mark, "1");
	CHECK_STR(d.notes[0].text, "Trong đó Chủ tịch tiếp 4 lượt.");
	/* The reference left, the sentence the page's foot cut joined. */
	CHECK_STR(d.blocks[0].u.para.text, "Phường tiếp 15 lượt công dân với "
	    "18 người, nội dung về đất đai và nhà ở.");
	CHECK(d.blocks[0].u.para.line == 1);
	CHECK_STR(d.blocks[1].u.para.text, "Tiếp nhận 40 hồ sơ.");
	doc_free(&d);
}

/* The digits of s, in order. */
static void
digits_of(const char *s, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			*out++ = s[i];
	*out = '\0';
}

/*
 * No repair changes a digit: random texts of syllables, numbers and marks,
 * glued, spaced out or not, go through the three repairs with their
 * digits the same, in the same order.
 */
static void
digits_kept(void)
{
	static const char *const piece[] = { "hồ", "sơ", "tỷ", "lệ", "quả",
		"214", "15.872", "89,50", "%", "1 2 5", "9 7 , 3 7", ",", ".",
		":", "QL", "37", "Ngọ", "2026", "S ố", "h ồ", "(", ")", "/",
		"đơn", "lượt", "năm", "3", "0", "B", "2" };
	size_t np = sizeof(piece) / sizeof(piece[0]), it, k, bad = 0;
	unsigned seed = 12345;
	char in[256], want[256], got[256];

	for (it = 0; it < 20000; it++) {
		struct buf a = { 0 }, b = { 0 }, c = { 0 };
		size_t len = 0;

		for (k = 0; k < 12; k++) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = piece[(seed >> 16) % np];
			if (len + strlen(p) + 2 >= sizeof(in))
				break;
			memcpy(in + len, p, strlen(p));
			len += strlen(p);
			if ((seed >> 8) & 1)
				in[len++] = ' ';
		}
		in[len] = '\0';
		glue_unspace(&a, in, len);
		glue_digits(&b, a.p == NULL ? "" : a.p, a.n);
		glue_cut(&c, b.p == NULL ? "" : b.p, b.n, NULL);
		digits_of(in, len, want);
		digits_of(c.p == NULL ? "" : c.p, c.n, got);
		if (strcmp(want, got) != 0 && bad++ == 0)
			fprintf(stderr, "\tdigits changed: '%s' -> '%s'\n", in,
			    c.p);
		buf_free(&a);
		buf_free(&b);
		buf_free(&c);
	}
	CHECK(bad == 0);
}

void
test_clean(void)
{
	blanks_and_invisibles();
	markup();
	page_number();
	glued_words();
	seen_syllables();
	spaced_runs();
	glued_numbers();
	whole_document();
	pages_and_footnotes();
	digits_kept();
}
