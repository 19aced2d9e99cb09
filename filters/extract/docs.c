/*
 * A report's identity, and --docs.
 *
 * A document is named by its path under the reports' root, without the
 * report extension: "govap/baocao" for reports/govap/baocao.txt under
 * reports/.  The root is --root, or else the directory the inputs have in
 * common, so one file is named by its base name.  The name depends on the
 * path alone, the same in whichever share of a split run the file is; two
 * inputs of one run never share a name (an error, or with --docs a row
 * each that normalize --docs marks).  With the path as given and the
 * SHA-256 of its content (after gzip), it identifies the report.
 *
 * --docs writes one row per input instead of its figures, even when it has
 * none or cannot be read:
 *
 *	doc,path,sha256,issuer,doc_no,doc_date,period_text,title,places,
 *	figures,dropped,signed_by,signed_at,error
 *
 * dropped says what the limits left out of the document, as
 * "cells:46;rows:12;figures:5;context:30" (only the kinds with some):
 * table cells past a row's ROW_MAXCELLS, table rows past a table's
 * TABLE_MAXROWS, figures past DOC_MAXFIGURES, and figures whose context
 * was cut at CTX_MAX bytes; empty when nothing was.
 *
 * signed_by and signed_at are what the signature stamps of a signed PDF
 * say (signed.c): who signed (each stamp's signer, or its organisation),
 * and every time they give, ISO 8601, earliest first (the signature, then
 * a receipt), each list "; "-separated; empty when there is no stamp.
 *
 * Each input is read in a child process, so that whatever stops its
 * reading (a missing file, invalid UTF-8, a truncated gzip stream, a
 * document too large) becomes that row's error, and the run goes on.  The
 * child has --limit-seconds and LIMIT_GRACE more to live: its converters
 * stop at the limit, and whatever else holds it past that is stopped by
 * SIGALRM, which its row's error names.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "csvout.h"
#include "diag.h"
#include "extract.h"
#include "gz.h"
#include "sha256.h"
#include "words.h"
#include "xalloc.h"

#define LIMIT_GRACE 10	/* seconds a child has past --limit-seconds */

static const char *const doc_columns[] = { "doc", "path", "sha256", "issuer",
	"doc_no", "doc_date", "period_text", "title", "places", "figures",
	"dropped", "signed_by", "signed_at", "error" };
enum { NDOCCOLS = sizeof(doc_columns) / sizeof(doc_columns[0]) };

/* The extensions a report's file name ends in, without "." and ".gz"
 * (in any case: "BC.DOCX"). */
static const char *const exts[] = { "txt", "docx", "doc", "pdf", NULL };

/* path without "./" in front. */
static const char *
plain(const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		for (path += 2; *path == '/'; path++)
			;
	return path;
}

/* The directory of path with its trailing '/' ("" for none), its length. */
static size_t
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? 0 : (size_t)(slash - path) + 1;
}

/* The length of the directory the paths have in common, '/' included. */
static size_t
common_dir(char *const *paths, int n)
{
	size_t len = dir_len(plain(paths[0]));
	int i;

	for (i = 1; i < n && len > 0; i++) {
		const char *p = plain(paths[i]);

		while (len > 0 && strncmp(p, plain(paths[0]), len) != 0) {
			len--;
			while (len > 0 && plain(paths[0])[len - 1] != '/')
				len--;
		}
	}
	return len;
}

/* The name of the document at path, whose first skip bytes are its root. */
static char *
name_of(const char *path, size_t skip)
{
	const char *p = plain(path);
	size_t n = strlen(p), k, e;

	if (strcmp(path, "-") == 0)
		return xstrdup("-");
	p += skip;
	n -= skip;
	if (n > 3 && strncasecmp(p + n - 3, ".gz", 3) == 0)
		n -= 3;
	for (k = 0; exts[k] != NULL; k++) {
		e = strlen(exts[k]) + 1;
		if (n > e && p[n - e] == '.' && strncasecmp(p + n - e + 1,
		    exts[k], e - 1) == 0 && p[n - e - 1] != '/') {
			n -= e;
			break;
		}
	}
	return xmemdup(p, n);
}

static int
by_name(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;

	return strcmp(x[0], y[0]);
}

/* Two inputs of one name: an error naming both. */
static void
check_clashes(char **names, char *const *paths, int n)
{
	const char **v = xreallocarray(NULL, (size_t)n * 2 + 2, sizeof(*v));
	int i;

	for (i = 0; i < n; i++) {
		v[2 * i] = names[i];
		v[2 * i + 1] = paths[i];
	}
	qsort(v, (size_t)n, 2 * sizeof(*v), by_name);
	for (i = 1; i < n; i++)
		if (strcmp(v[2 * i], v[2 * i - 2]) == 0)
			die(2, "'%s' and '%s' would both be document '%s'",
			    v[2 * i - 1], v[2 * i + 1], v[2 * i]);
	free(v);
}

char **
doc_names(char *const *paths, int n, const char *root, int clashes_ok)
{
	char **names = xreallocarray(NULL, (size_t)n + 1, sizeof(*names));
	size_t skip = 0, rn = 0;
	int i;

	if (root == NULL) {
		skip = common_dir(paths, n);
	} else {
		root = plain(root);
		rn = strlen(root);
		while (rn > 1 && root[rn - 1] == '/')
			rn--;
		if (rn == 1 && root[0] == '.')
			rn = 0;
	}
	for (i = 0; i < n; i++) {
		const char *p = plain(paths[i]);
		size_t s = skip;

		if (rn > 0 && strncmp(p, root, rn) == 0 &&
		    (p[rn] == '/' || root[rn - 1] == '/'))
			s = rn + (p[rn] == '/');
		names[i] = name_of(paths[i], s);
	}
	if (!clashes_ok)
		check_clashes(names, paths, n);
	return names;
}

static void
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			die(2, "writing to the parent:");
		p += k;
		n -= (size_t)k;
	}
}

/* The SHA-256 of the content at path, as read (gzip undone). */
static void
digest(const char *path, char hex[65])
{
	struct gz_in *in = gz_open_in(path);
	struct sha256 h;
	char tmp[1 << 16];
	size_t k;

	sha256_init(&h);
	while ((k = gz_read(in, tmp, sizeof(tmp))) > 0)
		sha256_add(&h, tmp, k);
	gz_close_in(in);
	sha256_hex(&h, hex);
}

/*
 * In the child: reads and scans the document, and writes its fields to fd,
 * each ended by a NUL: sha256, issuer, doc_no, doc_date, period_text,
 * title, places, figures, dropped, signed_by, signed_at.  Any trouble (a refusal too) exits with 2 after
 * saying why on stderr, as it would without --docs.
 */
static _Noreturn void
child(struct scan *st, const char *path, const char *name,
    const struct readopts *ro, int fd)
{
	struct doc d = { 0 };
	struct buf b = { 0 };
	char hex[65];
	const struct header *h = &st->hdr;

	if (ro->limit_seconds > 0)
		alarm((unsigned)ro->limit_seconds + LIMIT_GRACE);
	digest(path, hex);
	if (read_doc(&d, path, ro) != 0)
		_exit(2);
	d.name = name;
	st->doc = &d;
	st->count_only = 1;
	st->figures = 0;
	scan_doc(st);
	buf_add(&b, hex, sizeof(hex));
	buf_add(&b, h->issuer, strlen(h->issuer) + 1);
	buf_add(&b, h->doc_no, strlen(h->doc_no) + 1);
	buf_add(&b, h->doc_date, strlen(h->doc_date) + 1);
	buf_add(&b, h->period_text, strlen(h->period_text) + 1);
	buf_add(&b, h->title, strlen(h->title) + 1);
	buf_add(&b, h->places.p == NULL ? "" : h->places.p, h->places.n + 1);
	buf_printf(&b, "%llu", st->figures);
	buf_addc(&b, '\0');
	drops_text(&st->doc_drops, &b);
	buf_addc(&b, '\0');
	stamps_signed_by(&d.stamps, &b);
	buf_addc(&b, '\0');
	stamps_signed_at(&d.stamps, &b);
	buf_addc(&b, '\0');
	write_all(fd, b.p, b.n);
	_exit(0);
}

/* Reads fd to its end into b. */
static void
slurp(int fd, struct buf *b)
{
	char tmp[4096];
	ssize_t k;

	for (;;) {
		k = read(fd, tmp, sizeof(tmp));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		buf_add(b, tmp, (size_t)k);
	}
}

/* The child's trouble, as its diagnostic says it (without "prog: "). */
static void
trouble(struct buf *why, const struct buf *err, int status, int limit)
{
	size_t pre = strlen(diag_prog()) + 2;
	const char *p = err->p == NULL ? "" : err->p;
	size_t n = strcspn(p, "\n");

	if (n > pre && strncmp(p, diag_prog(), pre - 2) == 0 &&
	    strncmp(p + pre - 2, ": ", LIT_LEN(": ")) == 0) {
		p += pre;
		n -= pre;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
		buf_printf(why, "took too long: more than %d seconds for one "
		    "document (--limit-seconds)", limit);
	else if (n > 0)
		buf_add(why, p, n);
	else if (WIFSIGNALED(status))
		buf_printf(why, "reading stopped by signal %d", WTERMSIG(status));
	else
		buf_printf(why, "reading failed (exit status %d)",
		    WEXITSTATUS(status));
}

/* The child's warnings, said again by this process. */
static void
pass_on(const struct buf *err)
{
	size_t pre = strlen(diag_prog()) + 2, i = 0;

	while (i < err->n) {
		const char *p = err->p + i;
		size_t n = strcspn(p, "\n");

		i += n + 1;
		if (n > pre && strncmp(p, diag_prog(), pre - 2) == 0 &&
		    strncmp(p + pre - 2, ": ", LIT_LEN(": ")) == 0) {
			p += pre;
			n -= pre;
		}
		warn("%.*s", (int)n, p);
	}
}

/* One row: the fields the child sent (NUL-separated), or the error. */
static void
write_row(struct scan *st, const char *path, const char *name,
    const struct buf *fields, const char *error)
{
	const char *p = fields->p;
	size_t k, got = 0;

	for (k = 0; p != NULL && k < fields->n; k++)
		got += fields->p[k] == '\0';
	csvout_str(st->out, name);
	csvout_str(st->out, path);
	for (k = 0; k < NDOCCOLS - 3; k++) {
		csvout_str(st->out, error == NULL && got == NDOCCOLS - 3 ? p : "");
		if (error == NULL && got == NDOCCOLS - 3)
			p += strlen(p) + 1;
	}
	csvout_str(st->out, error == NULL ? "" : error);
	csvout_end(st->out);
}

/* Reads one document in a child; returns 0, or 1 when it could not. */
static int
one_doc(struct scan *st, const char *path, const char *name,
    const struct readopts *ro)
{
	struct buf fields = { 0 }, err = { 0 }, why = { 0 };
	int out[2], status = 0, bad;
	FILE *errf;
	pid_t pid;

	/* The child's stderr goes to a file, not a pipe: a child with much to
	 * say would block on a full pipe while this process reads out. */
	if ((errf = tmpfile()) == NULL)
		die(2, "temporary file:");
	if (pipe(out) == -1)
		die(2, "pipe:");
	fflush(stderr);
	if ((pid = fork()) == -1)
		die(2, "fork:");
	if (pid == 0) {
		close(out[0]);
		if (dup2(fileno(errf), STDERR_FILENO) == -1)
			_exit(2);
		child(st, path, name, ro, out[1]);
	}
	spawn_reader(pid);
	close(out[1]);
	slurp(out[0], &fields);
	close(out[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			die(2, "waitpid:");
	spawn_reader(0);
	if (lseek(fileno(errf), 0, SEEK_SET) == -1)
		die(2, "temporary file:");
	slurp(fileno(errf), &err);
	fclose(errf);
	bad = !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	if (bad)
		trouble(&why, &err, status, ro->limit_seconds);
	else
		pass_on(&err);
	write_row(st, path, name, &fields, bad ? why.p : NULL);
	buf_free(&fields);
	buf_free(&err);
	buf_free(&why);
	return bad;
}

unsigned long long
docs_run(struct scan *st, char **paths, char **names, int n,
    const struct readopts *ro, int progress)
{
	unsigned long long bad = 0;
	size_t k;
	int i;

	for (k = 0; k < NDOCCOLS; k++)
		csvout_str(st->out, doc_columns[k]);
	csvout_end(st->out);
	for (i = 0; i < n; i++) {
		bad += one_doc(st, paths[i], names[i], ro);
		if (progress)
			fprintf(stderr, "\r%s: %d/%d reports", diag_prog(), i + 1, n);
	}
	if (progress)
		fputc('\n', stderr);
	return bad;
}
