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
