/*
 * The repairs of text a conversion from PDF has damaged (clean.c decides
 * per document whether to make them):
 *   - letter-spaced runs joined: "S ố h ồ s ơ : 1 2 5" is "Sốhồsơ: 125"
 *     (whose words the next repair cuts apart), "9 7 , 3 7 %" is
 *     "97,37%";
 *   - a number glued to a Vietnamese word set apart: "quả214 hồsơ",
 *     "giải quyết25hồ", "chỉ15tin";
 *   - syllables glued together cut apart: "hồsơ" is "hồ sơ", "tỷlệhồsơ"
 *     "tỷ lệ hồ sơ", "LêTùngCương" "Lê Tùng Cương".
 *
 * A word is cut by the inventory of syllables (syl.h, made at build time
 * from hunspell-vi's word list): into the fewest syllables of the
 * inventory; of two such cuttings, the one whose syllables the document
 * writes alone elsewhere ("tình hình an ninh", not "tình hì nhan ninh"),
 * then the one whose later syllable starts with the longer consonant
 * cluster ("sự nghiệp", not "sựng hiệp").  A capital after a small letter
 * starts a word.  Only words holding a letter ASCII lacks are cut, and
 * only when every piece is a syllable: "Karaoke", "QL37", "Covid-19" and
 * "B2" stay whole, and so does a word the inventory cannot cut.  No repair
 * changes a digit: numbers are only joined and set apart.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "extract.h"
#include "syl.h"
#include "utf8.h"

#define RUN_MAX 160		/* letters of a word that is cut, at most */
#define SYL_LETTERS 8		/* letters of a syllable, at most */

/* The class (syl.h) of the character at s[i], valid UTF-8; its length
 * in *len. */
static inline int
class_at(const char *s, size_t n, size_t i, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s + i;
	utf8proc_int32_t cp;

	if (u[0] < 0x80) {
		*len = 1;
		return syl_class[u[0]];
	}
	if (u[0] < 0xE0 && i + 1 < n) {
		*len = 2;
		return syl_class[(u[0] & 0x1F) << 6 | (u[1] & 0x3F)];
	}
	if (u[0] < 0xF0 && i + 2 < n) {
		cp = (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		*len = 3;
		if (cp < SYL_CLASS_MAX)
			return syl_class[cp];
		return utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
		    utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO ?
		    SYL_OTHER : 0;
	}
	*len = u8_len(s + i, n - i);
	if (utf8proc_iterate(u, (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	if (cp < SYL_CLASS_MAX)
		return syl_class[cp];
	return utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
	    utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO ? SYL_OTHER : 0;
}

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t k;

	for (k = 0; k < n; k++) {
		h ^= (unsigned char)s[k];
		h *= 16777619u;
	}
	return h;
}

/* The slot of the syllable low[0..n) (lower case), or -1. */
static long
syl_find(const char *low, size_t n)
{
	uint32_t h = fnv(low, n) & syl_mask, off;

	while ((off = syl_slot[h]) != 0) {
		const char *p = syl_pool + off - 1;
		size_t k;

		/* Byte by byte: the pool's syllable ends at its NUL, which
		 * no byte of low is. */
		for (k = 0; k < n && p[k] == low[k]; k++)
			;
		if (k == n && p[n] == '\0')
			return (long)h;
		h = (h + 1) & syl_mask;
	}
	return -1;
}

int
glue_syllable(const char *low, size_t n)
{
	return syl_find(low, n) >= 0;
}

size_t
glue_seen_size(void)
{
	return ((size_t)syl_mask >> 3) + 1;
}

/* A word: its letters, lower-cased, and what they are. */
struct run {
	size_t n;			/* letters */
	size_t off[RUN_MAX + 1];	/* each letter's offset in the text */
	unsigned char cls[RUN_MAX];
	char low[RUN_MAX * 4];		/* the letters in lower case */
	size_t loff[RUN_MAX + 1];	/* each letter's offset in low */
	int viet;			/* a letter ASCII lacks */
	int other;			/* a letter of no syllable */
};

/*
 * Reads the word (a run of letters) at s[i]: into r when it has at most
 * RUN_MAX letters (else r->n is 0).  Returns its end.
 */
static size_t
read_run(const char *s, size_t n, size_t i, struct run *r)
{
	size_t len, lo = 0;
	int c;

	r->n = 0;
	r->viet = r->other = 0;
	while (i < n && (c = class_at(s, n, i, &len)) != 0) {
		if (r->n < RUN_MAX) {
			r->off[r->n] = i;
			r->loff[r->n] = lo;
			r->cls[r->n] = (unsigned char)c;
			if (len == 1)
				r->low[lo++] = (char)((c & SYL_UPPER) ?
				    s[i] | 0x20 : s[i]);
			else if (!(c & SYL_UPPER)) {
				memcpy(r->low + lo, s + i, len);
				lo += len;
			} else {
				utf8proc_int32_t cp;

				utf8proc_iterate((const utf8proc_uint8_t *)s + i,
				    (utf8proc_ssize_t)len, &cp);
				lo += (size_t)utf8proc_encode_char(
				    utf8proc_tolower(cp),
				    (utf8proc_uint8_t *)r->low + lo);
			}
			r->viet |= len > 1 && (c & SYL_KIND) != SYL_OTHER;
			r->other |= (c & SYL_KIND) == SYL_OTHER;
		}
		r->n++;
		i += len;
	}
	if (r->n > RUN_MAX)
		r->n = 0;
	else {
		r->off[r->n] = i;
		r->loff[r->n] = lo;
	}
	return i;
}

/* Could letters [a, b) of r be more than one syllable: two runs of
 * vowels, or two tone marks? */
static int
many(const struct run *r, size_t a, size_t b)
{
	size_t k, groups = 0, tones = 0;
	int prev = 0;

	for (k = a; k < b; k++) {
		int c = r->cls[k] & SYL_KIND;
		int v = c == SYL_VOWEL || c == SYL_TONED;

		groups += v && !prev;
		tones += c == SYL_TONED;
		prev = v;
	}
	return groups > 1 || tones > 1;
}

/* A word starts at letter k: a capital after a small letter ("dựHội"),
 * or a small letter after two capitals or more ("UBNDđến"). */
static int
case_cut(const struct run *r, size_t k)
{
	if (k == 0)
		return 0;
	if (r->cls[k] & SYL_UPPER)
		return !(r->cls[k - 1] & SYL_UPPER);
	return k >= 2 && (r->cls[k - 1] & SYL_UPPER) &&
	    (r->cls[k - 2] & SYL_UPPER);
}

static int
vowel(int c)
{
	return (c & SYL_KIND) == SYL_VOWEL || (c & SYL_KIND) == SYL_TONED;
}

/* May a syllable start at letter j (b: the part's end)?  Between two
 * vowels only when each has its tone mark ("vụán", "Cốý": a syllable has
 * one) or no syllable has them side by side ("sơứng"): "chuỷếu" is no
 * "chu ỷ ế u". */
static int
cut_ok(const struct run *r, size_t j, size_t b)
{
	int v, w;

	if (j == b || !vowel(r->cls[j - 1]) || !vowel(r->cls[j]))
		return 1;
	v = r->cls[j - 1] >> SYL_VSHIFT;
	w = r->cls[j] >> SYL_VSHIFT;
	return ((r->cls[j - 1] & SYL_KIND) == SYL_TONED &&
	    (r->cls[j] & SYL_KIND) == SYL_TONED) || !(syl_pair[v] >> w & 1);
}

/*
 * Cuts letters [a, b) of r into syllables of the inventory (see the top);
 * cut[] gets the letter each later syllable starts at.  Returns the
 * number of cuts, or -1 when no cutting makes them all syllables.  seen
 * (NULL: none) marks the syllables the document writes alone.
 */
static int
syllables(const struct run *r, size_t a, size_t b, const unsigned char *seen,
    size_t *cut)
{
	size_t pieces[RUN_MAX + 1], unseen[RUN_MAX + 1], next[RUN_MAX + 1];
	size_t i, j, k;

	pieces[b] = unseen[b] = 0;
	for (i = b; i-- > a;) {
		pieces[i] = (size_t)-1;
		for (j = i + 1; j <= b && j - i <= SYL_LETTERS; j++) {
			long slot;
			size_t u;

			if (pieces[j] == (size_t)-1 || !cut_ok(r, j, b) ||
			    (slot = syl_find(r->low + r->loff[i], r->loff[j] -
			    r->loff[i])) < 0)
				continue;
			u = unseen[j] + (seen != NULL &&
			    !(seen[slot >> 3] >> (slot & 7) & 1));
			if (pieces[j] + 1 < pieces[i] || (pieces[j] + 1 ==
			    pieces[i] && u < unseen[i])) {
				pieces[i] = pieces[j] + 1;
				unseen[i] = u;
				next[i] = j;
			}
		}
	}
	if (pieces[a] == (size_t)-1)
		return -1;
	for (k = 0, i = next[a]; i < b; i = next[i])
		cut[k++] = i;
	return (int)k;
}

/*
 * The cuts of word r (letter indexes, in order) into cut[]: at each
 * capital after a small letter, and inside each part between them that
 * the inventory cuts.  Returns their number (0: the word stays whole).
 */
static size_t
cuts_of(const struct run *r, const unsigned char *seen, size_t *cut)
{
	size_t a = 0, b, ncut = 0;
	int m;

	if (r->n < 2 || !r->viet || r->other)
		return 0;
	while (a < r->n) {
		for (b = a + 1; b < r->n && !case_cut(r, b); b++)
			;
		if (many(r, a, b) && (m = syllables(r, a, b, seen,
		    cut + ncut)) > 0)
			ncut += (size_t)m;
		if (b < r->n)
			cut[ncut++] = b;
		a = b;
	}
	return ncut;
}

size_t
glue_cut(struct buf *out, const char *s, size_t n, const unsigned char *seen)
{
	struct run r;
	size_t i = 0, w, cut[RUN_MAX], ncut, k, at, words = 0;
	size_t len;

	while (i < n) {
		if (class_at(s, n, i, &len) == 0) {
			buf_add(out, s + i, len);
			i += len;
			continue;
		}
		w = read_run(s, n, i, &r);
		if ((ncut = cuts_of(&r, seen, cut)) == 0) {
			buf_add(out, s + i, w - i);
			i = w;
			continue;
		}
		for (k = 0, at = i; k < ncut; k++) {
			buf_add(out, s + at, r.off[cut[k]] - at);
			buf_addc(out, ' ');
			at = r.off[cut[k]];
		}
		buf_add(out, s + at, w - at);
		words++;
		i = w;
	}
	return words;
}

void
glue_seen(unsigned char *seen, const char *s, size_t n)
{
	struct run r;
	size_t i = 0, len;
	long slot;

	while (i < n) {
		if (class_at(s, n, i, &len) == 0) {
			i += len;
			continue;
		}
		i = read_run(s, n, i, &r);
		if (r.n > 0 && r.n <= SYL_LETTERS && (slot = syl_find(r.low,
		    r.loff[r.n])) >= 0)
			seen[slot >> 3] |= (unsigned char)(1u << (slot & 7));
	}
}

/*
 * Letter-spaced runs: characters one space apart, "S ố h ồ s ơ" or
 * "1 2 5".  A token is one letter, digit or mark of SPACED_MARKS with a
 * space or the line's end on each side (the last may be followed by one
 * of ".,;:)" too).  A run of at least four tokens, three of them letters,
 * or of at least three, two of them digits and none a letter, is joined;
 * so is a shorter one whose letters are a syllable ("c á c"), in a
 * document that has longer ones.
 */
#define SPACED_MARKS ",.:;%/()-"

enum tok { T_NONE, T_LETTER, T_DIGIT, T_MARK };

/* The token at s[i], which starts after a space or the start; its
 * length in *len. */
static enum tok
token_at(const char *s, size_t n, size_t i, size_t *len)
{
	int c = class_at(s, n, i, len);
	size_t e = i + *len;

	if (e < n && s[e] != ' ' && !(strchr(".,;:)", s[e]) != NULL &&
	    (e + 1 == n || s[e + 1] == ' ')))
		return T_NONE;
	if (c != 0 && (c & SYL_KIND) != SYL_OTHER)
		return T_LETTER;
	if ((c & SYL_KIND) == SYL_OTHER && *len == 1)
		return T_LETTER;
	if (wd_digit(s[i]))
		return T_DIGIT;
	if (*len == 1 && s[i] != '\0' && strchr(SPACED_MARKS, s[i]) != NULL)
		return T_MARK;
	return T_NONE;
}

/* The run of tokens at s[i]: its end (past its last token), and the
 * counts of its tokens; 0 tokens when there is none. */
static size_t
spaced_run(const char *s, size_t n, size_t i, size_t *tokens,
    size_t *letters, size_t *digits)
{
	size_t j = i, end = i, len;
	enum tok t;

	*tokens = *letters = *digits = 0;
	while (j < n && (t = token_at(s, n, j, &len)) != T_NONE) {
		/* A run starts with a letter or a digit: "- C ô n g". */
		if (*tokens == 0 && t == T_MARK)
			break;
		(*tokens)++;
		*letters += t == T_LETTER;
		*digits += t == T_DIGIT;
		end = j + len;
		if (end >= n || s[end] != ' ' || end + 1 >= n || s[end + 1] == ' ')
			break;
		j = end + 1;
	}
	return end;
}

static int
spaced_enough(size_t tokens, size_t letters, size_t digits)
{
	return (tokens >= 4 && letters >= 3) ||
	    (tokens >= 3 && digits >= 2 && letters == 0);
}

int
glue_spaced_line(const char *s, size_t n)
{
	size_t i = 0, e, tokens, letters, digits;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	e = spaced_run(s, n, i, &tokens, &letters, &digits);
	return tokens >= 2 && e == n;
}

/* Joins the run s[i..e) into out: the spaces go, but for one after a
 * clause mark before a letter ("hạn: 125", "III. ĐÁNH") and one before
 * a bracket. */
static void
join_run(struct buf *out, const char *s, size_t i, size_t e)
{
	char prev = 0, prev2 = 0;
	size_t len;

	while (i < e) {
		char c = s[i];

		len = u8_len(s + i, e - i);
		if (prev != 0) {
			int alnum = c != '(' && strchr(SPACED_MARKS, c) == NULL;

			if ((prev == ':' || prev == ';' || prev == ')') && alnum)
				buf_addc(out, ' ');
			else if ((prev == ',' || prev == '.') && alnum &&
			    !(wd_digit(prev2) && wd_digit(c)))
				buf_addc(out, ' ');
			else if (c == '(' && strchr(SPACED_MARKS, prev) == NULL)
				buf_addc(out, ' ');
		}
		buf_add(out, s + i, len);
		prev2 = prev;
		prev = len == 1 ? c : 'a';
		i += len;
		while (i < e && s[i] == ' ')
			i++;
	}
}

/* Are the letters of the run s[i..e) one syllable ("c ơ", "t ạ i"),
 * with marks after it only ("x ã .")? */
static int
spaced_syllable(const char *s, size_t i, size_t e)
{
	struct buf t = { 0 };
	struct run r;
	int yes;

	for (; i < e; i++)
		if (s[i] != ' ')
			buf_addc(&t, s[i]);
	read_run(t.p, t.n, 0, &r);
	yes = r.n > 1 && r.n <= SYL_LETTERS && strspn(t.p + r.off[r.n],
	    SPACED_MARKS) == t.n - r.off[r.n] && syl_find(r.low,
	    r.loff[r.n]) >= 0;
	buf_free(&t);
	return yes;
}

size_t
glue_unspace(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, e, tokens, letters, digits, runs = 0;

	while (i < n) {
		e = i == 0 || s[i - 1] == ' ' ? spaced_run(s, n, i, &tokens,
		    &letters, &digits) : i;
		if (e > i && (spaced_enough(tokens, letters, digits) ||
		    (letters >= 2 && digits == 0 && spaced_syllable(s, i, e)))) {
			join_run(out, s, i, e);
			runs++;
			i = e;
			continue;
		}
		/* Past a run that is not one, whole: each of its tokens
		 * would start the same run again. */
		if (e > i) {
			buf_add(out, s + i, e - i);
			i = e;
			continue;
		}
		buf_addc(out, s[i++]);
	}
	return runs;
}

/* The end of the number at s[i]: digits, with '.', ',' or '/' between
 * digits. */
static size_t
number_end(const char *s, size_t n, size_t i)
{
	while (i < n && (wd_digit(s[i]) || ((s[i] == '.' || s[i] == ',' ||
	    s[i] == '/') && i + 1 < n && wd_digit(s[i + 1]) && i > 0 &&
	    wd_digit(s[i - 1]))))
		i++;
	return i;
}

/* Does the word ending at s[i] (a letter ends there) hold a letter ASCII
 * lacks?  Looked at back to its start. */
static int
viet_word_before(const char *s, size_t n, size_t i)
{
	size_t p = i, len;
	int c;

	while (p > 0) {
		p = prev_char(s, p);
		if ((c = class_at(s, n, p, &len)) == 0)
			return 0;
		if (len > 1 && (c & SYL_KIND) != SYL_OTHER)
			return 1;
	}
	return 0;
}

/* Does a word holding a letter ASCII lacks start at s[i]? */
static int
viet_word_at(const char *s, size_t n, size_t i)
{
	size_t len;
	int c;

	while (i < n && (c = class_at(s, n, i, &len)) != 0) {
		if (len > 1 && (c & SYL_KIND) != SYL_OTHER)
			return 1;
		i += len;
	}
	return 0;
}

/*
 * A number glued to a Vietnamese word: after it when something follows
 * the number (a word, a number, a glued letter) or when it has three
 * digits or more ("Ngọ2026"); a short number glued at a clause's end
 * ("tuần1.") may be a footnote's mark and stays.  Before a word when the
 * word holds a letter ASCII lacks ("41hồ sơ", not "10ha").
 */
size_t
glue_digits(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, e, len, count = 0;

	while (i < n) {
		if (!wd_digit(s[i])) {
			buf_addc(out, s[i++]);
			continue;
		}
		e = number_end(s, n, i);
		if (i > 0 && class_at(s, n, prev_char(s, i), &len) != 0 &&
		    viet_word_before(s, n, i) && (e - i >= 3 || (e < n &&
		    (class_at(s, n, e, &len) != 0 || (s[e] == ' ' &&
		    e + 1 < n && (wd_digit(s[e + 1]) ||
		    class_at(s, n, e + 1, &len) != 0)))))) {
			buf_addc(out, ' ');
			count++;
		}
		buf_add(out, s + i, e - i);
		if (e < n && class_at(s, n, e, &len) != 0 &&
		    viet_word_at(s, n, e)) {
			buf_addc(out, ' ');
			count++;
		}
		i = e;
	}
	return count;
}

/*
 * The end of the word at s[i], and whether glue_cut might cut it: a letter
 * ASCII lacks, none of no syllable, and two runs of vowels, two tone
 * marks or a change of case inside (a quick look, before read_run).
 */
static size_t
may_cut(const char *s, size_t n, size_t i, int *yes)
{
	size_t len, groups = 0, tones = 0, ups = 0, k = 0;
	int c, prev = 0, viet = 0, other = 0, cased = 0, v;

	while (i < n && (c = class_at(s, n, i, &len)) != 0) {
		v = vowel(c);
		groups += v && !vowel(prev);
		tones += (c & SYL_KIND) == SYL_TONED;
		/* case_cut's two cuts. */
		if (c & SYL_UPPER) {
			cased |= k > 0 && !(prev & SYL_UPPER);
			ups++;
		} else {
			cased |= ups >= 2;
			ups = 0;
		}
		viet |= len > 1;
		other |= (c & SYL_KIND) == SYL_OTHER;
		prev = c;
		i += len;
		k++;
	}
	*yes = viet && !other && (groups > 1 || tones > 1 || cased);
	return i;
}

size_t
glue_signs(const char *s, size_t n)
{
	struct run r;
	size_t i = 0, e, len, signs = 0, cut[RUN_MAX], tokens, letters, digits;
	int yes;

	while (i < n) {
		int c = class_at(s, n, i, &len);

		/* A run of one-character tokens: one, then a space. */
		if ((i == 0 || s[i - 1] == ' ') && (i + len == n ||
		    s[i + len] == ' ') && (e = spaced_run(s, n, i, &tokens,
		    &letters, &digits)) > i && tokens > 1) {
			signs += spaced_enough(tokens, letters, digits);
			i = e;
			continue;
		}
		if (c == 0) {
			i += len;
			continue;
		}
		e = may_cut(s, n, i, &yes);
		if (yes) {
			read_run(s, n, i, &r);
			signs += cuts_of(&r, NULL, cut) > 0;
		}
		i = e;
	}
	return signs;
}
