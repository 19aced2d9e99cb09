#include <string.h>

#include "utf8.h"
#include "words.h"

const char *const words_unit_types[] = { "thanh pho", "thi xa", "thi tran",
	"dac khu", "tinh", "huyen", "quan", "phuong", "xa", NULL };

int
words_total_label(const char *p, size_t n, struct buf *tmp)
{
	static const char *const labels[] = { "tong cong", "tong so", "tong",
		"cong", "toan quan", "toan huyen", "toan phuong", "toan xa",
		"toan thi xa", "toan thanh pho", "toan tinh", NULL };
	size_t k, m;
	const char *f;

	buf_clear(tmp);
	u8_fold(tmp, p, n);
	f = tmp->p == NULL ? "" : tmp->p;
	while (*f == ' ')
		f++;
	m = strlen(f);
	while (m > 0 && strchr(" :.,", f[m - 1]) != NULL)
		m--;
	for (k = 0; labels[k] != NULL; k++) {
		size_t w = strlen(labels[k]);

		/* The whole cell, or the label and words in brackets. */
		if (m >= w && strncmp(f, labels[k], w) == 0 &&
		    (m == w || f[w] == ' ' || f[w] == '(' || f[w] == ':'))
			return k < 2 || m == w || f[w] == '(' || f[w] == ':' ||
			    f[w + 1] == '(';
	}
	return 0;
}

int
words_ward_issuer(const char *p, size_t n, struct buf *tmp)
{
	static const char *const heads[] = { "uy ban nhan dan ", "ubnd ", NULL };
	static const char *const wards[] = { "phuong ", "xa ", "thi tran ",
		"dac khu ", NULL };
	const char *f;
	size_t k;

	buf_clear(tmp);
	u8_fold(tmp, p, n);
	f = tmp->p == NULL ? "" : tmp->p;
	while (*f == ' ')
		f++;
	for (k = 0; heads[k] != NULL; k++)
		if (strncmp(f, heads[k], strlen(heads[k])) == 0)
			f += strlen(heads[k]);
	for (k = 0; wards[k] != NULL; k++)
		if (strncmp(f, wards[k], strlen(wards[k])) == 0)
			return 1;
	return 0;
}

int
words_is(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncmp(s, w, k) == 0 && (n == k || !wd_folded(s[k]));
}

/* Words that end a noun phrase (folded). */
static const char *const np_stops[] = { "va", "voi", "cho", "cua", "tai",
	"theo", "de", "nham", "do", "doi voi", "so voi", "hoac", "nhung",
	"trong", "tren", "thuoc", "tu", "den", "vao", "ve", NULL };

int
words_ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncmp(s + n - k, w, k) == 0 &&
	    (n == k || !wd_folded(s[n - k - 1]));
}

int
words_np_stop_exact(const char *s, size_t n)
{
	size_t k;

	for (k = 0; np_stops[k] != NULL; k++)
		if (strlen(np_stops[k]) == n && strncmp(s, np_stops[k], n) == 0)
			return 1;
	return 0;
}

int
words_np_stop2(const char *s, size_t n)
{
	return words_is(s, n, "so voi") || words_is(s, n, "doi voi");
}

int
words_np_stop(const char *s, size_t n)
{
	size_t k;

	for (k = 0; np_stops[k] != NULL; k++)
		if (words_is(s, n, np_stops[k]))
			return 1;
	return 0;
}

int
words_aspect(const char *s, size_t n)
{
	static const char *const w[] = { "da", "dang", "duoc", "se", "vua",
		"co", NULL };
	size_t k;

	for (k = 0; w[k] != NULL; k++)
		if (words_is(s, n, w[k]))
			return 1;
	return 0;
}

int
words_count_follows(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != ';' && !(s[i] == '.' && (i + 1 == n ||
	    s[i + 1] == ' ')); i++) {
		size_t j;

		if (!wd_digit(s[i]) || (i > 0 && wd_folded(s[i - 1])))
			continue;
		for (j = i; j < n && (wd_digit(s[j]) || ((s[j] == '.' ||
		    s[j] == ',') && j + 1 < n && wd_digit(s[j + 1]))); j++)
			;
		return !(j < n && s[j] == '%');
	}
	return 0;
}


int
words_np_break(const char *s, size_t n, size_t i)
{
	size_t w = i;

	while (w < n && wd_folded(s[w]))
		w++;
	return strchr(",;:().", s[i]) != NULL || wd_digit(s[i]) ||
	    !wd_folded(s[i]) || w - i > WORDS_SYLLABLE_MAX ||
	    words_np_stop(s + i, n - i) ||
	    (words_aspect(s + i, n - i) && words_count_follows(s + i, n - i));
}

int
words_np_step(const char *s, size_t n, size_t *i)
{
	if (words_np_break(s, n, *i))
		return 0;
	while (*i < n && wd_folded(s[*i]))
		(*i)++;
	return 1;
}

size_t
words_np_end(const char *s, size_t n, size_t max)
{
	size_t i = 0, end = 0, words = 0;

	while (i < n && words < max) {
		if (s[i] == ' ') {
			i++;
			continue;
		}
		if (!words_np_step(s, n, &i))
			break;
		end = i;
		words++;
	}
	return end;
}
