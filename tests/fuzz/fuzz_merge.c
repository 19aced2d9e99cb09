/* aggregate's partial-state reader (--merge) on any CSV: never a crash. */
#include "fuzz.h"

#define main aggregate_main
#include "../../filters/aggregate/main.c"
#undef main

int
fuzz_merge(const uint8_t *data, size_t size)
{
	char *argv[] = { "baocao-aggregate", "--merge", "--gazetteer", NULL,
		NULL, NULL };

	argv[3] = (char *)fuzz_small_gazetteer();
	argv[4] = (char *)fuzz_file(0, data, size);
	fuzz_run(aggregate_main, 5, argv);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(merge)
#endif
