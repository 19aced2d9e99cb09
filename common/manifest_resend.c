/*
 * manifest: two or more reports for one reporter, period, body and
 * subject (see manifest.h): one report in several forms (a .docx and its
 * signed PDF) read once, and of versions the later one summed, by date,
 * number, the words of a resend, file time; or, where none says, neither.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fname.h"
#include "manifest.h"
#include "manifest_int.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

/*
 * What the report is about: its title folded, without its period and the
 * words that mark a resend ("bổ sung", "thay thế", ...), letters only.
 * Two reports of one reporter and period are a report and its resend when
 * their subjects are one; a province's report on administrative reform and
 * its report on drug prevention are two reports.
 */
static void
subject(struct buf *out, const char *title, const char *period_text)
{
	struct buf f = { 0 }, p = { 0 };
	char *at;
	size_t i, k;

	buf_addc(&f, ' ');
	u8_fold(&f, title, strlen(title));
	buf_addc(&f, ' ');
	u8_fold(&p, period_text, strlen(period_text));
	if (p.n > 0 && (at = strstr(f.p, p.p)) != NULL)
		memset(at, ' ', p.n);
	for (i = 0; i < f.n; i++)
		if (f.p[i] < 'a' || f.p[i] > 'z')
			f.p[i] = ' ';
	for (i = 0; i < f.n; i++)
		if ((i == 0 || f.p[i - 1] == ' ') &&
		    (k = words_prefix(WL_RESEND_WORD, f.p + i, f.n - i)) > 0)
			memset(f.p + i, ' ', k);
	for (i = 0; i < f.n; i++)
		if (f.p[i] != ' ' || (out->n > 0 && out->p[out->n - 1] != ' '))
			buf_addc(out, f.p[i]);
	while (out->n > 0 && out->p[out->n - 1] == ' ')
		out->n--;
	buf_free(&f);
	buf_free(&p);
}

/* Which form of one report is read: a .docx, a .doc, text, a PDF's text
 * layer, OCR. */
static int
reader_rank(const char *reader)
{
	static const char *const order[] = { "docx", "doc", "text", "pdf",
		"ocr", NULL };
	int k;

	for (k = 0; order[k] != NULL; k++)
		if (strcmp(reader, order[k]) == 0)
			return k;
	return k;
}

/* The document number without blanks, folded ("676/bc-ubnd"). */
static void
number_key(struct buf *out, const char *no)
{
	struct buf f = { 0 };
	size_t i;

	if (u8_invalid(no, strlen(no)) == strlen(no))
		u8_fold(&f, no, strlen(no));
	for (i = 0; i < f.n; i++)
		if (f.p[i] != ' ')
			buf_addc(out, f.p[i]);
	buf_adds(out, "");
	buf_free(&f);
}

/* Its number's figure ("676 /BC-UBND": 676), or -1. */
static long
number_of(const char *no)
{
	long v = -1;

	while (*no == ' ')
		no++;
	for (; wd_digit(*no) && v < 100000000; no++)
		v = (v < 0 ? 0 : v * 10) + (*no - '0');
	return v;
}

/* Are x and y one report in two forms: one date, one number, the same
 * figures? */
static int
same_report(const struct mstate *st, const struct mrow *x, const struct mrow *y)
{
	struct buf a = { 0 }, b = { 0 };
	int yes;

	if (x->day[0] == '\0' || strcmp(x->day, y->day) != 0 ||
	    opt(st, x, X_DIGEST)[0] == '\0' ||
	    strcmp(opt(st, x, X_DIGEST), opt(st, y, X_DIGEST)) != 0)
		return 0;
	number_key(&a, fld(st, x, I_DOC_NO));
	number_key(&b, fld(st, y, I_DOC_NO));
	yes = a.n > 0 && strcmp(a.p, b.p) == 0;
	buf_free(&a);
	buf_free(&b);
	return yes;
}

/* What decided which of two versions is the later. */
enum rule { R_NONE, R_DATE, R_NUMBER, R_WORDS, R_TIME };

/* Which of x and y is the later version (see manifest.h): > 0 x, < 0 y,
 * 0 when nothing says; *rule what said it. */
static int
later(const struct mstate *st, const struct mrow *x, const struct mrow *y,
    enum rule *rule)
{
	long nx = number_of(fld(st, x, I_DOC_NO));
	long ny = number_of(fld(st, y, I_DOC_NO));
	const char *tx = opt(st, x, X_MODIFIED), *ty = opt(st, y, X_MODIFIED);
	int c;

	*rule = R_DATE;
	if (x->day[0] != '\0' && y->day[0] != '\0' &&
	    (c = strcmp(x->day, y->day)) != 0)
		return c;
	*rule = R_NUMBER;
	if (nx >= 0 && ny >= 0 && nx != ny)
		return nx > ny ? 1 : -1;
	*rule = R_WORDS;
	if (x->resend != y->resend)
		return x->resend > y->resend ? 1 : -1;
	*rule = R_TIME;
	if (tx[0] != '\0' && ty[0] != '\0' && (c = strcmp(tx, ty)) != 0)
		return c;
	*rule = R_NONE;
	return 0;
}

/* The reason of a report the resend win replaces, by rule. */
static char *
superseded_by(const struct mstate *st, const struct mrow *old,
    const struct mrow *win, enum rule rule)
{
	struct buf why = { 0 };

	buf_printf(&why, "resent: '%s' replaces it: ", fld(st, win, I_PATH));
	switch (rule) {
	case R_DATE:
		buf_printf(&why, "dated %s%s, after %s%s", win->day,
		    win->stamp_day ? " (by its signature stamp)" : "", old->day,
		    old->stamp_day ? " (by its signature stamp)" : "");
		break;
	case R_NUMBER:
		buf_printf(&why, "%s, numbered %ld after %ld", win->day[0] != '\0' ?
		    "the same date" : "no date", number_of(fld(st, win, I_DOC_NO)),
		    number_of(fld(st, old, I_DOC_NO)));
		break;
	case R_WORDS:
		buf_adds(&why, "the same date and number, and its title or "
		    "file name says it is sent again");
		break;
	default:
		buf_printf(&why, "the same date and number, and a later file "
		    "time (%s, after %s)", opt(st, win, X_MODIFIED),
		    opt(st, old, X_MODIFIED));
		break;
	}
	return why.p;
}

/* The order the forms of one report are preferred in (same_reports). */
static int
by_preference(const void *a, const void *b)
{
	const struct mrow *x = *(struct mrow *const *)a;
	const struct mrow *y = *(struct mrow *const *)b;
	const struct mstate *st = x->st_of;
	int c = reader_rank(opt(st, x, X_READER)) -
	    reader_rank(opt(st, y, X_READER));

	if (c == 0)
		c = x->copy - y->copy;
	if (c == 0)
		c = x->order < y->order ? -1 : x->order > y->order;
	return c;
}

/* Of each report in several forms, all but the one read are same-report. */
static void
same_reports(struct mstate *st, struct mrow **g, size_t n)
{
	size_t i, j;
	int signed_form;

	qsort(g, n, sizeof(*g), by_preference);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n && g[i]->st == M_OK; j++) {
			struct buf why = { 0 };

			if (g[j]->st != M_OK || !same_report(st, g[i], g[j]))
				continue;
			signed_form = opt(st, g[j], X_SIGNED_BY)[0] != '\0' ||
			    fname_signed(fld(st, g[j], I_PATH));
			buf_printf(&why, "the same report as '%s' (the same "
			    "number, date and figures) in %s: that one is read",
			    fld(st, g[i], I_PATH), signed_form ?
			    "its signed form" : "another form");
			set_status(g[j], M_SAME_REPORT, why.p);
		}
}

/*
 * The versions g[0..n) of one report (all ok): the later wins, the
 * others are superseded.  Where nothing says which is the later, the
 * versions no other one is later than are ambiguous-resend (all of them
 * when each is beaten by another, in a circle), the others superseded.
 */
static void
settle_versions(struct mstate *st, struct mrow **g, size_t n)
{
	struct mrow **beat = xcalloc(n + 1, sizeof(*beat));
	size_t i, j, top = 0, win = 0;
	enum rule rule;

	for (i = 0; i < n; i++)
		for (j = 0; j < n && beat[i] == NULL; j++)
			if (j != i && later(st, g[j], g[i], &rule) > 0)
				beat[i] = g[j];
	for (i = 0; i < n; i++)
		if (beat[i] == NULL && top++ == 0)
			win = i;
	for (i = 0; i < n; i++) {
		struct buf why = { 0 };

		if (top == 1 && i != win && later(st, g[win], g[i], &rule) > 0) {
			set_status(g[i], M_SUPERSEDED, superseded_by(st, g[i],
			    g[win], rule));
			continue;
		}
		if (top > 0 && beat[i] != NULL) {
			later(st, beat[i], g[i], &rule);
			set_status(g[i], M_SUPERSEDED, superseded_by(st, g[i],
			    beat[i], rule));
			continue;
		}
		if (top == 1)
			continue;	/* the one summed */
		for (j = 0; j < n; j++)
			if (j != i && (top == 0 || beat[j] == NULL))
				break;
		buf_printf(&why, "two versions of one report: this and '%s' are "
		    "of one unit, period and subject, and nothing says which "
		    "is the later (date, number, the words of a resend, file "
		    "time): neither is summed; take the wrong one out of the "
		    "folder, or -r both", fld(st, g[j], I_PATH));
		set_status(g[i], M_AMBIGUOUS_RESEND, why.p);
	}
	free(beat);
}

/*
 * Two or more reports for one reporter, period, body and subject (two
 * bodies' reports are two reports, when --body sums both): one report
 * in several forms is read once (same_reports); of versions, the later
 * is summed (settle_versions), or as --resends says.
 */
void
mf_settle_resends(struct mstate *st)
{
	struct keyed *v = xreallocarray(NULL, st->n + 1, sizeof(*v));
	struct mrow **g = xreallocarray(NULL, st->n + 1, sizeof(*g));
	size_t i, j, k, n = 0, end;

	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK) {
			struct buf slot = { 0 };

			buf_adds(&slot, st->r[i].period);
			buf_addc(&slot, '\x1f');
			buf_adds(&slot, mf_body(st, &st->r[i]));
			buf_addc(&slot, '\x1f');
			subject(&slot, fld(st, &st->r[i], I_TITLE),
			    fld(st, &st->r[i], I_PERIOD_TEXT));
			buf_adds(&slot, "");
			free(st->r[i].slot);
			st->r[i].slot = slot.p;
			v[n].k1 = st->r[i].code;
			v[n].k2 = st->r[i].slot;
			v[n].k3 = "";
			v[n++].r = &st->r[i];
		}
	qsort(v, n, sizeof(*v), mf_by_key);
	for (i = 0; i < n; i = end) {
		for (end = i + 1; end < n && strcmp(v[end].k1, v[i].k1) == 0 &&
		    strcmp(v[end].k2, v[i].k2) == 0; end++)
			;
		if (end - i < 2)
			continue;
		for (j = i, k = 0; j < end; j++)
			g[k++] = v[j].r;
		same_reports(st, g, k);
		for (j = i, k = 0; j < end; j++)
			if (v[j].r->st == M_OK)
				g[k++] = v[j].r;
		if (k < 2 || st->o->resends == RESENDS_BOTH)
			continue;
		if (st->o->resends == RESENDS_ERROR)
			die(2, "%s: %s: another report of %s for %s (--resends "
			    "error)", fld(st, g[0], I_PATH),
			    fld(st, g[k - 1], I_PATH), v[i].k1, g[0]->period);
		settle_versions(st, g, k);
	}
	free(g);
	free(v);
}
