/*
 * vnlegacy: Vietnamese typed in the legacy font encodings, TCVN3 (ABC,
 * the ".Vn" fonts) and VNI (the "VNI-" fonts), detected by content and
 * converted to Unicode.
 *
 * A document typed with such a font stores its letters as Windows-1252
 * bytes that only the font draws as Vietnamese; read as Unicode they are
 * Latin-1 symbols: TCVN3 "Céng hoµ x· héi chñ nghÜa", VNI "Coäng hoøa
 * xaõ hoäi chuû nghóa" for "Cộng hòa xã hội chủ nghĩa".  TCVN3 puts its
 * commonest letters (à á ả ã ạ ă â ê ô ơ ư đ) on U+00A1-U+00BF, which
 * Vietnamese never uses; VNI writes a base letter and then a mark among
 * U+00C0-U+00FF that is no Vietnamese letter (ø û ï ä å ë ö ñ ...).
 */
#ifndef BAOCAO_VNLEGACY_H
#define BAOCAO_VNLEGACY_H

#include <stddef.h>

#include "buf.h"

enum vn_legacy { VN_UNICODE, VN_TCVN3, VN_VNI };

/* Counts of the telling characters, summed over texts by vnl_count. */
struct vn_count {
	size_t viet;		/* Vietnamese letters of Unicode (ơ, ư, ạ...) */
	size_t tcvn;		/* U+00A1-U+00BF */
	size_t vni;		/* VNI marks that are no Vietnamese letter */
};

/* Adds the counts of valid UTF-8 p[0..n) to c. */
void vnl_count(struct vn_count *c, const char *p, size_t n);
/* The encoding the counted text was typed in (VN_UNICODE unless the
 * evidence is clear). */
enum vn_legacy vnl_decide(const struct vn_count *c);
/*
 * Appends valid UTF-8 p[0..n), typed in enc, to out as Unicode in NFC.  A
 * text with Vietnamese letters of its own is appended as it is (a
 * document may mix fonts), and so is every character past U+00FF.
 */
void vnl_convert(struct buf *out, const char *p, size_t n, enum vn_legacy enc);

#endif
