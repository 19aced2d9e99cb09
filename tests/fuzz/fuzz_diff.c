/* diff's two inputs from one: split at the first 0x01; never a crash. */
#include <string.h>

#include "fuzz.h"

#define main diff_main
#include "../../filters/diff.c"
#undef main

int
fuzz_diff(const uint8_t *data, size_t size)
{
	const uint8_t *cut = memchr(data, 1, size);
	size_t n1 = cut == NULL ? size : (size_t)(cut - data);
	char *argv[] = { "baocao-diff", "-a", "-t", "1%", NULL, NULL, NULL };

	argv[4] = (char *)fuzz_file(0, data, n1);
	argv[5] = (char *)fuzz_file(1, cut == NULL ? data : cut + 1,
	    cut == NULL ? size : size - n1 - 1);
	fuzz_run(diff_main, 6, argv);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(diff)
#endif
