/*
 * Reading an input into the document model: the bytes are read whole
 * (gzip undone), the reader is chosen by what they hold, never by the
 * file name, and the reader fills the struct doc.
 */
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "extract.h"
#include "gz.h"

/*
 * The readers, tried in order: the first whose test accepts the bytes
 * reads them.  Plain text, last, takes whatever no other reader claims.
 */
static const struct reader {
	const char *name;	/* struct doc's reader */
	int (*claims)(const char *p, size_t n);	/* NULL: anything */
	void (*read)(struct doc *, const char *file, const char *p, size_t n);
} readers[] = {
	{ "text", NULL, read_text },
};

void
read_doc(struct doc *d, const char *path)
{
	struct gz_in *in = gz_open_in(path);
	struct buf bytes = { 0 };
	char tmp[1 << 16];
	const struct reader *r = readers;
	size_t n;

	while ((n = gz_read(in, tmp, sizeof(tmp))) > 0) {
		if (bytes.n + n > DOC_MAX)
			die(2, "%s: document larger than %zu bytes", gz_name(in),
			    (size_t)DOC_MAX);
		buf_add(&bytes, tmp, n);
	}
	while (r->claims != NULL && !r->claims(bytes.p, bytes.n))
		r++;
	doc_begin(d, path, gz_name(in), r->name);
	r->read(d, gz_name(in), bytes.p == NULL ? "" : bytes.p, bytes.n);
	gz_close_in(in);
	buf_free(&bytes);
}
