#include <stdio.h>

#include "diag.h"
#include "unit.h"

int unit_failed, unit_passed;

void
unit_fail(const char *file, int line, const char *expr)
{
	unit_failed++;
	fprintf(stderr, "FAIL %s:%d: %s\n", file, line, expr);
}

int
main(int argc, char *argv[])
{
	(void)argc;
	diag_init(argv[0]);
	test_clause();
	test_clean();
	test_dec();
	test_fname();
	test_gaz();
	test_lib();
	test_derive();
	test_csv();
	test_gz();
	test_period();
	test_rows();
	test_sha256();
	test_stamps();
	test_utf8();
	test_vnum();
	printf("unit: %d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed == 0 ? 0 : 1;
}
