#!/usr/bin/env bats
# The run's manifest: baocao-extract --docs (one row per document) and
# baocao-normalize --docs (each report resolved, with a status).

setup() {
	load 'test_helper/common-setup'
	_common_setup
	DOCS='doc,path,sha256,issuer,doc_no,doc_date,period_text,title,places,figures,error'
	# extract's columns past error, as --docs writes them
	XDOCS='doc,path,sha256,issuer,doc_no,doc_date,period_text,title,places,figures,error,kind,reader,modified,figures_digest'
}

# xdocs ROW... : the same, with kind, reader, modified, figures_digest.
xdocs() {
	printf '%s\n' "$XDOCS" "$@"
}

# doc, status and reason of every manifest row on stdin
reasons() {
	python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["doc"] + " " + r["status"] + ": " + r["reason"])'
}

# The figures digest extract writes, worked out here: the sum, modulo
# 2^64, of the 64-bit FNV-1a hash of each figure as written, blanks out.
digest() {
	python3 -c '
import sys
t = 0
for raw in sys.argv[1:]:
    h = 14695981039346656037
    for b in raw.replace(" ", "").encode():
        h = ((h ^ b) * 1099511628211) % 2**64
    t = (t + h) % 2**64
print("%016x" % t)' "$@"
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
	     'np,r/np.txt.gz,kk,QUẬN 3,6/BC-UBND,1 tháng 10 năm 2024,năm 2024,BÁO CÁO,,4,' \
	     'gv,r/gv.txt,ll,QUẬN GÒ VẤP,7/BC-UBND,1 tháng 12 năm 2024,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,4,' \
	     'gv,r/gv.docx,mm,QUẬN GÒ VẤP,8/BC-UBND,1 tháng 12 năm 2024,năm 2024,BÁO CÁO Công tác cải cách hành chính năm 2024,,4,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 bash -c "$(declare -f statuses); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' 2>/dev/null | statuses"
	assert_output "govap/baocao ok
phunhuan/baocao ok
q1 superseded
q1 (1) duplicate
resend/q1 ok
bad unreadable
qm other-province
plan not-a-report
readme not-a-report
empty no-figures
np no-period
nowhere unresolved-issuer
np ok
gv ok
gv name-clash"
}

@test "normalize --docs: two files of one document name are a name-clash only when both would be read: a .docx and its signed .pdf are one report, a version replaces another" {
	docs 'BC Q3,r/BC Q3.docx,a1,QUẬN 3,6/BC-UBND,1 tháng 10 năm 2024,quý III năm 2024,BÁO CÁO,,4,' \
	     'BC Q3,r/BC Q3.pdf,a2,QUẬN 3,6/BC-UBND,1 tháng 10 năm 2024,quý III năm 2024,BÁO CÁO,,4,' \
	     'BC Q4,r/BC Q4.txt,b1,QUẬN 4,9/BC-UBND,1 tháng 10 năm 2024,quý III năm 2024,BÁO CÁO,,4,' \
	     'BC Q4,r/BC Q4.docx,b2,QUẬN 4,9/BC-UBND,3 tháng 10 năm 2024,quý III năm 2024,BÁO CÁO,,4,' > "$BATS_TEST_TMPDIR/d.csv"
	# the columns of extract's figures: the two forms of Quận 3's agree
	sed -i '1s/$/,kind,reader,modified,figures_digest/; 2s/$/,,docx,,1111111111111111/; 3s/$/,,pdf,,1111111111111111/; 4,5s/$/,,text,,/' "$BATS_TEST_TMPDIR/d.csv"
	run -0 bash -c "$(declare -f reasons); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' 2>/dev/null | reasons"
	assert_output "BC Q3 ok: 
BC Q3 same-report: the same report as 'r/BC Q3.docx' (the same number, date and figures) in another form: that one is read
BC Q4 superseded: resent: 'r/BC Q4.docx' replaces it: dated 2024-10-03, after 2024-10-01
BC Q4 ok: "
}

@test "normalize --docs: resolved columns, units that should report, and each reason" {
	docs 'q1,r/q1.txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'q1 (1),r/q1 (1).txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'resend/q1,r/resend/q1.txt,dd,QUẬN 1,1/BC-UBND,20 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'sg,r/sg.txt,hh,PHƯỜNG SÀI GÒN,6/BC-UBND,1 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,,4,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr baocao-normalize --docs "$BATS_TEST_TMPDIR/d.csv"
	assert_line --index 0 "$DOCS,reporter_code,reporter_name,province_code,period,units_level,units_total,status,reason,run_province,run_province_by"
	assert_line --index 1 "q1,r/q1.txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,760,Quận 1,79,2024,district,22,superseded,\"resent: 'r/resend/q1.txt' replaces it: dated 2024-11-20, after 2024-11-10\",79,most-reports"
	assert_line --index 2 "q1 (1),r/q1 (1).txt,cc,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,,,,,,duplicate,the same content as 'r/q1.txt',79,most-reports"
	assert_line --index 3 "resend/q1,r/resend/q1.txt,dd,QUẬN 1,1/BC-UBND,20 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,760,Quận 1,79,2024,district,22,ok,,79,most-reports"
	assert_line --index 4 "sg,r/sg.txt,hh,PHƯỜNG SÀI GÒN,6/BC-UBND,1 tháng 10 năm 2025,quý III năm 2025,BÁO CÁO,,4,,26740,Phường Sài Gòn,79,2025-Q3,ward,168,ok,,79,most-reports"
	assert_equal "$stderr" "baocao-normalize: r/q1.txt: superseded: resent: 'r/resend/q1.txt' replaces it: dated 2024-11-20, after 2024-11-10
baocao-normalize: r/q1 (1).txt: duplicate: the same content as 'r/q1.txt'"
}

@test "normalize --docs: two versions of one date, number and name are ambiguous-resend, both listed, neither summed; never the order of their names" {
	docs 'a,r/a.txt,aa,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'b,r/b.txt,bb,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' \
	     'q3,r/q3.txt,cc,QUẬN 3,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f reasons); baocao-normalize --docs --files0-to '$BATS_TEST_TMPDIR/kept' '$BATS_TEST_TMPDIR/d.csv' | reasons"
	assert_output "a ambiguous-resend: two versions of one report: this and 'r/b.txt' are of one unit, period and subject, and nothing says which is the later (date, number, the words of a resend, file time): neither is summed; take the wrong one out of the folder, or -r both
b ambiguous-resend: two versions of one report: this and 'r/a.txt' are of one unit, period and subject, and nothing says which is the later (date, number, the words of a resend, file time): neither is summed; take the wrong one out of the folder, or -r both
q3 ok: "
	run -0 bash -c "tr '\\0' '|' < '$BATS_TEST_TMPDIR/kept'"
	assert_output "r/q3.txt|"
	# and that is trouble: left out, counted
	run -0 --separate-stderr baocao-normalize --docs --stats-csv "$BATS_TEST_TMPDIR/s.csv" "$BATS_TEST_TMPDIR/d.csv"
	run -0 grep -x 'reports_left_out,2' "$BATS_TEST_TMPDIR/s.csv"
}

@test "normalize --docs: the later version is decided by date, then number, then a resend's words in title or name, then file time" {
	# each pair: the first file is the earlier version, by one rule only
	xdocs 'd1,r/d1 - bổ sung.txt,a1,QUẬN 1,9/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-09T00:00:00Z,' \
	      'd2,r/d2.txt,a2,QUẬN 1,1/BC-UBND,12 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-01T00:00:00Z,' \
	      'n1,r/n1 (bản sửa).txt,b1,QUẬN 3,676 /BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-09T00:00:00Z,' \
	      'n2,r/n2.txt,b2,QUẬN 3,680/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-01T00:00:00Z,' \
	      'w2,r/BC Quận 4 năm 2024 - bổ sung.txt,c2,QUẬN 4,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-01T00:00:00Z,' \
	      'w1,r/BC Quận 4 năm 2024.txt,c1,QUẬN 4,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-09T00:00:00Z,' \
	      'l3,r/BC Quận 5 - lần 3.txt,e3,QUẬN 5,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-01T00:00:00Z,' \
	      'l2,r/BC Quận 5 - lần 2.txt,e2,QUẬN 5,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-09T00:00:00Z,' \
	      't1,r/t1.txt,f1,QUẬN 6,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-08T09:31:02Z,' \
	      't2,r/t (1).txt,f2,QUẬN 6,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-08T09:31:03Z,' \
	      's1,r/s1 (bản ký số).txt,g1,QUẬN 7,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-08T09:00:00Z,' \
	      's2,r/s2.txt,g2,QUẬN 7,7/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO,,5,,,text,2025-01-08T09:00:00Z,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f reasons); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' | reasons"
	assert_output "d1 superseded: resent: 'r/d2.txt' replaces it: dated 2024-11-12, after 2024-11-10
d2 ok: 
n1 superseded: resent: 'r/n2.txt' replaces it: the same date, numbered 680 after 676
n2 ok: 
w2 ok: 
w1 superseded: resent: 'r/BC Quận 4 năm 2024 - bổ sung.txt' replaces it: the same date and number, and its title or file name says it is sent again
l3 ok: 
l2 superseded: resent: 'r/BC Quận 5 - lần 3.txt' replaces it: the same date and number, and its title or file name says it is sent again
t1 superseded: resent: 'r/t (1).txt' replaces it: the same date and number, and a later file time (2025-01-08T09:31:03Z, after 2025-01-08T09:31:02Z)
t2 ok: 
s1 ambiguous-resend: two versions of one report: this and 'r/s2.txt' are of one unit, period and subject, and nothing says which is the later (date, number, the words of a resend, file time): neither is summed; take the wrong one out of the folder, or -r both
s2 ambiguous-resend: two versions of one report: this and 'r/s1 (bản ký số).txt' are of one unit, period and subject, and nothing says which is the later (date, number, the words of a resend, file time): neither is summed; take the wrong one out of the folder, or -r both"
}

@test "normalize --docs: a version whose date line gives no date is dated by its signature stamp, which decides the resend, and the reasons say so" {
	SDOCS='doc,path,sha256,issuer,doc_no,doc_date,period_text,title,places,figures,signed_at,error'
	printf '%s\n' "$SDOCS" \
	    'a,r/a.docx,a1,QUẬN 5,5/BC-UBND,5 tháng 1 năm 2025,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,5,,' \
	    'b,r/b.pdf,a2,QUẬN 5,5/BC-UBND,,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,5,2025-01-09T10:00:00+07:00,' \
	    'c,r/c.pdf,a3,QUẬN 6,7/BC-UBND,ngày tháng năm 2025,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,5,2025-02-01T08:00:00+07:00,' \
	    'd,r/d.pdf,a4,QUẬN 6,7/BC-UBND,,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,5,2025-02-03T08:00:00+07:00; 2025-02-03T09:00:00+07:00,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f reasons); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' | reasons"
	assert_output "a superseded: resent: 'r/b.pdf' replaces it: dated 2025-01-09 (by its signature stamp), after 2025-01-05
b ok: dated 2025-01-09 by its signature stamp: the date line gives no date
c superseded: resent: 'r/d.pdf' replaces it: dated 2025-02-03 (by its signature stamp), after 2025-02-01 (by its signature stamp); dated 2025-02-01 by its signature stamp: the date line gives no date
d ok: dated 2025-02-03 by its signature stamp: the date line gives no date"
}

@test "normalize --docs: one report in two forms (the same date, number and figures) is read once, from its text-bearing form; a file time or a name does not make it a resend" {
	xdocs 'signed,r/Q10 - BC năm 2024 (bản ký số).pdf,a1,QUẬN 10,8856 / BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,pdf,2025-01-09T00:00:00Z,2fb669744390c98e' \
	      'word,r/Q10 - BC năm 2024.docx,a2,QUẬN 10,8856/BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,docx,2025-01-03T00:00:00Z,2fb669744390c98e' \
	      'other,r/Q10 - BC năm 2024 - sửa.docx,a3,QUẬN 3,8856/BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,docx,2025-01-03T00:00:00Z,1111111111111111' \
	      'diff,r/Q3 - BC.pdf,b1,QUẬN 3,8856/BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,pdf,2025-01-04T00:00:00Z,2222222222222222' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f reasons); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' | reasons"
	assert_output "signed same-report: the same report as 'r/Q10 - BC năm 2024.docx' (the same number, date and figures) in its signed form: that one is read
word ok: 
other ok: 
diff superseded: resent: 'r/Q10 - BC năm 2024 - sửa.docx' replaces it: the same date and number, and its title or file name says it is sent again"
}

@test "normalize --docs: a same-report whose signature stamps name a signer is said to be the signed form, whatever its file name" {
	printf '%s\n' "$XDOCS,signed_by" \
	    'pdf,r/Q10 2024.pdf,a1,QUẬN 10,8856/BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,pdf,2025-01-09T00:00:00Z,2fb669744390c98e,Ủy ban nhân dân Quận 10' \
	    'word,r/Q10 2024.docx,a2,QUẬN 10,8856/BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,docx,2025-01-03T00:00:00Z,2fb669744390c98e,' \
	    'scan,r/Q3 2024.pdf,b1,QUẬN 3,9/BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,pdf,2025-01-09T00:00:00Z,3fb669744390c98e,' \
	    'word3,r/Q3 2024.docx,b2,QUẬN 3,9/BC-UBND,3 tháng 1 năm 2025,năm 2024,BÁO CÁO,,40,,,docx,2025-01-03T00:00:00Z,3fb669744390c98e,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f reasons); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' | reasons"
	assert_output "pdf same-report: the same report as 'r/Q10 2024.docx' (the same number, date and figures) in its signed form: that one is read
word ok: 
scan same-report: the same report as 'r/Q3 2024.docx' (the same number, date and figures) in another form: that one is read
word3 ok: "
}

@test "normalize --docs: every kind of file extract names gets a status and a reason a person reads" {
	xdocs 'Lưu cũ/,r/Lưu cũ/,,,,,,,,,,old-folder,,,' \
	      '.git/,r/.git/,,,,,,,,,,hidden-folder,,,' \
	      'sub/,r/sub/,,,,,,,,,,subfolder,,,' \
	      'q4.zip,r/q4.zip,aa,,,,,,,,,archive,,,' \
	      'q4.zip/Q1,r/q4.zip/Q1.docx,ab,QUẬN 4,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,,,docx,,' \
	      'bomb.zip,r/bomb.zip,,,,,,,,,an archive that unpacks to more than 100 times its size (a zip bomb?),archive,,,' \
	      'empty,r/empty.docx,e3,,,,,,,,,empty,,,' \
	      '~$o cáo,r/~$o cáo.docx,,,,,,,,,,lock-file,,,' \
	      'Thumbs.db,r/Thumbs.db,,,,,,,,,,system-file,,,' \
	      'Biểu.xlsx,r/Biểu.xlsx,,,,,,,,,"r/Biểu.xlsx: an Excel workbook (.xlsx), not a report",spreadsheet,,,' \
	      'image001.png,r/image001.png,,,,,,,,,r/image001.png: an image,image,,,' \
	      'prog,r/prog,,,,,,,,,r/prog: a program (ELF),other,,,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f reasons); baocao-normalize --docs --brief --stats-csv '$BATS_TEST_TMPDIR/s.csv' '$BATS_TEST_TMPDIR/d.csv' | reasons"
	assert_output "Lưu cũ/ folder-left-out: a folder of old reports (its name says so): not read; --recurse-all reads it
.git/ folder-left-out: a hidden folder: not read; --recurse-all reads it
sub/ folder-left-out: a subfolder: not read (--no-recurse)
q4.zip archive: an archive of 1 file, listed as 'r/q4.zip/...'
q4.zip/Q1 ok: 
bomb.zip unreadable: an archive that unpacks to more than 100 times its size (a zip bomb?)
empty empty: an empty file (0 bytes): nothing came; ask the sender for it again
~\$o cáo lock-file: a lock or temporary file a word processor keeps while a document is open: not a report
Thumbs.db system-file: a file the computer keeps for itself (Thumbs.db, .DS_Store, __MACOSX): not a report
Biểu.xlsx spreadsheet: a spreadsheet or a table (CSV), not a report: its figures are not read
image001.png image: an image, not read: --ocr reads a scanned or photographed report
prog not-a-report: r/prog: a program (ELF)"
	# --brief: nothing per file on stderr
	assert_equal "$stderr" ""
	# trouble: the bomb, the empty file, the program
	run -0 grep -x 'reports_left_out,3' "$BATS_TEST_TMPDIR/s.csv"
	run -0 grep -x 'files,12' "$BATS_TEST_TMPDIR/s.csv"
}

@test "normalize --docs: without --province the province most reports are of is the run's, said on stderr and in the manifest; the others' reports are other-province" {
	docs 'q1,r/q1.txt,a1,QUẬN 1,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	     'q3,r/q3.txt,a2,QUẬN 3,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	     'ld,r/ld.txt,a3,HUYỆN LẠC DƯƠNG,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	     'qm,r/qm.txt,a4,QUẢNG MINH,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr baocao-normalize --docs --stats --brief --province-to "$BATS_TEST_TMPDIR/p" "$BATS_TEST_TMPDIR/d.csv"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/m.csv"
	assert_equal "$stderr" "baocao-normalize: files: 4 (2 ok, 2 other-province)
baocao-normalize: province 79 (Thành phố Hồ Chí Minh) was not given (-p): taken as the one most reports are of, 2 of 3; 2 reports of other provinces left out (other-province)"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/p")" "79"
	run -0 bash -c "$(declare -f reasons); reasons < '$BATS_TEST_TMPDIR/m.csv'"
	assert_output "q1 ok: 
q3 ok: 
ld other-province: a report of Tỉnh Lâm Đồng (68), not of Thành phố Hồ Chí Minh (79), the province this run sums
qm other-province: a report of another province (issuer 'QUẢNG MINH' is ambiguous on 2024-04-10: 4 units: 06940 Xã Quảng Minh (Huyện Hải Hà, Tỉnh Quảng Ninh); 07792 Phường Quảng Minh (Thị xã Việt Yên, Tỉnh Bắc Giang); 16513 Xã Quảng Minh (Thành phố Sầm Sơn, Tỉnh Thanh Hóa); 19108 Xã Quảng Minh (Thị xã Ba Đồn, Tỉnh Quảng Bình)), not of Thành phố Hồ Chí Minh (79), the province this run sums"
	run -0 python3 -c 'import csv,sys; print(*sorted({(r["run_province"], r["run_province_by"]) for r in csv.DictReader(open(sys.argv[1]))}))' "$BATS_TEST_TMPDIR/m.csv"
	assert_output "('79', 'most-reports')"
	# given, it is the run's, with no word but for the others
	run -0 --separate-stderr baocao-normalize --docs --stats --brief --province 68 --province-to "$BATS_TEST_TMPDIR/p" "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: files: 4 (1 ok, 3 other-province)
baocao-normalize: province 68 (Tỉnh Lâm Đồng): 3 reports of other provinces left out (other-province)"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/p")" "68"
	# other provinces are no trouble
	run -0 baocao-normalize --docs --province 68 --stats-csv "$BATS_TEST_TMPDIR/s.csv" "$BATS_TEST_TMPDIR/d.csv"
	run -0 grep -x 'reports_left_out,0' "$BATS_TEST_TMPDIR/s.csv"
}

@test "normalize --docs: a report of another body than the People's Committee is other-body, listed, not summed, no trouble; --body sums it, as a report of its own" {
	BDOCS='doc,path,sha256,issuer,body,doc_no,doc_date,period_text,title,places,figures,error'
	printf '%s\n' "$BDOCS" \
	    'ub,r/ub.txt,a1,QUẬN 1,committee,5/BC-UBND,10 tháng 12 năm 2024,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,5,' \
	    'du,r/du.txt,a2,QUẬN 1,party,43-BC/QU,12 tháng 12 năm 2024,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,7,' \
	    'hd,r/hd.txt,a3,QUẬN 3,council,8/BC-HĐND,12 tháng 12 năm 2024,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,4,' \
	    'q4,r/q4.txt,a4,QUẬN 4,,9/BC,12 tháng 12 năm 2024,năm 2024,BÁO CÁO Công tác dân vận năm 2024,,6,' \
	    'x,r/x.txt,a5,ĐẢNG ỦY XÃ KHÔNG CÓ,party,1-BC/ĐU,12 tháng 12 năm 2024,năm 2024,BÁO CÁO,,2,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f reasons); baocao-normalize --docs --stats --brief --stats-csv '$BATS_TEST_TMPDIR/s.csv' '$BATS_TEST_TMPDIR/d.csv' | reasons"
	assert_output "ub ok: 
du other-body: issued by 'party', not the People's Committee ('committee'), as its number or letterhead says: not summed; 'r/ub.txt', the committee report of the same unit and period, is (--body committee,party sums it too)
hd other-body: issued by 'council', not the People's Committee ('committee'), as its number or letterhead says: not summed (--body committee,council sums it too)
q4 ok: 
x other-body: issued by 'party', not the People's Committee ('committee'), as its number or letterhead says: not summed (--body committee,party sums it too)"
	assert_equal "$stderr" "baocao-normalize: files: 5 (2 ok, 3 other-body)
baocao-normalize: province 79 (Thành phố Hồ Chí Minh) was not given (-p): taken as the one most reports are of, 2 of 2
baocao-normalize: 3 reports of other bodies than the People's Committee left out (other-body: 2 party, 1 council): --body sums them"
	run -0 grep -x 'reports_left_out,0' "$BATS_TEST_TMPDIR/s.csv"
	# summed, the party's report is no resend of the committee's (one
	# subject, a later date): both are kept
	run -0 --separate-stderr bash -c "$(declare -f statuses); baocao-normalize --docs --body committee,party '$BATS_TEST_TMPDIR/d.csv' | statuses"
	assert_output "ub ok
du ok
hd other-body
q4 ok
x unresolved-issuer"
	run -0 --separate-stderr bash -c "$(declare -f statuses); baocao-normalize --docs --body all '$BATS_TEST_TMPDIR/d.csv' | statuses"
	assert_output "ub ok
du ok
hd ok
q4 ok
x unresolved-issuer"
	run -2 --separate-stderr baocao-normalize --docs --body committee,mayor "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-normalize: option '--body': 'committee,mayor' is not all or a list of committee, party, steering, office, centre, council"
	assert_output ""
}

@test "normalize --docs: the province is the one most of the summed reports are of: other bodies' reports do not choose it" {
	BDOCS='doc,path,sha256,issuer,body,doc_no,doc_date,period_text,title,places,figures,error'
	printf '%s\n' "$BDOCS" \
	    'p1,r/p1.txt,a1,HUYỆN LẠC DƯƠNG,party,1-BC/HU,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	    'p2,r/p2.txt,a2,HUYỆN ĐAM RÔNG,party,2-BC/HU,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	    'q1,r/q1.txt,a3,QUẬN 1,committee,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f statuses); baocao-normalize --docs --stats --brief '$BATS_TEST_TMPDIR/d.csv' | statuses"
	assert_output "p1 other-body
p2 other-body
q1 ok"
	assert_equal "${stderr_lines[1]}" "baocao-normalize: province 79 (Thành phố Hồ Chí Minh) was not given (-p): taken as the one most reports are of, 1 of 1"
}

@test "normalize --docs: a resend shares its subject; two reports of one unit and period on two subjects are both kept" {
	docs 'cchc,r/cchc.txt,aa,QUẬN 1,1/BC-UBND,10 tháng 11 năm 2024,năm 2024,BÁO CÁO Công tác cải cách hành chính năm 2024,,5,' \
	     'cchc-bs,r/cchc-bs.txt,ab,QUẬN 1,9/BC-UBND,20 tháng 11 năm 2024,Năm 2024,"BÁO CÁO (bổ sung) công tác cải cách hành chính, Năm 2024",,5,' \
	     'ma-tuy,r/ma-tuy.txt,ac,QUẬN 1,2/BC-UBND,12 tháng 11 năm 2024,năm 2024,BÁO CÁO Tổng kết công tác phòng chống ma túy năm 2024,,7,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 --separate-stderr bash -c "$(declare -f statuses); baocao-normalize --docs '$BATS_TEST_TMPDIR/d.csv' | statuses"
	assert_output "cchc superseded
cchc-bs ok
ma-tuy ok"
	assert_equal "$stderr" "baocao-normalize: r/cchc.txt: superseded: resent: 'r/cchc-bs.txt' replaces it: dated 2024-11-20, after 2024-11-10"
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
	assert_equal "$stderr" "baocao-normalize: options '--resends', '--body', '--files0-to', '--safe-copy', '--brief' and '--province-to' go with '--docs'"
}

@test "--province settles a ward name that four provinces have, in the manifest and in the facts" {
	docs 'qm,r/qm.txt,ee,Quảng Minh,,tháng 3 năm 2024,quý I năm 2024,BÁO CÁO,,3,' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 bash -c "baocao-normalize --docs --province 24 '$BATS_TEST_TMPDIR/d.csv' | cut -d, -f12-"
	assert_line --index 1 "07792,Phường Quảng Minh,24,2024-Q1,district,10,ok,,24,option"
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
baocao-normalize: files: 6 (3 ok, 1 no-figures, 1 duplicate, 1 unreadable)
baocao-normalize: province 79 (Thành phố Hồ Chí Minh) was not given (-p): taken as the one most reports are of, 4 of 4
baocao-normalize: files left out for trouble: 1
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
	dig=$(digest 12 30)
	touch -d '2024-04-02 08:00:00 UTC' "$BATS_TEST_TMPDIR"/r/a/q1.txt "$BATS_TEST_TMPDIR"/r/*.*
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr baocao-extract --docs r/a/q1.txt r/q1-copy.txt.gz r/empty.txt r/bad.txt r/missing.txt
	assert_line --index 0 "doc,path,sha256,issuer,body,doc_no,doc_date,period_text,title,places,figures,dropped,signed_by,signed_at,error,kind,reader,modified,figures_digest,notes"
	assert_line --index 1 "a/q1,r/a/q1.txt,$sum,QUẬN 1,committee,5/BC-UBND,2 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO Công tác quý I năm 2024,QUẬN 1; Quận 1,2,,,,,,text,2024-04-02T08:00:00Z,$dig,"
	assert_line --index 2 "q1-copy,r/q1-copy.txt.gz,$sum,QUẬN 1,committee,5/BC-UBND,2 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO Công tác quý I năm 2024,QUẬN 1; Quận 1,2,,,,,,text,2024-04-02T08:00:00Z,$dig,"
	assert_line --index 3 "empty,r/empty.txt,$(printf 'BÁO CÁO\nKhông có số liệu.\n' | sha256sum | cut -d' ' -f1),,,,,,BÁO CÁO,,0,,,,,,text,2024-04-02T08:00:00Z,,"
	assert_line --index 4 "bad,r/bad.txt,,,,,,,,,,,,,r/bad.txt:2: invalid UTF-8 at byte 5 of the line,,,2024-04-02T08:00:00Z,,"
	assert_line --index 5 "missing,r/missing.txt,,,,,,,,,,,,,cannot open 'r/missing.txt': No such file or directory,,,,,"
	assert_equal "${#lines[@]}" 6
	assert_equal "$stderr" ""
}

@test "extract --docs reads standard input once: its row has the report's header and figures" {
	printf 'ỦY BAN NHÂN DÂN\nQUẬN 1\nSố: 5/BC-UBND\nQuận 1, ngày 2 tháng 4 năm 2024\nBÁO CÁO\nCông tác quý I năm 2024\nĐã tiếp 12 lượt công dân và 30 hồ sơ.\n' > "$BATS_TEST_TMPDIR/q1.txt"
	sum=$(sha256sum < "$BATS_TEST_TMPDIR/q1.txt" | cut -d' ' -f1)
	run -0 --separate-stderr bash -c "baocao-extract --docs - < '$BATS_TEST_TMPDIR/q1.txt'"
	assert_line --index 1 "-,-,$sum,QUẬN 1,committee,5/BC-UBND,2 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO Công tác quý I năm 2024,QUẬN 1; Quận 1,2,,,,,,text,,$(digest 12 30),"
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
	touch -d '2024-04-02 08:00:00 UTC' "$BATS_TEST_TMPDIR"/r/*
	cd "$BATS_TEST_TMPDIR/r"
	# With 16 descriptors, one left open per broken file would run out.
	run -0 --separate-stderr bash -c 'ulimit -n 16; baocao-extract --docs cut*.txt.gz zz.txt.gz'
	assert_equal "${#lines[@]}" 102
	assert_line --index 1 "cut1,cut1.txt.gz,,,,,,,,,,,,,cut1.txt.gz: corrupt or truncated gzip input (unexpected end of file),,,2024-04-02T08:00:00Z,,"
	assert_line --index 101 --regexp "^zz,zz.txt.gz,[0-9a-f]{64},,,,,,,,1,,,,,,text,2024-04-02T08:00:00Z,$(digest 12),\$"
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
