/* The .docx reader on any bytes: never a crash, a hang or a model that
 * breaks its rules (text valid UTF-8 without NUL, lines from 1, at most
 * ROW_MAXCELLS cells a row, cells inside their row's text). */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "extract.h"
#include "fuzz.h"
#include "utf8.h"

struct input {
	const uint8_t *data;
	size_t size;
};

static void
check_row(const struct row *r)
{
	size_t k;

	if (r->ncells > ROW_MAXCELLS)
		abort();
	for (k = 0; k < r->ncells; k++)
		if (r->cells[k].len > r->len || r->cells[k].span < 1 ||
		    u8_invalid(r->cells[k].text, r->cells[k].len) !=
		    r->cells[k].len)
			abort();
}

static void
read_one(void *arg)
{
	const struct input *in = arg;
	struct readopts o = { 0 };
	struct doc d = { 0 };
	struct pos at;
	size_t k;
	int ok;

	doc_begin(&d, "fuzz.docx", "fuzz.docx", "docx");
	read_docx(&d, (const char *)in->data, in->size, &o);
	for (ok = doc_first(&d, &at); ok; ok = doc_next(&d, &at)) {
		struct textline t = doc_line(&d, at);

		if (t.line == 0 || t.len == 0 || memchr(t.text, '\0', t.len) != NULL ||
		    u8_invalid(t.text, t.len) != t.len)
			abort();
		if (t.in_table)
			check_row(&d.blocks[at.b].u.table.rows[at.r]);
	}
	for (k = 0; k < d.nnotes; k++)
		if (u8_invalid(d.notes[k].text, d.notes[k].len) != d.notes[k].len)
			abort();
	doc_free(&d);
}

int
fuzz_docx(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	/* libxml2's global state is made once, outside the tracked run. */
	xmlInitParser();
	fuzz_catch(read_one, &in);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(docx)
#endif
