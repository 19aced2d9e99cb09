#!/usr/bin/env bats
# baocao-extract on reports as they arrive: .docx, .doc, .pdf (a text
# layer, or a scan through OCR), legacy font encodings, and inputs that
# are no report.  The fixtures are made by tests/make-format-fixtures.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	FIX="$TESTS/fixtures/formats"
}

# The reporter facts of a report: period,indicator,value,unit,scope,qualifier.
facts() {
	baocao-extract "$@" 2> /dev/null | baocao-normalize 2> /dev/null | python3 -c '
import csv, sys
for r in sorted(csv.DictReader(sys.stdin), key=lambda r: r["indicator"]):
    print(",".join(r[k] for k in ("period", "indicator", "value", "unit", "scope", "qualifier")))'
}

# The facts of report.txt, written from the report by hand.
REPORT_FACTS="2024-H1,awards.collectives,35,collective,reporter,exact
2024-H1,awards.individuals,62,person,reporter,exact
2024-H1,dossiers.on_time_rate,99.65,percent,reporter,exact
2024-H1,dossiers.online,9120,dossier,reporter,exact
2024-H1,dossiers.online_rate,71.03,percent,reporter,exact
2024-H1,dossiers.received,12840,dossier,reporter,exact
2024-H1,petitions.received,86,petition,reporter,exact
2024-H1,petitions.resolved,81,petition,reporter,exact
2024-H1,petitions.resolved_rate,94.19,percent,reporter,exact
2024-H1,reception.persons,1345,person,reporter,exact
2024-H1,reception.visits,1245,visit,reporter,exact
2024-H1,works.cash_vnd,2350000000,VND,reporter,exact
2024-H1,works.count,14,work,reporter,exact
2024-H1,works.land_m2,1250,m2,reporter,exact"

# One column of extract's rows whose raw is $2: field $3 of file $1.
field_of() {
	baocao-extract "$1" 2> /dev/null | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["raw"] == sys.argv[1]:
        print(r[sys.argv[2]])' "$2" "$3"
}

# Like field_of, for the rows of tables only.
cell_of() {
	baocao-extract "$1" 2> /dev/null | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["raw"] == sys.argv[1] and r["source"] == "table":
        print(r[sys.argv[2]])' "$2" "$3"
}

@test "the same report gives the same facts from .txt, .docx, .doc and .pdf" {
	for f in report.txt report.docx report.doc report.pdf; do
		run facts "$FIX/$f"
		assert_success
		assert_output "$REPORT_FACTS"
	done
}

@test "the header is read from the letterhead table of .docx and .doc and the laid-out letterhead of .pdf" {
	for f in report.txt report.docx report.doc report.pdf; do
		run -0 bash -c "baocao-extract '$FIX/$f' 2> /dev/null | python3 -c '
import csv, sys
r = next(csv.DictReader(sys.stdin))
print(\"|\".join(r[k] for k in (\"issuer\", \"doc_no\", \"doc_date\", \"period_text\")))'"
		assert_output "QUẬN MƯỜI BA|215/BC-UBND|10 tháng 7 năm 2024|6 tháng đầu năm 2024"
	done
}

@test "the .docx table's header path is right where the .txt's header rows are shifted" {
	# Merged cells: 'Tiếp công dân' over two columns, 'Đơn thư' over three.
	run cell_of "$FIX/report.docx" 412 col_label
	assert_output "Tiếp công dân / Số lượt"
	run cell_of "$FIX/report.docx" 29 col_label
	assert_output "Đơn thư / Đã giải quyết"
	run cell_of "$FIX/report.docx" 1.345 row_label
	assert_output "Tổng cộng"
	run cell_of "$FIX/report.docx" 1.345 col_label
	assert_output "Tiếp công dân / Số người"
	# The text conversion lost the merged cells: its paths are shifted.
	run cell_of "$FIX/report.txt" 412 col_label
	assert_output "Tiếp công dân / Tổng số"
	run cell_of "$FIX/report.txt" 29 col_label
	assert_output "Đơn thư"
}

@test "every numeric cell of the fixture's .docx table comes out with its row and column labels" {
	run "$TESTS/acceptance/docx-cells" "$FIX/report.docx" "${BAOCAO_BUILD:-$ROOT/build}"
	assert_success
	assert_output "cells: 20
found: 20"
}

@test "the real annex: every numeric table cell comes out with its row and column labels (105, counted in the XML)" {
	need_shared
	f="$SHARED/real/02_lamdong-ubnd-tinh_phuluc-bieu-cchc-nam-2025.docx"
	[ -f "$f" ] || skip "no $f"
	run "$TESTS/acceptance/docx-cells" "$f" "${BAOCAO_BUILD:-$ROOT/build}"
	assert_success
	assert_output "cells: 105
found: 105"
	run field_of "$f" 25.898 col_label
	assert_output "Kết quả thống kê / Số liệu"
	run field_of "$f" 25.898 row_label
	assert_output "Số lượng phiếu khảo sát"
}

@test "a footnote reference is no figure and the footnote stays out of the body" {
	for f in report.docx report.doc report.pdf; do
		run -0 bash -c "set -o pipefail; baocao-extract '$FIX/$f' 2> /dev/null | python3 -c '
import csv, sys
print(sum(r[\"raw\"] == \"1\" for r in csv.DictReader(sys.stdin)))'"
		assert_output 0
		run -0 bash -c "baocao-extract '$FIX/$f' 2> /dev/null | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r[\"raw\"] == \"05\":
        print((r[\"unit_text\"] + r[\"after\"])[:27])'"
		assert_output "văn bản chỉ đạo về công tác"
		# The footnote's numbers are not read as the body's.
		run -0 --separate-stderr baocao-extract "$FIX/$f"
		assert_line --index 0 --partial 'doc,issuer,'
		refute_output --partial '118/UBND'
	done
}

@test "line numbers: the paragraph of a .docx, the line of the text layer of a .pdf" {
	# In the .docx, 1.245 is in paragraph 14: six letterhead lines, the
	# title's two, then 'Thực hiện', 'I.', '1.', 'Ủy ban', '2.', 'Trong'.
	run field_of "$FIX/report.docx" 1.245 line
	assert_line --index 0 14
	want=$(pdftotext -layout "$FIX/report.pdf" - | grep -n 'đã tiếp 1.245' | cut -d: -f1)
	run field_of "$FIX/report.pdf" 1.245 line
	assert_line --index 0 "$want"
}

@test "the reader column says how each report was read" {
	for f in txt docx doc pdf; do
		run -0 bash -c "baocao-extract '$FIX/report.$f' 2> /dev/null | python3 -c '
import csv, sys
print(\" \".join(sorted({r[\"reader\"] for r in csv.DictReader(sys.stdin)})))'"
		assert_output "$([ $f = txt ] && echo text || echo $f)"
	done
}

@test "the format is told by content, not by the file name" {
	cp "$FIX/report.docx" "$BATS_TEST_TMPDIR/report.txt"
	cp "$FIX/report.pdf" "$BATS_TEST_TMPDIR/report.DOC"
	run facts "$BATS_TEST_TMPDIR/report.txt"
	assert_output "$REPORT_FACTS"
	run facts "$BATS_TEST_TMPDIR/report.DOC"
	assert_output "$REPORT_FACTS"
	gzip -c "$FIX/report.docx" > "$BATS_TEST_TMPDIR/r.docx.gz"
	run facts "$BATS_TEST_TMPDIR/r.docx.gz"
	assert_output "$REPORT_FACTS"
}

@test "a .doc whose table antiword loses is read through catdoc, and says so" {
	run -0 --separate-stderr baocao-extract "$FIX/report.doc"
	assert_equal "$stderr" "baocao-extract: $FIX/report.doc: antiword read less of it than catdoc; read through catdoc (line numbers are catdoc's)"
	run cell_of "$FIX/report.doc" 1.245 row_label
	assert_output "Tổng cộng"
}

@test "a text layer's glued syllables and letter-spaced digits are repaired" {
	run -0 bash -c "baocao-extract '$FIX/glued.pdf' | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r[\"raw\"] + \"|\" + r[\"unit_text\"] + \"|\" + r[\"before\"][:7])'"
	assert_output '125|hồ sơ trực tuyến|Từ ngày
97,37%||Từ ngày
04|hội nghị|tổ chức
120|đại biểu|tổ chức'
	# 'Từngày' read as 'Từ ngày': the date after it is no figure.
	run -0 --separate-stderr baocao-extract "$FIX/glued.pdf"
	assert_line --index 0 --partial 'doc,issuer,'
	refute_output --partial '01/7/2025,'
}

@test "text typed in the TCVN3 and VNI font encodings is read as Unicode" {
	for f in tcvn3 vni; do
		run -0 bash -c "baocao-extract '$FIX/$f.docx' | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(\"|\".join(r[k] for k in (\"issuer\", \"doc_no\", \"doc_date\", \"period_text\", \"raw\", \"unit_text\")))'"
		assert_output "QUẬN MƯỜI BA|215/BC-UBND|10 tháng 7 năm 2024|6 tháng đầu năm 2024|1.245|lượt công dân
QUẬN MƯỜI BA|215/BC-UBND|10 tháng 7 năm 2024|6 tháng đầu năm 2024|1.345|người
QUẬN MƯỜI BA|215/BC-UBND|10 tháng 7 năm 2024|6 tháng đầu năm 2024|86|đơn khiếu nại
QUẬN MƯỜI BA|215/BC-UBND|10 tháng 7 năm 2024|6 tháng đầu năm 2024|81|đơn
QUẬN MƯỜI BA|215/BC-UBND|10 tháng 7 năm 2024|6 tháng đầu năm 2024|94,19%|"
	done
}

@test "a scan without --ocr is an error naming it, exit 2, never junk figures" {
	run -2 --separate-stderr baocao-extract "$FIX/report-scan.pdf"
	assert_equal "$stderr" "baocao-extract: $FIX/report-scan.pdf: no text layer on 2 of its 2 pages: a scan (--ocr reads it)"
	assert_output "doc,issuer,doc_no,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after,places,path,reader,heading"
}

@test "a scan with --ocr: at least 90% of the reporter facts, every row flagged ocr" {
	command -v tesseract > /dev/null && tesseract --list-langs 2>&1 | grep -qx vie ||
		skip "tesseract with Vietnamese (tesseract-ocr-vie) is not installed"
	baocao-extract --ocr "$FIX/report-scan.pdf" > "$BATS_TEST_TMPDIR/ocr.csv"
	run -0 python3 -c '
import csv, sys
print(" ".join(sorted({r["reader"] for r in csv.DictReader(open(sys.argv[1]))})))' "$BATS_TEST_TMPDIR/ocr.csv"
	assert_output "ocr"
	baocao-normalize < "$BATS_TEST_TMPDIR/ocr.csv" > "$BATS_TEST_TMPDIR/facts.csv" 2> /dev/null
	run python3 -c '
import csv, sys
want = set(sys.argv[2].splitlines())
rows = list(csv.DictReader(open(sys.argv[1])))
got = {",".join(r[k] for k in ("period", "indicator", "value", "unit", "scope", "qualifier")) for r in rows}
assert rows and all("ocr" in r["flags"].split(";") for r in rows), "a fact not flagged ocr"
print(len(want & got), len(want))
sys.exit(0 if len(want & got) * 10 >= len(want) * 9 else 1)' "$BATS_TEST_TMPDIR/facts.csv" "$REPORT_FACTS"
	assert_success
}

# input | exact message after "baocao-extract: FILE: "
ERRORS="workbook.xlsx|an Excel workbook (.xlsx), not a report: extract reads text, .docx, .doc and .pdf
bomb.docx|'word/document.xml' unpacks to more than 100 times its packed size: refused as a zip bomb
truncated.docx|not a whole zip archive (truncated or damaged: Not a zip archive)
deep.docx|XML nested deeper than 128 elements
doctype.docx|a DOCTYPE in a Word part (not written by Word; refused for its entities)
utf16.txt|UTF-16 text (convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8), not a report: extract reads text, .docx, .doc and .pdf"

@test "inputs that are no report, or hostile: one line naming the file and what it is, exit 2" {
	while IFS='|' read -r f msg; do
		run -2 --separate-stderr baocao-extract "$FIX/$f"
		assert_equal "$stderr" "baocao-extract: $FIX/$f: $msg"
		assert_equal "${#lines[@]}" 1
	done <<< "$ERRORS"
}

@test "an image without --ocr is an error naming it" {
	pdftoppm -r 20 -gray -png -singlefile "$FIX/report.pdf" "$BATS_TEST_TMPDIR/page"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/page.png"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/page.png: an image (PNG, JPEG or TIFF), not a report: --ocr reads it"
}

@test "a bad file among good ones is named and left out; the others lose nothing; exit 3" {
	# one directory, so that both runs name the documents alike; two
	# names, since report.txt and report.docx would both be 'report'
	in=$BATS_TEST_TMPDIR/in
	mkdir "$in"
	cp "$FIX"/{workbook.xlsx,report.txt,bomb.docx,truncated.docx,report-scan.pdf} "$in"
	cp "$FIX/report.docx" "$in/word.docx"
	baocao-extract "$in/report.txt" "$in/word.docx" > "$BATS_TEST_TMPDIR/good.csv"
	run -3 --separate-stderr baocao-extract "$in/workbook.xlsx" "$in/report.txt" \
		"$in/bomb.docx" "$in/truncated.docx" "$in/word.docx" "$in/report-scan.pdf"
	assert_equal "$output" "$(cat "$BATS_TEST_TMPDIR/good.csv")"
	assert_equal "$(grep -c '' <<< "$stderr")" 4
	assert_line --index 0 "$(head -1 "$BATS_TEST_TMPDIR/good.csv")"
	run --separate-stderr baocao-extract --stats "$FIX/report.txt" "$FIX/deep.docx"
	assert_failure 3
	assert_equal "$(grep 'documents' <<< "$stderr")" "baocao-extract: documents read: 1
baocao-extract: documents left out: 1"
}

@test "city-summary finds .docx, .doc and .pdf reports, reads the same header from each, and accounts for the ones it cannot read" {
	d=$BATS_TEST_TMPDIR/reports
	mkdir "$d"
	cp "$FIX/report.docx" "$d/a.docx"
	cp "$FIX/report.pdf" "$d/b.pdf"
	cp "$FIX/report.doc" "$d/c.DOC"
	cp "$FIX/report-scan.pdf" "$d/d.pdf"
	cp "$FIX/truncated.docx" "$d/e.docx"
	run -3 --separate-stderr city-summary -v -m "$BATS_TEST_TMPDIR/m.csv" "$d"
	[[ "$stderr" == *"city-summary: files: 5 (2 unreadable, 3 unresolved-issuer)"* ]]
	[[ "$stderr" == *"city-summary: $d/d.pdf: no text layer on 2 of its 2 pages: a scan (--ocr reads it) (unreadable: left out)"* ]]
	# the fixture's district is fictional: the three readable ones name it
	# alike, with the same period
	run python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    print(r["doc"], r["issuer"], r["period"], r["status"])' "$BATS_TEST_TMPDIR/m.csv"
	assert_output "a QUẬN MƯỜI BA 2024-H1 unresolved-issuer
b QUẬN MƯỜI BA 2024-H1 unresolved-issuer
c QUẬN MƯỜI BA 2024-H1 unresolved-issuer
d   unreadable
e   unreadable"
}
