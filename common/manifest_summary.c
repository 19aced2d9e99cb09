/*
 * manifest: the run's summary on stderr (see manifest_run in manifest.h):
 * the files by status, the province summed, other bodies' reports, the
 * folders read and left out, and coverage per province and period.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "gaz.h"
#include "manifest.h"
#include "manifest_int.h"
#include "period.h"
#include "xalloc.h"

/* A resolved report that counts as having reported, for coverage. */
struct cov {
	const char *prov, *period, *code;
	char end[11];
};

static int
by_cov(const void *a, const void *b)
{
	const struct cov *x = a, *y = b;
	int c = strcmp(x->prov, y->prov);

	if (c == 0)
		c = strcmp(x->end, y->end);
	if (c == 0)
		c = strcmp(x->period, y->period);
	if (c == 0)
		c = strcmp(x->code, y->code);
	return c;
}

/*
 * One line per province and period: how many of the units that should
 * report did (ok or no-figures), and a line where the kind of those units
 * changes (the 2025 reform: districts, then wards).
 */
static void
coverage(const struct mstate *st)
{
	struct cov *v = xreallocarray(NULL, st->n + 1, sizeof(*v));
	char **codes = xreallocarray(NULL, st->n + 1, sizeof(*codes));
	const char *level, *last_level = NULL, *last_prov = "", *last_per = "";
	size_t i, j, n = 0, k, covered, total;

	for (i = 0; i < st->n; i++) {
		const struct mrow *r = &st->r[i];

		if ((r->st != M_OK && r->st != M_NO_FIGURES) || r->prov == NULL ||
		    r->period == NULL || period_end(r->period, strlen(r->period),
		    v[n].end) != 0)
			continue;
		v[n].prov = r->prov;
		v[n].period = r->period;
		v[n++].code = r->code;
	}
	qsort(v, n, sizeof(*v), by_cov);
	for (i = 0; i < n; i = j) {
		for (j = i, k = 0; j < n && strcmp(v[j].prov, v[i].prov) == 0 &&
		    strcmp(v[j].period, v[i].period) == 0; j++)
			if (j == i || strcmp(v[j].code, v[j - 1].code) != 0)
				codes[k++] = (char *)v[j].code;
		total = gaz_coverage(st->g, v[i].prov, v[i].end, codes, k, &covered);
		gaz_reporting_units(st->g, v[i].prov, v[i].end, &level);
		if (strcmp(last_prov, v[i].prov) == 0 && last_level != NULL &&
		    strcmp(last_level, level) != 0)
			warn("coverage %s: %s-level units from %s on, %s-level "
			    "units up to %s (the two-tier reform of 2025-07-01)",
			    v[i].prov, level, v[i].period, last_level, last_per);
		warn("coverage %s %s: %zu of %zu %s-level units", v[i].prov,
		    v[i].period, covered, total, level);
		last_prov = v[i].prov;
		last_per = v[i].period;
		last_level = level;
	}
	free(codes);
	free(v);
}

/* The folder of path ("." for none), appended. */
static void
folder_of(struct buf *b, const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n == 0)
		buf_adds(b, ".");
	else
		buf_add(b, path, n);
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "N (a, b, c, ...)": the distinct strings of v[0..n) (sorted here),
 * three of them named. */
static void
names_of(struct buf *b, char **v, size_t n)
{
	size_t i, k = 0, shown = 0;

	qsort(v, n, sizeof(*v), by_string);
	for (i = 0; i < n; i++)
		k += i == 0 || strcmp(v[i], v[i - 1]) != 0;
	buf_printf(b, "%zu (", k);
	for (i = 0; i < n && shown < 3; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			buf_printf(b, "%s'%s'", shown++ > 0 ? ", " : "", v[i]);
	buf_adds(b, shown < k ? ", ...)" : ")");
}

/*
 * The folders read (those of the files listed, an archive's path for its
 * files) and those left out: a line when there is more than one folder
 * or one was left out.
 */
static void
folders(const struct mstate *st)
{
	char **in = xreallocarray(NULL, st->n + 1, sizeof(*in));
	char **out = xreallocarray(NULL, st->n + 1, sizeof(*out));
	size_t i, nin = 0, nout = 0;
	struct buf b = { 0 }, l = { 0 };

	for (i = 0; i < st->n; i++) {
		const char *path = fld(st, &st->r[i], I_PATH);
		struct buf f = { 0 };

		if (st->r[i].st == M_FOLDER) {
			buf_adds(&f, path);
			while (f.n > 1 && f.p[f.n - 1] == '/')
				f.p[--f.n] = '\0';
			out[nout++] = f.p;
		} else {
			folder_of(&f, path);
			in[nin++] = f.p;
		}
	}
	qsort(in, nin, sizeof(*in), by_string);
	for (i = 1; i < nin && strcmp(in[i], in[0]) == 0; i++)
		;
	if (nout > 0 || i < nin) {
		names_of(&b, in, nin);
		if (nout > 0) {
			names_of(&l, out, nout);
			warn("folders read: %s; left out: %s (the manifest says "
			    "why; --recurse-all reads them)", b.p, l.p);
		} else
			warn("folders read: %s", b.p);
	}
	for (i = 0; i < nin; i++)
		free(in[i]);
	for (i = 0; i < nout; i++)
		free(out[i]);
	free(in);
	free(out);
	buf_free(&b);
	buf_free(&l);
}

/*
 * The run's province, when it was chosen or some reports are of others:
 * each case a whole sentence, for the catalogue.
 */
static void
province(const struct mstate *st, const size_t *count)
{
	const char *day = "", *code = st->province, *name;
	size_t i, other = count[M_OTHER_PROVINCE];
	size_t most = st->prov_reports, all = st->resolved;

	if (code == NULL || (st->o->province != NULL && other == 0))
		return;
	for (i = 0; i < st->n; i++)
		if (st->r[i].st == M_OK && strcmp(st->r[i].day, day) > 0)
			day = st->r[i].day;
	name = mf_prov_name(st, code, day);
	if (st->o->province != NULL && other == 1)
		warn("province %s (%s): 1 report of other provinces left out "
		    "(other-province)", code, name);
	else if (st->o->province != NULL)
		warn("province %s (%s): %zu reports of other provinces left "
		    "out (other-province)", code, name, other);
	else if (other == 0)
		warn("province %s (%s) was not given (-p): taken as the one "
		    "most reports are of, %zu of %zu", code, name, most, all);
	else if (other == 1)
		warn("province %s (%s) was not given (-p): taken as the one "
		    "most reports are of, %zu of %zu; 1 report of other "
		    "provinces left out (other-province)", code, name, most,
		    all);
	else
		warn("province %s (%s) was not given (-p): taken as the one "
		    "most reports are of, %zu of %zu; %zu reports of other "
		    "provinces left out (other-province)", code, name, most,
		    all, other);
}

/* The reports of other bodies, when there are any: how many of each. */
static void
bodies(const struct mstate *st, const size_t *count)
{
	const char **seen;
	size_t i, j, k, n = 0, per;
	struct buf b = { 0 };

	if (count[M_OTHER_BODY] == 0)
		return;
	seen = xreallocarray(NULL, count[M_OTHER_BODY], sizeof(*seen));
	for (i = 0; i < st->n; i++) {
		const char *bd;

		if (st->r[i].st != M_OTHER_BODY)
			continue;
		bd = mf_body(st, &st->r[i]);
		for (k = 0; k < n && strcmp(seen[k], bd) != 0; k++)
			;
		if (k < n)
			continue;
		seen[n++] = bd;
		for (j = i, per = 0; j < st->n; j++)
			per += st->r[j].st == M_OTHER_BODY &&
			    strcmp(mf_body(st, &st->r[j]), bd) == 0;
		buf_printf(&b, "%s%zu %s", n > 1 ? ", " : "", per, bd);
	}
	if (count[M_OTHER_BODY] == 1)
		warn("1 report of other bodies than the People's Committee "
		    "left out (other-body: %s): --body sums them", b.p);
	else
		warn("%zu reports of other bodies than the People's Committee "
		    "left out (other-body: %s): --body sums them",
		    count[M_OTHER_BODY], b.p);
	free(seen);
	buf_free(&b);
}

/* "files: 12 (8 ok, 1 duplicate, ...)", statuses in table order (their
 * names the manifest's, in every language); the province, the bodies,
 * the folders; unless brief, the files left out and coverage. */
void
mf_summary(const struct mstate *st, size_t left_out)
{
	size_t count[M_N] = { 0 };
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < st->n; i++)
		count[st->r[i].st]++;
	buf_adds(&b, "");	/* no file: "files: 0 ()" */
	for (i = 0; i < M_N; i++)
		if (count[i] > 0)
			buf_printf(&b, "%s%zu %s", b.n > 0 ? ", " : "",
			    count[i], mf_status_names[i]);
	warn("files: %zu (%s)", st->n, b.p);
	province(st, count);
	bodies(st, count);
	folders(st);
	if (!st->o->brief) {
		warn("files left out for trouble: %zu", left_out);
		coverage(st);
	}
	buf_free(&b);
}
