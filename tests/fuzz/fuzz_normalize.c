/* normalize on any CSV: never a crash. */
#include "fuzz.h"

#define main normalize_main
#include "../../filters/normalize/main.c"
#undef main

int
fuzz_normalize(const uint8_t *data, size_t size)
{
	char *argv[] = { "baocao-normalize", "--scope", "all", "--gazetteer",
		NULL, NULL, NULL };

	argv[4] = (char *)fuzz_small_gazetteer();
	argv[5] = (char *)fuzz_file(0, data, size);
	fuzz_run(normalize_main, 6, argv);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(normalize)
#endif
