#!/usr/bin/env bats
# The jobs: city-summary, compare-periods, check-totals, chart, on a
# generated corpus whose true figures are known.

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	export CORPUS="$BATS_FILE_TMPDIR/corpus"
	baocao-gen -f -p 12 -y 2023 -s 99 -m 10 "$CORPUS"
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "end to end: the city table equals the truth aggregated independently (zero differences)" {
	city-summary -o "$BATS_TEST_TMPDIR/city.csv" "$CORPUS"
	"$TESTS/city_truth" "$CORPUS/truth.csv" > "$BATS_TEST_TMPDIR/truth-city.csv"
	run baocao-diff -k province_code,period,indicator,unit "$BATS_TEST_TMPDIR/truth-city.csv" "$BATS_TEST_TMPDIR/city.csv"
	assert_success
	assert_output "province_code,period,indicator,unit,column,old,new,delta,pct,status"
	# and the table is not trivially empty
	[ "$(wc -l < "$BATS_TEST_TMPDIR/city.csv")" -gt 200 ]
}

@test "-j 2 under GNU parallel is byte-identical to -j 1" {
	city-summary "$CORPUS" > "$BATS_TEST_TMPDIR/j1.csv"
	city-summary -j 2 "$CORPUS" > "$BATS_TEST_TMPDIR/j2.csv"
	cmp "$BATS_TEST_TMPDIR/j1.csv" "$BATS_TEST_TMPDIR/j2.csv"
	city-summary -j 7 "$CORPUS" > "$BATS_TEST_TMPDIR/j7.csv"
	cmp "$BATS_TEST_TMPDIR/j1.csv" "$BATS_TEST_TMPDIR/j7.csv"
}

@test "city-summary -c runs the check along: findings per report on stderr, the table unchanged" {
	cp "$TESTS/fixtures/check/planted.txt" "$TESTS/fixtures/check/clean.txt" "$BATS_TEST_TMPDIR/"
	city-summary "$BATS_TEST_TMPDIR/planted.txt" "$BATS_TEST_TMPDIR/clean.txt" \
		> "$BATS_TEST_TMPDIR/plain.csv" 2>/dev/null
	run -0 --separate-stderr city-summary -j 2 -c "$BATS_TEST_TMPDIR/findings.csv" \
		"$BATS_TEST_TMPDIR/planted.txt" "$BATS_TEST_TMPDIR/clean.txt"
	assert_equal "$output" "$(cat "$BATS_TEST_TMPDIR/plain.csv")"
	[[ "$stderr" == *"city-summary: check: planted: findings: 9"* ]]
	[[ "$stderr" == *"city-summary: check: findings: 9 in 2 reports"* ]]
	[[ "$stderr" != *"check: clean:"* ]]
	assert_equal "$(head -1 "$BATS_TEST_TMPDIR/findings.csv")" "doc,line,rule,indicator,expected,actual,detail"
	assert_equal "$(wc -l < "$BATS_TEST_TMPDIR/findings.csv")" 10
}

@test "file names with spaces, files and directories mixed" {
	mkdir -p "$BATS_TEST_TMPDIR/a dir"
	two=("$CORPUS"/*_2023-Q1.txt)
	cp "${two[0]}" "$BATS_TEST_TMPDIR/a dir/Gò Vấp quý 1.txt"
	cp "${two[1]}" "$BATS_TEST_TMPDIR/Bình Chánh q1.txt"
	run city-summary -j 2 "$BATS_TEST_TMPDIR/a dir" "$BATS_TEST_TMPDIR/Bình Chánh q1.txt"
	assert_success
	assert_line --partial "79,2023-Q1,reception.visits,visit,"
	assert_line --regexp "79,2023-Q1,reception.visits,visit,[0-9]+,2,2,.*,2,22$"
}

@test "-o is atomic: a failed run leaves the old output whole" {
	echo "old table" > "$BATS_TEST_TMPDIR/city.csv"
	one=("$CORPUS"/*_2023-Q1.txt)
	# A province code that is none stops the run after the reports are read.
	run -2 city-summary -p 7 -o "$BATS_TEST_TMPDIR/city.csv" "${one[0]}"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/city.csv")" "old table"
	run -2 city-summary -j 2 -p 7 -o "$BATS_TEST_TMPDIR/city.csv" "${one[@]}"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/city.csv")" "old table"
	ls -A "$BATS_TEST_TMPDIR" | { ! grep -q '^\.city\.csv\.'; }
}

@test "a missing report or an empty directory is an error" {
	run -2 --separate-stderr city-summary "$BATS_TEST_TMPDIR/nope"
	assert_equal "$stderr" "city-summary: cannot read '$BATS_TEST_TMPDIR/nope': No such file or directory"
	mkdir "$BATS_TEST_TMPDIR/empty"
	run -2 --separate-stderr city-summary "$BATS_TEST_TMPDIR/empty"
	assert_equal "$stderr" "city-summary: no reports (*.txt, *.txt.gz) in $BATS_TEST_TMPDIR/empty"
}

@test "compare-periods: two periods of one table, aligned; exit 1 on differences" {
	city-summary -o "$BATS_TEST_TMPDIR/city.csv" "$CORPUS"
	run -1 compare-periods -f "$BATS_TEST_TMPDIR/city.csv" 2023 2024
	assert_line --index 0 --regexp '^province_code +indicator +unit +column +old +new +delta +pct +status$'
	assert_line --regexp '^79 +reception.visits +visit +sum_value +[0-9]+ +[0-9]+ +-?[0-9]+ +-?[0-9.]+ +changed$'
	run -0 compare-periods "$BATS_TEST_TMPDIR/city.csv" "$BATS_TEST_TMPDIR/city.csv"
	run -2 compare-periods -f "$BATS_TEST_TMPDIR/city.csv" 2023 1999
}

@test "check-totals: a table that adds up passes; a planted wrong total is found" {
	run -0 check-totals "$CORPUS/764_2023-Q1.txt"
	sed 's/^Tổng cộng\t\t\([0-9]*\)\t/Tổng cộng\t\t999\t/' "$CORPUS/764_2023-Q1.txt" > "$BATS_TEST_TMPDIR/bad.txt"
	run -1 check-totals "$BATS_TEST_TMPDIR/bad.txt"
	assert_line --regexp '^bad,works.count,work,sum_value,999,[0-9]+,-[0-9]+,-[0-9.]+,changed$'
}

@test "chart writes a PNG and an SVG labelled in Vietnamese" {
	command -v gnuplot || skip "no gnuplot"
	baocao-extract "$CORPUS"/*_2023-Q1.txt | baocao-normalize > "$BATS_TEST_TMPDIR/f.csv"
	run chart -i reception.visits -p 2023-Q1 -o "$BATS_TEST_TMPDIR/c" "$BATS_TEST_TMPDIR/f.csv"
	assert_success
	assert_file_exists "$BATS_TEST_TMPDIR/c.png"
	run file "$BATS_TEST_TMPDIR/c.png"
	assert_output --partial "PNG image data"
	run grep -c "Quận Gò Vấp" "$BATS_TEST_TMPDIR/c.svg"
	[ "$output" -ge 1 ]
	grep -q "Lượt tiếp công dân" "$BATS_TEST_TMPDIR/c.svg"
}

@test "the pipeline scripts are shellcheck-clean" {
	command -v shellcheck || skip "no shellcheck"
	run shellcheck "$ROOT"/pipelines/city-summary "$ROOT"/pipelines/compare-periods \
		"$ROOT"/pipelines/check-totals "$ROOT"/pipelines/chart "$ROOT"/pipelines/demo
	assert_success
}
