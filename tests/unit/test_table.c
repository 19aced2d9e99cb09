/*
 * extract's table.c: one figure per numeric cell, with the row's name and
 * the path of the header cells above its column; STT numbers, column
 * numbers and dashes are no figures; text around the data is prose.
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "xscan.h"

#define COLS "line,source,row_label,col_label,raw"

static void
test_simple(void)
{
	CHECK_STR(xrows(
	    "STT\tĐơn vị\tSố đơn\tĐã giải quyết\n"
	    "1\tPhường 1\t5\t4\n"
	    "2\tPhường 2\t7\t-\n"
	    "\tTổng cộng\t12\t\n", COLS),
	    "2|table|Phường 1|Số đơn|5\n"
	    "2|table|Phường 1|Đã giải quyết|4\n"
	    "3|table|Phường 2|Số đơn|7\n"
	    "4|table|Tổng cộng|Số đơn|12\n");
	/* a total row without an empty first cell; rates */
	CHECK_STR(xrows(
	    "Đơn vị\tTỷ lệ\n"
	    "Tổng cộng\t95,5%\n", "row_label,col_label,raw"),
	    "Tổng cộng|Tỷ lệ|95,5%\n");
}

static void
test_headers(void)
{
	/* two header rows: an empty top cell goes on from the left one */
	CHECK_STR(xrows(
	    "STT\tĐơn vị\tTiếp công dân\t\tĐơn thư\n"
	    "\t\tSố lượt\tSố người\tSố đơn\n"
	    "1\tPhường 1\t10\t12\t3\n", "col_label,raw"),
	    "Tiếp công dân / Số lượt|10\n"
	    "Tiếp công dân / Số người|12\n"
	    "Đơn thư / Số đơn|3\n");
	/* a row of column numbers is no header and gives no figure */
	CHECK_STR(xrows(
	    "STT\tĐơn vị\tSố đơn\tĐã giải quyết\n"
	    "1\t2\t3\t4\n"
	    "1\tPhường 1\t5\t4\n", "line,col_label,raw"),
	    "3|Số đơn|5\n3|Đã giải quyết|4\n");
}

static void
test_data_rows(void)
{
	/* a unit written as a code, with no STT, and two numbers */
	CHECK_STR(xrows(
	    "Đơn vị\tSố đơn\tĐã giải quyết\n"
	    "Khối VP\t3\t2\n", "row_label,raw"),
	    "Khối VP|3\nKhối VP|2\n");
	/* STT numbers at any width, 1000 and on among them */
	CHECK_STR(xrows(
	    "STT\tĐơn vị\tSố đơn\n"
	    "999\tTổ 999\t5\n"
	    "1000\tTổ 1000\t6\n"
	    "1001\tTổ 1001\t7\n", "row_label,raw"),
	    "Tổ 999|5\nTổ 1000|6\nTổ 1001|7\n");
	/* a text cell is prose, labelled; a text row after the data is
	 * prose, unlabelled */
	CHECK_STR(xrows(
	    "STT\tĐơn vị\tGhi chú\n"
	    "1\tPhường 1\tKhoảng 330 người dự\n"
	    "Ghi chú\tđã tiếp thêm 4 lượt\n", "line,row_label,col_label,raw"),
	    "2|Phường 1|Ghi chú|330\n"
	    "3|||4\n");
	/* a line without a TAB ends the table: a paragraph */
	CHECK_STR(xrows(
	    "STT\tĐơn vị\tSố đơn\n"
	    "1\tPhường 1\t5\n"
	    "Đã tiếp thêm 4 lượt\n", "line,source,row_label,raw"),
	    "2|table|Phường 1|5\n3|text||4\n");
	/* text set in boxes: no data row, every row prose */
	CHECK_STR(xrows(
	    "Nội dung\tKết quả\n"
	    "Tiếp công dân\tđã tiếp 12 lượt\n", "line,source,raw"),
	    "2|table|12\n");
}

/* A table with no data row is prose, each of its rows read once: a row
 * of column numbers among them is no figure, and a row after it is not
 * lost. */
static void
test_boxes_with_column_numbers(void)
{
	CHECK_STR(xrows(
	    "Nội dung\tGhi chú\tKết quả\n"
	    "1\t2\t3\n"
	    "Đã tiếp 12 lượt công dân\tx\ty\n", "line,raw"),
	    "3|12\n");
}

void
test_table(void)
{
	test_simple();
	test_headers();
	test_data_rows();
	test_boxes_with_column_numbers();
}
