/*
 * extract's header reader: the places a document names ("huyện Việt Yên",
 * "Phường 17"), a unit's type word and the name after it, found on every
 * line and kept, "; "-separated, in the header's places; and the test of
 * a unit's type word that the issuer's name is read by too.
 */
#include <string.h>

#include "extract.h"
#include "header.h"
#include "utf8.h"
#include "words.h"

#define PLACE_FOLD 32		/* bytes folded where a place may start */

/* A word of a unit's type, which a name in mixed case may start with
 * ("phường", "thị" of "thị xã"); tmp is scratch. */
int
hd_type_word(struct buf *tmp, const char *w, size_t n)
{
	buf_clear(tmp);
	u8_fold(tmp, w, n);
	return words_has_word(WL_UNIT_TYPE, tmp->p, tmp->n);
}

static void
add_place(struct header *h, const char *p, size_t n)
{
	const char *q = h->places.p;
	size_t count = 0;

	while (q != NULL && *q != '\0') {
		const char *e = strstr(q, "; ");
		size_t len = e == NULL ? strlen(q) : (size_t)(e - q);

		if (len == n && memcmp(q, p, n) == 0)
			return;
		count++;
		q = e == NULL ? NULL : e + 2;
	}
	if (count >= 24)
		return;
	if (h->places.n > 0)
		buf_adds(&h->places, "; ");
	buf_add(&h->places, p, n);
}

/* The end of up to three capitalised words (or numbers) of a name from
 * s[w]. */
static size_t
name_words(const char *s, size_t n, size_t w)
{
	size_t words = 0;

	while (w < n && words < 3 && (isupper_at(s, n, w) || wd_digit(s[w]))) {
		while (w < n && s[w] != ' ' && s[w] != ',' && s[w] != ';' &&
		    s[w] != '.' && s[w] != ')' && s[w] != '(' && s[w] != '\t')
			w++;
		words++;
		if (w + 1 < n && s[w] == ' ' && (isupper_at(s, n, w + 1) ||
		    wd_digit(s[w + 1])))
			w++;
		else
			break;
	}
	return words > 0 ? w : 0;
}

/* The length of the word at the start of s[0..n): up to a blank, a
 * comma, a semicolon, a full stop or a bracket. */
static size_t
word_len(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != ' ' && s[i] != ',' && s[i] != ';' &&
	    s[i] != '.' && s[i] != '(' && s[i] != ')'; i++)
		;
	return i;
}

/* Is p[0..n) a unit's type with its marks? */
static int
type_as_written(const char *p, size_t n)
{
	struct buf low = { 0 };
	int yes;

	u8_lower(&low, p, n);
	yes = low.p != NULL && words_prefix_marks(WL_UNIT_TYPE, low.p, low.n) > 0;
	buf_free(&low);
	return yes;
}

/*
 * "huyện Việt Yên", "Phường 17", "thị xã Việt Yên", "tỉnh Bắc Giang": a
 * unit's type word and the name after it.  At a word a type word may start
 * (its first letter), the next few words are folded; the type words are
 * found in the fold, the name in the text as written.
 */
void
hd_find_places(struct scan *st, struct buf *fold, size_t **at, const char *s,
    size_t n)
{
	size_t i, k, nj, w;

	for (i = 0; i < n; i++) {
		if (!(i == 0 || s[i - 1] == ' ' || s[i - 1] == '(') ||
		    !words_may_start(WL_UNIT_TYPE, s + i, n - i) ||
		    !hd_type_word(&st->tmp_fold, s + i, word_len(s + i, n - i)))
			continue;
		buf_clear(fold);
		u8_fold_at(fold, at, s + i, u8_cut(s + i, n - i, PLACE_FOLD));
		if ((k = words_prefix(WL_UNIT_TYPE, fold->p, fold->n)) == 0 ||
		    k >= fold->n || fold->p[k] != ' ')
			continue;
		/* The name starts after the type word(s) and a blank. */
		nj = i + (*at)[k + 1];
		/* With its marks: "quận", not the "quan" of "cơ quan". */
		if (!type_as_written(s + i, nj - i))
			continue;
		if ((w = name_words(s, n, nj)) > nj &&
		    words_prefix(WL_PLACE_NOT, fold->p + k + 1,
		    fold->n - k - 1) == 0)
			add_place(&st->hdr, s + i, w - i);
		i = nj - 1;
	}
}
