/*
 * words: small readings of Vietnamese text used by several filters, each
 * written once.  Texts are UTF-8; folding is utf8.h's.
 */
#ifndef BAOCAO_WORDS_H
#define BAOCAO_WORDS_H

#include <stddef.h>
#include <string.h>

#include "buf.h"

/* Length of a string literal, from the literal (never a hand count). */
#define LIT_LEN(lit) (sizeof(lit) - 1)
/* Does p[0..n) start with the literal lit? */
#define HAS_PREFIX(p, n, lit) \
	((n) >= LIT_LEN(lit) && memcmp((p), (lit), LIT_LEN(lit)) == 0)

/*
 * Is the table cell p[0..n) the label of a total row: "Tổng cộng",
 * "Tổng", "Cộng", "Tổng số", "TỔNG CỘNG:" (not "Công an phường 1")?
 * tmp is scratch.
 */
int words_total_label(const char *p, size_t n, struct buf *tmp);

/* Does the issuer p[0..n) name a ward-level unit ("PHƯỜNG 7", "UBND xã
 * Quảng Phú", "Đặc khu Côn Đảo")? tmp is scratch. */
int words_ward_issuer(const char *p, size_t n, struct buf *tmp);

/* The type words of administrative units, folded, longest first
 * ("thanh pho" before "pho"): NULL-terminated. */
extern const char *const words_unit_types[];

#endif
