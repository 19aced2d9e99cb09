/*
 * Headings: the number at the start of a heading paragraph, and the
 * section path it sets ("II.3.b").
 */
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "utf8.h"
#include "words.h"

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
	if (wd_digit(s[0])) {
		for (;;) {
			size_t d = i;

			while (i < n && wd_digit(s[i]))
				i++;
			if (i - d == 0 || i - d > 2 || i >= n || s[i] != '.')
				return 0;
			i++;
			groups++;
			if (i < n && s[i] == ' ')
				return i;
			if (i >= n || !wd_digit(s[i]))
				return 0;
		}
	}
	/* "a) ", "đ) ": one lower-case letter and a bracket. */
	i = u8_len(s, n);
	if (i + 2 <= n && s[i] == ')' && s[i + 1] == ' ' && isletter_at(s, n, 0) &&
	    !isupper_at(s, n, 0))
		return i + 1;
	return 0;
}

/*
 * Heading: "II. ", "1. ", "1.1. ", "a) ".  Returns the length of the
 * number part (0 when the line is not a heading) and updates the section
 * path: roman, then arabic, then letter ("II.3.b").
 */
size_t
heading(struct scan *st, const char *s, size_t n)
{
	char tok[16], roman[24] = "", arabic[24] = "";
	size_t len, k, i;
	char *p;
	int level;

	if (n > 600 || (len = heading_len(s, n)) == 0 || len >= sizeof(tok))
		return 0;
	memcpy(tok, s, len);
	tok[len] = '\0';
	k = len;
	while (k > 0 && (tok[k - 1] == '.' || tok[k - 1] == ')'))
		tok[--k] = '\0';
	/* Split the current path into its roman and arabic parts. */
	p = st->section;
	if (*p != '\0' && strchr("IVX", *p) != NULL) {
		size_t r = strcspn(p, ".");

		snprintf(roman, sizeof(roman), "%.*s", (int)r, p);
		p += r + (p[r] == '.');
	}
	{
		size_t a = 0;

		while (p[a] != '\0' && (wd_digit(p[a]) || (p[a] == '.' &&
		    wd_digit(p[a + 1]))))
			a++;
		snprintf(arabic, sizeof(arabic), "%.*s", (int)a, p);
	}
	if (strchr("IVX", tok[0]) != NULL) {
		snprintf(st->section, sizeof(st->section), "%s", tok);
		level = 0;
	} else if (wd_digit(tok[0])) {
		snprintf(st->section, sizeof(st->section), "%s%s%s", roman,
		    roman[0] != '\0' ? "." : "", tok);
		level = 1;
	} else {
		snprintf(st->section, sizeof(st->section), "%s%s%s%s%s", roman,
		    roman[0] != '\0' && arabic[0] != '\0' ? "." : "", arabic,
		    roman[0] != '\0' || arabic[0] != '\0' ? "." : "", tok);
		level = 2;
	}
	/* The heading's words, for the paragraphs under it; the deeper
	 * levels' are over. */
	for (k = len; k < n && s[k] == ' '; k++)
		;
	for (i = (size_t)level; i < 3; i++)
		st->headings[i][0] = '\0';
	snprintf(st->headings[level], sizeof(st->headings[level]), "%.*s",
	    (int)u8_cut(s + k, n - k, HEADING_TEXT_MAX), s + k);
	return len;
}

#define APPENDIX_TITLE_LINES 3
#define APPENDIX_TITLE_MAX 400	/* bytes: a longer line is no title */

/* Is f[0..fn) (s[0..n) folded) an appendix's mark: its word, then maybe
 * a number (arabic or roman), 2, or its title in capitals ("PHỤ LỤC SỐ
 * LIỆU ... 9 THÁNG ĐẦU NĂM 2021"), 1? */
static int
appendix_mark(const char *f, size_t fn, const char *s, size_t n)
{
	size_t w = words_prefix(WL_APPENDIX, f, fn), i;

	if (w == 0)
		return 0;
	for (i = w; i < fn; i++)
		if (strchr("0123456789ivx .:-", f[i]) == NULL)
			return all_caps(s, n);
	return 2;
}

int
appendix_line(struct scan *st)
{
	const char *s = st->line.p, *f;
	size_t n = st->line.n, fn, k;
	int mark;

	if (n > APPENDIX_TITLE_MAX)
		return 0;
	fn = u8_folded_piece(&st->line, 0, n, &st->tmp_fold, &f);
	mark = fn > 0 ? appendix_mark(f, fn, s, n) : 0;
	if (mark) {
		for (k = 0; k < 3; k++)
			st->headings[k][0] = '\0';
		st->appendix_title = 1;
		if (mark == 2)
			return 1;
	}
	if (!st->appendix_title)
		return 0;
	/* "(Kèm theo Báo cáo số ...)" says whose it is, not what it is. */
	if (n == 0 || s[0] == '(' || n > APPENDIX_TITLE_MAX)
		return 0;
	/* A title is a few lines. */
	if (++st->appendix_title > APPENDIX_TITLE_LINES) {
		st->appendix_title = 0;
		return 0;
	}
	k = strlen(st->headings[0]);
	if (k + (k > 0) >= HEADING_TEXT_MAX)
		return 1;
	snprintf(st->headings[0] + k, sizeof(st->headings[0]) - k, "%s%.*s",
	    k > 0 ? " " : "", (int)u8_cut(s, n, HEADING_TEXT_MAX - k -
	    (k > 0)), s);
	return 1;
}
