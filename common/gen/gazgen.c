/*
 * gazgen: reads the gazetteer's CSV and writes its index (gazidx.h) as C,
 * the built-in gazetteer of every filter.
 *
 *	gazgen units_history.csv > data_gaz.c
 *
 * The reading is gazidx_read's, the one a --gazetteer FILE goes through,
 * so the built-in copy is what reading the file at run time gives.
 */
#include <stdint.h>
#include <stdio.h>

#include "csvin.h"
#include "diag.h"
#include "gazidx.h"

static void
numbers(const char *type, const char *name, const uint32_t *v, size_t n)
{
	size_t i;

	printf("static const %s %s[%zu] = {", type, name, n + 1);
	for (i = 0; i < n; i++)
		printf("%s%lu,", i % 12 == 0 ? "\n" : "", (unsigned long)v[i]);
	printf("0\n};\n\n");
}

int
main(int argc, char *argv[])
{
	struct gazidx *x;
	struct csvin *in;
	size_t i, k;

	diag_init(argv[0]);
	if (argc != 2)
		die(2, "usage: gazgen units_history.csv > data_gaz.c");
	in = csvin_open(argv + 1, 1);
	x = gazidx_read(in);
	csvin_close(in);
	printf("/* Written by common/gen/gazgen.c from %s. */\n"
	    "#include <stddef.h>\n#include <stdint.h>\n\n"
	    "#include \"gazidx.h\"\n\n", argv[1]);
	printf("static const char str[%zu] = {", x->nstr + 1);
	for (i = 0; i < x->nstr; i++)
		printf("%s%d,", i % 20 == 0 ? "\n" : "",
		    (int)(signed char)x->str[i]);
	printf("0\n};\n\n");
	printf("static const uint32_t unit[%zu][GF_N] = {", x->n + 1);
	for (i = 0; i < x->n; i++) {
		printf("\n{");
		for (k = 0; k < GF_N; k++)
			printf("%lu,", (unsigned long)x->unit[i][k]);
		printf("},");
	}
	printf("\n{0}\n};\n\n");
	numbers("uint32_t", "bycode", x->bycode, x->n);
	numbers("uint32_t", "members", x->members, x->nmembers);
	numbers("uint32_t", "byname", x->byname, x->n);
	printf("const struct gazidx gazidx_builtin = { str, unit, bycode, "
	    "members, byname, %zu, %zu, %zu };\n", x->nstr, x->n,
	    x->nmembers);
	gazidx_free(x);
	if (fflush(stdout) == EOF || ferror(stdout))
		die(2, "write error:");
	return 0;
}
