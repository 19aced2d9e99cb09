#!/usr/bin/env bats
# baocao-extract: every figure with its context, and nothing else.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	FIX="$TESTS/fixtures/extract"
}

# line|raw|unit_text of every row
figures() {
	baocao-extract "$@" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["line"] + "|" + r["raw"] + "|" + r["unit_text"])'
}

col() {
	baocao-extract "$2" | python3 -c "
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(rows[int(sys.argv[1])][sys.argv[2]])" "$1" "$3"
}

@test "every form of the fixture report comes out, and nothing else (hand-checked rows)" {
	run figures "$FIX/forms.txt"
	assert_success
	assert_output "$(cat "$FIX/forms.expected")"
}

@test "the header is repeated on every row: issuer, number, date, period" {
	run col 0 "$FIX/forms.txt" issuer
	assert_output "QUẬN MƯỜI BA"
	run col 0 "$FIX/forms.txt" doc_no
	assert_output "123 /BC-UBND"
	run col 0 "$FIX/forms.txt" doc_date
	assert_output "05 tháng 4 năm 2023"
	run col 22 "$FIX/forms.txt" period_text
	assert_output "quý I năm 2023"
	run col 0 "$FIX/forms.txt" doc
	assert_output "forms"
}

@test "a blank document number and a blank day stay blank, not guessed" {
	printf '\nSố: /BC-UBND\n\nQuảng Minh, ngày   tháng 3 năm 2024\n\nBÁO CÁO\nKết quả quý I năm 2024\n\nCó 5/5 tổ dân phố.\n' > "$BATS_TEST_TMPDIR/blank.txt"
	run col 0 "$BATS_TEST_TMPDIR/blank.txt" doc_no
	assert_output "/BC-UBND"
	run col 0 "$BATS_TEST_TMPDIR/blank.txt" doc_date
	assert_output "tháng 3 năm 2024"
	run col 0 "$BATS_TEST_TMPDIR/blank.txt" issuer
	assert_output "Quảng Minh"
}

@test "a field that is not there stays empty" {
	printf 'Đã tiếp 12 lượt công dân.\n' > "$BATS_TEST_TMPDIR/bare.txt"
	run baocao-extract "$BATS_TEST_TMPDIR/bare.txt"
	assert_success
	assert_line --index 1 "bare,,,,,1,,text,,,Đã tiếp ,12,lượt công dân,,,$BATS_TEST_TMPDIR/bare.txt,text,"
}

@test "sections follow roman, arabic and letter headings" {
	run col 0 "$FIX/forms.txt" section
	assert_output "I.1"
	run col 9 "$FIX/forms.txt" section
	assert_output "I.1.a"
}

@test "table cells carry the row name and the header path; '-' is no row" {
	run col 18 "$FIX/forms.txt" row_label
	assert_output "UBND phường An Lạc"
	run col 19 "$FIX/forms.txt" col_label
	assert_output "Số tiền"
	run col 21 "$FIX/forms.txt" row_label
	assert_output "Tổng cộng"
	run col 18 "$FIX/forms.txt" source
	assert_output "table"
}

@test "a clause broken by a page break is one clause for its context" {
	printf 'Ủy ban nhân dân quận đã tiếp nhận\n\nhồ sơ, tổng cộng 120 hồ sơ trong kỳ\n\ntrên địa bàn quận.\n' > "$BATS_TEST_TMPDIR/pb.txt"
	run col 0 "$BATS_TEST_TMPDIR/pb.txt" before
	assert_output "Ủy ban nhân dân quận đã tiếp nhận hồ sơ, tổng cộng "
	run col 0 "$BATS_TEST_TMPDIR/pb.txt" after
	# unit_text took "hồ sơ" (a noun phrase ends before "trong"); the
	# rest joins the next line
	assert_output " trong kỳ trên địa bàn quận."
}

@test "the real reports: recall of the gold figures is at least 98%" {
	need_shared
	run "$TESTS/acceptance/extract-recall" "$SHARED" "${BAOCAO_BUILD:-$ROOT/build}"
	assert_success
	pct=$(sed -n 's/^recall: .* = \([0-9.]*\)%$/\1/p' <<< "$output")
	echo "$output" | head -5
	python3 -c "import sys; sys.exit(0 if float('$pct') >= 98 else 1)"
}

@test "the real reports: zero identifiers, dates, phones, e-mails or footnote markers" {
	need_shared
	run "$TESTS/acceptance/extract-leaks" "$SHARED" "${BAOCAO_BUILD:-$ROOT/build}"
	assert_success
	assert_line --index 0 "leaks: 0"
}

@test "the leak patterns do catch a leak (the check can fail)" {
	need_shared
	mkdir -p "$BATS_TEST_TMPDIR/sh/seeds" "$BATS_TEST_TMPDIR/bin"
	printf 'Căn cứ ngày 03/6/2013 và 028.38940541.\n' > "$BATS_TEST_TMPDIR/sh/seeds/x.txt"
	# A stand-in extract that leaks what the real one withholds.
	cat > "$BATS_TEST_TMPDIR/bin/baocao-extract" <<'SH'
#!/bin/sh
echo 'doc,line,before,raw,unit_text,after'
echo 'x,1,Căn cứ ngày ,03/6/2013,,'
echo 'x,1,và ,028.38940541,,'
SH
	chmod +x "$BATS_TEST_TMPDIR/bin/baocao-extract"
	run "$TESTS/acceptance/extract-leaks" "$BATS_TEST_TMPDIR/sh" "$BATS_TEST_TMPDIR/bin"
	assert_line --index 0 "leaks: 2"
}

@test "invalid UTF-8 is an error naming file and line, exit 2" {
	printf 'dòng một\nhai \xc3\x28 ba\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/bad.txt"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/bad.txt:2: invalid UTF-8 at byte 5 of the line"
}

@test "a NUL byte is an error naming file and line, exit 2" {
	printf 'một\nhai\000ba\n' > "$BATS_TEST_TMPDIR/nul.txt"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/nul.txt"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/nul.txt:2: NUL byte in text"
}

@test "an empty file gives the header only, exit 0" {
	: > "$BATS_TEST_TMPDIR/empty.txt"
	run baocao-extract "$BATS_TEST_TMPDIR/empty.txt"
	assert_success
	assert_output "doc,issuer,doc_no,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after,places,path,reader,heading"
}

@test "a 10 MB line is read, and its figures found, with bounded context" {
	python3 -c "print('Đã tiếp 7 lượt công dân ' + 'x' * 10_000_000 + ' và 9 hồ sơ.')" > "$BATS_TEST_TMPDIR/long.txt"
	run figures "$BATS_TEST_TMPDIR/long.txt"
	assert_success
	assert_output "1|7|lượt công dân
1|9|hồ sơ"
}

@test "a truncated .gz is an error, exit 2, and no partial rows are passed off as whole" {
	cp "$FIX/forms.txt" "$BATS_TEST_TMPDIR/f.txt"
	gzip -c "$BATS_TEST_TMPDIR/f.txt" | head -c 300 > "$BATS_TEST_TMPDIR/t.txt.gz"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/t.txt.gz"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/t.txt.gz: corrupt or truncated gzip input (unexpected end of file)"
}

@test "documents are named by file name without directory and extensions" {
	cp "$FIX/forms.txt" "$BATS_TEST_TMPDIR/q1 báo cáo.txt"
	gzip "$BATS_TEST_TMPDIR/q1 báo cáo.txt"
	run col 0 "$BATS_TEST_TMPDIR/q1 báo cáo.txt.gz" doc
	assert_output "q1 báo cáo"
}

@test "a column-number row that skips one realigns shifted header rows onto the data" {
	# The shape of seed 000's appendix: column 9 was lost in conversion,
	# the top header row still has a cell per original column, the lower
	# one lost the cell under the merged single column.
	printf '%s\n' 'UBND HUYỆN A' '' 'BÁO CÁO' '' \
		"$(printf 'STT\tĐơn vị\tNhân dân đóng góp\t\t\t\tNhà tình nghĩa\tGiám sát\t')" \
		"$(printf '\t\tSố hộ\tSố tiền\tĐất\tSố cuộc\tSai phạm')" \
		"$(printf '1\t2\t3\t4\t5\t7\t8\t9')" \
		"$(printf '1\tXã B\t10\t20\t30\t400\t5\t0')" > "$BATS_TEST_TMPDIR/t.txt"
	run -0 bash -c "baocao-extract '$BATS_TEST_TMPDIR/t.txt' | cut -d, -f10,12"
	assert_output "col_label,raw
Nhân dân đóng góp / Số hộ,10
Nhân dân đóng góp / Số tiền,20
Nhân dân đóng góp / Đất,30
Nhà tình nghĩa,400
Giám sát / Số cuộc,5
Giám sát / Sai phạm,0"
}

@test "a document of millions of empty table cells is refused, not read into all the memory" {
	# Each line is a row of two empty cells, three items, in tables of
	# 40000 rows (under the 50000 a table keeps) parted by a paragraph:
	# 120001 items a block of 40001 lines.  34 blocks hold 4080034 items;
	# 38090 rows more make 4194304, the limit, and the next row's line,
	# 34 * 40001 + 38091 = 1398125, passes it.
	python3 -c "import sys; sys.stdout.write(('\t\n' * 40000 + 'x\n') * 38)" > "$BATS_TEST_TMPDIR/cells.txt"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/cells.txt"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/cells.txt:1398125: more than 4194304 paragraphs, table rows and cells in one document"
}

@test "a report saved in NFD (decomposed marks) reads as its NFC twin" {
	mkdir "$BATS_TEST_TMPDIR/nfd"
	python3 -c '
import sys, unicodedata
t = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(unicodedata.normalize("NFD", t))' \
		"$FIX/forms.txt" "$BATS_TEST_TMPDIR/nfd/forms.txt"
	# The twin really is another byte sequence.
	run ! cmp -s "$FIX/forms.txt" "$BATS_TEST_TMPDIR/nfd/forms.txt"
	# (the same name, forms; run from their directories, the same path)
	(cd "$FIX" && baocao-extract forms.txt) > "$BATS_TEST_TMPDIR/nfc.csv"
	(cd "$BATS_TEST_TMPDIR/nfd" && baocao-extract forms.txt) > "$BATS_TEST_TMPDIR/nfd.csv"
	run cmp "$BATS_TEST_TMPDIR/nfc.csv" "$BATS_TEST_TMPDIR/nfd.csv"
	assert_success
	# And the header is read from the twin (written out from the fixture).
	run col 0 "$BATS_TEST_TMPDIR/nfd/forms.txt" issuer
	assert_output "QUẬN MƯỜI BA"
	run col 22 "$BATS_TEST_TMPDIR/nfd/forms.txt" period_text
	assert_output "quý I năm 2023"
}

@test "a table row named by a code, with no STT, gives its cells like any other row" {
	printf 'Phụ lục\nĐơn vị\tSố lượt tiếp\tSố người\nVP\t12\t15\nP.7\t8\t9\nTổng cộng\t20\t24\n' > "$BATS_TEST_TMPDIR/t.txt"
	run bash -c "baocao-extract '$BATS_TEST_TMPDIR/t.txt' | cut -d, -f9-12"
	assert_line "VP,Số lượt tiếp,,12"
	assert_line "VP,Số người,,15"
	assert_line "P.7,Số lượt tiếp,,8"
	assert_line "Tổng cộng,Số người,,24"
	assert_equal "${#lines[@]}" 7
}

@test "not figures: day-month dates, glued years, [n] footnotes, 'số N' names, page numbers, letter-spaced text" {
	printf '%s\n' "Nhân Ngày Quốc tế Phụ nữ (08/3), tổ chức 3 buổi gặp mặt." \
		"Tuần cao điểm từ ngày 22/12 - 29/12/2025 tiếp 40 lượt; ngày 15/4 tiếp 9 lượt." \
		"Đánh giá nhiệm vụnăm 2025 và ban hành 06 văn bản[1] chỉ đạo." \
		"Thực hiện Pháp lệnh số 34/2007 và Kế hoạch số 12, cầu Rạch Gốc số 3 đã xong; dân số 42.318 người." \
		$'\f                19' \
		"3 9 6 3 / S T C - K T N S" > "$BATS_TEST_TMPDIR/d.txt"
	run bash -c "baocao-extract '$BATS_TEST_TMPDIR/d.txt' | python3 -c 'import csv,sys; print(\" \".join(r[\"raw\"] for r in csv.DictReader(sys.stdin)))'"
	assert_output "3 40 9 06 42.318"
}

@test "marks tell words apart: 'tăng 12' is a figure, 'tầng 12' a floor; 'bình quân 72' a figure, 'quận 7' a name; 'Quý: 702' a label" {
	printf '%s\n' "Số đơn tăng 12 đơn; trụ sở tầng 12 sửa chữa." \
		"Hằng ngày bình quân 72 lượt, riêng quận 7 có 3 điểm." \
		"Hồ sơ tiếp nhận trong Quý: 702; các phường: 1, 3 và 5 làm tốt." > "$BATS_TEST_TMPDIR/m.txt"
	run bash -c "baocao-extract '$BATS_TEST_TMPDIR/m.txt' | python3 -c 'import csv,sys; print(\" \".join(r[\"raw\"] for r in csv.DictReader(sys.stdin)))'"
	assert_output "12 72 3 702"
}

@test "verbal zeros: 'không có', 'không để', 'không phát sinh' with a noun" {
	printf '%s\n' "Trong kỳ không có đơn khiếu nại; không để hồ sơ trễ hạn, không phát sinh vụ việc phức tạp." > "$BATS_TEST_TMPDIR/z.txt"
	run bash -c "baocao-extract '$BATS_TEST_TMPDIR/z.txt' | python3 -c 'import csv,sys; print(\"|\".join(r[\"raw\"] for r in csv.DictReader(sys.stdin)))'"
	assert_output "không có đơn khiếu nại|không để hồ sơ trễ hạn|không phát sinh vụ việc phức tạp"
}

@test "one number syntax: '1.5 tỷ' is a figure for extract as for normalize; a phone or a code is neither" {
	printf '%s\n' "Nhân dân đóng góp 1.5 tỷ đồng; liên hệ 028.38940541 hoặc 0908584430; mã 1234.567." > "$BATS_TEST_TMPDIR/n.txt"
	run bash -c "baocao-extract '$BATS_TEST_TMPDIR/n.txt' | baocao-normalize --scope all 2>/dev/null | python3 -c 'import csv,sys; print(\" \".join(r[\"raw\"] + \"=\" + r[\"value\"] for r in csv.DictReader(sys.stdin)))'"
	assert_output "1.5 tỷ=1500000000"
}

@test "limits say so: a table row past the cell limit loses its last cells by name and count, never silently" {
	python3 -c "
print('STT\tĐơn vị\t' + '\t'.join('Cột %d' % i for i in range(1, 299)))
print('1\tXã A\t' + '\t'.join(str(i) for i in range(1, 299)))" > "$BATS_TEST_TMPDIR/wide.txt"
	run -0 --separate-stderr bash -c "baocao-extract --stats '$BATS_TEST_TMPDIR/wide.txt' | tail -n +2 | wc -l"
	# 300 cells: the label cells and 254 numbers kept, 44 numbers dropped.
	assert_output "254"
	[[ "$stderr" == *"baocao-extract: $BATS_TEST_TMPDIR/wide.txt:1: table row of 300 cells: the 44 after the first 256 are dropped"* ]]
	[[ "$stderr" == *"baocao-extract: $BATS_TEST_TMPDIR/wide.txt:2: table row of 300 cells: the 44 after the first 256 are dropped"* ]]
	[[ "$stderr" == *"baocao-extract: table cells dropped past the row limit: 88"* ]]
}

@test "unit_text is the noun phrase after the figure, to its natural end: a comma, 'và', a stop word, the next figure" {
	printf '%s\n' "Phường nhận 7 đơn kiến nghị phản ánh, giải quyết 5 hồ sơ đất đai quá hạn và 3 trường hợp xử lý kỷ luật cán bộ đến nay; 2 cuộc." > "$BATS_TEST_TMPDIR/u.txt"
	run bash -c "baocao-extract '$BATS_TEST_TMPDIR/u.txt' | python3 -c 'import csv,sys; print(\"|\".join(r[\"unit_text\"] for r in csv.DictReader(sys.stdin)))'"
	assert_output "đơn kiến nghị phản ánh|hồ sơ đất đai quá hạn|trường hợp xử lý kỷ luật cán bộ|cuộc"
}

@test "--progress counts every input over one line, a folder --walk left out too, and ends the line after the last" {
	printf 'Đã tiếp 12 lượt công dân.\n' > "$BATS_TEST_TMPDIR/a.txt"
	printf 'Đã tiếp 3 lượt công dân.\n' > "$BATS_TEST_TMPDIR/b.txt"
	mkdir "$BATS_TEST_TMPDIR/cu"
	run -0 --separate-stderr baocao-extract --quiet --progress "$BATS_TEST_TMPDIR/a.txt" "$BATS_TEST_TMPDIR/b.txt" "$BATS_TEST_TMPDIR/cu/"
	assert_equal "$stderr" "$(printf '\rbaocao-extract: 1/3 reports\rbaocao-extract: 2/3 reports\rbaocao-extract: 3/3 reports')"
	run -0 --separate-stderr bash -c "baocao-extract --docs --progress '$BATS_TEST_TMPDIR/a.txt' '$BATS_TEST_TMPDIR/b.txt' 2>&1 >/dev/null | od -An -c | tr -s ' ' | tr -d '\n'"
	assert_output " \\r b a o c a o - e x t r a c t : 1 / 2 r e p o r t s \\r b a o c a o - e x t r a c t : 2 / 2 r e p o r t s \\n"
}
