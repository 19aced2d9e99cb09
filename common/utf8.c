#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "diag.h"
#include "utf8.h"
#include "xalloc.h"

size_t
u8_invalid(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		/* ASCII eight bytes at a time. */
		if (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return n;
}

size_t
u8_count_nl(const char *p, size_t n)
{
	size_t c = 0;
	const char *q;

	while (n > 0 && (q = memchr(p, '\n', n)) != NULL) {
		c++;
		n -= (size_t)(q - p) + 1;
		p = q + 1;
	}
	return c;
}

static void
map(struct buf *out, const char *p, size_t n, utf8proc_option_t opt, int dbar)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t k;
	size_t i;

	for (i = 0; i < n && (unsigned char)p[i] < 0x80; i++)
		;
	if (i == n && !(opt & UTF8PROC_CASEFOLD)) {
		buf_add(out, p, n);
		return;
	}
	k = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &r,
	    opt);
	if (k < 0)
		internal_error("utf8proc_map on unchecked input");
	if (!dbar) {
		buf_add(out, (char *)r, (size_t)k);
	} else {
		for (i = 0; i < (size_t)k; i++) {
			/* U+0111 đ is C4 91; case folding has made Đ into đ. */
			if (r[i] == 0xC4 && i + 1 < (size_t)k && r[i + 1] == 0x91) {
				buf_addc(out, 'd');
				i++;
			} else {
				buf_addc(out, (char)r[i]);
			}
		}
	}
	free(r);
}

#define FOLD_OPTS (UTF8PROC_STABLE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | \
	UTF8PROC_COMPOSE)
#define FOLD_TAB 0x1F00		/* through Latin Extended Additional */

/*
 * The fold of each code point below FOLD_TAB, as utf8proc computes it,
 * when it is one ASCII byte (1..127), nothing (-1), or 0 when the fold is
 * anything else.  Folding Vietnamese text one character at a time from
 * this table gives what utf8proc gives for the whole string, several times
 * faster; any other character sends the string through utf8proc.
 */
static signed char fold_tab[FOLD_TAB];

static void
fold_init(void)
{
	utf8proc_int32_t cp;

	for (cp = 0x80; cp < FOLD_TAB; cp++) {
		utf8proc_uint8_t enc[4], *r = NULL;
		utf8proc_ssize_t e = utf8proc_encode_char(cp, enc), k;

		if (e <= 0)
			continue;
		k = utf8proc_map(enc, e, &r, FOLD_OPTS);
		if (k == 0)
			fold_tab[cp] = -1;
		else if (k == 1 && r[0] < 0x80)
			fold_tab[cp] = (signed char)r[0];
		free(r);
	}
	fold_tab[0x110] = fold_tab[0x111] = 'd';	/* Đ đ */
	fold_tab[0x7F] = 0x7F;
}

void
u8_fold(struct buf *out, const char *p, size_t n)
{
	static int ready;
	size_t i = 0, mark = out->n;

	if (!ready) {
		fold_init();
		ready = 1;
	}
	buf_reserve(out, n);
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (c < 0x80) {
			out->p[out->n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp >= FOLD_TAB || fold_tab[cp] == 0) {
			/* Not a simple case: the whole string through utf8proc. */
			out->n = mark;
			map(out, p, n, FOLD_OPTS, 1);
			return;
		}
		if (fold_tab[cp] > 0)
			out->p[out->n++] = fold_tab[cp];
		i += (size_t)k;
	}
	out->p[out->n] = '\0';
}

/*
 * Whether valid UTF-8 p[0..n) is NFC by a quick test: every code point is
 * below U+0300, in Latin Extended Additional (U+1E00..U+1EFF, precomposed
 * Vietnamese), or in General Punctuation from U+2002 (U+2000 and U+2001
 * are not NFC), superscripts (footnote marks) and currency signs (₫), up
 * to U+20CF.  These are starters that NFC leaves alone and that never
 * compose with a neighbour (tests/unit/test_utf8.c checks it against
 * utf8proc).  0 means not known.
 */
static int
nfc_quick(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0;

	while (i < n) {
		if (s[i] < 0x80)
			i++;
		else if (s[i] >= 0xC2 && s[i] <= 0xCB)		/* ..U+02FF */
			i += 2;
		else if (i + 1 < n && s[i] == 0xE1 && s[i + 1] >= 0xB8 &&
		    s[i + 1] <= 0xBB)				/* U+1Exx */
			i += 3;
		else if (i + 2 < n && s[i] == 0xE2 && ((s[i + 1] == 0x80 &&
		    s[i + 2] >= 0x82) || s[i + 1] == 0x81 || s[i + 1] == 0x82 ||
		    (s[i + 1] == 0x83 && s[i + 2] <= 0x8F)))
			i += 3;					/* U+2002..U+20CF */
		else
			return 0;
	}
	return 1;
}

#define LOWER_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)

/*
 * The lower case of each code point below FOLD_TAB when utf8proc makes it
 * one code point, else 0.  Text that nfc_quick() passes lower-cases one
 * character at a time from this table as utf8proc lower-cases it whole,
 * without decomposing and recomposing it (the figure scanner asks for the
 * words before every number).
 */
static utf8proc_int32_t lower_tab[FOLD_TAB];

static void
lower_init(void)
{
	utf8proc_int32_t cp;

	for (cp = 0x80; cp < FOLD_TAB; cp++) {
		utf8proc_uint8_t enc[4], *r = NULL;
		utf8proc_ssize_t e = utf8proc_encode_char(cp, enc), k;
		utf8proc_int32_t lc;

		if (e <= 0)
			continue;
		k = utf8proc_map(enc, e, &r, LOWER_OPTS);
		if (k > 0 && utf8proc_iterate(r, k, &lc) == k)
			lower_tab[cp] = lc;
		free(r);
	}
}

const char *const u8_superscripts[10] = { "⁰", "¹", "²", "³", "⁴", "⁵",
	"⁶", "⁷", "⁸", "⁹" };

size_t
u8_superscript_at(const char *p, size_t n)
{
	size_t k, len;

	for (k = 0; k < 10; k++) {
		len = strlen(u8_superscripts[k]);
		if (n >= len && memcmp(p, u8_superscripts[k], len) == 0)
			return len;
	}
	return 0;
}

void
u8_lower(struct buf *out, const char *p, size_t n)
{
	static int ready;
	size_t i = 0, mark = out->n;

	if (!ready) {
		lower_init();
		ready = 1;
	}
	if (!nfc_quick(p, n)) {
		map(out, p, n, LOWER_OPTS, 0);
		return;
	}
	buf_reserve(out, n + 4);
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (c < 0x80) {
			buf_addc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			i++;
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp >= FOLD_TAB || lower_tab[cp] == 0) {
			out->n = mark;
			map(out, p, n, LOWER_OPTS, 0);
			return;
		}
		buf_reserve(out, 4);
		out->n += (size_t)utf8proc_encode_char(lower_tab[cp],
		    (utf8proc_uint8_t *)out->p + out->n);
		i += (size_t)k;
	}
	buf_adds(out, "");
}

void
u8_fold_at(struct buf *out, size_t **at, const char *p, size_t n)
{
	size_t i = 0, j, before, cap = 0;

	while (i < n) {
		size_t k = u8_len(p + i, n - i);

		before = out->n;
		u8_fold(out, p + i, k);
		if (out->n + 1 > cap) {
			cap = (out->n + 1) * 2;
			*at = xreallocarray(*at, cap, sizeof(**at));
		}
		for (j = before; j < out->n; j++)
			(*at)[j] = i;
		i += k;
	}
	if (out->p == NULL)
		buf_adds(out, "");
	if (out->n + 1 > cap)
		*at = xreallocarray(*at, out->n + 1, sizeof(**at));
	(*at)[out->n] = n;
}

void
u8_nfc(struct buf *out, const char *p, size_t n)
{
	if (nfc_quick(p, n)) {
		buf_add(out, p, n);
		return;
	}
	map(out, p, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE, 0);
}

size_t
u8_len(const char *p, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (n == 0)
		return 0;
	if ((unsigned char)p[0] < 0x80)
		return 1;
	k = utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &cp);
	return k <= 0 ? 1 : (size_t)k;
}

size_t
u8_cut(const char *p, size_t n, size_t max)
{
	size_t i = 0, k;

	while (i < n) {
		k = u8_len(p + i, n - i);
		if (i + k > max)
			break;
		i += k;
	}
	return i;
}

/* Vietnamese tone marks as combining characters. */
static int
is_tone(utf8proc_int32_t cp)
{
	return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 ||
	    cp == 0x323;
}

void
u8_name_key(struct buf *out, const char *p, size_t n)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t k, i = 0;
	struct buf tones = { 0 };

	k = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &r,
	    UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
	if (k < 0)
		internal_error("utf8proc_map on unchecked input");
	while (i < k) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate(r + i, k - i, &cp);

		if (l <= 0)
			internal_error("utf8proc_iterate on mapped text");
		if (is_tone(cp))
			buf_printf(&tones, "%x", (unsigned)cp);
		else
			buf_add(out, (const char *)r + i, (size_t)l);
		i += l;
	}
	buf_addc(out, '|');
	if (tones.p != NULL)
		buf_add(out, tones.p, tones.n);
	buf_free(&tones);
	free(r);
}
