#!/usr/bin/env bats
# What every filter promises, checked on every filter in turn.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	FILTERS="extract normalize aggregate diff check xlsx review"
	printf 'province_code,period,indicator,unit,value,reporter_code\n79,2024,x,visit,1,764\n' > "$BATS_TEST_TMPDIR/t.csv"
	printf 'ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\n\nGò Vấp, ngày 08 tháng 11 năm 2024\n\nBÁO CÁO\nCông tác năm 2024\nĐã tiếp 12 lượt công dân.\n' > "$BATS_TEST_TMPDIR/r.txt"
}

# A valid input for each filter (diff takes two).
input_for() {
	case $1 in
	extract) echo "$BATS_TEST_TMPDIR/r.txt" ;;
	normalize) baocao-extract "$BATS_TEST_TMPDIR/r.txt" > "$BATS_TEST_TMPDIR/e.csv"
		echo "$BATS_TEST_TMPDIR/e.csv" ;;
	diff) echo "$BATS_TEST_TMPDIR/t.csv $BATS_TEST_TMPDIR/t.csv" ;;
	check|review) baocao-extract "$BATS_TEST_TMPDIR/r.txt" > "$BATS_TEST_TMPDIR/e.csv"
		baocao-normalize --scope all "$BATS_TEST_TMPDIR/e.csv" > "$BATS_TEST_TMPDIR/all.csv"
		echo "$BATS_TEST_TMPDIR/all.csv" ;;
	*) echo "$BATS_TEST_TMPDIR/t.csv" ;;
	esac
}

@test "--help prints usage on stdout and exits 0, for every filter" {
	for f in $FILTERS; do
		run --separate-stderr "baocao-$f" --help
		assert_success
		assert_output --partial "usage: baocao-$f"
		[ -z "$stderr" ]
	done
}

@test "--version prints the name and a version, for every filter" {
	for f in $FILTERS; do
		run "baocao-$f" --version
		assert_success
		assert_output --regexp "^baocao-$f [0-9]+\.[0-9]+\.[0-9]+$"
	done
}

@test "an unknown long option exits 2, names it, and writes nothing to stdout" {
	for f in $FILTERS; do
		run -2 --separate-stderr "baocao-$f" --no-such-option
		assert_equal "$output" ""
		[[ "${stderr_lines[0]}" == *"unrecognized option '--no-such-option'"* ]]
		[[ "${stderr_lines[1]}" == "usage: baocao-$f "* ]]
		assert_equal "${stderr_lines[2]}" "Try 'baocao-$f --help' for more information."
	done
}

@test "an unknown short option, alone or attached, exits 2 with nothing on stdout" {
	for f in $FILTERS; do
		run -2 --separate-stderr "baocao-$f" -Q
		assert_equal "$output" ""
		run -2 --separate-stderr "baocao-$f" -zQ
		assert_equal "$output" ""
	done
}

# CSV on stdin without its path column (extract's input as given).
no_path() {
	python3 -c '
import csv, sys
r = csv.reader(sys.stdin); w = csv.writer(sys.stdout, lineterminator="\n")
head = next(r); k = head.index("path") if "path" in head else None
for row in [head] + list(r):
    w.writerow(row[:k] + row[k + 1:] if k is not None else row)'
}

@test "'-' reads stdin and gives the same output as the file" {
	for f in extract normalize aggregate check; do
		in=$(input_for "$f")
		run -0 bash -c "set -o pipefail; $(declare -f no_path); baocao-$f '$in' | no_path | cut -d, -f2-"
		want=$output
		[ -n "$want" ]
		# extract names a document read from stdin "-", and gives its path
		# as "-"; all else is equal.
		run -0 bash -c "set -o pipefail; $(declare -f no_path); baocao-$f - < '$in' | no_path | cut -d, -f2-"
		assert_equal "$output" "$want"
	done
	run -0 bash -c "set -o pipefail; baocao-extract - < '$BATS_TEST_TMPDIR/r.txt' | cut -d, -f1 | tail -1"
	assert_equal "$output" "-"
	run bash -c "baocao-diff - '$BATS_TEST_TMPDIR/t.csv' < '$BATS_TEST_TMPDIR/t.csv'"
	assert_success
}

@test "gzip input is read transparently, and -z writes gzip" {
	for f in extract normalize aggregate check; do
		in=$(input_for "$f")
		gzip -c "$in" > "$in.gz"
		run -0 bash -c "set -o pipefail; $(declare -f no_path); baocao-$f '$in' | no_path"
		want=$output
		[ -n "$want" ]
		run -0 bash -c "set -o pipefail; $(declare -f no_path); baocao-$f '$in.gz' | no_path"
		assert_equal "$output" "$want"
		run -0 bash -c "set -o pipefail; $(declare -f no_path); baocao-$f -z '$in' | gzip -dc | no_path"
		assert_equal "$output" "$want"
	done
}

@test "writing to /dev/full exits 2 with a write error, for every filter" {
	[ -w /dev/full ] || skip "no /dev/full"
	for f in $FILTERS; do
		in=$(input_for "$f")
		# diff prints nothing when the inputs agree: make them differ.
		[ "$f" = diff ] && in="$BATS_TEST_TMPDIR/t.csv $ROOT/tests/fixtures/diff/new.csv" \
			&& in="$ROOT/tests/fixtures/diff/old.csv $ROOT/tests/fixtures/diff/new.csv"
		run -2 --separate-stderr bash -c "baocao-$f $in > /dev/full"
		assert_equal "$stderr" "baocao-$f: write error: No space left on device"
	done
}

# missing FILTER: runs it on a good input and a missing one
missing() {
	if [ "$1" = diff ]; then
		run -2 --separate-stderr baocao-diff "$BATS_TEST_TMPDIR/nope" "$BATS_TEST_TMPDIR/t.csv"
	else
		run -2 --separate-stderr "baocao-$1" "$(input_for "$1" | cut -d' ' -f1)" "$BATS_TEST_TMPDIR/nope"
	fi
	assert_equal "$output" ""
}

@test "a missing input file exits 2 before any output" {
	for f in $FILTERS; do
		missing "$f"
		[ "$f" != check ] || continue	# (the next test)
		assert_equal "$stderr" "baocao-$f: cannot read '$BATS_TEST_TMPDIR/nope': No such file or directory"
	done
}

@test "baocao-check names a missing input in the words of the other filters" {
	missing check
	assert_equal "$stderr" "baocao-check: cannot read '$BATS_TEST_TMPDIR/nope': No such file or directory"
}

@test "SIGPIPE ends a filter quietly: | head -1" {
	seq 1 200000 | awk 'BEGIN{print "province_code,period,indicator,unit,value,reporter_code"}{print "79,2024,i" $1 ",visit,1,764"}' > "$BATS_TEST_TMPDIR/big.csv"
	run bash -c "set -o pipefail; baocao-aggregate '$BATS_TEST_TMPDIR/big.csv' | head -1"
	assert_output --partial "province_code"
	# 141 = 128 + SIGPIPE: the filter was ended by the signal, silently.
	[ "$status" -eq 141 ] || [ "$status" -eq 0 ]
}

@test "--bom starts the CSV with a UTF-8 byte-order mark, and the next filter reads it as before" {
	in=$BATS_TEST_TMPDIR
	baocao-extract "$in/r.txt" > "$in/e.csv"
	baocao-normalize --scope all "$in/e.csv" > "$in/all.csv"
	for cmd in "extract $in/r.txt" "normalize $in/e.csv" "aggregate $in/t.csv" \
		"diff $in/t.csv $in/t.csv" "check $in/all.csv"; do
		run -0 bash -c "set -o pipefail; baocao-${cmd%% *} --bom ${cmd#* } | od -An -tx1 -N3"
		assert_output " ef bb bf"
		run -0 baocao-${cmd%% *} ${cmd#* }
		want=$output
		[ -n "$want" ]
		run -0 bash -c "set -o pipefail; baocao-${cmd%% *} --bom ${cmd#* } | tail -c +4"
		assert_equal "$output" "$want"
	done
	run bash -c "baocao-extract --bom '$in/r.txt' | baocao-normalize | cmp - <(baocao-normalize '$in/e.csv')"
	assert_success
}

@test "every pipeline: --help on stdout (exit 0), --version, an unknown option exits 2 naming it, a man page" {
	version=$(sed -n 's/^VERSION[[:space:]]*=[[:space:]]*//p' "$ROOT/Makefile")
	[ -n "$version" ]
	for p in city-summary compare-periods chart check-totals demo; do
		for h in -h --help; do
			run -0 --separate-stderr "$p" "$h"
			[[ "${lines[0]}" == *"$p"* ]]
			[ "${#lines[@]}" -gt 3 ]
			assert_equal "$stderr" ""
		done
		run -0 --separate-stderr "$p" --version
		if [ "$p" = demo ]; then
			assert_equal "$output" "demo $version"
		else
			assert_equal "$output" "baocao-$p $version"
		fi
		run -2 --separate-stderr "$p" --no-such-option
		assert_equal "$output" ""
		assert_equal "${stderr_lines[0]}" "$p: unknown option '--no-such-option'"
		[[ "${stderr_lines[1]}" == "usage: $p "* ]]
		assert_equal "${stderr_lines[2]}" "Try '$p --help' for more information."
		[ -f "$ROOT/pipelines/$p.1" ]
		run -0 grep -c "^\.Sh EXIT STATUS" "$ROOT/pipelines/$p.1"
		# --help with its output full is trouble
		run -2 bash -c '"$1" --help > /dev/full' _ "$p"
	done
	# and the pages are linted with the filters' (lint-man)
	run -0 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$ROOT" --no-print-directory lint-man
	assert_output --regexp "^man pages: [0-9]+ clean$"
	[ "${output//[^0-9]/}" -ge 11 ]
}
