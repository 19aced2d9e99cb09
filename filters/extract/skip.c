/*
 * What is not a figure: a digit token that is part of an identifier, a
 * date, a period, a name ("Phường 17"), a slogan, a phone number or an
 * e-mail address.  skip_reason() says which; the figure scanner drops it.
 */
#include <stddef.h>
#include <string.h>

#include "extract.h"
#include "utf8.h"

/*
 * Folds the words just before position i of s (up to max bytes back) so
 * that cue words can be compared without diacritics.  The result ends at i
 * (trailing blanks dropped) and lives in st->fold.
 */
static const char *
fold_before(struct scan *st, const char *s, size_t i, size_t max)
{
	size_t from = i > max ? i - max : 0;

	while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	buf_clear(&st->fold);
	buf_addc(&st->fold, ' ');
	u8_fold(&st->fold, s + from, i - from);
	while (st->fold.n > 0 && (st->fold.p[st->fold.n - 1] == ' ' ||
	    st->fold.p[st->fold.n - 1] == ':'))
		st->fold.p[--st->fold.n] = '\0';
	return st->fold.p;
}

static int
ends_with_word(const char *f, const char *w)
{
	size_t n = strlen(f), k = strlen(w);

	if (k > n)
		return 0;
	if (strcmp(f + n - k, w) != 0)
		return 0;
	return k == n || f[n - k - 1] == ' ' || f[n - k - 1] == '(' ||
	    f[n - k - 1] == ',' || f[n - k - 1] == '-';
}

/*
 * Words after which a number names something (Phường 17, ấp 5, khóa XV,
 * lần 2) or is part of a date or period, never a quantity.
 */
static const char *const name_words[] = { "phuong", "quan", "ap", "to",
	"khu pho", "khu vuc", "duong", "cap", "tap doan", "cum", "cum thi dua",
	"trung uong", "muc do", "lan", "lan thu", "phu luc", "dieu", "khoan",
	"chuong", "khoa", "khoa thu", "hang", "quy", "ngay", "thang", "nam",
	"nam hoc", "nhiem ky", "giai doan", "ky niem", "doan", "ky hop thu",
	"hoi nghi", "tang", "lo", "kp", "hem", "hẻm", "xom", "thon", "doi",
	"so nha", "nghi quyet", "chi thi", "ket luan", "ql", "tinh lo",
	"huong dan", "vong", "dot", "quyen", "thu", "so dien thoai",
	"dien thoai", "dt", "fax", "email", "tram", "nha", "phong", "buoc",
	"tuan", "bac", "loai", "nhom", "khu", "cong van", "quyet dinh", NULL };

/* Words after which a number is a slogan ("4 xin", "5 không"). */
static const char *const slogan_words[] = { "xin", "luon", "khong", "giam",
	"biet", NULL };

/* Words after which a number is a span of time, not a quantity. */
static const char *const period_words[] = { "thang", NULL };

static int
word_follows(struct scan *st, const char *s, size_t n, size_t i,
    const char *const *words)
{
	size_t j = i, k;
	const char *f;

	while (j < n && s[j] == ' ')
		j++;
	if (j == i || j >= n)
		return 0;
	buf_clear(&st->fold);
	u8_fold(&st->fold, s + j, n - j > 24 ? u8_cut(s + j, n - j, 24) : n - j);
	f = st->fold.p == NULL ? "" : st->fold.p;
	for (k = 0; words[k] != NULL; k++) {
		size_t w = strlen(words[k]);

		if (strncmp(f, words[k], w) == 0 && (f[w] == '\0' ||
		    f[w] == ' ' || f[w] == ',' || f[w] == '"' || f[w] == ';' ||
		    f[w] == '.' || (unsigned char)f[w] >= 0x80))
			return 1;
	}
	return 0;
}

/* Is s[a..b) a plain year (1900-2099)? */
static int
is_year(const char *s, size_t a, size_t b)
{
	return b - a == 4 && (strncmp(s + a, "19", 2) == 0 ||
	    strncmp(s + a, "20", 2) == 0) && isdig(s[a + 2]) && isdig(s[a + 3]);
}

/* Reads a digit token [0-9]+([.,][0-9]+)* from i; returns its end. */
size_t
digit_token(const char *s, size_t n, size_t i)
{
	while (i < n && isdig(s[i]))
		i++;
	while (i + 1 < n && (s[i] == '.' || s[i] == ',') && isdig(s[i + 1])) {
		i++;
		while (i < n && isdig(s[i]))
			i++;
	}
	return i;
}

/* A grouped number must have groups of exactly three digits after a dot
 * (or one decimal part); phone numbers such as 028.38940541 fail. */
int
plausible_number(const char *s, size_t a, size_t b)
{
	size_t i, run = 0, groups = 0, lead = 0;
	int seen_sep = 0, commas = 0;

	for (i = a; i < b; i++) {
		if (isdig(s[i])) {
			run++;
			continue;
		}
		if (!seen_sep)
			lead = run;
		seen_sep = 1;
		if (s[i] == ',')
			commas++;
		else if (commas == 0 && run != 3 && groups > 0)
			return 0;
		if (s[i] == '.')
			groups++;
		run = 0;
	}
	if (!seen_sep)
		return !(run >= 9 && s[a] == '0');	/* mobile numbers */
	if (lead > 3 && commas == 0 && groups > 0 && run == 3)
		return 0;
	if (commas == 0 && groups > 0 && run != 3 && !(groups == 1 && run == 2))
		return run == 3;
	return 1;
}

/* Glued to a word before (QL37, Covid-19, B2), or part of an address. */
static const char *
glued_before(const char *s, size_t n, size_t a, size_t b)
{
	size_t i, p;

	if (a > 0) {
		p = prev_char(s, a);
		if (isletter_at(s, n, p))
			return "name";
		if (s[p] == '-' && p > 0 && isletter_at(s, n, prev_char(s, p)))
			return "name";
		if (s[p] == '@' || s[p] == '.' || s[p] == '_')
			return "address";
	}
	/* E-mail: an @ in the same word. */
	for (i = b; i < n && s[i] != ' ' && s[i] != '\t'; i++)
		if (s[i] == '@')
			return "address";
	return NULL;
}

/* Identifiers (55/KH-UBND, 08-TT/HU, 145/2020/NĐ-CP, 676 /BC-UBND) and
 * dates (d/m/yyyy, m/yyyy). */
static const char *
identifier_or_date(const char *s, size_t n, size_t a, size_t b, int slashes)
{
	size_t i = b;

	if (i < n && s[i] == ' ' && i + 1 < n && s[i + 1] == '/')
		i++;
	if (i + 1 < n && (s[i] == '/' || s[i] == '-') &&
	    (isletter_at(s, n, i + 1) || s[i + 1] == '/'))
		return "identifier";
	if (b < n && s[b] == '/' && b + 1 < n && isdig(s[b + 1]) && slashes >= 1)
		return "identifier";
	if (slashes >= 2)
		return "date";
	if (slashes == 1) {
		const char *sl = memchr(s + a, '/', b - a);
		size_t after = (size_t)(sl - s) + 1;

		if (is_year(s, after, b) && sl - (s + a) <= 2)
			return "date";
	}
	return NULL;
}

/* A number that names: glued letters after (12a, 3rd), a name word
 * before (Phường 17), "số 34" after a capitalised word, a rank. */
static const char *
named_number(struct scan *st, const char *s, size_t n, size_t a, size_t b)
{
	const char *f;
	size_t p;
	int k;

	if (b < n && isletter_at(s, n, b) && s[b] != 'm' && s[b] != 'h' &&
	    s[b] != 'k')
		return "name";
	f = fold_before(st, s, a, 40);
	for (k = 0; name_words[k] != NULL; k++)
		if (ends_with_word(f, name_words[k]))
			return "name";
	/* "số 34" after a capitalised word: Pháp lệnh số 34, cầu ... số 2. */
	p = a;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	if (p >= 3 && (strncmp(s + p - 3, "số", 3) == 0 ||
	    strncmp(s + p - 3, "Số", 3) == 0) && (p == 3 || s[p - 4] == ' ') &&
	    !ends_with_word(f, "tong so") && !ends_with_word(f, "la so"))
		return "name";
	/* Ranks and anniversaries. */
	if (ends_with_word(f, "hang") || ends_with_word(f, "ky niem") ||
	    ends_with_word(f, "thu"))
		return "name";
	return NULL;
}

/* Year ranges: 2021 - 2026, 2020- 2021, (2021 - 2025).  *extend is set
 * to the end of the second year when there is one. */
static const char *
year_range(const char *s, size_t n, size_t a, size_t b, size_t *extend)
{
	size_t j = b, p;

	while (j < n && s[j] == ' ')
		j++;
	if (j < n && (s[j] == '-' || strncmp(s + j, "–", 3) == 0)) {
		j += s[j] == '-' ? 1 : 3;
		while (j < n && s[j] == ' ')
			j++;
		if (j + 4 <= n && is_year(s, j, j + 4)) {
			*extend = j + 4;
			return "year range";
		}
	}
	p = prev_char(s, a);
	if (a > 0 && (s[p] == '-' || strncmp(s + p, "–", 3) == 0 ||
	    (s[p] == ' ' && p > 0 && (s[p - 1] == '-' ||
	    (p >= 3 && strncmp(s + p - 3, "–", 3) == 0)))))
		return "year range";
	return NULL;
}

/* A small bare number before a word: a slogan ("4 xin", "5 không"), a
 * date cut by a line break ("01 năm 2015"), a period ("6 tháng"). */
static const char *
small_before_word(struct scan *st, const char *s, size_t n, size_t b)
{
	if (word_follows(st, s, n, b, slogan_words))
		return "slogan";
	if (b + 9 < n && strncmp(s + b, " năm ", 6) == 0 &&
	    is_year(s, b + 6, b + 10))
		return "date";
	if (word_follows(st, s, n, b, period_words))
		return "period";
	return NULL;
}

/*
 * Decides whether the digit token s[a..b) (with any fraction or chain
 * already folded into [a..b)) is not a figure.  Returns a reason or NULL.
 */
const char *
skip_reason(struct scan *st, const char *s, size_t n, size_t a, size_t b,
    int slashes, size_t *extend)
{
	const char *why;

	if ((why = glued_before(s, n, a, b)) != NULL ||
	    (why = identifier_or_date(s, n, a, b, slashes)) != NULL ||
	    (why = named_number(st, s, n, a, b)) != NULL)
		return why;
	if (slashes == 0 && is_year(s, a, b) &&
	    (why = year_range(s, n, a, b, extend)) != NULL)
		return why;
	if (slashes == 0 && b - a <= 2 &&
	    (why = small_before_word(st, s, n, b)) != NULL)
		return why;
	if (!plausible_number(s, a, b))
		return "phone or code";
	return NULL;
}
