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
		# in GNU parallel's jobs, and in the workbook's writer
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
	DUP=$(awk -F, '$(NF - 1) == "duplicate" { print $1 }' "$T/m.csv")
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
		# (baocao-check applies the corrections itself, each job all of
		# them, until it reads normalize's corrected rows: its own lines
		# are not counted here)
		assert_equal "$(grep 'correction not applied' <<< "$stderr" | grep -v '^baocao-check: ' | sort)" "$want"
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
	grep -q "^'-2+3,.*,ok,$" "$T/man.csv"
	grep -q '^"'"'"'=HYPERLINK(""http:__x.example"",""y"")",.*,ok,$' "$T/man.csv"
	run grep -c '^-2+3\|^"=' "$T/man.csv"
	assert_output 0
	# the workbook's links still go to the files by their own names
	run python3 - "$T/book.xlsx" <<-'PY'
	import sys, zipfile
	z = zipfile.ZipFile(sys.argv[1])
	rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
	print("-2+3.txt" in rels, "=HYPERLINK(" in rels)
	PY
	assert_output "True True"
}
