/*
 * The review page: common/data/review.html with its placeholders filled.
 *
 *	{{title}}	the page's title (HTML-escaped)
 *	{{csp}}		the Content-Security-Policy: nothing is loaded, and
 *			only this script and this stylesheet (by their
 *			SHA-256) run, so that nothing a report says can
 *			run even if it got into the markup
 *	{{style}}	common/data/review.css
 *	{{script}}	common/data/review.js
 *	{{data}}	the run as one JSON value (json_string escapes what
 *			could end the <script> element it sits in)
 *	{{label:KEY}}	the label "review:KEY" of labels.csv (HTML-escaped)
 *	{{hint:KEY}}	its hint (the unit_label column)
 *
 * Every value from the CSVs reaches the page through json_string, and the
 * script puts it into the document as text (never as markup), so a quote
 * holding "</script>" or "<img onerror=...>" is shown, not run.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "labels.h"
#include "review.h"
#include "sha256.h"
#include "xalloc.h"

extern const unsigned char data_review_html[], data_review_css[],
	data_review_js[];
extern const size_t data_review_html_len, data_review_css_len,
	data_review_js_len;

#define LABEL_PREFIX "review:"

void
html_escape(struct buf *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (p[i]) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '\'':
			buf_adds(b, "&#39;");
			break;
		default:
			buf_addc(b, p[i]);
		}
}

void
json_string(struct buf *b, const char *p, size_t n)
{
	size_t i;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20 || c == '<' || c == '>' || c == '&' ||
		    c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else if (c == 0xe2 && i + 2 < n && (unsigned char)p[i + 1] ==
		    0x80 && ((unsigned char)p[i + 2] == 0xa8 ||
		    (unsigned char)p[i + 2] == 0xa9)) {
			/* U+2028, U+2029: line ends to older script parsers */
			buf_printf(b, "\\u%04x", 0x2000 + (unsigned char)p[i + 2] -
			    0x80);
			i += 2;
		} else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

static void
json_str(struct buf *b, const char *s)
{
	json_string(b, s, strlen(s));
}

/* Appends path made absolute and without "." or ".." segments. */
static void
absolute(struct buf *b, const char *path)
{
	char *cwd;
	const char *p, *q;

	buf_clear(b);
	if (path[0] != '/') {
		if ((cwd = getcwd(NULL, 0)) == NULL)
			die(2, "getcwd:");
		buf_adds(b, cwd);
		free(cwd);
	}
	for (p = path; *p != '\0'; p = q) {
		size_t n;

		while (*p == '/')
			p++;
		for (q = p; *q != '\0' && *q != '/'; q++)
			;
		n = (size_t)(q - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (b->n > 0 && b->p[b->n - 1] != '/')
				b->n--;
			if (b->n > 0)
				b->n--;
			b->p[b->n] = '\0';
			continue;
		}
		buf_addc(b, '/');
		buf_add(b, p, n);
	}
	if (b->n == 0)
		buf_adds(b, "/");
}

/* A path segment as a URL path segment: all but unreserved bytes %XX. */
static void
url_segment(struct buf *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~')
			buf_addc(b, (char)c);
		else
			buf_printf(b, "%%%02X", c);
	}
}

void
href_of(struct buf *out, const char *path, const char *base)
{
	struct buf f = { 0 }, d = { 0 };
	size_t i, common = 0;
	const char *rest;

	absolute(&f, path);
	absolute(&d, base != NULL ? base : ".");
	if (d.n == 1)
		d.n = 0;	/* "/": every path is under it */
	/* the longest common run of whole segments */
	for (i = 0; i <= d.n && i < f.n; i++) {
		if (i == d.n || d.p[i] == '/') {
			if (f.p[i] == '/')
				common = i;
			if (i == d.n)
				break;
		}
		if (d.p[i] != f.p[i])
			break;
	}
	for (i = common; i < d.n; i++)
		if (d.p[i] == '/')
			buf_adds(out, "../");
	if (common == d.n)
		buf_adds(out, "./");	/* never read as a scheme */
	for (rest = f.p + common + 1; *rest != '\0';) {
		const char *q = strchr(rest, '/');
		size_t n = q == NULL ? strlen(rest) : (size_t)(q - rest);

		url_segment(out, rest, n);
		if (q == NULL)
			break;
		buf_addc(out, '/');
		rest = q + 1;
	}
	buf_free(&f);
	buf_free(&d);
}

static unsigned
hexval(char c)
{
	return c >= 'a' ? (unsigned)(c - 'a' + 10) : (unsigned)(c - '0');
}

/* The 'sha256-...' source of a CSP for the bytes of an inline element. */
static void
csp_hash(struct buf *b, const unsigned char *p, size_t n)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct sha256 h;
	unsigned char raw[33] = { 0 };
	char hex[65];
	size_t i;

	sha256_init(&h);
	sha256_add(&h, p, n);
	sha256_hex(&h, hex);
	for (i = 0; i < 32; i++)
		raw[i] = (unsigned char)(hexval(hex[2 * i]) << 4 |
		    hexval(hex[2 * i + 1]));
	buf_adds(b, "'sha256-");
	for (i = 0; i < 33; i += 3) {
		unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 |
		    raw[i + 2];

		buf_addc(b, b64[v >> 18 & 63]);
		buf_addc(b, b64[v >> 12 & 63]);
		buf_addc(b, i + 1 < 32 ? b64[v >> 6 & 63] : '=');
		buf_addc(b, i + 2 < 32 ? b64[v & 63] : '=');
	}
	buf_addc(b, '\'');
}

static int
has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void
json_labels(struct buf *b, const struct labels *lab)
{
	size_t i;
	int first = 1;

	buf_adds(b, "\"labels\":{");
	for (i = 0; i < lab->n; i++) {
		const struct label *l = &lab->v[i];

		if (!has_prefix(l->id, LABEL_PREFIX))
			continue;
		buf_adds(b, first ? "" : ",");
		first = 0;
		json_str(b, l->id + strlen(LABEL_PREFIX));
		buf_adds(b, ":[");
		json_str(b, l->label);
		buf_addc(b, ',');
		json_str(b, l->unit);
		buf_addc(b, ']');
	}
	buf_adds(b, "},\"inds\":[");
	first = 1;
	for (i = 0; i < lab->n; i++) {
		const struct label *l = &lab->v[i];

		if (has_prefix(l->id, LABEL_PREFIX))
			continue;
		buf_adds(b, first ? "[" : ",[");
		first = 0;
		json_str(b, l->id);
		buf_addc(b, ',');
		json_str(b, l->label);
		buf_addc(b, ',');
		json_str(b, l->unit);
		buf_addc(b, ']');
	}
	buf_addc(b, ']');
}

/* A JSON array of strings from fields, with a separator before it. */
static void
json_fields(struct buf *b, char *const *f, const int *which, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		buf_addc(b, ',');
		json_str(b, f[which[k]]);
	}
}

static void
json_docs(struct buf *b, const struct run *r, const struct labels *lab)
{
	static const int which[] = { D_DOC, D_PATH, D_STATUS, D_REASON,
		D_ISSUER, D_DOC_NO, D_DOC_DATE, D_TITLE, D_CODE, D_NAME, D_PROV,
		D_PERIOD };
	struct buf per = { 0 };
	size_t i;

	buf_adds(b, ",\"docs\":[");
	for (i = 0; i < r->ndoc; i++) {
		const struct rdoc *d = r->doc[i];

		buf_adds(b, i == 0 ? "[" : ",[");
		if (d->href == NULL)
			buf_adds(b, "null");
		else
			json_str(b, d->href);
		json_fields(b, d->f, which, sizeof(which) / sizeof(which[0]));
		buf_clear(&per);
		if (d->f[D_PERIOD][0] != '\0')
			labels_period(lab, &per, d->f[D_PERIOD]);
		buf_addc(b, ',');
		json_string(b, per.p == NULL ? "" : per.p, per.n);
		buf_printf(b, ",%d,%d]", d->in_manifest, d->in_table);
	}
	buf_addc(b, ']');
	buf_free(&per);
}

static void
json_facts(struct buf *b, const struct run *r)
{
	static const int which[] = { F_LINE, F_RAW, F_IND, F_VALUE, F_UNIT,
		F_SCOPE, F_QUAL, F_FLAGS, F_BEFORE, F_UNIT_TEXT, F_AFTER, F_ROW,
		F_COL };
	size_t i;
	int first = 1;

	buf_adds(b, ",\"facts\":[");
	for (i = 0; i < r->nfact; i++) {
		const struct rfact *f = &r->fact[i];
		int context = f->f[F_BEFORE][0] != '\0' ||
		    f->f[F_AFTER][0] != '\0' || f->f[F_ROW][0] != '\0' ||
		    f->f[F_COL][0] != '\0';

		if (!f->shown)
			continue;
		buf_printf(b, "%s[%zu,%zu,%d", first ? "" : ",", f->d->idx,
		    f->occurrence, f->chosen);
		first = 0;
		json_fields(b, f->f, which, sizeof(which) / sizeof(which[0]));
		/* the evidence only where extract's context is not there */
		buf_addc(b, ',');
		json_str(b, context ? "" : f->f[F_EVIDENCE]);
		buf_addc(b, ']');
	}
	buf_addc(b, ']');
}

static void
json_rest(struct buf *b, const struct run *r, const struct labels *lab)
{
	static const int xw[] = { X_LINE, X_RULE, X_IND, X_EXPECTED, X_ACTUAL,
		X_DETAIL };
	static const int cw[] = { C_REPORT, C_LINE, C_RAW, C_OCC, C_IND,
		C_VALUE, C_SCOPE, C_NOTE };
	struct buf per = { 0 };
	size_t i;

	buf_adds(b, ",\"findings\":[");
	for (i = 0; i < r->nfinding; i++) {
		const struct rfinding *x = &r->finding[i];

		buf_printf(b, "%s[%ld,", i == 0 ? "" : ",", x->d == NULL ? -1L :
		    (long)x->d->idx);
		json_str(b, x->docname);
		json_fields(b, x->f, xw, sizeof(xw) / sizeof(xw[0]));
		buf_addc(b, ']');
	}
	buf_adds(b, "],\"corrections\":[");
	for (i = 0; i < r->ncorr; i++) {
		buf_adds(b, i == 0 ? "[" : ",[");
		json_str(b, r->corr[i].f[cw[0]]);
		json_fields(b, r->corr[i].f, cw + 1, sizeof(cw) / sizeof(cw[0]) -
		    1);
		buf_addc(b, ']');
	}
	buf_adds(b, "],\"missing\":[");
	for (i = 0; i < r->nmissing; i++) {
		const struct rmissing *m = &r->missing[i];

		buf_adds(b, i == 0 ? "[" : ",[");
		json_str(b, m->prov);
		buf_addc(b, ',');
		json_str(b, m->period);
		buf_addc(b, ',');
		buf_clear(&per);
		labels_period(lab, &per, m->period);
		json_string(b, per.p, per.n);
		buf_addc(b, ',');
		json_str(b, m->unit->code);
		buf_addc(b, ',');
		json_str(b, m->unit->full_name);
		buf_printf(b, ",%d]", m->sent);
	}
	buf_addc(b, ']');
	buf_free(&per);
}

static void
json_run(struct buf *b, const struct run *r, const struct labels *lab,
    const char *title)
{
	buf_adds(b, "{\"title\":");
	json_str(b, title);
	buf_printf(b, ",\"manifest\":%d,", r->has_manifest);
	json_labels(b, lab);
	json_docs(b, r, lab);
	json_facts(b, r);
	json_rest(b, r, lab);
	buf_addc(b, '}');
}

/* Case-blind: does p[0..n) hold s? */
static int
contains_ci(const unsigned char *p, size_t n, const char *s)
{
	size_t i, k, m = strlen(s);

	for (i = 0; i + m <= n; i++) {
		for (k = 0; k < m; k++) {
			unsigned char c = p[i + k];

			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) !=
			    (unsigned char)s[k])
				break;
		}
		if (k == m)
			return 1;
	}
	return 0;
}

/* The label of key ("review:" key) or its hint. */
static const char *
label_of(const struct labels *lab, const char *key, size_t n, int hint)
{
	struct buf id = { 0 };
	const struct label *l;

	buf_adds(&id, LABEL_PREFIX);
	buf_add(&id, key, n);
	if ((l = labels_find(lab, id.p)) == NULL)
		die(2, "labels: no label '%s' (the page needs it)", id.p);
	buf_free(&id);
	return hint ? l->unit : l->label;
}

static void
placeholder(struct buf *out, const char *name, size_t n, const struct run *r,
    const struct labels *lab, const struct review_opts *o)
{
	if (n == 5 && memcmp(name, "title", 5) == 0)
		html_escape(out, o->title, strlen(o->title));
	else if (n == 3 && memcmp(name, "csp", 3) == 0) {
		buf_adds(out, "default-src 'none'; base-uri 'none'; "
		    "form-action 'none'; img-src data:; script-src ");
		csp_hash(out, data_review_js, data_review_js_len);
		buf_adds(out, "; style-src ");
		csp_hash(out, data_review_css, data_review_css_len);
	} else if (n == 5 && memcmp(name, "style", 5) == 0)
		buf_add(out, data_review_css, data_review_css_len);
	else if (n == 6 && memcmp(name, "script", 6) == 0)
		buf_add(out, data_review_js, data_review_js_len);
	else if (n == 4 && memcmp(name, "data", 4) == 0)
		json_run(out, r, lab, o->title);
	else if (n > 6 && memcmp(name, "label:", 6) == 0) {
		const char *s = label_of(lab, name + 6, n - 6, 0);

		html_escape(out, s, strlen(s));
	} else if (n > 5 && memcmp(name, "hint:", 5) == 0) {
		const char *s = label_of(lab, name + 5, n - 5, 1);

		html_escape(out, s, strlen(s));
	} else
		die(2, "internal error: review.html: unknown placeholder "
		    "'{{%.*s}}'", (int)n, name);
}

/* The first "cc" in p..end, or NULL. */
static const char *
find2(const char *p, const char *end, char c)
{
	for (; p + 1 < end; p++)
		if (p[0] == c && p[1] == c)
			return p;
	return NULL;
}

void
write_page(struct buf *out, const struct run *r, const struct labels *lab,
    const struct review_opts *o)
{
	const char *p = (const char *)data_review_html;
	const char *end = p + data_review_html_len;

	/* the inline elements must not be able to end themselves */
	if (contains_ci(data_review_js, data_review_js_len, "</script") ||
	    contains_ci(data_review_css, data_review_css_len, "</style"))
		internal_error("review.js or review.css closes its element");
	while (p < end) {
		const char *open = find2(p, end, '{'), *close;

		if (open == NULL || (close = find2(open, end, '}')) == NULL) {
			buf_add(out, p, (size_t)(end - p));
			break;
		}
		buf_add(out, p, (size_t)(open - p));
		placeholder(out, open + 2, (size_t)(close - open - 2), r, lab, o);
		p = close + 2;
	}
}
