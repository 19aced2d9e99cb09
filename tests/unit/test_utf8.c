#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "unit.h"
#include "utf8.h"

static const char *
fold(const char *s)
{
	static struct buf b;

	buf_clear(&b);
	u8_fold(&b, s, strlen(s));
	return b.p;
}

/*
 * The references: what utf8proc alone makes of a text, as utf8.c did it
 * before its tables.
 */
enum fn { F_NFC, F_LOWER, F_FOLD, F_KEY, F_N };
static const char *const fn_name[F_N] = { "u8_nfc", "u8_lower", "u8_fold",
	"u8_name_key" };

static void
reference(enum fn f, struct buf *out, const char *p, size_t n)
{
	static const utf8proc_option_t opts[F_N] = {
		UTF8PROC_STABLE | UTF8PROC_COMPOSE,
		UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD,
		UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
		    UTF8PROC_STRIPMARK,
		UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD };
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t k, i = 0;
	struct buf tones = { 0 };

	k = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &r,
	    opts[f]);
	if (k < 0)
		CHECK(k >= 0);
	buf_reserve(out, 0);
	while (i < k) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate(r + i, k - i, &cp);

		if (f == F_FOLD && cp == 0x111)
			buf_addc(out, 'd');
		else if (f == F_KEY && (cp == 0x300 || cp == 0x301 ||
		    cp == 0x303 || cp == 0x309 || cp == 0x323))
			buf_printf(&tones, "%x", (unsigned)cp);
		else
			buf_add(out, r + i, (size_t)l);
		i += l;
	}
	if (f == F_KEY) {
		buf_addc(out, '|');
		if (tones.p != NULL)
			buf_add(out, tones.p, tones.n);
	}
	buf_free(&tones);
	free(r);
}

static void
mapped(enum fn f, struct buf *out, const char *p, size_t n)
{
	switch (f) {
	case F_NFC:
		u8_nfc(out, p, n);
		break;
	case F_LOWER:
		u8_lower(out, p, n);
		break;
	case F_FOLD:
		u8_fold(out, p, n);
		break;
	default:
		u8_name_key(out, p, n);
		break;
	}
}

/* Does every function give what utf8proc gives for p[0..n)?  Each one's
 * first difference is reported; *bad counts them. */
static void
same_as_utf8proc(const char *p, size_t n, int bad[F_N])
{
	static struct buf a, b;
	int f;

	for (f = 0; f < F_N; f++) {
		buf_clear(&a);
		buf_clear(&b);
		mapped((enum fn)f, &a, p, n);
		reference((enum fn)f, &b, p, n);
		if (a.n == b.n && memcmp(a.p, b.p, a.n) == 0)
			continue;
		if (bad[f]++ == 0)
			fprintf(stderr, "\t%s of '%.*s' (%zu bytes) is '%s', "
			    "utf8proc's '%s'\n", fn_name[f], (int)n, p, n, a.p,
			    b.p);
	}
}

/*
 * The tables against utf8proc for every code point alone, and among
 * letters that compose with what follows them (a Hangul leading consonant
 * and syllable, "ê" that takes a tone mark) or carry marks ("Ạ").
 */
static void
every_code_point(void)
{
	/* U+1100 ᄀ, U+AC00 가, ê, then Ạ last. */
	static const char *const around[] = { "\xE1\x84\x80", "\xEA\xB0\x80",
		"\xC3\xAA", "\xE1\xBA\xA0" };
	int bad[F_N] = { 0 }, f;
	utf8proc_int32_t cp;
	char s[64];

	for (cp = 0; cp < 0x110000; cp++) {
		utf8proc_uint8_t enc[4];
		size_t e, n = 0, k;

		if (cp >= 0xD800 && cp < 0xE000)
			continue;
		e = (size_t)utf8proc_encode_char(cp, enc);
		same_as_utf8proc((const char *)enc, e, bad);
		for (k = 0; k < 4; k++) {
			memcpy(s + n, around[k], strlen(around[k]));
			n += strlen(around[k]);
			if (k < 3) {
				memcpy(s + n, enc, e);
				n += e;
			}
		}
		same_as_utf8proc(s, n, bad);
	}
	for (f = 0; f < F_N; f++)
		CHECK(bad[f] == 0);
}

/*
 * Random texts of code points from the tables' edges: ASCII, Vietnamese
 * letters precomposed and decomposed, combining marks, Hangul jamo and
 * syllables, singletons (U+2000, U+212B), ß and İ, anything at all.
 */
static void
random_texts(void)
{
	static const utf8proc_int32_t pick[] = { 'a', 'A', 'e', ' ', 'D',
		0xEA, 0xCA, 0x1EA0, 0x1EBF, 0x1EC7, 0x111, 0x110, 0x1A1,
		0x1B0, 0x300, 0x301, 0x302, 0x303, 0x306, 0x309, 0x31B,
		0x323, 0x316, 0x345, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,
		0x2000, 0x212B, 0xDF, 0x130, 0x1F0, 0x3B0, 0x390, 0xFB01,
		0x0BC6, 0x0BBE, 0x0B47, 0x0B3E, 0x1E9E, 0x2126 };
	enum { NPICK = sizeof(pick) / sizeof(pick[0]) };
	int bad[F_N] = { 0 }, f, t, k, len;
	unsigned long x = 2463534242UL;
	char s[64];

	for (t = 0; t < 200000; t++) {
		size_t n = 0;

		x ^= x << 13, x ^= x >> 17, x ^= x << 5, x &= 0xFFFFFFFFUL;
		len = 1 + (int)(x % 8);
		for (k = 0; k < len; k++) {
			utf8proc_int32_t cp;

			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			x &= 0xFFFFFFFFUL;
			cp = x % 4 != 0 ? pick[(x >> 2) % NPICK] :
			    (utf8proc_int32_t)((x >> 2) % 0x110000);
			if (cp >= 0xD800 && cp < 0xE000)
				cp = 'x';
			n += (size_t)utf8proc_encode_char(cp,
			    (utf8proc_uint8_t *)s + n);
		}
		same_as_utf8proc(s, n, bad);
	}
	for (f = 0; f < F_N; f++)
		CHECK(bad[f] == 0);
}

/*
 * u8_fold_at is the u8_fold of each character in turn; a text folded once
 * (u8_folded) gives every piece between two character boundaries the
 * bytes u8_fold_at gives it alone, with its map, and u8_fold's too (a
 * slice unless a slow character is in the text); u8_folded_cut is u8_cut
 * and u8_fold_first the first byte of each character's fold.
 */
static void
folded_pieces(void)
{
	static const utf8proc_int32_t pick[] = { 'a', 'Q', ' ', 0xC2, 0x1EA0,
		0x1EC7, 0x111, 0x110, 0x1B0, 0x300, 0x301, 0x323, 0x345,
		0x1100, 0x1161, 0x11A8, 0xAC00, 0xDF, 0x130, 0x390, 0x3B1,
		0xFB01, 0x2126 };
	enum { NPICK = sizeof(pick) / sizeof(pick[0]) };
	struct u8_folded t = { 0 };
	struct buf f = { 0 }, g = { 0 }, tmp = { 0 };
	size_t *at = NULL, bound[16], nb, a, b, j, n, ref[128], nref;
	unsigned long x = 88172645UL;
	int bad = 0, k, c, len;
	const char *piece;
	char s[64];

	for (k = 0; k < 20000; k++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5, x &= 0xFFFFFFFFUL;
		len = (int)(x % 9);
		n = nb = 0;
		bound[nb++] = 0;
		for (c = 0; c < len; c++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			x &= 0xFFFFFFFFUL;
			n += (size_t)utf8proc_encode_char(pick[(x >> 2) % NPICK],
			    (utf8proc_uint8_t *)s + n);
			bound[nb++] = n;
		}
		u8_folded_set(&t, s, n);
		for (a = 0; a < nb; a++) {
			if (a + 1 < nb) {
				buf_clear(&f);
				u8_fold(&f, s + bound[a], bound[a + 1] - bound[a]);
				bad += u8_fold_first(s + bound[a], n - bound[a]) !=
				    (f.n > 0 ? (unsigned char)f.p[0] : -1);
			}
			for (j = 0; j <= 8; j++)
				bad += u8_folded_cut(&t, bound[a], j) !=
				    bound[a] + u8_cut(s + bound[a], n - bound[a], j);
			for (b = a; b < nb; b++) {
				size_t pa = bound[a], pb = bound[b], m;

				/* u8_fold_at: the fold of each character in
				 * turn, and where each byte came from */
				buf_clear(&f);
				nref = 0;
				for (c = (int)a; c < (int)b; c++) {
					size_t was = f.n;

					u8_fold(&f, s + bound[c], bound[c + 1] -
					    bound[c]);
					while (was < f.n)
						ref[nref++] = bound[c] - pa, was++;
				}
				ref[nref] = pb - pa;
				buf_clear(&g);
				u8_fold_at(&g, &at, s + pa, pb - pa);
				bad += g.n != f.n || memcmp(g.p, f.p, f.n) != 0;
				for (j = 0; g.n == f.n && j <= f.n; j++)
					bad += at[j] != ref[j];
				m = t.start[pb] - t.start[pa];
				bad += m != f.n ||
				    memcmp(t.fold.p + t.start[pa], f.p, m) != 0;
				for (j = 0; m == f.n && j <= m; j++)
					bad += u8_folded_from(&t, pa, pb, j) !=
					    pa + ref[j];
				buf_clear(&f);
				u8_fold(&f, s + pa, pb - pa);
				m = u8_folded_piece(&t, pa, pb, &tmp, &piece);
				bad += m != f.n || memcmp(piece, f.p, m) != 0;
			}
		}
	}
	CHECK(bad == 0);
	u8_folded_free(&t);
	buf_free(&f);
	buf_free(&g);
	buf_free(&tmp);
	free(at);
}

/*
 * Vietnamese written decomposed, every way: each letter a tone mark or a
 * vowel mark can sit on, precomposed or not, with up to three marks from
 * those Vietnamese uses, in every order.
 */
static void
vietnamese_marks(void)
{
	static const char *const bases[] = { "a", "e", "i", "o", "u", "y",
		"A", "E", "I", "O", "U", "Y", "d", "D", "n", "\xC4\x83",
		"\xC3\xA2", "\xC3\xAA", "\xC3\xB4", "\xC6\xA1", "\xC6\xB0",
		"\xC4\x82", "\xC3\x82", "\xC3\x8A", "\xC3\x94", "\xC6\xA0",
		"\xC6\xAF", "\xE1\xBA\xA1", "\xE1\xBB\x8D", "\xC3\xA1" };
	static const char *const marks[] = { "", "\xCC\x80", "\xCC\x81",
		"\xCC\x83", "\xCC\x89", "\xCC\xA3", "\xCC\x82", "\xCC\x86",
		"\xCC\x9B" };
	enum { NB = sizeof(bases) / sizeof(bases[0]),
		NM = sizeof(marks) / sizeof(marks[0]) };
	int bad[F_N] = { 0 }, f;
	size_t b, i, j, k;
	char s[64];

	for (b = 0; b < NB; b++)
		for (i = 0; i < NM; i++)
			for (j = 0; j < NM; j++)
				for (k = 0; k < NM; k++) {
					snprintf(s, sizeof(s), "x%s%s%s%s %s",
					    bases[b], marks[i], marks[j],
					    marks[k], bases[b]);
					same_as_utf8proc(s, strlen(s), bad);
				}
	for (f = 0; f < F_N; f++)
		CHECK(bad[f] == 0);
}

/* u8_invalid and u8_len take what utf8proc_iterate takes: every sequence
 * of two bytes, then edge values for the third and the fourth. */
static void
validity(void)
{
	static const unsigned char tail[] = { 0x00, 0x41, 0x7F, 0x80, 0x8F,
		0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF };
	enum { NT = sizeof(tail) };
	unsigned a, b, c, d;
	int bad = 0;

	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++)
			for (c = 0; c < NT; c++)
				for (d = 0; d < NT; d++) {
					unsigned char s[4] = { (unsigned char)a,
					    (unsigned char)b, tail[c], tail[d] };
					utf8proc_int32_t cp;
					utf8proc_ssize_t k;
					size_t n;

					for (n = 1; n <= 4; n++) {
						k = utf8proc_iterate(s,
						    (utf8proc_ssize_t)n, &cp);
						bad += u8_len((const char *)s, n) !=
						    (k > 0 ? (size_t)k : 1);
						bad += (u8_invalid((const char *)s,
						    n) == 0) != (k <= 0);
					}
				}
	CHECK(bad == 0);
}

void
test_utf8(void)
{
	struct buf b = { 0 };

	every_code_point();
	random_texts();
	folded_pieces();
	vietnamese_marks();
	validity();

	CHECK(u8_invalid("abc", 3) == 3);
	CHECK(u8_invalid("Đà Nẵng", strlen("Đà Nẵng")) == strlen("Đà Nẵng"));
	CHECK(u8_invalid("ab\xC3", 3) == 2);		/* truncated */
	CHECK(u8_invalid("a\xC3\x28", 3) == 1);	/* bad continuation */
	CHECK(u8_invalid("\xED\xA0\x80", 3) == 0);	/* surrogate */
	CHECK(u8_invalid("\xC0\xAF", 2) == 0);		/* overlong */
	CHECK_STR(fold("Huyện Bình Chánh"), "huyen binh chanh");
	CHECK_STR(fold("ĐỒNG"), "dong");
	CHECK_STR(fold("Hoà"), fold("Hòa"));
	CHECK_STR(fold("QUẢNG MINH"), "quang minh");
	CHECK_STR(fold("Thủ Đức"), "thu duc");
	/* Decomposed input (e + combining grave) folds the same. */
	CHECK_STR(fold("Tie\xCC\x82\xCC\x81p"), "tiep");
	CHECK_STR(fold("Straße"), "strasse");		/* not simple: utf8proc */
	CHECK_STR(fold("ĐẶNG ỨNG Ở ĂN ÂU"), "dang ung o an au");
	CHECK_STR(fold("Ủy ban nhân dân"), "uy ban nhan dan");
	/* Every Vietnamese letter folds as utf8proc alone folds it. */
	{
		static const char *const letters[] = { "àáảãạăằắẳẵặâầấẩẫậ",
			"èéẻẽẹêềếểễệ", "ìíỉĩị", "òóỏõọôồốổỗộơờớởỡợ",
			"ùúủũụưừứửữự", "ỳýỷỹỵ", "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "ĐđÝỲ" };
		static const char *const want[] = { "aaaaaaaaaaaaaaaaa",
			"eeeeeeeeeee", "iiiii", "ooooooooooooooooo", "uuuuuuuuuuu",
			"yyyyy", "aaaaaaaaaaaaaaaaa", "ddyy" };
		size_t k;

		for (k = 0; k < sizeof(letters) / sizeof(letters[0]); k++)
			CHECK_STR(fold(letters[k]), want[k]);
	}
	u8_nfc(&b, "e\xCC\x81", 3);
	CHECK(b.n == 2 && memcmp(b.p, "\xC3\xA9", 2) == 0);
	buf_clear(&b);
	u8_nfc(&b, "\xE2\x80\x80", 3);		/* U+2000, a singleton */
	CHECK_STR(b.p, "\xE2\x80\x82");
	buf_clear(&b);
	u8_lower(&b, "Tầng 12, TĂNG", strlen("Tầng 12, TĂNG"));
	CHECK_STR(b.p, "tầng 12, tăng");
	CHECK(u8_cut("ấp", strlen("ấp"), 2) == 0);
	CHECK(u8_cut("ấp", strlen("ấp"), 3) == 3);
	CHECK(u8_count_nl("a\nb\nc", 5) == 2);
	{
		struct buf k1 = { 0 }, k2 = { 0 }, k3 = { 0 };

		u8_name_key(&k1, "Hoà", strlen("Hoà"));
		u8_name_key(&k2, "HÒA", strlen("HÒA"));
		u8_name_key(&k3, "Hoa", strlen("Hoa"));
		CHECK(strcmp(k1.p, k2.p) == 0);
		CHECK(strcmp(k1.p, k3.p) != 0);
		buf_clear(&k1);
		buf_clear(&k3);
		u8_name_key(&k1, "Quảng Minh", strlen("Quảng Minh"));
		u8_name_key(&k3, "Quang Minh", strlen("Quang Minh"));
		CHECK(strcmp(k1.p, k3.p) != 0);
		buf_free(&k1);
		buf_free(&k2);
		buf_free(&k3);
	}
	buf_free(&b);
}
