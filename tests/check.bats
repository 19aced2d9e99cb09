#!/usr/bin/env bats
# baocao-check: planted inconsistencies are found, clean reports pass, and
# the real reports give exactly the hand-checked findings.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	FIX="$TESTS/fixtures/check"
}

facts() {
	baocao-extract "$1" | baocao-normalize --scope all 2>/dev/null
}

@test "every planted inconsistency is found, on its line, by its rule, and nothing else" {
	facts "$FIX/planted.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	got=$(printf '%s\n' "$output" | tail -n +2 | cut -d, -f2,3)
	want=$(grep -v '^#' "$FIX/planted.expected")
	assert_equal "$got" "$want"
}

@test "the planted findings carry the arithmetic: expected and actual" {
	facts "$FIX/planted.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	assert_line --partial "planted,16,percent-vs-fraction,,75.00,80,"
	assert_line --partial "planted,20,parts-vs-whole,staff_reduction,40,45,parts: 05 + 30 + 10 = 45 > 40"
	assert_line --partial "planted,24,fraction-base,petitions.denunciations,300,310,"
	assert_line --partial "planted,26,parts-vs-whole,petitions.resolved,90,85,complete breakdown"
	assert_line --partial "planted,28,numerator-over-denominator,,48,52,"
	assert_line --partial "planted,32,restatement,works.households,100,110,"
	assert_line --partial "planted,40,restatement,petitions.in_scope,300,310,stated as 300 at line 24"
	assert_line --partial "planted,48,table-total,works.households,95,100,"
}

@test "a clean report (rounded and cut rates, nested and complete breakdowns) has no finding: exit 0" {
	facts "$FIX/clean.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -0 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	assert_output "doc,line,rule,indicator,expected,actual,detail"
}

@test "the clean report's rates are checked, not skipped: one changed digit is found" {
	sed 's/đạt tỷ lệ 77,5%/đạt tỷ lệ 75,5%/; s/(chiếm 78%)/(chiếm 80%)/; s/tỷ lệ 67%/tỷ lệ 76%/' \
		"$FIX/clean.txt" > "$BATS_TEST_TMPDIR/clean.txt"
	facts "$BATS_TEST_TMPDIR/clean.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	assert_line --partial "clean,22,percent-vs-fraction,petitions.resolved_rate,66.67,76,"
	assert_line --partial "clean,30,percent-vs-fraction,dossiers.online_rate,77.59,75.5,"
	assert_line --partial "clean,32,percent-vs-fraction,dossiers.online_rate,77.68,80,"
}

@test "the real reports: exactly the hand-checked inconsistencies, no false alarm" {
	need_shared
	run "$TESTS/acceptance/check-seeds" "$SHARED" "${BAOCAO_BUILD:-$ROOT/build}"
	assert_success
	assert_line "findings: 9; on the hand-checked list: 9 of 9; not on it: 0"
}

@test "-r (--only) runs only the named rules; an unknown rule is a usage error; --rules names the lexicon" {
	facts "$FIX/planted.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check -r table-total,fraction-base "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$(printf '%s\n' "$output" | tail -n +2 | cut -d, -f3 | sort -u | tr '\n' ' ')" \
		"fraction-base table-total "
	run -1 --separate-stderr baocao-check --only table-total,fraction-base "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$(printf '%s\n' "$output" | tail -n +2 | cut -d, -f3 | sort -u | tr '\n' ' ')" \
		"fraction-base table-total "
	run -2 --separate-stderr baocao-check -r sums "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$stderr" "baocao-check: option '--only': unknown rule in 'sums' (rules: percent-vs-fraction, numerator-over-denominator, parts-vs-whole, table-total, restatement, fraction-base)"
	run -2 --separate-stderr baocao-check --rules table-total "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$stderr" "baocao-check: option '--rules' names the lexicon file; 'table-total' are checks: use --only"
	run -1 --separate-stderr baocao-check --rules "$ROOT/common/data/lexicon.rules" "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$stderr" ""
	assert_line --partial "planted,20,parts-vs-whole"
}

@test "normalize's default output (no context columns) is refused with the way out" {
	set -o pipefail
	baocao-extract "$FIX/planted.txt" | baocao-normalize 2>/dev/null > "$BATS_TEST_TMPDIR/f.csv"
	run -2 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$stderr" "baocao-check: $BATS_TEST_TMPDIR/f.csv:1: column 'before' missing: baocao-check reads 'baocao-normalize --scope all' output"
	assert_output ""
}

@test "--stats accounts for every row; empty input is no finding" {
	facts "$FIX/planted.txt" > "$BATS_TEST_TMPDIR/f.csv"
	rows=$(($(wc -l < "$BATS_TEST_TMPDIR/f.csv") - 1))
	run -1 --separate-stderr baocao-check --stats "$BATS_TEST_TMPDIR/f.csv"
	[[ "$stderr" == *"baocao-check: rows read: $rows"* ]]
	[[ "$stderr" == *"baocao-check: findings parts-vs-whole: 2"* ]]
	run -0 baocao-check /dev/null
	assert_output "doc,line,rule,indicator,expected,actual,detail"
}

@test "corrections are normalize's: a corrected figure is checked with its corrected value, a dropped one not at all" {
	facts "$FIX/planted.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	assert_line --partial "planted,16,percent-vs-fraction"
	assert_line --partial "planted,28,numerator-over-denominator"
	printf 'report,line,raw,value,indicator\nplanted,16,80%%,75,\nplanted,28,52/48,,drop\n' > "$BATS_TEST_TMPDIR/c.csv"
	baocao-extract "$FIX/planted.txt" |
		baocao-normalize --scope all --corrections "$BATS_TEST_TMPDIR/c.csv" > "$BATS_TEST_TMPDIR/g.csv"
	run -1 --separate-stderr baocao-check --stats "$BATS_TEST_TMPDIR/g.csv"
	refute_line --partial "planted,16,percent-vs-fraction"
	refute_line --partial "planted,28,numerator-over-denominator"
	assert_line --partial "planted,20,parts-vs-whole"
	[[ "$stderr" == *"baocao-check: rows dropped by a correction: 1"* ]]
	# check applies none itself
	run -2 --separate-stderr baocao-check --corrections "$BATS_TEST_TMPDIR/c.csv" "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$stderr" "baocao-check: option '--corrections': corrections are applied by baocao-normalize --corrections, whose output baocao-check reads"
}

@test "the fixture reports written for the reading: every planted inconsistency found, no false alarm" {
	run "$TESTS/acceptance/check-planted" -b "${BAOCAO_BUILD:-$ROOT/build}" "$TESTS/fixtures/reading/dev"
	assert_success
	assert_line "planted found: 6 of 6; false alarms: 0 in 5 reports"
}

@test "a restatement is said in the same words: the last four before the figure, and its noun phrase after" {
	printf '%s\n\n' 'BÁO CÁO' \
		'Trong quý, Chủ tịch Ủy ban phường đã tiếp 40 lượt công dân.' \
		'Còn Phó Chủ tịch phường đã tiếp 12 lượt công dân.' \
		'Như đã nêu, Chủ tịch Ủy ban phường đã tiếp 45 lượt công dân.' > "$BATS_TEST_TMPDIR/r.txt"
	facts "$BATS_TEST_TMPDIR/r.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	# line 5 shares three words only ("phường đã tiếp"): another person
	assert_output "doc,line,rule,indicator,expected,actual,detail
r,7,restatement,reception.leader_visits,40,45,stated as 40 at line 3 and as 45 here"
}

@test "like with like: a zero in words, parts of another noun, which-and-what-was-done lists, fractions over their own base, two officials, two headings are no findings; a true overrun is" {
	facts "$FIX/unlike.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	assert_equal "$stderr" ""
	assert_output "doc,line,rule,indicator,expected,actual,detail
unlike,17,parts-vs-whole,petitions.received,26,27,complete breakdown: 14 + 13 = 27 > 26 (line 17)"
}

@test "a rate whose base is named in words is checked against the document's figure of that base, on another line" {
	printf '%s\n\n' 'BÁO CÁO' 'Trong quý, bộ phận một cửa của phường đã tiếp nhận 2.400 hồ sơ.' \
		'Hồ sơ nhận trực tuyến đạt 1.200 hồ sơ, bằng 60% trên tổng số hồ sơ đã tiếp nhận.' \
		'Hồ sơ giải quyết xong là 2.000 hồ sơ, bằng 83,3% trên tổng số hồ sơ.' > "$BATS_TEST_TMPDIR/r.txt"
	facts "$BATS_TEST_TMPDIR/r.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run -1 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	# 1.200 / 2.400 is 50%, not 60%; 2.000 / 2.400 is 83,3%
	assert_output "doc,line,rule,indicator,expected,actual,detail
r,5,percent-vs-fraction,dossiers.online_rate,50.00,60,60% stated; 1200 / 2400 = 50.00% (1.200 of 2.400 at line 3)"
}

@test "an appendix's title is the heading of its table: a table of part of the year is no restatement of the year's figure" {
	baocao-extract "$FIX/appendix.txt" > "$BATS_TEST_TMPDIR/m.csv"
	run -0 awk -F, '$6 == 18 { print $NF }' "$BATS_TEST_TMPDIR/m.csv"
	assert_output "CÁC CÔNG TRÌNH LÀM TỪ NGÀY 01/7/2025 ĐẾN NGÀY 30/11/2025"
	baocao-normalize --scope all "$BATS_TEST_TMPDIR/m.csv" > "$BATS_TEST_TMPDIR/f.csv"
	# the text's 410 is the year's and stays the reporter's; 200 is the
	# table's total of a part of it, no conflict
	run -0 python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["indicator"] == "works.households":
        print(r["value"], r["scope"], r["flags"], r["time"])' "$BATS_TEST_TMPDIR/f.csv"
	assert_output "410 reporter  whole
120 table-row  part
80 table-row  part
200 table-total  part"
	run -0 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/f.csv"
	assert_output "doc,line,rule,indicator,expected,actual,detail"
}
