/*
 * utf8tab: writes the tables common/utf8.c maps text with, computed from
 * utf8proc at build time, so that no process builds them at run time.
 *
 *	utf8tab > utf8tab.c
 *
 * For each mapping (NFC, lower case, fold, name key: the utf8proc options
 * below) and each code point c, the table holds what utf8proc makes of c
 * alone (the fold with đ made d, as u8_fold wants it), when the mapping
 * of any text is the concatenation of the mappings of its characters
 * wherever c stands in it.  That holds when c's decomposition under the
 * mapping's options is empty, or starts with a starter (combining class
 * 0) that never composes with what precedes it: then no canonical
 * reordering and no composition can reach across c's first byte.  Every
 * other code point (a combining mark, a Hangul vowel, a surrogate) is
 * marked slow, and so are the Hangul syllables in the decomposing
 * mapping; text holding one goes through utf8proc whole.
 * tests/unit/test_utf8.c checks the tables against utf8proc for every
 * code point and for random text.
 *
 * Two more maps serve the composer u8_nfc uses on text that is not NFC
 * (a report saved decomposed): the canonical decomposition of every code
 * point but Hangul's, and the combining class of every code point, with
 * a bit for the code points that compose with what precedes them; and
 * the list of the pairs NFC composes (find_pairs says how they are
 * found).
 *
 * Layout: the code points in blocks of U8T_BLOCK; stage1[m][c / U8T_BLOCK]
 * is the block's index in stage2, whose entries (uint32) are U8T_SLOW,
 * U8T_SAME (c maps to itself), or (offset << 6 | length) of the mapped
 * bytes in pool (offset >= 1, length < 64); the class map's entries are
 * the class.  Identical blocks are stored once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define NCP	0x110000
#define BLOCK	128
#define NBLK	(NCP / BLOCK)
#define SLOW	0u
#define SAME	1u

/* What a map's entries are. */
enum kind {
	SIMPLE,		/* a mapping, slow where it can reach across */
	DECOMP,		/* the canonical decomposition of every code point */
	CLASS		/* the combining class, SECOND_BIT for a second */
};

#define SECOND_BIT 0x100u

static const struct mapping {
	const char *name;
	enum kind kind;
	utf8proc_option_t opt;
} maps[] = {
	{ "nfc", SIMPLE, UTF8PROC_STABLE | UTF8PROC_COMPOSE },
	{ "lower", SIMPLE, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD },
	{ "fold", SIMPLE, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK },
	{ "key", SIMPLE, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	    UTF8PROC_CASEFOLD },
	{ "decomp", DECOMP, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE },
	{ "class", CLASS, 0 },
};
enum { NMAP = sizeof(maps) / sizeof(maps[0]) };

static unsigned char second[NCP];	/* composes with what precedes it */
static uint32_t entry[NCP];
static unsigned char *pool;
static size_t npool, cappool;
static uint32_t *blocks;		/* stage2, BLOCK entries a block */
static size_t nblocks;

static void
fail(const char *what)
{
	fprintf(stderr, "utf8tab: %s\n", what);
	exit(2);
}

static int
surrogate(utf8proc_int32_t c)
{
	return c >= 0xD800 && c < 0xE000;
}

/* The full decomposition of c under opt into d (at most 32); its length. */
static utf8proc_ssize_t
decompose(utf8proc_int32_t c, utf8proc_int32_t *d, utf8proc_option_t opt)
{
	int bound = 0;
	utf8proc_ssize_t k = utf8proc_decompose_char(c, d, 32, opt, &bound);

	if (k < 0 || k > 32)
		fail("utf8proc_decompose_char");
	return k;
}

/* utf8proc_map of c alone into out (at most 255 bytes); its length. */
static size_t
map_one(utf8proc_int32_t c, utf8proc_option_t opt, unsigned char *out)
{
	utf8proc_uint8_t enc[4], *r = NULL;
	utf8proc_ssize_t e = utf8proc_encode_char(c, enc), k;

	k = utf8proc_map(enc, e, &r, opt);
	if (k < 0 || k > 255)
		fail("utf8proc_map");
	memcpy(out, r, (size_t)k);
	free(r);
	return (size_t)k;
}

/*
 * The seconds: every character but the first of the canonical
 * decomposition of a code point that NFC composes back (so each was
 * absorbed by a composition), and the Hangul jamo utf8proc composes.
 */
static void
find_seconds(void)
{
	utf8proc_int32_t c, d[32];
	unsigned char enc[4], out[256];
	utf8proc_ssize_t k, i, e;

	for (c = 0; c < NCP; c++) {
		if (surrogate(c))
			continue;
		k = decompose(c, d, UTF8PROC_DECOMPOSE);
		if (k < 2)
			continue;
		e = utf8proc_encode_char(c, enc);
		if (map_one(c, maps[0].opt, out) != (size_t)e ||
		    memcmp(out, enc, (size_t)e) != 0)
			continue;
		for (i = 1; i < k; i++)
			second[d[i]] = 1;
	}
	/* utf8proc composes Hangul by rule, a jamo vowel after a leading
	 * consonant and a trailing consonant after a syllable, counting
	 * U+11A7 among the trailing ones, which no syllable decomposes to. */
	for (c = 0x1161; c <= 0x1175; c++)
		second[c] = 1;
	for (c = 0x11A7; c <= 0x11C2; c++)
		second[c] = 1;
}

static uint32_t
pool_add(const unsigned char *p, size_t n)
{
	size_t off;

	if (n >= 64)
		fail("mapping too long");
	/* Most mappings recur (every capital of a script): share them. */
	for (off = 1; off + n <= npool; off++)
		if (memcmp(pool + off, p, n) == 0)
			return (uint32_t)(off << 6 | n);
	if (npool + n > cappool) {
		cappool = (npool + n) * 2;
		if ((pool = realloc(pool, cappool)) == NULL)
			fail("out of memory");
	}
	off = npool;
	memcpy(pool + npool, p, n);
	npool += n;
	return (uint32_t)(off << 6 | n);
}

/* Hangul, which utf8proc composes and decomposes by rule. */
static int
hangul(utf8proc_int32_t c)
{
	return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x1112) ||
	    (c >= 0x1161 && c <= 0x1175) || (c >= 0x11A7 && c <= 0x11C2);
}

static uint32_t
entry_of(utf8proc_int32_t c, const struct mapping *m)
{
	utf8proc_option_t opt = m->opt;
	utf8proc_int32_t d[32];
	unsigned char enc[4], out[256];
	utf8proc_ssize_t k, e;
	size_t n;

	if (m->kind == CLASS)
		return utf8proc_get_property(c)->combining_class |
		    (second[c] ? SECOND_BIT : 0);
	if (surrogate(c))
		return SLOW;
	/* Hangul syllables decompose by rule: 11,172 of them would triple
	 * the pool, and no report holds one. */
	if (c >= 0xAC00 && c <= 0xD7A3 && (opt & UTF8PROC_DECOMPOSE))
		return SLOW;
	/* The composer in utf8.c knows no Hangul rule. */
	if (m->kind == DECOMP && hangul(c))
		return SLOW;
	k = decompose(c, d, opt);
	if (m->kind == SIMPLE && k > 0 &&
	    (utf8proc_get_property(d[0])->combining_class != 0 ||
	    second[d[0]]))
		return SLOW;
	n = map_one(c, opt, out);
	if ((opt & UTF8PROC_STRIPMARK) && n == 2 && out[0] == 0xC4 &&
	    out[1] == 0x91) {
		out[0] = 'd';		/* fold: đ is d */
		n = 1;
	}
	e = utf8proc_encode_char(c, enc);
	if (n == (size_t)e && memcmp(out, enc, n) == 0)
		return SAME;
	if (n == 0)
		return 1u << 6;		/* nothing: offset 1, length 0 */
	return pool_add(out, n);
}

/* The pairs NFC composes: (first, second) -> composite. */
static uint32_t (*pairs)[3];
static size_t npairs;

/* NFC of the n code points d as one code point, or -1 when it is not one. */
static utf8proc_int32_t
nfc_of(const utf8proc_int32_t *d, utf8proc_ssize_t n)
{
	unsigned char s[128];
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t i, len = 0, k;
	utf8proc_int32_t c = -1;

	for (i = 0; i < n; i++)
		len += utf8proc_encode_char(d[i], s + len);
	k = utf8proc_map(s, len, &r, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (k > 0 && utf8proc_iterate(r, k, &c) != k)
		c = -1;
	free(r);
	return c;
}

/*
 * Every step of composing back each code point that NFC gives from its
 * canonical decomposition d0 d1 ... dk: NFC(d0..di-1) with di gives
 * NFC(d0..di).  Composing text whose decomposition is in canonical
 * order, the starter met with a character is always such a prefix's
 * composite, so these are all the pairs the composer needs.  Hangul is
 * left to utf8proc.
 */
static void
find_pairs(void)
{
	utf8proc_int32_t c, d[32], a, b;
	utf8proc_ssize_t k, i;

	for (c = 0; c < NCP; c++) {
		if (surrogate(c) || hangul(c))
			continue;
		k = decompose(c, d, UTF8PROC_DECOMPOSE);
		if (k < 2 || nfc_of(&c, 1) != c)
			continue;
		for (i = 1; i < k; i++) {
			if ((a = nfc_of(d, i)) < 0 || (b = nfc_of(d, i + 1)) < 0)
				fail("a prefix of a decomposition does not "
				    "compose to one code point");
			if ((pairs = realloc(pairs, (npairs + 1) *
			    sizeof(*pairs))) == NULL)
				fail("out of memory");
			pairs[npairs][0] = (uint32_t)a;
			pairs[npairs][1] = (uint32_t)d[i];
			pairs[npairs++][2] = (uint32_t)b;
		}
	}
}

static int
by_pair(const void *x, const void *y)
{
	const uint32_t *a = x, *b = y;

	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return a[1] < b[1] ? -1 : a[1] > b[1];
}

/* The index of block b of entry[] in blocks[], adding it when new. */
static unsigned
block_of(size_t b)
{
	size_t i;

	for (i = 0; i < nblocks; i++)
		if (memcmp(blocks + i * BLOCK, entry + b * BLOCK,
		    BLOCK * sizeof(*entry)) == 0)
			return (unsigned)i;
	if ((blocks = realloc(blocks, (nblocks + 1) * BLOCK *
	    sizeof(*blocks))) == NULL)
		fail("out of memory");
	memcpy(blocks + nblocks * BLOCK, entry + b * BLOCK,
	    BLOCK * sizeof(*entry));
	if (nblocks == 0xFFFF)
		fail("too many blocks");
	return (unsigned)nblocks++;
}

int
main(void)
{
	static unsigned short stage1[NMAP][NBLK];
	size_t m, b, i;
	utf8proc_int32_t c;

	find_seconds();
	find_pairs();
	qsort(pairs, npairs, sizeof(*pairs), by_pair);
	npool = 1;		/* offsets start at 1 */
	cappool = 1 << 16;
	if ((pool = calloc(1, cappool)) == NULL)
		fail("out of memory");
	for (m = 0; m < NMAP; m++) {
		for (c = 0; c < NCP; c++)
			entry[c] = entry_of(c, &maps[m]);
		for (b = 0; b < NBLK; b++)
			stage1[m][b] = (unsigned short)block_of(b);
	}
	printf("/* Written by common/gen/utf8tab.c from utf8proc %s, Unicode "
	    "%s. */\n#include <stdint.h>\n\n#include \"utf8tab.h\"\n\n",
	    utf8proc_version(), utf8proc_unicode_version());
	printf("const uint16_t u8t_stage1[U8T_NMAP][U8T_NBLK] = {");
	for (m = 0; m < NMAP; m++) {
		printf("\n{ /* %s */", maps[m].name);
		for (b = 0; b < NBLK; b++)
			printf("%s%u,", b % 16 == 0 ? "\n" : "", stage1[m][b]);
		printf("\n},");
	}
	printf("\n};\n\nconst uint32_t u8t_stage2[%zu] = {", nblocks * BLOCK);
	for (i = 0; i < nblocks * BLOCK; i++)
		printf("%s%lu,", i % 8 == 0 ? "\n" : "",
		    (unsigned long)blocks[i]);
	printf("\n};\n\nconst unsigned char u8t_pool[%zu] = {", npool);
	for (i = 0; i < npool; i++)
		printf("%s%u,", i % 16 == 0 ? "\n" : "", pool[i]);
	for (i = 0, m = 0; i < npairs; i++) {
		if (m > 0 && by_pair(pairs[i], pairs[m - 1]) == 0) {
			if (pairs[i][2] != pairs[m - 1][2])
				fail("one pair, two composites");
			continue;
		}
		memcpy(pairs[m++], pairs[i], sizeof(*pairs));
	}
	npairs = m;
	printf("\n};\n\nconst uint32_t u8t_pairs[%zu][3] = {", npairs);
	for (i = 0; i < npairs; i++)
		printf("%s{%lu,%lu,%lu},", i % 4 == 0 ? "\n" : "",
		    (unsigned long)pairs[i][0], (unsigned long)pairs[i][1],
		    (unsigned long)pairs[i][2]);
	printf("\n};\n\nconst size_t u8t_npairs = %zu;\n", npairs);
	if (fflush(stdout) == EOF || ferror(stdout))
		fail("write error");
	return 0;
}
