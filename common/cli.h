/*
 * cli: what every filter's command line shares.
 */
#ifndef BAOCAO_CLI_H
#define BAOCAO_CLI_H

#include <stdio.h>

/* Prints "baocao-x VERSION" on stdout and exits 0. */
_Noreturn void cli_version(void);
/* Prints the full usage on stdout and exits 0 (2 if it cannot). */
_Noreturn void cli_help(const char *text);
/* Prints the synopsis and "Try ... --help" on stderr, exits 2. */
_Noreturn void cli_usage_error(const char *synopsis);
/* Checked integer option: dies naming the option and the value. */
long long cli_num(const char *opt, const char *val, long long min,
	long long max);
/* Splits a comma list into a NULL-terminated array (caller frees both). */
char **cli_split(const char *list, size_t *n);
/* Frees what cli_split returned. */
void cli_free_split(char **, size_t);
/* --bad-rows FILE: opens it for writing (NULL when path is NULL), dies
 * when it cannot; closing dies on a write error, and passes NULL by. */
FILE *cli_open_bad_rows(const char *path);
void cli_close_bad_rows(FILE *, const char *path);
/* An output file an option names (--findings, --stats-csv ...): opened
 * for writing, emptied, its descriptor; -1 when path is NULL; dies when
 * it cannot be written. */
int cli_open_out(const char *path);
/*
 * Dies (status 2) when path, which option opt writes, is one of the n
 * inputs (stdin too, when an input is "-" or there is none): the same
 * file, however it is named, would be emptied before it is read.  A path
 * that is NULL, does not exist yet or is not a regular file (/dev/null, a
 * pipe) passes.
 */
void cli_not_an_input(const char *opt, const char *path, char *const *inputs,
	int n);
/* One --stats line on stderr: "baocao-x: what: n", what translated. */
void cli_stat(const char *what, unsigned long long n);

#endif
