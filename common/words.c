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
