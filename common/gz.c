/*
 * gz: byte input and output (see gz.h): inputs checked before any output,
 * plain or gzip told by their first bytes, gzip inflated here member after
 * member so that a cut or trailing bytes are an error; output buffered,
 * written with write(2) or through zlib, its first failure reported at
 * close.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "diag.h"
#include "gz.h"
#include "xalloc.h"

enum { OUTBUF = 1 << 16, INBUF = 1 << 17, ZBUF = 1 << 18 };

/*
 * Input is read here, not through zlib's gz* layer: that layer ignores
 * bytes after the end of a gzip stream that do not start another one, and
 * a file with trailing garbage must be an error.  The first bytes say
 * whether the input is gzip (0x1f 0x8b); gzip is inflated member after
 * member, and after the last one nothing may follow.
 */
struct gz_in {
	int fd;			/* -1 for an in-memory input */
	char *name;
	const char *mem;
	size_t memlen, mempos;
	int gzip;		/* the input is gzip */
	int member;		/* inside a gzip member */
	int eof;		/* fd is read to its end */
	z_stream z;
	unsigned char *ibuf;	/* INBUF bytes: z.next_in points into it */
	unsigned char *zbuf;	/* ZBUF bytes inflated ahead, so that a
				 * stream cut short near its start is said
				 * before its first bytes are used */
	size_t zpos, zlen;
};

struct gz_out {
	int fd;
	gzFile gz;
	int err;		/* first errno seen, 0 if none */
	size_t n;
	char buf[OUTBUF];
};

static void out_flush(struct gz_out *);

void
gz_check_inputs(char *const *paths, int n)
{
	struct stat st;
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") == 0)
			continue;
		if (stat(paths[i], &st) == -1 || access(paths[i], R_OK) == -1)
			die(2, "cannot read '%s':", paths[i]);
		if (S_ISDIR(st.st_mode))
			die(2, "'%s' is a directory", paths[i]);
	}
}

/* More input: what is left of ibuf moves to its start and is topped up
 * from fd; returns the bytes read (0 at the end of the file). */
static size_t
fill(struct gz_in *in)
{
	ssize_t got;

	if (in->eof)
		return 0;
	if (in->z.avail_in > 0 && in->z.next_in != in->ibuf)
		memmove(in->ibuf, in->z.next_in, in->z.avail_in);
	in->z.next_in = in->ibuf;
	do
		got = read(in->fd, in->ibuf + in->z.avail_in,
		    INBUF - in->z.avail_in);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		die(2, "%s: read error:", in->name);
	if (got == 0)
		in->eof = 1;
	in->z.avail_in += (uInt)got;
	return (size_t)got;
}

struct gz_in *
gz_open_in(const char *path)
{
	struct gz_in *in = xcalloc(1, sizeof(*in));

	if (strcmp(path, "-") == 0) {
		in->fd = dup(STDIN_FILENO);
		in->name = xstrdup("(stdin)");
	} else {
		in->fd = open(path, O_RDONLY);
		in->name = xstrdup(path);
	}
	if (in->fd == -1) {
		/* Nothing left allocated: extract --docs goes on after it. */
		int saved = errno;

		gz_close_in(in);
		errno = saved;
		die(2, "cannot open '%s':", path);
	}
	in->ibuf = xmalloc(INBUF);
	in->z.next_in = in->ibuf;
	while (in->z.avail_in < 2 && fill(in) > 0)
		;
	if (in->z.avail_in >= 2 && in->ibuf[0] == 0x1f && in->ibuf[1] == 0x8b) {
		if (inflateInit2(&in->z, 15 + 16) != Z_OK) {
			gz_close_in(in);
			die(2, "cannot open '%s': out of memory", path);
		}
		in->gzip = in->member = 1;
		in->zbuf = xmalloc(ZBUF);
	}
	return in;
}

/* Stops the run: the gzip input is damaged. */
static _Noreturn void
corrupt(const struct gz_in *in, const char *why)
{
	die(2, "%s: corrupt or truncated gzip input (%s)", in->name, why);
}

/* Inflates into buf[0..n), as much as there is; 0 at the end of the last
 * member. */
static size_t
inflate_some(struct gz_in *in, void *buf, size_t n)
{
	int rc;

	in->z.next_out = buf;
	in->z.avail_out = (uInt)n;
	while (in->z.avail_out > 0) {
		if (in->z.avail_in == 0 && fill(in) == 0) {
			if (in->member)
				corrupt(in, "unexpected end of file");
			break;
		}
		if (!in->member) {
			/* Another member, or the end: nothing else. */
			while (in->z.avail_in < 2 && fill(in) > 0)
				;
			if (in->z.avail_in < 2 || in->z.next_in[0] != 0x1f ||
			    in->z.next_in[1] != 0x8b)
				die(2, "%s: bytes after the end of the gzip data "
				    "(trailing garbage)", in->name);
			inflateReset(&in->z);
			in->member = 1;
		}
		rc = inflate(&in->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			in->member = 0;
		else if (rc == Z_BUF_ERROR && in->z.avail_in == 0)
			continue;
		else if (rc != Z_OK)
			corrupt(in, in->z.msg != NULL ? in->z.msg : "bad data");
	}
	return n - in->z.avail_out;
}

size_t
gz_read(struct gz_in *in, void *buf, size_t n)
{
	size_t k;

	if (in->fd < 0) {
		if (n > in->memlen - in->mempos)
			n = in->memlen - in->mempos;
		memcpy(buf, in->mem + in->mempos, n);
		in->mempos += n;
		return n;
	}
	if (n > (unsigned)INT32_MAX)
		n = INT32_MAX;
	if (in->gzip) {
		if (in->zpos == in->zlen) {
			in->zlen = inflate_some(in, in->zbuf, ZBUF);
			in->zpos = 0;
		}
		k = n < in->zlen - in->zpos ? n : in->zlen - in->zpos;
		memcpy(buf, in->zbuf + in->zpos, k);
		in->zpos += k;
		return k;
	}
	/* Plain input: what the first read holds, then fd itself. */
	if (in->z.avail_in == 0 && fill(in) == 0)
		return 0;
	k = n < in->z.avail_in ? n : in->z.avail_in;
	memcpy(buf, in->z.next_in, k);
	in->z.next_in += k;
	in->z.avail_in -= (uInt)k;
	return k;
}

struct gz_in *
gz_open_mem(const char *name, const void *data, size_t len)
{
	struct gz_in *in = xcalloc(1, sizeof(*in));

	in->fd = -1;
	in->name = xstrdup(name);
	in->mem = data;
	in->memlen = len;
	return in;
}

const char *
gz_name(const struct gz_in *in)
{
	return in->name;
}

void
gz_close_in(struct gz_in *in)
{
	if (in == NULL)
		return;
	if (in->gzip)
		inflateEnd(&in->z);
	if (in->fd >= 0)
		close(in->fd);
	free(in->ibuf);
	free(in->zbuf);
	free(in->name);
	free(in);
}

struct gz_out *
gz_open_out(int fd, int gzip)
{
	struct gz_out *out = xmalloc(sizeof(*out));

	out->fd = fd;
	out->gz = NULL;
	out->err = 0;
	out->n = 0;
	if (gzip) {
		int dfd = dup(fd);

		if (dfd == -1 || (out->gz = gzdopen(dfd, "wb")) == NULL)
			die(2, "cannot start gzip output:");
	}
	return out;
}

static void
out_flush(struct gz_out *out)
{
	size_t off = 0;
	ssize_t w;

	if (out->err != 0) {
		out->n = 0;
		return;
	}
	if (out->gz != NULL) {
		if (out->n > 0 && gzwrite(out->gz, out->buf, (unsigned)out->n) == 0) {
			int zerr;

			gzerror(out->gz, &zerr);
			out->err = zerr == Z_ERRNO && errno != 0 ? errno : EIO;
		}
		out->n = 0;
		return;
	}
	while (off < out->n) {
		w = write(out->fd, out->buf + off, out->n - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			out->err = errno;
			break;
		}
		off += (size_t)w;
	}
	out->n = 0;
}

void
gz_write(struct gz_out *out, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		size_t room = OUTBUF - out->n, k = n < room ? n : room;

		memcpy(out->buf + out->n, s, k);
		out->n += k;
		s += k;
		n -= k;
		if (out->n == OUTBUF)
			out_flush(out);
	}
}

void
gz_putc(struct gz_out *out, char c)
{
	if (out->n == OUTBUF)
		out_flush(out);
	out->buf[out->n++] = c;
}

void
gz_puts(struct gz_out *out, const char *s)
{
	gz_write(out, s, strlen(s));
}

int
gz_out_close(struct gz_out *out)
{
	int err;

	out_flush(out);
	if (out->gz != NULL) {
		int rc = gzclose_w(out->gz);

		if (rc != Z_OK && out->err == 0)
			out->err = rc == Z_ERRNO ? errno : EIO;
	}
	if (out->err == 0 && out->fd == STDOUT_FILENO && close(out->fd) == -1)
		out->err = errno;
	err = out->err;
	free(out);
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

void
gz_out_finish(struct gz_out *out)
{
	if (gz_out_close(out) == -1)
		die(2, "write error:");
}
