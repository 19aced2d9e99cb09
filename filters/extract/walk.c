/*
 * walk.c: the files of a run, and what a file is by its name.
 *
 * --walk lists every regular file under each folder given, and each file
 * given, sorted bytewise, each ended by a NUL (for --files0-from).  A
 * subfolder is walked unless it is left out: by default a folder of old
 * reports (its name holds a phrase of the old-folder list of words.rules:
 * "Lưu cũ", "old") and a hidden one (".git"); with --no-recurse every
 * subfolder; with --recurse-all none.  A folder left out is listed too, as
 * its path with a '/' at the end, so that the run's manifest names it.
 * The files named by --exclude (the run's own outputs) are not listed
 * from a folder.  A link to a file is listed; a link to a folder is not
 * followed; what is neither a file nor a folder (a pipe) is not listed.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "extract.h"
#include "utf8.h"
#include "words.h"
#include "xalloc.h"

struct walk {
	const struct walkopts *o;
	char **v;		/* the paths listed */
	size_t n, cap;
};

static void
add(struct walk *w, const char *path, int folder)
{
	size_t n = strlen(path);

	if (w->n == w->cap) {
		w->cap = w->cap == 0 ? 256 : w->cap * 2;
		w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
	}
	w->v[w->n] = xmalloc(n + 2);
	memcpy(w->v[w->n], path, n);
	if (folder && (n == 0 || path[n - 1] != '/'))
		w->v[w->n][n++] = '/';
	w->v[w->n++][n] = '\0';
}

/* The last component of path (a folder's may end in '/'), its length. */
static const char *
base_of(const char *path, size_t *len)
{
	size_t n = strlen(path);
	const char *b;

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (b = path + n; b > path && b[-1] != '/'; b--)
		;
	*len = (size_t)(path + n - b);
	return b;
}

/* Does the folder name p[0..n) hold a phrase of the old-folder list? */
static int
old_folder(const char *p, size_t n)
{
	struct buf low = { 0 };
	size_t len;
	int yes;

	if (u8_invalid(p, n) != n)
		return 0;
	u8_lower(&low, p, n);
	yes = low.p != NULL && words_find(WL_OLD_FOLDER, low.p, low.n, &len) >= 0;
	buf_free(&low);
	return yes;
}

const char *
walk_folder_kind(const char *path)
{
	size_t n;
	const char *b = base_of(path, &n);

	if (old_folder(b, n))
		return "old-folder";
	if (n > 0 && b[0] == '.')
		return "hidden-folder";
	return "subfolder";
}

/* Does the path have a component p ("__MACOSX")? */
static int
has_component(const char *path, const char *p)
{
	size_t n = strlen(p);
	const char *at;

	for (at = strstr(path, p); at != NULL; at = strstr(at + 1, p))
		if ((at == path || at[-1] == '/') && at[n] == '/')
			return 1;
	return 0;
}

const char *
walk_name_kind(const char *path)
{
	static const char *const system[] = { "Thumbs.db", "desktop.ini",
		".DS_Store", NULL };
	size_t n, k;
	const char *b = base_of(path, &n);

	/* Word's owner file ("~$o cáo.docx"), its temporary files
	 * ("~WRL0001.tmp"), LibreOffice's lock (".~lock.bc.docx#") */
	if (HAS_PREFIX(b, n, "~$") || HAS_PREFIX(b, n, ".~lock.") ||
	    (n > 4 && strncasecmp(b + n - 4, ".tmp", 4) == 0))
		return "lock-file";
	for (k = 0; system[k] != NULL; k++)
		if (n == strlen(system[k]) && strncasecmp(b, system[k], n) == 0)
			return "system-file";
	if (HAS_PREFIX(b, n, "._") || has_component(path, "__MACOSX"))
		return "system-file";
	return NULL;
}

/* Is the file at path one of the --exclude files? */
static int
excluded(const struct walk *w, const struct stat *sb)
{
	size_t k;

	for (k = 0; k < w->o->nexclude; k++)
		if (w->o->exclude[k].dev == sb->st_dev &&
		    w->o->exclude[k].ino == sb->st_ino)
			return 1;
	return 0;
}

static void walk_dir(struct walk *, const char *dir);

/* One entry of a folder walked. */
static void
walk_entry(struct walk *w, const char *path, const char *name)
{
	struct stat sb;

	if (lstat(path, &sb) != 0)
		die(2, "cannot read '%s':", path);
	if (S_ISLNK(sb.st_mode)) {
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
			return;
	}
	if (S_ISREG(sb.st_mode)) {
		if (!excluded(w, &sb))
			add(w, path, 0);
		return;
	}
	if (!S_ISDIR(sb.st_mode))
		return;
	if (w->o->recurse == WALK_NONE || (w->o->recurse == WALK_DEFAULT &&
	    (name[0] == '.' || old_folder(name, strlen(name))))) {
		add(w, path, 1);
		return;
	}
	walk_dir(w, path);
}

static void
walk_dir(struct walk *w, const char *dir)
{
	struct buf path = { 0 };
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = strlen(dir);

	if (d == NULL)
		die(2, "cannot read '%s':", dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	for (errno = 0; (e = readdir(d)) != NULL; errno = 0) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		buf_clear(&path);
		buf_add(&path, dir, n);
		if (n != 1 || dir[0] != '/')
			buf_addc(&path, '/');
		buf_adds(&path, e->d_name);
		walk_entry(w, path.p, e->d_name);
	}
	if (errno != 0)
		die(2, "cannot read '%s':", dir);
	closedir(d);
	buf_free(&path);
}

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
walk_run(char *const *paths, int n, const struct walkopts *o)
{
	struct walk w = { o, NULL, 0, 0 };
	struct stat sb;
	size_t k;
	int i;

	for (i = 0; i < n; i++) {
		if (stat(paths[i], &sb) != 0)
			die(2, "cannot read '%s':", paths[i]);
		if (S_ISDIR(sb.st_mode))
			walk_dir(&w, paths[i]);
		else
			add(&w, paths[i], 0);
	}
	if (w.n > 1)
		qsort(w.v, w.n, sizeof(*w.v), by_bytes);
	for (k = 0; k < w.n; k++) {
		if (fwrite(w.v[k], 1, strlen(w.v[k]) + 1, stdout) !=
		    strlen(w.v[k]) + 1)
			die(2, "write error:");
		free(w.v[k]);
	}
	free(w.v);
	if (fflush(stdout) == EOF || ferror(stdout) || fclose(stdout) == EOF)
		die(2, "write error:");
	return 0;
}
