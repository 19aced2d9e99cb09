#!/usr/bin/env bats
# What baocao-extract makes of a folder as it arrives: --walk (every file,
# the folders left out), archives (.zip, .7z, .tar.gz) read file by file
# under limits, and --docs' kind of each file that is no report.  The
# archives are real ones, made here with Python's zipfile and bsdtar.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	T=$BATS_TEST_TMPDIR
	cd "$T"
}

# report FILE UNIT DATE PERIOD VISITS: a district's report with one figure.
report() {
	mkdir -p "$(dirname -- "$1")"
	printf '%s\n' 'ỦY BAN NHÂN DÂN' "$2" 'Số: 12/BC-UBND' "$2, ngày $3" 'BÁO CÁO' \
		"Công tác dân vận chính quyền $4" "Ủy ban nhân dân đã tiếp $5 lượt công dân." > "$1"
}

# zipped ZIP NAME=FILE...: a zip of the files given, each under its name.
zipped() {
	python3 - "$@" <<-'PY'
	import sys, zipfile
	with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
	    for a in sys.argv[2:]:
	        name, path = a.split("=", 1)
	        z.write(path, name)
	PY
}

# The doc, kind and error of each --docs row on stdin.
kinds() {
	python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["doc"], "|", r["kind"], "|", r["error"])'
}

@test "--walk lists every file, sorted bytewise; a folder of old reports and a hidden one are left out and listed with a '/'" {
	report "in/b.txt" 'QUẬN 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 7
	report "in/Lưu cũ/2021.txt" 'QUẬN 1' '5 tháng 4 năm 2021' 'quý I năm 2021' 7
	report "in/BC CŨ/2022.txt" 'QUẬN 1' '5 tháng 4 năm 2022' 'quý I năm 2022' 7
	report "in/old/x.txt" 'QUẬN 1' '5 tháng 4 năm 2022' 'quý I năm 2022' 7
	report "in/Củ Chi/a.txt" 'HUYỆN CỦ CHI' '5 tháng 4 năm 2024' 'quý I năm 2024' 7
	report "in/.git/x.txt" 'QUẬN 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 7
	printf 'x' > "in/~\$b.docx"
	: > in/a.png
	ln -s "$T/in/b.txt" in/link.txt
	ln -s "$T/in/Củ Chi" in/linkdir
	mkfifo in/pipe
	run -0 --separate-stderr bash -c 'baocao-extract --walk in | tr "\0" "\n"'
	# "Củ Chi" is no "cũ": the old-folder words are matched with their marks
	assert_output "in/.git/
in/BC CŨ/
in/Củ Chi/a.txt
in/Lưu cũ/
in/a.png
in/b.txt
in/link.txt
in/old/
in/~\$b.docx"
	assert_equal "$stderr" ""
	run -0 bash -c 'baocao-extract --walk --recurse-all in | tr "\0" "\n" | grep -c "/$" || true'
	assert_output 0
	run -0 bash -c 'baocao-extract --walk --recurse-all in | tr "\0" "\n" | grep -c "2021.txt$"'
	assert_output 1
	run -0 bash -c 'baocao-extract --walk --no-recurse in | tr "\0" "\n" | grep "/$"'
	assert_output "in/.git/
in/BC CŨ/
in/Củ Chi/
in/Lưu cũ/
in/old/"
	# a file named is listed as it is, a folder named is read whatever its name
	run -0 bash -c 'baocao-extract --walk "in/Lưu cũ" in/b.txt | tr "\0" "\n"'
	assert_output "in/Lưu cũ/2021.txt
in/b.txt"
}

@test "--walk leaves out the files --exclude names; a missing path or a misused option is an error" {
	report "in/b.txt" 'QUẬN 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 7
	printf 'old output\n' > in/city.csv
	run -0 bash -c 'baocao-extract --walk --exclude in/city.csv --exclude nowhere.csv in | tr "\0" "\n"'
	assert_output "in/b.txt"
	run -2 --separate-stderr baocao-extract --walk in nope
	assert_equal "$stderr" "baocao-extract: cannot read 'nope': No such file or directory"
	assert_equal "$output" ""
	run -2 --separate-stderr baocao-extract --recurse-all in/b.txt
	assert_equal "$stderr" "baocao-extract: options '--recurse-all', '--no-recurse' and '--exclude' go with '--walk'"
	run -2 --separate-stderr baocao-extract --walk --docs in
	assert_equal "$stderr" "baocao-extract: option '--walk' lists files: it takes no '--docs', '--root' or '--files0-from'"
}

@test "each file of a .zip, a .7z and a .tar.gz is a report, named archive/member, in --docs and in the figures alike" {
	report src/q1.txt 'QUẬN 4' '5 tháng 4 năm 2024' 'quý I năm 2024' 11
	report src/h1.txt 'QUẬN 4' '5 tháng 7 năm 2024' '6 tháng đầu năm 2024' 22
	mkdir -p r
	zipped "r/Quận 4.zip" "Quận 4/Q1.txt=src/q1.txt" "H1.txt=src/h1.txt"
	bsdtar --format 7zip -cf r/q4.7z -C src q1.txt
	bsdtar -czf r/q4.tar.gz -C src h1.txt
	run -0 --separate-stderr bash -c "$(declare -f kinds); baocao-extract --docs r/* | kinds"
	assert_output "Quận 4.zip | archive | 
Quận 4.zip/Quận 4/Q1 |  | 
Quận 4.zip/H1 |  | 
q4.7z | archive | 
q4.7z/q1 |  | 
q4.tar | archive | 
q4.tar/h1 |  | "
	# the figures: an archive named reads all its files; a file in one by
	# its path reads that file alone
	run -0 bash -c "baocao-extract r/q4.7z r/q4.tar.gz 'r/Quận 4.zip/H1.txt' | cut -d, -f1,12 | grep ',[0-9]'"
	assert_output "q4.7z/q1,11
q4.tar/h1,22
Quận 4.zip/H1,22"
	run -2 --separate-stderr baocao-extract "r/Quận 4.zip/nope.txt"
	assert_equal "$stderr" "baocao-extract: r/Quận 4.zip/nope.txt: no file 'nope.txt' in the archive 'r/Quận 4.zip'"
}

@test "an archive past its limits, damaged, in an archive, or encrypted is named with why, and the rest is read" {
	report src/q1.txt 'QUẬN 4' '5 tháng 4 năm 2024' 'quý I năm 2024' 11
	mkdir -p r
	# 64 MiB of zeros pack into some 64 KiB: more than 100 times the size
	python3 -c '
import zipfile
with zipfile.ZipFile("r/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.txt", b"\0" * (64 << 20))'
	python3 -c '
import zipfile
with zipfile.ZipFile("r/many.zip", "w") as z:
    for i in range(2001): z.writestr("f%d.txt" % i, "x")'
	zipped r/ok.zip "q1.txt=src/q1.txt"
	head -c 100 r/ok.zip > r/cut.zip
	bsdtar --format 7zip -cf r/ok.7z -C src q1.txt
	head -c 40 r/ok.7z > r/cut.7z
	zipped r/nest.zip "inner.zip=r/ok.zip" "__MACOSX/._q1.txt=src/q1.txt"
	bsdtar --format zip --options zip:encryption=zipcrypt --passphrase secret -cf r/locked.zip -C src q1.txt
	run -0 --separate-stderr bash -c "$(declare -f kinds); baocao-extract --docs r/cut.zip r/cut.7z | kinds"
	# damaged, in libarchive's own words (in brackets)
	assert_line --index 0 --regexp '^cut.zip \| archive \| a damaged archive \(.+\)$'
	assert_line --index 1 --regexp '^cut.7z \| archive \| a damaged archive \(.+\)$'
	run -0 --separate-stderr bash -c "$(declare -f kinds); baocao-extract --docs r/bomb.zip r/many.zip r/nest.zip r/locked.zip r/ok.zip | kinds"
	assert_output "bomb.zip | archive | an archive that unpacks to more than 100 times its size (a zip bomb?), past the limit
many.zip | archive | an archive of more than 2000 entries, past the limit
nest.zip | archive | 
nest.zip/inner.zip |  | an archive inside an archive: not opened (unpack it)
nest.zip/__MACOSX/._q1 | system-file | 
locked.zip | archive | 
locked.zip/q1 |  | encrypted (a password protects it): ask for it without one
ok.zip | archive | 
ok.zip/q1 |  | "
	run -3 --separate-stderr bash -c 'set -o pipefail; baocao-extract r/bomb.zip r/ok.zip | cut -d, -f1,12'
	assert_equal "$output" "doc,raw
ok.zip/q1,11"
	assert_equal "$stderr" "baocao-extract: r/bomb.zip: an archive that unpacks to more than 100 times its size (a zip bomb?), past the limit"
}

@test "--docs says what each file that is no report is: empty, a lock file, a workbook, an image, a table, a system file" {
	report r/q1.txt 'QUẬN 1' '5 tháng 4 năm 2024' 'quý I năm 2024' 7
	: > r/empty.docx
	printf '\005analyst' > "r/~\$o cáo.docx"
	printf 'x' > "r/.~lock.q1.docx#"
	printf 'x' > r/Thumbs.db
	cp "$TESTS/fixtures/formats/workbook.xlsx" r/b.xlsx
	python3 -c '
import struct, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open("r/image001.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff")) + chunk(b"IEND", b""))'
	printf 'doc,reporter_code,value\nq1,760,7\nq3,770,"1,5"\n' > r/facts.csv
	# an Excel 97 workbook: an OLE2 file whose stream is "Workbook"
	python3 -c '
open("r/old.xls", "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le") + b"\0" * 512)'
	run -0 --separate-stderr bash -c "$(declare -f kinds); baocao-extract --walk r | baocao-extract --docs --files0-from - | kinds"
	assert_output ".~lock.q1.docx# | lock-file | 
Thumbs.db | system-file | 
b.xlsx | spreadsheet | r/b.xlsx: an Excel workbook (.xlsx), not a report: extract reads text, .docx, .doc and .pdf
empty | empty | 
facts.csv | spreadsheet | 
image001.png | image | r/image001.png: an image (PNG, JPEG or TIFF), not a report: --ocr reads it
old.xls | spreadsheet | r/old.xls: an Excel 97-2003 workbook (.xls), not a report: extract reads text, .docx, .doc and .pdf
q1 |  | 
~\$o cáo | lock-file | "
	# the lock file is not read: no advice to convert it from UTF-16
	[[ "$stderr" != *"UTF-16"* ]]
}

@test "--docs: a file's time, its reader and a digest of its figures, the same for a report and the PDF made from it; --quiet keeps a document's notes to its row" {
	cp "$TESTS/fixtures/formats/report.docx" "$TESTS/fixtures/formats/signed-text.pdf" \
		"$TESTS/fixtures/formats/report.doc" .
	touch -d '2024-07-12 09:15:02 UTC' report.docx signed-text.pdf report.doc
	run -0 --separate-stderr bash -c 'baocao-extract --docs report.docx signed-text.pdf report.doc | python3 -c "
import csv, sys
for r in csv.DictReader(sys.stdin): print(r[\"doc\"], r[\"reader\"], r[\"modified\"], r[\"figures\"], r[\"figures_digest\"] != \"\")"'
	assert_output "report docx 2024-07-12T09:15:02Z 40 True
signed-text pdf 2024-07-12T09:15:02Z 40 True
report doc 2024-07-12T09:15:02Z 40 True"
	run -0 bash -c 'baocao-extract --docs report.docx signed-text.pdf report.doc 2>/dev/null | python3 -c "
import csv, sys
print(len({r[\"figures_digest\"] for r in csv.DictReader(sys.stdin)}))"'
	assert_output 1
	# antiword's shortfall on the .doc is a note: on stderr, and in the row
	run -0 --separate-stderr baocao-extract --docs report.doc
	[[ "$stderr" == *"report.doc: antiword read less of it than catdoc"* ]]
	[[ "$output" == *"report.doc: antiword read less of it than catdoc"* ]]
	run -0 --separate-stderr baocao-extract --docs --quiet report.doc
	assert_equal "$stderr" ""
	[[ "$output" == *"report.doc: antiword read less of it than catdoc"* ]]
	# without --docs, --quiet says nothing of a document read, but names
	# one left out
	cp "$TESTS/fixtures/formats/truncated.docx" .
	run -3 --separate-stderr baocao-extract --quiet report.doc truncated.docx
	assert_equal "$stderr" "baocao-extract: truncated.docx: not a whole zip archive (truncated or damaged: Not a zip archive)"
}
