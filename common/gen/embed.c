/*
 * embed: writes a C file defining a data file's bytes, so the filters carry
 * their default data (lexicon, gazetteer) and work from any directory.
 *
 *	embed SYMBOL < file > file.c
 */
#include <stdio.h>

int
main(int argc, char *argv[])
{
	unsigned long n = 0;
	int c;

	if (argc != 2) {
		fputs("usage: embed SYMBOL < file > file.c\n", stderr);
		return 2;
	}
	printf("#include <stddef.h>\nconst unsigned char %s[] = {", argv[1]);
	while ((c = getchar()) != EOF)
		printf("%s%d,", n++ % 20 == 0 ? "\n" : "", c);
	printf("0};\nconst size_t %s_len = %lu;\n", argv[1], n);
	if (ferror(stdin) || fflush(stdout) == EOF || ferror(stdout))
		return 2;
	return 0;
}
