/*
 * utf8tab: writes the tables common/utf8.c maps text with, computed from
 * utf8proc at build time, so that no process builds them at run time.
 *
 *	utf8tab > utf8tab.c
 *
 * For each mapping (NFC, lower case, fold, name key: the utf8proc options
 * below) and each code point c, the table holds what utf8proc makes of c
 * alone (the fold with đ made d, as utf8.h's u8_fold wants it), when the mapping of any text is the concatenation of the
 * mappings of its characters wherever c stands in it.  That holds when
 * c's decomposition under the mapping's options is empty, or starts with
 * a starter (combining class 0) that never composes with what precedes
 * it: then no canonical reordering and no composition can reach across
 * c's first byte.  Every other code point (a combining mark, a Hangul
 * vowel, a surrogate) is marked slow, and so are the Hangul syllables in
 * the decomposing mapping, and text holding one goes through
 * utf8proc whole.  tests/unit/test_utf8.c checks the tables against
 * utf8proc for every code point and for random text.
 *
 * Layout: the code points in blocks of U8T_BLOCK; stage1[m][c / U8T_BLOCK]
 * is the block's index in stage2, whose entries (uint32) are U8T_SLOW,
 * U8T_SAME (c maps to itself), or (offset << 6 | length) of the mapped
 * bytes in pool (offset >= 1, length < 64).  Identical blocks are stored
 * once.
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

static const struct mapping {
	const char *name;
	utf8proc_option_t opt;
} maps[] = {
	{ "nfc", UTF8PROC_STABLE | UTF8PROC_COMPOSE },
	{ "lower", UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD },
	{ "fold", UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
	    UTF8PROC_STRIPMARK },
	{ "key", UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD },
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

static uint32_t
entry_of(utf8proc_int32_t c, utf8proc_option_t opt)
{
	utf8proc_int32_t d[32];
	unsigned char enc[4], out[256];
	utf8proc_ssize_t k, e;
	size_t n;

	if (surrogate(c))
		return SLOW;
	/* Hangul syllables decompose by rule: 11,172 of them would triple
	 * the pool, and no report holds one. */
	if (c >= 0xAC00 && c <= 0xD7A3 && (opt & UTF8PROC_DECOMPOSE))
		return SLOW;
	k = decompose(c, d, opt);
	if (k > 0 && (utf8proc_get_property(d[0])->combining_class != 0 ||
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
	npool = 1;		/* offsets start at 1 */
	cappool = 1 << 16;
	if ((pool = calloc(1, cappool)) == NULL)
		fail("out of memory");
	for (m = 0; m < NMAP; m++) {
		for (c = 0; c < NCP; c++)
			entry[c] = entry_of(c, maps[m].opt);
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
	printf("\n};\n");
	if (fflush(stdout) == EOF || ferror(stdout))
		fail("write error");
	return 0;
}
