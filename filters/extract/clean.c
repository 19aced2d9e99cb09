/*
 * The cleaner (extract.h says what each part does): one way to clean the
 * text of every reader, the page numbers and footnotes of a text read
 * line by line, and the repairs of a document a conversion has damaged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "utf8.h"
#include "vnlegacy.h"
#include "words.h"
#include "xalloc.h"

/* Signs of a conversion's damage that make a document one to repair. */
#define NOISE_MIN 2
/* Lines of a footnote at a page's foot, at most, where the text has no
 * page breaks, and where it has them; lines above it its reference may be
 * on, at most. */
#define NOTE_LINES 8
#define NOTE_PAGE_LINES 100
#define REF_LINES 200
/* Lines between two page numbers, at least, where the text has no page
 * breaks. */
#define PAGE_LINES 10

enum kind { K_KEEP, K_BLANK, K_GONE, K_SHY };

/* What the character p[0..l) (l > 1) is to the cleaner. */
static enum kind
kind_of(const unsigned char *u, size_t l)
{
	unsigned c;

	if (l == 2) {
		c = (unsigned)u[0] << 8 | u[1];
		if (c == 0xC2A0)			/* U+00A0 */
			return K_BLANK;
		if (c == 0xC2AD)			/* U+00AD */
			return K_SHY;
		if (c >= 0xC280 && c <= 0xC29F)		/* C1 controls */
			return K_GONE;
		return c == 0xD89C ? K_GONE : K_KEEP;	/* U+061C */
	}
	if (l != 3)
		return K_KEEP;
	c = (unsigned)u[0] << 16 | (unsigned)u[1] << 8 | u[2];
	if ((c >= 0xE28080 && c <= 0xE2808A) || c == 0xE280AF ||
	    c == 0xE2819F || c == 0xE38080 || c == 0xE19A80 ||
	    c == 0xE280A8 || c == 0xE280A9)
		return K_BLANK;	/* U+2000-200A, 202F, 205F, 3000, 1680, 2028-9 */
	if ((c >= 0xE2808B && c <= 0xE2808F) || (c >= 0xE280AA &&
	    c <= 0xE280AE) || (c >= 0xE281A0 && c <= 0xE281A4) ||
	    (c >= 0xE281A6 && c <= 0xE281A9) || c == 0xEFBBBF || c == 0xE1A08E)
		return K_GONE;	/* U+200B-200F, 202A-202E, 2060-2064,
				 * 2066-2069, FEFF, 180E */
	return K_KEEP;
}

/* A letter or digit at s[i]. */
static int
word_at(const char *s, size_t n, size_t i)
{
	return wd_digit(s[i]) || isletter_at(s, n, i);
}

/* Does the run of '*' p[a..e) stay: between two letters or digits
 * ("5*3"), or between two blanks ("5 * 3")? */
static int
star_stays(const char *p, size_t n, size_t a, size_t e)
{
	size_t b = a > 0 ? prev_char(p, a) : 0;

	if (a == 0 || e == n)
		return 0;
	return (word_at(p, n, b) && word_at(p, n, e)) ||
	    (p[b] == ' ' && p[e] == ' ');
}

/* The state of clean_text's pass over one text. */
struct cleaning {
	struct buf *t;
	unsigned flags;
	int pend;		/* with CLEAN_SQUEEZE: 1 a space, 2 a break,
				 * to write before the next character */
};

static void
blank(struct cleaning *c, int brk)
{
	if (!(c->flags & CLEAN_SQUEEZE))
		buf_addc(c->t, brk ? '\n' : ' ');
	else if (brk)
		c->pend = 2;
	else if (c->pend == 0)
		c->pend = 1;
}

static void
keep(struct cleaning *c, const char *p, size_t l)
{
	if (c->pend > 0 && c->t->n > 0)
		buf_addc(c->t, c->pend == 2 ? '\n' : ' ');
	c->pend = 0;
	buf_add(c->t, p, l);
}

/* Whether the soft hyphens of p[0..n) are TCVN3's ư: the text is TCVN3
 * (vnlegacy.h) and has no Vietnamese letter of its own. */
static int
tcvn3(const char *p, size_t n)
{
	struct vn_count vc = { 0, 0, 0 };

	vnl_count(&vc, p, n);
	return vc.tcvn > 0 && vc.viet == 0;
}

/*
 * The length of the run from p[i] that clean_text copies as it is: up to
 * a byte it may change (a control character, '*', a blank with
 * CLEAN_SQUEEZE, the lead byte of a character kind_of may not keep).
 */
static size_t
plain_run(const char *p, size_t n, size_t i, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t j;

	for (j = i; j < n; j++) {
		unsigned char c = u[j];

		if (c < 0x80) {
			if (c < 0x20 || c == '*' || c == 0x7F ||
			    (c == ' ' && (flags & CLEAN_SQUEEZE)))
				break;
			continue;
		}
		if (c == 0xC2 || c == 0xD8 || c == 0xE3 || c == 0xEF)
			break;
		/* U+1680 and U+180E; U+1Exx are the letters. */
		if (c == 0xE1 && j + 1 < n && (u[j + 1] == 0x9A ||
		    u[j + 1] == 0xA0))
			break;
		/* U+2000-200F, 2028-202F, 205F-2069; not the quotes and
		 * dashes. */
		if (c == 0xE2 && j + 2 < n && ((u[j + 1] == 0x80 &&
		    (u[j + 2] <= 0x8F || (u[j + 2] >= 0xA8 &&
		    u[j + 2] <= 0xAF))) || (u[j + 1] == 0x81 &&
		    u[j + 2] >= 0x9F && u[j + 2] <= 0xA9)))
			break;
	}
	return j - i;
}

void
clean_text(struct doc *d, struct buf *out, const char *p, size_t n,
    unsigned flags)
{
	struct cleaning c = { &d->clean_tmp, flags, 0 };
	size_t i, e, l;
	int legacy = -1;

	/* Most text has nothing to clean: put in NFC as it is. */
	if (plain_run(p, n, 0, flags) == n) {
		buf_clear(out);
		u8_nfc(out, p, n);
		return;
	}
	buf_clear(c.t);
	for (i = 0; i < n; i += l) {
		unsigned char ch = (unsigned char)p[i];

		if ((l = plain_run(p, n, i, flags)) > 0) {
			keep(&c, p + i, l);
			continue;
		}
		l = 1;
		if (ch == '*') {
			for (e = i; e < n && p[e] == '*'; e++)
				;
			l = e - i;
			if (star_stays(p, n, i, e))
				keep(&c, p + i, l);
			else
				d->repairs.markup++;
		} else if (ch == ' ' || ch == '\r' ||
		    (ch == '\t' && !(flags & CLEAN_TAB)) ||
		    (ch == '\n' && !(flags & CLEAN_NL)))
			blank(&c, 0);
		else if (ch == '\n')
			blank(&c, 1);
		else if (ch == '\t' || (ch >= 0x20 && ch < 0x7F))
			keep(&c, p + i, 1);
		else if (ch < 0x80)
			d->repairs.invisible++;
		else {
			l = u8_len(p + i, n - i);
			switch (kind_of((const unsigned char *)p + i, l)) {
			case K_BLANK:
				blank(&c, 0);
				break;
			case K_SHY:
				if (legacy < 0)
					legacy = tcvn3(p, n);
				if (legacy) {
					keep(&c, p + i, l);
					break;
				}
				/* FALLTHROUGH */
			case K_GONE:
				d->repairs.invisible++;
				break;
			case K_KEEP:
				keep(&c, p + i, l);
				break;
			}
		}
	}
	buf_clear(out);
	u8_nfc(out, c.t->p == NULL ? "" : c.t->p, c.t->n);
}

unsigned long
clean_page_number(const char *s, size_t n)
{
	struct buf f = { 0 };
	unsigned long v = 0;
	size_t a, w;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	if (n > LIT_LEN("- ") + LIT_LEN(" -") && HAS_PREFIX(s, n, "- ") &&
	    memcmp(s + n - LIT_LEN(" -"), " -", LIT_LEN(" -")) == 0) {
		s += LIT_LEN("- ");
		n -= LIT_LEN("- ") + LIT_LEN(" -");
	} else if (n > 0 && !wd_digit(*s) && words_may_start(WL_PAGE_WORD,
	    s, n)) {
		u8_fold(&f, s, u8_cut(s, n, 24));
		w = f.p == NULL ? 0 : words_prefix(WL_PAGE_WORD, f.p, f.n);
		/* The word as written is as long as its fold ("Trang"). */
		if (w > 0 && w < n && f.p[w] == ' ') {
			s += w + 1;
			n -= w + 1;
		}
		buf_free(&f);
	}
	for (a = 0; a < n && a < 5 && wd_digit(s[a]); a++)
		v = v * 10 + (unsigned long)(s[a] - '0');
	return a == n && a > 0 && a <= 4 ? v : 0;
}

/* ---------------------------------------------------------------------
 * A text read line by line.
 */

/* The paragraph of block b, or NULL. */
static struct para *
para_of(struct doc *d, size_t b)
{
	return b < d->nblocks && d->blocks[b].kind == BLOCK_PARA ?
	    &d->blocks[b].u.para : NULL;
}

/* The line block b starts on. */
static size_t
block_line(const struct doc *d, size_t b)
{
	return d->blocks[b].kind == BLOCK_PARA ? d->blocks[b].u.para.line :
	    d->blocks[b].u.table.rows[0].line;
}

/*
 * Marks the page numbers.  Where the text has its page breaks (form
 * feeds before the lines ff[0..nff), in order), a page number is the
 * first or last paragraph of a page; where it has none, two page numbers
 * follow each other (n, then n + 1 at least PAGE_LINES lines below), and
 * a footnote's mark alone on its line does not.
 */
static void
page_numbers(struct doc *d, unsigned char *gone, const size_t *ff, size_t nff)
{
	unsigned long *v = xcalloc(d->nblocks + 1, sizeof(*v)), last = 0;
	size_t b, k = 0, prev = (size_t)-1, prevline = 0, line;
	struct para *p;

	for (b = 0; b < d->nblocks; b++)
		if ((p = para_of(d, b)) != NULL)
			v[b] = clean_page_number(p->text, p->len);
	for (b = 0; b < d->nblocks; b++) {
		line = block_line(d, b);
		if (nff > 0) {
			size_t next = b + 1 < d->nblocks ? block_line(d, b + 1) :
			    (size_t)-1;
			int first, lastl;

			while (k < nff && ff[k] <= prevline)
				k++;
			first = k < nff && ff[k] <= line;
			while (k < nff && ff[k] <= line)
				k++;
			lastl = k < nff && ff[k] <= next;
			if (v[b] > 0 && (first || lastl))
				gone[b] = 1;
		} else if (v[b] > 0) {
			if (prev != (size_t)-1 && v[b] == last + 1 &&
			    line >= prevline + PAGE_LINES)
				gone[prev] = gone[b] = 1;
			prev = b;
			last = v[b];
		}
		if (nff > 0 || v[b] > 0)
			prevline = line;
	}
	for (b = 0; b < d->nblocks; b++)
		d->repairs.pages += gone[b];
	free(v);
}

/* Does paragraph p start with the mark k of a footnote: "k Text",
 * "k - text" (1), or is it the mark alone (2)?  0: neither. */
static int
note_mark(const struct para *p, unsigned k)
{
	char num[16];
	size_t len, i = 0, n;

	n = p->len;
	while (n > 0 && p->text[n - 1] == ' ')
		n--;
	while (i < n && p->text[i] == ' ')
		i++;
	/* Most paragraphs start with no digit: no number to write then. */
	if (i == n || !wd_digit(p->text[i]))
		return 0;
	len = (size_t)snprintf(num, sizeof(num), "%u", k);
	if (n < i + len || memcmp(p->text + i, num, len) != 0)
		return 0;
	if (n == i + len)
		return 2;
	if (p->text[i + len] != ' ')
		return 0;
	for (i += len; i < n && p->text[i] == ' '; i++)
		;
	return isupper_at(p->text, n, i) || p->text[i] == '-';
}

/* The reference to footnote k in p: k glued after a letter, a closing
 * bracket or quote, no digit after it.  Its offset, or -1. */
static long
note_ref(const struct para *p, unsigned k)
{
	char num[16];
	size_t len = (size_t)snprintf(num, sizeof(num), "%u", k), at, pc;
	const char *s = p->text, *h;

	for (h = s; (h = strstr(h, num)) != NULL; h++) {
		at = (size_t)(h - s);
		if (at == 0 || (at + len < p->len && wd_digit(s[at + len])))
			continue;
		pc = prev_char(s, at);
		if (wd_digit(s[pc]))
			continue;
		if (isletter_at(s, p->len, pc) || s[pc] == ')' || s[pc] == '"' ||
		    (at - pc == LIT_LEN("”") && memcmp(s + pc, "”",
		    LIT_LEN("”")) == 0))
			return (long)at;
	}
	return -1;
}

/*
 * Footnote k at block b: its lines down to the page number below it (at
 * most max, or the next footnote's mark); the reference, on the page
 * above it.  Takes them out (gone[]) and the reference out of its line,
 * and makes the note; returns 1, or 0 when b is no footnote.
 */
static int
footnote(struct doc *d, size_t b, unsigned k, unsigned char *gone,
    size_t page_start, size_t max)
{
	struct buf t = { 0 };
	struct para *p = para_of(d, b), *r;
	size_t e, j, len, i;
	long at = -1;
	char num[16];

	/* Down to the page number, or the next footnote's mark. */
	for (e = b + 1; e < d->nblocks && e - b <= max && !gone[e] &&
	    para_of(d, e) != NULL && !note_mark(para_of(d, e), k + 1); e++)
		;
	if (e == d->nblocks || e - b > max || (!gone[e] &&
	    para_of(d, e) == NULL))
		return 0;
	if (b > page_start + REF_LINES)
		page_start = b - REF_LINES;
	for (j = b; j-- > page_start;)
		if (!gone[j] && (r = para_of(d, j)) != NULL &&
		    (at = note_ref(r, k)) >= 0)
			break;
	if (at < 0)
		return 0;
	/* The reference leaves its line (a copy: the old text is the
	 * arena's). */
	len = (size_t)snprintf(num, sizeof(num), "%u", k);
	buf_add(&t, r->text, (size_t)at);
	buf_add(&t, r->text + at + len, r->len - (size_t)at - len);
	r->text = arena_dup(&d->mem, t.p == NULL ? "" : t.p, t.n);
	r->len = t.n;
	buf_clear(&t);
	for (j = b; j < e; j++) {
		p = para_of(d, j);
		for (i = 0; i < p->len && p->text[i] == ' '; i++)
			;
		if (j == b)
			i = i + len + 1 < p->len ? i + len + 1 : p->len;
		if (t.n > 0 && i < p->len)
			buf_addc(&t, ' ');
		buf_add(&t, p->text + i, p->len - i);
		gone[j] = 1;
	}
	doc_add_note(d, num, t.p == NULL ? "" : t.p, t.n);
	buf_free(&t);
	d->repairs.notes++;
	return 1;
}

/* Does paragraph p end a sentence, or q continue one (a small letter)? */
static int
ends_sentence(const struct para *p)
{
	size_t n = p->len;

	while (n > 0 && p->text[n - 1] == ' ')
		n--;
	return n == 0 || strchr(".;:!?", p->text[n - 1]) != NULL;
}

static int
continues(const struct para *q)
{
	size_t i = 0;

	while (i < q->len && q->text[i] == ' ')
		i++;
	return i < q->len && isletter_at(q->text, q->len, i) &&
	    !isupper_at(q->text, q->len, i);
}

/* The blocks not gone, in order; a sentence cut by blocks that are gone
 * joined into one paragraph. */
static void
compact(struct doc *d, const unsigned char *gone)
{
	struct buf t = { 0 };
	size_t b, o = 0, last = (size_t)-1;
	int cut = 0;

	for (b = 0; b < d->nblocks; b++) {
		struct para *q = para_of(d, b), *p;

		if (gone[b]) {
			cut = 1;
			continue;
		}
		if (cut && last != (size_t)-1 && q != NULL &&
		    (p = para_of(d, last)) != NULL && !ends_sentence(p) &&
		    continues(q)) {
			buf_clear(&t);
			buf_add(&t, p->text, p->len);
			buf_addc(&t, ' ');
			buf_add(&t, q->text, q->len);
			p->text = arena_dup(&d->mem, t.p, t.n);
			p->len = t.n;
			cut = 0;
			continue;
		}
		cut = 0;
		d->blocks[o] = d->blocks[b];
		last = o++;
	}
	for (b = o; b < d->nblocks; b++)
		memset(&d->blocks[b], 0, sizeof(d->blocks[b]));
	d->nblocks = o;
	buf_free(&t);
}

void
clean_lines(struct doc *d, const size_t *ff, size_t nff)
{
	unsigned char *gone;
	size_t b, page_start = 0;
	unsigned k = 1;

	if (d->failed || d->nblocks == 0)
		return;
	gone = xcalloc(d->nblocks, 1);
	page_numbers(d, gone, ff, nff);
	for (b = 0; b < d->nblocks; b++) {
		const struct para *p = para_of(d, b);
		unsigned m;

		if (gone[b] && p != NULL && clean_page_number(p->text, p->len)) {
			page_start = b + 1;
			continue;
		}
		/* Footnote k, or one of the two after it when a reference
		 * was not found. */
		for (m = k; m < k + 3 && !gone[b] && p != NULL; m++)
			if (note_mark(p, m) && footnote(d, b, m, gone, page_start,
			    nff > 0 ? NOTE_PAGE_LINES : NOTE_LINES)) {
				k = m + 1;
				break;
			}
	}
	for (b = 0; b < d->nblocks; b++)
		if (gone[b])
			break;
	if (b < d->nblocks)
		compact(d, gone);
	free(gone);
}

/* ---------------------------------------------------------------------
 * The repairs of a whole document.
 */

/* Every text of the document, in order: f on each (with arg); a text f
 * gives back (non-NULL, *n its length) replaces it. */
typedef const char *(*text_fn)(struct doc *, const char *, size_t *, void *);

/* A new copy of the row, its cells each f's. */
static void
repair_row(struct doc *d, struct row *r, text_fn f, void *arg)
{
	struct buf t = { 0 };
	const char **cell = xcalloc(r->ncells + 1, sizeof(*cell));
	size_t *len = xcalloc(r->ncells + 1, sizeof(*len)), k, off;
	int changed = 0;

	for (k = 0; k < r->ncells; k++) {
		len[k] = r->cells[k].len;
		cell[k] = f(d, r->cells[k].text, &len[k], arg);
		changed |= cell[k] != NULL;
	}
	if (changed) {
		for (k = 0; k < r->ncells; k++) {
			if (k > 0)
				buf_addc(&t, '\t');
			buf_add(&t, cell[k] != NULL ? cell[k] : r->cells[k].text,
			    len[k]);
		}
		r->text = arena_dup(&d->mem, t.p == NULL ? "" : t.p, t.n);
		r->len = t.n;
		for (k = 0, off = 0; k < r->ncells; k++) {
			r->cells[k].text = r->text + off;
			r->cells[k].len = len[k];
			off += len[k] + 1;
		}
	}
	free(cell);
	free(len);
	buf_free(&t);
}

static void
each_text(struct doc *d, text_fn f, void *arg)
{
	size_t b, r, k, n;
	const char *s;

	for (b = 0; b < d->nblocks; b++) {
		struct block *bl = &d->blocks[b];

		if (bl->kind == BLOCK_PARA) {
			n = bl->u.para.len;
			if ((s = f(d, bl->u.para.text, &n, arg)) != NULL) {
				bl->u.para.text = s;
				bl->u.para.len = n;
			}
			continue;
		}
		for (r = 0; r < bl->u.table.nrows; r++)
			repair_row(d, &bl->u.table.rows[r], f, arg);
	}
	for (k = 0; k < d->nnotes; k++) {
		n = d->notes[k].len;
		if ((s = f(d, d->notes[k].text, &n, arg)) != NULL) {
			d->notes[k].text = s;
			d->notes[k].len = n;
		}
	}
}

static const char *
count_signs(struct doc *d, const char *s, size_t *n, void *arg)
{
	size_t *signs = arg;

	(void)d;
	if (*signs < NOISE_MIN)
		*signs += glue_signs(s, *n);
	return NULL;
}

static const char *
mark_seen(struct doc *d, const char *s, size_t *n, void *arg)
{
	(void)d;
	glue_seen(arg, s, *n);
	return NULL;
}

/* The repairs of s[0..*n): a copy in the arena when they changed it. */
static const char *
repair(struct doc *d, const char *s, size_t *n, void *arg)
{
	struct buf a = { 0 }, b = { 0 };
	const char *r = NULL;

	d->repairs.spaced += glue_unspace(&a, s, *n);
	d->repairs.digits += glue_digits(&b, a.p == NULL ? "" : a.p, a.n);
	buf_clear(&a);
	d->repairs.glued += glue_cut(&a, b.p == NULL ? "" : b.p, b.n, arg);
	if (a.n != *n || memcmp(a.p == NULL ? "" : a.p, s, *n) != 0) {
		r = arena_dup(&d->mem, a.p == NULL ? "" : a.p, a.n);
		*n = a.n;
	}
	buf_free(&a);
	buf_free(&b);
	return r;
}

/*
 * The paragraphs marked in spaced[] (each was a letter-spaced line), joined
 * to the paragraph above when it does not end a sentence: a sentence
 * spaced out a word a line.
 */
static void
join_spaced(struct doc *d, const unsigned char *spaced)
{
	struct buf t = { 0 };
	size_t b, o = 0;
	struct para *p, *q;

	for (b = 0; b < d->nblocks; b++) {
		if (spaced[b] && o > 0 && (p = para_of(d, o - 1)) != NULL &&
		    (q = para_of(d, b)) != NULL && !ends_sentence(p)) {
			buf_clear(&t);
			buf_add(&t, p->text, p->len);
			buf_addc(&t, ' ');
			buf_add(&t, q->text, q->len);
			p->text = arena_dup(&d->mem, t.p, t.n);
			p->len = t.n;
			continue;
		}
		d->blocks[o++] = d->blocks[b];
	}
	for (b = o; b < d->nblocks; b++)
		memset(&d->blocks[b], 0, sizeof(d->blocks[b]));
	d->nblocks = o;
	buf_free(&t);
}

void
clean_doc(struct doc *d)
{
	unsigned char *seen, *spaced;
	size_t signs = 0, b;
	struct para *p;

	if (d->failed)
		return;
	each_text(d, count_signs, &signs);
	if (signs < NOISE_MIN)
		return;
	seen = xcalloc(glue_seen_size(), 1);
	spaced = xcalloc(d->nblocks + 1, 1);
	for (b = 0; b < d->nblocks; b++)
		spaced[b] = (p = para_of(d, b)) != NULL &&
		    glue_spaced_line(p->text, p->len);
	each_text(d, mark_seen, seen);
	each_text(d, repair, seen);
	join_spaced(d, spaced);
	free(spaced);
	free(seen);
}
