/*
 * OCR: the pages of a scanned PDF, or an image, read by tesseract
 * (Vietnamese) into laid-out text for layout.c.
 *
 * A scan of more than OCR_MAX_PAGES pages is refused; the others are
 * bounded by the document's time (--limit-seconds) and each step by
 * PAGE_SECONDS.  Each page is rendered by pdftoppm in grey, its long side
 * OCR_PIXELS pixels (300 dpi on A4, whatever size the page claims).  A
 * page that renders blank is not read.  The boxes of a signature stamp's lines in
 * the PDF's text layer (pdftotext -bbox-layout) are painted white first,
 * so that the stamp is not read as the report's text.  tesseract writes
 * its words with their boxes (TSV); they are set on lines as pdftotext
 * -layout sets a text layer: words on one line of the page share a line
 * of text, each at the column its left edge is at (one column the width
 * of an average character), and a gap between lines wider than a line
 * leaves a blank line.  So a letterhead's two columns stay apart and a
 * table keeps its columns, as layout.c expects them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"
#include "stamps.h"
#include "xalloc.h"

#define PAGE_SECONDS 120	/* for rendering or reading one page */
#define OCR_MAX_PAGES 200	/* pages of one scan read by OCR */
#define OCR_PIXELS "3508"	/* the long side of a rendered page */
#define PIXELS_MAX ((size_t)64 << 20)	/* in one rendered page */
#define INK 128			/* a grey darker than this is ink */
#define BLANK_SHARE 20000	/* blank: fewer than 1 pixel in this many
				 * is ink */
#define BOX_MARGIN 4		/* pixels around a stamp's box painted */

/* A rectangle on a page, in PDF points. */
struct box {
	double x0, y0, x1, y1;
};

/* The stamp boxes of every page, and each page's size. */
struct boxes {
	struct box *v;
	size_t *page;		/* the page of each, from 1 */
	size_t n;
	double *w, *h;		/* page k's size is w[k - 1], h[k - 1] */
	size_t pages;
};

/* A word of tesseract's TSV. */
struct word {
	long key;		/* block, paragraph and line, as one number */
	long left, top, width, height;
	const char *text;
	size_t len, chars;
};

/* A line of tesseract's words. */
struct tline {
	size_t w0, nw;		/* its words */
	long left, top, right, bottom;
};

/* An attribute's number in an element's text s ("xMin=\"12.5\""). */
static double
attr(const char *s, const char *name)
{
	const char *a = strstr(s, name);

	return a == NULL ? 0 : strtod(a + strlen(name), NULL);
}

/* The text of the words of one <line> s[0..n), blanks between, with the
 * five XML entities undone, into out. */
static void
line_text(struct buf *out, const char *s, const char *e)
{
	static const struct {
		const char *ent, *c;
	} ents[] = { { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&apos;", "'" } };
	const char *w, *t, *end;
	size_t k;

	buf_clear(out);
	for (w = s; (w = strstr(w, "<word")) != NULL && w < e; w = end) {
		if ((t = strchr(w, '>')) == NULL || (end = strstr(t,
		    "</word>")) == NULL || end > e)
			break;
		if (out->n > 0)
			buf_addc(out, ' ');
		for (t++; t < end; t++) {
			for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++)
				if (strncmp(t, ents[k].ent, strlen(ents[k].ent))
				    == 0)
					break;
			if (k < sizeof(ents) / sizeof(ents[0])) {
				buf_adds(out, ents[k].c);
				t += strlen(ents[k].ent) - 1;
			} else
				buf_addc(out, *t);
		}
	}
	buf_adds(out, "");
}

/*
 * The boxes of the lines of the PDF's text layer that are a stamp's
 * (pdftotext -bbox-layout); -1 when pdftotext fails.
 */
static int
stamp_boxes(struct doc *d, const char *path, const struct stamp_words *w,
    struct boxes *bx)
{
	char *argv[] = { "pdftotext", "-bbox-layout", "-enc", "UTF-8",
		(char *)path, "-", NULL };
	struct spawn_out so;
	struct buf text = { 0 };
	const char *p, *e;
	size_t page = 0;

	if (doc_spawn(d, argv, DOC_MAX, PAGE_SECONDS, &so) != 0) {
		spawn_free(&so);
		return -1;
	}
	buf_adds(&so.out, "");
	for (p = so.out.p; (p = strstr(p, "<")) != NULL; p++) {
		struct stamp_piece piece;
		struct box b;

		if (strncmp(p, "<page ", LIT_LEN("<page ")) == 0) {
			bx->w = xreallocarray(bx->w, page + 1, sizeof(*bx->w));
			bx->h = xreallocarray(bx->h, page + 1, sizeof(*bx->h));
			e = strchr(p, '>');
			bx->w[page] = attr(p, "width=\"");
			bx->h[page++] = attr(p, "height=\"");
			bx->pages = page;
			continue;
		}
		if (page == 0 || strncmp(p, "<line ", LIT_LEN("<line ")) != 0 ||
		    (e = strstr(p, "</line>")) == NULL)
			continue;
		line_text(&text, p, e);
		b.x0 = attr(p, "xMin=\"");
		b.y0 = attr(p, "yMin=\"");
		b.x1 = attr(p, "xMax=\"");
		b.y1 = attr(p, "yMax=\"");
		if (stamps_piece(w, text.p, text.n, &piece) != STAMP_NONE) {
			bx->v = xreallocarray(bx->v, bx->n + 1, sizeof(*bx->v));
			bx->page = xreallocarray(bx->page, bx->n + 1,
			    sizeof(*bx->page));
			bx->v[bx->n] = b;
			bx->page[bx->n++] = page;
		}
		p = e;
	}
	buf_free(&text);
	spawn_free(&so);
	return 0;
}

static void
boxes_free(struct boxes *bx)
{
	free(bx->v);
	free(bx->page);
	free(bx->w);
	free(bx->h);
}

/* A rendered page: pdftoppm's grey PGM (P5, 8 bits). */
struct pgm {
	struct buf bytes;
	size_t w, h, off;	/* off: where the pixels start */
};

/* A number of the PGM header at *i, after blanks. */
static size_t
pgm_num(const struct buf *b, size_t *i)
{
	size_t v = 0, k = 0;

	while (*i < b->n && (b->p[*i] == ' ' || b->p[*i] == '\n' ||
	    b->p[*i] == '\r' || b->p[*i] == '\t'))
		(*i)++;
	while (*i < b->n && wd_digit(b->p[*i]) && k++ < 9)
		v = v * 10 + (size_t)(b->p[(*i)++] - '0');
	return k == 0 ? 0 : v;
}

/* Reads the PGM at path; -1 when it is not one. */
static int
pgm_read(struct pgm *g, const char *path)
{
	FILE *f = fopen(path, "rb");
	char tmp[1 << 16];
	size_t got, i = 2, max;

	if (f == NULL)
		return -1;
	while ((got = fread(tmp, 1, sizeof(tmp), f)) > 0 &&
	    g->bytes.n <= PIXELS_MAX + 64)
		buf_add(&g->bytes, tmp, got);
	fclose(f);
	if (g->bytes.n < 2 || memcmp(g->bytes.p, "P5", 2) != 0)
		return -1;
	g->w = pgm_num(&g->bytes, &i);
	g->h = pgm_num(&g->bytes, &i);
	max = pgm_num(&g->bytes, &i);
	g->off = i + 1;
	if (g->w == 0 || g->h == 0 || max == 0 || max > 255 ||
	    g->w > PIXELS_MAX / g->h || g->off + g->w * g->h > g->bytes.n)
		return -1;
	return 0;
}

/* Is the page blank: hardly a pixel of ink? */
static int
pgm_blank(const struct pgm *g)
{
	const unsigned char *px = (const unsigned char *)g->bytes.p + g->off;
	size_t k, n = g->w * g->h, ink = 0;

	for (k = 0; k < n; k++)
		ink += px[k] < INK;
	return ink < n / BLANK_SHARE + 1;
}

/* Paints the stamp boxes of page k white; returns how many. */
static size_t
pgm_paint(struct pgm *g, const struct boxes *bx, size_t k)
{
	unsigned char *px = (unsigned char *)g->bytes.p + g->off;
	double sx, sy;
	size_t i, painted = 0;

	if (k > bx->pages || bx->w[k - 1] <= 0 || bx->h[k - 1] <= 0)
		return 0;
	sx = (double)g->w / bx->w[k - 1];
	sy = (double)g->h / bx->h[k - 1];
	for (i = 0; i < bx->n; i++) {
		const struct box *b = &bx->v[i];
		long x0, x1, y0, y1, y;

		if (bx->page[i] != k)
			continue;
		x0 = (long)(b->x0 * sx) - BOX_MARGIN;
		x1 = (long)(b->x1 * sx) + BOX_MARGIN;
		y0 = (long)(b->y0 * sy) - BOX_MARGIN;
		y1 = (long)(b->y1 * sy) + BOX_MARGIN;
		x0 = x0 < 0 ? 0 : x0;
		y0 = y0 < 0 ? 0 : y0;
		x1 = x1 > (long)g->w ? (long)g->w : x1;
		y1 = y1 > (long)g->h ? (long)g->h : y1;
		for (y = y0; y < y1 && x0 < x1; y++)
			memset(px + (size_t)y * g->w + (size_t)x0, 0xFF,
			    (size_t)(x1 - x0));
		painted++;
	}
	return painted;
}

static int
pgm_write(const struct pgm *g, const char *path)
{
	FILE *f = fopen(path, "wb");
	int rc;

	if (f == NULL)
		return -1;
	rc = fwrite(g->bytes.p, 1, g->bytes.n, f) == g->bytes.n ? 0 : -1;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* Characters of s[0..n). */
static size_t
chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The words of tesseract's TSV in t (modified: fields are cut at TABs),
 * into *w; returns how many. */
static size_t
tsv_words(char *t, size_t n, struct word **w)
{
	size_t count = 0, cap = 0, start = 0;

	while (start < n) {
		char *s = t + start, *nl = memchr(s, '\n', n - start);
		char *f[12];
		size_t len = nl == NULL ? n - start : (size_t)(nl - s), k;
		char *p = s;

		start += len + 1;
		s[len] = '\0';
		for (k = 0; k < 12 && p != NULL; k++) {
			f[k] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (k < 12 || strcmp(f[0], "5") != 0)
			continue;
		while (*f[11] == ' ')
			f[11]++;
		if (*f[11] == '\0')
			continue;
		if (count == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			*w = xreallocarray(*w, cap, sizeof(**w));
		}
		(*w)[count].key = atol(f[2]) * 1000000 + atol(f[3]) * 1000 +
		    atol(f[4]);
		(*w)[count].left = atol(f[6]);
		(*w)[count].top = atol(f[7]);
		(*w)[count].width = atol(f[8]);
		(*w)[count].height = atol(f[9]);
		(*w)[count].text = f[11];
		(*w)[count].len = strlen(f[11]);
		(*w)[count].chars = chars(f[11], (*w)[count].len);
		count++;
	}
	return count;
}

static int
by_top(const void *a, const void *b)
{
	const struct tline *x = a, *y = b;

	if (x->top != y->top)
		return x->top < y->top ? -1 : 1;
	return x->left < y->left ? -1 : x->left > y->left;
}

static int
by_left(const void *a, const void *b)
{
	const struct tline *x = a, *y = b;

	return x->left < y->left ? -1 : x->left > y->left;
}

/* Does line l share a line of the page with the row [top, bottom)? */
static int
same_row(const struct tline *l, long top, long bottom)
{
	long over = (l->bottom < bottom ? l->bottom : bottom) -
	    (l->top > top ? l->top : top);
	long h = l->bottom - l->top < bottom - top ? l->bottom - l->top :
	    bottom - top;

	return over * 2 > h;
}

/*
 * The lines lines[a..b), one row of the page, laid out into out: each
 * line at the column of its left edge (two blanks from the one before at
 * least), its words one blank apart unless a gap of WORD_GAP characters
 * or more parts them (a column of a table tesseract read as one line).
 */
#define WORD_GAP 3
static void
lay_row(struct buf *out, struct tline *lines, size_t a, size_t b,
    const struct word *w, double cw, long margin)
{
	size_t k, j, col = 0;

	qsort(lines + a, b - a, sizeof(*lines), by_left);
	for (k = a; k < b; k++)
		for (j = lines[k].w0; j < lines[k].w0 + lines[k].nw; j++) {
			double at = (double)(w[j].left - margin) / cw + 0.5;
			size_t want = at < 0 ? 0 : (size_t)at, need;
			int near = j > lines[k].w0 && (double)(w[j].left -
			    w[j - 1].left - w[j - 1].width) < WORD_GAP * cw;

			need = col == 0 ? 0 : j == lines[k].w0 ? 2 : near ? 1 :
			    WORD_GAP;
			if (near || want < col + need)
				want = col + need;
			for (; col < want; col++)
				buf_addc(out, ' ');
			buf_add(out, w[j].text, w[j].len);
			col += w[j].chars;
		}
	buf_addc(out, '\n');
}

void
ocr_layout(struct buf *out, char *tsv, size_t n)
{
	struct word *w = NULL;
	struct tline *lines = NULL;
	size_t nw = tsv_words(tsv, n, &w), nl = 0, k, a, width = 0, nchars = 0;
	long margin = -1, top, bottom, prev = -1, height = 0;
	double cw;

	for (k = 0; k < nw; k++) {
		struct tline *l;

		width += (size_t)(w[k].width > 0 ? w[k].width : 0);
		nchars += w[k].chars;
		if (margin < 0 || w[k].left < margin)
			margin = w[k].left;
		if (k == 0 || w[k].key != w[k - 1].key) {
			lines = xreallocarray(lines, nl + 1, sizeof(*lines));
			l = &lines[nl++];
			l->w0 = k;
			l->nw = 0;
			l->left = w[k].left;
			l->top = w[k].top;
			l->right = w[k].left + w[k].width;
			l->bottom = w[k].top + w[k].height;
		}
		l = &lines[nl - 1];
		l->nw++;
		l->top = w[k].top < l->top ? w[k].top : l->top;
		l->right = w[k].left + w[k].width > l->right ? w[k].left +
		    w[k].width : l->right;
		l->bottom = w[k].top + w[k].height > l->bottom ? w[k].top +
		    w[k].height : l->bottom;
	}
	cw = nchars > 0 && width >= nchars ? (double)width / nchars : 1;
	for (k = 0; k < nl; k++)
		height += lines[k].bottom - lines[k].top;
	height = nl > 0 ? height / (long)nl : 0;
	qsort(lines, nl, sizeof(*lines), by_top);
	for (a = 0; a < nl; a = k) {
		top = lines[a].top;
		bottom = lines[a].bottom;
		for (k = a + 1; k < nl && same_row(&lines[k], top, bottom); k++)
			bottom = lines[k].bottom > bottom ? lines[k].bottom :
			    bottom;
		/* A gap wider than a line: a blank line. */
		if (prev >= 0 && top - prev > height)
			buf_addc(out, '\n');
		lay_row(out, lines, a, k, w, cw, margin);
		prev = bottom;
	}
	free(lines);
	free(w);
}

/* Reads the image at img through tesseract, appending its laid-out text
 * to out. */
int
ocr_image(struct doc *d, const char *img, struct buf *out)
{
	char *argv[] = { "tesseract", (char *)img, "stdout", "-l", "vie",
		"tsv", NULL };
	struct spawn_out so;
	int rc;

	if (doc_spawn(d, argv, DOC_MAX, PAGE_SECONDS, &so) != 0) {
		rc = so.err.n > 0 && strstr(so.err.p, "vie") != NULL &&
		    so.spawn_errno == 0 && so.signal == 0 && !so.timed_out ?
		    doc_reject(d, 0, "tesseract has no Vietnamese (Debian "
		    "package tesseract-ocr-vie)") : converter_failed(d, &so,
		    "tesseract", "tesseract-ocr", img);
		spawn_free(&so);
		return rc;
	}
	ocr_layout(out, so.out.p == NULL ? "" : so.out.p, so.out.n);
	spawn_free(&so);
	return 0;
}

/*
 * Renders page k of the PDF at path into dir/page.pgm, paints its stamps
 * white and reads it, unless it is blank (*blank is then set).
 */
static int
ocr_page(struct doc *d, const char *path, const char *dir, size_t k,
    const struct boxes *bx, struct buf *out, int *blank)
{
	char page[32];
	struct buf base = { 0 }, img = { 0 };
	char *argv[] = { "pdftoppm", "-scale-to", OCR_PIXELS, "-gray",
		"-singlefile", "-f", page, "-l", page, (char *)path, NULL, NULL };
	struct spawn_out so;
	struct pgm g = { { 0 }, 0, 0, 0 };
	int rc = 0;

	snprintf(page, sizeof(page), "%zu", k);
	buf_printf(&base, "%s/page", dir);
	buf_printf(&img, "%s/page.pgm", dir);
	argv[10] = base.p;
	*blank = 0;
	scratch_expect(img.p);
	if (doc_spawn(d, argv, 1 << 16, PAGE_SECONDS, &so) != 0)
		rc = converter_failed(d, &so, "pdftoppm", "poppler-utils", path);
	else if (pgm_read(&g, img.p) != 0)
		rc = doc_reject(d, 0, "pdftoppm wrote no page %zu", k);
	else if (pgm_blank(&g))
		*blank = 1;
	else if (pgm_paint(&g, bx, k) > 0 && pgm_write(&g, img.p) != 0)
		rc = doc_reject(d, 0, "cannot write a scratch file:");
	spawn_free(&so);
	buf_free(&g.bytes);
	if (rc == 0 && !*blank)
		rc = ocr_image(d, img.p, out);
	scratch_remove(img.p);
	buf_free(&base);
	buf_free(&img);
	return rc;
}

int
ocr_pdf(struct doc *d, const char *path, size_t pages,
    const struct readopts *o)
{
	struct buf text = { 0 };
	struct boxes bx = { 0 };
	char *dir;
	size_t k, blank = 0;
	int b;

	if (pages > OCR_MAX_PAGES)
		return doc_reject(d, 0, "a scan of %zu pages: OCR reads %d at "
		    "most", pages, OCR_MAX_PAGES);
	if (d->stamps.lines > 0 && o->stamps != NULL &&
	    stamp_boxes(d, path, o->stamps, &bx) != 0 && d->failed) {
		boxes_free(&bx);
		return -1;
	}
	if ((dir = scratch_dir()) == NULL) {
		boxes_free(&bx);
		return doc_reject(d, 0, "cannot make a scratch folder:");
	}
	for (k = 1; k <= pages && !d->failed; k++) {
		if (k > 1)
			buf_addc(&text, '\f');
		ocr_page(d, path, dir, k, &bx, &text, &b);
		blank += b;
	}
	scratch_remove(dir);
	free(dir);
	boxes_free(&bx);
	d->reader = "ocr";
	strip_stamps(d, o->stamps, &text);
	if (!d->failed && blank == pages)
		doc_reject(d, 0, "every page of the scan is blank");
	if (!d->failed)
		layout_read(d, text.p == NULL ? "" : text.p, text.n);
	buf_free(&text);
	return d->failed ? -1 : 0;
}
