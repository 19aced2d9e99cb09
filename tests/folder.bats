#!/usr/bin/env bats
# The analyst's folder, as the reports arrive by e-mail: the 2024 samples
# as Word files, a zip and a 7z of a district's reports, a resend, a
# copy, a signed PDF beside its .docx, a 0-byte attachment, a cut .docx, a
# workbook, an image, Word's lock file, another province's report, a
# district's party committee's report beside its People's Committee's,
# last years' reports in "Lưu cũ/" (tests/make-inbox writes it).  What it must
# sum to is worked out apart: the samples as text, with the resend's
# figure, without the two files that cannot be read.

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	# the Python with reportlab (Debian's python3-reportlab), whichever
	# python3 comes first on PATH
	for p in python3 /usr/bin/python3; do
		if "$p" -c 'import reportlab' 2>/dev/null; then PY=$p; break; fi
	done
	[ -n "${PY:-}" ] || { echo "no python3 with reportlab (make deps)" >&2; return 1; }
	export PY
	export BOX=$BATS_FILE_TMPDIR/box
	"$PY" "$TESTS/make-inbox" "$ROOT/pipelines/samples" "$BOX"
	# the reference: every 2024 sample as text, Quận 5's visits as its
	# resend says them (3.827, not 3.287), without Quận 11's Q4 (the
	# attachment came empty) and Nhà Bè's Q3 (cut)
	mkdir "$BOX/text"
	for f in "$ROOT"/pipelines/samples/*_2024*.txt; do
		case ${f##*/} in 772_2024-Q4.txt | 786_2024-Q3.txt) continue ;; esac
		cp "$f" "$BOX/text/"
	done
	sed -i 's/đã tiếp 3\.287 lượt/đã tiếp 3.827 lượt/' "$BOX/text/774_2024.txt"
	grep -q 'đã tiếp 3.827 lượt' "$BOX/text/774_2024.txt"
	city-summary -p 79 -o "$BOX/text.csv" "$BOX/text" 2> /dev/null
	# the inbox, once, for the tests that read its outputs
	city-summary -o "$BOX/city.csv" -m "$BOX/manifest.csv" -f "$BOX/facts.csv" \
		-x "$BOX/city.xlsx" "$BOX/inbox" 2> "$BOX/stderr" && st=0 || st=$?
	echo "$st" > "$BOX/status"
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

# The rows of the manifest: path | status | reason
manifest() {
	python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    print(r["path"], "|", r["status"], "|", r["reason"])' "$BOX/manifest.csv"
}

@test "the inbox sums to the table of its reports: the resend's figure, the zipped quarters, no other province, nothing from Lưu cũ; exit 3" {
	assert_equal "$(cat "$BOX/status")" 3
	run -0 baocao-diff -k province_code,period,indicator,unit "$BOX/text.csv" "$BOX/city.csv"
	assert_output "province_code,period,indicator,unit,column,old,new,delta,pct,status"
	[ "$(wc -l < "$BOX/city.csv")" -gt 150 ]
	run -0 cut -d, -f1 "$BOX/city.csv"
	assert_equal "$(sort -u <<< "$output" | paste -sd ' ')" "79 province_code"
	# by hand: Quận 5's year as its resend says it; Quận 4's three zipped
	# reports and Quận 12's two in the 7z are read; no 2023 from Lưu cũ
	run -0 python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["indicator"] == "reception.visits" and r["reporter_code"] in ("773", "774", "761"):
        print(r["reporter_code"], r["period"], r["value"], r["doc"])' "$BOX/facts.csv"
	assert_equal "$(LC_ALL=C sort <<< "$output")" "761 2024 2194 BC 761_2024
761 2024-01/2024-09 1421 BC 761_2024-01-2024-09
761 2024-H1 722 Quận 12 - 2024.7z/BC Quận 12 2024-H1
761 2024-Q1 506 Quận 12 - 2024.7z/BC Quận 12 2024-Q1
773 2024 1818 BC 773_2024
773 2024-01/2024-09 1280 Quận 4 - các báo cáo 2024.zip/BC Quận 4 2024-01-2024-09
773 2024-H1 1008 Quận 4 - các báo cáo 2024.zip/BC Quận 4 2024-H1
773 2024-Q1 203 Quận 4 - các báo cáo 2024.zip/BC Quận 4 2024-Q1
774 2024 3827 BC Quận 5 năm 2024 - bổ sung"
	run -1 grep -c '^79,2023' "$BOX/city.csv"
	assert_output 0
}

@test "every file of the inbox is in the manifest once, with a status and, unless summed, a reason in plain words" {
	cd "$BOX"
	# every file, but those of the folder left out; each file of the
	# archives; the folder left out
	{ find inbox -type f -not -path 'inbox/Lưu cũ/*'
	  python3 -c 'import zipfile; [print("inbox/Quận 4 - các báo cáo 2024.zip/" + n) for n in zipfile.ZipFile("inbox/Quận 4 - các báo cáo 2024.zip").namelist()]'
	  bsdtar -tf "inbox/Quận 12 - 2024.7z" | grep -v '/$' | sed 's|^\./||; s|^|inbox/Quận 12 - 2024.7z/|'
	  echo 'inbox/Lưu cũ/'; } | LC_ALL=C sort > files
	# 74 files in the folder, 3 in the zip, 2 in the 7z, 1 folder
	[ "$(wc -l < files)" -eq 80 ]
	python3 -c 'import csv, sys; [print(r["path"][len(sys.argv[1]):]) for r in csv.DictReader(open("manifest.csv"))]' "$BOX/" |
		LC_ALL=C sort > listed
	cmp files listed
	run -0 bash -c "$(declare -f manifest); manifest | grep -v ' | ok | \$' | sed 's|$BOX/||g'"
	assert_output "inbox/BC Lạc Dương năm 2024.docx | other-province | a report of Tỉnh Lâm Đồng (68), not of Thành phố Hồ Chí Minh (79), the province this run sums
inbox/BC Quận 5 năm 2024.docx | superseded | resent: 'inbox/BC Quận 5 năm 2024 - bổ sung.docx' replaces it: the same date and number, and its title or file name says it is sent again
inbox/BC Quận ủy Quận 6 năm 2024.docx | other-body | issued by 'party', not the People's Committee ('committee'), as its number or letterhead says: not summed; 'inbox/BC 775_2024.docx', the committee report of the same unit and period, is (--body committee,party sums it too)
inbox/Biểu tổng hợp số liệu Quận 10.xlsx | spreadsheet | a spreadsheet or a table (CSV), not a report: its figures are not read
inbox/Báo cáo DVCQ năm 2024 - Quận 3 (1).docx | duplicate | the same content as 'inbox/Báo cáo DVCQ năm 2024 - Quận 3.docx'
inbox/Báo cáo Huyện Nhà Bè Quý III-2024.docx | unreadable | inbox/Báo cáo Huyện Nhà Bè Quý III-2024.docx: not a whole zip archive (truncated or damaged: Not a zip archive)
inbox/Lưu cũ/ | folder-left-out | a folder of old reports (its name says so): not read; --recurse-all reads it
inbox/Q10 - BC năm 2024 (bản ký số).pdf | same-report | the same report as 'inbox/Q10 - BC năm 2024.docx' (the same number, date and figures) in its signed form: that one is read
inbox/Quận 11 BC quý IV-2024.docx | empty | an empty file (0 bytes): nothing came; ask the sender for it again
inbox/Quận 12 - 2024.7z | archive | an archive of 2 files, each listed as 'inbox/Quận 12 - 2024.7z/...'
inbox/Quận 4 - các báo cáo 2024.zip | archive | an archive of 3 files, each listed as 'inbox/Quận 4 - các báo cáo 2024.zip/...'
inbox/image001.png | image | an image, not read: --ocr reads a scanned or photographed report
inbox/~\$o cáo DVCQ năm 2024 - UBND Quận 6.docx | lock-file | a lock or temporary file a word processor keeps while a document is open: not a report"
	run -0 bash -c "$(declare -f manifest); manifest | grep -c ' | ok | \$'"
	assert_output 67
}

@test "the summary fits a screen: the files, the province taken, the folders, one coverage figure the workbook agrees with, the trouble" {
	run -0 wc -l < "$BOX/stderr"
	[ "$output" -le 15 ]
	# 67 ok: the 64 loose reports but the four not read, and Quận 5's
	# resend; the zip's 3 and the 7z's 2.  Of 79's 69 resolved, Lạc
	# Dương is Lâm Đồng's; Quận 6's party committee's report does not
	# count, nor choose the province.
	assert_equal "$(cat "$BOX/stderr")" "city-summary: files: 80 (67 ok, 1 duplicate, 1 same-report, 1 superseded, 1 other-province, 1 other-body, 2 archive, 1 folder-left-out, 1 lock-file, 1 spreadsheet, 1 image, 1 empty, 1 unreadable)
city-summary: province 79 (Thành phố Hồ Chí Minh) was not given (-p): taken as the one most reports are of, 69 of 70; 1 report of other provinces left out (other-province)
city-summary: 1 report of other bodies than the People's Committee left out (other-body: 1 party): --body sums them
city-summary: folders read: 3 ('$BOX/inbox', '$BOX/inbox/Quận 12 - 2024.7z', '$BOX/inbox/Quận 4 - các báo cáo 2024.zip'); left out: 1 ('$BOX/inbox/Lưu cũ') (the manifest says why; --recurse-all reads them)
city-summary: coverage: 18 of 22 units reported for 2024 (in a report of that period or derived from their others, as the workbook counts them)
city-summary: 2 of 80 files left out of the table for trouble: their status and reason are in '$BOX/manifest.csv'"
	# the workbook's year sheet names the 4 of 22 that have no figure
	run -0 "$PY" - "$BOX/city.xlsx" <<-'PY'
	import sys, openpyxl
	ws = openpyxl.load_workbook(sys.argv[1])["Năm 2024"]
	print([r[0] for r in ws.iter_rows(values_only=True) if r[0] and str(r[0]).startswith("Đơn vị chưa")][0])
	PY
	assert_output "Đơn vị chưa báo cáo kỳ này (4/22): Huyện Nhà Bè, Quận 11, Quận Gò Vấp, Thành phố Thủ Đức."
	# the province, given, is not said; -v names each file not summed
	run -3 --separate-stderr env BAOCAO_PROVINCE=79 city-summary -v -o /dev/null "$BOX/inbox"
	[[ "$stderr" != *"was not given"* ]]
	[[ "$stderr" == *"city-summary: province 79 (Thành phố Hồ Chí Minh): 1 report of other provinces left out (other-province)"* ]]
	[[ "$stderr" == *"city-summary: $BOX/inbox/image001.png: image: an image, not read"* ]]
	[[ "$stderr" == *"city-summary: coverage 79 2024-Q1: "* ]]
}

@test "-f writes the facts summed, each report once, and the chart reads them without counting a copy, a resend or a signed PDF twice" {
	# the facts of the year: one row per unit and indicator
	run -0 python3 -c '
import collections, csv, sys
c = collections.Counter((r["reporter_code"], r["indicator"]) for r in csv.DictReader(open(sys.argv[1]))
                        if r["period"] == "2024" and r["scope"] == "reporter")
print(max(c.values()), len(set(r for r, _ in c)))' "$BOX/facts.csv"
	assert_output "1 14"
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr chart -i reception.visits -p 2024 -o chart "$BOX/facts.csv"
	assert_equal "$stderr" ""
	[ -s chart.png ] && [ -s chart.svg ]
	# Quận 3 once (its copy), Quận 10 once (its signed PDF), Quận 5 as resent
	run -0 baocao-aggregate --units "$BOX/facts.csv"
	run -0 bash -c "grep -E '^79,2024,reception.visits,visit,(770|771|774),' <<< '$output' | cut -d, -f5,6"
	assert_output "770,1980
771,2198
774,3827"
	# facts built by hand from every file count them twice: the chart says so
	baocao-extract --walk "$BOX/inbox" | baocao-extract --files0-from - 2> /dev/null |
		baocao-normalize --province 79 2> /dev/null > naive.csv || true
	run -0 --separate-stderr chart -i reception.visits -p 2024 -o naive naive.csv
	[[ "$stderr" == *"chart: 4 unit(s) have figures of reception.visits for 2024 from more than one report (Quận 3, Quận 5, Quận 6, Quận 10): they are summed; city-summary -f writes facts with each report once"* ]]
}

@test "the party committee's report of a district is listed, not summed with its People's Committee's; --body committee,party sums both, as two reports" {
	# the default run: Quận 6's year from its committee's report alone
	run -0 python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["indicator"] == "reception.visits" and r["reporter_code"] == "775" and r["period"] == "2024":
        print(r["value"], r["doc"])' "$BOX/facts.csv"
	# 775_2024.txt: "đã tiếp 985 lượt công dân"
	assert_output "985 BC 775_2024"
	# both bodies: the party's 640 visits too, a report of its own (no
	# resend of the committee's, whose title it shares); no other-body left
	run -3 --separate-stderr city-summary -p 79 --body committee,party -m "$BATS_TEST_TMPDIR/m.csv" -f "$BATS_TEST_TMPDIR/f.csv" -o /dev/null "$BOX/inbox"
	[[ "$stderr" != *"other-body"* ]]
	run -0 python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["indicator"] == "reception.visits" and r["reporter_code"] == "775" and r["period"] == "2024":
        print(r["value"], r["doc"])' "$BATS_TEST_TMPDIR/f.csv"
	assert_line --index 1 "640 BC Quận ủy Quận 6 năm 2024"
	assert_equal "${#lines[@]}" 2
	run -2 --separate-stderr city-summary --body mayor -o /dev/null "$BOX/inbox"
	assert_equal "$stderr" "city-summary: option '--body': 'mayor' is not all or a list of committee, party, steering, office, centre, council"
}

@test "--recurse-all reads the folder of old reports, --no-recurse no subfolder; the archives are read either way" {
	run -3 --separate-stderr city-summary --recurse-all -p 79 -o "$BATS_TEST_TMPDIR/all.csv" "$BOX/inbox"
	run -0 grep -c '^79,2023-Q[1-4],reception.visits,' "$BATS_TEST_TMPDIR/all.csv"
	assert_output 4
	[[ "$stderr" != *"left out: 1 ('"* ]]
	mkdir -p "$BATS_TEST_TMPDIR/top/sub"
	cp "$BOX/inbox/BC 760_2024-Q2.docx" "$BOX/inbox/Quận 4 - các báo cáo 2024.zip" "$BATS_TEST_TMPDIR/top/"
	cp "$BOX/inbox/BC 760_2024-Q3.docx" "$BATS_TEST_TMPDIR/top/sub/"
	run -0 --separate-stderr city-summary --no-recurse -m "$BATS_TEST_TMPDIR/m.csv" -o /dev/null "$BATS_TEST_TMPDIR/top"
	[[ "$stderr" == *"city-summary: files: 6 (4 ok, 1 archive, 1 folder-left-out)"* ]]
	[[ "$stderr" == *"left out: 1 ('$BATS_TEST_TMPDIR/top/sub')"* ]]
	run -0 grep -c ',folder-left-out,a subfolder: not read (--no-recurse),' "$BATS_TEST_TMPDIR/m.csv"
	assert_output 1
}

@test "-p chooses the province summed: the others' reports are listed, not trouble" {
	run -3 --separate-stderr city-summary -p 68 -m "$BATS_TEST_TMPDIR/m.csv" "$BOX/inbox"
	run -0 bash -c "cut -d, -f1 <<< '$output' | sort -u | paste -sd ' '"
	assert_output "68 province_code"
	run -0 python3 -c '
import collections, csv, sys
print(collections.Counter(r["status"] for r in csv.DictReader(open(sys.argv[1])))["other-province"])' "$BATS_TEST_TMPDIR/m.csv"
	# all of Hồ Chí Minh City's resolved reports (67, Quận 5's first and
	# Quận 10's PDF: none is another's resend or form when none is summed)
	assert_output 69
	run -2 --separate-stderr city-summary -p 7 -o /dev/null "$BOX/inbox"
	assert_equal "$stderr" "city-summary: option '--province': '7' is not a province code (such as 79 for Ho Chi Minh City)"
}
