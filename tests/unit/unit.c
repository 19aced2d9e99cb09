#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "unit.h"
#include "xscan.h"

int unit_failed, unit_passed, unit_skipped;

static const struct {
	const char *name;
	void (*fn)(void);
} tests[] = {
	{ "chars", test_chars },
	{ "cli", test_cli },
	{ "clause", test_clause },
	{ "clean", test_clean },
	{ "corr", test_corr },
	{ "cover", test_cover },
	{ "csv", test_csv },
	{ "dec", test_dec },
	{ "derive", test_derive },
	{ "diag", test_diag },
	{ "docs", test_docs },
	{ "facts", test_facts },
	{ "figures", test_figures },
	{ "fname", test_fname },
	{ "gaz", test_gaz },
	{ "gazidx", test_gazidx },
	{ "glue", test_glue },
	{ "gz", test_gz },
	{ "header", test_header },
	{ "heading", test_heading },
	{ "lib", test_lib },
	{ "manifest", test_manifest },
	{ "model", test_model },
	{ "period", test_period },
	{ "rows", test_rows },
	{ "sha256", test_sha256 },
	{ "skip", test_skip },
	{ "spawn", test_spawn },
	{ "stamps", test_stamps },
	{ "table", test_table },
	{ "utf8", test_utf8 },
	{ "vnlegacy", test_vnlegacy },
	{ "vnum", test_vnum },
	{ "xalloc", test_xalloc },
};

/* Under AddressSanitizer an allocation too large returns NULL, as malloc
 * does without it, so that xalloc's exhaustion is tested there too. */
const char *__asan_default_options(void);

const char *
__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

void
unit_fail(const char *file, int line, const char *expr)
{
	unit_failed++;
	fprintf(stderr, "FAIL %s:%d: %s\n", file, line, expr);
}

void
unit_skip(const char *file, int line, const char *why)
{
	unit_skipped++;
	fprintf(stderr, "SKIP %s:%d: %s\n", file, line, why);
}

/* The whole of f, from its start, as a new string. */
static char *
slurp(FILE *f)
{
	char *p = NULL;
	size_t n = 0, cap = 0, k;

	rewind(f);
	do {
		if (cap - n < 4096) {
			cap = cap == 0 ? 8192 : cap * 2;
			if ((p = realloc(p, cap)) == NULL)
				abort();
		}
		k = fread(p + n, 1, cap - n - 1, f);
		n += k;
	} while (k > 0);
	p[n] = '\0';
	fclose(f);
	return p;
}

void
unit_fork(struct unit_run *r, void (*fn)(void *), void *arg)
{
	FILE *out = tmpfile(), *err = tmpfile();
	pid_t pid;
	int status;

	if (out == NULL || err == NULL)
		abort();
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		dup2(fileno(out), STDOUT_FILENO);
		dup2(fileno(err), STDERR_FILENO);
		fn(arg);
		fflush(stdout);
		fflush(stderr);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status);
	r->out = slurp(out);
	r->err = slurp(err);
}

void
unit_done(struct unit_run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

void
unit_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) == EOF) {
		perror(path);
		abort();
	}
}

static FILE *captured;

void
unit_capture(void)
{
	if ((captured = tmpfile()) == NULL)
		abort();
	diag_capture(captured, NULL);
}

char *
unit_captured(void)
{
	diag_capture(NULL, NULL);
	return slurp(captured);
}

/* Runs every module's tests, or those named on the command line.  Every
 * message says "baocao-t: ", whichever binary runs them. */
int
main(int argc, char *argv[])
{
	size_t i;
	int k, ran = 0;

	diag_init("baocao-t");
	for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		int want = argc == 1;

		for (k = 1; k < argc; k++)
			want |= strcmp(argv[k], tests[i].name) == 0;
		if (want) {
			tests[i].fn();
			ran++;
		}
	}
	if (ran == 0 || ran < argc - 1) {
		fprintf(stderr, "unit: no such module among the arguments\n");
		return 2;
	}
	printf("unit: %d passed, %d failed", unit_passed, unit_failed);
	if (unit_skipped > 0)
		printf(", %d skipped (known bugs)", unit_skipped);
	printf("\n");
	return unit_failed == 0 ? 0 : 1;
}
