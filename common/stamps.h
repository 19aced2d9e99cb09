/*
 * stamps: the lines a digital signature writes on the page of a signed
 * PDF, which are not the report's text.  The issuing office's signature
 * reads
 *
 *	Ký bởi: Ủy ban nhân dân phường Tân Định
 *	Cơ quan: Thành phố Hồ Chí Minh
 *	Thời gian ký: 24/01/2025 14:23:43
 *
 * and a receipt (the gazette's, a portal's) an e-mail address and a time
 * with its zone ("24.01.2025 20:06:24 +07:00").
 *
 * The labels are data: common/data/stamps.csv (built in), columns
 * label,field,alone.  A stamp line is one of
 *   - a label, a colon and a value that fits the label's field: a signer
 *     or an organisation (a name: up to STAMP_VALUE_MAX bytes), a time (a
 *     whole timestamp, nothing after it), an e-mail (an address);
 *   - a timestamp alone, or an e-mail address alone.
 * Labels are matched on folded text (case and marks aside: "Ky boi:" as
 * OCR may read it).  A line is a stamp's by itself when its label is
 * "alone" (Ký bởi, Thời gian ký) or it is a timestamp alone; the others
 * (Cơ quan, Email, an address alone) only in a chain of stamp lines, each
 * within STAMP_NEAR lines of the next, that holds one of those.
 */
#ifndef BAOCAO_STAMPS_H
#define BAOCAO_STAMPS_H

#include <stddef.h>

#include "buf.h"

#define STAMP_NEAR 3		/* lines between two lines of one stamp */
#define STAMP_VALUE_MAX 160	/* bytes of a signer's name */
#define STAMP_TIME_MAX 32	/* "2025-01-24T14:23:43+07:00" and its NUL */

enum stamp_field { STAMP_NONE, STAMP_SIGNER, STAMP_ORG, STAMP_TIME,
	STAMP_EMAIL };

/* One stamp line, as stamps_piece reads it. */
struct stamp_piece {
	enum stamp_field field;
	int alone;		/* a stamp's line by itself */
	struct span value;	/* into the text given: the name, the time
				 * or the address as written */
	char time[STAMP_TIME_MAX];	/* STAMP_TIME: ISO 8601 */
};

/* What the stamps of a document say. */
struct stamp_set {
	char **signers;		/* each stamp's signer (its organisation when
				 * it names no signer), in order, no repeats */
	size_t nsigners;
	char (*times)[STAMP_TIME_MAX];	/* every time, ISO 8601, earliest
					 * first, no repeats */
	size_t ntimes;
	size_t lines;		/* stamp lines found */
};

struct stamp_words;

/*
 * The labels: path NULL loads the built-in copy.  Dies naming file:line
 * on errors (a missing column, an unknown field, alone not yes or no).
 * stamps_free frees them.
 */
struct stamp_words *stamps_load(const char *path);
void stamps_free(struct stamp_words *);

/*
 * What s[0..n) is (one line, or one column of a laid-out line; blanks
 * around it are allowed): STAMP_NONE, or a stamp line, described in *p.
 */
enum stamp_field stamps_piece(const struct stamp_words *, const char *s,
	size_t n, struct stamp_piece *p);

/*
 * A timestamp at the start of s[0..n): a date (24/01/2025, 24.01.2025,
 * 24-01-2025, 2025-01-24) and a time (14:23 or 14:23:43), either first,
 * and a zone after them (+07:00, +0700, GMT+7, UTC+07:00, Z).  Returns
 * its length (0: none) and writes it to iso as "2025-01-24T14:23:43",
 * with "+07:00" when a zone is written.
 */
size_t stamps_time(const char *s, size_t n, char iso[STAMP_TIME_MAX]);

/*
 * The n pieces v[0..n) (field STAMP_NONE or not) found on lines line[k],
 * ascending: keep[k] is set to 1 for those that are a stamp's (above), and
 * what they say is added to out.
 */
void stamps_group(const struct stamp_piece *v, const size_t *line, size_t n,
	unsigned char *keep, struct stamp_set *out);

/* The signers and the times as "; "-separated lists, appended. */
void stamps_signed_by(const struct stamp_set *, struct buf *);
void stamps_signed_at(const struct stamp_set *, struct buf *);
void stamps_set_free(struct stamp_set *);

#endif
