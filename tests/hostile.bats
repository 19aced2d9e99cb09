#!/usr/bin/env bats
# Hostile and broken input: each test is one finding of the probe, by its
# name (H1, H2, M1 ...), as a reproducer that passes once it is fixed.  Run
# under the sanitizers by make asan.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	T=$BATS_TEST_TMPDIR
}

@test "H1: check names a value that is not a number, and reads no freed memory" {
	baocao-extract "$TESTS/fixtures/formats/report.txt" |
		baocao-normalize --scope all 2>/dev/null |
		awk -F, -v OFS=, 'NR == 3 { $7 = "abc" } 1' > "$T/bad.csv"
	run -1 --separate-stderr baocao-check "$T/bad.csv"
	assert_equal "$stderr" \
		"baocao-check: $T/bad.csv:3: value 'abc' is not a number; row skipped"
	assert_line --index 0 'doc,line,rule,indicator,expected,actual,detail'
}

@test "H1: the committed fuzz input that freed the value is read cleanly" {
	run --separate-stderr baocao-check \
		"$TESTS/fuzz/corpus/check/97b2441d5915713d7b8b9ce3d93c5e5dae64f38f"
	[ "$status" -le 2 ]
	[[ "$stderr" != *Sanitizer* ]]
	[[ "$stderr" == *"is not a number; row skipped"* ]]
}

@test "H2: a line of 2^17 one-character tokens is read at once, its tokens no figures" {
	cp "$ROOT/pipelines/samples/760_2023-Q1.txt" "$T/plain.txt"
	{ cat "$T/plain.txt"; python3 -c "print('1 ' * (1 << 17))"; } > "$T/spaced.txt"
	baocao-extract "$T/plain.txt" | sed 's/plain/X/g' > "$T/want.csv"
	timeout 20 baocao-extract "$T/spaced.txt" | sed 's/spaced/X/g' > "$T/got.csv"
	run -0 cmp "$T/want.csv" "$T/got.csv"
	[ "$(wc -l < "$T/got.csv")" -gt 30 ]
}

# A PDF of n empty pages, written as the probe wrote it.
blank_pdf() {
	python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
objs = ['<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Count %d /Kids [%s] >>' % (n, ' '.join('%d 0 R' % (3 + i) for i in range(n)))]
objs += ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'] * n
out, offs = b'%PDF-1.4\n', []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b'%d 0 obj\n%s\nendobj\n' % (i + 1, o.encode())
x = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \n' % o for o in offs)
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, x)
open(path, 'wb').write(out)
PY
}

# A converter of the given name in $T/bin, first on PATH: a shell script.
fake() {
	mkdir -p "$T/bin"
	printf '#!/bin/sh\n%s\n' "$2" > "$T/bin/$1"
	chmod +x "$T/bin/$1"
}

@test "M1: a scan of 5,000 blank pages is refused at once; OCR is bounded by the document's time and passes over blank pages" {
	blank_pdf 5000 "$T/blank5000.pdf"
	run -2 --separate-stderr timeout 60 baocao-extract --ocr "$T/blank5000.pdf"
	assert_equal "$stderr" "baocao-extract: $T/blank5000.pdf: a scan of 5000 pages: OCR reads 200 at most"
	blank_pdf 150 "$T/blank150.pdf"
	run -2 --separate-stderr timeout 60 baocao-extract --ocr --limit-seconds 1 "$T/blank150.pdf"
	assert_equal "$stderr" "baocao-extract: $T/blank150.pdf: took too long: more than 1 seconds for one document (--limit-seconds)"
	# Blank pages are never read: tesseract here would say so.
	fake tesseract 'echo "tesseract ran" >&2; exit 1'
	blank_pdf 3 "$T/blank3.pdf"
	run -2 --separate-stderr env PATH="$T/bin:$PATH" baocao-extract --ocr "$T/blank3.pdf"
	assert_equal "$stderr" "baocao-extract: $T/blank3.pdf: every page of the scan is blank"
}

@test "M1: with --docs, a document past --limit-seconds is its row's error and the run goes on" {
	blank_pdf 150 "$T/blank150.pdf"
	cp "$TESTS/fixtures/formats/report.txt" "$T/report.txt"
	run -0 --separate-stderr baocao-extract --docs --ocr --limit-seconds 1 "$T/blank150.pdf" "$T/report.txt"
	assert_line --index 1 "blank150,$T/blank150.pdf,,,,,,,,,,,,$T/blank150.pdf: took too long: more than 1 seconds for one document (--limit-seconds)"
	assert_line --index 2 --regexp '^report,.*,40,,,,$'
}

@test "M8: every converter runs under CPU, memory, file size and core limits, in its own process group" {
	fake pdftotext 'set -- $(cat /proc/$$/stat); printf "cpu %s as %s fsize %s core %s group %s\n" "$(ulimit -t)" "$(ulimit -v)" "$(ulimit -f)" "$(ulimit -c)" "$([ "$5" = "$1" ] && echo own)" >&2; exit 1'
	run -2 --separate-stderr env PATH="$T/bin:$PATH" baocao-extract --limit-seconds 300 "$TESTS/fixtures/formats/report.pdf"
	# 120 seconds of pdftotext's own, 1 GiB, 256 MiB (in KiB and 512-byte blocks)
	assert_equal "$stderr" "baocao-extract: $TESTS/fixtures/formats/report.pdf: pdftotext could not read it (cpu 120 as 1048576 fsize 524288 core 0 group own)"
}

@test "M8: converters have no network where the system allows it" {
	unshare -n true 2> /dev/null || skip "no network namespaces here"
	fake pdftotext 'echo "interfaces: $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | paste -sd" ")" >&2; exit 1'
	run -2 --separate-stderr env PATH="$T/bin:$PATH" baocao-extract "$TESTS/fixtures/formats/report.pdf"
	assert_equal "$stderr" "baocao-extract: $TESTS/fixtures/formats/report.pdf: pdftotext could not read it (interfaces: lo)"
}

@test "M8: antiword crashing on a damaged .doc is named, and catdoc reads it" {
	python3 -c "
b = bytearray(open('$TESTS/fixtures/formats/report.doc', 'rb').read())
for k in range(2000, 6000, 7):
    b[k] ^= 0x5A
open('$T/corrupt.doc', 'wb').write(b)"
	run -139 antiword -m UTF-8.txt -w 0 "$T/corrupt.doc"
	run -0 --separate-stderr baocao-extract "$T/corrupt.doc"
	assert_equal "$stderr" "baocao-extract: $T/corrupt.doc: antiword crashed (signal 11); read through catdoc (line numbers are catdoc's)"
	[ "${#lines[@]}" -gt 30 ]
	# With catdoc failing too, both are named.
	fake catdoc 'exit 3'
	run -2 --separate-stderr env PATH="$T/bin:$PATH" baocao-extract "$T/corrupt.doc"
	assert_equal "$stderr" "baocao-extract: $T/corrupt.doc: antiword crashed (signal 11); catdoc failed (exit status 3)"
}

@test "L4: a converter's time-out is called a time-out; the scratch file is never named; a cut .doc is a damaged Word file" {
	fake antiword 'sleep 30'
	run -2 --separate-stderr env PATH="$T/bin:$PATH" baocao-extract --limit-seconds 1 "$TESTS/fixtures/formats/report.doc"
	assert_equal "$stderr" "baocao-extract: $TESTS/fixtures/formats/report.doc: took too long: more than 1 seconds for one document (--limit-seconds)"
	fake antiword 'for f; do :; done; echo "$f is not a Word Document." >&2; exit 1'
	fake catdoc 'exit 1'
	cp "$TESTS/fixtures/formats/report.doc" "$T/r.doc"
	run -2 --separate-stderr env PATH="$T/bin:$PATH" baocao-extract "$T/r.doc"
	assert_equal "$stderr" "baocao-extract: $T/r.doc: antiword could not read it ($T/r.doc is not a Word Document.); catdoc failed (exit status 1)"
	n=$(stat -c %s "$TESTS/fixtures/formats/report.doc")
	for pct in 60 95; do
		head -c $((n * pct / 100)) "$TESTS/fixtures/formats/report.doc" > "$T/cut.doc"
		run -2 --separate-stderr baocao-extract "$T/cut.doc"
		assert_equal "$stderr" "baocao-extract: $T/cut.doc: a damaged Word 97-2003 document: cut short"
	done
}

@test "M2: a .docx row of 302 cells keeps 256, names the row, counts the 46 dropped in --stats and --docs" {
	python3 - "$TESTS/fixtures/formats/report.docx" "$T/wide.docx" <<'EOF2'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1]); parts = {n: src.read(n) for n in src.namelist()}
c = lambda t: '<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>' % t
rows = ['<w:tr>' + c('STT') + c('Đơn vị') + ''.join(c('Cột %d' % i) for i in range(300)) + '</w:tr>']
rows += ['<w:tr>' + c(r) + c('Phường %d' % r) + ''.join(c(i + 1) for i in range(300)) + '</w:tr>' for r in (1, 2)]
d = parts['word/document.xml'].decode(); at = d.rindex('<w:sectPr')
parts['word/document.xml'] = (d[:at] + '<w:tbl>' + ''.join(rows) + '</w:tbl><w:p/>' + d[at:]).encode()
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z: [z.writestr(n, b) for n, b in parts.items()]
EOF2
	run -0 --separate-stderr baocao-extract --stats "$T/wide.docx"
	[[ "$stderr" == *"baocao-extract: $T/wide.docx:31: table row of 302 cells: the 46 after the first 256 are dropped"* ]]
	[[ "$stderr" == *"baocao-extract: table cells dropped past the row limit: 138"* ]]
	# Columns 0..253 are kept (254 after STT and the name), none after.
	run -0 python3 -c '
import csv, sys
cols = [r["col_label"] for r in csv.DictReader(sys.argv[1].splitlines())]
print(cols.count("Cột 253"), cols.count("Cột 254"))' "$output"
	assert_output "2 0"
	run -0 bash -c "baocao-extract --docs '$T/wide.docx' 2>/dev/null | cut -d, -f11"
	assert_output "dropped
cells:138"
}

@test "M3: rows numbered 1000 and up keep their labels; their numbers are no figures" {
	{ cat "$ROOT/pipelines/samples/760_2023-Q1.txt"; printf '\nPHỤ LỤC\nSTT\tĐơn vị\tSố đơn\tĐã giải quyết\n'
	  for i in 998 999 1000 1001; do printf '%d\tTổ %d\t5\t4\n' $i $i; done; } > "$T/t1000.txt"
	run -0 bash -c "baocao-extract '$T/t1000.txt' | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r[\"source\"] == \"table\" and r[\"row_label\"].startswith(\"Tổ \"):
        print(r[\"row_label\"], \"|\", r[\"col_label\"], \"|\", r[\"raw\"])'"
	assert_output "Tổ 998 | Số đơn | 5
Tổ 998 | Đã giải quyết | 4
Tổ 999 | Số đơn | 5
Tổ 999 | Đã giải quyết | 4
Tổ 1000 | Số đơn | 5
Tổ 1000 | Đã giải quyết | 4
Tổ 1001 | Số đơn | 5
Tổ 1001 | Đã giải quyết | 4"
	run -1 bash -c "baocao-extract '$T/t1000.txt' | cut -d, -f12 | grep -x -e 1000 -e 1001"
}

@test "M3: a table of 50,003 rows keeps 50,000, names the first row dropped and counts the rest" {
	{ printf 'BÁO CÁO\nSTT\tĐơn vị\tSố đơn\n'; seq 1 50003 | awk '{ printf "%d\tTổ %d\t5\n", $1, $1 }'; } > "$T/long.txt"
	run -0 --separate-stderr baocao-extract --stats "$T/long.txt"
	[[ "$stderr" == *"baocao-extract: $T/long.txt:50002: table of more than 50000 rows: the rows from this one on are dropped"* ]]
	[[ "$stderr" == *"baocao-extract: table rows dropped past the table limit: 4"* ]]
	assert_equal "$(grep -c ',Tổ 49999,' <<< "$output")" 1
	assert_equal "$(grep -c ',Tổ 50000,' <<< "$output")" 0
}

@test "L5: figures past 200,000 in one document are named and counted; a cut context is counted; a 100k-cell row reads no dropped cell as prose" {
	python3 -c "
with open('$T/many.txt', 'w') as f:
    f.write('BÁO CÁO\n')
    for i in range(200010):
        f.write('Đã tiếp 5 lượt công dân.\n')"
	run -0 --separate-stderr baocao-extract --stats "$T/many.txt"
	[[ "$stderr" == *"baocao-extract: $T/many.txt:200002: more than 200000 figures in one document: the ones from here on are dropped"* ]]
	[[ "$stderr" == *"baocao-extract: figures dropped past the document limit: 10"* ]]
	assert_equal "${#lines[@]}" 200001
	run -0 bash -c "baocao-extract --docs '$T/many.txt' 2>/dev/null | cut -d, -f10,11"
	assert_output "figures,dropped
200000,figures:10"
	# A clause of 300 bytes before its figure.
	printf 'Trong kỳ, %s đã tiếp 12 lượt công dân.\n' "$(printf 'cán bộ %.0s' $(seq 1 30))" > "$T/long.txt"
	run -0 bash -c "baocao-extract --docs '$T/long.txt' 2>/dev/null | cut -d, -f10,11"
	assert_output "figures,dropped
1,context:1"
	# A row of 100,000 cells: its first 256 read; nothing past them,
	# as a table cell or as prose.
	python3 -c "print('BÁO CÁO'); print('\t'.join(['STT', 'Đơn vị'] + [str(100 + i) for i in range(99998)]))" > "$T/row.txt"
	run -0 --separate-stderr baocao-extract "$T/row.txt"
	assert_equal "$stderr" "baocao-extract: $T/row.txt:2: table row of 100000 cells: the 99744 after the first 256 are dropped"
	[ "${#lines[@]}" -le 257 ]
	run -1 grep -c ',10353,' <<< "$output"
}

@test "L1: SIGTERM, SIGINT or SIGHUP while a converter runs leaves nothing in TMPDIR; extract dies of the signal" {
	blank_pdf 150 "$T/blank150.pdf"
	for kind in TERM: TERM:--docs INT: HUP:--docs; do
		sig=${kind%%:*} mode=${kind#*:}
		mkdir "$T/tmp"
		# A background job starts with SIGINT ignored: the default
		# action back, as a terminal's ^C finds it.
		TMPDIR="$T/tmp" python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' baocao-extract --ocr $mode "$T/blank150.pdf" > /dev/null 2>&1 &
		pid=$!
		# Until the scan's scratch copy is there, and a page is being read.
		for i in $(seq 300); do [ -n "$(ls -A "$T/tmp")" ] && break; sleep 0.1; done
		sleep 0.5
		[ -n "$(ls -A "$T/tmp")" ]
		kill -s "$sig" "$pid"
		st=0
		wait "$pid" || st=$?
		assert_equal "$st" "$((128 + $(kill -l "$sig")))"
		assert_equal "$(ls -A "$T/tmp")" ""
		rmdir "$T/tmp"
	done
}

@test "L6: CR-only line ends are line ends" {
	printf 'ỦY BAN NHÂN DÂN\rQUẬN 1\rSố: 5/BC-UBND\rQuận 1, ngày 2 tháng 4 năm 2024\rBÁO CÁO\rCông tác quý I năm 2024\rI. KẾT QUẢ\rĐã tiếp 12 lượt công dân.\r' > "$T/mac.txt"
	tr '\r' '\n' < "$T/mac.txt" > "$T/unix.txt"
	run -0 bash -c "baocao-extract '$T/mac.txt' | cut -d, -f2-14"
	assert_output "issuer,doc_no,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after
QUẬN 1,5/BC-UBND,2 tháng 4 năm 2024,quý I năm 2024,8,I,text,,,Đã tiếp ,12,lượt công dân,"
	run -0 bash -c "diff <(baocao-extract '$T/mac.txt' | cut -d, -f2-14) <(baocao-extract '$T/unix.txt' | cut -d, -f2-14)"
}

@test "L6: a .txt.gz with bytes after its gzip data is an error naming the file; two members are one text" {
	gzip -c "$TESTS/fixtures/formats/report.txt" > "$T/r.txt.gz"
	cp "$T/r.txt.gz" "$T/bad.txt.gz"
	printf 'not gzip' >> "$T/bad.txt.gz"
	run -2 --separate-stderr baocao-extract "$T/bad.txt.gz"
	assert_equal "$stderr" "baocao-extract: $T/bad.txt.gz: bytes after the end of the gzip data (trailing garbage)"
	cat "$T/r.txt.gz" "$T/r.txt.gz" > "$T/two.txt.gz"
	cat "$TESTS/fixtures/formats/report.txt" "$TESTS/fixtures/formats/report.txt" > "$T/two.txt"
	run -0 cmp <(baocao-extract "$T/two.txt.gz" | cut -d, -f2-14) <(baocao-extract "$T/two.txt" | cut -d, -f2-14)
}
