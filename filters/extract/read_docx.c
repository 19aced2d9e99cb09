/*
 * The .docx reader: a zip archive (libzip) of XML parts (libxml2's
 * streaming reader), word/document.xml for the body and word/footnotes.xml
 * and word/endnotes.xml for the notes.
 *
 * What it makes of WordprocessingML:
 *   - a paragraph (w:p) is a paragraph; its runs' text (w:t) is joined,
 *     w:tab and w:br read as spaces, bold and italic are not marked, and
 *     a superscript digit is written as one ("2023¹⁵", "m²"); the text
 *     is cleaned (clean_text), a run of blanks one space;
 *   - deleted text, field codes and the fallback copy of drawings are not
 *     text;
 *   - a table (w:tbl) is a table of its rows and cells, with each cell's
 *     gridSpan and vMerge (table.c lays them out on the grid); a cell's
 *     paragraphs are joined by spaces, and a table inside a cell is read
 *     as text of that cell;
 *   - the letterhead, a small table before the body holding "CỘNG HÒA XÃ
 *     HỘI CHỦ NGHĨA VIỆT NAM" or "Số:", becomes paragraphs, column by
 *     column, as the header reader expects them;
 *   - a footnote reference is left out of the text, and the footnote is a
 *     note of the document, marked with its number.
 *
 * Line numbers: the body's paragraphs with text and its table rows are
 * numbered from 1 in order (a letterhead cell's lines count one each).
 *
 * Hostile archives: a part that unpacks to more than PART_MAX bytes, or to
 * more than BOMB_RATIO times its packed size past BOMB_MIN, XML nested
 * deeper than XML_DEPTH, a DOCTYPE (entity expansion) and a damaged or
 * truncated archive refuse the document, naming it.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "buf.h"
#include "diag.h"
#include "extract.h"
#include "utf8.h"
#include "vnlegacy.h"
#include "xalloc.h"

#define PART_MAX ((zip_uint64_t)256 << 20)
#define BOMB_MIN ((zip_uint64_t)16 << 20)
#define BOMB_RATIO 100
#define XML_DEPTH 128

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* One part being read: libxml2 pulls its bytes through part_read. */
struct part {
	zip_file_t *f;
	zip_uint64_t got, packed;
	int over, zerr;
};

/* A table being read; it goes into the document when it ends. */
struct xcell {
	size_t off, len;	/* in xtable.text: the cell's text, its
				 * paragraphs separated by '\n' */
	unsigned span;
	int merged;
};

struct xrow {
	size_t cell0, ncells;	/* in xtable.cells */
};

struct xtable {
	struct buf text;
	struct xcell *cells;
	size_t ncells, capcells;
	struct xrow *rows;
	size_t nrows, caprows;
};

enum mode { BODY, NOTES };

/* The reader's state over one part. */
struct dx {
	struct doc *d;
	enum mode mode;
	size_t line;		/* paragraphs and rows numbered so far */
	int pdepth;		/* paragraphs open (text boxes nest them) */
	int in_t, in_run, sup;	/* in w:t; in w:r; the run is superscript */
	int skip;		/* >0: the depth of a subtree not read */
	int tdepth;		/* tables open; only the outermost is one */
	int in_cell;
	struct buf para, cell, scratch;
	struct xtable tab;
	size_t blocks;		/* body paragraphs and tables so far */
	/* Footnote and endnote ids in the order the body refers to them. */
	long *fref, *eref;
	size_t nfref, neref;
	long note_id;		/* the note being read; -1: none */
	int note_end;		/* 1: an endnote */
	char err[200];		/* libxml2's first error */
	size_t errline;
};

static int
is_w(xmlTextReaderPtr r)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);

	return ns != NULL && (strcmp(ns, W_NS) == 0 || strcmp(ns, W_STRICT) == 0);
}

/* A w: attribute as a number; def when absent. */
static long
attr_num(xmlTextReaderPtr r, const char *name, long def)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)name,
	    (const xmlChar *)W_NS);
	long n = def;

	if (v == NULL)
		v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)name,
		    (const xmlChar *)W_STRICT);
	if (v != NULL) {
		char *end;

		n = strtol((const char *)v, &end, 10);
		if (end == (const char *)v)
			n = def;
		xmlFree(v);
	}
	return n;
}

/* A w: attribute's value is s (absent: 0). */
static int
attr_is(xmlTextReaderPtr r, const char *name, const char *s)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)name,
	    (const xmlChar *)W_NS);
	int eq;

	if (v == NULL)
		v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)name,
		    (const xmlChar *)W_STRICT);
	eq = v != NULL && strcmp((const char *)v, s) == 0;
	xmlFree(v);
	return eq;
}

/* Where the text goes: the open cell, the paragraph. */
static struct buf *
sink(struct dx *x)
{
	return x->in_cell ? &x->cell : &x->para;
}

/* Text of a run, superscript digits as superscripts. */
static void
add_text(struct dx *x, const char *s)
{
	struct buf *b = sink(x);

	for (; *s != '\0'; s++)
		if (x->sup && *s >= '0' && *s <= '9')
			buf_adds(b, u8_superscripts[*s - '0']);
		else
			buf_addc(b, *s);
}

static void
end_para(struct dx *x)
{
	struct buf *b = &x->scratch;

	if (x->mode == NOTES) {
		buf_addc(&x->para, ' ');
		return;
	}
	clean_text(x->d, b, x->para.p == NULL ? "" : x->para.p, x->para.n,
	    CLEAN_SQUEEZE);
	buf_clear(&x->para);
	if (b->n == 0)
		return;
	doc_add_para(x->d, ++x->line, b->p, b->n);
	x->blocks++;
}

static void
tab_cell(struct dx *x, unsigned span, int merged)
{
	struct xtable *t = &x->tab;
	struct xcell *c;

	if (t->nrows == 0)
		return;
	if (t->ncells == t->capcells) {
		t->capcells = t->capcells == 0 ? 64 : t->capcells * 2;
		t->cells = xreallocarray(t->cells, t->capcells, sizeof(*t->cells));
	}
	c = &t->cells[t->ncells++];
	c->off = t->text.n;
	c->len = 0;
	c->span = span < 1 ? 1 : span > 64 ? 64 : span;
	c->merged = merged;
	t->rows[t->nrows - 1].ncells++;
}

static void
tab_row(struct dx *x)
{
	struct xtable *t = &x->tab;

	if (t->nrows == t->caprows) {
		t->caprows = t->caprows == 0 ? 16 : t->caprows * 2;
		t->rows = xreallocarray(t->rows, t->caprows, sizeof(*t->rows));
	}
	t->rows[t->nrows].cell0 = t->ncells;
	t->rows[t->nrows++].ncells = 0;
}

/* The open cell's text, cleaned, into the table. */
static void
end_cell(struct dx *x)
{
	struct xtable *t = &x->tab;
	struct buf *b = &x->scratch;

	clean_text(x->d, b, x->cell.p == NULL ? "" : x->cell.p, x->cell.n,
	    CLEAN_SQUEEZE | CLEAN_NL);
	buf_clear(&x->cell);
	buf_clear(&x->para);
	if (t->ncells == 0)
		return;
	t->cells[t->ncells - 1].off = t->text.n;
	t->cells[t->ncells - 1].len = b->n;
	buf_add(&t->text, b->p == NULL ? "" : b->p, b->n);
}

/* The letterhead: a small table before any body text, with the national
 * motto or the document number in it. */
static int
is_letterhead(const struct dx *x)
{
	const struct xtable *t = &x->tab;
	const char *s = t->text.p == NULL ? "" : t->text.p;
	size_t k, i;

	if (x->blocks > 2 || t->nrows > 6 || t->nrows == 0)
		return 0;
	for (k = 0; k < t->nrows; k++)
		if (t->rows[k].ncells > 3)
			return 0;
	for (i = 0; i < t->ncells; i++) {
		const char *c = s + t->cells[i].off;
		size_t n = t->cells[i].len;

		if (doc_letterhead_cell(c, n))
			return 1;
	}
	return 0;
}

/* The letterhead as paragraphs: column by column, each cell's lines. */
static void
letterhead_paras(struct dx *x)
{
	const struct xtable *t = &x->tab;
	const char *s = t->text.p;
	size_t col, k;

	for (col = 0; col < 3; col++)
		for (k = 0; k < t->nrows; k++) {
			const struct xcell *c;
			const char *p, *e, *nl;

			if (col >= t->rows[k].ncells)
				continue;
			c = &t->cells[t->rows[k].cell0 + col];
			for (p = s + c->off, e = p + c->len; p < e; p = nl + 1) {
				nl = memchr(p, '\n', (size_t)(e - p));
				if (nl == NULL)
					nl = e;
				if (nl > p)
					doc_add_para(x->d, ++x->line, p,
					    (size_t)(nl - p));
			}
		}
}

/* One row of a table into the document; 0 when it has no text. */
static int
table_row(struct dx *x, const struct xrow *xr, int first)
{
	const struct xtable *t = &x->tab;
	struct buf *b = &x->scratch;
	struct cell *c;
	struct row *r;
	size_t k, n, off, cols = 0, width = 0;

	/* The cells that fit in ROW_MAXCELLS grid columns; the others are a
	 * named, counted drop. */
	for (k = 0, n = 0; k < xr->ncells; k++) {
		width += t->cells[xr->cell0 + k].span;
		if (width <= ROW_MAXCELLS) {
			n++;
			cols = width;
		}
	}
	if (n < xr->ncells) {
		if (width == xr->ncells)
			warn_at(x->d->file, x->line + 1, "table row of %zu cells: "
			    "the %zu after the first %d are dropped", xr->ncells,
			    xr->ncells - n, ROW_MAXCELLS);
		else
			warn_at(x->d->file, x->line + 1, "table row of %zu cells "
			    "over %zu columns: the %zu past column %zu are dropped",
			    xr->ncells, width, xr->ncells - n, cols);
		x->d->cells_dropped += xr->ncells - n;
	}
	buf_clear(b);
	for (k = 0; k < n; k++) {
		const struct xcell *xc = &t->cells[xr->cell0 + k];

		if (k > 0)
			buf_addc(b, '\t');
		buf_add(b, t->text.p + xc->off, xc->len);
	}
	for (k = 0; k < b->n && (b->p[k] == '\t' || b->p[k] == '\n'); k++)
		;
	if (n == 0 || k == b->n)
		return 0;
	for (k = 0; k < b->n; k++)
		if (b->p[k] == '\n')
			b->p[k] = ' ';
	if ((r = doc_add_row(x->d, ++x->line, b->p, b->n, first)) == NULL ||
	    (c = doc_cells(x->d, r, n)) == NULL)
		return 0;
	x->d->blocks[x->d->nblocks - 1].u.table.grid = 1;
	for (k = 0, off = 0; k < n; k++) {
		const struct xcell *xc = &t->cells[xr->cell0 + k];

		c[k].text = r->text + off;
		c[k].len = xc->len;
		c[k].span = xc->span;
		c[k].merged = xc->merged;
		off += xc->len + 1;
	}
	return 1;
}

static void
end_table(struct dx *x)
{
	struct xtable *t = &x->tab;
	size_t k;
	int first = 1;

	if (is_letterhead(x))
		letterhead_paras(x);
	else
		for (k = 0; k < t->nrows; k++)
			if (table_row(x, &t->rows[k], first))
				first = 0;
	if (!first)
		x->blocks++;
	buf_clear(&t->text);
	t->ncells = t->nrows = 0;
}

static void
add_ref(long **v, size_t *n, long id)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = id;
}

/* The mark of a note: its place among the body's references. */
static size_t
note_mark(const struct dx *x)
{
	const long *v = x->note_end ? x->eref : x->fref;
	size_t n = x->note_end ? x->neref : x->nfref, k;

	for (k = 0; k < n; k++)
		if (v[k] == x->note_id)
			return k + 1;
	return 0;
}

static void
end_note(struct dx *x)
{
	struct buf *b = &x->scratch;
	size_t m = note_mark(x);
	char mark[24];

	clean_text(x->d, b, x->para.p == NULL ? "" : x->para.p, x->para.n,
	    CLEAN_SQUEEZE);
	buf_clear(&x->para);
	x->note_id = -1;
	if (m == 0 || b->n == 0)
		return;
	snprintf(mark, sizeof(mark), "%zu", m);
	doc_add_note(x->d, mark, b->p, b->n);
}

/* Starts the subtree not read at the element r is on. */
static void
skip_here(struct dx *x, xmlTextReaderPtr r)
{
	if (!xmlTextReaderIsEmptyElement(r))
		x->skip = xmlTextReaderDepth(r) + 1;
}

/* Elements of a table: the outermost table's rows and cells. */
static int
table_start(struct dx *x, xmlTextReaderPtr r, const char *n)
{
	if (strcmp(n, "tbl") == 0) {
		if (++x->tdepth > 1 || x->mode == NOTES)
			buf_addc(sink(x), '\n');
	} else if (x->tdepth != 1 || x->mode == NOTES)
		return strcmp(n, "tr") == 0 || strcmp(n, "tc") == 0;
	else if (strcmp(n, "tr") == 0)
		tab_row(x);
	else if (strcmp(n, "gridBefore") == 0)
		tab_cell(x, (unsigned)attr_num(r, "val", 1), 0);
	else if (strcmp(n, "tc") == 0) {
		x->in_cell = 1;
		buf_clear(&x->cell);
		tab_cell(x, 1, 0);
	} else if (strcmp(n, "gridSpan") == 0 && x->in_cell &&
	    x->tab.ncells > 0) {
		long v = attr_num(r, "val", 1);

		x->tab.cells[x->tab.ncells - 1].span =
		    (unsigned)(v < 1 ? 1 : v > 64 ? 64 : v);
	} else if (strcmp(n, "vMerge") == 0 && x->in_cell && x->tab.ncells > 0)
		x->tab.cells[x->tab.ncells - 1].merged = !attr_is(r, "val",
		    "restart");
	else
		return 0;
	return 1;
}

static void
table_end(struct dx *x, const char *n)
{
	if (strcmp(n, "tbl") == 0) {
		if (x->tdepth == 1 && x->mode == BODY)
			end_table(x);
		if (x->tdepth > 0)
			x->tdepth--;
	} else if (strcmp(n, "tc") != 0)
		return;
	else if (x->tdepth == 1 && x->mode == BODY && x->in_cell) {
		end_cell(x);
		x->in_cell = 0;
	} else
		buf_addc(sink(x), '\n');
}

/* A start tag of the w: namespace. */
static void
start(struct dx *x, xmlTextReaderPtr r, const char *n)
{
	if (table_start(x, r, n))
		return;
	if (strcmp(n, "p") == 0) {
		if (x->pdepth > 0 || x->in_cell)
			buf_addc(sink(x), '\n');
		x->pdepth++;
	} else if (strcmp(n, "r") == 0) {
		x->in_run = 1;
		x->sup = 0;
	} else if (strcmp(n, "vertAlign") == 0 && x->in_run)
		x->sup = attr_is(r, "val", "superscript");
	else if (strcmp(n, "t") == 0)
		x->in_t = 1;
	else if (strcmp(n, "tab") == 0 && x->in_run)
		buf_addc(sink(x), ' ');
	else if (strcmp(n, "br") == 0 || strcmp(n, "cr") == 0)
		buf_addc(sink(x), '\n');
	else if (strcmp(n, "noBreakHyphen") == 0)
		buf_addc(sink(x), '-');
	else if (strcmp(n, "footnoteReference") == 0 && x->mode == BODY)
		add_ref(&x->fref, &x->nfref, attr_num(r, "id", -1));
	else if (strcmp(n, "endnoteReference") == 0 && x->mode == BODY)
		add_ref(&x->eref, &x->neref, attr_num(r, "id", -1));
	else if ((strcmp(n, "footnote") == 0 || strcmp(n, "endnote") == 0) &&
	    x->mode == NOTES) {
		buf_clear(&x->para);
		x->note_end = n[0] == 'e';
		x->note_id = attr_num(r, "id", -1);
	} else if (strcmp(n, "instrText") == 0 || strcmp(n, "delText") == 0 ||
	    strcmp(n, "delInstrText") == 0)
		skip_here(x, r);
}

static void
end(struct dx *x, const char *n)
{
	table_end(x, n);
	if (strcmp(n, "p") == 0 && x->pdepth > 0) {
		if (--x->pdepth > 0 || x->in_cell)
			buf_addc(sink(x), '\n');
		else
			end_para(x);
	} else if (strcmp(n, "r") == 0)
		x->in_run = x->sup = 0;
	else if (strcmp(n, "t") == 0)
		x->in_t = 0;
	else if ((strcmp(n, "footnote") == 0 || strcmp(n, "endnote") == 0) &&
	    x->mode == NOTES)
		end_note(x);
}

/* One node of the XML; -1 stops the part (the document is refused). */
static int
node(struct dx *x, xmlTextReaderPtr r)
{
	int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
	const char *n;

	if (depth > XML_DEPTH)
		return doc_reject(x->d, 0, "XML nested deeper than %d elements",
		    XML_DEPTH);
	if (type == XML_READER_TYPE_DOCUMENT_TYPE)
		return doc_reject(x->d, 0, "a DOCTYPE in a Word part (not "
		    "written by Word; refused for its entities)");
	if (x->skip > 0) {
		if (type == XML_READER_TYPE_END_ELEMENT && depth + 1 == x->skip)
			x->skip = 0;
		return 0;
	}
	if ((type == XML_READER_TYPE_TEXT ||
	    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && x->in_t) {
		add_text(x, (const char *)xmlTextReaderConstValue(r));
		return 0;
	}
	if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
		return 0;
	n = (const char *)xmlTextReaderConstLocalName(r);
	if (!is_w(r)) {
		const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);

		if (type == XML_READER_TYPE_ELEMENT && ns != NULL &&
		    strcmp(ns, MC_NS) == 0 && strcmp(n, "Fallback") == 0)
			skip_here(x, r);
		return 0;
	}
	if (type == XML_READER_TYPE_END_ELEMENT)
		end(x, n);
	else {
		start(x, r, n);
		if (xmlTextReaderIsEmptyElement(r))
			end(x, n);
	}
	return x->d->failed ? -1 : 0;
}

static int
part_read(void *ctx, char *buf, int len)
{
	struct part *pt = ctx;
	zip_int64_t n = zip_fread(pt->f, buf, (zip_uint64_t)len);

	if (n < 0) {
		pt->zerr = 1;
		return -1;
	}
	pt->got += (zip_uint64_t)n;
	if (pt->got > PART_MAX)
		pt->over = 2;
	else if (pt->got > BOMB_MIN && pt->got / BOMB_RATIO > pt->packed)
		pt->over = 1;
	if (pt->over)
		return -1;
	return (int)n;
}

static void
on_error(void *arg, xmlErrorPtr e)
{
	struct dx *x = arg;

	if (x->err[0] != '\0' || e == NULL || e->level < XML_ERR_ERROR)
		return;
	snprintf(x->err, sizeof(x->err), "%s", e->message == NULL ? "" :
	    e->message);
	x->err[strcspn(x->err, "\n")] = '\0';
	x->errline = e->line > 0 ? (size_t)e->line : 0;
}

/* Runs the XML reader over the part, and says why it stopped short. */
static int
read_part(struct dx *x, struct part *pt, const char *name)
{
	xmlTextReaderPtr r;
	int ret;

	r = xmlReaderForIO(part_read, NULL, pt, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (r == NULL)
		return doc_reject(x->d, 0, "'%s': cannot start reading XML", name);
	xmlTextReaderSetStructuredErrorHandler(r, on_error, x);
	while ((ret = xmlTextReaderRead(r)) == 1)
		if (node(x, r) != 0)
			break;
	xmlFreeTextReader(r);
	if (x->d->failed)
		return -1;
	if (pt->over == 2)
		return doc_reject(x->d, 0, "'%s' unpacks to more than %llu "
		    "bytes: refused as a zip bomb", name,
		    (unsigned long long)PART_MAX);
	if (pt->over == 1)
		return doc_reject(x->d, 0, "'%s' unpacks to more than %d times "
		    "its packed size: refused as a zip bomb", name, BOMB_RATIO);
	if (pt->zerr)
		return doc_reject(x->d, 0, "'%s' is damaged: %s", name,
		    zip_file_strerror(pt->f));
	if (ret < 0)
		return doc_reject(x->d, 0, "'%s' is not well-formed XML (line "
		    "%zu: %s)", name, x->errline, x->err[0] != '\0' ? x->err :
		    "error");
	return 0;
}

/* Reads one XML part of the archive; a missing part is an error only
 * when required. */
static int
parse(struct dx *x, zip_t *z, const char *name, int required)
{
	struct part pt = { 0 };
	zip_stat_t st;
	int rc;

	if (zip_stat(z, name, 0, &st) != 0)
		return required ? doc_reject(x->d, 0, "no '%s' in the archive: "
		    "not a Word document", name) : 0;
	if ((st.valid & ZIP_STAT_SIZE) && st.size > PART_MAX)
		return doc_reject(x->d, 0, "'%s' would unpack to %llu bytes, "
		    "more than %llu: refused as a zip bomb", name,
		    (unsigned long long)st.size, (unsigned long long)PART_MAX);
	pt.packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
	if ((pt.f = zip_fopen(z, name, 0)) == NULL)
		return doc_reject(x->d, 0, "cannot unpack '%s': %s", name,
		    zip_strerror(z));
	x->err[0] = '\0';
	x->skip = x->in_t = x->in_run = x->sup = x->pdepth = 0;
	x->tdepth = x->in_cell = 0;
	rc = read_part(x, &pt, name);
	zip_fclose(pt.f);
	return rc;
}

/* Opens the archive in memory; NULL with why in err. */
static zip_t *
open_zip(const char *p, size_t n, char *err, size_t errsize)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(p, n, 0, &ze)) == NULL) {
		snprintf(err, errsize, "%s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	if ((z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		snprintf(err, errsize, "%s", zip_error_strerror(&ze));
		zip_source_free(src);
	}
	zip_error_fini(&ze);
	return z;
}

const char *
zip_kind(const char *p, size_t n)
{
	static const struct {
		const char *entry, *what;
	} kinds[] = {
		{ "word/document.xml", NULL },
		{ "xl/workbook.xml", "an Excel workbook (.xlsx)" },
		{ "ppt/presentation.xml", "a PowerPoint presentation (.pptx)" },
		{ "content.xml", "an OpenDocument file (.odt, .ods; save it "
		    "as .docx)" },
	};
	const char *what = "a zip archive (no Word document in it)";
	char err[128];
	zip_t *z = open_zip(p, n, err, sizeof(err));
	size_t k;

	if (z == NULL)
		return NULL;	/* read_docx says what is wrong with it */
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (zip_name_locate(z, kinds[k].entry, 0) >= 0) {
			what = kinds[k].what;
			break;
		}
	zip_discard(z);
	return what;
}

/* Text typed in a legacy font (TCVN3, VNI), converted when found. */
static void
legacy_fonts(struct doc *d)
{
	enum vn_legacy enc = doc_legacy(d);

	if (enc != VN_UNICODE)
		doc_recode(d, enc);
}

int
read_docx(struct doc *d, const char *p, size_t n, const struct readopts *o)
{
	struct dx x;
	char err[128];
	zip_t *z;

	(void)o;
	if ((z = open_zip(p, n, err, sizeof(err))) == NULL)
		return doc_reject(d, 0, "not a whole zip archive (truncated or "
		    "damaged: %s)", err);
	memset(&x, 0, sizeof(x));
	x.d = d;
	x.note_id = -1;
	xmlInitParser();
	if (parse(&x, z, "word/document.xml", 1) == 0) {
		x.mode = NOTES;
		if (parse(&x, z, "word/footnotes.xml", 0) == 0)
			parse(&x, z, "word/endnotes.xml", 0);
	}
	zip_discard(z);
	buf_free(&x.para);
	buf_free(&x.cell);
	buf_free(&x.scratch);
	buf_free(&x.tab.text);
	free(x.tab.cells);
	free(x.tab.rows);
	free(x.fref);
	free(x.eref);
	d->lines_read = x.line;
	if (!d->failed) {
		legacy_fonts(d);
		/* A document converted from a PDF a line a paragraph keeps
		 * the PDF's page numbers and footnotes in its text. */
		clean_lines(d, NULL, 0);
	}
	return d->failed ? -1 : 0;
}
