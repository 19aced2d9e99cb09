/* The rules-file loader on any bytes: never a crash. */
#include <setjmp.h>

#include "diag.h"
#include "fuzz.h"
#include "lex.h"

int
fuzz_rules(const uint8_t *data, size_t size)
{
	struct lex *volatile x = NULL;
	jmp_buf jb;
	int low = fuzz_lowest_fd();

	diag_quiet();
	if (setjmp(jb) == 0) {
		diag_catch(&jb);
		x = lex_load(fuzz_file(0, data, size));
	}
	diag_catch(NULL);
	lex_free(x);
	fuzz_close_from(low);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(rules)
#endif
