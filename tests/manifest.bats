#!/usr/bin/env bats
# The run's manifest: baocao-extract --docs (one row per document) and
# baocao-normalize --docs (each report resolved, with a status).

setup() {
	load 'test_helper/common-setup'
	_common_setup
	DOCS='doc,path,sha256,issuer,doc_no,doc_date,period_text,title,places,figures,error'
}

# docs ROW... : an extract --docs table of the rows given.
docs() {
	printf '%s\n' "$DOCS" "$@"
}

# doc and status of every manifest row on stdin
statuses() {
	python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["doc"] + " " + r["status"])'
}

@test "normalize --docs: every status, decided by hand-made header rows" {
	docs 'govap/baocao,r/govap/baocao.txt,aa,QUẬN GÒ VẤP,12/BC-UBND,08 tháng 11 năm 2024,năm 2024,BÁO CÁO,,12,' \
	     'phunhuan/baocao,r/phunhuan/baocao.txt,bb,QUẬN PHÚ NHUẬN,13/BC-UBND,08 tháng 11 năm 2024,năm 2024,BÁO CÁO,,10,' \
	     'q1,r/q1.txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'q1 (1),r/q1 (1).txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'resend/q1,r/resend/q1.txt,dd,QUẬN 1,1/BC-UBND,20 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'bad,r/bad.txt,,,,,,,,0,r/bad.txt:2: invalid UTF-8 at byte 5 of the line' \
	     'qm,r/qm.txt,ee,Quảng Minh,,tháng 3 năm 2024,quý I năm 2024,BÁO CÁO,,3,' \
	     'plan,r/plan.txt,ff,QUẬN 3,5/KH-UBND,1 tháng 1 năm 2024,năm 2024,KẾ HOẠCH,,3,' \
	     'readme,r/readme.txt,f0,,,,,,,2,' \
	     'empty,r/empty.txt,gg,QUẬN 3,6/BC-UBND,1 tháng 1 năm 2024,năm 2023,BÁO CÁO,,0,' \
	     'np,r/np.txt,ii,QUẬN 3,6/BC-UBND,1 tháng 10 năm 2024,,BÁO CÁO,,4,' \
	     'nowhere,r/nowhere.txt,jj,QUẬN 99,6/BC-UBND,1 tháng 10 năm 2024,năm 2024,BÁO CÁO,,4,' \
	     'np,r/np.txt.gz,kk,QUẬN 3,6/BC-UBND,1 tháng 10 năm 2024,năm 2024,BÁO CÁO,,4,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 bash -c "$(declare -f statuses); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' 2>/dev/null | statuses"
	assert_output "govap/baocao ok
phunhuan/baocao ok
q1 superseded
q1 (1) duplicate
resend/q1 ok
bad unreadable
qm ambiguous-issuer
plan not-a-report
readme not-a-report
empty no-figures
np no-period
nowhere unresolved-issuer
np name-clash"
}

@test "normalize --docs: resolved columns, units that should report, and each reason" {
	docs 'q1,r/q1.txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'q1 (1),r/q1 (1).txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'resend/q1,r/resend/q1.txt,dd,QUẬN 1,1/BC-UBND,20 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'sg,r/sg.txt,hh,PHƯỜNG SÀI GÒN,6/BC-UBND,1 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,,4,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr baocao-normalize --docs "$BATS_TEST_TMPDIR/d.csv"
	assert_line --index 0 "$DOCS,reporter_code,reporter_name,province_code,period,units_level,units_total,status,reason"
	assert_line --index 1 "q1,r/q1.txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,760,Quận 1,79,2024,district,22,superseded,resent: 'r/resend/q1.txt' (dated 2024-11-20) replaces it"
	assert_line --index 2 "q1 (1),r/q1 (1).txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,,,,,,duplicate,the same content as 'r/q1.txt'"
	assert_line --index 3 "resend/q1,r/resend/q1.txt,dd,QUẬN 1,1/BC-UBND,20 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,760,Quận 1,79,2024,district,22,ok,"
	assert_line --index 4 "sg,r/sg.txt,hh,PHƯỜNG SÀI GÒN,6/BC-UBND,1 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,,4,,26740,Phường Sài Gòn,79,2025-Q3,ward,168,ok,"
	assert_equal "$stderr" "baocao-normalize: r/q1.txt: superseded: resent: 'r/resend/q1.txt' (dated 2024-11-20) replaces it
baocao-normalize: r/q1 (1).txt: duplicate: the same content as 'r/q1.txt'"
}

@test "normalize --docs: a resend on the same date is settled by the later file, and says so" {
	docs 'a,r/a.txt,aa,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'b,r/b.txt,bb,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr baocao-normalize --docs "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: r/a.txt: superseded: resent: 'r/b.txt' (dated 2024-11-10) replaces it, the later file of the same date"
}

@test "normalize --docs: a resend shares its subject; two reports of one unit and period on two subjects are both kept" {
	docs 'cchc,r/cchc.txt,aa,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO Công tác cải cách hành chính năm 2024,,5,' \
	     'cchc-bs,r/cchc-bs.txt,ab,QUẬN 1,9/BC-UBND,20 tháng 11 năm 2024,Năm 2024,"BÁO CÁO (bổ sung) công tác cải cách hành chính, Năm 2024",,5,' \
	     'ma-tuy,r/ma-tuy.txt,ac,QUẬN 1,2/BC-UBND,12 tháng 11 năm 2024,năm 2024,BÁO CÁO Tổng kết công tác phòng chống ma túy năm 2024,,7,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f statuses); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' | statuses"
	assert_output "cchc superseded
cchc-bs ok
ma-tuy ok"
	assert_equal "$stderr" "baocao-normalize: r/cchc.txt: superseded: resent: 'r/cchc-bs.txt' (dated 2024-11-20) replaces it"
}

@test "normalize --docs --resends: both keeps both, error names both files, exit 2" {
	docs 'q1,r/q1.txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'resend/q1,r/resend/q1.txt,dd,QUẬN 1,1/BC-UBND,20 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 bash -c "$(declare -f statuses); baocao-normalize --docs --resends both '$BATS_TEST_TMPDIR/d.csv' | statuses"
	assert_output "q1 ok
resend/q1 ok"
	run -2 --separate-stderr baocao-normalize --docs --resends error "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: r/q1.txt: r/resend/q1.txt: another report of 760 for 2024 (--resends error)"
	run -2 --separate-stderr baocao-normalize --docs --resends newest "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: option '--resends': 'newest' is not latest, both or error"
	run -2 --separate-stderr baocao-normalize --resends both "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: options '--resends', '--files0-to' and '--safe-copy' go with '--docs'"
}

@test "--province settles a ward name that four provinces have, in the manifest and in the facts" {
	docs 'qm,r/qm.txt,ee,Quảng Minh,,tháng 3 năm 2024,quý I năm 2024,BÁO CÁO,,3,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 bash -c "baocao-normalize --docs --province 24 '$BATS_TEST_TMPDIR/d.csv' | cut -d, -f12-"
	assert_line --index 1 "07792,Phường Quảng Minh,24,2024-Q1,district,10,ok,"
	printf '%s\n%s\n' 'doc,issuer,doc_no,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after' \
		'qm,Quảng Minh,,tháng 3 năm 2024,quý I năm 2024,7,,text,,,đã tiếp ,5,lượt công dân,' > "$BATS_TEST_TMPDIR/m.csv"
	run -0 bash -c "baocao-normalize --province 24 '$BATS_TEST_TMPDIR/m.csv' | cut -d, -f1-5"
	assert_line --index 1 "qm,07792,Phường Quảng Minh,24,2024-Q1"
	run -0 --separate-stderr bash -c "baocao-normalize --province 79 '$BATS_TEST_TMPDIR/m.csv' | cut -d, -f1-5"
	assert_line --index 1 "qm,,,,2024-Q1"
	assert_equal "$stderr" "baocao-normalize: qm: issuer 'Quảng Minh' not in the gazetteer on 2024-03-01 in province 79: reporter left empty"
	run -2 --separate-stderr baocao-normalize --province 7 "$BATS_TEST_TMPDIR/m.csv"
	assert_equal "$stderr" "baocao-normalize: option '--province': '7' is not a province code (such as 79 for Ho Chi Minh City)"
}

@test "normalize --docs --stats: reports by status, coverage per period, where the basis changes" {
	docs 'a,r/a.txt,a1,QUẬN GÒ VẤP,1/BC-UBND,5 tháng 4 năm 2025,quý I năm 2025,BÁO CÁO,,5,' \
	     'b,r/b.txt,b1,QUẬN 1,1/BC-UBND,5 tháng 4 năm 2025,quý I năm 2025,BÁO CÁO,,0,' \
	     'c,r/c.txt,c1,PHƯỜNG GÒ VẤP,1/BC-UBND,5 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,,5,' \
	     'd,r/d.txt,c1,PHƯỜNG GÒ VẤP,1/BC-UBND,5 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,,5,' \
	     'e,r/e.txt,e1,XÃ BÌNH CHÁNH,1/BC-UBND,6 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,,5,' \
	     'f,r/f.txt,,,,,,,,0,r/f.txt: Permission denied' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr baocao-normalize --docs --stats "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: r/b.txt: no-figures: no figure found in it
baocao-normalize: r/d.txt: duplicate: the same content as 'r/c.txt'
baocao-normalize: r/f.txt: Permission denied (unreadable: left out)
baocao-normalize: reports: 6 (3 ok, 1 no-figures, 1 duplicate, 1 unreadable)
baocao-normalize: reports left out: 1
baocao-normalize: coverage 79 2025-Q1: 2 of 22 district-level units
baocao-normalize: coverage 79: ward-level units from 2025-Q3 on, district-level units up to 2025-Q1 (the two-tier reform of 2025-07-01)
baocao-normalize: coverage 79 2025-Q3: 2 of 168 ward-level units"
}

@test "normalize --docs --files0-to lists the ok reports, NUL-separated, in input order" {
	docs 'a,r/a b.txt,a1,QUẬN GÒ VẤP,1/BC-UBND,5 tháng 4 năm 2025,quý I năm 2025,BÁO CÁO,,5,' \
	     'b,r/b.txt,b1,QUẬN 1,1/BC-UBND,5 tháng 4 năm 2025,quý I năm 2025,BÁO CÁO,,0,' \
	     'c,"r/c,d.txt",c1,QUẬN 3,1/BC-UBND,5 tháng 4 năm 2025,quý I năm 2025,BÁO CÁO,,5,' > "$BATS_TEST_TMPDIR/d.csv"
	baocao-normalize --docs --files0-to "$BATS_TEST_TMPDIR/kept" "$BATS_TEST_TMPDIR/d.csv" > /dev/null 2>&1
	run -0 bash -c "tr '\\0' '|' < '$BATS_TEST_TMPDIR/kept'"
	assert_output "r/a b.txt|r/c,d.txt|"
}

@test "a diagnostic quotes a short prefix of a long value, never half a character" {
	long=$(python3 -c "print('a' + 'Ư' * 3000)")
	want=$(python3 -c "print('a' + 'Ư' * 29 + '...')")
	docs "x,r/x.txt,aa,$long,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5," > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr baocao-normalize --docs "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: r/x.txt: unresolved-issuer: issuer '$want' not in the gazetteer on 2024-11-10"
}

@test "a report dated after the reform from a ward it abolished is unresolved, and says which unit that was" {
	docs 'p10,r/p10.txt,aa,PHƯỜNG 10,1/BC-UBND,5 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,QUẬN GÒ VẤP,3,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr baocao-normalize --docs "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: r/p10.txt: unresolved-issuer: issuer 'PHƯỜNG 10' not in the gazetteer on 2025-10-05: until the reform of 2025-07-01, 26884 Phường 10 (Quận Gò Vấp, Thành phố Hồ Chí Minh)"
}

@test "extract --docs: one row per report, also without a figure or unreadable; the digest is of the content, gzip undone" {
	mkdir -p "$BATS_TEST_TMPDIR/r/a"
	printf 'ỦY BAN NHÂN DÂN\nQUẬN 1\nSố: 5/BC-UBND\nQuận 1, ngày 2 tháng 4 năm 2024\nBÁO CÁO\nCông tác quý I năm 2024\nĐã tiếp 12 lượt công dân và 30 hồ sơ.\n' > "$BATS_TEST_TMPDIR/r/a/q1.txt"
	gzip -c "$BATS_TEST_TMPDIR/r/a/q1.txt" > "$BATS_TEST_TMPDIR/r/q1-copy.txt.gz"
	printf 'BÁO CÁO\nKhông có số liệu.\n' > "$BATS_TEST_TMPDIR/r/empty.txt"
	printf 'một\nhai \xc3\x28\n' > "$BATS_TEST_TMPDIR/r/bad.txt"
	sum=$(sha256sum < "$BATS_TEST_TMPDIR/r/a/q1.txt" | cut -d' ' -f1)
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr baocao-extract --docs r/a/q1.txt r/q1-copy.txt.gz r/empty.txt r/bad.txt r/missing.txt
	assert_line --index 0 "doc,path,sha256,issuer,body,doc_no,doc_date,period_text,title,places,figures,dropped,signed_by,signed_at,error"
	assert_line --index 1 "a/q1,r/a/q1.txt,$sum,QUẬN 1,committee,5/BC-UBND,2 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO Công tác quý I năm 2024,QUẬN 1; Quận 1,2,,,,"
	assert_line --index 2 "q1-copy,r/q1-copy.txt.gz,$sum,QUẬN 1,committee,5/BC-UBND,2 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO Công tác quý I năm 2024,QUẬN 1; Quận 1,2,,,,"
	assert_line --index 3 "empty,r/empty.txt,$(printf 'BÁO CÁO\nKhông có số liệu.\n' | sha256sum | cut -d' ' -f1),,,,,,BÁO CÁO,,0,,,,"
	assert_line --index 4 "bad,r/bad.txt,,,,,,,,,,,,,r/bad.txt:2: invalid UTF-8 at byte 5 of the line"
	assert_line --index 5 "missing,r/missing.txt,,,,,,,,,,,,,cannot open 'r/missing.txt': No such file or directory"
	assert_equal "${#lines[@]}" 6
	assert_equal "$stderr" ""
}

@test "extract --docs reads standard input once: its row has the report's header and figures" {
	printf 'ỦY BAN NHÂN DÂN\nQUẬN 1\nSố: 5/BC-UBND\nQuận 1, ngày 2 tháng 4 năm 2024\nBÁO CÁO\nCông tác quý I năm 2024\nĐã tiếp 12 lượt công dân và 30 hồ sơ.\n' > "$BATS_TEST_TMPDIR/q1.txt"
	sum=$(sha256sum < "$BATS_TEST_TMPDIR/q1.txt" | cut -d' ' -f1)
	run -0 --separate-stderr bash -c "baocao-extract --docs - < '$BATS_TEST_TMPDIR/q1.txt'"
	assert_line --index 1 "-,-,$sum,QUẬN 1,committee,5/BC-UBND,2 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO Công tác quý I năm 2024,QUẬN 1; Quận 1,2,,,,"
	assert_equal "${#lines[@]}" 2
	assert_equal "$stderr" ""
}

@test "extract --docs: a hundred broken gzip files are a row each, read in one process that leaves no file open" {
	mkdir -p "$BATS_TEST_TMPDIR/r"
	printf 'Đã tiếp 12 lượt công dân.\n' | gzip -c > "$BATS_TEST_TMPDIR/r/whole.txt.gz"
	for i in $(seq 100); do
		head -c 30 "$BATS_TEST_TMPDIR/r/whole.txt.gz" > "$BATS_TEST_TMPDIR/r/cut$i.txt.gz"
	done
	cp "$BATS_TEST_TMPDIR/r/whole.txt.gz" "$BATS_TEST_TMPDIR/r/zz.txt.gz"
	cd "$BATS_TEST_TMPDIR/r"
	# With 16 descriptors, one left open per broken file would run out.
	run -0 --separate-stderr bash -c 'ulimit -n 16; baocao-extract --docs cut*.txt.gz zz.txt.gz'
	assert_equal "${#lines[@]}" 102
	assert_line --index 1 "cut1,cut1.txt.gz,,,,,,,,,,,,,cut1.txt.gz: corrupt or truncated gzip input (unexpected end of file)"
	assert_line --index 101 --regexp '^zz,zz.txt.gz,[0-9a-f]{64},,,,,,,,1,,,,$'
	assert_equal "$stderr" ""
}

@test "a document is named by its path under the common directory or --root, without extension; two files never share a name" {
	mkdir -p "$BATS_TEST_TMPDIR/reports/govap" "$BATS_TEST_TMPDIR/reports/phunhuan"
	for d in govap phunhuan; do printf 'Đã tiếp 5 lượt công dân.\n' > "$BATS_TEST_TMPDIR/reports/$d/baocao.txt"; done
	run -0 bash -c "baocao-extract '$BATS_TEST_TMPDIR'/reports/*/baocao.txt | cut -d, -f1"
	assert_output "doc
govap/baocao
phunhuan/baocao"
	run -0 bash -c "baocao-extract --root '$BATS_TEST_TMPDIR' '$BATS_TEST_TMPDIR'/reports/govap/baocao.txt | cut -d, -f1"
	assert_output "doc
reports/govap/baocao"
	run -0 bash -c "cd '$BATS_TEST_TMPDIR/reports' && baocao-extract --root . ./govap/baocao.txt | cut -d, -f1"
	assert_output "doc
govap/baocao"
	gzip -c "$BATS_TEST_TMPDIR/reports/govap/baocao.txt" > "$BATS_TEST_TMPDIR/reports/govap/baocao.txt.gz"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR"/reports/govap/baocao.txt*
	assert_equal "$stderr" "baocao-extract: '$BATS_TEST_TMPDIR/reports/govap/baocao.txt' and '$BATS_TEST_TMPDIR/reports/govap/baocao.txt.gz' would both be document 'baocao'"
	assert_equal "$output" ""
}
