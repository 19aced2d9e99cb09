#!/usr/bin/env bats
# Every report accounted for: city-summary on reports written here, with
# the figures and statuses expected worked out by hand.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	D="$BATS_TEST_TMPDIR/reports"
	mkdir -p "$D"
}

# write FILE ISSUER_LINE PLACE DATE PERIOD VISITS: a district's report
# with one figure, the visits received.
write() {
	mkdir -p "$(dirname -- "$1")"
	printf '%s\n' 'ỦY BAN NHÂN DÂN' "$2" 'Số: 12/BC-UBND' 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' \
		"$3, ngày $4" '' 'BÁO CÁO' "Công tác dân vận chính quyền $5" '' \
		"Ủy ban nhân dân đã tiếp $6 lượt công dân." > "$1"
}

# The visits row of the city table on stdin, for a period:
# sum,count,units_covered,units_total
visits() {
	python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["indicator"] == "reception.visits" and r["period"] == sys.argv[1]:
        print(",".join(r[k] for k in ("sum_value", "count", "units_covered", "units_total")))' "$1"
}

# status counts of a manifest: "ok 3" lines, sorted
counts() {
	python3 -c '
import collections, csv, sys
c = collections.Counter(r["status"] for r in csv.DictReader(open(sys.argv[1])))
for k in sorted(c): print(k, c[k])' "$1"
}

@test "two reports with one file name in two folders are two documents, each credited to its district" {
	write "$D/govap/baocao.txt" 'QUẬN GÒ VẤP' 'Gò Vấp' '5 tháng 4 năm 2024' 'quý I năm 2024' 100
	write "$D/phunhuan/baocao.txt" 'QUẬN PHÚ NHUẬN' 'Phú Nhuận' '6 tháng 4 năm 2024' 'quý I năm 2024' 20
	run -0 --separate-stderr city-summary -m "$BATS_TEST_TMPDIR/m.csv" "$D"
	run -0 visits 2024-Q1 <<< "$output"
	assert_output "120,2,2,22"
	run -0 python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])): print(r["doc"], r["reporter_code"], r["status"])' "$BATS_TEST_TMPDIR/m.csv"
	assert_output "govap/baocao 764 ok
phunhuan/baocao 768 ok"
}

@test "a corrected resend in another folder replaces the first, the same with -j 1 and -j 2" {
	write "$D/govap/baocao.txt" 'QUẬN GÒ VẤP' 'Gò Vấp' '5 tháng 4 năm 2024' 'quý I năm 2024' 100
	write "$D/phunhuan/baocao.txt" 'QUẬN PHÚ NHUẬN' 'Phú Nhuận' '6 tháng 4 năm 2024' 'quý I năm 2024' 20
	write "$D/resend/govap.txt" 'QUẬN GÒ VẤP' 'Gò Vấp' '9 tháng 4 năm 2024' 'quý I năm 2024' 110
	run -0 --separate-stderr city-summary -v "$D"
	j1=$output
	run -0 visits 2024-Q1 <<< "$j1"
	assert_output "130,2,2,22"
	[[ "$stderr" == *"city-summary: $D/govap/baocao.txt: superseded: resent: '$D/resend/govap.txt' replaces it: dated 2024-04-09, after 2024-04-05"* ]]
	run -0 --separate-stderr city-summary -j 2 "$D"
	assert_equal "$output" "$j1"
	run -0 --separate-stderr city-summary -j 3 -r both "$D"
	run -0 visits 2024-Q1 <<< "$output"
	assert_output "230,3,2,22"
	run -2 --separate-stderr city-summary -r error "$D"
	[[ "$stderr" == *"$D/govap/baocao.txt: $D/resend/govap.txt: another report of 764 for 2024-Q1 (--resends error)"* ]]
}

@test "the same report saved twice is counted once, and said; the file kept is the one without a copy's mark" {
	write "$D/q1.txt" 'QUẬN 1' 'Quận 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 70
	cp "$D/q1.txt" "$D/q1 (1).txt"
	gzip -c "$D/q1.txt" > "$D/q1-copy.txt.gz"
	# "(1)" sorts before ".txt": the name order would keep the copy
	run -0 --separate-stderr city-summary -v "$D"
	run -0 visits 2024-Q1 <<< "$output"
	assert_output "70,1,1,22"
	[[ "$stderr" == *"city-summary: $D/q1 (1).txt: duplicate: the same content as '$D/q1.txt'"* ]]
	[[ "$stderr" == *"city-summary: $D/q1-copy.txt.gz: duplicate: the same content as '$D/q1.txt'"* ]]
	[[ "$stderr" != *"$D/q1.txt: duplicate"* ]]
	# without -v, the manifest says it; stderr only counts
	run -0 --separate-stderr city-summary -m "$BATS_TEST_TMPDIR/m.csv" "$D"
	[[ "$stderr" != *"duplicate: the same content"* ]]
	[[ "$stderr" == *"city-summary: files: 3 (1 ok, 2 duplicate)"* ]]
	run -0 python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])): print(r["doc"], r["status"], r["reason"])' "$BATS_TEST_TMPDIR/m.csv"
	assert_output "q1 (1) duplicate the same content as '$D/q1.txt'
q1-copy duplicate the same content as '$D/q1.txt'
q1 ok "
}

@test "a report in NFD keeps its header; no fact is summed under an empty province or period" {
	write "$D/a.txt" 'QUẬN 1' 'Quận 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 70
	write "$D/b.txt" 'QUẬN 3' 'Quận 3' '5 tháng 4 năm 2024' 'quý I năm 2024' 30
	python3 -c "import sys, unicodedata; p = sys.argv[1]; s = open(p).read(); open(p, 'w').write(unicodedata.normalize('NFD', s))" "$D/b.txt"
	write "$D/c.txt" 'QUẬN 4' 'Quận 4' '5 tháng 4 năm 2024' '' 5
	run -3 --separate-stderr city-summary -v "$D"
	city=$output
	[[ "$stderr" == *"city-summary: $D/c.txt: no-period: no period in the title"* ]]
	run -0 visits 2024-Q1 <<< "$city"
	assert_output "100,2,2,22"
	# the city table's rows, each with its province and period
	run -0 cut -d, -f1,2 <<< "$city"
	assert_line --index 0 "province_code,period"
	refute_line --regexp '^,|,$'
}

@test "one unreadable report is left out and listed, the run goes on, exit 3; a report without figures counts as reported" {
	write "$D/a.txt" 'QUẬN 1' 'Quận 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 70
	printf 'ỦY BAN NHÂN DÂN\n\xff\n' > "$D/bad.txt"
	write "$D/none.txt" 'QUẬN 3' 'Quận 3' '5 tháng 4 năm 2024' 'quý I năm 2024' 0
	sed -i 's/đã tiếp 0 lượt công dân/không tổ chức tiếp công dân/' "$D/none.txt"
	run -3 --separate-stderr city-summary -v -o "$BATS_TEST_TMPDIR/city.csv" -m "$BATS_TEST_TMPDIR/m.csv" "$D"
	run -0 visits 2024-Q1 < "$BATS_TEST_TMPDIR/city.csv"
	assert_output "70,1,1,22"
	[[ "$stderr" == *"city-summary: $D/bad.txt:2: invalid UTF-8 at byte 1 of the line (unreadable: left out)"* ]]
	[[ "$stderr" == *"city-summary: $D/none.txt: no-figures: no figure found in it"* ]]
	[[ "$stderr" == *"city-summary: files: 3 (1 ok, 1 no-figures, 1 unreadable)"* ]]
	[[ "$stderr" == *"city-summary: coverage 79 2024-Q1: 2 of 22 district-level units"* ]]
	[[ "$stderr" == *"city-summary: 1 of 3 files left out of the table for trouble: their status and reason are in '$BATS_TEST_TMPDIR/m.csv'"* ]]
}

@test "a report of a post-2025 ward of Hồ Chí Minh City resolves, and the city table says N of 168" {
	write "$D/psaigon.txt" 'PHƯỜNG SÀI GÒN' 'Sài Gòn' '26 tháng 9 năm 2025' 'quý III năm 2025' 40
	write "$D/xbinhchanh.txt" 'XÃ BÌNH CHÁNH' 'Bình Chánh' '29 tháng 9 năm 2025' 'quý III năm 2025' 9
	write "$D/govap-q2.txt" 'QUẬN GÒ VẤP' 'Gò Vấp' '30 tháng 6 năm 2025' 'quý II năm 2025' 100
	run -0 --separate-stderr city-summary -v -m "$BATS_TEST_TMPDIR/m.csv" "$D"
	run -0 visits 2025-Q3 <<< "$output"
	assert_output "49,2,2,168"
	[[ "$stderr" == *"city-summary: coverage 79 2025-Q2: 1 of 22 district-level units"* ]]
	[[ "$stderr" == *"city-summary: coverage 79: ward-level units from 2025-Q3 on, district-level units up to 2025-Q2 (the two-tier reform of 2025-07-01)"* ]]
	[[ "$stderr" == *"city-summary: coverage 79 2025-Q3: 2 of 168 ward-level units"* ]]
	run -0 python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])): print(r["doc"], r["reporter_code"], r["reporter_name"], r["units_total"])' "$BATS_TEST_TMPDIR/m.csv"
	assert_output "govap-q2 764 Quận Gò Vấp 22
psaigon 26740 Phường Sài Gòn 168
xbinhchanh 27637 Xã Bình Chánh 168"
}

@test "a ward name of four provinces is ambiguous, with the candidates, until --province settles it; beside the city's reports it is another province's" {
	write "$D/qm.txt" 'PHƯỜNG QUẢNG MINH' 'Quảng Minh' '28 tháng 3 năm 2024' 'quý I năm 2024' 8
	write "$D/q1.txt" 'QUẬN 1' 'Quận 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 70
	sed -i 's/^PHƯỜNG QUẢNG MINH$/QUẢNG MINH/' "$D/qm.txt"
	run -3 --separate-stderr city-summary -v "$D/qm.txt"
	[[ "$stderr" == *"city-summary: $D/qm.txt: ambiguous-issuer: issuer 'QUẢNG MINH' is ambiguous on 2024-03-28: 4 units: 06940 Xã Quảng Minh (Huyện Hải Hà, Tỉnh Quảng Ninh); 07792 Phường Quảng Minh (Thị xã Việt Yên, Tỉnh Bắc Giang)"* ]]
	# with Quận 1 the run is Hồ Chí Minh City's, which has no Quảng Minh
	for p in '' '-p 79'; do
		# shellcheck disable=SC2086 # an option or none
		run -0 --separate-stderr city-summary -v $p "$D"
		[[ "$stderr" == *"city-summary: $D/qm.txt: other-province: a report of another province (issuer 'QUẢNG MINH' is ambiguous on 2024-03-28: 4 units: 06940 Xã Quảng Minh (Huyện Hải Hà, Tỉnh Quảng Ninh); 07792 Phường Quảng Minh (Thị xã Việt Yên, Tỉnh Bắc Giang)"*"), not of Thành phố Hồ Chí Minh (79), the province this run sums"* ]]
		run -0 visits 2024-Q1 <<< "$output"
		assert_output "70,1,1,22"
	done
	run -0 --separate-stderr city-summary --province 24 "$D/qm.txt"
	run -0 python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["indicator"] == "reception.visits": print(r["province_code"], r["period"], r["sum_value"], r["units_covered"], r["units_total"])' <<< "$output"
	assert_output "24 2024-Q1 8 0 10"
}

# A corpus with everything at once: duplicates, namesakes, a resend, an
# unreadable file, no figures, no period, a plan.
mixed_corpus() {
	write "$D/a/q1.txt" 'QUẬN 1' 'Quận 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 70
	cp "$D/a/q1.txt" "$D/a/q1 (1).txt"
	write "$D/b/baocao.txt" 'QUẬN 3' 'Quận 3' '5 tháng 4 năm 2024' 'quý I năm 2024' 30
	write "$D/c/baocao.txt" 'QUẬN 4' 'Quận 4' '5 tháng 4 năm 2024' 'quý I năm 2024' 4
	write "$D/c/resend.txt" 'QUẬN 4' 'Quận 4' '8 tháng 4 năm 2024' 'quý I năm 2024' 44
	write "$D/d/qm.txt" 'QUẢNG MINH' 'Quảng Minh' '28 tháng 3 năm 2024' 'quý I năm 2024' 8
	printf 'x\377\n' > "$D/d/bad.txt"
	write "$D/e/none.txt" 'QUẬN 5' 'Quận 5' '5 tháng 4 năm 2024' 'quý I năm 2024' 0
	sed -i 's/đã tiếp 0 lượt công dân/không tổ chức tiếp công dân/' "$D/e/none.txt"
	write "$D/e/noperiod.txt" 'QUẬN 6' 'Quận 6' '5 tháng 4 năm 2024' '' 6
	write "$D/e/plan.txt" 'QUẬN 7' 'Quận 7' '5 tháng 4 năm 2024' 'năm 2024' 7
	sed -i 's/^BÁO CÁO$/KẾ HOẠCH/; s/^Số: 12\/BC-UBND$/Số: 12\/KH-UBND/' "$D/e/plan.txt"
	write "$D/f/psaigon.txt" 'PHƯỜNG SÀI GÒN' 'Sài Gòn' '26 tháng 9 năm 2025' 'quý III năm 2025' 40
}

@test "-j 1 and -j 3 are byte-identical on duplicates, namesakes, a resend and an unreadable file" {
	mixed_corpus
	run -3 city-summary -o "$BATS_TEST_TMPDIR/j1.csv" -m "$BATS_TEST_TMPDIR/m1.csv" "$D"
	run -3 city-summary -j 3 -o "$BATS_TEST_TMPDIR/j3.csv" -m "$BATS_TEST_TMPDIR/m3.csv" "$D"
	cmp "$BATS_TEST_TMPDIR/j1.csv" "$BATS_TEST_TMPDIR/j3.csv"
	cmp "$BATS_TEST_TMPDIR/m1.csv" "$BATS_TEST_TMPDIR/m3.csv"
	# Quận 1 once (70), Quận 3 (30), Quận 4's resend (44) in 2024-Q1.
	run -0 visits 2024-Q1 < "$BATS_TEST_TMPDIR/j1.csv"
	assert_output "144,3,3,22"
	run -0 visits 2025-Q3 < "$BATS_TEST_TMPDIR/j1.csv"
	assert_output "40,1,1,168"
}

@test "the manifest accounts for every input file: reports in = the sum of the status counts" {
	mixed_corpus
	run -3 --separate-stderr city-summary -m "$BATS_TEST_TMPDIR/m.csv" "$D"
	run -0 counts "$BATS_TEST_TMPDIR/m.csv"
	assert_output "duplicate 1
no-figures 1
no-period 1
not-a-report 1
ok 4
other-province 1
superseded 1
unreadable 1"
	assert_equal "$(find "$D" -type f | wc -l)" 11
	assert_equal "$(($(wc -l < "$BATS_TEST_TMPDIR/m.csv") - 1))" 11
	[[ "$stderr" == *"city-summary: files: 11 (4 ok, 1 no-figures, 1 duplicate, 1 superseded, 1 other-province, 1 unreadable, 1 not-a-report, 1 no-period)"* ]]
	[[ "$stderr" == *"city-summary: 3 of 11 files left out of the table for trouble: their status and reason are in '$BATS_TEST_TMPDIR/m.csv'"* ]]
}

@test "city-summary reads normalize's counts, not its messages: the same run with every message reworded" {
	write "$D/a.txt" 'QUẬN 1' 'Quận 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 70
	printf 'ỦY BAN NHÂN DÂN\n\xff\n' > "$D/bad.txt"
	# a normalize that says everything in other words (as a message
	# catalogue in another language would)
	mkdir "$BATS_TEST_TMPDIR/shim"
	printf '#!/bin/bash\n%q "$@" 2> >(sed "s/[a-z]/X/g" >&2)\n' "$(command -v baocao-normalize)" \
		> "$BATS_TEST_TMPDIR/shim/baocao-normalize"
	chmod +x "$BATS_TEST_TMPDIR/shim/baocao-normalize"
	run -3 --separate-stderr city-summary -o "$BATS_TEST_TMPDIR/plain.csv" "$D"
	PATH=$BATS_TEST_TMPDIR/shim:$PATH run -3 --separate-stderr city-summary -o "$BATS_TEST_TMPDIR/city.csv" "$D"
	[[ "$stderr" == *"left out"*"XXXXXX"* ]] || [[ "$stderr" == *"XXXXXX"*"left out"* ]]
	[[ "$stderr" == *"city-summary: 1 of 2 files left out of the table for trouble: -m FILE writes each one's status and reason, -v says them here"* ]]
	cmp "$BATS_TEST_TMPDIR/plain.csv" "$BATS_TEST_TMPDIR/city.csv"
}
