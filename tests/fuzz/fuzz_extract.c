/* The report reader and scanners on any valid text: never a crash, never
 * a hang. */
#include <string.h>

#include "extract.h"
#include "fuzz.h"
#include "utf8.h"

int
fuzz_extract(const uint8_t *data, size_t size)
{
	char *argv[] = { "baocao-extract", NULL, NULL };

	/* Invalid UTF-8 and NUL are documented errors (tests/errors.bats);
	 * the scanner's own paths are what is fuzzed here. */
	if (memchr(data, '\0', size) != NULL ||
	    u8_invalid((const char *)data, size) != size)
		return 0;
	argv[1] = (char *)fuzz_file(0, data, size);
	fuzz_run(extract_main, 2, argv);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(extract)
#endif
