/*
 * PDF: the text layer through poppler's pdftotext -layout, then layout.c;
 * or, for a scan, OCR of its pages (ocr.c).
 *
 * The signature stamps of a signed PDF are taken out of the text layer
 * first (signed.c).  A page is a scanned page when what is left of its
 * text has fewer than SCAN_LETTERS letters, or fewer than SPARSE_LETTERS
 * while the page holds a page-sized image (pdfimages -list: an image of
 * at least FULL_WIDE by FULL_TALL inches, either way round): a scan with
 * a few words of text laid over it.  A PDF whose pages are mostly
 * scanned is refused, naming the signature stamps when there are some;
 * with --ocr its pages are read by OCR and the document's reader is
 * "ocr".  Images (PNG, JPEG, TIFF) are read by OCR with --ocr only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"
#include "stamps.h"
#include "xalloc.h"

#define SCAN_LETTERS 100	/* letters of a page with text, at least */
#define SPARSE_LETTERS 500	/* fewer, over a page-sized image: a scan */
#define FULL_WIDE 6.5		/* inches of a page-sized image, at least */
#define FULL_TALL 9.0
#define PDF_SECONDS 120		/* for pdftotext on one document */

/* The letters of each page of the text p[0..n), pages separated by form
 * feeds, into *letters (the caller frees it); returns the pages. */
static size_t
page_letters(const char *p, size_t n, size_t **letters)
{
	size_t i, pages = 0, count = 0;

	*letters = NULL;
	for (i = 0; i <= n; i++) {
		if (i < n && p[i] != '\f') {
			count += isletter_at(p, n, i);
			continue;
		}
		/* A last page with no letter after the last form feed is
		 * none: pdftotext ends every page with one. */
		if (i == n && count == 0)
			break;
		*letters = xreallocarray(*letters, pages + 1, sizeof(**letters));
		(*letters)[pages++] = count;
		count = 0;
	}
	return pages;
}

/*
 * Which pages hold a page-sized image (pdfimages -list), into full[]
 * (pages of them); -1 when pdfimages cannot say.
 */
static int
full_page_images(struct doc *d, const char *path, size_t pages,
    unsigned char *full)
{
	char *argv[] = { "pdfimages", "-list", (char *)path, NULL };
	struct spawn_out so;
	const char *p, *e;

	if (doc_spawn(d, argv, DOC_MAX, PDF_SECONDS, &so) != 0) {
		spawn_free(&so);
		return -1;
	}
	buf_adds(&so.out, "");
	for (p = so.out.p; p != NULL && *p != '\0'; p = e == NULL ? NULL : e + 1) {
		unsigned long page, num, w, h, oid, gen;
		double xppi, yppi, wide, tall;
		char type[16];

		e = strchr(p, '\n');
		if (sscanf(p, "%lu %lu %15s %lu %lu %*s %*s %*s %*s %*s %lu %lu "
		    "%lf %lf", &page, &num, type, &w, &h, &oid, &gen, &xppi,
		    &yppi) != 9 || strcmp(type, "image") != 0 || page < 1 ||
		    page > pages || xppi <= 0 || yppi <= 0)
			continue;
		wide = (double)w / xppi;
		tall = (double)h / yppi;
		if ((wide >= FULL_WIDE && tall >= FULL_TALL) ||
		    (wide >= FULL_TALL && tall >= FULL_WIDE))
			full[page - 1] = 1;
	}
	spawn_free(&so);
	return 0;
}

/* The pages that are a scan's (see the top). */
static size_t
scanned_pages(struct doc *d, const char *path, const size_t *letters,
    size_t pages)
{
	unsigned char *full;
	size_t k, bare = 0, sparse = 0;

	for (k = 0; k < pages; k++) {
		bare += letters[k] < SCAN_LETTERS;
		sparse += letters[k] >= SCAN_LETTERS &&
		    letters[k] < SPARSE_LETTERS;
	}
	/* Only when the images could make it a scan. */
	if (sparse == 0 || bare * 2 > pages || (bare + sparse) * 2 <= pages)
		return bare;
	full = xcalloc(pages, 1);
	if (full_page_images(d, path, pages, full) == 0)
		for (k = 0; k < pages; k++)
			bare += full[k] && letters[k] >= SCAN_LETTERS &&
			    letters[k] < SPARSE_LETTERS;
	free(full);
	return bare;
}

/* A scan without --ocr: refused, naming its signature stamps. */
static int
refuse_scan(struct doc *d, size_t bare, size_t pages)
{
	struct buf who = { 0 };
	int rc;

	if (d->stamps.lines == 0)
		return doc_reject(d, 0, "no text layer on %zu of its %zu pages: "
		    "a scan (--ocr reads it)", bare, pages);
	stamps_signed_by(&d->stamps, &who);
	if (who.n == 0)
		stamps_signed_at(&d->stamps, &who);
	rc = doc_reject(d, 0, "no text layer on %zu of its %zu pages, only "
	    "signature stamps ('%s'): a scan with a signature stamp: --ocr "
	    "reads it", bare, pages, who.p == NULL ? "" : who.p);
	buf_free(&who);
	return rc;
}

/* The text layer of the PDF at path, or OCR of its pages. */
static int
pdf_text(struct doc *d, const char *path, const struct readopts *o)
{
	char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", (char *)path,
		"-", NULL };
	struct spawn_out so;
	size_t pages, bare, *letters;
	int rc = 0;

	if (doc_spawn(d, argv, DOC_MAX, PDF_SECONDS, &so) != 0) {
		rc = so.status == 3 ? doc_reject(d, 0, "the PDF forbids "
		    "copying its text") : converter_failed(d, &so, "pdftotext",
		    "poppler-utils", path);
		spawn_free(&so);
		return rc;
	}
	strip_stamps(d, o->stamps, &so.out);
	pages = page_letters(so.out.p == NULL ? "" : so.out.p, so.out.n,
	    &letters);
	bare = scanned_pages(d, path, letters, pages);
	free(letters);
	if (d->failed)
		rc = -1;
	else if (pages == 0 || bare * 2 > pages) {
		if (o->ocr)
			rc = ocr_pdf(d, path, pages == 0 ? 1 : pages, o);
		else
			rc = refuse_scan(d, bare, pages);
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
	scratch_remove(path);
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
	scratch_remove(path);
	free(path);
	if (rc == 0) {
		strip_stamps(d, o->stamps, &text);
		layout_read(d, text.p == NULL ? "" : text.p, text.n);
	}
	buf_free(&text);
	return rc != 0 || d->failed ? -1 : 0;
}
