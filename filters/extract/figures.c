/*
 * Figures in prose: every digit token of a line that skip_reason() lets
 * through, with its unit noun and the clause around it, and the verbal
 * zeros ("không có đơn khiếu nại").
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "vnum.h"
#include "utf8.h"
#include "words.h"

/* The unit noun after a figure at s[i] of the line t: the noun phrase as
 * words.h reads it (the reading normalize's clause starts from), in the
 * text as written. */
static void
unit_after(const struct u8_folded *t, size_t i, size_t *us, size_t *ue)
{
	const char *s = t->p;
	size_t n = t->n, len, k;

	while (i < n && s[i] == ' ')
		i++;
	*us = *ue = i;
	len = u8_folded_cut(t, i, CTX_MAX) - i;
	if (len == 0)
		return;
	/* The noun phrase ends in its clause (where words_np_end looks for
	 * a count, too): only that is folded. */
	for (k = 0; k < len && s[i + k] != ';' && !(s[i + k] == '.' &&
	    (k + 1 == len || s[i + k + 1] == ' ')); k++)
		;
	if (k < len)
		k++;
	*ue = u8_folded_from(t, i, i + k, words_np_end(t->fold.p + t->start[i],
	    t->start[i + k] - t->start[i], WORDS_NP_MAX));
	/* A superscript digit after a word is a footnote mark ("phường²⁰"),
	 * except in an area unit (m², m³). */
	for (k = *us; k < *ue; k += u8_len(s + k, *ue - k))
		if (u8_superscript_at(s + k, *ue - k) > 0 && k > *us &&
		    s[k - 1] != 'm') {
			*ue = k;
			break;
		}
	while (*ue > *us && s[*ue - 1] == ' ')
		(*ue)--;
}

/* Clause bounds around [a, b) on one cleaned line: '.', ';' end a clause;
 * *cut is set when CTX_MAX bytes end it first. */
static size_t
clause_start(const char *s, size_t a, int *cut)
{
	size_t i = a, lim = a > CTX_MAX ? a - CTX_MAX : 0;

	while (i > lim) {
		if (s[i - 1] == ';' || (s[i - 1] == '.' && (i == a ||
		    s[i] == ' ') && !(i >= 2 && wd_digit(s[i - 2]) && wd_digit(s[i]))))
			break;
		i--;
	}
	*cut |= i == lim && lim > 0;
	while (i < a && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	while (i < a && s[i] == ' ')
		i++;
	return i;
}

static size_t
clause_end(const char *s, size_t n, size_t b, int *cut)
{
	size_t i = b, lim = b + CTX_MAX < n ? b + CTX_MAX : n;

	while (i < lim) {
		if (s[i] == ';' || (s[i] == '.' && (i + 1 == n || s[i + 1] == ' ')))
			break;
		i++;
	}
	*cut |= i == lim && lim < n;
	return b + u8_cut(s + b, n - b, i - b);
}

/*
 * Context of a line joined with its neighbours when a page break of the
 * conversion split a clause: the line before ends without punctuation and
 * this one starts in lower case (and the same the other way).  Lines of a
 * table are never joined to.
 */
static void
joined_context(const struct doc *d, struct pos at, struct buf *pre,
    struct buf *post)
{
	struct textline t = doc_line(d, at), o;
	const char *s = t.text;
	struct pos q = at;

	buf_clear(pre);
	buf_clear(post);
	if (t.len > 0 && !isupper_at(s, t.len, 0) && !wd_digit(s[0]) &&
	    s[0] != '-' && s[0] != '+' && doc_prev(d, &q) &&
	    t.line - (o = doc_line(d, q)).line <= 3 &&
	    strchr(".;:!?)", o.text[o.len - 1]) == NULL && !o.in_table) {
		buf_add(pre, o.text, o.len);
		buf_addc(pre, ' ');
	}
	q = at;
	if (t.len > 0 && strchr(".;:!?)", s[t.len - 1]) == NULL &&
	    doc_next(d, &q) && (o = doc_line(d, q)).line - t.line <= 3 &&
	    !isupper_at(o.text, o.len, 0) && !wd_digit(o.text[0]) &&
	    o.text[0] != '-' && o.text[0] != '+' && !o.in_table) {
		buf_addc(post, ' ');
		buf_add(post, o.text, o.len);
	}
}

/* After the comma at s[j], does another negation start ("..., không
 * phát sinh ...")? */
static int
next_negation(const struct u8_folded *t, struct buf *tmp, size_t j)
{
	const char *s = t->p, *f;
	size_t n = t->n, fn;

	j++;
	while (j < n && s[j] == ' ')
		j++;
	if (!words_may_start(WL_VERBAL_ZERO, s + j, n - j))
		return 0;
	fn = u8_folded_piece(t, j, u8_folded_cut(t, j, 16), tmp, &f);
	return words_prefix(WL_VERBAL_ZERO, f, fn) > 0;
}

/* Does a verbal zero's verb and noun start at s[i] ("không có đơn")? */
static int
zero_starts(const struct u8_folded *t, struct buf *tmp, size_t i)
{
	const char *s = t->p, *f;
	size_t n = t->n, v = 0, fn;

	if (i + 8 > n || !words_may_start(WL_ZERO_VERB, s + i, n - i))
		return 0;
	fn = u8_folded_piece(t, i, u8_folded_cut(t, i, 48), tmp, &f);
	if ((v = words_prefix(WL_ZERO_VERB, f, fn)) > 0 &&
	    (v >= fn || f[v] != ' ' ||
	    words_prefix(WL_ZERO_NOUN, f + v + 1, fn - v - 1) == 0))
		v = 0;
	return v > 0;
}

/* Verbal zero: "không có đơn khiếu nại, tố cáo", "không để hồ sơ trễ
 * hạn", "không phát sinh vụ việc" up to ')' ';' '.' (the verbs and the
 * nouns are words.rules' zero-verb and zero-noun). */
static size_t
verbal_zero(const struct u8_folded *t, struct buf *tmp, size_t i)
{
	const char *s = t->p;
	size_t n = t->n, j;

	if (!(i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' ||
	    s[i - 1] == ';') || !zero_starts(t, tmp, i))
		return 0;
	/* To the end of the clause, or of a list of negations: "không để
	 * hồ sơ trễ hạn, không phát sinh vụ việc" is two, and so is "không
	 * có hồ sơ quá hạn nên không phải thực hiện thư xin lỗi". */
	for (j = i; j < n && s[j] != ')' && s[j] != ';' && s[j] != '.' &&
	    s[j] != '(' && !(s[j] == ',' && next_negation(t, tmp, j)) &&
	    !(s[j] == ' ' && j > i && zero_starts(t, tmp, j + 1)); j++)
		;
	while (j > i && s[j - 1] == ' ')
		j--;
	return j;
}

/* "Số hồ sơ trễ hạn: không": the verbal zero alone after a colon, up to
 * the end of its clause.  Its end, or 0. */
static size_t
colon_zero(const struct u8_folded *t, struct buf *tmp, size_t i)
{
	const char *s = t->p, *f;
	size_t n = t->n, p = i, w, e, fn;

	while (p > 0 && s[p - 1] == ' ')
		p--;
	if (p == 0 || s[p - 1] != ':' || !words_may_start(WL_VERBAL_ZERO,
	    s + i, n - i))
		return 0;
	fn = u8_folded_piece(t, i, u8_folded_cut(t, i, 16), tmp, &f);
	w = words_prefix(WL_VERBAL_ZERO, f, fn);
	if (w == 0)
		return 0;
	/* The word's length as written: a fold keeps it for "không". */
	for (e = i; e < n && s[e] != ' ' && s[e] != '.' && s[e] != ';' &&
	    s[e] != ','; e++)
		;
	for (p = e; p < n && s[p] == ' '; p++)
		;
	return p == n || strchr(".;,)", s[p]) != NULL ? e : 0;
}

/* Is the folded word at f[0..n) a number word?  Its length, or 0. */
static size_t
number_word(const char *f, size_t n, int after_ten)
{
	static const enum words_list lists[] = { WL_NUM_DIGIT, WL_NUM_TEN,
		WL_NUM_HUNDRED, WL_NUM_FILLER, WL_NUM_THOUSAND };
	size_t k, w;

	if (after_ten && (w = words_prefix(WL_NUM_DIGIT_AFTER_TEN, f, n)) > 0)
		return w;
	for (k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
		if ((w = words_prefix(lists[k], f, n)) > 0)
			return w;
	return 0;
}

/* Is the first word at s[i] a number word?  A quick look before the
 * words after it are folded. */
static int
first_word_is_number(const struct u8_folded *t, struct buf *tmp, size_t i)
{
	const char *s = t->p + i, *f;
	size_t n = t->n - i, w = 0, fn;

	while (w < n && w < 16 && s[w] != ' ' && s[w] != ',' && s[w] != '.')
		w++;
	fn = u8_folded_piece(t, i, u8_folded_cut(t, i, w), tmp, &f);
	return number_word(f, fn, 1) == fn;
}

/* Does the word before s[i] make the number an ordinal ("lần thứ hai")? */
static int
after_ordinal(const struct u8_folded *t, struct buf *tmp, size_t i)
{
	const char *s = t->p, *f;
	size_t from = i > 16 ? i - 16 : 0, fn;

	while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	fn = u8_folded_piece(t, from, i, tmp, &f);
	while (fn > 0 && f[fn - 1] == ' ')
		fn--;
	return fn > 0 && words_suffix(WL_ORDINAL, f, fn) > 0;
}

/*
 * A number in words before a noun that counts ("hai cuộc đối thoại",
 * "mười hai đơn", "một cuộc"): the end of the words in s, or 0.  Only
 * before such a noun (words.rules' count-noun): "một số", "một cửa" are
 * no figures.
 */
static size_t
number_in_words(const struct u8_folded *t, struct buf *tmp, size_t i)
{
	const char *s = t->p, *f;
	size_t n = t->n, j = 0, w, end = 0, len, fn;
	int after_ten = 0, words = 0;

	if ((!words_may_start(WL_NUM_DIGIT, s + i, n - i) &&
	    !words_may_start(WL_NUM_TEN, s + i, n - i)) ||
	    !first_word_is_number(t, tmp, i) || after_ordinal(t, tmp, i))
		return 0;
	len = u8_folded_cut(t, i, 64) - i;
	f = t->fold.p + t->start[i];
	fn = t->start[i + len] - t->start[i];
	while (j < fn && (w = number_word(f + j, fn - j, after_ten)) > 0) {
		after_ten = words_prefix(WL_NUM_TEN, f + j, fn - j) > 0;
		j += w;
		end = j;
		words++;
		while (j < fn && f[j] == ' ')
			j++;
	}
	if (words == 0 || j == end || words_prefix(WL_COUNT_NOUN, f + j,
	    fn - j) == 0) {
		end = 0;
	} else {
		buf_clear(tmp);
		buf_add(tmp, f, end);
		if (vnum_words(tmp->p) < 0)
			end = 0;
	}
	if (end > 0)
		end = u8_folded_from(t, i, i + len, end);
	return end;
}

/* The end of the figure whose digits end at b: a percent sign or an area
 * unit glued or spaced, and a scale word ("500 triệu"); [*us, *ue) is
 * set to the unit noun after it. */
static size_t
figure_end(const struct u8_folded *t, size_t b, size_t *us, size_t *ue)
{
	const char *s = t->p;
	size_t n = t->n, w, k;

	if (b < n && s[b] == '%')
		b++;
	else if (b + 1 < n && s[b] == ' ' && s[b + 1] == '%')
		b += 2;
	else if (b + 2 < n && s[b] == 'm' && HAS_PREFIX(s + b + 1, n - b - 1, "²"))
		b += 1 + LIT_LEN("²");
	else if (b + 3 < n && s[b] == ' ' && s[b + 1] == 'm' &&
	    HAS_PREFIX(s + b + 2, n - b - 2, "²"))
		b += 2 + LIT_LEN("²");
	else if (b + 1 < n && s[b] == 'm' && s[b + 1] == '2' &&
	    (b + 2 == n || !wd_digit(s[b + 2])))
		b += 2;
	/* Scale words belong to the figure: 500 triệu đồng. */
	for (w = b; w < n && s[w] == ' '; w++)
		;
	if ((k = vnum_scale_word(s + w, n - w)) > 0)
		b = w + k;
	unit_after(t, b, us, ue);
	return b;
}

/* A list after a name: "các phường 1, 3, 4 và 5" (the name's number
 * ended at end, this one starts at a). */
static int
in_name_list(const struct u8_folded *t, struct buf *tmp, size_t end,
    size_t a)
{
	const char *f;
	size_t i = 0, k, fn;
	int yes = 1;

	if (end == 0 || a > end + 8 || a <= end)
		return 0;
	/* Only a comma or a joining word between: ", ", " và ". */
	fn = u8_folded_piece(t, end, a, tmp, &f);
	while (yes && i < fn) {
		if (f[i] == ' ' || f[i] == ',')
			i++;
		else if ((k = words_prefix(WL_LIST_JOIN, f + i, fn - i)) > 0)
			i += k;
		else
			yes = 0;
	}
	return yes;
}

/* Past the rest of a skipped identifier or chain, from i. */
static size_t
skip_rest(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != ';' &&
	    s[i] != ')' && s[i] != '\t')
		i++;
	return i;
}

/* What scan_text keeps while it scans one line. */
struct linescan {
	struct pos at;		/* the line, for its neighbours */
	int have_ctx;		/* pre and post read */
	struct buf pre, post;	/* the joined neighbours' text */
	struct buf before, after;
	struct buf wrap;	/* a unit the line's end cut, joined */
	size_t wrap_used;	/* bytes of post in it; 0: none */
	struct mention m;
};

/* The neighbours of the line, read once. */
static void
line_context(struct scan *st, struct linescan *ls)
{
	if (!ls->have_ctx) {
		joined_context(st->doc, ls->at, &ls->pre, &ls->post);
		ls->m.line = doc_line(st->doc, ls->at).line;
		ls->have_ctx = 1;
	}
}

/*
 * A unit the line's end cut, in the prose of plain text (the other
 * readers' paragraphs are whole): "tiếp nhận 37" / "hồ sơ", "giải
 * quyết 25 hồ" / "sơ các loại".  When nothing follows the unit s[us..ue)
 * on the line and the sentence goes on on the next one (joined_context),
 * the unit is read again on the two joined, into ls->wrap.
 */
static void
unit_wrapped(struct scan *st, struct linescan *ls, const char *s, size_t n,
    size_t us, size_t ue)
{
	struct buf *w = &ls->wrap;
	size_t e = ue, base, jus, jue;

	ls->wrap_used = 0;
	while (e < n && s[e] == ' ')
		e++;
	if (e < n || strcmp(ls->m.source, "text") != 0 ||
	    strcmp(st->doc->reader, "text") != 0)
		return;
	line_context(st, ls);
	/* The next line goes on in a small letter, and is no list item
	 * ("a) ..."). */
	for (e = 0; e < ls->post.n && ls->post.p[e] == ' '; e++)
		;
	if (e == ls->post.n || !isletter_at(ls->post.p, ls->post.n, e) ||
	    isupper_at(ls->post.p, ls->post.n, e) || (e + 1 < ls->post.n &&
	    (ls->post.p[e + 1] == ')' || ls->post.p[e + 1] == '.')))
		return;
	buf_clear(w);
	buf_add(w, s + us, ue - us);
	base = w->n;
	buf_add(w, ls->post.p, ls->post.n);
	u8_folded_set(&st->wrap, w->p, w->n);
	unit_after(&st->wrap, 0, &jus, &jue);
	if (jue <= base || (jus != 0 && us < ue))
		return;
	ls->wrap_used = jue - base;
	memmove(w->p, w->p + jus, jue - jus);
	w->n = jue - jus;
}

/* Writes the figure s[a..b) with unit s[us..ue) and its clause. */
static void
write_figure(struct scan *st, struct linescan *ls, const char *s, size_t n,
    size_t a, size_t b, size_t us, size_t ue)
{
	struct buf *pre = &ls->pre, *post = &ls->post;
	size_t cs, ce;

	line_context(st, ls);
	ls->m.ctx_cut = 0;
	cs = clause_start(s, a, &ls->m.ctx_cut);
	ce = clause_end(s, n, ue, &ls->m.ctx_cut);
	buf_clear(&ls->before);
	if (cs == 0 && pre->n > 0) {
		size_t keep = pre->n > CTX_MAX ? CTX_MAX : pre->n;
		size_t off = pre->n - keep;

		ls->m.ctx_cut |= pre->n > CTX_MAX;
		while (off < pre->n && ((unsigned char)pre->p[off] & 0xC0) == 0x80)
			off++;
		buf_add(&ls->before, pre->p + off, pre->n - off);
	}
	buf_add(&ls->before, s + cs, a - cs);
	buf_clear(&ls->after);
	buf_add(&ls->after, s + ue, ce - ue);
	if (ls->wrap_used > 0) {
		/* The unit took the start of the next line. */
		ls->after.n = 0;
		buf_add(&ls->after, post->p + ls->wrap_used,
		    u8_cut(post->p + ls->wrap_used, post->n - ls->wrap_used,
		    CTX_MAX));
		ls->m.ctx_cut |= post->n - ls->wrap_used > CTX_MAX;
	} else if (ce == n && post->n > 0) {
		buf_add(&ls->after, post->p, u8_cut(post->p, post->n, CTX_MAX));
		ls->m.ctx_cut |= post->n > CTX_MAX;
	}
	ls->m.before.p = ls->before.p == NULL ? "" : ls->before.p;
	ls->m.before.n = ls->before.n;
	ls->m.raw.p = s + a;
	ls->m.raw.n = b - a;
	ls->m.unit.p = ls->wrap_used > 0 ? ls->wrap.p : s + us;
	ls->m.unit.n = ls->wrap_used > 0 ? ls->wrap.n : ue - us;
	ls->m.after.p = ls->after.p == NULL ? "" : ls->after.p;
	ls->m.after.n = ls->after.n;
	emit(st, &ls->m);
}

void
scan_text(struct scan *st, struct pos at, const char *s, size_t n,
    size_t from, const char *source, const char *row, const char *col)
{
	u8_folded_set(&st->line, s, n);
	scan_folded(st, at, from, source, row, col);
}

/* Scans one line of prose (or a text table cell) for figures: the
 * line is folded once, and every piece of it looked at read from that. */
void
scan_folded(struct scan *st, struct pos at, size_t from, const char *source,
    const char *row, const char *col)
{
	struct linescan ls = { 0 };
	struct u8_folded *t = &st->line;
	struct buf *tmp = &st->tmp_fold;
	const char *s = t->p;
	size_t n = t->n, i = from, namelist_end = 0;

	ls.at = at;
	ls.m.source = source;
	ls.m.row = row;
	ls.m.col = col;
	while (i < n) {
		size_t a = i, b, extend = 0, us, ue;
		int slashes = 0;
		const char *why;

		if (!wd_digit(s[i])) {
			if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' ||
			    s[i - 1] == ';' || s[i - 1] == ':') &&
			    ((b = verbal_zero(t, tmp, i)) > 0 ||
			    (b = colon_zero(t, tmp, i)) > 0)) {
				write_figure(st, &ls, s, n, a, b, b, b);
				i = b;
			} else if ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '(') &&
			    (b = number_in_words(t, tmp, i)) > 0) {
				unit_after(t, b, &us, &ue);
				write_figure(st, &ls, s, n, a, b, us, ue);
				i = ue > b ? ue : b;
			} else {
				i++;
			}
			continue;
		}
		b = digit_token(s, n, i);
		/* Fractions and chains: a/b, a/b/c. */
		while (b + 1 < n && s[b] == '/' && wd_digit(s[b + 1])) {
			b = digit_token(s, n, b + 1);
			slashes++;
		}
		why = skip_reason(s, n, a, b, slashes, &extend, &st->before);
		if (why == NULL && in_name_list(t, tmp, namelist_end, a))
			why = "name";
		if (why != NULL) {
			st->skipped++;
			namelist_end = strcmp(why, "name") == 0 ? b : 0;
			i = skip_rest(s, n, extend > b ? extend : b);
			continue;
		}
		namelist_end = 0;
		b = figure_end(t, b, &us, &ue);
		unit_wrapped(st, &ls, s, n, us, ue);
		write_figure(st, &ls, s, n, a, b, us, ue);
		ls.wrap_used = 0;
		i = b;
		/* Slash chains: "857 lượt/914 người" goes on after the unit. */
		if (ue < n && s[ue] == '/' && ue + 1 < n && wd_digit(s[ue + 1]))
			i = ue + 1;
	}
	buf_free(&ls.pre);
	buf_free(&ls.post);
	buf_free(&ls.before);
	buf_free(&ls.after);
	buf_free(&ls.wrap);
}
