/*
 * Replays the stored fuzz corpus through every target: replay DIR, where
 * DIR/<target>/ holds the inputs.  Prints a count per target; a crash is
 * a failed check.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fuzz.h"

static const struct {
	const char *name;
	int (*fn)(const uint8_t *, size_t);
} targets[] = {
	{ "csv", fuzz_csv }, { "numbers", fuzz_numbers },
	{ "extract", fuzz_extract }, { "rules", fuzz_rules },
	{ "merge", fuzz_merge }, { "diff", fuzz_diff },
	{ "normalize", fuzz_normalize }, { "check", fuzz_check },
	{ "docx", fuzz_docx }, { "archive", fuzz_archive },
};

int
main(int argc, char *argv[])
{
	size_t t, total = 0;
	/* The targets send stdout to /dev/null; report on a copy of it. */
	FILE *out = fdopen(dup(1), "w");

	if (out == NULL || argc != 2) {
		fputs("usage: fuzz-replay CORPUS_DIR\n", stderr);
		return 2;
	}
	for (t = 0; t < sizeof(targets) / sizeof(targets[0]); t++) {
		char dir[4096], path[8192];
		struct dirent *e;
		DIR *d;
		size_t n = 0;

		snprintf(dir, sizeof(dir), "%s/%s", argv[1], targets[t].name);
		if ((d = opendir(dir)) == NULL) {
			fprintf(stderr, "fuzz-replay: no corpus in '%s'\n", dir);
			return 2;
		}
		while ((e = readdir(d)) != NULL) {
			FILE *f;
			unsigned char *buf;
			long len;

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			if ((f = fopen(path, "rb")) == NULL)
				continue;
			fseek(f, 0, SEEK_END);
			len = ftell(f);
			rewind(f);
			buf = malloc((size_t)len + 1);
			if (fread(buf, 1, (size_t)len, f) != (size_t)len)
				abort();
			fclose(f);
			targets[t].fn(buf, (size_t)len);
			free(buf);
			n++;
		}
		closedir(d);
		fprintf(out, "fuzz-replay: %s: %zu inputs\n", targets[t].name, n);
		total += n;
	}
	fprintf(out, "fuzz-replay: %zu passed, 0 failed\n", total);
	return fclose(out) == 0 ? 0 : 2;
}
