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

enum { OUTBUF = 1 << 16, INBUF = 1 << 17 };

struct gz_in {
	gzFile gz;		/* NULL for an in-memory input */
	char *name;
	const char *mem;
	size_t memlen, mempos;
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

struct gz_in *
gz_open_in(const char *path)
{
	struct gz_in *in = xcalloc(1, sizeof(*in));
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = dup(STDIN_FILENO);
		in->name = xstrdup("(stdin)");
	} else {
		fd = open(path, O_RDONLY);
		in->name = xstrdup(path);
	}
	if (fd == -1) {
		/* Nothing left allocated: extract --docs goes on after it. */
		int saved = errno;

		gz_close_in(in);
		errno = saved;
		die(2, "cannot open '%s':", path);
	}
	in->gz = gzdopen(fd, "rb");
	if (in->gz == NULL) {
		close(fd);
		gz_close_in(in);
		die(2, "cannot open '%s': out of memory", path);
	}
	gzbuffer(in->gz, INBUF);
	return in;
}

size_t
gz_read(struct gz_in *in, void *buf, size_t n)
{
	int got, zerr;
	const char *msg;

	if (in->gz == NULL) {
		if (n > in->memlen - in->mempos)
			n = in->memlen - in->mempos;
		memcpy(buf, in->mem + in->mempos, n);
		in->mempos += n;
		return n;
	}
	if (n > (unsigned)INT32_MAX)
		n = INT32_MAX;
	got = gzread(in->gz, buf, (unsigned)n);
	msg = gzerror(in->gz, &zerr);
	if (got < 0 || (zerr != Z_OK && zerr != Z_STREAM_END)) {
		if (zerr == Z_ERRNO)
			die(2, "%s: read error:", in->name);
		/* zlib names the stream "<fd:N>: "; the file's name is said above. */
		if (msg != NULL && strncmp(msg, "<fd:", 4) == 0 &&
		    strstr(msg, ": ") != NULL)
			msg = strstr(msg, ": ") + 2;
		die(2, "%s: corrupt or truncated gzip input (%s)", in->name, msg);
	}
	return (size_t)got;
}

struct gz_in *
gz_open_mem(const char *name, const void *data, size_t len)
{
	struct gz_in *in = xcalloc(1, sizeof(*in));

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
	if (in->gz != NULL)
		gzclose_r(in->gz);
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
