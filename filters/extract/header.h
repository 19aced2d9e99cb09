/*
 * The parts of extract's header reader (header.c, header_lines.c,
 * header_places.c): the letterhead as lines in column order, each with
 * what it is.  Not for other files.
 */
#ifndef BAOCAO_HEADER_H
#define BAOCAO_HEADER_H

#include <stddef.h>

#include "buf.h"
#include "extract.h"

#define HEADER_LINES 60		/* the letterhead is in the first lines */
#define HLINE_MAX 600		/* bytes of a line the header reader looks at */

enum role { R_TEXT, R_MOTTO, R_RULE, R_NUMBER, R_DATE, R_KIND };

/* One line of the letterhead, or one cell of it, in column order. */
struct hline {
	const char *p;		/* into the document; not NUL-terminated */
	size_t n;
	size_t line;		/* input line */
	enum role role;
	char *fold;		/* u8_fold of p[0..n) */
};

struct hlines {
	struct hline *v;
	size_t n, cap;
};

/* Lines [a, b) joined by single blanks, and their fold with its map. */
struct joined {
	struct buf text, fold;
	size_t *at;		/* fold byte -> text offset (u8_fold_at) */
};

/* header_lines.c */
/* Blanks and TABs off both ends of *p, *n. */
void hd_trim(const char **p, size_t *n);
/* p[0..n) of input line line, trimmed and cut to HLINE_MAX bytes, as a
 * line of h (its role R_TEXT), unless it is empty; its fold is owned. */
void hd_add_line(struct hlines *h, const char *p, size_t n, size_t line);
/* The letterhead's lines: the first HEADER_LINES lines, in column order. */
void hd_collect(const struct doc *d, struct hlines *h);
/* What the line is. */
enum role hd_role(const struct hline *l);
/* j becomes the lines h[a..b) joined; hd_joined_free frees it. */
void hd_join(struct joined *j, const struct hlines *h, size_t a, size_t b);
void hd_joined_free(struct joined *j);

/* header_places.c */
/* A word of a unit's type, which a name in mixed case may start with
 * ("phường", "thị" of "thị xã"); tmp is scratch. */
int hd_type_word(struct buf *tmp, const char *w, size_t n);
/* The places s[0..n) names, added to st->hdr.places; fold and *at are
 * scratch. */
void hd_find_places(struct scan *st, struct buf *fold, size_t **at,
	const char *s, size_t n);

#endif
