/* Archives (.zip, .7z, .rar, .tar) on any bytes: never a crash, a hang or
 * more than the limits let through; every member named in valid UTF-8
 * without a leading '/', its data at most DOC_MAX bytes, no more members
 * handed out than arch_check counted. */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "fuzz.h"
#include "utf8.h"

struct input {
	const uint8_t *data;
	size_t size;
};

static void
read_all(void *arg)
{
	const struct input *in = arg;
	const char *p = (const char *)in->data, *kind;
	struct buf why = { 0 };
	struct arch_member m = { 0 };
	struct arch *a;
	size_t files, n = 0;

	arch_claims(p, in->size, &kind);
	if (arch_check(p, in->size, &files, &why) != 0 ||
	    (a = arch_open(p, in->size)) == NULL) {
		buf_free(&why);
		return;
	}
	while (arch_next(a, &m, &why) == 1) {
		if (++n > files || m.name == NULL || m.name[0] == '/' ||
		    u8_invalid(m.name, strlen(m.name)) != strlen(m.name) ||
		    m.data.n > DOC_MAX || (m.why.n > 0 && m.data.n > 0))
			abort();
	}
	arch_member_free(&m);
	arch_close(a);
	buf_free(&why);
}

int
fuzz_archive(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	fuzz_catch(read_all, &in);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(archive)
#endif
