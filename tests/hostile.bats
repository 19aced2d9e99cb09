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
	touch -d '2024-07-10 08:00:00 UTC' "$T/blank150.pdf" "$T/report.txt"
	run -0 --separate-stderr baocao-extract --docs --ocr --limit-seconds 1 "$T/blank150.pdf" "$T/report.txt"
	assert_line --index 1 "blank150,$T/blank150.pdf,,,,,,,,,,,,,$T/blank150.pdf: took too long: more than 1 seconds for one document (--limit-seconds),,,2024-07-10T08:00:00Z,,"
	assert_line --index 2 --regexp '^report,.*,40,,,,,,text,2024-07-10T08:00:00Z,[0-9a-f]{16},$'
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
cols = [r["col_label"] for r in csv.DictReader(sys.stdin)]
print(cols.count("Cột 253"), cols.count("Cột 254"))' <<< "$output"
	assert_output "2 0"
	run -0 bash -c "baocao-extract --docs '$T/wide.docx' 2>/dev/null | cut -d, -f12"
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
	run -0 --separate-stderr baocao-extract "$T/t1000.txt"
	run -1 grep -x -e 1000 -e 1001 < <(cut -d, -f12 <<< "$output")
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
	run -0 bash -c "baocao-extract --docs '$T/many.txt' 2>/dev/null | cut -d, -f11,12"
	assert_output "figures,dropped
200000,figures:10"
	# A clause of 300 bytes before its figure.
	printf 'Trong kỳ, %s đã tiếp 12 lượt công dân.\n' "$(printf 'cán bộ %.0s' $(seq 1 30))" > "$T/long.txt"
	run -0 bash -c "baocao-extract --docs '$T/long.txt' 2>/dev/null | cut -d, -f11,12"
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

# A few sample reports, and a folder for the outputs holding an old set.
outputs_setup() {
	mkdir -p "$T/r" "$T/out" "$T/tmp"
	cp "$ROOT"/pipelines/samples/760_2023-Q[12].txt "$ROOT"/pipelines/samples/766_2023-Q1.txt "$T/r/"
	for f in city.csv man.csv find.csv book.xlsx; do echo "old $f" > "$T/out/$f"; done
	export TMPDIR=$T/tmp
}

# Every output still the old one, nothing else in the folder or in TMPDIR.
assert_old_outputs() {
	local f
	for f in city.csv man.csv find.csv book.xlsx; do
		assert_equal "$(cat "$T/out/$f")" "old $f"
	done
	assert_equal "$(ls -A "$T/out" | sort | paste -sd ' ')" "book.xlsx city.csv find.csv man.csv"
	assert_equal "$(ls -A "$T/tmp")" ""
}

@test "M5: an output that cannot be written is exit 2, never 1, and every output stays old" {
	outputs_setup
	all=(-o "$T/out/city.csv" -m "$T/out/man.csv" -c "$T/out/find.csv" -x "$T/out/book.xlsx")
	for o in -o -m -c -x; do
		args=()
		for ((i = 0; i < ${#all[@]}; i += 2)); do
			if [ "${all[i]}" = "$o" ]; then args+=("$o" /dev/full); else args+=("${all[i]}" "${all[i+1]}"); fi
		done
		run -2 --separate-stderr city-summary "${args[@]}" "$T/r"
		[[ "$stderr" == *"city-summary: cannot write '/dev/full' ($o)"* ]]
		[[ "$stderr" != *SIGTERM* ]]
		assert_old_outputs
	done
	# the table on a standard output that is full
	run -2 --separate-stderr bash -c 'city-summary "$1" > /dev/full' _ "$T/r"
	[[ "$stderr" == *"city-summary: cannot write the table to standard output"* ]]
	assert_equal "$(ls -A "$T/tmp")" ""
}

@test "M5: a folder that is missing or cannot be written is refused before the run starts" {
	outputs_setup
	run -2 --separate-stderr city-summary -o "$T/out/city.csv" -m "$T/nodir/man.csv" "$T/r"
	assert_equal "$stderr" "city-summary: cannot write '$T/nodir/man.csv' (-m): no directory '$T/nodir'"
	mkdir "$T/ro"
	if [ "$(id -u)" -eq 0 ]; then
		# root writes through permissions: a read-only file system
		mount -t tmpfs -o ro,size=1m tmpfs "$T/ro" || skip "cannot mount a tmpfs here"
	else
		chmod 555 "$T/ro"
	fi
	run -2 --separate-stderr city-summary -o "$T/out/city.csv" -m "$T/ro/man.csv" "$T/r"
	[ "$(id -u)" -ne 0 ] || umount "$T/ro"
	[[ "$stderr" == *"city-summary: cannot write '$T/ro/man.csv' (-m): its directory '$T/ro' cannot be written" ]]
	# before the run: not one report was read
	[[ "$stderr" != *"reports:"* ]]
	assert_old_outputs
}

@test "M5: new outputs get the umask's mode, replaced ones keep theirs" {
	outputs_setup
	chmod 640 "$T/out/city.csv"
	chmod 604 "$T/out/book.xlsx"
	rm "$T/out/man.csv" "$T/out/find.csv"
	run -0 bash -c 'umask 027; city-summary -o "$1/city.csv" -m "$1/man.csv" -c "$1/find.csv" -x "$1/book.xlsx" "$2"' _ "$T/out" "$T/r"
	assert_equal "$(stat -c %a "$T/out/city.csv")" 640
	assert_equal "$(stat -c %a "$T/out/book.xlsx")" 604
	assert_equal "$(stat -c %a "$T/out/man.csv")" 640
	assert_equal "$(stat -c %a "$T/out/find.csv")" 640
	run -0 bash -c 'umask 022; rm "$1/man.csv"; city-summary -o "$1/city.csv" -m "$1/man.csv" "$2"' _ "$T/out" "$T/r"
	assert_equal "$(stat -c %a "$T/out/man.csv")" 644
	assert_equal "$(stat -c %a "$T/out/city.csv")" 640
	# and they are the new ones
	head -1 "$T/out/city.csv" | grep -q '^province_code,period,indicator,'
	assert_equal "$(ls -A "$T/tmp")" ""
}

# Starts city-summary in the background, with every signal at its default
# (a background job of a script ignores SIGINT), a shim in front of the
# filter named $1 that writes its pid to $T/pids and waits for a second
# before it runs the real one (in the same process); waits until the shim
# ran.
start_slowed() {
	local filter=$1 real
	shift
	real=$(command -v "$filter")
	rm -rf "$T/shim"
	mkdir "$T/shim"
	printf '#!/bin/sh\necho $$ >> %q\nsleep 1\nexec %q "$@"\n' "$T/pids" "$real" > "$T/shim/$filter"
	chmod +x "$T/shim/$filter"
	: > "$T/pids"
	PATH=$T/shim:$PATH env --default-signal=INT,TERM,HUP city-summary "$@" 2> "$T/err" &
	pid=$!
	for ((i = 0; i < 600; i++)); do
		[ ! -s "$T/pids" ] || return 0
		sleep 0.1
	done
	return 1
}

# Has process $1 ended (a zombie that no one reaps has)?
gone() {
	local line
	{ IFS= read -r line < "/proc/$1/stat"; } 2> /dev/null || return 0
	line=${line##*) }
	[ "${line%% *}" = Z ] || { echo "process $1 is still running: ${line%% *}"; return 1; }
}

@test "L1: SIGTERM, SIGINT or SIGHUP kills every process of the run, removes its temporaries, exit 143, 130 or 129" {
	outputs_setup
	for sig in TERM:143 INT:130 HUP:129; do
		# in the jobs, and in the workbook's writer
		for filter in baocao-normalize baocao-xlsx; do
			start_slowed "$filter" -j 2 -o "$T/out/city.csv" -m "$T/out/man.csv" \
				-c "$T/out/find.csv" -x "$T/out/book.xlsx" "$T/r"
			kill -s "${sig%:*}" "$pid"
			st=0
			wait "$pid" || st=$?
			assert_equal "$st" "${sig#*:}"
			assert_equal "$(cat "$T/err" | tail -1)" "city-summary: SIG${sig%:*}: stopped; every output left as it was"
			while read -r p; do
				gone "$p"
			done < "$T/pids"
			assert_old_outputs
		done
	done
}

@test "L2: an output that is an input or another output is refused before anything runs" {
	outputs_setup
	cp "$T/r/760_2023-Q1.txt" "$T/r/keep.txt"
	run -2 --separate-stderr city-summary -o "$T/r/760_2023-Q1.txt" "$T/r"
	assert_equal "$stderr" "city-summary: -o '$T/r/760_2023-Q1.txt' is one of the reports: an output never replaces an input"
	cmp "$T/r/keep.txt" "$T/r/760_2023-Q1.txt"
	# under another name
	ln "$T/r/760_2023-Q1.txt" "$T/out/link.txt"
	run -2 --separate-stderr city-summary -m "$T/out/link.txt" "$T/r"
	assert_equal "$stderr" "city-summary: -m '$T/out/link.txt' is one of the reports: an output never replaces an input"
	printf 'report,line,raw,indicator,value,scope\n' > "$T/fixes.csv"
	run -2 --separate-stderr city-summary --corrections "$T/fixes.csv" -c "$T/fixes.csv" "$T/r"
	assert_equal "$stderr" "city-summary: -c '$T/fixes.csv' is the corrections file: an output never replaces an input"
	cp "$ROOT/common/data/lexicon.rules" "$T/my.rules"
	run -2 --separate-stderr city-summary --rules "$T/my.rules" -x "$T/my.rules" "$T/r"
	assert_equal "$stderr" "city-summary: -x '$T/my.rules' is the rules file: an output never replaces an input"
	cmp "$T/my.rules" "$ROOT/common/data/lexicon.rules"
	run -2 --separate-stderr city-summary -o "$T/out/city.csv" -m "$T/out/../out/city.csv" "$T/r"
	assert_equal "$stderr" "city-summary: -o and -m name the same file '$T/out/../out/city.csv'"
	run -2 --separate-stderr city-summary -o "$T/out/new.csv" -c "$T/out/new.csv" "$T/r"
	assert_equal "$stderr" "city-summary: -o and -c name the same file '$T/out/new.csv'"
	rm "$T/out/link.txt"
	assert_old_outputs
}

@test "L2: aggregate --findings F F refuses, and F stays whole" {
	baocao-extract "$ROOT/pipelines/samples/760_2023-Q1.txt" | baocao-normalize > "$T/f.csv"
	cp "$T/f.csv" "$T/keep.csv"
	run -2 --separate-stderr baocao-aggregate --findings "$T/f.csv" "$T/f.csv"
	assert_equal "$stderr" "baocao-aggregate: option '--findings': '$T/f.csv' is also an input: it would be emptied before it is read"
	assert_equal "$output" ""
	cmp "$T/f.csv" "$T/keep.csv"
	run -2 --separate-stderr bash -c 'baocao-aggregate --bad-rows "$1" < "$1"' _ "$T/f.csv"
	assert_equal "$stderr" "baocao-aggregate: option '--bad-rows': '$T/f.csv' is also an input: it would be emptied before it is read"
	cmp "$T/f.csv" "$T/keep.csv"
	run -2 --separate-stderr baocao-normalize --docs --files0-to "$T/f.csv" "$T/f.csv"
	assert_equal "$stderr" "baocao-normalize: option '--files0-to': '$T/f.csv' is also an input: it would be emptied before it is read"
	cmp "$T/f.csv" "$T/keep.csv"
	# a new file, or /dev/null, is no input
	run -0 baocao-aggregate --findings "$T/new.csv" "$T/f.csv"
	run -0 baocao-aggregate --findings /dev/null "$T/f.csv"
}

# Reports in $T/r, one of them twice (the copy left out as a duplicate),
# and $T/fixes.csv: line 2 corrects 760_2023-Q1's visits (it applies),
# line 3 names a figure that is not on its line of 760_2023-Q2, line 4 a
# report not in the run, line 5 the copy left out.
corrections_setup() {
	mkdir -p "$T/r"
	cp "$ROOT"/pipelines/samples/760_2023-Q[12].txt "$ROOT"/pipelines/samples/766_2023-Q1.txt "$T/r/"
	cp "$T/r/766_2023-Q1.txt" "$T/r/766_2023-Q1 (1).txt"
	city-summary -m "$T/m.csv" -o "$T/plain.csv" "$T/r" 2> /dev/null
	DUP=$(awk -F, '$(NF - 3) == "duplicate" { print $1 }' "$T/m.csv")
	[ -n "$DUP" ]
	IFS=, read -r line raw value < <(baocao-extract --root "$T/r" "$T/r/760_2023-Q1.txt" |
		baocao-normalize | awk -F, '$6 == "reception.visits" { print $11 "," $12 "," $7 }')
	VISITS=$value
	{ echo 'report,line,raw,indicator,value,scope'
	  echo "760_2023-Q1,$line,$raw,,$((value + 1000)),"
	  echo "760_2023-Q2,$line,99999,,5,"
	  echo "nowhere,3,12,,5,"
	  echo "$DUP,$line,$raw,,5,"; } > "$T/fixes.csv"
}

@test "M6: with -j N or -c each correction that does not apply is named once, by the process that owns it" {
	corrections_setup
	want="baocao-normalize: $T/fixes.csv:3: no figure '99999' on line $line of report '760_2023-Q2': correction not applied
city-summary: $T/fixes.csv:4: report 'nowhere' is not in this run: correction not applied
city-summary: $T/fixes.csv:5: report '$DUP' is not read in this run (duplicate): correction not applied"
	old=$(awk -F, '$2 == "2023-Q1" && $3 == "reception.visits" { print $5 }' "$T/plain.csv")
	for opts in "-j 1" "-j 2" "-j 3 -c $T/find.csv" "-c $T/find.csv"; do
		# shellcheck disable=SC2086
		run -0 --separate-stderr city-summary $opts --corrections "$T/fixes.csv" -o "$T/city.csv" "$T/r"
		assert_equal "$(grep 'correction not applied' <<< "$stderr" | sort)" "$want"
		[[ "$stderr" == *"city-summary: corrections: 1 applied, 3 not applied (named above)"* ]]
		new=$(awk -F, '$2 == "2023-Q1" && $3 == "reception.visits" { print $5 }' "$T/city.csv")
		assert_equal "$new" "$((old + 1000))"
	done
}

@test "L3: a correction on line -1, 0 or a line past any report is an error naming its file and line" {
	corrections_setup
	for bad in -1 0 99999999999999999999 1e3 ' 5'; do
		printf 'report,line,raw,indicator,value,scope\n760_2023-Q1,%s,12,,5,\n' "$bad" > "$T/bad.csv"
		run -2 --separate-stderr baocao-normalize --corrections "$T/bad.csv" /dev/null
		assert_equal "$stderr" "baocao-normalize: $T/bad.csv:2: line '$bad' is not a number from 1 to 1000000000"
		run -2 --separate-stderr city-summary --corrections "$T/bad.csv" "$T/r"
		[[ "$stderr" == *"$T/bad.csv:2: line '$bad' is not a number from 1 to 1000000000"* ]]
	done
	printf 'report,line,raw,indicator,value,scope,occurrence\n760_2023-Q1,3,12,,5,,-2\n' > "$T/bad.csv"
	run -2 --separate-stderr baocao-normalize --corrections "$T/bad.csv" /dev/null
	assert_equal "$stderr" "baocao-normalize: $T/bad.csv:2: occurrence '-2' is not a number from 1 to 1000000000"
}

@test "L3: two corrections of one figure are an error naming both lines" {
	corrections_setup
	{ head -2 "$T/fixes.csv"; echo "760_2023-Q2,4,7,,8,"; sed -n 2p "$T/fixes.csv" | sed 's/,$/,sub/'; } > "$T/dup.csv"
	run -2 --separate-stderr city-summary --corrections "$T/dup.csv" "$T/r"
	[[ "$stderr" == *"$T/dup.csv:4: the same figure as line 2 (report '760_2023-Q1', line $line, '$raw', occurrence 1): a figure has one correction"* ]]
	run -2 --separate-stderr baocao-normalize --corrections "$T/dup.csv" /dev/null
	assert_equal "$stderr" "baocao-normalize: $T/dup.csv:4: the same figure as line 2 (report '760_2023-Q1', line $line, '$raw', occurrence 1): a figure has one correction"
}

@test "L3: loading and applying corrections is linear in their number (instructions at n and 4n)" {
	command -v valgrind > /dev/null || skip "valgrind is not installed"
	if grep -q __asan_init "$(command -v baocao-normalize)"; then
		skip "a sanitizer build: instructions are counted in make check"
	fi
	# n mentions in documents of 40, and a correction of each: a scan of
	# every correction for every mention is quadratic
	for n in 0 3000 12000; do
		awk -v n="$n" 'BEGIN {
			print "doc,issuer,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after"
			for (i = 1; i <= n; i++)
				printf "r%d,,,,%d,,text,,,đã tiếp ,%d,lượt công dân,\n", i / 40, i, i % 90 + 10 }' > "$T/m$n.csv"
		awk -v n="$n" 'BEGIN { print "report,line,raw,indicator,value,scope"
			for (i = 1; i <= n; i++) printf "r%d,%d,%d,,1,\n", i / 40, i, i % 90 + 10 }' > "$T/c$n.csv"
		eval "c$n=\$(\"\$TESTS/complexity/instr\" baocao-normalize --corrections \"\$T/c$n.csv\" \"\$T/m$n.csv\")"
	done
	i1=$((c3000 - c0)) i4=$((c12000 - c0))
	echo "+$i1 at 3000 corrections, +$i4 at 12000"
	[ "$i1" -gt 0 ]
	[ $((i4 * 10)) -le $((i1 * 50)) ]
}

# A report named as a formula, and one whose appendix rows are named so.
formula_setup() {
	mkdir -p "$T/r"
	cp "$ROOT/pipelines/samples/760_2023-Q1.txt" "$T/r/=HYPERLINK(\"http:__x.example\",\"y\").txt"
	{ cat "$ROOT/pipelines/samples/766_2023-Q1.txt"
	  printf '\nPHỤ LỤC\nSTT\tĐơn vị\tSố đơn\n'
	  printf '1\t=HYPERLINK("http://x","y")\t5\n2\t@SUM(A1)\t4\n3\t+cmd|'"'"' /C calc'"'"'!A0\t3\n'; } > "$T/r/-2+3.txt"
}

@test "M7: --bom makes extract's and normalize's CSV safe in a spreadsheet: a leading ' on =, +, -, @ cells; numbers keep their sign" {
	formula_setup
	for bom in '' --bom; do
		baocao-extract $bom --root "$T/r" "$T/r"/*.txt > "$T/m$bom.csv"
		baocao-normalize $bom --scope all "$T/m.csv" > "$T/f$bom.csv" 2> /dev/null
		baocao-extract $bom --docs --root "$T/r" "$T/r"/*.txt > "$T/d$bom.csv"
		baocao-normalize $bom --docs "$T/d.csv" > "$T/man$bom.csv" 2> /dev/null
	done
	# without --bom every cell as it is: the file names, the row labels,
	# a bullet of the text
	grep -q '^-2+3,' "$T/m.csv"
	grep -q '^"=HYPERLINK(""http:__x.example"",""y"")",' "$T/m.csv"
	grep -q ',table,"=HYPERLINK(""http://x"",""y"")",Số đơn,' "$T/m.csv"
	grep -q ',table,@SUM(A1),Số đơn,' "$T/m.csv"
	grep -q ",table,+cmd|' /C calc'!A0,Số đơn," "$T/m.csv"
	grep -q ',+ Tiếp công dân thường xuyên ,858,' "$T/m.csv"
	grep -q '^-2+3,r/-2+3.txt,\|^-2+3,.*/-2+3.txt,' "$T/d.csv"
	grep -q '^-2+3,' "$T/man.csv"
	# with --bom: a mark, then every such cell with a leading '
	for f in m f d man; do
		assert_equal "$(head -c 3 "$T/$f--bom.csv" | od -An -tx1 | tr -d ' ')" efbbbf
		run grep -c "^'-2+3," "$T/$f--bom.csv"
		[ "$output" -ge 1 ]
		run grep -c '^-2+3,\|^"=HYPERLINK\|,@SUM\|,+cmd\|,+ Tiếp' "$T/$f--bom.csv"
		assert_output 0
	done
	grep -q ',table,"'"'"'=HYPERLINK(""http://x"",""y"")",Số đơn,' "$T/m--bom.csv"
	grep -q ",table,'@SUM(A1),Số đơn," "$T/m--bom.csv"
	grep -q ",'+ Tiếp công dân thường xuyên ,858," "$T/m--bom.csv"
	grep -q '^"'"'"'=HYPERLINK(""http:__x.example"",""y"")",' "$T/f--bom.csv"
	# the same rows otherwise: take the quotes and the mark away
	cmp <(tail -c +4 "$T/m--bom.csv" | sed "s/^'//; s/,'/,/g; s/\"'/\"/g") "$T/m.csv"
	cmp <(tail -c +4 "$T/man--bom.csv" | sed "s/^'//; s/,'/,/g; s/\"'/\"/g") "$T/man.csv"
	# a number with a sign is a number
	printf 'k,v\n-a,5.5\n' > "$T/old.csv"
	printf 'k,v\n-a,3\n' > "$T/new.csv"
	run -1 baocao-diff --bom -k k "$T/old.csv" "$T/new.csv"
	assert_line --index 1 "'-a,v,5.5,3,-2.5,-45.45,changed"
}

@test "M7: city-summary -m writes the manifest safe for a spreadsheet, always; the table and the workbook read the names as they are" {
	formula_setup
	run -0 city-summary -m "$T/man.csv" -x "$T/book.xlsx" -o "$T/city.csv" "$T/r"
	grep -q "^'-2+3,.*,ok,,79,most-reports$" "$T/man.csv"
	grep -q '^"'"'"'=HYPERLINK(""http:__x.example"",""y"")",.*,ok,,79,most-reports$' "$T/man.csv"
	run grep -c '^-2+3\|^"=' "$T/man.csv"
	assert_output 0
	# the workbook's links still go to the files by their own names
	run python3 - "$T/book.xlsx" <<-'PY'
	import sys, zipfile, urllib.parse
	z = zipfile.ZipFile(sys.argv[1])
	rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
	rels = urllib.parse.unquote(rels)
	print('"r/-2+3.txt"' in rels, '"r/=HYPERLINK("http:__x.example","y").txt"' in rels)
	PY
	assert_output "True True"
}
