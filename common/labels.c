/*
 * labels: the Vietnamese words people read, loaded from labels.csv (see
 * labels.h), indexed by id; templates filled; periods named.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "diag.h"
#include "gz.h"
#include "htab.h"
#include "labels.h"
#include "period.h"
#include "utf8.h"
#include "xalloc.h"

extern const unsigned char data_labels[];
extern const size_t data_labels_len;

/* The index by id: one entry per label. */
struct lentry {
	struct hkey k;
	size_t i;
};

struct labels_index {
	struct htab h;
	struct lentry *e;
};

static const char *const roman[] = { "I", "II", "III", "IV" };

static int has_prefix(struct span, const char *);
static int is_indicator(struct span);
static void read_rows(struct labels *, struct csvin *, const long *,
	const char *const *, size_t **);
static void index_labels(struct labels *, const char *, const size_t *);
static const char *period_template(const struct labels *, const char *);
static void fill_period(const struct labels *, struct buf *, const char *,
	size_t);

static int
has_prefix(struct span id, const char *pre)
{
	size_t n = strlen(pre);

	return id.n > n && memcmp(id.p, pre, n) == 0;
}

/* Whether id names an indicator, which needs a unit label: every id but
 * the codes, groups, periods and the words of the workbook and the page. */
static int
is_indicator(struct span id)
{
	return !has_prefix(id, LABELS_HOW) && !has_prefix(id, LABELS_FLAG) &&
	    !has_prefix(id, LABELS_GROUP) && !has_prefix(id, LABELS_PERIOD) &&
	    memchr(id.p, ':', id.n) == NULL;
}

/* The rows, in file order, each indicator in the last group above it;
 * *line the line of each row. */
static void
read_rows(struct labels *l, struct csvin *in, const long *idx,
    const char *const *cols, size_t **line)
{
	size_t k, group = (size_t)-1;

	while (csvin_next(in)) {
		struct span id = csvin_field(in, (size_t)idx[0]);
		struct span lab = csvin_field(in, (size_t)idx[1]);
		struct span unit = csvin_field(in, (size_t)idx[2]);
		struct label *x;

		for (k = 0; k < 3; k++)
			if (csvin_field(in, (size_t)idx[k]).n == 0 &&
			    (k < 2 || is_indicator(id)))
				die_at(2, csvin_name(in), csvin_line(in),
				    "column '%s' is empty", cols[k]);
		l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
		*line = xreallocarray(*line, l->n + 1, sizeof(**line));
		(*line)[l->n] = csvin_line(in);
		x = &l->v[l->n++];
		x->id = xmemdup(id.p, id.n);
		x->label = xmemdup(lab.p, lab.n);
		x->unit = xmemdup(unit.p, unit.n);
		if (has_prefix(id, LABELS_GROUP))
			group = l->n - 1;
		x->group = is_indicator(id) ? group : (size_t)-1;
	}
	for (k = 0; k < l->n; k++)
		if (l->v[k].group == (size_t)-1)
			l->v[k].group = l->n;
}

/* The index by id; an id given twice is an error at its second line. */
static void
index_labels(struct labels *l, const char *name, const size_t *line)
{
	struct labels_index *x = xcalloc(1, sizeof(*x));
	size_t i;

	x->e = xcalloc(l->n + 1, sizeof(*x->e));
	for (i = 0; i < l->n; i++) {
		struct lentry *e = &x->e[i];

		e->k.key = l->v[i].id;
		e->k.keylen = strlen(e->k.key);
		e->k.hash = htab_hash(e->k.key, e->k.keylen);
		e->i = i;
		/* Two formats, not one with the kind filled in: a
		 * translation words each sentence whole. */
		if (htab_find(&x->h, e->k.key, e->k.keylen, e->k.hash) !=
		    NULL) {
			if (is_indicator(span_of(e->k.key)))
				die_at(2, name, line[i],
				    "indicator '%s' given twice", e->k.key);
			die_at(2, name, line[i], "code '%s' given twice",
			    e->k.key);
		}
		htab_add(&x->h, &e->k);
	}
	l->index = x;
}

struct labels *
labels_load(const char *path)
{
	const char *cols[] = { "id", "label", "unit_label" };
	struct labels *l = xcalloc(1, sizeof(*l));
	struct csvin *in;
	char *paths[1], *name;
	size_t *line = NULL;
	long idx[3];

	if (path == NULL) {
		in = csvin_open_mem("(built-in labels)", data_labels,
		    data_labels_len);
	} else {
		paths[0] = (char *)path;
		gz_check_inputs(paths, 1);
		in = csvin_open(paths, 1);
	}
	if (csvin_col(in, "id") < 0 && csvin_col(in, "indicator") >= 0)
		cols[0] = "indicator";
	csvin_require(in, cols, idx, 3);
	read_rows(l, in, idx, cols, &line);
	name = xstrdup(csvin_name(in));
	csvin_close(in);
	index_labels(l, name, line);
	free(name);
	free(line);
	return l;
}

void
labels_free(struct labels *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].label);
		free(l->v[i].unit);
	}
	if (l->index != NULL) {
		htab_free(&l->index->h);
		free(l->index->e);
		free(l->index);
	}
	free(l->v);
	free(l);
}

size_t
labels_rank(const struct labels *l, const char *id)
{
	size_t n = strlen(id);
	const struct hkey *k = htab_find(&l->index->h, id, n, htab_hash(id, n));

	return k != NULL ? ((const struct lentry *)k)->i : l->n;
}

const struct label *
labels_find(const struct labels *l, const char *id)
{
	size_t i = labels_rank(l, id);

	return i < l->n ? &l->v[i] : NULL;
}

const struct label *
labels_group(const struct labels *l, const char *id)
{
	const struct label *x = labels_find(l, id);

	return x != NULL && x->group < l->n ? &l->v[x->group] : NULL;
}

void
labels_fill(struct buf *b, const char *t, ...)
{
	const char *open, *close;
	va_list ap;

	while ((open = strchr(t, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		const char *name, *value = NULL;
		size_t n = (size_t)(close - open - 1);

		buf_add(b, t, (size_t)(open - t));
		va_start(ap, t);
		while ((name = va_arg(ap, const char *)) != NULL) {
			const char *v = va_arg(ap, const char *);

			if (strlen(name) == n && memcmp(name, open + 1, n) == 0) {
				value = v;
				break;
			}
		}
		va_end(ap);
		if (value != NULL)
			buf_adds(b, value);
		else
			buf_add(b, open, (size_t)(close - open + 1));
		t = close + 1;
	}
	buf_adds(b, t);
}

/* The template of a period's shape, or NULL. */
static const char *
period_template(const struct labels *l, const char *shape)
{
	struct buf id = { 0 };
	const struct label *x;

	buf_adds(&id, LABELS_PERIOD);
	buf_adds(&id, shape);
	x = labels_find(l, id.p);
	buf_free(&id);
	return x != NULL ? x->label : NULL;
}

/* Day "YYYY-MM-DD" at p as "dd/mm/yyyy". */
static void
day_name(char out[11], const char *p)
{
	snprintf(out, 11, "%.2s/%.2s/%.4s", p + 8, p + 5, p);
}

/* The period p[0..n), known canonical, by its shape's template. */
static void
fill_period(const struct labels *l, struct buf *b, const char *p, size_t n)
{
	char y[5], y1[5], m0[12], m1[12], w[12], d0[11], d1[11];
	const char *shape, *t;
	int months = n == 15 || (n == 7 && p[5] != 'Q' && p[5] != 'H');

	snprintf(y, sizeof(y), "%.4s", p);
	snprintf(y1, sizeof(y1), "%.4s", n == 9 ? p + 5 : n == 15 ? p + 8 : p);
	snprintf(m0, sizeof(m0), "%d", months ? atoi(p + 5) : 0);
	snprintf(m1, sizeof(m1), "%d", n == 15 ? atoi(p + 13) : 0);
	snprintf(w, sizeof(w), "%d", n == 8 ? atoi(p + 6) : 0);
	if (n == 4)
		shape = "year";
	else if (n == 7 && p[5] == 'Q')
		shape = "quarter";
	else if (n == 7 && p[5] == 'H')
		shape = p[6] == '1' ? "half1" : "half2";
	else if (n == 7)
		shape = "month";
	else if (n == 8)
		shape = "week";
	else if (n == 9)
		shape = "years";
	else if (n == 15 && strcmp(y, y1) != 0)
		shape = "months-across";
	else if (n == 15)
		shape = atoi(p + 5) == 1 ? "months-to" : "months";
	else
		shape = "days";
	if ((t = period_template(l, shape)) == NULL) {
		buf_add(b, p, n);
		return;
	}
	if (n == 21) {
		day_name(d0, p);
		day_name(d1, p + 11);
	} else
		d0[0] = d1[0] = '\0';
	labels_fill(b, t, "y", y, "y0", y, "y1", y1,
	    "q", n == 7 && p[5] == 'Q' ? roman[p[6] - '1'] : "",
	    "m", m0, "m0", m0, "m1", m1, "w", w,
	    "d0", d0, "d1", d1, (const char *)NULL);
}

void
labels_period(const struct labels *l, struct buf *b, const char *p)
{
	size_t n = strlen(p);
	char end[11];

	if (period_end(p, n, end) != 0)
		buf_adds(b, p);
	else
		fill_period(l, b, p, n);
}

/* Compares the digit runs at *a and *b as numbers; advances past them. */
static int
cmp_digits(const char **a, const char **b)
{
	const char *x = *a, *y = *b, *xe, *ye;
	size_t nx, ny;
	int c;

	while (*x == '0' && x[1] >= '0' && x[1] <= '9')
		x++;
	while (*y == '0' && y[1] >= '0' && y[1] <= '9')
		y++;
	for (xe = x; *xe >= '0' && *xe <= '9'; xe++)
		;
	for (ye = y; *ye >= '0' && *ye <= '9'; ye++)
		;
	nx = (size_t)(xe - x);
	ny = (size_t)(ye - y);
	*a = xe;
	*b = ye;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	c = memcmp(x, y, nx);
	return c < 0 ? -1 : c > 0;
}

static int
natcmp_folded(const char *a, const char *b)
{
	for (;;) {
		int da = *a >= '0' && *a <= '9', db = *b >= '0' && *b <= '9';

		if (da && db) {
			int c = cmp_digits(&a, &b);

			if (c != 0)
				return c;
			continue;
		}
		if (*a != *b || *a == '\0')
			return (unsigned char)*a < (unsigned char)*b ? -1 :
			    (unsigned char)*a > (unsigned char)*b;
		a++;
		b++;
	}
}

int
labels_natcmp(const char *a, const char *b)
{
	struct buf fa = { 0 }, fb = { 0 };
	int c;

	u8_fold(&fa, a, strlen(a));
	u8_fold(&fb, b, strlen(b));
	c = natcmp_folded(fa.p == NULL ? "" : fa.p, fb.p == NULL ? "" : fb.p);
	buf_free(&fa);
	buf_free(&fb);
	if (c == 0)
		c = strcmp(a, b);
	return c < 0 ? -1 : c > 0;
}
