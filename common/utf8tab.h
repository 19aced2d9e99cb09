/*
 * utf8tab: the mapping tables of utf8.c, written at build time by
 * common/gen/utf8tab.c from utf8proc (its comment says what an entry
 * means and when a code point is slow).  Only utf8.c reads them.
 */
#ifndef BAOCAO_UTF8TAB_H
#define BAOCAO_UTF8TAB_H

#include <stddef.h>
#include <stdint.h>

#define U8T_NCP		0x110000
#define U8T_BLOCK	128
#define U8T_NBLK	(U8T_NCP / U8T_BLOCK)
#define U8T_SLOW	0u	/* the text goes through utf8proc */
#define U8T_SAME	1u	/* the code point maps to itself */

/*
 * The maps, in the generator's order: four mappings (slow where a code
 * point's mapping can reach across its first byte), the canonical
 * decomposition of every code point (slow: Hangul), and the combining
 * class of every code point, U8T_SECOND added when it composes with what
 * precedes it.
 */
enum u8t_map { U8T_NFC, U8T_LOWER, U8T_FOLD, U8T_KEY, U8T_DECOMP, U8T_CLASS,
	U8T_NMAP };
#define U8T_SECOND	0x100u

extern const uint16_t u8t_stage1[U8T_NMAP][U8T_NBLK];
extern const uint32_t u8t_stage2[];
extern const unsigned char u8t_pool[];
/* The compositions of NFC but Hangul's, {first, second, composite}, in
 * order of first, then second. */
extern const uint32_t u8t_pairs[][3];
extern const size_t u8t_npairs;

/* The entry of code point c (< U8T_NCP) in mapping m. */
static inline uint32_t
u8t_entry(enum u8t_map m, uint32_t c)
{
	return u8t_stage2[(size_t)u8t_stage1[m][c / U8T_BLOCK] * U8T_BLOCK +
	    c % U8T_BLOCK];
}

#endif
