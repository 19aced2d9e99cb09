/*
 * utf8: validation, normalisation and folding, as utf8proc does them:
 * from tables written from utf8proc at build time (common/gen/utf8tab.c,
 * which says when a character can be mapped alone), through utf8proc
 * itself for text they do not cover.  No table is built at run time.
 *
 * Folding is what matching uses: NFC, case folded, combining marks removed
 * and đ/Đ mapped to d (utf8proc's mark stripping leaves đ alone, since it
 * is a letter of its own and not d plus a mark), so "Hoà", "HÒA" and "hoa"
 * fold to the same "hoa".
 */
#ifndef BAOCAO_UTF8_H
#define BAOCAO_UTF8_H

#include <stddef.h>

#include "buf.h"

/* Offset of the first byte of an invalid sequence, or n if all valid. */
size_t u8_invalid(const char *, size_t n);
/* Number of LF bytes in p[0..n). */
size_t u8_count_nl(const char *, size_t n);
/* Appends the fold of valid UTF-8 p[0..n) to out. */
void u8_fold(struct buf *out, const char *p, size_t n);
/* The first byte of the fold of the character that starts p[0..n) (n >
 * 0), or -1 when it folds to nothing (a mark): u8_fold's, without a
 * buffer. */
int u8_fold_first(const char *p, size_t n);
/* Appends p[0..n) lower-cased, NFC, every mark kept ("Tầng" -> "tầng",
 * which is not "tăng"). */
void u8_lower(struct buf *out, const char *p, size_t n);
/* The superscript digits ⁰ ¹ ² ... ⁹, by value (footnote marks, m²). */
extern const char *const u8_superscripts[10];
/* Does p[0..n) start with a superscript digit?  Its length, or 0. */
size_t u8_superscript_at(const char *p, size_t n);
/*
 * u8_fold, one character at a time, noting where each folded byte came
 * from: (*at)[j] is the offset in p of the character that gave out's byte
 * j, and (*at)[out->n] is n (*at is grown, the caller frees it).  A mark
 * folds to nothing, so a span of folded bytes maps back to whole
 * characters of p, marks included, NFD or not.
 */
void u8_fold_at(struct buf *out, size_t **at, const char *p, size_t n);
/*
 * A text folded once, for a reader that looks at many pieces of it: the
 * fold of a piece p[a..b) (a and b on character boundaries) is then a
 * slice of the whole text's, the bytes u8_fold_at gives the piece, and
 * those u8_fold gives it too unless a character of the text is one the
 * tables leave to utf8proc (slow), which may compose with its
 * neighbours.  u8_folded_set folds p[0..n) (borrowed: it must outlive
 * the fold) into t, reusing t's memory; u8_folded_free releases it.
 */
struct u8_folded {
	const char *p;		/* the text, n bytes */
	size_t n;
	struct buf fold;	/* u8_fold_at of p[0..n) */
	size_t *at;		/* fold byte j came from the character at
				 * p[at[j]]; at[fold.n] is n */
	size_t *start;		/* start[i]: the first fold byte of the
				 * character at p[i]; start[n] is fold.n */
	size_t capat, capstart;
	int slow;		/* a slow character is in the text */
};

void u8_folded_set(struct u8_folded *, const char *p, size_t n);
void u8_folded_free(struct u8_folded *);
/* u8_fold of the piece p[a..b): *f gets its bytes (a slice of t's fold,
 * or of a slow text tmp's), not NUL-terminated; returns their length. */
size_t u8_folded_piece(const struct u8_folded *t, size_t a, size_t b,
	struct buf *tmp, const char **f);
/* The end of the piece from a of at most max bytes, on a character
 * boundary: a + u8_cut(p + a, n - a, max) (the text is valid UTF-8, or
 * its fold would have stopped the program). */
size_t u8_folded_cut(const struct u8_folded *t, size_t a, size_t max);
/* The u8_fold_at of the piece p[a..b) is t->fold.p + t->start[a], of
 * t->start[b] - t->start[a] bytes; where its byte j came from, as an
 * offset in p (b at its end): */
static inline size_t
u8_folded_from(const struct u8_folded *t, size_t a, size_t b, size_t j)
{
	return t->start[a] + j < t->start[b] ? t->at[t->start[a] + j] : b;
}
/* Appends the NFC form of valid UTF-8 p[0..n) to out. */
void u8_nfc(struct buf *out, const char *p, size_t n);
/*
 * Appends a key for matching place names: case folded, exact in every
 * letter and vowel mark, but blind to where the tone mark sits, so "Hoà"
 * and "Hòa" get one key while "Quảng" and "Quang" do not.
 */
void u8_name_key(struct buf *out, const char *p, size_t n);
/* Length of the valid UTF-8 prefix of p[0..n) that has at most max bytes
 * and ends on a character boundary. */
size_t u8_cut(const char *p, size_t n, size_t max);
/* Bytes of the character starting at p (1 for an invalid byte). */
size_t u8_len(const char *p, size_t n);

#endif
