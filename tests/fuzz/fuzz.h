/*
 * Fuzz targets.  Each file defines fuzz_<name>(data, size); built alone
 * with -DFUZZ_ONE it also defines libFuzzer's entry point, and replay.c
 * runs every target over its stored corpus (make check).
 */
#ifndef BAOCAO_FUZZ_H
#define BAOCAO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int fuzz_csv(const uint8_t *, size_t);
int fuzz_numbers(const uint8_t *, size_t);
int fuzz_extract(const uint8_t *, size_t);
int fuzz_rules(const uint8_t *, size_t);
int fuzz_merge(const uint8_t *, size_t);
int fuzz_diff(const uint8_t *, size_t);
int fuzz_normalize(const uint8_t *, size_t);
int fuzz_check(const uint8_t *, size_t);
int fuzz_docx(const uint8_t *, size_t);
int fuzz_archive(const uint8_t *, size_t);

/* Writes data to a scratch file and returns its path (reused). */
const char *fuzz_file(int which, const uint8_t *data, size_t size);
/* A gazetteer file of a few units (loading the full one is slow). */
const char *fuzz_small_gazetteer(void);
/* Calls fn(arg), catching a die(): returns 0, or die's status.  Memory
 * and file descriptors the dying call held are released. */
int fuzz_catch(void (*fn)(void *), void *arg);
/* Runs a filter's main with argv, stdout to /dev/null; returns its status
 * (2 when it died). */
int fuzz_run(int (*mainfn)(int, char **), int argc, char **argv);

#define FUZZ_ENTRY(name) \
	int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) \
	{ return fuzz_##name(d, n); }

#endif
