#!/usr/bin/env bats
# Signed reports: the text a digital signature writes on a page (a stamp)
# is not the report's.  A signed scan is a scan; with --ocr its pages are
# read and the stamps kept apart; who signed and when go to the manifest.
# The fixtures are made by tests/make-signed-fixtures: signed-scan.pdf (a
# ward's report as page images, two stamps on page 1), unsigned-scan.pdf
# (the same without them), signed-text.pdf (report.pdf, a text layer, with
# two stamps).

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	FIX="$TESTS/fixtures/formats"
	# OCR is slow: each scan is read once here, for every test below.
	if command -v tesseract > /dev/null && tesseract --list-langs 2>&1 | grep -qx vie; then
		baocao-extract --ocr "$FIX/signed-scan.pdf" \
			> "$BATS_FILE_TMPDIR/signed.csv" 2> "$BATS_FILE_TMPDIR/signed.err"
		echo $? > "$BATS_FILE_TMPDIR/signed.status"
		baocao-extract --ocr --docs "$FIX/signed-scan.pdf" "$FIX/unsigned-scan.pdf" \
			> "$BATS_FILE_TMPDIR/docs.csv" 2> "$BATS_FILE_TMPDIR/docs.err"
		echo $? > "$BATS_FILE_TMPDIR/docs.status"
	fi
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	FIX="$TESTS/fixtures/formats"
	T=$BATS_TEST_TMPDIR
	HEADER='doc,issuer,doc_no,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after,places,path,reader,heading'
}

need_ocr() {
	[ -f "$BATS_FILE_TMPDIR/signed.status" ] ||
		skip "tesseract with Vietnamese (tesseract-ocr-vie) is not installed"
}

# The named columns of a CSV on stdin, comma-separated, one row a line.
cols() {
	python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(",".join(r[k] for k in sys.argv[1:]))' "$@"
}

@test "a signed scan without --ocr is refused as a scan, naming its signature stamps; no figure comes from them" {
	run -2 --separate-stderr baocao-extract "$FIX/signed-scan.pdf"
	assert_equal "$stderr" "baocao-extract: $FIX/signed-scan.pdf: no text layer on 2 of its 2 pages, only signature stamps ('Ủy ban nhân dân phường Tân Định'): a scan with a signature stamp: --ocr reads it"
	assert_output "$HEADER"
}

@test "the same scan without stamps is refused as a plain scan" {
	run -2 --separate-stderr baocao-extract "$FIX/unsigned-scan.pdf"
	assert_equal "$stderr" "baocao-extract: $FIX/unsigned-scan.pdf: no text layer on 2 of its 2 pages: a scan (--ocr reads it)"
	assert_output "$HEADER"
}

@test "a signed scan with --ocr: the report's header on every row, every figure of the report, none from a stamp" {
	need_ocr
	assert_equal "$(cat "$BATS_FILE_TMPDIR/signed.status")" 0
	assert_equal "$(cat "$BATS_FILE_TMPDIR/signed.err")" ""
	run -0 bash -c "$(declare -f cols); cols issuer doc_no doc_date period_text reader < '$BATS_FILE_TMPDIR/signed.csv' | sort -u"
	assert_output "PHƯỜNG TÂN ĐỊNH,18/BC-UBND,20 tháng 01 năm 2026,quý IV năm 2025,ocr"
	# The report's figures, read off the report by hand, in order; the
	# stamps' 20/01/2026 14:23:43 and 20.01.2026 20:06:24 +07:00 give none.
	run -0 bash -c "$(declare -f cols); cols raw < '$BATS_FILE_TMPDIR/signed.csv' | paste -sd' '"
	assert_output "146 171 38 35 92,11% 03 2.214 2.209 99,77% 1.580 415.000.000 6 52 01"
	run -1 grep -c -e 'Ký bởi' -e 'Thời gian ký' -e 'tphcm.gov.vn' -e '+07:00' "$BATS_FILE_TMPDIR/signed.csv"
	assert_output 0
}

@test "a signed scan's facts are flagged ocr" {
	need_ocr
	run -0 bash -c "baocao-normalize < '$BATS_FILE_TMPDIR/signed.csv' 2>/dev/null | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), all(\"ocr\" in r[\"flags\"].split(\";\") for r in rows))'"
	assert_output --regexp '^[1-9][0-9]* True$'
}

@test "the manifest of a signed scan carries its signer and its signing and receipt times; the unsigned scan reads the same without them, so it is the same report, read once" {
	need_ocr
	assert_equal "$(cat "$BATS_FILE_TMPDIR/docs.status")" 0
	run -0 bash -c "$(declare -f cols); cols doc issuer doc_no doc_date period_text figures signed_by signed_at error < '$BATS_FILE_TMPDIR/docs.csv'"
	assert_output "signed-scan,PHƯỜNG TÂN ĐỊNH,18/BC-UBND,20 tháng 01 năm 2026,quý IV năm 2025,14,Ủy ban nhân dân phường Tân Định,2026-01-20T14:23:43; 2026-01-20T20:06:24+07:00,
unsigned-scan,PHƯỜNG TÂN ĐỊNH,18/BC-UBND,20 tháng 01 năm 2026,quý IV năm 2025,14,,,"
	# one number, date and figures: the scan without stamps is the same
	# report as the signed one, which is read (both are OCR; the first)
	run -0 bash -c "$(declare -f cols); baocao-normalize --docs --resends both '$BATS_FILE_TMPDIR/docs.csv' 2>/dev/null | cols doc signed_by reporter_code period status reason"
	assert_output "signed-scan,Ủy ban nhân dân phường Tân Định,26737,2025-Q4,ok,
unsigned-scan,,26737,2025-Q4,same-report,the same report as '$FIX/signed-scan.pdf' (the same number, date and figures) in another form: that one is read"
}

@test "a PDF with a text layer and signature stamps: the same rows as without them but for the line numbers; the stamps in --docs" {
	baocao-extract "$FIX/report.pdf" | cols issuer doc_no doc_date period_text section source row_label col_label before raw unit_text after > "$T/plain"
	baocao-extract "$FIX/signed-text.pdf" | cols issuer doc_no doc_date period_text section source row_label col_label before raw unit_text after > "$T/signed"
	run -0 diff "$T/plain" "$T/signed"
	[ "$(wc -l < "$T/plain")" -eq 40 ]
	run -0 bash -c "$(declare -f cols); baocao-extract --docs '$FIX/signed-text.pdf' | cols issuer doc_date figures signed_by signed_at"
	assert_output "QUẬN MƯỜI BA,10 tháng 7 năm 2024,40,Ủy ban nhân dân quận Mười Ba,2024-07-12T09:15:02; 2024-07-12T16:40:11+07:00"
}

@test "a text report converted from a signed PDF: the stamp's lines give no figure and no header, in .txt and in .docx" {
	{
		printf 'Ký bởi: Ủy ban nhân dân quận Mười Ba\nCơ quan: Thành phố Hồ Chí Minh\nThời gian ký: 12/07/2024 09:15:02\n'
		cat "$FIX/report.txt"
		printf 'ỦY BAN NHÂN DÂN QUẬN MƯỜI BA\n12-07-2024 16:40:11 +07:00\n'
	} > "$T/signed.txt"
	baocao-extract "$FIX/report.txt" | cols issuer doc_no doc_date period_text raw unit_text > "$T/plain"
	baocao-extract "$T/signed.txt" | cols issuer doc_no doc_date period_text raw unit_text > "$T/signed"
	run -0 diff "$T/plain" "$T/signed"
	run -0 bash -c "$(declare -f cols); baocao-extract --docs '$T/signed.txt' | cols signed_by signed_at"
	assert_output "Ủy ban nhân dân quận Mười Ba,2024-07-12T09:15:02; 2024-07-12T16:40:11+07:00"
	# The same stamp as the first paragraphs of the .docx.
	python3 - "$FIX/report.docx" "$T/signed.docx" <<'EOF'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1]); parts = {n: src.read(n) for n in src.namelist()}
p = lambda t: '<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % t
d = parts['word/document.xml'].decode(); at = d.index('<w:body>') + len('<w:body>')
stamp = ''.join(p(t) for t in ('Ký bởi: Ủy ban nhân dân quận Mười Ba',
    'Email: vanthu.q13@tphcm.gov.vn', '12.07.2024 16:40:11 +07:00'))
parts['word/document.xml'] = (d[:at] + stamp + d[at:]).encode()
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z: [z.writestr(n, b) for n, b in parts.items()]
EOF
	baocao-extract "$FIX/report.docx" | cols issuer doc_no doc_date period_text raw unit_text > "$T/plain"
	baocao-extract "$T/signed.docx" | cols issuer doc_no doc_date period_text raw unit_text > "$T/signed"
	run -0 diff "$T/plain" "$T/signed"
}

@test "times of day and e-mail addresses in prose are no figures; a ratio is" {
	printf 'Tiếp dân lúc 14:30 ngày 12/3 đến 16:05:10 +07:00 thì xong; hộp thư vt2024@q13.gov.vn nhận 12 đơn; tỷ lệ 3:1.\n' > "$T/t.txt"
	run -0 bash -c "$(declare -f cols); baocao-extract '$T/t.txt' | cols raw unit_text"
	assert_output "12,đơn
3,
1,"
}

@test "a line that only starts like a stamp is the report's" {
	printf 'Cơ quan: Sở Nội vụ đã tiếp 12 lượt công dân.\nThời gian: sáng ngày 12/3/2024, đã tiếp 5 người.\nEmail: không có\n' > "$T/t.txt"
	run -0 bash -c "$(declare -f cols); baocao-extract '$T/t.txt' | cols raw unit_text"
	assert_output "12,lượt công dân
5,người"
}

@test "the words of a stamp are data, not code" {
	run -0 grep -c -e '^Ký bởi,signer,yes$' -e '^Thời gian ký,time,yes$' -e '^Cơ quan,organisation,no$' "$ROOT/common/data/stamps.csv"
	assert_output 3
	run -1 grep -rl -e 'Ký bởi' -e 'Thời gian ký' -e 'ky boi' "$ROOT/filters" "$ROOT/common" --include='*.c'
}

@test "the manifest dates a report by its signature stamp when the date line gives none, and says so" {
	DOCS='doc,path,sha256,issuer,doc_no,doc_date,period_text,title,places,figures,signed_by,signed_at,error'
	# Written in July 2025 for the first half year: Phường Tân Định is the
	# new ward of Hồ Chí Minh City on the day it was signed, but on the
	# period's last day two wards had that name.
	printf '%s\n' "$DOCS" \
		'a,a.pdf,aa,PHƯỜNG TÂN ĐỊNH,18/BC-UBND,,6 tháng đầu năm 2025,BÁO CÁO Kết quả 6 tháng đầu năm 2025,PHƯỜNG TÂN ĐỊNH,14,Ủy ban nhân dân phường Tân Định,2025-07-10T14:23:43; 2025-07-10T20:06:24+07:00,' \
		'b,b.pdf,bb,PHƯỜNG TÂN ĐỊNH,19/BC-UBND,ngày tháng năm 2025,6 tháng đầu năm 2025,BÁO CÁO Kết quả 6 tháng đầu năm 2025 (bản ký),PHƯỜNG TÂN ĐỊNH,14,Ủy ban nhân dân phường Tân Định,2025-07-11T08:00:00,' \
		'c,c.pdf,cc,PHƯỜNG TÂN ĐỊNH,20/BC-UBND,,6 tháng đầu năm 2025,BÁO CÁO Kết quả 6 tháng đầu năm 2025 (bản chưa ký),PHƯỜNG TÂN ĐỊNH,14,,,' \
		'd,d.pdf,dd,PHƯỜNG TÂN ĐỊNH,21/BC-UBND,8 tháng 7 năm 2025,6 tháng đầu năm 2025,BÁO CÁO Kết quả 6 tháng đầu năm 2025 (bản gốc),PHƯỜNG TÂN ĐỊNH,14,X,2025-06-01T08:00:00,' > "$T/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f cols); baocao-normalize --docs '$T/d.csv' | cols doc reporter_code status reason"
	assert_line --index 0 "a,26737,ok,dated 2025-07-10 by its signature stamp: the date line gives no date"
	assert_line --index 1 "b,26737,ok,dated 2025-07-11 by its signature stamp: the date line gives no date"
	# c has neither: on the period's last day, 2025-06-30, its name is
	# a ward of Quận 1 (79) and one of Bình Dương (74); the province of
	# the run (79, that of most reports) settles it: the old ward, not
	# the new one the stamps of a and b name
	assert_line --index 2 "c,26734,ok,"
	# A readable date line wins over the stamp.
	assert_line --index 3 "d,26737,ok,"
}
