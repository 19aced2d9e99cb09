/*
 * extract's model.c: building a document, walking its lines, its limits
 * and refusal, the letterhead unfolded column by column, legacy fonts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "xscan.h"

static void
para(struct doc *d, size_t line, const char *s)
{
	doc_add_para(d, line, s, strlen(s));
}

/* A row of cells given as one TAB-separated text. */
static struct row *
row(struct doc *d, size_t line, const char *s, int new_table)
{
	struct row *r = doc_add_row(d, line, s, strlen(s), new_table);
	struct cell *c;
	size_t n = 1, i, k = 0, start = 0;

	if (r == NULL)
		return NULL;
	for (i = 0; s[i] != '\0'; i++)
		n += s[i] == '\t';
	if ((c = doc_cells(d, r, n)) == NULL)
		return r;
	for (i = 0; ; i++)
		if (r->text[i] == '\t' || r->text[i] == '\0') {
			c[k].text = r->text + start;
			c[k].len = i - start;
			c[k++].span = 1;
			start = i + 1;
			if (r->text[i] == '\0')
				break;
		}
	return r;
}

/* The lines of the body as "line:text" (T marks a table row), '|'
 * between them, walked forward. */
static const char *
walk(const struct doc *d)
{
	static char out[2048];
	struct pos at;
	size_t k = 0;
	int ok;

	out[0] = '\0';
	for (ok = doc_first(d, &at); ok && k < sizeof(out); ok =
	    doc_next(d, &at)) {
		struct textline t = doc_line(d, at);

		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%zu:%s%s",
		    k > 0 ? "|" : "", t.line, t.in_table ? "T " : "", t.text);
	}
	return out;
}

static void
test_names(void)
{
	struct doc d;

	memset(&d, 0, sizeof(d));
	doc_begin(&d, "reports/2024/q1.report.txt.gz", "reports/2024/q1.report.txt.gz",
	    "text");
	CHECK_STR(d.name, "q1");
	CHECK_STR(d.path, "reports/2024/q1.report.txt.gz");
	CHECK_STR(d.reader, "text");
	doc_free(&d);
	CHECK(d.name == NULL && d.nblocks == 0);
	doc_begin(&d, "-", "(stdin)", "text");
	CHECK_STR(d.name, "-");
	CHECK_STR(d.file, "(stdin)");
	doc_free(&d);
	doc_begin(&d, "dir/.hidden", "dir/.hidden", "text");
	CHECK_STR(d.name, ".hidden");
	doc_free(&d);
}

static void
test_walk(void)
{
	struct doc d;
	struct pos at;

	memset(&d, 0, sizeof(d));
	doc_begin(&d, "r.txt", "r.txt", "text");
	CHECK(doc_first(&d, &at) == 0);
	para(&d, 1, "BÁO CÁO");
	row(&d, 3, "STT\tĐơn vị", 0);
	row(&d, 4, "1\tPhường 1", 0);
	row(&d, 6, "A\tB", 1);		/* a new table, though one is last */
	para(&d, 8, "Hết.");
	CHECK(d.nblocks == 4);
	CHECK(d.blocks[1].u.table.nrows == 2 && d.blocks[2].u.table.nrows == 1);
	CHECK(d.blocks[1].u.table.rows[1].ncells == 2);
	CHECK_STR(walk(&d), "1:BÁO CÁO|3:T STT\tĐơn vị|4:T 1\tPhường 1|"
	    "6:T A\tB|8:Hết.");
	/* backwards from the last line to the first */
	at.b = 3, at.r = 0;
	CHECK(doc_prev(&d, &at) && at.b == 2 && at.r == 0);
	CHECK(doc_prev(&d, &at) && at.b == 1 && at.r == 1);
	CHECK(doc_prev(&d, &at) && at.b == 1 && at.r == 0);
	CHECK(doc_prev(&d, &at) && at.b == 0 && at.r == 0);
	CHECK(doc_prev(&d, &at) == 0);
	at.b = 3, at.r = 0;
	CHECK(doc_next(&d, &at) == 0);
	/* texts are the document's copies */
	CHECK(d.blocks[0].u.para.text != NULL &&
	    d.blocks[0].u.para.len == strlen("BÁO CÁO"));
	doc_add_note(&d, "15", "Chú thích.", strlen("Chú thích."));
	CHECK(d.nnotes == 1);
	CHECK_STR(d.notes[0].mark, "15");
	CHECK(d.notes[0].len == strlen("Chú thích."));
	doc_free(&d);
}

static void
test_limits(void)
{
	struct doc d;
	char *said;
	size_t i;
	int ok = 1;

	memset(&d, 0, sizeof(d));
	doc_begin(&d, "r.txt", "r.txt", "text");
	unit_capture();
	for (i = 0; i < TABLE_MAXROWS + 3; i++)
		ok &= (row(&d, i + 1, "1\t2", 0) != NULL) == (i < TABLE_MAXROWS);
	said = unit_captured();
	CHECK(ok);
	CHECK(d.nblocks == 1 && d.blocks[0].u.table.nrows == TABLE_MAXROWS);
	CHECK(d.rows_dropped == 3 && d.blocks[0].u.table.dropped == 3);
	CHECK_STR(said, "baocao-t: r.txt:50001: table of more than 50000 rows: "
	    "the rows from this one on are dropped\n");
	free(said);
	/* a new table after it starts with room */
	CHECK(row(&d, 60000, "a\tb", 1) != NULL);
	CHECK(d.nblocks == 2 && d.failed == 0);
	doc_free(&d);

	/* refused: said once, then nothing is added */
	doc_begin(&d, "r.txt", "r.txt", "text");
	para(&d, 1, "một");
	unit_capture();
	CHECK(doc_reject(&d, 7, "bad %s", "thing") == -1);
	CHECK(doc_reject(&d, 8, "again") == -1);
	said = unit_captured();
	CHECK_STR(said, "baocao-t: r.txt:7: bad thing\n");
	free(said);
	CHECK(d.failed == 1);
	para(&d, 2, "hai");
	CHECK(d.nblocks == 1);
	CHECK(doc_add_row(&d, 3, "a\tb", 3, 0) == NULL);
	doc_free(&d);
	CHECK(d.failed == 0);
	/* line 0: no line */
	doc_begin(&d, "r.docx", "r.docx", "docx");
	unit_capture();
	doc_reject(&d, 0, "not a whole zip archive");
	said = unit_captured();
	CHECK_STR(said, "baocao-t: r.docx: not a whole zip archive\n");
	free(said);
	doc_free(&d);
}

static void
test_letterhead(void)
{
	struct doc d;

	CHECK(doc_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	    strlen("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
	CHECK(doc_motto("Độc lập - Tự do - Hạnh phúc",
	    strlen("Độc lập - Tự do - Hạnh phúc")));
	CHECK(!doc_motto("cộng hòa xã hội", strlen("cộng hòa xã hội")));
	CHECK(!doc_motto("Ủy ban nhân dân", strlen("Ủy ban nhân dân")));
	CHECK(!doc_motto("", 0));
	CHECK(doc_number_label("Số: 12/BC-UBND", strlen("Số: 12/BC-UBND")) ==
	    strlen("số"));
	CHECK(doc_number_label("SỐ 12/BC", strlen("SỐ 12/BC")) == strlen("số"));
	CHECK(doc_number_label("số liệu", strlen("số liệu")) == 0);
	CHECK(doc_number_label("Sở Nội vụ", strlen("Sở Nội vụ")) == 0);
	CHECK(doc_letterhead_cell("Số: 12/BC-UBND", strlen("Số: 12/BC-UBND")));
	CHECK(!doc_letterhead_cell("Số", strlen("Số")));
	CHECK(!doc_letterhead_cell("QUẬN 1", strlen("QUẬN 1")));

	memset(&d, 0, sizeof(d));
	doc_begin(&d, "r.docx", "r.docx", "docx");
	row(&d, 1, "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0);
	row(&d, 2, "QUẬN 1\tĐộc lập - Tự do - Hạnh phúc", 0);
	row(&d, 3, "Số: 12/BC-UBND\t", 0);
	para(&d, 4, "BÁO CÁO");
	row(&d, 5, "STT\tĐơn vị\tKết quả", 0);
	doc_letterhead(&d);
	/* column by column, each cell its row's line; empty cells go; the
	 * table of figures stays a table */
	CHECK_STR(walk(&d), "1:ỦY BAN NHÂN DÂN|2:QUẬN 1|3:Số: 12/BC-UBND|"
	    "1:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|2:Độc lập - Tự do - Hạnh "
	    "phúc|4:BÁO CÁO|5:T STT\tĐơn vị\tKết quả");
	doc_free(&d);
	/* a table of four columns, or with no motto and no number, is no
	 * letterhead */
	doc_begin(&d, "r.docx", "r.docx", "docx");
	row(&d, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\ta\tb\tc", 0);
	row(&d, 3, "ỦY BAN NHÂN DÂN\tQUẬN 1", 1);
	doc_letterhead(&d);
	CHECK(d.nblocks == 2 && d.blocks[0].kind == BLOCK_TABLE &&
	    d.blocks[1].kind == BLOCK_TABLE);
	doc_free(&d);
}

/* extract.h: the letterhead holds the national motto or the document
 * number ("Số: ..."); a small table of figures near the start whose
 * header says "Số đơn" (the number of petitions) is no letterhead. */
static void
test_letterhead_count_word(void)
{
	struct doc d;

	CHECK(!doc_letterhead_cell("Số đơn", strlen("Số đơn")));
	CHECK(!doc_letterhead_cell("Số lượt tiếp", strlen("Số lượt tiếp")));
	/* the number, written or left blank for the hand that signs */
	CHECK(doc_letterhead_cell("Số: 12/BC-UBND", strlen("Số: 12/BC-UBND")));
	CHECK(doc_letterhead_cell("Số 12/BC-UBND", strlen("Số 12/BC-UBND")));
	CHECK(doc_letterhead_cell("Số:      /BC-UBND",
	    strlen("Số:      /BC-UBND")));
	memset(&d, 0, sizeof(d));
	doc_begin(&d, "r.doc", "r.doc", "doc");
	para(&d, 1, "BÁO CÁO");
	row(&d, 3, "STT\tĐơn vị\tSố đơn", 0);
	row(&d, 4, "1\tPhường 1\t5", 0);
	doc_letterhead(&d);
	CHECK(d.nblocks == 2 && d.blocks[1].kind == BLOCK_TABLE);
	doc_free(&d);
}

static void
test_legacy(void)
{
	/* TCVN3 "Céng hoµ x· héi chñ nghÜa" (see test_vnlegacy.c) */
	static const char tcvn[] = "C\u00e9ng ho\u00b5 x\u00b7 h\u00e9i "
	    "ch\u00f1 ngh\u00dca";
	struct doc d;
	int i;

	memset(&d, 0, sizeof(d));
	doc_begin(&d, "r.doc", "r.doc", "doc");
	for (i = 0; i < 3; i++)
		para(&d, (size_t)i + 1, tcvn);
	CHECK(doc_legacy(&d) == VN_UNICODE);	/* six telling bytes: too few */
	row(&d, 4, tcvn, 0);
	CHECK(doc_legacy(&d) == VN_TCVN3);	/* table rows count too */
	doc_add_note(&d, "1", tcvn, strlen(tcvn));
	doc_recode(&d, VN_TCVN3);
	CHECK_STR(d.blocks[0].u.para.text, "Cộng hoà xã hội chủ nghĩa");
	CHECK(d.blocks[0].u.para.len == strlen("Cộng hoà xã hội chủ nghĩa"));
	CHECK_STR(d.blocks[3].u.table.rows[0].text, "Cộng hoà xã hội chủ nghĩa");
	CHECK(d.blocks[3].u.table.rows[0].cells[0].len ==
	    strlen("Cộng hoà xã hội chủ nghĩa"));
	CHECK_STR(d.notes[0].text, "Cộng hoà xã hội chủ nghĩa");
	CHECK(doc_legacy(&d) == VN_UNICODE);
	doc_free(&d);
}

void
test_model(void)
{
	test_names();
	test_walk();
	test_limits();
	test_letterhead();
	test_letterhead_count_word();
	test_legacy();
}
