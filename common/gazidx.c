/*
 * gazidx: a gazetteer CSV read into flat arrays of offsets (see
 * gazidx.h): its strings interned, its units' names folded to the key
 * they are found by, and its indexes by code, by province and by name
 * sorted; the same code at build time (gazgen) and for --gazetteer.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csvin.h"
#include "diag.h"
#include "gaz.h"
#include "gazidx.h"
#include "htab.h"
#include "utf8.h"
#include "xalloc.h"

void
gaz_name_key(struct buf *out, const char *p, size_t n)
{
	struct buf b = { 0 };
	size_t i = 0, k;

	/* Apostrophes ' ’ ‘ ʼ and one blank after them go. */
	while (i < n) {
		if (p[i] == '\'')
			k = 1;
		else if (n - i >= 3 && memcmp(p + i, "\u2019", 3) == 0)
			k = 3;
		else if (n - i >= 3 && memcmp(p + i, "\u2018", 3) == 0)
			k = 3;
		else if (n - i >= 2 && memcmp(p + i, "\u02bc", 2) == 0)
			k = 2;
		else
			k = 0;
		if (k == 0) {
			buf_addc(&b, p[i++]);
			continue;
		}
		i += k;
		if (i < n && p[i] == ' ')
			i++;
	}
	u8_name_key(out, b.p == NULL ? "" : b.p, b.n);
	buf_free(&b);
}

/* A text once in the strings, and where. */
struct text {
	struct hkey k;
	uint32_t off;
};

/* What reading builds: the strings with their table, and the arrays. */
struct build {
	struct buf str;
	struct htab seen;
	struct text **texts;
	size_t ntexts;
	uint32_t (*unit)[GF_N];
	size_t n, cap;
};

/* The offset of p[0..n) in the strings, added when new. */
static uint32_t
intern(struct build *b, const char *p, size_t n)
{
	uint64_t h = htab_hash(p, n);
	struct hkey *k = htab_find(&b->seen, p, n, h);
	struct text *t;

	if (k != NULL)
		return ((struct text *)k)->off;
	if (b->str.n > UINT32_MAX - n - 1)
		die(2, "gazetteer too large");
	t = xcalloc(1, sizeof(*t));
	t->k.key = xmemdup(p, n);
	t->k.keylen = n;
	t->k.hash = h;
	t->off = (uint32_t)b->str.n;
	buf_add(&b->str, p, n);
	buf_addc(&b->str, '\0');
	htab_add(&b->seen, &t->k);
	b->texts = xreallocarray(b->texts, b->ntexts + 1, sizeof(*b->texts));
	b->texts[b->ntexts++] = t;
	return t->off;
}

/* An order of units: the key, then the file order. */
struct ord {
	const char *key;
	uint32_t i;
};

static int
by_key(const void *a, const void *b)
{
	const struct ord *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

/* The units whose field f is wanted (all, or those not provinces) in
 * order of f; *n of them. */
static uint32_t *
order(const struct build *b, enum gaz_field f, int members, size_t *n)
{
	struct ord *v = xreallocarray(NULL, b->n + 1, sizeof(*v));
	uint32_t *out;
	size_t i, k = 0;

	for (i = 0; i < b->n; i++) {
		if (members &&
		    strcmp(b->str.p + b->unit[i][GF_LEVEL], "province") == 0)
			continue;
		v[k].key = b->str.p + b->unit[i][f];
		v[k++].i = (uint32_t)i;
	}
	qsort(v, k, sizeof(*v), by_key);
	out = xreallocarray(NULL, k + 1, sizeof(*out));
	for (i = 0; i < k; i++)
		out[i] = v[i].i;
	free(v);
	*n = k;
	return out;
}

struct gazidx *
gazidx_read(struct csvin *in)
{
	static const char *cols[] = { "code", "level", "name", "type",
		"parent_code", "province_code", "full_name", "valid_from",
		"valid_to" };
	enum { NC = sizeof(cols) / sizeof(cols[0]) };
	struct build b = { 0 };
	struct gazidx *x = xcalloc(1, sizeof(*x));
	struct buf key = { 0 };
	uint32_t *bycode, *members, *byname;
	long idx[NC];
	size_t i, k;

	csvin_require(in, cols, idx, NC);
	while (csvin_next(in)) {
		uint32_t *u, *prev;
		struct span s;

		if (b.n == b.cap) {
			b.cap = b.cap == 0 ? 16384 : b.cap * 2;
			b.unit = xreallocarray(b.unit, b.cap, sizeof(*b.unit));
		}
		prev = b.n > 0 ? b.unit[b.n - 1] : NULL;
		u = b.unit[b.n++];
		for (k = 0; k < NC; k++) {
			s = csvin_field(in, (size_t)idx[k]);
			u[k] = intern(&b, s.p, s.n);
		}
		/* Versions of one unit follow each other and mostly keep their
		 * name and type: their keys are not made again. */
		if (prev != NULL && u[GF_NAME] == prev[GF_NAME]) {
			u[GF_FOLD_NAME] = prev[GF_FOLD_NAME];
		} else {
			s = csvin_field(in, (size_t)idx[GF_NAME]);
			buf_clear(&key);
			gaz_name_key(&key, s.p, s.n);
			u[GF_FOLD_NAME] = intern(&b, key.p, key.n);
		}
		if (prev != NULL && u[GF_TYPE] == prev[GF_TYPE]) {
			u[GF_FOLD_TYPE] = prev[GF_FOLD_TYPE];
		} else {
			s = csvin_field(in, (size_t)idx[GF_TYPE]);
			buf_clear(&key);
			u8_fold(&key, s.p, s.n);
			u[GF_FOLD_TYPE] = intern(&b, key.p, key.n);
		}
	}
	buf_free(&key);
	bycode = order(&b, GF_CODE, 0, &k);
	members = order(&b, GF_PROVINCE, 1, &x->nmembers);
	byname = order(&b, GF_FOLD_NAME, 0, &k);
	for (i = 0; i < b.ntexts; i++) {
		free(b.texts[i]->k.key);
		free(b.texts[i]);
	}
	free(b.texts);
	htab_free(&b.seen);
	x->str = b.str.p;
	x->nstr = b.str.n;
	x->unit = (const uint32_t (*)[GF_N])b.unit;
	x->n = b.n;
	x->bycode = bycode;
	x->members = members;
	x->byname = byname;
	return x;
}

void
gazidx_free(struct gazidx *x)
{
	if (x == NULL)
		return;
	free((char *)x->str);
	free((uint32_t (*)[GF_N])x->unit);
	free((uint32_t *)x->bycode);
	free((uint32_t *)x->members);
	free((uint32_t *)x->byname);
	free(x);
}
