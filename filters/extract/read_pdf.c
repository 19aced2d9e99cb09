/*
 * PDF: the text layer through poppler's pdftotext -layout, then layout.c.
 * A PDF whose pages mostly have no text (fewer than SCAN_LETTERS letters:
 * a scan, at most a signature stamp) is refused, or, with --ocr, each
 * page is rendered by pdftoppm and read by tesseract (Vietnamese), and
 * the document's reader is "ocr".  Images (PNG, JPEG, TIFF) are read by
 * tesseract with --ocr only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"
#include "xalloc.h"

#define SCAN_LETTERS 100	/* letters of a page with text, at least */
#define PDF_SECONDS 120		/* for pdftotext on one document */
#define PAGE_SECONDS 120	/* for rendering or reading one page */
#define OCR_DPI "300"

/* Letters on each page; returns the pages with fewer than SCAN_LETTERS. */
static size_t
textless_pages(const char *p, size_t n, size_t *pages)
{
	size_t i, letters = 0, bare = 0;

	*pages = 0;
	for (i = 0; i < n; i++) {
		if (p[i] == '\f') {
			(*pages)++;
			bare += letters < SCAN_LETTERS;
			letters = 0;
		} else if (isletter_at(p, n, i))
			letters++;
	}
	if (letters > 0) {
		(*pages)++;
		bare += letters < SCAN_LETTERS;
	}
	return bare;
}

/* The first line of a converter's complaint, for a message. */
static const char *
first_line(struct spawn_out *so)
{
	struct buf *e = &so->err;
	size_t k;

	if (e->n == 0)
		return "no message";
	for (k = 0; k < e->n && e->p[k] != '\n'; k++)
		;
	e->n = k < 160 ? k : 160;
	e->p[e->n] = '\0';
	return e->p;
}

/* A converter that did not do its job: the document is refused. */
static int
failed(struct doc *d, struct spawn_out *so, const char *prog,
    const char *package)
{
	if (so->spawn_errno != 0)
		return doc_reject(d, 0, "%s %s (Debian package %s)", prog,
		    spawn_why(so), package);
	if (so->timed_out || so->too_long)
		return doc_reject(d, 0, "%s %s", prog, spawn_why(so));
	return doc_reject(d, 0, "%s could not read it (%s)", prog,
	    first_line(so));
}

/* Reads the image at img through tesseract, appending its text to out. */
static int
ocr_image(struct doc *d, const char *img, struct buf *out)
{
	char *argv[] = { "tesseract", (char *)img, "stdout", "-l", "vie", NULL };
	struct spawn_out so;
	int rc;

	if (spawn_run(argv, DOC_MAX, PAGE_SECONDS, &so) != 0) {
		rc = so.err.n > 0 && strstr(so.err.p, "vie") != NULL &&
		    so.spawn_errno == 0 ? doc_reject(d, 0, "tesseract has no "
		    "Vietnamese (Debian package tesseract-ocr-vie)") :
		    failed(d, &so, "tesseract", "tesseract-ocr");
		spawn_free(&so);
		return rc;
	}
	buf_add(out, so.out.p == NULL ? "" : so.out.p, so.out.n);
	spawn_free(&so);
	return 0;
}

/* Renders page k of the PDF at path into dir/page.png and reads it. */
static int
ocr_page(struct doc *d, const char *path, const char *dir, size_t k,
    struct buf *out)
{
	char page[32];
	struct buf base = { 0 }, png = { 0 };
	char *argv[] = { "pdftoppm", "-r", OCR_DPI, "-gray", "-png",
		"-singlefile", "-f", page, "-l", page, (char *)path, NULL, NULL };
	struct spawn_out so;
	int rc = 0;

	snprintf(page, sizeof(page), "%zu", k);
	buf_printf(&base, "%s/page", dir);
	buf_printf(&png, "%s/page.png", dir);
	argv[11] = base.p;
	if (spawn_run(argv, 1 << 16, PAGE_SECONDS, &so) != 0)
		rc = failed(d, &so, "pdftoppm", "poppler-utils");
	spawn_free(&so);
	if (rc == 0)
		rc = ocr_image(d, png.p, out);
	unlink(png.p);
	buf_free(&base);
	buf_free(&png);
	return rc;
}

/* Every page of the PDF at path through OCR, into the model. */
static int
ocr_pdf(struct doc *d, const char *path, size_t pages)
{
	struct buf text = { 0 };
	char *dir = scratch_dir();
	size_t k;

	if (dir == NULL)
		return doc_reject(d, 0, "cannot make a scratch folder:");
	for (k = 1; k <= pages && !d->failed; k++) {
		if (k > 1)
			buf_addc(&text, '\f');
		ocr_page(d, path, dir, k, &text);
	}
	rmdir(dir);
	free(dir);
	d->reader = "ocr";
	if (!d->failed)
		layout_read(d, text.p == NULL ? "" : text.p, text.n);
	buf_free(&text);
	return d->failed ? -1 : 0;
}

/* The text layer of the PDF at path, or OCR of its pages. */
static int
pdf_text(struct doc *d, const char *path, const struct readopts *o)
{
	char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", (char *)path,
		"-", NULL };
	struct spawn_out so;
	size_t pages, bare;
	int rc = 0;

	if (spawn_run(argv, DOC_MAX, PDF_SECONDS, &so) != 0) {
		rc = so.status == 3 ? doc_reject(d, 0, "the PDF forbids "
		    "copying its text") : failed(d, &so, "pdftotext",
		    "poppler-utils");
		spawn_free(&so);
		return rc;
	}
	bare = textless_pages(so.out.p == NULL ? "" : so.out.p, so.out.n,
	    &pages);
	if (pages == 0 || bare * 2 > pages) {
		if (o->ocr)
			rc = ocr_pdf(d, path, pages == 0 ? 1 : pages);
		else
			rc = doc_reject(d, 0, "no text layer on %zu of its %zu "
			    "pages: a scan (--ocr reads it)", bare, pages);
	} else
		layout_read(d, so.out.p == NULL ? "" : so.out.p, so.out.n);
	spawn_free(&so);
	return rc != 0 || d->failed ? -1 : 0;
}

int
read_pdf(struct doc *d, const char *p, size_t n, const struct readopts *o)
{
	char *path = scratch_file(p, n);
	int rc;

	if (path == NULL)
		return doc_reject(d, 0, "cannot write a scratch file:");
	rc = pdf_text(d, path, o);
	unlink(path);
	free(path);
	return rc;
}

int
read_image(struct doc *d, const char *p, size_t n, const struct readopts *o)
{
	struct buf text = { 0 };
	char *path;
	int rc;

	if (!o->ocr)
		return doc_reject(d, 0, "an image (PNG, JPEG or TIFF), not a "
		    "report: --ocr reads it");
	if ((path = scratch_file(p, n)) == NULL)
		return doc_reject(d, 0, "cannot write a scratch file:");
	rc = ocr_image(d, path, &text);
	unlink(path);
	free(path);
	if (rc == 0)
		layout_read(d, text.p == NULL ? "" : text.p, text.n);
	buf_free(&text);
	return rc != 0 || d->failed ? -1 : 0;
}
