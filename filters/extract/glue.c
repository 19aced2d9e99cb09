/*
 * Repairs of the text a PDF's text layer gives: syllables glued together
 * where the layer lost the space ("hồsơ", "Từngày", "nhiệm vụnăm") and
 * digits spaced out letter by letter ("9 7 , 3 7 %").
 *
 * A Vietnamese syllable is one vowel group between an initial consonant
 * cluster and a final one, so a word of letters with two vowel groups is
 * two syllables: it is cut in the consonants between them, where the
 * second syllable gets the longest initial that leaves the first a valid
 * final ("Từngày" is "Từ ngày", not "Từng ày").  Only words with a
 * Vietnamese letter are cut, and only when every piece is a syllable:
 * "Karaoke" and "Covid" stay whole.
 */
#include <stddef.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "extract.h"

#define MAXSYL 8		/* syllables of one glued word, at most */

static const char *const initials[] = { "ngh", "ng", "nh", "ch", "gh", "gi",
	"kh", "ph", "th", "tr", "qu", "b", "c", "d", "D", "g", "h", "k", "l",
	"m", "n", "p", "q", "r", "s", "t", "v", "x", NULL };
static const char *const finals[] = { "ch", "ng", "nh", "c", "m", "n", "p",
	"t", "", NULL };

/*
 * The base of a letter: its ASCII letter in lower case without marks,
 * 'D' for đ, 0 for anything else.  *viet is set for a letter ASCII
 * lacks.
 */
static char
base_of(utf8proc_int32_t cp, int *viet)
{
	utf8proc_int32_t d[4];
	int opt = UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
	utf8proc_ssize_t k;

	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ?
		    (char)(cp | 0x20) : 0;
	*viet = 1;
	if (cp == 0x0110 || cp == 0x0111)
		return 'D';
	k = utf8proc_decompose_char(cp, d, 4, (utf8proc_option_t)opt, NULL);
	if (k < 1 || d[0] >= 0x80 || (d[0] | 0x20) < 'a' || (d[0] | 0x20) > 'z')
		return 0;
	return (char)(d[0] | 0x20);
}

static int
is_vowel(char b)
{
	return b != 0 && strchr("aeiouy", b) != NULL;
}

static int
in_list(const char *const *list, const char *s, size_t n)
{
	size_t k;

	for (k = 0; list[k] != NULL; k++)
		if (strlen(list[k]) == n && strncmp(list[k], s, n) == 0)
			return 1;
	return 0;
}

/*
 * The cuts of a word whose letters' bases are b[0..n): cut[k] is the
 * letter before which syllable k+1 starts.  Returns the number of cuts,
 * 0 when the word is one syllable or not syllables at all.
 */
static size_t
cuts_of(const char *b, size_t n, size_t *cut)
{
	size_t i = 0, ncut = 0, v0, v1, c1, j;

	while (i < n && !is_vowel(b[i]))
		i++;
	if (i == n || (i > 0 && !in_list(initials, b, i)))
		return 0;
	for (;;) {
		for (v0 = i; i < n && is_vowel(b[i]); i++)
			;
		if (i - v0 > 3)
			return 0;
		for (c1 = i; i < n && !is_vowel(b[i]); i++)
			;
		if (i == n)
			return in_list(finals, b + c1, n - c1) ? ncut : 0;
		/* Another vowel group: cut in b[c1..i). */
		v1 = i;
		for (j = c1; j < v1; j++)
			if (in_list(finals, b + c1, j - c1) &&
			    in_list(initials, b + j, v1 - j))
				break;
		if (j == v1 || ncut == MAXSYL - 1)
			return 0;
		cut[ncut++] = j;
	}
}

/* One word of letters s[0..n) into out, cut into its syllables. */
static void
word(struct buf *out, const char *s, size_t n)
{
	char b[64];
	size_t off[64], cut[MAXSYL], ncut, nl = 0, i = 0, k;
	int viet = 0;

	while (i < n && nl < sizeof(b)) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);

		if (l <= 0 || (b[nl] = base_of(cp, &viet)) == 0)
			break;
		off[nl++] = i;
		i += (size_t)l;
	}
	if (i < n || !viet || (ncut = cuts_of(b, nl, cut)) == 0) {
		buf_add(out, s, n);
		return;
	}
	for (k = 0, i = 0; k < ncut; k++) {
		buf_add(out, s + i, off[cut[k]] - i);
		buf_addc(out, ' ');
		i = off[cut[k]];
	}
	buf_add(out, s + i, n - i);
}

void
unglue(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, w;

	while (i < n) {
		if (!isletter_at(s, n, i)) {
			buf_addc(out, s[i++]);
			continue;
		}
		for (w = i; w < n && (isletter_at(s, n, w) ||
		    ((unsigned char)s[w] & 0xC0) == 0x80); w++)
			;
		word(out, s + i, w - i);
		i = w;
	}
}

static int
spaced_char(char c)
{
	return wd_digit(c) || c == ',' || c == '.' || c == '%' || c == '/';
}

void
unspace_digits(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, j, k, last, tokens, digits;

	while (i < n) {
		/* A run of one-character tokens, one space apart. */
		tokens = digits = 0;
		last = i;
		for (j = i; (j == 0 || s[j - 1] == ' ') && j < n &&
		    spaced_char(s[j]) && (j + 1 == n || s[j + 1] == ' ' ||
		    strchr(";:)", s[j + 1]) != NULL); j += 2) {
			tokens++;
			digits += wd_digit(s[j]);
			last = j;
			if (j + 1 < n && s[j + 1] != ' ')
				break;
		}
		if (tokens >= 3 && digits >= 2) {
			for (k = i; k <= last; k++)
				if (s[k] != ' ')
					buf_addc(out, s[k]);
			i = last + 1;
			continue;
		}
		buf_addc(out, s[i++]);
	}
}
