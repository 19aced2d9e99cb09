#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "diag.h"
#include "gz.h"
#include "labels.h"
#include "period.h"
#include "utf8.h"
#include "xalloc.h"

extern const unsigned char data_labels[];
extern const size_t data_labels_len;

static const char *const roman[] = { "I", "II", "III", "IV" };

/* Whether id labels a code of the city table (no unit label). */
static int
is_code(struct span id)
{
	size_t h = strlen(LABELS_HOW), f = strlen(LABELS_FLAG);

	return (id.n > h && memcmp(id.p, LABELS_HOW, h) == 0) ||
	    (id.n > f && memcmp(id.p, LABELS_FLAG, f) == 0);
}

struct labels *
labels_load(const char *path)
{
	const char *cols[] = { "id", "label", "unit_label" };
	struct labels *l = xcalloc(1, sizeof(*l));
	struct csvin *in;
	char *paths[1];
	long idx[3];
	size_t k;

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
	while (csvin_next(in)) {
		struct span id = csvin_field(in, (size_t)idx[0]);
		struct label *x;

		for (k = 0; k < 3; k++)
			if (csvin_field(in, (size_t)idx[k]).n == 0 &&
			    (k < 2 || !is_code(id)))
				die_at(2, csvin_name(in), csvin_line(in),
				    "column '%s' is empty", cols[k]);
		if (labels_find(l, id.p) != NULL && is_code(id))
			die_at(2, csvin_name(in), csvin_line(in),
			    "code '%s' given twice", id.p);
		if (labels_find(l, id.p) != NULL)
			die_at(2, csvin_name(in), csvin_line(in),
			    "indicator '%s' given twice", id.p);
		l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
		x = &l->v[l->n++];
		x->id = xmemdup(id.p, id.n);
		x->label = xmemdup(csvin_field(in, (size_t)idx[1]).p,
		    csvin_field(in, (size_t)idx[1]).n);
		x->unit = xmemdup(csvin_field(in, (size_t)idx[2]).p,
		    csvin_field(in, (size_t)idx[2]).n);
	}
	csvin_close(in);
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
	free(l->v);
	free(l);
}

size_t
labels_rank(const struct labels *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].id, id) == 0)
			return i;
	return l->n;
}

const struct label *
labels_find(const struct labels *l, const char *id)
{
	size_t i = labels_rank(l, id);

	return i < l->n ? &l->v[i] : NULL;
}

void
labels_period(struct buf *b, const char *p)
{
	size_t n = strlen(p);
	char end[11];
	int y, m0, m1;

	if (period_end(p, n, end) != 0) {
		buf_adds(b, p);
		return;
	}
	y = atoi(p);
	if (n == 4)
		buf_printf(b, "Năm %d", y);
	else if (p[5] == 'Q')
		buf_printf(b, "Quý %s năm %d", roman[p[6] - '1'], y);
	else if (p[5] == 'H')
		buf_printf(b, "6 tháng %s năm %d", p[6] == '1' ? "đầu" : "cuối", y);
	else if (n == 7)
		buf_printf(b, "Tháng %d năm %d", atoi(p + 5), y);
	else if ((m0 = atoi(p + 5)) == 1 && atoi(p + 8) == y)
		buf_printf(b, "%d tháng năm %d", atoi(p + 13), y);
	else if (atoi(p + 8) == y && (m1 = atoi(p + 13)) > 0)
		buf_printf(b, "Tháng %d–%d năm %d", m0, m1, y);
	else
		buf_printf(b, "Tháng %d năm %d – tháng %d năm %d", m0, y,
		    atoi(p + 13), atoi(p + 8));
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
