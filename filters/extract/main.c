/*
 * baocao-extract's entry point.  The command is extract_main (run.c), so
 * that the fuzz harness can link every other part of the filter.
 */
#include "extract.h"

int
main(int argc, char *argv[])
{
	return extract_main(argc, argv);
}
