/*
 * fname: what a report's file name (and title) says of the file, as
 * fname.h tells.
 */
#include <string.h>

#include "buf.h"
#include "fname.h"
#include "utf8.h"
#include "words.h"

/*
 * The file name of path without its folder and its extensions (".docx",
 * ".txt.gz"): "BC Quận 5 năm 2024 - bổ sung".
 */
void
fname_stem(struct buf *out, const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n, k, dots;

	b = b == NULL ? path : b + 1;
	n = strlen(b);
	for (dots = 0; dots < 2; dots++) {
		for (k = n; k > 0 && n - k < 5 && ((b[k - 1] >= 'a' &&
		    b[k - 1] <= 'z') || (b[k - 1] >= 'A' && b[k - 1] <= 'Z') ||
		    wd_digit(b[k - 1])); k--)
			;
		if (k < 2 || k == n || b[k - 1] != '.')
			break;
		n = k - 1;
	}
	buf_add(out, b, n);
	buf_adds(out, "");
}

/* Does the file name say the file is a copy: "(1)" at its end, or a
 * word of the copy-word list ("- Copy", "Bản sao của")? */
int
fname_copy(const char *path)
{
	struct buf stem = { 0 }, f = { 0 };
	size_t n, len;
	int yes = 0;

	fname_stem(&stem, path);
	n = stem.n;
	while (n > 0 && stem.p[n - 1] == ' ')
		n--;
	if (n > 2 && stem.p[n - 1] == ')') {
		for (len = n - 1; len > 0 && stem.p[len - 1] >= '0' &&
		    stem.p[len - 1] <= '9'; len--)
			;
		yes = len > 0 && len < n - 1 && stem.p[len - 1] == '(';
	}
	if (!yes && stem.n > 0 && u8_invalid(stem.p, stem.n) == stem.n) {
		u8_fold(&f, stem.p, stem.n);
		yes = f.p != NULL && words_find(WL_COPY_WORD, f.p, f.n, &len) >= 0;
	}
	buf_free(&stem);
	buf_free(&f);
	return yes;
}

/*
 * How much the text s says its report is sent again: 1 for a word of
 * the resend-word list ("bổ sung", "sửa"), plus N - 1 for "lần N"; 0
 * when it says nothing.
 */
int
fname_resend_in(const char *s)
{
	struct buf f = { 0 };
	size_t i, k;
	int words = 0, times = 0, t;

	if (u8_invalid(s, strlen(s)) != strlen(s))
		return 0;
	u8_fold(&f, s, strlen(s));
	for (i = 0; i < f.n; i++) {
		if (i > 0 && wd_folded(f.p[i - 1]))
			continue;
		if ((k = words_prefix(WL_RESEND_COUNT, f.p + i, f.n - i)) > 0) {
			for (i += k; i < f.n && (f.p[i] == ' ' || f.p[i] == ':'); i++)
				;
			for (t = 0; i < f.n && wd_digit(f.p[i]) && t < 100; i++)
				t = t * 10 + (f.p[i] - '0');
			if (t > times + 1)
				times = t - 1;
		} else if (words_prefix(WL_RESEND_WORD, f.p + i, f.n - i) > 0) {
			words = 1;
		}
	}
	buf_free(&f);
	return words + times;
}

/* resend_in of the title and of the file name, the more. */
int
fname_resend(const char *title, const char *path)
{
	struct buf stem = { 0 };
	int a = fname_resend_in(title), b;

	fname_stem(&stem, path);
	b = fname_resend_in(stem.p == NULL ? "" : stem.p);
	buf_free(&stem);
	return a > b ? a : b;
}

int
fname_signed(const char *path)
{
	struct buf stem = { 0 }, f = { 0 };
	size_t len;
	int yes = 0;

	fname_stem(&stem, path);
	if (stem.n > 0 && u8_invalid(stem.p, stem.n) == stem.n) {
		u8_fold(&f, stem.p, stem.n);
		yes = f.p != NULL && words_find(WL_SIGNED_WORD, f.p, f.n, &len) >= 0;
	}
	buf_free(&stem);
	buf_free(&f);
	return yes;
}
