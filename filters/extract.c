/*
 * baocao-extract: every figure in a report, with its context.
 *
 * Input: report texts (UTF-8 plain text converted from Word), one document
 * per file ("-" or no file: stdin is one document); ".gz" is read as is.
 * Output: one CSV row per figure mention, nothing interpreted:
 *
 *	doc,issuer,doc_no,doc_date,period_text,line,section,source,
 *	row_label,col_label,before,raw,unit_text,after,places
 *
 * places (an addition to the contract) lists the "type Name" mentions of
 * administrative units in the document, so that normalize can settle an
 * ambiguous issuer from other names in the same document.
 *
 * What is not a figure (document identifiers, dates, years of periods and
 * terms, heading and STT numbers, footnote markers, phone numbers, e-mail
 * addresses, names that are numbers) is recognised by the rules in
 * skip_reason() and never printed.  Documents are read one at a time.
 */
#include <getopt.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "buf.h"
#include "cli.h"
#include "csvout.h"
#include "diag.h"
#include "gz.h"
#include "utf8.h"
#include "xalloc.h"

#define SYNOPSIS "baocao-extract [-z] [--stats] [--progress] [--files0-from LIST | FILE ...]"
#define DOC_MAX ((size_t)64 << 20)	/* bytes in one document */
#define CTX_MAX 200			/* bytes of context either side */
#define UNIT_WORDS 3			/* words of unit_text at most */

static const char *const columns[] = { "doc", "issuer", "doc_no", "doc_date",
	"period_text", "line", "section", "source", "row_label", "col_label",
	"before", "raw", "unit_text", "after", "places" };

struct opts {
	int gzip, stats, progress, bom;
};

struct line {
	size_t off, len;	/* into doc.clean */
};

struct doc {
	char *name;
	struct buf text;	/* as read */
	struct buf clean;	/* markup removed, lines NUL-separated */
	struct line *lines;
	size_t nlines, capl;
	char *issuer, *doc_no, *doc_date, *period_text;
	struct buf places;
	char section[64];
};

/* A figure found on a line: byte range of raw in the cleaned line. */
struct fig {
	size_t start, end;	/* raw */
	size_t ustart, uend;	/* unit_text */
};

struct state {
	const struct opts *o;
	struct csvout *out;
	unsigned long long docs, lines, figures, skipped;
	regex_t re_title[4];
	struct buf fold;
};

static const char *const help_text =
"usage: " SYNOPSIS "\n"
"\n"
"Finds every figure in report texts and writes one CSV row per mention\n"
"with its context (see baocao-extract(1) for the columns).\n"
"\n"
"  -z, --gzip      write gzip\n"
"      --bom       start with a UTF-8 byte-order mark\n"
"      --stats     print counts of documents, lines and figures on stderr\n"
"      --progress  show reports done / total on stderr\n"
"      --files0-from LIST  read the NUL-separated file names in LIST\n"
"                  (\"-\": stdin) instead of operands\n"
"  -h, --help      this help\n"
"  -V, --version   version\n"
"\n"
"Exit status: 0 success, 2 trouble (unreadable input, invalid UTF-8, a\n"
"NUL byte, a document over 64 MiB).\n";

enum { OPT_STATS = CHAR_MAX + 1, OPT_PROGRESS, OPT_FILES0, OPT_BOM };

static const struct option longopts[] = {
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "files0-from", required_argument, NULL, OPT_FILES0 },
	{ "gzip", no_argument, NULL, 'z' },
	{ "help", no_argument, NULL, 'h' },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* A letter: ASCII, or the first byte of a multi-byte (Vietnamese) one. */
static int
isletter_at(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	utf8proc_int32_t cp;

	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return 1;
	if (c < 0x80)
		return 0;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	return utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO;
}

/* Start of the character that ends just before i. */
static size_t
prev_char(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static int
isupper_at(const char *s, size_t n, size_t i)
{
	utf8proc_int32_t cp;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static char *
dupn(const char *p, size_t n)
{
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return xmemdup(p, n);
}

/*
 * Folds the words just before position i of s (up to max bytes back) so
 * that cue words can be compared without diacritics.  The result ends at i
 * (trailing blanks dropped) and lives in st->fold.
 */
static const char *
fold_before(struct state *st, const char *s, size_t i, size_t max)
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
word_follows(struct state *st, const char *s, size_t n, size_t i,
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
static size_t
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
static int
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

/*
 * Decides whether the digit token s[a..b) (with any fraction or chain
 * already folded into [a..b)) is not a figure.  Returns a reason or NULL.
 */
static const char *
skip_reason(struct state *st, const char *s, size_t n, size_t a, size_t b,
    int slashes, size_t *extend)
{
	const char *f;
	size_t i, p;
	int k;

	/* Glued to a word before: QL37, Covid-19, B2. */
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
	/* Identifiers: 55/KH-UBND, 08-TT/HU, 145/2020/NĐ-CP, 676 /BC-UBND. */
	i = b;
	if (i < n && s[i] == ' ' && i + 1 < n && s[i + 1] == '/')
		i++;
	if (i + 1 < n && (s[i] == '/' || s[i] == '-') &&
	    (isletter_at(s, n, i + 1) || s[i + 1] == '/'))
		return "identifier";
	if (b < n && s[b] == '/' && b + 1 < n && isdig(s[b + 1]) && slashes >= 1)
		return "identifier";
	/* Dates: d/m/yyyy, m/yyyy. */
	if (slashes >= 2)
		return "date";
	if (slashes == 1) {
		const char *sl = memchr(s + a, '/', b - a);
		size_t after = (size_t)(sl - s) + 1;

		if (is_year(s, after, b) && sl - (s + a) <= 2)
			return "date";
	}
	/* Glued letters after (other than a unit): 12a, 3rd. */
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
	/* Year ranges: 2021 - 2026, 2020- 2021, (2021 - 2025). */
	if (slashes == 0 && is_year(s, a, b)) {
		size_t j = b;

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
	}
	/* Slogans: "4 xin", "5 không", "3 giảm" (a small bare number). */
	if (slashes == 0 && b - a <= 2 && word_follows(st, s, n, b, slogan_words))
		return "slogan";
	/* A date cut by a line break: "01 năm 2015 của Chính phủ". */
	if (slashes == 0 && b - a <= 2 && b + 9 < n &&
	    strncmp(s + b, " năm ", 6) == 0 && is_year(s, b + 6, b + 10))
		return "date";
	/* Periods: "9 tháng đầu năm", "6 tháng". */
	if (slashes == 0 && b - a <= 2 && word_follows(st, s, n, b, period_words))
		return "period";
	if (!plausible_number(s, a, b))
		return "phone or code";
	return NULL;
}

/* Reads the unit noun after a figure: up to UNIT_WORDS words. */
static void
unit_after(const char *s, size_t n, size_t i, size_t *us, size_t *ue)
{
	size_t words = 0, j;

	while (i < n && s[i] == ' ')
		i++;
	*us = *ue = i;
	j = i;
	while (j < n && words < UNIT_WORDS) {
		size_t w = j;

		if (!isletter_at(s, n, j) && strncmp(s + j, "²", 2) != 0)
			break;
		while (w < n && (isletter_at(s, n, w) || s[w] == '-' ||
		    (strncmp(s + w, "²", 2) == 0 && w > 0 && s[w - 1] == 'm')))
			w += u8_len(s + w, n - w);
		if (w == j)
			break;
		*ue = w;
		words++;
		j = w;
		if (j < n && s[j] == ' ')
			j++;
		else
			break;
	}
}

/* Clause bounds around [a, b) on one cleaned line: '.', ';' end a clause. */
static size_t
clause_start(const char *s, size_t a)
{
	size_t i = a, lim = a > CTX_MAX ? a - CTX_MAX : 0;

	while (i > lim) {
		if (s[i - 1] == ';' || (s[i - 1] == '.' && (i == a ||
		    s[i] == ' ') && !(i >= 2 && isdig(s[i - 2]) && isdig(s[i]))))
			break;
		i--;
	}
	while (i < a && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	while (i < a && s[i] == ' ')
		i++;
	return i;
}

static size_t
clause_end(const char *s, size_t n, size_t b)
{
	size_t i = b, lim = b + CTX_MAX < n ? b + CTX_MAX : n;

	while (i < lim) {
		if (s[i] == ';' || (s[i] == '.' && (i + 1 == n || s[i + 1] == ' ')))
			break;
		i++;
	}
	return b + u8_cut(s + b, n - b, i - b);
}

static void
emit(struct state *st, struct doc *d, size_t lineno, const char *source,
    const char *row, const char *col, const char *before, size_t bn,
    const char *raw, size_t rn, const char *unit, size_t un,
    const char *after, size_t an)
{
	struct csvout *o = st->out;
	char num[32];

	if (st->o->stats)
		st->figures++;
	csvout_str(o, d->name);
	csvout_str(o, d->issuer);
	csvout_str(o, d->doc_no);
	csvout_str(o, d->doc_date);
	csvout_str(o, d->period_text);
	snprintf(num, sizeof(num), "%zu", lineno);
	csvout_str(o, num);
	csvout_str(o, d->section);
	csvout_str(o, source);
	csvout_str(o, row);
	csvout_str(o, col);
	csvout_field(o, before, bn);
	csvout_field(o, raw, rn);
	csvout_field(o, unit, un);
	csvout_field(o, after, an);
	csvout_field(o, d->places.p == NULL ? "" : d->places.p, d->places.n);
	csvout_end(o);
}

/*
 * Context of a line joined with its neighbours when a page break of the
 * conversion split a clause: the line before ends without punctuation and
 * this one starts in lower case (and the same the other way).
 */
static void
joined_context(struct doc *d, size_t li, struct buf *pre, struct buf *post)
{
	size_t j;
	const char *s;

	buf_clear(pre);
	buf_clear(post);
	s = d->clean.p + d->lines[li].off;
	if (d->lines[li].len > 0 && !isupper_at(s, d->lines[li].len, 0) &&
	    !isdig(s[0]) && s[0] != '-' && s[0] != '+')
		for (j = li; j-- > 0 && li - j <= 3;) {
			const char *p = d->clean.p + d->lines[j].off;
			size_t n = d->lines[j].len;

			if (n == 0)
				continue;
			if (strchr(".;:!?)", p[n - 1]) == NULL &&
			    memchr(p, '\t', n) == NULL)
				buf_add(pre, p, n), buf_addc(pre, ' ');
			break;
		}
	{
		size_t n = d->lines[li].len;

		if (n > 0 && strchr(".;:!?)", s[n - 1]) == NULL)
			for (j = li + 1; j < d->nlines && j - li <= 3; j++) {
				const char *p = d->clean.p + d->lines[j].off;
				size_t m = d->lines[j].len;

				if (m == 0)
					continue;
				if (!isupper_at(p, m, 0) && !isdig(p[0]) &&
				    p[0] != '-' && p[0] != '+' &&
				    memchr(p, '\t', m) == NULL)
					buf_addc(post, ' '), buf_add(post, p, m);
				break;
			}
	}
}

/* Verbal zero: "không có đơn khiếu nại, tố cáo" up to ')' ';' '.'. */
static size_t
verbal_zero(struct state *st, const char *s, size_t n, size_t i)
{
	static const char *const nouns[] = { "don", "ho so", "truong hop",
		"vu ", "khieu nai", "to cao", NULL };
	size_t j, k;
	const char *f;

	if (i + 8 > n || !(i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' ||
	    s[i - 1] == ';'))
		return 0;
	buf_clear(&st->fold);
	u8_fold(&st->fold, s + i, u8_cut(s + i, n - i, 40));
	f = st->fold.p == NULL ? "" : st->fold.p;
	if (strncmp(f, "khong co ", 9) != 0)
		return 0;
	for (k = 0; nouns[k] != NULL; k++)
		if (strncmp(f + 9, nouns[k], strlen(nouns[k])) == 0)
			break;
	if (nouns[k] == NULL)
		return 0;
	for (j = i; j < n && s[j] != ')' && s[j] != ';' && s[j] != '.' &&
	    s[j] != '('; j++)
		;
	return j;
}

/* Scans one line of prose (or a text table cell) for figures. */
static void
scan_text(struct state *st, struct doc *d, size_t li, const char *s, size_t n,
    size_t from, const char *source, const char *row, const char *col)
{
	struct buf pre = { 0 }, post = { 0 }, before = { 0 }, after = { 0 };
	size_t i = from, namelist_end = 0;
	int have_ctx = 0;

	while (i < n) {
		size_t a, b, extend = 0, us, ue, vz, cs, ce;
		int slashes = 0;
		const char *why;

		if (!isdig(s[i])) {
			if ((s[i] == 'k' || s[i] == 'K') &&
			    (vz = verbal_zero(st, s, n, i)) > 0) {
				a = i;
				b = vz;
				us = ue = b;
				goto found;
			}
			i++;
			continue;
		}
		a = i;
		b = digit_token(s, n, i);
		/* Fractions and chains: a/b, a/b/c. */
		while (b + 1 < n && s[b] == '/' && isdig(s[b + 1])) {
			b = digit_token(s, n, b + 1);
			slashes++;
		}
		why = skip_reason(st, s, n, a, b, slashes, &extend);
		/* A list after a name: "các phường 1, 3, 4 và 5". */
		if (why == NULL && namelist_end > 0 && a <= namelist_end + 5) {
			const char *gap = s + namelist_end;

			if (strncmp(gap, ", ", (size_t)(a - namelist_end)) == 0 ||
			    strncmp(gap, " và ", (size_t)(a - namelist_end)) == 0 ||
			    strncmp(gap, ",", (size_t)(a - namelist_end)) == 0)
				why = "name";
		}
		if (why != NULL) {
			st->skipped++;
			namelist_end = strcmp(why, "name") == 0 ? b : 0;
			i = extend > b ? extend : b;
			/* Skip the rest of an identifier or chain. */
			while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != ';' &&
			    s[i] != ')' && s[i] != '\t')
				i++;
			continue;
		}
		namelist_end = 0;
		/* Percent, area units glued or spaced. */
		if (b < n && s[b] == '%')
			b++;
		else if (b + 1 < n && s[b] == ' ' && s[b + 1] == '%')
			b += 2;
		else if (b + 2 < n && s[b] == 'm' && strncmp(s + b + 1, "²", 2) == 0)
			b += 3;
		else if (b + 3 < n && s[b] == ' ' && s[b + 1] == 'm' &&
		    strncmp(s + b + 2, "²", 2) == 0)
			b += 4;
		else if (b + 1 < n && s[b] == 'm' && s[b + 1] == '2' &&
		    (b + 2 == n || !isdig(s[b + 2])))
			b += 2;
		unit_after(s, n, b, &us, &ue);
		/* Scale words belong to the figure: 500 triệu đồng. */
		if (ue > us) {
			static const char *const scales[] = { "triệu", "tỷ", "tỉ",
				"nghìn", "ngàn", NULL };
			int k;

			for (k = 0; scales[k] != NULL; k++) {
				size_t w = strlen(scales[k]);

				if ((size_t)(ue - us) >= w &&
				    strncmp(s + us, scales[k], w) == 0 &&
				    (us + w == n || s[us + w] == ' ')) {
					b = us + w;
					unit_after(s, n, b, &us, &ue);
					break;
				}
			}
		}
found:
		if (!have_ctx) {
			joined_context(d, li, &pre, &post);
			have_ctx = 1;
		}
		cs = clause_start(s, a);
		ce = clause_end(s, n, ue);
		buf_clear(&before);
		if (cs == 0 && pre.n > 0) {
			size_t keep = pre.n > CTX_MAX ? CTX_MAX : pre.n;
			size_t off = pre.n - keep;

			while (off < pre.n && ((unsigned char)pre.p[off] & 0xC0) == 0x80)
				off++;
			buf_add(&before, pre.p + off, pre.n - off);
		}
		buf_add(&before, s + cs, a - cs);
		buf_clear(&after);
		buf_add(&after, s + ue, ce - ue);
		if (ce == n && post.n > 0)
			buf_add(&after, post.p, u8_cut(post.p, post.n, CTX_MAX));
		emit(st, d, li + 1, source, row, col,
		    before.p == NULL ? "" : before.p, before.n, s + a, b - a,
		    s + us, ue - us, after.p == NULL ? "" : after.p, after.n);
		i = b;
		/* Slash chains: "857 lượt/914 người" goes on after the unit. */
		if (ue < n && s[ue] == '/' && ue + 1 < n && isdig(s[ue + 1]))
			i = ue + 1;
	}
	buf_free(&pre);
	buf_free(&post);
	buf_free(&before);
	buf_free(&after);
}

/* Splits a line at TABs into cells (pointers into the line). */
static size_t
split_cells(const char *s, size_t n, struct span *cells, size_t max)
{
	size_t k = 0, i = 0, start = 0;

	for (i = 0; i <= n && k < max; i++) {
		if (i == n || s[i] == '\t') {
			cells[k].p = s + start;
			cells[k].n = i - start;
			while (cells[k].n > 0 && cells[k].p[cells[k].n - 1] == ' ')
				cells[k].n--;
			while (cells[k].n > 0 && cells[k].p[0] == ' ') {
				cells[k].p++;
				cells[k].n--;
			}
			k++;
			start = i + 1;
		}
	}
	return k;
}

static int
all_digits(struct span c)
{
	size_t i;

	if (c.n == 0)
		return 0;
	for (i = 0; i < c.n; i++)
		if (!isdig(c.p[i]))
			return 0;
	return 1;
}

static int
is_number_cell(struct span c)
{
	size_t e;

	if (c.n == 0 || !isdig(c.p[0]))
		return 0;
	e = digit_token(c.p, c.n, 0);
	if (e < c.n && c.p[e] == '%')
		e++;
	return e == c.n && plausible_number(c.p, 0, c.n - (c.p[c.n - 1] == '%'));
}

static int
is_total_label(struct state *st, struct span c)
{
	const char *f;

	buf_clear(&st->fold);
	u8_fold(&st->fold, c.p, c.n);
	f = st->fold.p == NULL ? "" : st->fold.p;
	return strncmp(f, "tong cong", 9) == 0 || strcmp(f, "tong") == 0 ||
	    strcmp(f, "cong") == 0 || strncmp(f, "tong so", 7) == 0;
}

enum { MAXCELLS = 256, MAXHEAD = 8 };

/*
 * Header rows converted from merged Word cells can sit off the data
 * columns.  The column-number row tells: where it skips a number (7 8 10
 * 11), that column was dropped from the data, and the top header row,
 * which still has a cell per original column, is moved onto the data
 * columns through it.  A lower header row that lost the cells under
 * merged single columns is then laid, cell by cell and in order, under
 * the top row's groups of two or more columns, when it has exactly as
 * many labels as those groups have columns.
 */
static void
align_headers(struct span head[][MAXCELLS], size_t *hn, size_t nhead,
    const long *num, size_t nnum)
{
	static const struct span none = { "", 0 };
	struct span top[MAXCELLS];
	unsigned char grouped[MAXCELLS] = { 0 };
	size_t k, j, h, width = 0;
	int gap = 0;

	for (k = 1; k < nnum; k++)
		if (num[k] > num[k - 1] + 1)
			gap = 1;
	if (!gap || nhead == 0)
		return;
	for (k = 0; k < nnum; k++)
		top[k] = num[k] >= 1 && (size_t)num[k] - 1 < hn[0] ?
		    head[0][num[k] - 1] : none;
	memcpy(head[0], top, nnum * sizeof(*top));
	hn[0] = nnum;
	/* The columns under groups of two or more. */
	for (k = 0; k < nnum; k = j) {
		for (j = k + 1; j < nnum && top[j].n == 0; j++)
			;
		if (top[k].n > 0 && j - k >= 2)
			for (; k < j; k++, width++)
				grouped[k] = 1;
	}
	for (h = 1; h < nhead && width > 0; h++) {
		struct span out[MAXCELLS];
		size_t labels = 0, next = 0;

		for (k = 0; k < hn[h]; k++)
			labels += head[h][k].n > 0;
		if (labels != width)
			continue;
		for (k = 0; k < nnum; k++) {
			out[k] = none;
			if (!grouped[k])
				continue;
			while (head[h][next].n == 0)
				next++;
			out[k] = head[h][next++];
		}
		memcpy(head[h], out, nnum * sizeof(*out));
		hn[h] = nnum;
	}
}

/*
 * A table: the lines [first, last] that hold TABs (blank lines inside
 * included).  Header rows come before the first data row; a row of
 * ascending column numbers is not a header (it aligns them, above); a
 * data row starts with an STT number or a total label.
 */
static void
scan_table(struct state *st, struct doc *d, size_t first, size_t last)
{
	struct span cells[MAXCELLS], head[MAXHEAD][MAXCELLS];
	size_t hn[MAXHEAD], nhead = 0, li, k, h, nnum = 0;
	long num[MAXCELLS];
	struct buf col = { 0 }, row = { 0 };
	int in_data = 0;

	for (li = first; li <= last; li++) {
		const char *s = d->clean.p + d->lines[li].off;
		size_t n = d->lines[li].len, nc, name_at;
		int numbered = 1, data;

		if (n == 0)
			continue;
		nc = split_cells(s, n, cells, MAXCELLS);
		/* Column-number row: 1 2 3 ... */
		for (k = 0; k < nc; k++)
			if (cells[k].n > 0 && !all_digits(cells[k]))
				numbered = 0;
		if (numbered && nc >= 3 && !in_data && all_digits(cells[0]) &&
		    strncmp(cells[0].p, "1", cells[0].n) == 0 &&
		    (nc < 2 || cells[1].n == 0 || all_digits(cells[1]))) {
			if (cells[1].n > 0 && strncmp(cells[1].p, "2", cells[1].n) == 0) {
				for (nnum = 0; nnum < nc && cells[nnum].n > 0 &&
				    cells[nnum].n < 6; nnum++)
					num[nnum] = strtol(cells[nnum].p, NULL, 10);
				continue;
			}
		}
		data = (all_digits(cells[0]) && cells[0].n <= 3 && nc > 1 &&
		    cells[1].n > 0 && !all_digits(cells[1])) ||
		    is_total_label(st, cells[0]) ||
		    (nc > 1 && cells[0].n == 0 && is_total_label(st, cells[1]));
		if (!data && !in_data) {
			if (nhead < MAXHEAD) {
				memcpy(head[nhead], cells, nc * sizeof(*cells));
				hn[nhead++] = nc;
			}
			continue;
		}
		if (!data) {
			/* A text row after data: scan it as prose. */
			scan_text(st, d, li, s, n, 0, "table", "", "");
			continue;
		}
		if (!in_data)
			align_headers(head, hn, nhead, num, nnum);
		in_data = 1;
		name_at = all_digits(cells[0]) || cells[0].n == 0 ? 1 : 0;
		buf_clear(&row);
		buf_add(&row, cells[name_at].p, cells[name_at].n);
		for (k = name_at + 1; k < nc; k++) {
			struct span c = cells[k];

			if (c.n == 0 || (c.n == 1 && c.p[0] == '-'))
				continue;
			buf_clear(&col);
			for (h = 0; h < nhead; h++) {
				struct span hc = { "", 0 };

				if (k < hn[h])
					hc = head[h][k];
				/* An empty top header cell continues the one left. */
				if (h == 0 && hc.n == 0) {
					size_t j = k < hn[h] ? k : hn[h];

					while (j-- > 0 && head[h][j].n == 0)
						;
					if (j < hn[h] && j > name_at)
						hc = head[h][j];
				}
				if (hc.n == 0)
					continue;
				if (col.n > 0)
					buf_adds(&col, " / ");
				buf_add(&col, hc.p, hc.n);
			}
			if (is_number_cell(c)) {
				emit(st, d, li + 1, "table", row.p, col.p == NULL ? "" :
				    col.p, "", 0, c.p, c.n, "", 0, "", 0);
			} else {
				/* A text cell: "Khoảng 330 người Khoảng 310 người". */
				char *cell = xmemdup(c.p, c.n);

				scan_text(st, d, li, cell, c.n, 0, "table", row.p,
				    col.p == NULL ? "" : col.p);
				free(cell);
			}
		}
	}
	buf_free(&col);
	buf_free(&row);
}

/*
 * Length of a heading number at the start of s: "II." "1." "1.1." "a)"
 * followed by a space; 0 when there is none.  (A hand-written test: a
 * regular expression per line cost half of the running time.)
 */
static size_t
heading_len(const char *s, size_t n)
{
	size_t i = 0, groups = 0;

	if (n == 0)
		return 0;
	if (strchr("IVX", s[0]) != NULL) {
		while (i < n && strchr("IVX", s[i]) != NULL && s[i] != '\0')
			i++;
		return i + 1 < n && s[i] == '.' && s[i + 1] == ' ' ? i + 1 : 0;
	}
	if (isdig(s[0])) {
		for (;;) {
			size_t d = i;

			while (i < n && isdig(s[i]))
				i++;
			if (i - d == 0 || i - d > 2 || i >= n || s[i] != '.')
				return 0;
			i++;
			groups++;
			if (i < n && s[i] == ' ')
				return i;
			if (i >= n || !isdig(s[i]))
				return 0;
		}
	}
	if (n >= 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ')
		return 2;
	if (n >= 4 && strncmp(s, "đ) ", 4) == 0)
		return 3;
	return 0;
}

/*
 * Heading: "II. ", "1. ", "1.1. ", "a) ".  Returns the length of the
 * number part (0 when the line is not a heading) and updates the section
 * path: roman, then arabic, then letter ("II.3.b").
 */
static size_t
heading(struct doc *d, const char *s, size_t n)
{
	char tok[16], roman[24] = "", arabic[24] = "";
	size_t len, k;
	char *p;

	if (n > 600 || (len = heading_len(s, n)) == 0 || len >= sizeof(tok))
		return 0;
	memcpy(tok, s, len);
	tok[len] = '\0';
	k = len;
	while (k > 0 && (tok[k - 1] == '.' || tok[k - 1] == ')'))
		tok[--k] = '\0';
	/* Split the current path into its roman and arabic parts. */
	p = d->section;
	if (*p != '\0' && strchr("IVX", *p) != NULL) {
		size_t r = strcspn(p, ".");

		snprintf(roman, sizeof(roman), "%.*s", (int)r, p);
		p += r + (p[r] == '.');
	}
	{
		size_t a = 0;

		while (p[a] != '\0' && (isdig(p[a]) || (p[a] == '.' &&
		    isdig(p[a + 1]))))
			a++;
		snprintf(arabic, sizeof(arabic), "%.*s", (int)a, p);
	}
	if (strchr("IVX", tok[0]) != NULL)
		snprintf(d->section, sizeof(d->section), "%s", tok);
	else if (isdig(tok[0]))
		snprintf(d->section, sizeof(d->section), "%s%s%s", roman,
		    roman[0] != '\0' ? "." : "", tok);
	else
		snprintf(d->section, sizeof(d->section), "%s%s%s%s%s", roman,
		    roman[0] != '\0' && arabic[0] != '\0' ? "." : "", arabic,
		    roman[0] != '\0' || arabic[0] != '\0' ? "." : "", tok);
	return len;
}

static void
add_place(struct doc *d, const char *p, size_t n)
{
	const char *q = d->places.p;
	size_t count = 0;

	while (q != NULL && *q != '\0') {
		const char *e = strstr(q, "; ");
		size_t len = e == NULL ? strlen(q) : (size_t)(e - q);

		if (len == n && memcmp(q, p, n) == 0)
			return;
		count++;
		q = e == NULL ? NULL : e + 2;
	}
	if (count >= 24)
		return;
	if (d->places.n > 0)
		buf_adds(&d->places, "; ");
	buf_add(&d->places, p, n);
}

/* "huyện Việt Yên", "Phường 17", "thị xã Việt Yên", "tỉnh Bắc Giang". */
static void
find_places(struct state *st, struct doc *d, const char *s, size_t n)
{
	static const char *const types[] = { "thanh pho ", "thi xa ", "thi tran ",
		"tinh ", "huyen ", "quan ", "phuong ", "xa ", NULL };
	size_t i = 0;

	while (i < n) {
		size_t k, j, w, words = 0, tlen;
		const char *f;

		/* Every type word starts with t, h, q, p or x (any case). */
		if (!(i == 0 || s[i - 1] == ' ' || s[i - 1] == '(') ||
		    strchr("tThHqQpPxX", s[i]) == NULL || s[i] == '\0') {
			i++;
			continue;
		}
		buf_clear(&st->fold);
		u8_fold(&st->fold, s + i, u8_cut(s + i, n - i, 16));
		f = st->fold.p == NULL ? "" : st->fold.p;
		for (k = 0; types[k] != NULL; k++)
			if (strncmp(f, types[k], strlen(types[k])) == 0)
				break;
		if (types[k] == NULL) {
			i++;
			continue;
		}
		/* Skip the type word(s) in the original text. */
		j = i;
		for (tlen = 0; types[k][tlen] != '\0'; tlen++)
			if (types[k][tlen] == ' ') {
				while (j < n && s[j] != ' ')
					j++;
				j++;
			}
		w = j;
		while (w < n && words < 3 && (isupper_at(s, n, w) || isdig(s[w]))) {
			while (w < n && s[w] != ' ' && s[w] != ',' && s[w] != ';' &&
			    s[w] != '.' && s[w] != ')' && s[w] != '(' && s[w] != '\t')
				w++;
			words++;
			if (w + 1 < n && s[w] == ' ' && (isupper_at(s, n, w + 1) ||
			    isdig(s[w + 1])))
				w++;
			else
				break;
		}
		buf_clear(&st->fold);
		u8_fold(&st->fold, s + j, w - j);
		if (words > 0 && w > j && strncmp(st->fold.p, "hoi", 3) != 0)
			add_place(d, s + i, w - i);
		i = j > i ? j : i + 1;
	}
}

/*
 * The place-and-date line: "Bình Chánh, ngày 29 tháng 10 năm 2021", the day
 * possibly blank.  Sets doc_date (from the day) and, when no header named
 * the issuer, the place.
 */
static void
place_date(struct doc *d, const char *s, size_t n)
{
	const char *c = strstr(s, ", ngày "), *p, *q;
	size_t k;
	int day, month, year, used = 0;

	if (c == NULL || c - s < 2 || c - s > 60)
		return;
	for (k = 0; k < (size_t)(c - s); k++)
		if (isdig(s[k]))
			return;
	p = c + strlen(", ngày ");
	while (*p == ' ')
		p++;
	q = p;
	if (sscanf(q, "%2d tháng %2d năm %4d%n", &day, &month, &year, &used) != 3 &&
	    sscanf(q, "tháng %2d năm %4d%n", &month, &year, &used) != 2)
		return;
	if (used <= 0 || (size_t)(p - s) + (size_t)used > n)
		return;
	d->doc_date = dupn(p, (size_t)used);
	if (d->issuer == NULL)
		d->issuer = dupn(s, (size_t)(c - s));
}

/* Header fields from the lines before the body. */
static void
read_header(struct state *st, struct doc *d)
{
	size_t li, title = 0;
	regmatch_t m[8];

	for (li = 0; li < d->nlines && li < 60; li++) {
		const char *s = d->clean.p + d->lines[li].off;
		size_t n = d->lines[li].len;

		if (d->doc_no == NULL && n >= 3 && strncmp(s, "Số", 3) == 0) {
			const char *c = memchr(s, ':', n);

			if (c != NULL)
				d->doc_no = dupn(c + 1, n - (size_t)(c + 1 - s));
		}
		if (d->issuer == NULL && strncmp(s, "ỦY BAN NHÂN DÂN", strlen("ỦY BAN NHÂN DÂN")) == 0) {
			size_t j = li + 1, k;
			const char *rest = s + strlen("ỦY BAN NHÂN DÂN");

			/* "ỦY BAN NHÂN DÂN HUYỆN X" or the unit on the next line. */
			while (*rest == ' ')
				rest++;
			if (*rest != '\0' && strncmp(rest, "CỘNG HÒA", 10) != 0 &&
			    strncmp(rest, "CỘNG HOÀ", 10) != 0) {
				d->issuer = dupn(rest, strlen(rest));
				continue;
			}
			while (j < d->nlines && d->lines[j].len == 0)
				j++;
			if (j < d->nlines) {
				const char *u = d->clean.p + d->lines[j].off;
				size_t un = d->lines[j].len;

				for (k = 0; k < un; k++)
					if (isletter_at(u, un, k) && !isupper_at(u, un, k) &&
					    ((unsigned char)u[k] & 0xC0) != 0x80)
						break;
				if (k == un && un > 0 && un < 80)
					d->issuer = dupn(u, un);
			}
		}
		if (d->doc_date == NULL)
			place_date(d, s, n);
		if (title == 0 && (strcmp(s, "BÁO CÁO") == 0 ||
		    strncmp(s, "BÁO CÁO ", 9) == 0))
			title = li + 1;
	}
	/* The period: in the title lines after "BÁO CÁO". */
	if (title > 0) {
		size_t seen = 0;

		for (li = title; li < d->nlines && seen < 3 &&
		    d->period_text == NULL; li++) {
			const char *s = d->clean.p + d->lines[li].off;
			int k;

			if (d->lines[li].len == 0)
				continue;
			seen++;
			for (k = 0; k < 4 && d->period_text == NULL; k++)
				if (regexec(&st->re_title[k], s, 1, m, 0) == 0)
					d->period_text = dupn(s + m[0].rm_so,
					    (size_t)(m[0].rm_eo - m[0].rm_so));
		}
	}
	if (d->issuer == NULL)
		d->issuer = xstrdup("");
	if (d->doc_no == NULL)
		d->doc_no = xstrdup("");
	if (d->doc_date == NULL)
		d->doc_date = xstrdup("");
	if (d->period_text == NULL)
		d->period_text = xstrdup("");
}

static int
has_tab(const struct doc *d, size_t li)
{
	return memchr(d->clean.p + d->lines[li].off, '\t', d->lines[li].len) !=
	    NULL;
}

static void
process(struct state *st, struct doc *d)
{
	size_t li, k;

	read_header(st, d);
	for (li = 0; li < d->nlines; li++)
		find_places(st, d, d->clean.p + d->lines[li].off, d->lines[li].len);
	d->section[0] = '\0';
	for (li = 0; li < d->nlines; li++) {
		const char *s = d->clean.p + d->lines[li].off;
		size_t n = d->lines[li].len, from;

		if (n == 0)
			continue;
		if (has_tab(d, li)) {
			size_t last = li, j;

			/* The table runs on over blank lines to the next TAB line. */
			for (j = li + 1; j < d->nlines; j++) {
				if (d->lines[j].len == 0)
					continue;
				if (!has_tab(d, j))
					break;
				last = j;
			}
			scan_table(st, d, li, last);
			li = last;
			continue;
		}
		from = heading(d, s, n);
		/* Header lines before the body carry no figures worth having. */
		if (strncmp(s, "Số", 3) == 0 && memchr(s, ':', n < 8 ? n : 8) != NULL)
			continue;
		for (k = from; k < n && s[k] == ' '; k++)
			;
		scan_text(st, d, li, s, n, k, "text", "", "");
	}
}

/* Document name: the file name without directory and extensions. */
static char *
doc_name(const char *path)
{
	const char *base = strrchr(path, '/');
	char *name, *dot;

	if (strcmp(path, "-") == 0)
		return xstrdup("-");
	name = xstrdup(base == NULL ? path : base + 1);
	if ((dot = strchr(name, '.')) != NULL && dot != name)
		*dot = '\0';
	return name;
}

static void
load(struct doc *d, const char *path)
{
	struct gz_in *in = gz_open_in(path);
	char tmp[1 << 16];
	size_t n, i, start, lineno = 0;

	buf_clear(&d->text);
	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0) {
		if (d->text.n + n > DOC_MAX)
			die(2, "%s: document larger than %zu bytes", gz_name(in),
			    (size_t)DOC_MAX);
		buf_add(&d->text, tmp, n);
	}
	/* Lines: validate, drop CR, strip Word markup (* and **). */
	buf_clear(&d->clean);
	d->nlines = 0;
	for (start = 0; start < d->text.n || (start == d->text.n && 0);) {
		const char *p = d->text.p + start, *nl;
		size_t len, bad;

		nl = memchr(p, '\n', d->text.n - start);
		len = nl == NULL ? d->text.n - start : (size_t)(nl - p);
		lineno++;
		if (memchr(p, '\0', len) != NULL)
			die_at(2, gz_name(in), lineno, "NUL byte in text");
		if ((bad = u8_invalid(p, len)) < len)
			die_at(2, gz_name(in), lineno,
			    "invalid UTF-8 at byte %zu of the line", bad + 1);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (d->nlines == d->capl) {
			d->capl = d->capl == 0 ? 1024 : d->capl * 2;
			d->lines = xreallocarray(d->lines, d->capl, sizeof(*d->lines));
		}
		d->lines[d->nlines].off = d->clean.n;
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)p[i];

			/* Markup, and the BOM a Word export may start with. */
			if (c == '*')
				continue;
			if (lineno == 1 && i == 0 && len >= 3 &&
			    memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
				i += 2;
				continue;
			}
			/* Non-breaking spaces read as spaces. */
			if (c == 0xC2 && i + 1 < len && (unsigned char)p[i + 1] == 0xA0) {
				buf_addc(&d->clean, ' ');
				i++;
				continue;
			}
			buf_addc(&d->clean, (char)c);
		}
		d->lines[d->nlines].len = d->clean.n - d->lines[d->nlines].off;
		buf_addc(&d->clean, '\0');
		d->nlines++;
		start += len + (nl == NULL ? 0 : (p[len] == '\r' ? 2 : 1));
		if (nl == NULL)
			break;
	}
	gz_close_in(in);
	d->name = doc_name(path);
}

static void
doc_reset(struct doc *d)
{
	free(d->name);
	free(d->issuer);
	free(d->doc_no);
	free(d->doc_date);
	free(d->period_text);
	d->name = d->issuer = d->doc_no = d->doc_date = d->period_text = NULL;
	buf_clear(&d->places);
}

/* The NUL-separated list of file names in path ("-": stdin). */
static char **
read_files0(const char *path, int *n)
{
	struct gz_in *in = gz_open_in(path);
	struct buf all = { 0 };
	char tmp[1 << 16], **v = NULL;
	size_t got, i, start = 0;
	int k = 0;

	while ((got = gz_read(in, tmp, sizeof(tmp))) > 0)
		buf_add(&all, tmp, got);
	gz_close_in(in);
	for (i = 0; i < all.n; i++) {
		if (all.p[i] != '\0' && i + 1 < all.n)
			continue;
		if (all.p[i] != '\0')
			i++;
		if (i > start) {
			v = xreallocarray(v, (size_t)k + 1, sizeof(*v));
			v[k++] = xmemdup(all.p + start, i - start);
		}
		start = i + 1;
	}
	buf_free(&all);
	if (k == 0)
		die(2, "%s: no file names", path);
	*n = k;
	return v;
}

static void
compile(regex_t *re, const char *pat)
{
	if (regcomp(re, pat, REG_EXTENDED) != 0)
		internal_error("bad pattern");
}

int
main(int argc, char *argv[])
{
	static char *stdin_path[] = { "-" };
	struct opts o = { 0 };
	struct state st = { 0 };
	struct doc d = { 0 };
	char **paths;
	const char *files0 = NULL;
	int c, i, n;
	size_t k;

	diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "Vhz", longopts, NULL)) != -1) {
		switch (c) {
		case 'V':
			cli_version();
		case 'h':
			cli_help(help_text);
		case 'z':
			o.gzip = 1;
			break;
		case OPT_BOM:
			o.bom = 1;
			break;
		case OPT_FILES0:
			files0 = optarg;
			break;
		case OPT_PROGRESS:
			o.progress = 1;
			break;
		case OPT_STATS:
			o.stats = 1;
			break;
		default:
			cli_usage_error(SYNOPSIS);
		}
	}
	argc -= optind;
	argv += optind;
	paths = argc > 0 ? argv : stdin_path;
	n = argc > 0 ? argc : 1;
	if (files0 != NULL) {
		if (argc > 0)
			die(2, "file operands cannot be combined with --files0-from");
		paths = read_files0(files0, &n);
	}
	gz_check_inputs(paths, n);
	st.o = &o;
	compile(&st.re_title[0], "(quý|Quý|QUÝ) +([IV]+|[1-4]) +(năm|NĂM) +[0-9]{4}");
	compile(&st.re_title[1], "[0-9]{1,2} +(tháng|THÁNG)( +(đầu|ĐẦU|cuối|CUỐI))? +(năm|NĂM) +[0-9]{4}");
	compile(&st.re_title[2], "(tháng|THÁNG) +[0-9]{1,2} +(năm|NĂM) +[0-9]{4}");
	compile(&st.re_title[3], "(năm|NĂM) +[0-9]{4}");
	st.out = csvout_open(STDOUT_FILENO, o.gzip);
	if (o.bom)
		csvout_bom(st.out);
	for (k = 0; k < sizeof(columns) / sizeof(columns[0]); k++)
		csvout_str(st.out, columns[k]);
	csvout_end(st.out);
	for (i = 0; i < n; i++) {
		load(&d, paths[i]);
		st.docs++;
		st.lines += d.nlines;
		process(&st, &d);
		doc_reset(&d);
		if (o.progress)
			fprintf(stderr, "\r%s: %d/%d reports", diag_prog(), i + 1, n);
	}
	if (o.progress)
		fputc('\n', stderr);
	csvout_close(st.out);
	buf_free(&d.text);
	buf_free(&d.clean);
	buf_free(&d.places);
	free(d.lines);
	buf_free(&st.fold);
	for (k = 0; k < 4; k++)
		regfree(&st.re_title[k]);

	if (files0 != NULL) {
		for (i = 0; i < n; i++)
			free(paths[i]);
		free(paths);
	}
	if (o.stats) {
		cli_stat("documents read", st.docs);
		cli_stat("lines read", st.lines);
		cli_stat("figures written", st.figures);
		cli_stat("numbers skipped as not figures", st.skipped);
	}
	return 0;
}
