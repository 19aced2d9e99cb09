/*
 * words: the word lists of common/data/words.rules (see words.h), loaded
 * (built in, or from a file) and checked, each kept folded and with its
 * marks, indexed by first and last byte; a phrase of a list found at the
 * start, the end or anywhere in a text; and the small readings several
 * filters share.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "diag.h"
#include "gz.h"
#include "utf8.h"
#include "words.h"

extern const unsigned char data_words[];
extern const size_t data_words_len;

/*
 * The vocabulary in static storage.  Each list is kept twice, folded and
 * lower-cased with its marks: internal list L < WL_N is list L in its own
 * mode, L >= WL_N list L - WL_N in the other.  Phrases are NUL-ended in
 * pool; internal list L's phrases are ph[first[L] .. first[L] + count[L]),
 * sorted by first byte then longest first (bystart, with the offsets of
 * each first byte), and again by last byte then longest first (byend).
 */
#define NL (2 * WL_N)
#define POOL_MAX (1u << 17)
#define PHRASES_MAX 8192
#define WORDS_MAX 16384

struct phrase {
	uint32_t off;
	uint16_t len;
	int val;
};

static struct vocab {
	int loaded;
	char pool[POOL_MAX];
	size_t pooln;
	struct phrase ph[PHRASES_MAX];
	size_t nph;
	size_t first[NL], count[NL];
	uint16_t bystart[PHRASES_MAX], byend[PHRASES_MAX];
	uint16_t start_at[NL][257], end_at[NL][257];
	/* The words of the phrases of each list l < WL_N, by first byte:
	 * those starting with byte c are tok[tok_at[l][c] .. tok_at[l][c +
	 * 1]) (words_has_word). */
	struct phrase tok[WORDS_MAX];
	size_t ntok;
	uint16_t tok_at[WL_N][257];
	/* The bytes text as written may start a phrase of a FOLD list with:
	 * both cases of each ASCII first letter, and the lead bytes of the
	 * letters that fold to one (words_may_start). */
	unsigned char raw_start[WL_N][32];
} vocab;

static const char *const list_name[WL_N] = {
#define WORDS_NAME(id, name, mode, what) name,
	WORDS_LISTS(WORDS_NAME)
#undef WORDS_NAME
};

static const char *const list_what[WL_N] = {
#define WORDS_WHAT(id, name, mode, what) what,
	WORDS_LISTS(WORDS_WHAT)
#undef WORDS_WHAT
};

static const enum words_mode list_mode[WL_N] = {
#define WORDS_MODE(id, name, mode, what) WM_##mode,
	WORDS_LISTS(WORDS_MODE)
#undef WORDS_MODE
};

/* How internal list L is matched. */
static enum words_mode
mode_of(size_t L)
{
	if (L < WL_N)
		return list_mode[L];
	return list_mode[L - WL_N] == WM_FOLD ? WM_MARKS : WM_FOLD;
}

/* The internal list of l matched with its marks. */
static size_t
marks_list(enum words_list l)
{
	return list_mode[l] == WM_MARKS ? (size_t)l : (size_t)l + WL_N;
}

static const char *
ph_text(const struct phrase *p)
{
	return vocab.pool + p->off;
}

static unsigned char
ph_first(const struct phrase *p)
{
	return (unsigned char)vocab.pool[p->off];
}

static unsigned char
ph_last(const struct phrase *p)
{
	return (unsigned char)vocab.pool[p->off + p->len - 1];
}

/* qsort over indices into ph: by first (or last) byte, longest first. */
static int by_last;

static int
cmp_ph(const void *a, const void *b)
{
	const struct phrase *x = &vocab.ph[*(const uint16_t *)a];
	const struct phrase *y = &vocab.ph[*(const uint16_t *)b];
	int cx = by_last ? ph_last(x) : ph_first(x);
	int cy = by_last ? ph_last(y) : ph_first(y);

	if (cx != cy)
		return cx - cy;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

static void
index_list(size_t L)
{
	uint16_t *v, *at;
	size_t i, c;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		v = (pass ? vocab.byend : vocab.bystart) + vocab.first[L];
		at = (pass ? vocab.end_at : vocab.start_at)[L];
		for (i = 0; i < vocab.count[L]; i++)
			v[i] = (uint16_t)(vocab.first[L] + i);
		by_last = pass;
		qsort(v, vocab.count[L], sizeof(*v), cmp_ph);
		/* at[c]: how many phrases have a first (last) byte below c,
		 * counted, then summed. */
		memset(at, 0, 257 * sizeof(*at));
		for (i = 0; i < vocab.count[L]; i++)
			at[(pass ? ph_last(&vocab.ph[v[i]]) :
			    ph_first(&vocab.ph[v[i]])) + 1]++;
		for (c = 0; c < 256; c++)
			at[c + 1] = (uint16_t)(at[c + 1] + at[c]);
	}
}

/* vocab.tok for list l: the words of its phrases, by first byte. */
static void
index_words(size_t l)
{
	size_t k, c, from = vocab.ntok, count[256] = { 0 }, at[256];

	for (k = vocab.first[l]; k < vocab.first[l] + vocab.count[l]; k++) {
		const char *p = ph_text(&vocab.ph[k]);

		for (;;) {
			size_t m = strcspn(p, " ");

			count[(unsigned char)p[0]]++;
			if (p[m] == '\0')
				break;
			p += m + 1;
		}
	}
	for (c = 0, k = from; c < 256; c++) {
		vocab.tok_at[l][c] = (uint16_t)k;
		at[c] = k;
		k += count[c];
	}
	vocab.tok_at[l][256] = (uint16_t)k;
	if (k > WORDS_MAX)
		die(2, "more words than a vocabulary holds");
	vocab.ntok = k;
	for (k = vocab.first[l]; k < vocab.first[l] + vocab.count[l]; k++) {
		const char *p = ph_text(&vocab.ph[k]);

		for (;;) {
			size_t m = strcspn(p, " ");
			struct phrase *t = &vocab.tok[at[(unsigned char)p[0]]++];

			t->off = (uint32_t)(p - vocab.pool);
			t->len = (uint16_t)m;
			if (p[m] == '\0')
				break;
			p += m + 1;
		}
	}
}

struct wloader {
	const char *file;
	size_t line;
	int seen[WL_N];
	struct buf f;		/* scratch of add_phrase */
};

/* One phrase of internal list L into the pool, folded or lower-cased,
 * blanks collapsed. */
static void
add_phrase(struct wloader *ld, size_t L, const char *p, size_t n)
{
	struct buf *f = &ld->f;
	const char *eq = memchr(p, '=', n);
	struct phrase *ph;
	size_t i, o;
	char *end;
	long val = 0;

	if (eq != NULL) {
		val = strtol(eq + 1, &end, 10);
		if (end == eq + 1 || (size_t)(end - p) > n ||
		    strspn(end, " \t") < (size_t)(p + n - end))
			die_at(2, ld->file, ld->line, "'%.*s': the number after "
			    "'=' is not a whole number", (int)diag_quote_len(p, n), p);
		n = (size_t)(eq - p);
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	if (n == 0)
		die_at(2, ld->file, ld->line, "an empty phrase");
	buf_clear(f);
	if (mode_of(L) == WM_MARKS)
		u8_lower(f, p, n);
	else
		u8_fold(f, p, n);
	for (i = o = 0; i < f->n; i++)
		if (!(f->p[i] == ' ' && (o == 0 || f->p[o - 1] == ' ')))
			f->p[o++] = f->p[i] == '\t' ? ' ' : f->p[i];
	while (o > 0 && f->p[o - 1] == ' ')
		o--;
	if (vocab.nph == PHRASES_MAX || vocab.pooln + o + 1 > POOL_MAX ||
	    o > UINT16_MAX)
		die_at(2, ld->file, ld->line, "more words than a vocabulary holds");
	ph = &vocab.ph[vocab.nph++];
	ph->off = (uint32_t)vocab.pooln;
	ph->len = (uint16_t)o;
	ph->val = (int)val;
	memcpy(vocab.pool + vocab.pooln, f->p, o);
	vocab.pooln += o;
	vocab.pool[vocab.pooln++] = '\0';
	vocab.count[L]++;
}

/* "words NAME: phrase | phrase=N | ..." */
static void
parse_words(struct wloader *ld, const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n), *p, *bar;
	size_t l, k;
	int twice;

	if (n < LIT_LEN("words ") || memcmp(s, "words ", LIT_LEN("words ")) != 0 ||
	    colon == NULL)
		die_at(2, ld->file, ld->line, "not a 'words NAME: phrase | ...' line");
	p = s + LIT_LEN("words ");
	k = (size_t)(colon - p);
	while (k > 0 && p[k - 1] == ' ')
		k--;
	for (l = 0; l < WL_N; l++)
		if (strlen(list_name[l]) == k && memcmp(list_name[l], p, k) == 0)
			break;
	if (l == WL_N)
		die_at(2, ld->file, ld->line, "unknown word list '%.*s'",
		    (int)diag_quote_len(p, k), p);
	if (ld->seen[l])
		die_at(2, ld->file, ld->line, "word list '%s' given twice",
		    list_name[l]);
	ld->seen[l] = 1;
	for (twice = 0; twice < 2; twice++) {
		size_t L = l + (size_t)twice * WL_N;

		vocab.first[L] = vocab.nph;
		for (p = colon + 1; p <= s + n; p = bar + 1) {
			bar = memchr(p, '|', (size_t)(s + n - p));
			if (bar == NULL)
				bar = s + n;
			add_phrase(ld, L, p, (size_t)(bar - p));
		}
	}
}

/* vocab.raw_start, from the folded first bytes of each list's phrases:
 * every letter of the Latin blocks whose fold starts with one marks its
 * UTF-8 lead byte.  The lead bytes are gathered by that folded byte
 * first, then given to each list whose phrases start with it. */
static void
raw_starts(void)
{
	struct buf f = { 0 };
	utf8proc_int32_t cp;
	unsigned char u[4], lead[256][32] = { { 0 } }, has_lead[256] = { 0 };
	size_t l, b;

	/* lead[c]: the lead bytes of the letters a fold starts with byte c,
	 * of the Latin blocks (Vietnamese among them). */
	for (cp = 0x80; cp < 0x1F00; cp = cp == 0x24F ? 0x1E00 : cp + 1) {
		utf8proc_ssize_t k = utf8proc_encode_char(cp, u);
		unsigned char c;

		if (k <= 0)
			continue;
		buf_clear(&f);
		u8_fold(&f, (const char *)u, (size_t)k);
		if (f.n == 0)
			continue;
		c = (unsigned char)f.p[0];
		lead[c][u[0] >> 3] |= (unsigned char)(1u << (u[0] & 7));
		has_lead[c] = 1;
	}
	buf_free(&f);
	for (l = 0; l < WL_N; l++) {
		unsigned char *set = vocab.raw_start[l];
		int c;

		for (c = 0; c < 256; c++) {
			if (vocab.start_at[l][c] == vocab.start_at[l][c + 1])
				continue;
			if (c < 128) {
				set[c >> 3] |= (unsigned char)(1u << (c & 7));
				if (c >= 'a' && c <= 'z')
					set[(c - 32) >> 3] |= (unsigned char)(1u <<
					    ((c - 32) & 7));
			}
			if (has_lead[c])
				for (b = 0; b < sizeof(lead[c]); b++)
					set[b] |= lead[c][b];
		}
	}
}

void
words_load(const char *path)
{
	struct wloader ld;
	struct gz_in *in;
	struct buf all = { 0 };
	char tmp[8192];
	size_t n, i, a;

	if (vocab.loaded)
		return;
	memset(&ld, 0, sizeof(ld));
	in = path == NULL ? gz_open_mem("(built-in words)", data_words,
	    data_words_len) : gz_open_in(path);
	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0)
		buf_add(&all, tmp, n);
	ld.file = gz_name(in);
	for (i = a = 0; i <= all.n; i++) {
		const char *s = all.p + a;
		size_t len = i - a;

		if (i < all.n && all.p[i] != '\n')
			continue;
		ld.line++;
		a = i + 1;
		while (len > 0 && (s[len - 1] == '\r' || s[len - 1] == ' '))
			len--;
		if (u8_invalid(s, len) != len)
			die_at(2, ld.file, ld.line, "invalid UTF-8");
		if (len == 0 || s[0] == '#')
			continue;
		parse_words(&ld, s, len);
	}
	for (i = 0; i < WL_N; i++)
		if (!ld.seen[i])
			die_at(2, ld.file, 0, "no word list '%s' (%s)",
			    list_name[i], list_what[i]);
	for (i = 0; i < NL; i++)
		index_list(i);
	for (i = 0; i < WL_N; i++)
		index_words(i);
	raw_starts();
	gz_close_in(in);
	buf_free(&all);
	buf_free(&ld.f);
	vocab.loaded = 1;
}

/* The built-in vocabulary, loaded on first use (the check alone inline:
 * every lookup makes it). */
static inline void
words_need(void)
{
	if (!vocab.loaded)
		words_load(NULL);
}

/* Is the character at s[i] part of a word, as internal list L counts
 * words? */
static int
word_at(size_t L, const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	utf8proc_int32_t cp;

	if (mode_of(L) == WM_FOLD)
		return wd_folded(s[i]);
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return 1;
	if (c < 0x80 || utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	return utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
	    utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO;
}

/* The start of the character that ends just before i. */
static size_t
char_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/* Does the phrase p of L, found at s[at], start a word (when its first
 * byte is a word's)? */
static int
starts_word(size_t L, const struct phrase *p, const char *s, size_t n,
    size_t at)
{
	return at == 0 || !word_at(L, ph_text(p), p->len, 0) ||
	    !word_at(L, s, n, char_before(s, at));
}

/* Does it end a word? */
static int
ends_word(size_t L, const struct phrase *p, const char *s, size_t n,
    size_t at)
{
	size_t e = at + p->len;

	return e >= n || !word_at(L, ph_text(p), p->len,
	    char_before(ph_text(p), p->len)) || !word_at(L, s, n, e);
}

/* The longest phrase of L that s[0..n) starts with, or NULL.  Inline:
 * most lookups find no phrase starting with s[0] and stop at once. */
static inline const struct phrase *
prefix(size_t L, const char *s, size_t n)
{
	unsigned char c;
	size_t k;

	words_need();
	if (n == 0)
		return NULL;
	c = (unsigned char)s[0];
	for (k = vocab.start_at[L][c]; k < vocab.start_at[L][c + 1]; k++) {
		const struct phrase *p = &vocab.ph[vocab.bystart[vocab.first[L] + k]];

		if (p->len <= n && memcmp(s, ph_text(p), p->len) == 0 &&
		    ends_word(L, p, s, n, 0))
			return p;
	}
	return NULL;
}

size_t
words_prefix_val(enum words_list l, const char *s, size_t n, int *val)
{
	const struct phrase *p = prefix(l, s, n);

	*val = p == NULL ? 0 : p->val;
	return p == NULL ? 0 : p->len;
}

size_t
words_prefix(enum words_list l, const char *s, size_t n)
{
	const struct phrase *p = prefix(l, s, n);

	return p == NULL ? 0 : p->len;
}

size_t
words_prefix_marks(enum words_list l, const char *s, size_t n)
{
	const struct phrase *p = prefix(marks_list(l), s, n);

	return p == NULL ? 0 : p->len;
}

const char *
words_prefix_text(enum words_list l, const char *s, size_t n)
{
	const struct phrase *p = prefix(l, s, n);

	return p == NULL ? NULL : ph_text(p);
}

static size_t
suffix(size_t L, const char *s, size_t n, int glued)
{
	unsigned char c;
	size_t k;

	words_need();
	if (n == 0)
		return 0;
	c = (unsigned char)s[n - 1];
	for (k = vocab.end_at[L][c]; k < vocab.end_at[L][c + 1]; k++) {
		const struct phrase *p = &vocab.ph[vocab.byend[vocab.first[L] + k]];

		if (p->len <= n && memcmp(s + n - p->len, ph_text(p), p->len) == 0 &&
		    (glued || starts_word(L, p, s, n, n - p->len)))
			return p->len;
	}
	return 0;
}

size_t
words_suffix(enum words_list l, const char *s, size_t n)
{
	return suffix(l, s, n, 0);
}

size_t
words_suffix_glued(enum words_list l, const char *s, size_t n)
{
	return suffix(l, s, n, 1);
}

int
words_exact(enum words_list l, const char *s, size_t n)
{
	const struct phrase *p = prefix(l, s, n);

	return p != NULL && p->len == n;
}

int
words_has_word(enum words_list l, const char *w, size_t n)
{
	unsigned char c;
	size_t k;

	words_need();
	if (n == 0)
		return 0;
	c = (unsigned char)w[0];
	for (k = vocab.tok_at[l][c]; k < vocab.tok_at[l][c + 1]; k++)
		if (vocab.tok[k].len == n &&
		    memcmp(ph_text(&vocab.tok[k]), w, n) == 0)
			return 1;
	return 0;
}

int
words_may_start(enum words_list l, const char *s, size_t n)
{
	unsigned char c;
	int f;

	words_need();
	if (n == 0)
		return 0;
	c = (unsigned char)s[0];
	if (!(vocab.raw_start[l][c >> 3] >> (c & 7) & 1))
		return 0;
	if (c < 0x80)
		return 1;
	f = u8_fold_first(s, n);
	return f >= 0 && vocab.start_at[l][f] < vocab.start_at[l][f + 1];
}

/* Can a phrase of L start at s[i]: at a word's start, or at a byte that
 * is no word's? */
static int
can_start(size_t L, const char *s, size_t n, size_t i)
{
	if (i == 0)
		return 1;
	if (((unsigned char)s[i] & 0xC0) == 0x80)
		return 0;
	return !word_at(L, s, n, i) || !word_at(L, s, n, char_before(s, i));
}

long
words_find(enum words_list l, const char *s, size_t n, size_t *len)
{
	size_t i, m;

	for (i = 0; i < n; i++)
		if (can_start(l, s, n, i) && (m = words_prefix(l, s + i, n - i)) > 0) {
			*len = m;
			return (long)i;
		}
	return -1;
}

long
words_find_last(enum words_list l, const char *s, size_t n, size_t *len)
{
	size_t i, m, best_end = 0;
	long best = -1;

	for (i = 0; i < n; i++)
		if (can_start(l, s, n, i) &&
		    (m = words_prefix(l, s + i, n - i)) > 0 &&
		    i + m >= best_end) {
			best = (long)i;
			best_end = i + m;
			*len = m;
		}
	return best;
}

int
words_total_label(const char *p, size_t n, struct buf *tmp)
{
	const char *f;
	size_t m, w;

	buf_clear(tmp);
	u8_fold(tmp, p, n);
	f = tmp->p == NULL ? "" : tmp->p;
	while (*f == ' ')
		f++;
	m = strlen(f);
	while (m > 0 && strchr(" :.,", f[m - 1]) != NULL)
		m--;
	if ((w = words_prefix(WL_TOTAL_LABEL, f, m)) == 0)
		return 0;
	/* The whole cell, or the label and words in brackets. */
	return words_exact(WL_TOTAL_LABEL_ALONE, f, w) || m == w ||
	    f[w] == '(' || f[w] == ':' || (f[w] == ' ' && f[w + 1] == '(');
}

int
words_ward_issuer(const char *p, size_t n, struct buf *tmp)
{
	const char *f;
	size_t m, k;

	buf_clear(tmp);
	u8_fold(tmp, p, n);
	f = tmp->p == NULL ? "" : tmp->p;
	m = tmp->n;
	while (m > 0 && *f == ' ') {
		f++;
		m--;
	}
	if ((k = words_prefix(WL_COMMITTEE, f, m)) > 0) {
		f += k;
		m -= k;
		while (m > 0 && *f == ' ') {
			f++;
			m--;
		}
	}
	k = words_prefix(WL_WARD_TYPE, f, m);
	return k > 0 && k < m && f[k] == ' ';
}

int
words_is(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncmp(s, w, k) == 0 && (n == k || !wd_folded(s[k]));
}

int
words_ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncmp(s + n - k, w, k) == 0 &&
	    (n == k || !wd_folded(s[n - k - 1]));
}

int
words_np_stop_exact(const char *s, size_t n)
{
	return words_exact(WL_NP_STOP, s, n);
}

int
words_np_stop2(const char *s, size_t n)
{
	return words_prefix(WL_NP_STOP2, s, n) > 0;
}

int
words_np_stop(const char *s, size_t n)
{
	return words_prefix(WL_NP_STOP, s, n) > 0;
}

int
words_aspect(const char *s, size_t n)
{
	return words_prefix(WL_ASPECT, s, n) > 0;
}

int
words_count_follows(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != ';' && !(s[i] == '.' && (i + 1 == n ||
	    s[i + 1] == ' ')); i++) {
		size_t j;

		if (!wd_digit(s[i]) || (i > 0 && wd_folded(s[i - 1])))
			continue;
		for (j = i; j < n && (wd_digit(s[j]) || ((s[j] == '.' ||
		    s[j] == ',') && j + 1 < n && wd_digit(s[j + 1]))); j++)
			;
		return !(j < n && s[j] == '%');
	}
	return 0;
}


int
words_np_break(const char *s, size_t n, size_t i)
{
	size_t w = i;

	while (w < n && wd_folded(s[w]))
		w++;
	return strchr(",;:().", s[i]) != NULL || wd_digit(s[i]) ||
	    !wd_folded(s[i]) || w - i > WORDS_SYLLABLE_MAX ||
	    words_np_stop(s + i, n - i) ||
	    (words_aspect(s + i, n - i) && words_count_follows(s + i, n - i));
}

int
words_np_step(const char *s, size_t n, size_t *i)
{
	if (words_np_break(s, n, *i))
		return 0;
	while (*i < n && wd_folded(s[*i]))
		(*i)++;
	return 1;
}

size_t
words_np_end(const char *s, size_t n, size_t max)
{
	size_t i = 0, end = 0, words = 0;

	while (i < n && words < max) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		if (!words_np_step(s, n, &i))
			break;
		end = i;
		words++;
	}
	return end;
}
