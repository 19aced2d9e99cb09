/*
 * Legacy Vietnamese font encodings to Unicode.  The TCVN3 table is TCVN
 * 5712:1993 for bytes 0xA1-0xFF (glibc's TCVN5712-1 agrees); VNI is a
 * base letter followed by a mark byte, converted here to the base and
 * Unicode combining marks, which NFC then composes.
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "utf8.h"
#include "vnlegacy.h"

/* TCVN3 bytes 0xA1-0xFF; 0xB0-0xB4 are combining tone marks. */
static const uint16_t tcvn3[0x100 - 0xA1] = {
	0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103,
	0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, 0x0300,
	0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, 0x00E1,
	0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, 0x1EAE,
	0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, 0x1EA9,
	0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, 0x00E9,
	0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9,
	0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, 0x1ED4,
	0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1,
	0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, 0x1ED6,
	0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9,
	0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* VNI's marks (lower case; upper case is 0x20 less), what they add to a
 * vowel, and which vowels take them: "*" any, else the ones listed. */
#define ACUTE 0x0301
#define GRAVE 0x0300
#define HOOK 0x0309
#define TILDE 0x0303
#define DOT 0x0323
#define CIRC 0x0302
#define BREVE 0x0306

static const struct vni_mark {
	unsigned char byte;
	int32_t mark1, mark2;	/* mark2: 0 or a second mark */
	const char *bases;
} vni_marks[] = {
	{ 0xF9, ACUTE, 0, "*" }, { 0xF8, GRAVE, 0, "*" },
	{ 0xFB, HOOK, 0, "*" }, { 0xF5, TILDE, 0, "*" },
	{ 0xEF, DOT, 0, "*" },
	{ 0xE2, CIRC, 0, "aeo" }, { 0xE1, CIRC, ACUTE, "aeo" },
	{ 0xE0, CIRC, GRAVE, "aeo" }, { 0xE5, CIRC, HOOK, "aeo" },
	{ 0xE3, CIRC, TILDE, "aeo" }, { 0xE4, CIRC, DOT, "aeo" },
	{ 0xEA, BREVE, 0, "a" }, { 0xE9, BREVE, ACUTE, "a" },
	{ 0xE8, BREVE, GRAVE, "a" }, { 0xFA, BREVE, HOOK, "a" },
	{ 0xFC, BREVE, TILDE, "a" }, { 0xEB, BREVE, DOT, "a" },
};

/* VNI's letters of their own (lower case; upper case is 0x20 less). */
static const struct vni_letter {
	unsigned char byte;
	int32_t lower, upper;
} vni_letters[] = {
	{ 0xF1, 0x0111, 0x0110 },	/* đ */
	{ 0xF4, 0x01A1, 0x01A0 },	/* ơ */
	{ 0xF6, 0x01B0, 0x01AF },	/* ư */
	{ 0xE6, 0x1EC9, 0x1EC8 },	/* ỉ */
	{ 0xF3, 0x0129, 0x0128 },	/* ĩ */
	{ 0xF2, 0x1ECB, 0x1ECA },	/* ị */
	{ 0xEE, 0x1EF5, 0x1EF4 },	/* ỵ */
};

/* The VNI bytes that are no Vietnamese letter, for detection. */
static const char vni_telling[] = "\xF8\xFB\xEF\xE5\xE4\xEB\xFC\xF6\xF1"
    "\xE6\xEE";

static int
is_viet(int32_t c)
{
	return c == 0x0102 || c == 0x0103 || c == 0x0110 || c == 0x0111 ||
	    c == 0x0128 || c == 0x0129 || c == 0x0168 || c == 0x0169 ||
	    c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0 ||
	    (c >= 0x1EA0 && c <= 0x1EF9);
}

static int
is_vni_telling(int32_t c)
{
	int32_t lc = c >= 0xC0 && c <= 0xDE ? c + 0x20 : c;

	return lc >= 0xE0 && lc <= 0xFF && lc != 0xF7 &&
	    strchr(vni_telling, (char)lc) != NULL;
}

/* The next code point of p[*i..n); invalid bytes read as U+FFFD. */
static int32_t
next_cp(const char *p, size_t n, size_t *i)
{
	int32_t c;
	utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)p + *i,
	    (utf8proc_ssize_t)(n - *i), &c);

	if (l <= 0) {
		(*i)++;
		return 0xFFFD;
	}
	*i += (size_t)l;
	return c;
}

void
vnl_count(struct vn_count *c, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp = next_cp(p, n, &i);

		if (is_viet(cp))
			c->viet++;
		else if (cp >= 0xA1 && cp <= 0xBF)
			c->tcvn++;
		else if (is_vni_telling(cp))
			c->vni++;
	}
}

enum vn_legacy
vnl_decide(const struct vn_count *c)
{
	if (c->viet * 20 > c->tcvn + c->vni)
		return VN_UNICODE;
	if (c->tcvn >= 8)
		return VN_TCVN3;
	if (c->vni >= 8)
		return VN_VNI;
	return VN_UNICODE;
}

static void
put_cp(struct buf *b, int32_t c)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t l = utf8proc_encode_char(c, tmp);

	buf_add(b, tmp, (size_t)l);
}

static int
is_vowel(int32_t c)
{
	return (c < 0x80 && strchr("aeiouyAEIOUY", (int)c) != NULL && c != 0) ||
	    c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0;
}

/* A VNI mark byte after base: appends its marks and returns 1. */
static int
vni_mark(struct buf *b, int32_t base, int32_t c)
{
	int32_t lc = c >= 0xC0 && c <= 0xDE ? c + 0x20 : c;
	int32_t lb = base < 0x80 ? (base | 0x20) : base;
	size_t k;

	for (k = 0; k < sizeof(vni_marks) / sizeof(vni_marks[0]); k++) {
		const struct vni_mark *m = &vni_marks[k];

		if (m->byte != lc)
			continue;
		if (m->bases[0] != '*' && (lb >= 0x80 ||
		    strchr(m->bases, (int)lb) == NULL))
			return 0;
		put_cp(b, m->mark1);
		if (m->mark2 != 0)
			put_cp(b, m->mark2);
		return 1;
	}
	return 0;
}

/* A VNI letter of its own: appends it and returns it, or 0. */
static int32_t
vni_letter(struct buf *b, int32_t c)
{
	size_t k;

	for (k = 0; k < sizeof(vni_letters) / sizeof(vni_letters[0]); k++) {
		if (vni_letters[k].byte == c) {
			put_cp(b, vni_letters[k].lower);
			return vni_letters[k].lower;
		}
		if (vni_letters[k].byte - 0x20 == c) {
			put_cp(b, vni_letters[k].upper);
			return vni_letters[k].upper;
		}
	}
	return 0;
}

static void
from_vni(struct buf *b, const char *p, size_t n)
{
	size_t i = 0;
	int32_t prev = 0;	/* the vowel a mark may follow, or 0 */

	while (i < n) {
		int32_t c = next_cp(p, n, &i), l;

		if (prev != 0 && c >= 0xC0 && c <= 0xFF && vni_mark(b, prev, c)) {
			prev = 0;
			continue;
		}
		if ((l = vni_letter(b, c)) != 0) {
			prev = is_vowel(l) ? l : 0;
			continue;
		}
		put_cp(b, c);
		prev = is_vowel(c) ? c : 0;
	}
}

static void
from_tcvn3(struct buf *b, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t c = next_cp(p, n, &i);

		put_cp(b, c >= 0xA1 && c <= 0xFF ? tcvn3[c - 0xA1] : c);
	}
}

/*
 * Upper-case fonts (".VnTimeH", "VNI-Times H") draw lower-case codes as
 * capitals: a word whose ASCII letters are all capitals, two of them or
 * one not first ("ñY" for "ỦY", but not "Sè" for "Số"), is all capitals.
 */
static void
fix_case(struct buf *out, const char *p, size_t n)
{
	size_t i = 0, w;

	while (i < n) {
		int upper = 0, lower = 0, inner = 0, all;
		size_t j;

		for (w = i; w < n && p[w] != ' ' && p[w] != '\n' && p[w] != '\t';
		    w++) {
			upper += p[w] >= 'A' && p[w] <= 'Z';
			inner += p[w] >= 'A' && p[w] <= 'Z' && w > i;
			lower += p[w] >= 'a' && p[w] <= 'z';
		}
		all = lower == 0 && (upper >= 2 || inner > 0);
		for (j = i; j < w;) {
			int32_t c = next_cp(p, w, &j);

			put_cp(out, all ? utf8proc_toupper(c) : c);
		}
		if (w < n)
			buf_addc(out, p[w]);
		i = w + 1;
	}
}

void
vnl_convert(struct buf *out, const char *p, size_t n, enum vn_legacy enc)
{
	struct vn_count c = { 0, 0, 0 };
	struct buf raw = { 0 }, cased = { 0 };

	vnl_count(&c, p, n);
	if (enc == VN_UNICODE || c.viet > 0) {
		buf_add(out, p, n);
		return;
	}
	if (enc == VN_TCVN3)
		from_tcvn3(&raw, p, n);
	else
		from_vni(&raw, p, n);
	fix_case(&cased, raw.p == NULL ? "" : raw.p, raw.n);
	u8_nfc(out, cased.p == NULL ? "" : cased.p, cased.n);
	buf_free(&raw);
	buf_free(&cased);
}
