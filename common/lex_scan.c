/*
 * lex: the text side of the lexicon (see lex.h): folding text the way
 * its phrases are folded, finding its phrases in a text (the longest at
 * each word), and the whole-word pattern tests of rules' word keys.
 */
#include <string.h>
#include <utf8proc.h>

#include "lex.h"
#include "utf8.h"
#include "words.h"

/*
 * After folding, Vietnamese letters are ASCII; what is left above ASCII is
 * letters of other scripts, numbers such as '²', and symbols.  Quotes and
 * dashes become their ASCII kin and other symbols a space, so that every
 * byte above ASCII in a folded text belongs to a word.
 */
static void
symbols_to_ascii(struct buf *f)
{
	size_t i = 0, o = 0;

	while (i < f->n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		utf8proc_propval_t cat;

		if ((unsigned char)f->p[i] < 0x80) {
			f->p[o++] = f->p[i++];
			continue;
		}
		k = utf8proc_iterate((const utf8proc_uint8_t *)f->p + i,
		    (utf8proc_ssize_t)(f->n - i), &cp);
		if (k <= 0)
			k = 1;
		cat = k == 1 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
		if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
		    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) {
			memmove(f->p + o, f->p + i, (size_t)k);
			o += (size_t)k;
		} else if (cat == UTF8PROC_CATEGORY_PI ||
		    cat == UTF8PROC_CATEGORY_PF)
			f->p[o++] = '"';
		else if (cat == UTF8PROC_CATEGORY_PD)
			f->p[o++] = '-';
		else
			f->p[o++] = ' ';
		i += (size_t)k;
	}
	f->n = o;
	if (f->p != NULL)
		f->p[o] = '\0';
}

void
lex_fold(struct buf *out, const char *p, size_t n)
{
	struct buf f = { 0 };
	size_t i, start = out->n;
	int space = 0;

	u8_fold(&f, p, n);
	symbols_to_ascii(&f);
	buf_reserve(out, f.n + f.n / 4 + 1);
	for (i = 0; i < f.n; i++) {
		char c = f.p[i];
		int glued = i > 0 && i + 1 < f.n && wd_digit(f.p[i - 1]) &&
		    wd_digit(f.p[i + 1]);

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = 1;
			continue;
		}
		if ((c == ',' || c == ';' || c == ':' || c == ')') && !glued) {
			buf_addc(out, c);
			space = 1;
			continue;
		}
		if (space && out->n > start && out->p[out->n - 1] != '(')
			buf_addc(out, ' ');
		space = 0;
		buf_addc(out, c);
	}
	while (out->n > start && out->p[out->n - 1] == ' ')
		out->n--;
	if (out->p != NULL)
		out->p[out->n] = '\0';
	else
		buf_adds(out, "");
	buf_free(&f);
}

/* Length of the number at s ([0-9]+([.,][0-9]+)*), 0 if none. */
static size_t
number_len(const char *s)
{
	size_t i = 0;

	while (wd_digit(s[i]))
		i++;
	while (i > 0 && (s[i] == '.' || s[i] == ',') && wd_digit(s[i + 1])) {
		i++;
		while (wd_digit(s[i]))
			i++;
	}
	return i;
}

/* Length matched by pattern pat at s ('#' a number), 0 if none; the
 * match must end at a word boundary. */
static size_t
match_at(const char *s, const char *pat)
{
	const char *p = s;

	for (; *pat != '\0'; pat++) {
		if (*pat == '#') {
			size_t k = number_len(p);

			if (k == 0)
				return 0;
			p += k;
		} else if (*p++ != *pat) {
			return 0;
		}
	}
	if (p > s && wd_folded(p[-1]) && wd_folded(*p))
		return 0;
	return (size_t)(p - s);
}

int
lex_contains(const char *hay, const char *pat)
{
	const char *p;

	for (p = hay; *p != '\0'; p++)
		if ((p == hay || !wd_folded(p[-1]) || !wd_folded(*p)) &&
		    match_at(p, pat) > 0)
			return 1;
	return 0;
}

int
lex_starts(const char *s, const char *pat)
{
	return match_at(s, pat) > 0;
}

int
lex_ends(const char *s, const char *pat)
{
	size_t n = strlen(s), i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	for (i = n; i-- > 0;) {
		size_t m;

		if (i > 0 && wd_folded(s[i - 1]) && wd_folded(s[i]))
			continue;
		m = match_at(s + i, pat);
		if (m > 0 && i + m == n)
			return 1;
	}
	return 0;
}

int
lex_ends_any(const struct lex_alt *a, const char *s)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (lex_ends(s, a->v[i]))
			return 1;
	return 0;
}

int
lex_contains_any(const struct lex_alt *a, const char *hay)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (lex_contains(hay, a->v[i]))
			return 1;
	return 0;
}

int
lex_starts_any(const struct lex_alt *a, const char *s)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (lex_starts(s, a->v[i]))
			return 1;
	return 0;
}

const struct lex_ind *
lex_find(const struct lex *x, const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < x->nind; i++)
		if (strlen(x->ind[i].id) == n && memcmp(x->ind[i].id, id, n) == 0)
			return &x->ind[i];
	return NULL;
}

/* The first cue whose phrase is >= key (key: n bytes, not terminated). */
static size_t
lower_bound(const struct lex *x, const char *key, size_t n)
{
	size_t lo = 0, hi = x->ncue;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(x->cue[mid].phrase, key, n);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The longest phrase at s whose first word starts with key[0..n). */
static size_t
longest_at(const struct lex *x, const char *s, const char *key, size_t n,
    size_t *best)
{
	size_t i, blen = 0;

	for (i = lower_bound(x, key, n); i < x->ncue &&
	    strncmp(x->cue[i].phrase, key, n) == 0; i++) {
		size_t m;

		if (x->cue[i].n <= blen)
			continue;
		if ((m = match_at(s, x->cue[i].phrase)) > blen) {
			blen = m;
			*best = i;
		}
	}
	return blen;
}

size_t
lex_scan(const struct lex *x, const char *s, size_t n, struct lex_hit *hits,
    size_t max)
{
	size_t p = 0, nh = 0;

	while (p < n) {
		size_t q = p, blen, bl2, best = 0, b2 = 0;

		if (!wd_folded(s[p]) || (p > 0 && wd_folded(s[p - 1]))) {
			p++;
			continue;
		}
		while (q < n && wd_folded(s[q]))
			q++;
		blen = longest_at(x, s + p, s + p, q - p, &best);
		if (wd_digit(s[p]) && (bl2 = longest_at(x, s + p, "#", 1, &b2)) > blen) {
			blen = bl2;
			best = b2;
		}
		if (blen == 0) {
			p = q;
			continue;
		}
		if (nh < max) {
			struct lex_hit *h = &hits[nh];
			size_t c0 = best, c1 = best;

			while (c0 > 0 && strcmp(x->cue[c0 - 1].phrase,
			    x->cue[best].phrase) == 0)
				c0--;
			while (c1 + 1 < x->ncue && strcmp(x->cue[c1 + 1].phrase,
			    x->cue[best].phrase) == 0)
				c1++;
			h->pos = p;
			h->len = blen;
			h->c0 = c0;
			h->nc = c1 - c0 + 1;
		}
		nh++;
		p += blen;
	}
	return nh;
}

int
lex_hit_is(const struct lex *x, const struct lex_hit *h, int cls, int val)
{
	size_t i;

	for (i = h->c0; i < h->c0 + h->nc; i++)
		if (x->cue[i].cls == cls && x->cue[i].val == val)
			return 1;
	return 0;
}

int
lex_hit_val(const struct lex *x, const struct lex_hit *h, int cls)
{
	size_t i;

	for (i = h->c0; i < h->c0 + h->nc; i++)
		if (x->cue[i].cls == cls)
			return x->cue[i].val;
	return -1;
}
