#!/usr/bin/env bats
# The complexity guard: each scanner fed a hostile part of size n and 4n.
# Instructions are counted (callgrind), never timed; the work the part
# adds must grow at most 5 times when the part grows 4 times, so a scan
# that is quadratic in a run of tokens, rows, cells or figures fails here.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	command -v valgrind >/dev/null || skip "valgrind is not installed"
	# A sanitized build (make asan) does not start under valgrind: every
	# count would be the same few instructions.  (bats skips in setup,
	# not in setup_file.)
	if ldd "$(command -v baocao-extract)" 2>/dev/null | grep -q libasan; then
		skip "a sanitized build: valgrind cannot run it"
	fi
	MK="$TESTS/complexity/make-input"
	INSTR="$TESTS/complexity/instr"
}

# growth PROG KIND N EXT: instructions PROG spends on KIND's part at 4N over
# those at N, the report alone subtracted; fails above 5.
growth() {
	local prog=$1 kind=$2 n=$3 ext=${4:-txt} k base i1 i4 in
	for k in 0 "$n" $((4 * n)); do
		in="$BATS_TEST_TMPDIR/$kind-$k.$ext"
		"$MK" "$kind" "$k" "$in"
		case $prog in
		extract) eval "c$k=\$(\"\$INSTR\" baocao-extract \"\$in\")" ;;
		normalize)
			baocao-extract "$in" > "$in.csv"
			eval "c$k=\$(\"\$INSTR\" baocao-normalize \"\$in.csv\")" ;;
		check)
			baocao-extract "$in" | baocao-normalize --scope all \
				> "$in.csv" 2>/dev/null
			eval "c$k=\$(\"\$INSTR\" baocao-check \"\$in.csv\")" ;;
		esac
	done
	base=$c0
	eval "i1=\$((c$n - base)) i4=\$((c$((4 * n)) - base))"
	echo "$prog $kind: +$i1 at $n, +$i4 at $((4 * n))"
	[ "$i1" -gt 0 ]
	[ $((i4 * 10)) -le $((i1 * 50)) ]
}

@test "H2: a line of one-character tokens costs extract linear work" {
	growth extract spaced 2000
}

@test "extract: many figures in one sentence, linear" {
	growth extract figures 500
}

@test "extract: many lines of prose, linear" {
	growth extract lines 500
}

@test "extract: a long line with no figure, linear" {
	growth extract words 4000
}

@test "extract: a table of many rows, linear" {
	growth extract table 200
}

@test "extract: deep brackets, linear" {
	growth extract brackets 500
}

@test "extract: a text a PDF glued and spaced out, repaired in linear work" {
	growth extract glued 300
}

@test "extract: one glued word without end, linear" {
	growth extract gluedword 2000
}

@test "extract: letters spaced out on one line, joined in linear work" {
	growth extract spacedwords 2000
}

@test "extract: a glued .docx paragraph, repaired in linear work" {
	growth extract glued 300 docx
}

@test "extract: a .docx paragraph of one-character tokens, linear" {
	growth extract spaced 2000 docx
}

@test "normalize: many figures in one sentence, linear" {
	growth normalize figures 200
}

@test "check: many figures in one sentence, linear" {
	growth check figures 200
}

@test "check: many lines of figures, linear" {
	growth check lines 200
}
