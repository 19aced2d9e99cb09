#!/usr/bin/env bats
# baocao-normalize: canonical facts from figure mentions.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	HDR='doc,issuer,doc_no,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after'
}

# One mention row: issuer, date, period, before, raw, unit_text, after.
mention() {
	printf '%s\n' "$HDR"
	printf 'd1,%s,,%s,%s,7,II.1,text,,,%s,%s,%s,%s\n' "$@"
}

field() {
	python3 -c "
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(rows[int(sys.argv[1])][sys.argv[2]] if len(rows) > int(sys.argv[1]) else 'NO ROW')" "$1" "$2"
}

@test "a reception figure becomes a canonical fact" {
	run bash -c "$(declare -f mention); HDR='$HDR'; mention 'QUẬN GÒ VẤP' '08 tháng 11 năm 2024' 'năm 2024' 'Ủy ban nhân dân quận đã tiếp ' '1.642' 'lượt công dân' '' | baocao-normalize"
	assert_success
	assert_line --index 0 "doc,reporter_code,reporter_name,province_code,period,indicator,value,unit,scope,qualifier,line,raw,evidence,flags,reading"
	assert_line --index 1 --partial "d1,764,Quận Gò Vấp,79,2024,reception.visits,1642,visit,reporter,exact,7,1.642,Ủy ban nhân dân quận đã tiếp [1.642] lượt công dân,,rule "
}

@test "qualifiers: khoảng is approx, hơn and trên are min, gần and dưới are max" {
	for q in "khoảng:approx" "hơn:min" "trên:min" "gần:max" "dưới:max" "đã:exact"; do
		w=${q%%:*} want=${q#*:}
		run bash -c "$(declare -f mention field); HDR='$HDR'; mention 'QUẬN GÒ VẤP' '08 tháng 11 năm 2024' 'năm 2024' 'Ủy ban nhân dân quận đã tiếp $w ' '200' 'lượt công dân' '' | baocao-normalize | field 0 qualifier"
		assert_output "$want"
	done
}

@test "the reporting unit and period of the four real reports" {
	need_shared
	want=("785,Huyện Bình Chánh,79,2021-01/2021-09" "768,Quận Phú Nhuận,79,2017-Q1"
		"07792,Phường Quảng Minh,24,2024-Q1" "764,Quận Gò Vấp,79,2024")
	i=0
	for f in "$SHARED"/seeds/*.txt; do
		run bash -c "baocao-extract '$f' | baocao-normalize 2>/dev/null | sed -n 2p | cut -d, -f2-5"
		assert_output "${want[$i]}"
		i=$((i + 1))
	done
}

@test "the real reports: precision >= 0.95 and recall >= 0.90 per (doc, indicator)" {
	need_shared
	run "$TESTS/acceptance/normalize-gold" "$SHARED" "${BAOCAO_BUILD:-$ROOT/build}"
	assert_success
	echo "$output" | head -5
	p=$(sed -n 's/^precision: .* = //p' <<< "$output")
	r=$(sed -n 's/^recall: .* = //p' <<< "$output")
	python3 -c "import sys; sys.exit(0 if $p >= 0.95 and $r >= 0.90 else 1)"
}

@test "an analyst adds an indicator with one rule in a copy of the rules file" {
	cp "$ROOT/common/data/lexicon.rules" "$BATS_TEST_TMPDIR/my.rules"
	in="$BATS_TEST_TMPDIR/in.csv"
	bash -c "$(declare -f mention); HDR='$HDR'; mention 'QUẬN GÒ VẤP' '08 tháng 11 năm 2024' 'năm 2024' 'trong năm đã trồng ' '250' 'cây xanh' ''" > "$in"
	run -0 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/my.rules" "$in"
	assert_line --index 0 --partial 'doc,reporter_code,'
	assert_equal "${#lines[@]}" 1
	# The rule goes above the broader ones; a new indicator line first.
	sed -i '0,/^rule /s//indicator trees.planted tree count\nrule trees.planted: noun=cây xanh\nrule /' "$BATS_TEST_TMPDIR/my.rules"
	run bash -c "baocao-normalize --rules '$BATS_TEST_TMPDIR/my.rules' '$in' | sed -n 2p | cut -d, -f6-9"
	assert_output "trees.planted,250,tree,reporter"
}

@test "a rule naming an unknown indicator is an error naming the rules file and line" {
	printf 'indicator a.b visit count\nrule a.c: noun=lượt\n' > "$BATS_TEST_TMPDIR/bad.rules"
	run -2 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/bad.rules" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.rules:2: rule: unknown indicator 'a.c'"
	printf 'indicator a.b visit count\nrule a.b: noun=lượt; scope=sub; scope=reporter\n' > "$BATS_TEST_TMPDIR/bad.rules"
	run -2 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/bad.rules" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.rules:2: rule: 'scope' given twice"
}

@test "two values for one indicator: the text is kept over the appendix total, the conflict flagged and reported with both lines" {
	need_shared
	run --separate-stderr bash -c "baocao-extract '$SHARED'/seeds/000_*.txt | baocao-normalize"
	assert_success
	# named by the report's path and line, where a person opens it
	[[ "$stderr" == *"baocao-normalize: $SHARED/seeds/000_49505388a76722a6.txt:91: indicator works.count: kept 55 (first mention); line 285 says 85"* ]]
	assert_line --partial ",works.count,55,work,reporter,exact,91,55,"
	assert_line --regexp ",works.count,55,.*,conflict,rule "
}

@test "--scope all keeps every mention with its scope; the default one reporter row per indicator" {
	need_shared
	# every mention once, and the zeros a zero line adds beside it
	run bash -c "baocao-extract '$SHARED'/seeds/002_*.txt | baocao-normalize --scope all 2>/dev/null | python3 -c 'import csv, sys; print(1 + sum(not r[\"reading\"].startswith(\"zero \") for r in csv.DictReader(sys.stdin)))'"
	all=$output
	run bash -c "baocao-extract '$SHARED'/seeds/002_*.txt | wc -l"
	assert_equal "$all" "$output"
	run -0 bash -c "set -o pipefail; baocao-extract '$SHARED'/seeds/002_*.txt | baocao-normalize 2>/dev/null | cut -d, -f1,6 | sort | uniq -d"
	assert_output ""
}

@test "--stats accounts for every row: read = written + dropped, and counts something" {
	for f in "$TESTS"/fixtures/reading/dev/*.txt; do
		run --separate-stderr bash -c "baocao-extract '$f' | baocao-normalize --stats 2>&1 >/dev/null | grep -E ': (rows|dropped|conflicting|corrections)'"
		read_=$(sed -n 's/.*rows read: //p' <<< "$output")
		# Every count is printed, and rows were read: an empty report of
		# counts cannot pass.
		[ "$(grep -c '' <<< "$output")" -eq 9 ]
		[ "$read_" -gt 20 ]
		sum=$(sed -n 's/.*\(rows written\|dropped, [a-z ]*\): //p' <<< "$output" | paste -sd+ | bc)
		assert_equal "$sum" "$read_"
	done
}

@test "an ambiguous issuer is left empty with a warning naming the candidates, never guessed" {
	run --separate-stderr bash -c "$(declare -f mention); HDR='$HDR'; mention 'Quảng Minh' 'tháng 3 năm 2024' 'quý I năm 2024' 'đã tiếp ' '5' 'lượt công dân' '' | baocao-normalize"
	assert_success
	assert_equal "$stderr" "baocao-normalize: d1: issuer 'Quảng Minh' is ambiguous on 2024-03-01: 4 units: 06940 Xã Quảng Minh (Huyện Hải Hà, Tỉnh Quảng Ninh); 07792 Phường Quảng Minh (Thị xã Việt Yên, Tỉnh Bắc Giang); 16513 Xã Quảng Minh (Thành phố Sầm Sơn, Tỉnh Thanh Hóa); 19108 Xã Quảng Minh (Thị xã Ba Đồn, Tỉnh Quảng Bình): reporter left empty"
	assert_line --index 1 --partial "d1,,,,2024-Q1,reception.visits,5,"
}

@test "other names in the document settle an ambiguous issuer" {
	printf '%s,places\nd1,Quảng Minh,,tháng 3 năm 2024,quý I năm 2024,7,,text,,,đã tiếp ,5,lượt công dân,,thị xã Việt Yên; tỉnh Bắc Giang\n' "$HDR" > "$BATS_TEST_TMPDIR/in.csv"
	run baocao-normalize "$BATS_TEST_TMPDIR/in.csv"
	assert_line --index 1 --partial "d1,07792,Phường Quảng Minh,24,2024-Q1,"
}

@test "a unit valid then: a 2017 report from Quận 2 resolves to 769, gone since 2021" {
	run bash -c "$(declare -f mention); HDR='$HDR'; mention 'QUẬN 2' '15 tháng 3 năm 2017' 'quý 1 năm 2017' 'đã tiếp ' '5' 'lượt công dân' '' | baocao-normalize | cut -d, -f2-5 | sed -n 2p"
	assert_output "769,Quận 2,79,2017-Q1"
	run --separate-stderr bash -c "$(declare -f mention); HDR='$HDR'; mention 'QUẬN 2' '15 tháng 3 năm 2022' 'quý 1 năm 2022' 'đã tiếp ' '5' 'lượt công dân' '' | baocao-normalize"
	assert_equal "$stderr" "baocao-normalize: d1: issuer 'QUẬN 2' not in the gazetteer on 2022-03-15: reporter left empty"
}

@test "user columns pass through after the output columns" {
	printf '%s,batch\nd1,QUẬN GÒ VẤP,,08 tháng 11 năm 2024,năm 2024,7,,text,,,đã tiếp ,5,lượt công dân,,nightly-7\n' "$HDR" > "$BATS_TEST_TMPDIR/in.csv"
	run baocao-normalize "$BATS_TEST_TMPDIR/in.csv"
	assert_line --index 0 --partial ",evidence,flags,reading,batch"
	assert_line --index 1 --partial ",nightly-7"
}

@test "a missing required column is an error naming it, exit 2" {
	printf 'doc,line\nx,1\n' > "$BATS_TEST_TMPDIR/q1.csv"
	run -2 --separate-stderr baocao-normalize "$BATS_TEST_TMPDIR/q1.csv"
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/q1.csv:1: column 'issuer' missing"
	assert_equal "$output" ""
}

@test "a raw that is not a figure is dropped with a warning naming file and line" {
	printf '%s\nd1,QUẬN GÒ VẤP,,08 tháng 11 năm 2024,năm 2024,7,,text,,,đã tiếp ,1.2.3.4,lượt,\n' "$HDR" > "$BATS_TEST_TMPDIR/in.csv"
	run --separate-stderr baocao-normalize "$BATS_TEST_TMPDIR/in.csv"
	assert_success
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/in.csv:2: raw '1.2.3.4' is not a figure (not a number): dropped"
	assert_equal "${#lines[@]}" 1
}

@test "lexicon errors name the rules file and line: an unnamed value, a fixed class, a bad scope" {
	printf 'indicator a.b visit count\nrule a.b: what=visit\n' > "$BATS_TEST_TMPDIR/bad.rules"
	run -2 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/bad.rules" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.rules:2: rule: 'visit' is not a value of what (a cue line names it)"
	printf 'cue role plans: phấn đấu\n' > "$BATS_TEST_TMPDIR/bad.rules"
	run -2 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/bad.rules" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.rules:1: cue: 'plans' is not a value of role"
	printf 'indicator a.b visit count\nrule a.b: noun=lượt ; scope=everywhere\n' > "$BATS_TEST_TMPDIR/bad.rules"
	run -2 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/bad.rules" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.rules:2: rule: scope 'everywhere' is not sub, reporter, broad, broader or alone"
}

@test "a lexicon without a value the reading relies on is an error naming the file and the value" {
	grep -v '^cue what other:' "$ROOT/common/data/lexicon.rules" > "$BATS_TEST_TMPDIR/nop.rules"
	run -2 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/nop.rules" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/nop.rules: no 'what other' cue line: the reading relies on that value"
	printf 'attribute state: nothing\n' > "$BATS_TEST_TMPDIR/bad.rules"
	run -2 --separate-stderr baocao-normalize --rules "$BATS_TEST_TMPDIR/bad.rules" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.rules:1: attribute: 'nothing' is not a value of state (a cue line names it)"
}

@test "--stats-csv writes the counts for a program to read (stat,count), the same as --stats says; with --docs the reports left out" {
	f=$(ls "$TESTS"/fixtures/reading/dev/*.txt | head -1)
	baocao-extract "$f" > "$BATS_TEST_TMPDIR/m.csv"
	run -0 --separate-stderr baocao-normalize --stats --stats-csv "$BATS_TEST_TMPDIR/s.csv" "$BATS_TEST_TMPDIR/m.csv"
	assert_equal "$(head -1 "$BATS_TEST_TMPDIR/s.csv")" "stat,count"
	read_=$(sed -n 's/^rows_read,//p' "$BATS_TEST_TMPDIR/s.csv")
	[ "$read_" -gt 20 ]
	[[ "$stderr" == *"rows read: $read_"* ]]
	written=$(sed -n 's/^rows_written,//p' "$BATS_TEST_TMPDIR/s.csv")
	assert_equal "$written" "$(($(wc -l <<< "$output") - 1))"
	assert_equal "$(cut -d, -f1 "$BATS_TEST_TMPDIR/s.csv" | paste -sd ' ')" \
		"stat rows_read rows_written dropped_no_indicator dropped_not_reporter dropped_indicator_given dropped_not_a_figure rows_quarantined conflicts corrections_applied corrections_not_applied"
	printf '%s\n' 'doc,path,sha256,issuer,doc_no,doc_date,period_text,title,places,figures,error' \
		'a,r/a.txt,a1,QUẬN 1,1/BC-UBND,5 tháng 4 năm 2025,quý I năm 2025,BÁO CÁO,,5,' \
		'f,r/f.txt,,,,,,,,0,r/f.txt: Permission denied' > "$BATS_TEST_TMPDIR/d.csv"
	run -0 baocao-normalize --docs --stats-csv "$BATS_TEST_TMPDIR/s.csv" "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/s.csv")" "stat,count
reports_left_out,1
corrections_not_applied,0
files,2"
}

@test "an input column named as an output one is refused, the message naming that column" {
	for c in unit tier chosen; do
		run -2 --separate-stderr baocao-normalize < <(printf '%s,%s\nd1,UBND QUẬN 1,,,,7,II.1,text,,,đã tiếp,12,lượt,,x\n' "$HDR" "$c")
		assert_equal "$stderr" "baocao-normalize: input column '$c' would clash with an output column"
		assert_output ""
	done
}
