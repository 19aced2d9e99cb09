/*
 * gz: byte input and output, gzip-aware.
 *
 * Input is told by its first bytes: plain files are read as they are and
 * gzip files decompressed (zlib's inflate, member after member), so every
 * filter reads ".gz" transparently.  A truncated or corrupt gzip stream,
 * or bytes after its end that start no other member (trailing garbage),
 * is an error naming the input, never a quiet short read.
 *
 * Output is buffered here and written with write(2) (or through zlib when
 * gzip output is asked for); every failure is remembered and reported by
 * gz_out_close, which is what makes "> /dev/full" exit 2.
 */
#ifndef BAOCAO_GZ_H
#define BAOCAO_GZ_H

#include <stddef.h>
#include <sys/types.h>

struct gz_in;
struct gz_out;

/*
 * Checks, before any output is written, that every named input can be
 * read ("-" is stdin).  Dies with status 2 naming the first that cannot.
 */
void gz_check_inputs(char *const *paths, int n);

/* "-" opens stdin.  Dies on failure.  The name is copied. */
struct gz_in *gz_open_in(const char *path);
/* Reads len bytes of memory (not copied; must outlive the input). */
struct gz_in *gz_open_mem(const char *name, const void *data, size_t len);
/* Returns bytes read, 0 at end of input; dies on a read or gzip error. */
size_t gz_read(struct gz_in *, void *buf, size_t n);
const char *gz_name(const struct gz_in *);	/* for diagnostics */
void gz_close_in(struct gz_in *);

/* fd is usually 1; gzip selects gzip output. */
struct gz_out *gz_open_out(int fd, int gzip);
void gz_write(struct gz_out *, const void *, size_t);
void gz_putc(struct gz_out *, char);
void gz_puts(struct gz_out *, const char *);
/* Flushes and closes; returns 0, or -1 with errno set on any failure. */
int gz_out_close(struct gz_out *);
/* gz_out_close for stdout: dies with status 2 naming the failure. */
void gz_out_finish(struct gz_out *);

#endif
