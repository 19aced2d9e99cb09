/* baocao-check on any CSV: never a crash, never a leak. */
#include "fuzz.h"

#define main check_main
#include "../../filters/check/main.c"
#undef main

int
fuzz_check(const uint8_t *data, size_t size)
{
	char *argv[] = { "baocao-check", NULL };

	argv[1] = (char *)fuzz_file(0, data, size);
	fuzz_run(check_main, 2, argv);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(check)
#endif
