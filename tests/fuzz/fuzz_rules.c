/* The rules-file loader on any bytes: never a crash. */
#include "fuzz.h"
#include "lex.h"

static void
load(void *path)
{
	lex_free(lex_load(path));
}

int
fuzz_rules(const uint8_t *data, size_t size)
{
	fuzz_catch(load, (void *)fuzz_file(0, data, size));
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(rules)
#endif
