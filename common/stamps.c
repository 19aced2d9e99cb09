/*
 * stamps: the lines a digital signature writes on a signed PDF's page
 * (see stamps.h): the labels loaded from common/data/stamps.csv, a line
 * read as a stamp's piece (a label and its value, a time, an e-mail),
 * pieces grouped into chains, and the signers and times kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "diag.h"
#include "gz.h"
#include "stamps.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

extern const unsigned char data_stamps[];
extern const size_t data_stamps_len;

struct stamp_label {
	char *folded;		/* the label, folded */
	size_t len;
	enum stamp_field field;
	int alone;
};

struct stamp_words {
	struct stamp_label *v;
	size_t n;
};

static const char *const field_names[] = { "", "signer", "organisation",
	"time", "email" };

static enum stamp_field
field_of(struct span s)
{
	size_t k;

	for (k = 1; k < sizeof(field_names) / sizeof(field_names[0]); k++)
		if (span_eq(s, field_names[k]))
			return (enum stamp_field)k;
	return STAMP_NONE;
}

struct stamp_words *
stamps_load(const char *path)
{
	static const char *cols[] = { "label", "field", "alone" };
	struct stamp_words *w = xcalloc(1, sizeof(*w));
	struct csvin *in;
	char *paths[1];
	long idx[3];

	if (path == NULL) {
		in = csvin_open_mem("(built-in stamps)", data_stamps,
		    data_stamps_len);
	} else {
		paths[0] = (char *)path;
		gz_check_inputs(paths, 1);
		in = csvin_open(paths, 1);
	}
	csvin_require(in, cols, idx, 3);
	while (csvin_next(in)) {
		struct span label = csvin_field(in, (size_t)idx[0]);
		struct span field = csvin_field(in, (size_t)idx[1]);
		struct span alone = csvin_field(in, (size_t)idx[2]);
		struct stamp_label *l;
		struct buf f = { 0 };

		if (label.n == 0)
			die_at(2, csvin_name(in), csvin_line(in),
			    "column 'label' is empty");
		if (field_of(field) == STAMP_NONE)
			die_at(2, csvin_name(in), csvin_line(in), "field '%s' is "
			    "not signer, organisation, time or email", field.p);
		if (!span_eq(alone, "yes") && !span_eq(alone, "no"))
			die_at(2, csvin_name(in), csvin_line(in), "alone '%s' is "
			    "not yes or no", alone.p);
		u8_fold(&f, label.p, label.n);
		w->v = xreallocarray(w->v, w->n + 1, sizeof(*w->v));
		l = &w->v[w->n++];
		l->folded = f.p;
		l->len = f.n;
		l->field = field_of(field);
		l->alone = span_eq(alone, "yes");
	}
	csvin_close(in);
	return w;
}

void
stamps_free(struct stamp_words *w)
{
	size_t k;

	if (w == NULL)
		return;
	for (k = 0; k < w->n; k++)
		free(w->v[k].folded);
	free(w->v);
	free(w);
}

/* Digits at s[*i], at least min and at most max of them, as a number;
 * -1 when there are not. */
static int
num(const char *s, size_t n, size_t *i, size_t min, size_t max)
{
	size_t k = 0;
	int v = 0;

	while (*i + k < n && k < max && wd_digit(s[*i + k]))
		v = v * 10 + (s[*i + k++] - '0');
	if (k < min || (*i + k < n && wd_digit(s[*i + k])))
		return -1;
	*i += k;
	return v;
}

/* A date at s[*i]: day, month and year. */
static int
date_at(const char *s, size_t n, size_t *i, int *y, int *m, int *d)
{
	size_t j = *i;
	char sep;

	if ((*y = num(s, n, &j, 4, 4)) >= 0) {
		if (j >= n || s[j] != '-')
			return 0;
		j++;
		if ((*m = num(s, n, &j, 1, 2)) < 0 || j >= n || s[j] != '-')
			return 0;
		j++;
		if ((*d = num(s, n, &j, 1, 2)) < 0)
			return 0;
	} else {
		j = *i;
		if ((*d = num(s, n, &j, 1, 2)) < 0 || j >= n ||
		    strchr("/.-", s[j]) == NULL)
			return 0;
		sep = s[j++];
		if ((*m = num(s, n, &j, 1, 2)) < 0 || j >= n || s[j] != sep)
			return 0;
		j++;
		if ((*y = num(s, n, &j, 4, 4)) < 0)
			return 0;
	}
	if (*m < 1 || *m > 12 || *d < 1 || *d > 31)
		return 0;
	*i = j;
	return 1;
}

/* A time of day at s[*i]: hh:mm or hh:mm:ss. */
static int
clock_at(const char *s, size_t n, size_t *i, int *h, int *mi, int *se)
{
	size_t j = *i;

	if ((*h = num(s, n, &j, 1, 2)) < 0 || j >= n || s[j] != ':')
		return 0;
	j++;
	if ((*mi = num(s, n, &j, 2, 2)) < 0)
		return 0;
	*se = 0;
	if (j + 1 < n && s[j] == ':' && wd_digit(s[j + 1])) {
		j++;
		if ((*se = num(s, n, &j, 2, 2)) < 0)
			return 0;
	}
	if (*h > 23 || *mi > 59 || *se > 59)
		return 0;
	*i = j;
	return 1;
}

static size_t
blanks(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A zone after a time: "+07:00", "+0700", "+7", "GMT+7", "UTC+07:00", "Z";
 * its length from i (0: none), written as "+07:00" to z. */
static size_t
zone_at(const char *s, size_t n, size_t i, char z[16])
{
	size_t j = blanks(s, n, i), k;
	int h, m = 0;
	char sign;

	if (j < n && s[j] == 'Z' && (j + 1 == n || s[j + 1] == ' ')) {
		memcpy(z, "+00:00", 7);
		return j + 1 - i;
	}
	if (j + 3 <= n && (memcmp(s + j, "GMT", 3) == 0 ||
	    memcmp(s + j, "UTC", 3) == 0))
		j += 3;
	if (j >= n || (s[j] != '+' && s[j] != '-'))
		return 0;
	sign = s[j++];
	for (k = 0; j + k < n && wd_digit(s[j + k]); k++)
		;
	if (k == 4) {
		h = (s[j] - '0') * 10 + (s[j + 1] - '0');
		m = (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
		j += 4;
	} else if (k == 1 || k == 2) {
		h = num(s, n, &j, 1, 2);
		if (j + 2 < n && s[j] == ':' && wd_digit(s[j + 1])) {
			j++;
			if ((m = num(s, n, &j, 2, 2)) < 0)
				return 0;
		}
	} else
		return 0;
	if (h > 14 || m > 59)
		return 0;
	snprintf(z, 16, "%c%02d:%02d", sign, h, m);
	return j - i;
}

size_t
stamps_time(const char *s, size_t n, char iso[STAMP_TIME_MAX])
{
	size_t i = 0, z;
	int y, mo, d, h, mi, se;
	char zone[16] = "";

	if (date_at(s, n, &i, &y, &mo, &d)) {
		/* "2025-01-24T14:23:43" or a blank between. */
		if (i < n && s[i] == 'T')
			i++;
		else if (blanks(s, n, i) == i)
			return 0;
		else
			i = blanks(s, n, i);
		if (!clock_at(s, n, &i, &h, &mi, &se))
			return 0;
	} else if (clock_at(s, n, &i, &h, &mi, &se)) {
		i = blanks(s, n, i);
		if (!date_at(s, n, &i, &y, &mo, &d))
			return 0;
	} else
		return 0;
	if ((z = zone_at(s, n, i, zone)) > 0)
		i += z;
	snprintf(iso, STAMP_TIME_MAX, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo,
	    d, h, mi, se, zone);
	return i;
}

static int
email_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    wd_digit(c) || c == '.' || c == '_' || c == '-' || c == '+';
}

/* Is s[0..n) an e-mail address, all of it? */
static int
is_email(const char *s, size_t n)
{
	size_t i, at = n, dot = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '@' && at == n && i > 0)
			at = i;
		else if (!email_char(s[i]))
			return 0;
		else if (at < n && s[i] == '.')
			dot = i;
	}
	return at < n && dot > at + 1 && n - dot > 2;
}

/* Does the folded label l start f[0..n), followed by blanks and a colon?
 * The offset past the colon, or 0. */
static size_t
label_at(const struct stamp_label *l, const char *f, size_t n)
{
	size_t i;

	if (n <= l->len || memcmp(f, l->folded, l->len) != 0)
		return 0;
	i = blanks(f, n, l->len);
	return i < n && f[i] == ':' ? i + 1 : 0;
}

/* Does value fit the field of a label? */
static int
fits(enum stamp_field field, struct span v, struct stamp_piece *p)
{
	switch (field) {
	case STAMP_TIME:
		return v.n > 0 && stamps_time(v.p, v.n, p->time) == v.n;
	case STAMP_EMAIL:
		return is_email(v.p, v.n);
	case STAMP_SIGNER:
	case STAMP_ORG:
		return v.n > 0 && v.n <= STAMP_VALUE_MAX;
	case STAMP_NONE:
		break;
	}
	return 0;
}

/* s[0..n) without blanks around it. */
static struct span
trim(const char *s, size_t n)
{
	struct span t;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	t.p = s;
	t.n = n;
	return t;
}

enum stamp_field
stamps_piece(const struct stamp_words *w, const char *s, size_t n,
    struct stamp_piece *p)
{
	struct span t = trim(s, n), v;
	struct buf f = { 0 };
	size_t *at = NULL, k, past = 0;

	memset(p, 0, sizeof(*p));
	/* Every stamp line holds a colon (a label, a time) or an '@'. */
	if (t.n == 0 || t.n > STAMP_VALUE_MAX + 40 || (memchr(t.p, ':', t.n) ==
	    NULL && memchr(t.p, '@', t.n) == NULL))
		return STAMP_NONE;
	if (stamps_time(t.p, t.n, p->time) == t.n) {
		p->field = STAMP_TIME;
		p->alone = 1;
		p->value = t;
		return p->field;
	}
	if (is_email(t.p, t.n)) {
		p->field = STAMP_EMAIL;
		p->value = t;
		return p->field;
	}
	u8_fold_at(&f, &at, t.p, t.n);
	for (k = 0; k < w->n && f.p != NULL; k++)
		if ((past = label_at(&w->v[k], f.p, f.n)) > 0)
			break;
	if (past > 0) {
		v = trim(t.p + at[past], t.n - at[past]);
		if (fits(w->v[k].field, v, p)) {
			p->field = w->v[k].field;
			p->alone = w->v[k].alone;
			p->value = v;
		}
	}
	buf_free(&f);
	free(at);
	if (p->field == STAMP_NONE)
		memset(p, 0, sizeof(*p));
	return p->field;
}

static void
add_signer(struct stamp_set *out, struct span s)
{
	size_t k;

	for (k = 0; k < out->nsigners; k++)
		if (strlen(out->signers[k]) == s.n &&
		    memcmp(out->signers[k], s.p, s.n) == 0)
			return;
	out->signers = xreallocarray(out->signers, out->nsigners + 1,
	    sizeof(*out->signers));
	out->signers[out->nsigners++] = xmemdup(s.p, s.n);
}

static void
add_time(struct stamp_set *out, const char *iso)
{
	size_t k, at;

	for (k = 0; k < out->ntimes; k++)
		if (strcmp(out->times[k], iso) == 0)
			return;
	for (at = 0; at < out->ntimes && strcmp(out->times[at], iso) < 0; at++)
		;
	out->times = xreallocarray(out->times, out->ntimes + 1,
	    sizeof(*out->times));
	memmove(&out->times[at + 1], &out->times[at],
	    (out->ntimes - at) * sizeof(*out->times));
	memcpy(out->times[at], iso, STAMP_TIME_MAX);
	out->ntimes++;
}

/* One chain of stamp lines, v[a..b): a stamp's when one is alone. */
static void
chain(const struct stamp_piece *v, size_t a, size_t b, unsigned char *keep,
    struct stamp_set *out)
{
	const struct stamp_piece *signer = NULL, *org = NULL;
	size_t k;
	int any = 0;

	for (k = a; k < b; k++)
		any |= v[k].field != STAMP_NONE && v[k].alone;
	if (!any)
		return;
	for (k = a; k < b; k++) {
		if (v[k].field == STAMP_NONE)
			continue;
		keep[k] = 1;
		out->lines++;
		if (v[k].field == STAMP_TIME)
			add_time(out, v[k].time);
		/* A new signer starts a new stamp. */
		if (v[k].field == STAMP_SIGNER && signer != NULL) {
			add_signer(out, signer->value);
			signer = org = NULL;
		}
		if (v[k].field == STAMP_SIGNER)
			signer = &v[k];
		else if (v[k].field == STAMP_ORG && org == NULL)
			org = &v[k];
	}
	if (signer != NULL || org != NULL)
		add_signer(out, (signer != NULL ? signer : org)->value);
}

void
stamps_group(const struct stamp_piece *v, const size_t *line, size_t n,
    unsigned char *keep, struct stamp_set *out)
{
	size_t k, a = 0, last = 0;
	int open = 0;

	for (k = 0; k < n; k++) {
		keep[k] = 0;
		if (v[k].field == STAMP_NONE)
			continue;
		if (open && line[k] > last + STAMP_NEAR) {
			chain(v, a, k, keep, out);
			open = 0;
		}
		if (!open) {
			a = k;
			open = 1;
		}
		last = line[k];
	}
	if (open)
		chain(v, a, n, keep, out);
}

void
stamps_signed_by(const struct stamp_set *s, struct buf *b)
{
	size_t k;

	for (k = 0; k < s->nsigners; k++) {
		if (k > 0)
			buf_adds(b, "; ");
		buf_adds(b, s->signers[k]);
	}
}

void
stamps_signed_at(const struct stamp_set *s, struct buf *b)
{
	size_t k;

	for (k = 0; k < s->ntimes; k++) {
		if (k > 0)
			buf_adds(b, "; ");
		buf_adds(b, s->times[k]);
	}
}

void
stamps_set_free(struct stamp_set *s)
{
	size_t k;

	for (k = 0; k < s->nsigners; k++)
		free(s->signers[k]);
	free(s->signers);
	free(s->times);
	memset(s, 0, sizeof(*s));
}
