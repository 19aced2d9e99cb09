/*
 * The inventory of Vietnamese syllables (common/gen/sylgen.c writes it at
 * build time from hunspell-vi's word list and common/data/syllables.rules;
 * glue.c reads it).
 */
#ifndef BAOCAO_SYL_H
#define BAOCAO_SYL_H

#include <stdint.h>

/* syl_class[cp], for a code point cp below SYL_CLASS_MAX: */
#define SYL_CLASS_MAX 0x1F00	/* past the Latin letters Vietnamese uses */
#define SYL_CONS 1		/* a consonant of a syllable */
#define SYL_VOWEL 2		/* a vowel */
#define SYL_TONED 3		/* a vowel with a tone mark */
#define SYL_OTHER 4		/* a letter of no Vietnamese syllable */
#define SYL_KIND 7		/* the bits of the four above */
#define SYL_UPPER 8		/* added for a capital */
#define SYL_VSHIFT 4		/* a vowel's index in the list of
				 * common/data/syllables.rules, in the bits
				 * from here on */

extern const unsigned char syl_class[SYL_CLASS_MAX];
/* syl_pair[v] has bit w set when vowel w follows vowel v inside a
 * syllable ("uy", "oa", "ươ"): no syllable starts between them. */
extern const uint16_t syl_pair[16];
/* The syllables, lower case, NFC, each NUL-ended; the hash table of
 * their offsets plus one (0: an empty slot), FNV-1a of the bytes, linear
 * probing, syl_mask + 1 slots. */
extern const char syl_pool[];
extern const uint32_t syl_slot[];
extern const uint32_t syl_mask;

#endif
