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
