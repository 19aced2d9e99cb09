/*
 * Archives of reports: .zip, .7z, .rar, .tar and compressed tars, read
 * through libarchive, in memory.  Districts zip a quarter's reports and
 * mail them as one attachment; each file in it is a report to read, named
 * "archive.zip/member.docx".
 *
 * An archive is read whole or refused whole: arch_check reads every entry
 * once, counting, before any member is handed out, and refuses one past
 * its limits (a zip bomb, a million small files):
 *
 *	ARCH_MAX_ENTRIES	entries of any kind
 *	ARCH_MAX_BYTES		bytes unpacked in all
 *	ARCH_MAX_RATIO		bytes unpacked per byte of the archive, past
 *				the first ARCH_RATIO_FLOOR bytes unpacked
 *
 * Only regular files are members; folders inside are walked as paths
 * ("Quận 4/Q1.docx").  A member's name is libarchive's UTF-8 name without
 * a leading "./" or "/", an invalid byte read as '?'.  libarchive
 * converts names through the locale, so the archive is read in a UTF-8
 * one (C.UTF-8, for this thread only), whatever the user's is: a name a
 * zip marks UTF-8 is then never lost.  Archives inside an archive are not
 * opened (extract names them).
 *
 * libarchive is loaded when the first archive is met (dlopen), not when
 * baocao-extract starts: a run with no archive pays nothing for it, not
 * even the loading of the libraries it needs (nettle, acl, zstd, lz4).
 * Without it, an archive is named as one that cannot be read, and why.
 */
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>
#include <dlfcn.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "utf8.h"
#include "xalloc.h"

#define LIBARCHIVE "libarchive.so.13"

/* The functions of libarchive used here, loaded once (la_load). */
#define LA_FUNCS(X) X(archive_read_new) X(archive_read_support_filter_all) \
	X(archive_read_support_format_all) X(archive_read_open_memory) \
	X(archive_read_free) X(archive_read_next_header) X(archive_read_data) \
	X(archive_error_string) X(archive_format) \
	X(archive_entry_pathname_utf8) X(archive_entry_pathname) \
	X(archive_entry_filetype) X(archive_entry_is_encrypted) \
	X(archive_entry_mtime_is_set) X(archive_entry_mtime)

static struct {
	int tried, missing;
#define LA_PTR(name) __typeof__(name) *name;
	LA_FUNCS(LA_PTR)
#undef LA_PTR
} la;

/* Loads libarchive unless it is loaded: 0, or -1 with why. */
static int
la_load(struct buf *why)
{
	void *h;

	if (!la.tried) {
		la.tried = 1;
		if ((h = dlopen(LIBARCHIVE, RTLD_NOW | RTLD_LOCAL)) == NULL)
			la.missing = 1;
#define LA_SYM(name) \
		if (h != NULL && (*(void **)(&la.name) = dlsym(h, #name)) == NULL) \
			la.missing = 1;
		LA_FUNCS(LA_SYM)
#undef LA_SYM
	}
	if (la.missing && why != NULL)
		buf_adds(why, "an archive, which needs " LIBARCHIVE " (Debian's "
		    "libarchive13) to be read: it is not there");
	return la.missing ? -1 : 0;
}

#define ARCH_MAX_ENTRIES 2000
#define ARCH_MAX_BYTES ((long long)256 << 20)
#define ARCH_MAX_RATIO 100
#define ARCH_RATIO_FLOOR ((long long)16 << 20)

/* A UTF-8 locale for this thread while libarchive reads, and the one it
 * had; without C.UTF-8 the locale stays as it is. */
struct utf8 {
	locale_t loc, was;
};

struct arch {
	struct archive *a;
	char *name;		/* the current member's */
	struct utf8 u;
};

static void
utf8_new(struct utf8 *u)
{
	u->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	u->was = (locale_t)0;
}

static void
utf8_on(struct utf8 *u)
{
	if (u->loc != (locale_t)0)
		u->was = uselocale(u->loc);
}

static void
utf8_off(struct utf8 *u)
{
	if (u->loc != (locale_t)0 && u->was != (locale_t)0)
		uselocale(u->was);
	u->was = (locale_t)0;
}

static void
utf8_free(struct utf8 *u)
{
	if (u->loc != (locale_t)0)
		freelocale(u->loc);
	u->loc = (locale_t)0;
}

/* A table entry's magic bytes and their count, from the literal. */
#define MAGIC(s) (s), LIT_LEN(s)

static const struct {
	const char *magic;
	size_t len;
	size_t at;
} magics[] = {
	{ MAGIC("PK\003\004"), 0 },
	{ MAGIC("PK\005\006"), 0 },
	{ MAGIC("7z\xBC\xAF\x27\x1C"), 0 },
	{ MAGIC("Rar!\x1A\x07"), 0 },
	{ MAGIC("ustar"), 257 },
	/* compressed, a tar inside or not (arch_claims asks libarchive) */
	{ MAGIC("BZh"), 0 },
	{ MAGIC("\xFD" "7zXZ"), 0 },
	{ MAGIC("\x28\xB5\x2F\xFD"), 0 },
};

static struct archive *
open_mem(const char *p, size_t n)
{
	struct archive *a;

	if (la_load(NULL) != 0 || (a = la.archive_read_new()) == NULL)
		return NULL;
	la.archive_read_support_filter_all(a);
	la.archive_read_support_format_all(a);
	if (la.archive_read_open_memory(a, p, n) != ARCHIVE_OK) {
		la.archive_read_free(a);
		return NULL;
	}
	return a;
}

/* The entry's name as a member's (see the top); the caller frees it. */
static char *
entry_name(struct archive_entry *e)
{
	const char *s = la.archive_entry_pathname_utf8(e);
	struct buf b = { 0 };
	size_t n, i, ok;

	if (s == NULL)
		s = la.archive_entry_pathname(e);
	if (s == NULL)
		s = "";
	while (s[0] == '.' && s[1] == '/')
		s += 2;
	while (s[0] == '/')
		s++;
	n = strlen(s);
	for (i = 0; i < n;) {
		ok = u8_invalid(s + i, n - i);
		buf_add(&b, s + i, ok);
		i += ok;
		if (i < n) {
			buf_addc(&b, '?');
			i++;
		}
	}
	buf_adds(&b, "");
	return b.p;
}

/* Which entries in a zip say it is an Office or OpenDocument file. */
static const char *
zip_document(struct archive *a)
{
	struct archive_entry *e;
	const char *kind = NULL;
	char mime[64];
	la_ssize_t got;
	int k;

	for (k = 0; k < ARCH_MAX_ENTRIES &&
	    la.archive_read_next_header(a, &e) == ARCHIVE_OK; k++) {
		const char *s = la.archive_entry_pathname(e);

		if (s == NULL)
			continue;
		if (strcmp(s, "xl/workbook.xml") == 0 ||
		    strcmp(s, "xl/workbook.bin") == 0)
			return "spreadsheet";
		if (strncmp(s, "ppt/", 4) == 0 || strncmp(s, "word/", 5) == 0)
			return "other";
		if (strcmp(s, "mimetype") == 0) {
			got = la.archive_read_data(a, mime, sizeof(mime) - 1);
			mime[got > 0 ? got : 0] = '\0';
			if (strstr(mime, "opendocument.spreadsheet") != NULL)
				return "spreadsheet";
			if (strstr(mime, "opendocument") != NULL)
				kind = "odf";
		}
		if (strcmp(s, "content.xml") == 0 && kind == NULL)
			kind = "odf";
	}
	return kind;
}

int
arch_claims(const char *p, size_t n, const char **kind)
{
	struct archive *a;
	struct archive_entry *e;
	struct utf8 u;
	size_t k;
	int yes = 0;

	*kind = NULL;
	for (k = 0; k < sizeof(magics) / sizeof(magics[0]); k++)
		if (n >= magics[k].at + magics[k].len && memcmp(p + magics[k].at,
		    magics[k].magic, magics[k].len) == 0)
			break;
	if (k == sizeof(magics) / sizeof(magics[0]))
		return 0;
	/* a 7-Zip, RAR or tar archive, whole or damaged (arch_check says),
	 * or no libarchive to tell (arch_check says why not read) */
	if ((k >= 2 && k <= 4) || la_load(NULL) != 0)
		return 1;
	utf8_new(&u);
	utf8_on(&u);
	if ((a = open_mem(p, n)) == NULL) {
		utf8_off(&u);
		utf8_free(&u);
		return 0;
	}
	if (k <= 1) {
		/* a zip: an archive unless it is an Office document */
		*kind = zip_document(a);
		yes = *kind == NULL;
		if (*kind != NULL && strcmp(*kind, "odf") == 0)
			*kind = NULL;
	} else {
		yes = la.archive_read_next_header(a, &e) == ARCHIVE_OK &&
		    la.archive_format(a) != ARCHIVE_FORMAT_RAW;
	}
	la.archive_read_free(a);
	utf8_off(&u);
	utf8_free(&u);
	return yes;
}

/* Reads the current entry's data into data (NULL: none kept; *big set
 * past max bytes, which are not kept), counting into *total; -1 with why
 * on a read error. */
static int
read_data(struct archive *a, struct buf *data, size_t max, long long *total,
    int *big, struct buf *why)
{
	char tmp[1 << 16];
	la_ssize_t got;

	while ((got = la.archive_read_data(a, tmp, sizeof(tmp))) > 0) {
		*total += got;
		if (data != NULL && !*big && data->n + (size_t)got <= max)
			buf_add(data, tmp, (size_t)got);
		else if (data != NULL)
			*big = 1;
		if (*total > ARCH_MAX_BYTES)
			return 0;
	}
	if (got < 0) {
		buf_printf(why, "%s", la.archive_error_string(a) != NULL ?
		    la.archive_error_string(a) : "damaged");
		return -1;
	}
	return 0;
}

int
arch_check(const char *p, size_t n, size_t *files, struct buf *why)
{
	struct archive *a;
	struct archive_entry *e;
	long long total = 0, cap;
	size_t entries = 0;
	struct utf8 u;
	int r, big = 0;

	*files = 0;
	if (la_load(why) != 0)
		return -1;
	utf8_new(&u);
	utf8_on(&u);
	if ((a = open_mem(p, n)) == NULL) {
		utf8_off(&u);
		utf8_free(&u);
		buf_adds(why, "a damaged archive");
		return -1;
	}
	cap = (long long)n * ARCH_MAX_RATIO;
	if (cap < ARCH_RATIO_FLOOR)
		cap = ARCH_RATIO_FLOOR;
	while ((r = la.archive_read_next_header(a, &e)) == ARCHIVE_OK ||
	    r == ARCHIVE_WARN) {
		struct buf err = { 0 };

		if (++entries > ARCH_MAX_ENTRIES) {
			buf_printf(why, "an archive of more than %d entries, "
			    "past the limit", ARCH_MAX_ENTRIES);
			break;
		}
		if (la.archive_entry_filetype(e) != AE_IFREG)
			continue;
		(*files)++;
		/* an encrypted member is named when it is read */
		if (la.archive_entry_is_encrypted(e))
			continue;
		if (read_data(a, NULL, 0, &total, &big, &err) != 0) {
			buf_free(&err);
			continue;
		}
		if (total > ARCH_MAX_BYTES) {
			buf_printf(why, "an archive that unpacks to more than "
			    "%lld MiB, past the limit", ARCH_MAX_BYTES >> 20);
			break;
		}
		if (total > cap) {
			buf_printf(why, "an archive that unpacks to more than %d "
			    "times its size (a zip bomb?), past the limit",
			    ARCH_MAX_RATIO);
			break;
		}
	}
	if (why->n == 0 && r != ARCHIVE_EOF && r != ARCHIVE_OK &&
	    r != ARCHIVE_WARN)
		buf_printf(why, "a damaged archive (%s)",
		    la.archive_error_string(a) != NULL ? la.archive_error_string(a) :
		    "unreadable");
	la.archive_read_free(a);
	utf8_off(&u);
	utf8_free(&u);
	return why->n > 0 ? -1 : 0;
}

struct arch *
arch_open(const char *p, size_t n)
{
	struct arch *x = xcalloc(1, sizeof(*x));

	utf8_new(&x->u);
	utf8_on(&x->u);
	x->a = open_mem(p, n);
	utf8_off(&x->u);
	if (x->a == NULL) {
		utf8_free(&x->u);
		free(x);
		return NULL;
	}
	return x;
}

int
arch_next(struct arch *x, struct arch_member *m, struct buf *why)
{
	struct archive_entry *e;
	long long total = 0;
	int r, big = 0;

	free(x->name);
	x->name = NULL;
	m->name = NULL;
	m->mtime = -1;
	buf_clear(&m->data);
	buf_clear(&m->why);
	utf8_on(&x->u);
	while ((r = la.archive_read_next_header(x->a, &e)) == ARCHIVE_OK ||
	    r == ARCHIVE_WARN) {
		if (la.archive_entry_filetype(e) != AE_IFREG)
			continue;
		x->name = entry_name(e);
		m->name = x->name;
		if (la.archive_entry_mtime_is_set(e))
			m->mtime = (long long)la.archive_entry_mtime(e);
		else
			m->mtime = -1;
		if (la.archive_entry_is_encrypted(e))
			buf_adds(&m->why, "encrypted (a password protects it): "
			    "ask for it without one");
		else if (read_data(x->a, &m->data, DOC_MAX, &total, &big,
		    &m->why) == 0 && big) {
			buf_clear(&m->data);
			buf_printf(&m->why, "document larger than %zu bytes",
			    (size_t)DOC_MAX);
		}
		utf8_off(&x->u);
		return 1;
	}
	if (r != ARCHIVE_EOF)
		buf_printf(why, "a damaged archive (%s)",
		    la.archive_error_string(x->a) != NULL ?
		    la.archive_error_string(x->a) : "unreadable");
	utf8_off(&x->u);
	return r != ARCHIVE_EOF ? -1 : 0;
}

void
arch_member_free(struct arch_member *m)
{
	buf_free(&m->data);
	buf_free(&m->why);
	memset(m, 0, sizeof(*m));
}

void
arch_close(struct arch *x)
{
	if (x == NULL)
		return;
	la.archive_read_free(x->a);
	utf8_free(&x->u);
	free(x->name);
	free(x);
}

int
arch_member_path(const char *path, size_t *at)
{
	struct stat sb;
	size_t i;

	if (stat(path, &sb) == 0 || (errno != ENOENT && errno != ENOTDIR))
		return 0;
	for (i = strlen(path); i > 0; i--) {
		char *head;
		int is_file;

		if (path[i - 1] != '/' || i == 1 || path[i] == '\0')
			continue;
		head = xmemdup(path, i - 1);
		is_file = stat(head, &sb) == 0 && S_ISREG(sb.st_mode);
		free(head);
		if (is_file) {
			*at = i - 1;
			return 1;
		}
	}
	return 0;
}
