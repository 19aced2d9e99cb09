/*
 * sylgen: the inventory of Vietnamese syllables baocao-extract cuts glued
 * words by, written as C from a hunspell word list and the rules of
 * common/data/syllables.rules (which says what is kept and added).
 *
 *	sylgen vi_VN.dic syllables.rules > data_syllables.c
 *
 * It writes:
 *   syl_class[cp]  for each code point below SYL_CLASS_MAX: 0 for no
 *                  letter, SYL_CONS, SYL_VOWEL, SYL_TONED (a vowel with a
 *                  tone mark) or SYL_OTHER (a letter of no syllable), with
 *                  SYL_UPPER added for a capital;
 *   syl_pool, syl_slot, syl_mask
 *                  the syllables, lower case and NFC, each NUL-ended in
 *                  the pool, and an open-addressing hash table of them
 *                  (FNV-1a of the bytes, linear probing; a slot holds a
 *                  syllable's offset plus one, 0 when empty).
 * The values are those of filters/extract/syl.h.  Exit status 2, with a
 * message naming the file and line, on input it cannot use.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "syl.h"

#define MAXCP 16		/* code points of a syllable, at most */
#define MAXLIST 64		/* items of a list of the rules */

struct list {
	utf8proc_int32_t cp[MAXLIST][MAXCP];	/* each item, NUL-ended */
	size_t n;
	int seen;
};

static struct list vowels, consonants, either, add, drop;

static const char *prog = "sylgen";

static void
fail(const char *file, size_t line, const char *msg, const char *what)
{
	fprintf(stderr, "%s: %s:%zu: %s%s%s%s\n", prog, file, line, msg,
	    what != NULL ? " '" : "", what != NULL ? what : "",
	    what != NULL ? "'" : "");
	exit(2);
}

/* Decodes NUL-ended UTF-8 s into at most max code points; -1 on bad
 * UTF-8 or a longer text. */
static long
decode(const char *s, utf8proc_int32_t *cp, size_t max)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t n = 0;

	while (*p != '\0') {
		utf8proc_ssize_t l = utf8proc_iterate(p, -1, &cp[n]);

		if (l <= 0 || n + 1 >= max)
			return -1;
		p += l;
		n++;
	}
	cp[n] = 0;
	return (long)n;
}

/* The NFD of cp into d (at most 4), lower case; returns its length. */
static int
nfd_lower(utf8proc_int32_t cp, utf8proc_int32_t *d)
{
	utf8proc_ssize_t k = utf8proc_decompose_char(utf8proc_tolower(cp), d, 4,
	    UTF8PROC_DECOMPOSE, NULL);

	return k < 1 || k > 4 ? 0 : (int)k;
}

/* Which vowel of the list cp is (its index), and whether it carries one
 * more mark, its tone: 1 plain, 2 toned, 0 none.  The marks are compared
 * as a set: canonical order puts a dot below before a circumflex. */
static int
vowel_of(utf8proc_int32_t cp, size_t *which)
{
	utf8proc_int32_t d[4], v[4];
	int n = nfd_lower(cp, d), best = 0;
	size_t k;

	for (k = 0; k < vowels.n; k++) {
		int m = nfd_lower(vowels.cp[k][0], v), j, i, found = 1;

		if (m == 0 || m > n || d[0] != v[0])
			continue;
		for (j = 1; j < m && found; j++)
			for (i = 1, found = 0; i < n && !found; i++)
				found = d[i] == v[j];
		if (!found)
			continue;
		if (n == m) {
			*which = k;
			return 1;
		}
		if (n == m + 1) {
			*which = k;
			best = 2;
		}
	}
	return best;
}

static int
class_of(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	utf8proc_int32_t low = utf8proc_tolower(cp);
	int up = c == UTF8PROC_CATEGORY_LU ? SYL_UPPER : 0, v;
	size_t k, which;

	if (c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_LO)
		return 0;
	if ((v = vowel_of(cp, &which)) > 0)
		return (v == 1 ? SYL_VOWEL : SYL_TONED) | up |
		    (int)which << SYL_VSHIFT;
	for (k = 0; k < consonants.n; k++)
		if (consonants.cp[k][0] == low)
			return SYL_CONS | up;
	return SYL_OTHER | up;
}

static void
parse_rules(const char *file)
{
	static const struct {
		const char *name;
		struct list *l;
	} names[] = { { "vowels", &vowels }, { "consonants", &consonants },
		{ "either-tone", &either }, { "add", &add }, { "drop", &drop } };
	FILE *f = fopen(file, "r");
	char line[4096];
	size_t no = 0, k;

	if (f == NULL)
		fail(file, 0, "cannot open", NULL);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *colon, *tok, *save;
		struct list *l = NULL;

		no++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
			continue;
		if ((colon = strchr(line, ':')) == NULL)
			fail(file, no, "not a 'NAME: item item ...' line", NULL);
		*colon = '\0';
		for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(names[k].name, line) == 0)
				l = names[k].l;
		if (l == NULL)
			fail(file, no, "unknown list", line);
		if (l->seen++)
			fail(file, no, "list given twice", line);
		for (tok = strtok_r(colon + 1, " \t", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t", &save)) {
			if (l->n == MAXLIST)
				fail(file, no, "too many items", NULL);
			if (decode(tok, l->cp[l->n], MAXCP) < 1)
				fail(file, no, "not an item of at most 15 "
				    "letters", tok);
			l->n++;
		}
	}
	fclose(f);
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (!names[k].l->seen)
			fail(file, no, "no list", names[k].name);
	if (vowels.n == 0 || consonants.n == 0)
		fail(file, no, "the vowels and consonants cannot be empty", NULL);
	if (vowels.n > 16)
		fail(file, no, "more than 16 vowels", NULL);
}

/* The syllables, NUL-ended, one after another; the vowels that follow
 * each other in them. */
static uint16_t pair[16];
static char *pool;
static size_t npool, cappool, count;

static int
in_list(const struct list *l, const utf8proc_int32_t *cp, size_t n)
{
	size_t k, j;

	for (k = 0; k < l->n; k++) {
		for (j = 0; j < n && l->cp[k][j] == cp[j]; j++)
			;
		if (j == n && l->cp[k][n] == 0)
			return 1;
	}
	return 0;
}

static void
put(const utf8proc_int32_t *cp, size_t n)
{
	utf8proc_uint8_t u[4];
	size_t k;

	for (k = 0; k < n; k++) {
		utf8proc_ssize_t l = utf8proc_encode_char(cp[k], u);

		if (npool + 5 > cappool) {
			cappool = cappool == 0 ? 1 << 16 : cappool * 2;
			if ((pool = realloc(pool, cappool)) == NULL)
				exit(2);
		}
		memcpy(pool + npool, u, (size_t)l);
		npool += (size_t)l;
	}
	pool[npool++] = '\0';
	count++;
}

/*
 * A syllable of the word list: its letters lower-cased; kept when they are
 * all vowels and consonants with one run of vowels and one tone at most.
 * An entry with two capitals or more is an abbreviation ("UBND"), no
 * syllable.  An open syllable ending in an either-tone pair is kept with
 * its tone on each of the two vowels.
 */
static void
syllable(utf8proc_int32_t *cp, size_t n)
{
	size_t k, runs = 0, tones = 0, caps = 0, v1, v2;
	int prev = 0;

	for (k = 0; k < n; k++) {
		int c;

		caps += utf8proc_category(cp[k]) == UTF8PROC_CATEGORY_LU;
		cp[k] = utf8proc_tolower(cp[k]);
		c = class_of(cp[k]) & SYL_KIND;
		if (c != SYL_CONS && c != SYL_VOWEL && c != SYL_TONED)
			return;
		runs += c != SYL_CONS && prev == SYL_CONS;
		runs += c != SYL_CONS && prev == 0;
		tones += c == SYL_TONED;
		prev = c == SYL_CONS ? SYL_CONS : SYL_VOWEL;
	}
	if (runs != 1 || tones > 1 || caps > 1 || in_list(&drop, cp, n))
		return;
	put(cp, n);
	for (k = 1; k < n; k++)
		if (vowel_of(cp[k - 1], &v1) > 0 && vowel_of(cp[k], &v2) > 0)
			pair[v1] |= (uint16_t)(1u << v2);
	if (n < 2 || class_of(cp[n - 1]) == SYL_CONS ||
	    class_of(cp[n - 2]) == SYL_CONS || tones == 0 ||
	    vowel_of(cp[n - 2], &v1) == 0 || vowel_of(cp[n - 1], &v2) == 0 ||
	    (n >= 3 && utf8proc_tolower(cp[n - 3]) == 'q'))
		return;
	for (k = 0; k < either.n; k++) {
		utf8proc_int32_t d[4], e[3], moved[MAXCP];
		size_t a = n - 2, b = n - 1, from, to;
		int nd;

		if (either.cp[k][0] != vowels.cp[v1][0] ||
		    either.cp[k][1] != vowels.cp[v2][0] || either.cp[k][2] != 0)
			continue;
		/* The tone of one vowel of the pair onto the other. */
		from = (class_of(cp[b]) & SYL_KIND) == SYL_TONED ? b : a;
		to = from == b ? a : b;
		nd = nfd_lower(cp[from], d);
		memcpy(moved, cp, n * sizeof(*cp));
		moved[from] = vowels.cp[from == b ? v2 : v1][0];
		e[0] = cp[to];
		e[1] = d[nd - 1];
		e[2] = 0;
		if (utf8proc_normalize_utf32(e, 2, UTF8PROC_COMPOSE |
		    UTF8PROC_STABLE) != 1)
			continue;
		moved[to] = e[0];
		put(moved, n);
	}
}

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t k;

	for (k = 0; k < n; k++) {
		h ^= (unsigned char)s[k];
		h *= 16777619u;
	}
	return h;
}

static void
write_c(const char *dic, const char *rules)
{
	uint32_t *slot, mask, size = 1;
	size_t off, k;
	utf8proc_int32_t cp;

	while (size < 2 * count + 2)
		size *= 2;
	mask = size - 1;
	if ((slot = calloc(size, sizeof(*slot))) == NULL)
		exit(2);
	for (off = 0; off < npool; off += strlen(pool + off) + 1) {
		size_t n = strlen(pool + off);
		uint32_t h = fnv(pool + off, n) & mask;

		while (slot[h] != 0 && strcmp(pool + slot[h] - 1, pool + off) != 0)
			h = (h + 1) & mask;
		slot[h] = (uint32_t)off + 1;
	}
	printf("/* Written by common/gen/sylgen.c from %s and %s. */\n"
	    "#include <stdint.h>\n\n#include \"syl.h\"\n\n", dic, rules);
	printf("const unsigned char syl_class[SYL_CLASS_MAX] = {");
	for (cp = 0; cp < SYL_CLASS_MAX; cp++)
		printf("%s%d,", cp % 32 == 0 ? "\n" : "", class_of(cp));
	printf("\n};\n\nconst uint16_t syl_pair[16] = {");
	for (k = 0; k < 16; k++)
		printf("%s%u,", k % 8 == 0 ? "\n" : "", (unsigned)pair[k]);
	printf("\n};\n\nconst char syl_pool[%zu] = {", npool + 1);
	for (k = 0; k < npool; k++)
		printf("%s%d,", k % 20 == 0 ? "\n" : "", (int)(signed char)pool[k]);
	printf("0\n};\n\nconst uint32_t syl_slot[%lu] = {", (unsigned long)size);
	for (k = 0; k < size; k++)
		printf("%s%lu,", k % 12 == 0 ? "\n" : "", (unsigned long)slot[k]);
	printf("\n};\n\nconst uint32_t syl_mask = %lu;\n", (unsigned long)mask);
	free(slot);
}

int
main(int argc, char *argv[])
{
	FILE *f;
	char line[256];
	size_t no = 0, k;

	if (argc != 3) {
		fprintf(stderr, "usage: %s vi_VN.dic syllables.rules > "
		    "data_syllables.c\n", prog);
		return 2;
	}
	parse_rules(argv[2]);
	if ((f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "%s: %s: cannot open (the Debian package "
		    "hunspell-vi installs it; make deps)\n", prog, argv[1]);
		return 2;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		utf8proc_int32_t cp[MAXCP];
		long n;

		no++;
		line[strcspn(line, "\r\n/")] = '\0';
		/* The first line is the count of entries. */
		if (no == 1 || line[0] == '\0')
			continue;
		if ((n = decode(line, cp, MAXCP)) < 0)
			continue;
		syllable(cp, (size_t)n);
	}
	fclose(f);
	for (k = 0; k < add.n; k++) {
		size_t n = 0;

		while (n < MAXCP && add.cp[k][n] != 0)
			n++;
		put(add.cp[k], n);
	}
	if (count < 1000)
		fail(argv[1], no, "fewer than 1000 syllables: not the word list",
		    NULL);
	write_c(argv[1], argv[2]);
	return ferror(stdout) || fflush(stdout) == EOF ? 2 : 0;
}
