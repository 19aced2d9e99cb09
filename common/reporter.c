/*
 * reporter: the unit that issued a report (see reporter.h): its document
 * date read, the units of its issuer's name in force then (or at its
 * period's end), one chosen by the places the report names or the
 * province given, and a reason naming the candidates when none is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "gaz.h"
#include "period.h"
#include "reporter.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

struct place {
	const char *type;	/* folded type word, or NULL */
	char *key;		/* u8_name_key of the name */
};

#define MAX_SHOWN 6		/* candidates named in an ambiguous reason */
#define REFORM_DAY "2025-07-01"	/* the two-tier units in force from */
#define REFORM_EVE "2025-06-30"
#define ISSUER(q) DIAG_QUOTE((q)->issuer.p, (q)->issuer.n)

int
reporter_doc_date(struct span s, char out[11])
{
	int d, m, y, k;
	char tmp[64];
	struct buf f = { 0 };
	size_t end;

	u8_fold(&f, s.p, s.n);
	k = f.p == NULL ? -1 : period_date_at(f.p, f.n, 0, &d, &m, &y, &end);
	/* A stamp's date, as ISO: "2025-01-24". */
	if (k != 0 && s.n == 10 && s.p[4] == '-' && s.p[7] == '-' &&
	    sscanf(f.p, "%4d-%2d-%2d", &y, &m, &d) == 3)
		k = 0;
	buf_free(&f);
	if (k != 0)
		return -1;
	if (d == 0)
		d = 1;
	k = snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y % 10000, m % 100,
	    d % 100);
	if (k != 10 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memcpy(out, tmp, 11);
	return 0;
}

/* The text w[..end) after as many words as folded[0..n) holds (a fold
 * keeps the word count). */
static const char *
skip_words_of(const char *w, const char *end, const char *folded, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (folded[i] == ' ' && w != NULL && w < end) {
			w = memchr(w, ' ', (size_t)(end - w));
			w = w == NULL ? end : w + 1;
		}
	return w == NULL ? end : w;
}

/*
 * Splits "HUYỆN BÌNH CHÁNH" or "UBND phường Quảng Minh" into its type word
 * (folded, or NULL when none is written) and the name's u8_name_key.
 */
static const char *
split_name(const char *p, size_t n, struct buf *key)
{
	struct buf f = { 0 };
	const char *type = NULL, *w = p, *end = p + n;

	buf_clear(key);
	u8_fold(&f, p, n);
	if (f.p == NULL)
		buf_adds(&f, "");
	/* Skip "UBND" / "Ủy ban nhân dân" and the type word(s): the word
	 * count is the same folded or not. */
	{
		const char *fp = f.p;
		size_t m = f.n, c;

		if ((c = words_prefix(WL_COMMITTEE, fp, m)) > 0 && c < m &&
		    fp[c] == ' ') {
			w = skip_words_of(w, end, fp, c + 1);
			fp += c + 1;
			m -= c + 1;
		}
		if ((type = words_prefix_text(WL_UNIT_TYPE, fp, m)) != NULL &&
		    fp[strlen(type)] == ' ') {
			w = skip_words_of(w, end, fp, strlen(type) + 1);
		} else
			type = NULL;
	}
	while (w < end && *w == ' ')
		w++;
	gaz_name_key(key, w, (size_t)(end - w));
	buf_free(&f);
	return type;
}

/* The document's "type Name; ..." list, split. */
static struct place *
parse_places(struct span s, size_t *np)
{
	struct place *v = NULL;
	const char *p = s.p, *e = s.p + s.n;
	size_t n = 0;

	while (p < e) {
		const char *sep = p, *stop;
		struct buf key = { 0 };

		while (sep + 1 < e && !(sep[0] == ';' && sep[1] == ' '))
			sep++;
		stop = sep + 1 < e ? sep : e;
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n].type = split_name(p, (size_t)(stop - p), &key);
		v[n].key = key.p;
		n++;
		p = stop + 2;
	}
	*np = n;
	return v;
}

static int
place_named(const struct place *v, size_t n, const char *type, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].key != NULL && strcmp(v[i].key, key) == 0 &&
		    (type == NULL || (v[i].type != NULL && strcmp(v[i].type, type) == 0)))
			return 1;
	return 0;
}

/* A candidate and how well the places of the document fit it. */
struct cand {
	const struct gaz_unit *u;
	int score;
};

static int
score(const struct gaz *g, const struct gaz_unit *u, const char *day,
    const struct place *pl, size_t npl)
{
	const struct gaz_unit *parent = gaz_by_code(g, u->parent, day);
	const struct gaz_unit *prov = gaz_by_code(g, u->province, day);
	int s = 0;

	if (place_named(pl, npl, u->fold_type, u->fold_name))
		s += 2;
	if (parent != NULL && strcmp(parent->level, "province") != 0 &&
	    place_named(pl, npl, NULL, parent->fold_name))
		s++;
	if (prov != NULL && place_named(pl, npl, NULL, prov->fold_name))
		s++;
	return s;
}

/*
 * Does the type word written (folded, NULL when none) fit unit u?  A
 * province issues only when its type is written ("TỈNH LÂM ĐỒNG",
 * "THÀNH PHỐ HỒ CHÍ MINH", a "thành phố trung ương"): a bare name is
 * taken for a district or a ward.
 */
static int
type_fits(const struct gaz_unit *u, const char *type)
{
	size_t n;

	if (strcmp(u->level, "province") != 0)
		return type == NULL || strcmp(u->fold_type, type) == 0;
	if (type == NULL)
		return 0;
	n = strlen(type);
	return strncmp(u->fold_type, type, n) == 0 &&
	    (u->fold_type[n] == '\0' || u->fold_type[n] == ' ');
}

/* The units the issuer can name on day, scored; returns how many. */
static size_t
candidates(const struct gaz *g, const struct reporter_query *q,
    const char *day, struct cand **out)
{
	struct buf key = { 0 };
	struct place *pl;
	const char *type = split_name(q->issuer.p, q->issuer.n, &key);
	struct cand *v = NULL;
	struct gaz_unit *const *named;
	size_t i, n = 0, npl, nnamed;

	pl = parse_places(q->places, &npl);
	named = gaz_by_name(g, key.p, &nnamed);
	for (i = 0; i < nnamed; i++) {
		const struct gaz_unit *u = named[i];

		if (!gaz_valid(u, day) || !type_fits(u, type) ||
		    (q->province != NULL && strcmp(u->province, q->province) != 0))
			continue;
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n].u = u;
		v[n++].score = score(g, u, day, pl, npl);
	}
	for (i = 0; i < npl; i++)
		free(pl[i].key);
	free(pl);
	buf_free(&key);
	*out = v;
	return n;
}

/* "07792 Phường Quảng Minh (Thị xã Việt Yên, Tỉnh Bắc Giang)" */
static void
describe(struct buf *b, const struct gaz *g, const struct gaz_unit *u,
    const char *day)
{
	const struct gaz_unit *parent = gaz_by_code(g, u->parent, day);
	const struct gaz_unit *prov = gaz_by_code(g, u->province, day);

	buf_printf(b, "%s %s", u->code, u->full_name);
	if (parent != NULL && parent != prov)
		buf_printf(b, " (%s, %s)", parent->full_name,
		    prov != NULL ? prov->full_name : u->province);
	else if (prov != NULL)
		buf_printf(b, " (%s)", prov->full_name);
}

/* The reason of an ambiguous issuer: the best candidates, a few named. */
static char *
ambiguous(const struct gaz *g, const struct reporter_query *q,
    const char *day, const struct cand *v, size_t n, int best)
{
	struct buf b = { 0 };
	size_t i, tied = 0, shown = 0;

	for (i = 0; i < n; i++)
		tied += v[i].score == best;
	buf_printf(&b, "issuer '%.*s%s' is ambiguous on %s: %zu units:",
	    ISSUER(q), day, tied);
	for (i = 0; i < n && shown < MAX_SHOWN; i++)
		if (v[i].score == best) {
			buf_adds(&b, shown++ > 0 ? "; " : " ");
			describe(&b, g, v[i].u, day);
		}
	if (tied > shown)
		buf_printf(&b, "; and %zu more", tied - shown);
	return b.p;
}

/*
 * An issuer that names a unit the 2025 reform abolished (a district, a
 * ward merged and renamed), in a report dated after it: the reason says
 * which unit that was, so that the report can be mapped by hand.
 */
static void
before_reform(struct buf *why, const struct gaz *g,
    const struct reporter_query *q, const char *day)
{
	struct cand *v = NULL;
	size_t n, i, shown = 0;
	int best = -1;

	if (strcmp(day, REFORM_DAY) < 0)
		return;
	n = candidates(g, q, REFORM_EVE, &v);
	for (i = 0; i < n; i++)
		best = v[i].score > best ? v[i].score : best;
	for (i = 0; i < n && shown < MAX_SHOWN; i++)
		if (v[i].score == best) {
			buf_adds(why, shown++ == 0 ? ": until the reform of "
			    REFORM_DAY ", " : "; ");
			describe(why, g, v[i].u, REFORM_EVE);
		}
	free(v);
}

void
reporter_resolve(const struct gaz *g, const struct reporter_query *q,
    struct reporter *r)
{
	struct buf why = { 0 };
	struct cand *v = NULL;
	const char *period = q->period;
	int best = -1;
	size_t i, n, tied = 0, at = 0;

	memset(r, 0, sizeof(*r));
	if (reporter_doc_date(q->date, r->day) != 0 &&
	    (period == NULL || period_end(period, strlen(period), r->day) != 0)) {
		r->day[0] = '\0';
		r->status = REPORTER_NO_DATE;
		buf_printf(&why, "no usable date for the issuer '%.*s%s'",
		    ISSUER(q));
		r->reason = why.p;
		return;
	}
	n = candidates(g, q, r->day, &v);
	for (i = 0; i < n; i++)
		if (v[i].score > best) {
			best = v[i].score;
			tied = 1;
			at = i;
		} else if (v[i].score == best) {
			tied++;
		}
	if (n == 0) {
		r->status = REPORTER_UNRESOLVED;
		buf_printf(&why, "issuer '%.*s%s' not in the gazetteer on %s%s%s",
		    ISSUER(q), r->day,
		    q->province != NULL ? " in province " : "",
		    q->province != NULL ? q->province : "");
		before_reform(&why, g, q, r->day);
		r->reason = why.p;
	} else if (tied > 1) {
		r->status = REPORTER_AMBIGUOUS;
		r->reason = ambiguous(g, q, r->day, v, n, best);
	} else {
		r->status = REPORTER_OK;
		r->unit = v[at].u;
	}
	free(v);
}

void
reporter_clear(struct reporter *r)
{
	free(r->reason);
	r->reason = NULL;
	r->unit = NULL;
}
