/*
 * utf8: UTF-8 validated, normalised and folded (see utf8.h): through the
 * tables written at build time where they cover the text, else through
 * utf8proc; folding with the map from folded bytes back to the text, and
 * the key a place name is compared by.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "diag.h"
#include "utf8.h"
#include "utf8tab.h"
#include "xalloc.h"

/*
 * The code point of the valid UTF-8 sequence at s[0..n), n > 0, and its
 * length; 0 when the bytes there are not one (utf8proc_iterate's rules:
 * no overlong form, no surrogate, nothing above U+10FFFF).
 */
static inline size_t
decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = (c & 0x1F) << 6 | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
			return 0;
		*cp = (c & 0x0F) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3F);
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80 || (c == 0xF0 && s[1] < 0x90) ||
		    (c == 0xF4 && s[1] > 0x8F))
			return 0;
		*cp = (c & 0x07u) << 18 | (s[1] & 0x3Fu) << 12 |
		    (s[2] & 0x3Fu) << 6 | (s[3] & 0x3F);
		return 4;
	}
	return 0;
}

size_t
u8_invalid(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
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
		if ((k = decode(s + i, n - i, &cp)) == 0)
			return i;
		i += k;
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

/* The whole of p[0..n) through utf8proc_map, đ made d when dbar. */
static void
map(struct buf *out, const char *p, size_t n, utf8proc_option_t opt, int dbar)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t k;
	size_t i;

	k = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &r,
	    opt);
	if (k < 0)
		internal_error("utf8proc_map on unchecked input");
	buf_reserve(out, (size_t)k);
	if (!dbar) {
		memcpy(out->p + out->n, r, (size_t)k);
		out->n += (size_t)k;
	} else {
		for (i = 0; i < (size_t)k; i++) {
			/* U+0111 đ is C4 91; case folding has made Đ into đ. */
			if (r[i] == 0xC4 && i + 1 < (size_t)k && r[i + 1] == 0x91) {
				out->p[out->n++] = 'd';
				i++;
			} else {
				out->p[out->n++] = (char)r[i];
			}
		}
	}
	out->p[out->n] = '\0';
	free(r);
}

/* The code point of a two- or three-byte sequence at s[0..n), or -1
 * when it is none (or is longer): decode() says the rest. */
static inline long
decode23(const unsigned char *s, size_t n)
{
	if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80)
		return (long)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	if (s[0] >= 0xE1 && s[0] <= 0xEC && n >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80)
		return (long)(s[0] & 0x0F) << 12 | (long)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
	return -1;
}

/* The table entry of the character at s[0..n) (not ASCII) in mapping m,
 * its length in *k; U8T_SLOW when the bytes are not valid UTF-8. */
static inline uint32_t
entry_at(enum u8t_map m, const unsigned char *s, size_t n, size_t *k)
{
	long c = decode23(s, n);
	uint32_t cp;

	if (c >= 0) {
		*k = s[0] < 0xE0 ? 2 : 3;
		return u8t_entry(m, (uint32_t)c);
	}
	if ((*k = decode(s, n, &cp)) == 0)
		return U8T_SLOW;
	return u8t_entry(m, cp);
}

/* memcpy for the few bytes of a character, without a call. */
static inline void
copy(char *w, const void *from, size_t n)
{
	const unsigned char *f = from;

	while (n-- > 0)
		*w++ = (char)*f++;
}

/*
 * Mapping m of valid UTF-8 p[0..n), appended to out from the tables
 * (utf8tab.h), ASCII inline; ascii_lower says whether m lower-cases it.
 * Returns 0, or -1 with out as it was when a code point is slow (or the
 * text not valid UTF-8): the caller then maps the whole text through
 * utf8proc, which gives the same bytes for text the tables map.
 */
static int
tab_map(struct buf *out, enum u8t_map m, int ascii_lower, const char *p,
    size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	unsigned lower = ascii_lower ? 'a' - 'A' : 0;
	size_t i = 0, k, len;
	char *w, *end;
	uint32_t e;

	/* Room for the text as it is; a mapping that grows makes more. */
	buf_reserve(out, n);
	w = out->p + out->n;
	end = out->p + out->cap - 1;
	while (i < n) {
		unsigned c = s[i];

		if (c < 0x80) {
			do {
				*w++ = (char)(c - 'A' < 26u ? c | lower : c);
			} while (++i < n && (c = s[i]) < 0x80);
			continue;
		}
		if ((e = entry_at(m, s + i, n - i, &k)) == U8T_SLOW) {
			out->p[out->n] = '\0';
			return -1;
		}
		if (e == U8T_SAME) {
			copy(w, s + i, k);
			w += k;
		} else {
			len = e & 63;
			if (len > k && (size_t)(end - w) < len + (n - i - k)) {
				size_t at = (size_t)(w - out->p), was = out->n;

				out->n = at;
				buf_reserve(out, len + (n - i - k));
				out->n = was;
				w = out->p + at;
				end = out->p + out->cap - 1;
			}
			copy(w, u8t_pool + (e >> 6), len);
			w += len;
		}
		i += k;
	}
	out->n = (size_t)(w - out->p);
	out->p[out->n] = '\0';
	return 0;
}

/* Whether mapping m leaves every character of p[0..n) as it is: 1; 0
 * when it changes some; -1 when a character is slow. */
static int
tab_same(enum u8t_map m, const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, k;
	int same = 1;
	uint32_t e;

	while (i < n) {
		if (s[i] < 0x80) {
			uint64_t w;

			/* ASCII eight bytes at a time. */
			if (i + 8 <= n) {
				memcpy(&w, s + i, 8);
				if ((w & 0x8080808080808080ULL) == 0) {
					i += 8;
					continue;
				}
			}
			i++;
			continue;
		}
		if ((e = entry_at(m, s + i, n - i, &k)) == U8T_SLOW)
			return -1;
		same &= e == U8T_SAME;
		i += k;
	}
	return same;
}

/* The composite of the pair a, b (a table search), or 0. */
static uint32_t
compose_pair(uint32_t a, uint32_t b)
{
	size_t lo = 0, hi = u8t_npairs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const uint32_t *q = u8t_pairs[mid];

		if (q[0] < a || (q[0] == a && q[1] < b))
			lo = mid + 1;
		else if (q[0] == a && q[1] == b)
			return q[2];
		else
			hi = mid;
	}
	return 0;
}

/* A decomposed code point with its class table entry (the class and
 * U8T_SECOND): entry << 21 | code point. */
#define CP(x)		((x) & 0x1FFFFF)
#define CLASS(x)	((x) >> 21 & 0xFF)
#define SECOND(x)	((x) >> 21 & U8T_SECOND)

/*
 * Appends c to the decomposition v[0..*n), keeping it in canonical order:
 * a combining mark goes before the marks of a higher class that end v.
 */
static void
put_decomposed(uint32_t *v, size_t *n, uint32_t c)
{
	uint32_t e = u8t_entry(U8T_CLASS, c), cls = e & 0xFF, x = e << 21 | c;
	size_t j = *n;

	while (cls > 0 && j > 0 && CLASS(v[j - 1]) > cls) {
		v[j] = v[j - 1];
		j--;
	}
	v[j] = x;
	(*n)++;
}

/* Appends code point c as UTF-8 at w; returns its length. */
static size_t
encode(char *w, uint32_t c)
{
	if (c < 0x80) {
		w[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		w[0] = (char)(0xC0 | c >> 6);
		w[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		w[0] = (char)(0xE0 | c >> 12);
		w[1] = (char)(0x80 | (c >> 6 & 0x3F));
		w[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	w[0] = (char)(0xF0 | c >> 18);
	w[1] = (char)(0x80 | (c >> 12 & 0x3F));
	w[2] = (char)(0x80 | (c >> 6 & 0x3F));
	w[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/*
 * NFC of valid UTF-8 p[0..n) by the tables: the canonical decomposition
 * in canonical order, then composed as utf8proc composes (a character
 * joins the last starter unless a character between them of its class or
 * higher, or a starter, stayed).  Returns 0, or -1 with out as it was for
 * Hangul or invalid bytes, which go through utf8proc.
 */
static int
tab_nfc(struct buf *out, const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	/* Room for 4 code points a byte: a character whose decomposition
	 * takes more than 4 bytes a byte of it (none does) is slow. */
	uint32_t *v = xreallocarray(NULL, n * 4 + 1, sizeof(*v)), e, c;
	size_t i = 0, nv = 0, k, l, j, r, w, starter = 0;
	int have_starter = 0, max_class = -1;

	while (i < n) {
		if (s[i] < 0x80) {
			v[nv++] = s[i++];
			continue;
		}
		if ((k = decode(s + i, n - i, &c)) == 0 ||
		    (e = u8t_entry(U8T_DECOMP, c)) == U8T_SLOW ||
		    (e != U8T_SAME && (e & 63) > 4 * k)) {
			free(v);
			return -1;
		}
		if (e == U8T_SAME) {
			put_decomposed(v, &nv, c);
		} else {
			const unsigned char *d = u8t_pool + (e >> 6);

			for (j = 0; j < (e & 63); j += l) {
				l = decode(d + j, (e & 63) - j, &c);
				put_decomposed(v, &nv, c);
			}
		}
		i += k;
	}
	for (r = 0, w = 0; r < nv; r++) {
		uint32_t cls = CLASS(v[r]), comp;

		if (have_starter && (int)cls > max_class && SECOND(v[r]) &&
		    (comp = compose_pair(CP(v[starter]), CP(v[r]))) != 0) {
			/* A composite is a starter that may compose again. */
			v[starter] = comp;
			continue;
		}
		v[w] = v[r];
		if (cls == 0) {
			starter = w;
			have_starter = 1;
			max_class = -1;
		} else if ((int)cls > max_class) {
			max_class = (int)cls;
		}
		w++;
	}
	buf_reserve(out, w * 4);
	for (r = 0; r < w; r++)
		out->n += encode(out->p + out->n, CP(v[r]));
	out->p[out->n] = '\0';
	free(v);
	return 0;
}

#define NFC_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)
#define LOWER_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)
#define FOLD_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | \
	UTF8PROC_STRIPMARK)
#define KEY_OPTS (UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD)

void
u8_fold(struct buf *out, const char *p, size_t n)
{
	if (tab_map(out, U8T_FOLD, 1, p, n) != 0)
		map(out, p, n, FOLD_OPTS, 1);
}

int
u8_fold_first(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	struct buf f = { 0 };
	size_t k;
	uint32_t e;
	int c;

	if (s[0] < 0x80)
		return (int)(s[0] - 'A' + 0u < 26u ? s[0] | 0x20u : s[0]);
	if ((e = entry_at(U8T_FOLD, s, n, &k)) == U8T_SAME)
		return s[0];
	if (e != U8T_SLOW)
		return (e & 63) == 0 ? -1 : u8t_pool[e >> 6];
	/* What the tables leave to utf8proc. */
	u8_fold(&f, p, u8_len(p, n));
	c = f.n > 0 ? (unsigned char)f.p[0] : -1;
	buf_free(&f);
	return c;
}

void
u8_lower(struct buf *out, const char *p, size_t n)
{
	if (tab_map(out, U8T_LOWER, 1, p, n) != 0)
		map(out, p, n, LOWER_OPTS, 0);
}

void
u8_nfc(struct buf *out, const char *p, size_t n)
{
	/* Most text is NFC already: a look, then one copy; text with
	 * combining marks is composed. */
	switch (tab_same(U8T_NFC, p, n)) {
	case 1:
		buf_add(out, p, n);
		break;
	case 0:
		if (tab_map(out, U8T_NFC, 0, p, n) == 0)
			break;
		/* FALLTHROUGH */
	default:
		if (tab_nfc(out, p, n) != 0)
			map(out, p, n, NFC_OPTS, 0);
		break;
	}
}

const char *const u8_superscripts[10] = { "⁰", "¹", "²", "³", "⁴", "⁵",
	"⁶", "⁷", "⁸", "⁹" };

size_t
u8_superscript_at(const char *p, size_t n)
{
	size_t k, len;

	/* Called on every character of a unit: most are ASCII, or differ
	 * from every superscript in their first byte. */
	if (n == 0 || (unsigned char)p[0] < 0x80)
		return 0;
	for (k = 0; k < 10; k++) {
		if (p[0] != u8_superscripts[k][0])
			continue;
		len = strlen(u8_superscripts[k]);
		if (n >= len && memcmp(p, u8_superscripts[k], len) == 0)
			return len;
	}
	return 0;
}


/* Room in out and in its map at (of *capat entries) for need bytes past
 * its first j. */
static void
fold_room(struct buf *out, size_t **at, size_t *capat, size_t j, size_t need)
{
	out->n = j;
	buf_reserve(out, need);
	if (*capat < out->cap) {
		*capat = out->cap;
		*at = xreallocarray(*at, *capat, sizeof(**at));
	}
}

/*
 * u8_fold_at's work: the fold of p[0..n) appended to out a character at a
 * time, (*at)[j] the offset of the character that gave out's byte j, and
 * (*at)[out->n] n; *at has *capat entries and is grown.  With start, also
 * start[i] the first byte of out the character at p[i] gave (start[n]:
 * out->n).  Returns 1 when a character was slow (folded alone through
 * utf8proc), else 0.
 */
static int
fold_chars(struct buf *out, size_t **at, size_t *capat, size_t *start,
    const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p, *from;
	size_t i = 0, j = out->n, k, len, m, *a;
	int slow = 0;
	char *f;
	uint32_t e;

	/* Room for the rest of the text as it is, and a character more:
	 * only a character whose fold is longer than it needs more. */
	fold_room(out, at, capat, j, n + 64);
	f = out->p;
	a = *at;
	while (i < n) {
		unsigned c = s[i];

		if (c < 0x80) {
			do {
				f[j] = (char)(c - 'A' < 26u ? c | 0x20 : c);
				a[j] = i;
				if (start != NULL)
					start[i] = j;
				j++;
			} while (++i < n && (c = s[i]) < 0x80);
			continue;
		}
		if ((e = entry_at(U8T_FOLD, s + i, n - i, &k)) == U8T_SLOW) {
			/* As u8_fold folds it: the character alone. */
			k = u8_len(p + i, n - i);
			slow = 1;
			out->n = j;
			u8_fold(out, p + i, k);
			len = out->n - j;
			fold_room(out, at, capat, out->n, n - i - k + 64);
		} else {
			from = e == U8T_SAME ? s + i : u8t_pool + (e >> 6);
			len = e == U8T_SAME ? k : e & 63;
			if (len > k)
				fold_room(out, at, capat, j, len + n - i - k + 64);
			copy(out->p + j, from, len);
		}
		f = out->p;
		a = *at;
		for (m = 0; m < len; m++)
			a[j + m] = i;
		if (start != NULL)
			for (m = 0; m < k; m++)
				start[i + m] = j;
		j += len;
		i += k;
	}
	out->n = j;
	f[j] = '\0';
	a[j] = n;
	if (start != NULL)
		start[n] = j;
	return slow;
}

void
u8_fold_at(struct buf *out, size_t **at, const char *p, size_t n)
{
	size_t cap = 0;

	fold_chars(out, at, &cap, NULL, p, n);
}

void
u8_folded_set(struct u8_folded *t, const char *p, size_t n)
{
	t->p = p;
	t->n = n;
	if (t->capstart < n + 1) {
		t->capstart = n + 1;
		t->start = xreallocarray(t->start, t->capstart, sizeof(*t->start));
	}
	buf_clear(&t->fold);
	t->slow = fold_chars(&t->fold, &t->at, &t->capat, t->start, p, n);
}

void
u8_folded_free(struct u8_folded *t)
{
	buf_free(&t->fold);
	free(t->at);
	free(t->start);
	memset(t, 0, sizeof(*t));
}

size_t
u8_folded_cut(const struct u8_folded *t, size_t a, size_t max)
{
	size_t e;

	if (t->n - a <= max)
		return t->n;
	for (e = a + max; e > a && ((unsigned char)t->p[e] & 0xC0) == 0x80; e--)
		;
	return e;
}

size_t
u8_folded_piece(const struct u8_folded *t, size_t a, size_t b,
    struct buf *tmp, const char **f)
{
	if (t->slow) {
		buf_clear(tmp);
		u8_fold(tmp, t->p + a, b - a);
		*f = tmp->p;
		return tmp->n;
	}
	*f = t->fold.p + t->start[a];
	return t->start[b] - t->start[a];
}

size_t
u8_len(const char *p, size_t n)
{
	uint32_t cp;
	size_t k;

	if (n == 0)
		return 0;
	k = decode((const unsigned char *)p, n, &cp);
	return k == 0 ? 1 : k;
}

size_t
u8_cut(const char *p, size_t n, size_t max)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, k;
	uint32_t cp;

	if (n <= max)
		return n;
	while (i < max) {
		k = s[i] < 0x80 ? 1 : decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1;
		if (i + k > max)
			break;
		i += k;
	}
	return i;
}

/* Vietnamese tone marks as combining characters. */
static int
is_tone(uint32_t cp)
{
	return cp == 0x300 || cp == 0x301 || cp == 0x303 || cp == 0x309 ||
	    cp == 0x323;
}

void
u8_name_key(struct buf *out, const char *p, size_t n)
{
	struct buf d = { 0 }, tones = { 0 };
	size_t i = 0, from = 0, k;
	uint32_t cp;

	if (tab_map(&d, U8T_KEY, 1, p, n) != 0)
		map(&d, p, n, KEY_OPTS, 0);
	while (i < d.n) {
		if ((k = decode((const unsigned char *)d.p + i, d.n - i,
		    &cp)) == 0)
			internal_error("invalid UTF-8 in mapped text");
		if (is_tone(cp)) {
			/* Its code in hex: every tone's has three digits. */
			buf_add(out, d.p + from, i - from);
			buf_addc(&tones, "0123456789abcdef"[cp >> 8]);
			buf_addc(&tones, "0123456789abcdef"[cp >> 4 & 15]);
			buf_addc(&tones, "0123456789abcdef"[cp & 15]);
			from = i + k;
		}
		i += k;
	}
	buf_add(out, d.p + from, d.n - from);
	buf_addc(out, '|');
	if (tones.p != NULL)
		buf_add(out, tones.p, tones.n);
	buf_free(&tones);
	buf_free(&d);
}
