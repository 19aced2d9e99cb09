/*
 * The CSV reader on any bytes: never a crash, every field NUL-terminated;
 * and fields written by csvout read back unchanged (round trip).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"
#include "csvout.h"
#include "diag.h"
#include "fuzz.h"
#include "utf8.h"

static FILE *bad;

static void
read_all(void *path)
{
	char *paths[1] = { path };
	struct csvin *in = csvin_open(paths, 1);

	csvin_set_bad_rows(in, bad);
	while (csvin_next(in)) {
		size_t i, n = csvin_ncols(in);

		for (i = 0; i < n; i++) {
			struct span f = csvin_field(in, i);

			if (f.p[f.n] != '\0')
				abort();
		}
	}
	csvin_close(in);
}

static void
read_any(const uint8_t *data, size_t size)
{
	if (bad == NULL && (bad = fopen("/dev/null", "w")) == NULL)
		abort();
	fuzz_catch(read_all, (void *)fuzz_file(0, data, size));
}

/* Splits the input at 0x01 into the fields of one record, writes it with
 * csvout and reads it back with csvin: the fields must be the same. */
static void
round_trip(const uint8_t *data, size_t size)
{
	const char *f[64];
	size_t len[64], nf = 0, start = 0, i;
	char *paths[1], name[16];
	struct csvout *o;
	struct csvin *in;
	int fd;

	for (i = 0; i <= size && nf < 64; i++)
		if (i == size || data[i] == 1) {
			f[nf] = (const char *)data + start;
			len[nf++] = i - start;
			start = i + 1;
		}
	if (nf == 64)
		return;
	for (i = 0; i < nf; i++)
		if (memchr(f[i], '\0', len[i]) != NULL || memchr(f[i], 1, len[i]) ||
		    u8_invalid(f[i], len[i]) != len[i])
			return;	/* only valid UTF-8 without NUL is CSV text */
	paths[0] = (char *)fuzz_file(1, (const uint8_t *)"", 0);
	fd = open(paths[0], O_WRONLY | O_TRUNC);
	o = csvout_open(fd, 0);
	for (i = 0; i < nf; i++) {
		snprintf(name, sizeof(name), "c%zu", i);
		csvout_str(o, name);
	}
	csvout_end(o);
	for (i = 0; i < nf; i++)
		csvout_field(o, f[i], len[i]);
	csvout_end(o);
	csvout_close(o);
	close(fd);
	in = csvin_open(paths, 1);
	if (csvin_ncols(in) != nf || csvin_next(in) != 1)
		abort();
	for (i = 0; i < nf; i++) {
		struct span s = csvin_field(in, i);

		if (s.n != len[i] || memcmp(s.p, f[i], s.n) != 0)
			abort();
	}
	if (csvin_next(in) != 0)
		abort();
	csvin_close(in);
}

int
fuzz_csv(const uint8_t *data, size_t size)
{
	diag_quiet();
	read_any(data, size);
	round_trip(data, size);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(csv)
#endif
