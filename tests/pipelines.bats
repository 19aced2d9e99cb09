#!/usr/bin/env bats
# The jobs: city-summary, compare-periods, check-totals, chart, on a
# generated corpus whose true figures are known.

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	export CORPUS="$BATS_FILE_TMPDIR/corpus"
	baocao-gen -f -p 12 -y 2023 -s 99 -m 10 "$CORPUS"
	# Districts that send different kinds of reports (-K): four quarters;
	# quarter I, 6, 9 months and the year; the year; 9 months and the
	# year; all six; and some reports late (-m 8).
	export KINDS="$BATS_FILE_TMPDIR/kinds"
	baocao-gen -K -f -p 12 -y 2023 -s 7 -m 8 "$KINDS"
	# their facts and city table, read by several tests
	baocao-extract "$KINDS"/*.txt | baocao-normalize 2>/dev/null > "$BATS_FILE_TMPDIR/kinds-facts.csv"
	city-summary -o "$BATS_FILE_TMPDIR/kinds-city.csv" "$KINDS"
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

@test "-j 2 is byte-identical to -j 1" {
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
	run -0 --separate-stderr city-summary -v -j 2 -c "$BATS_TEST_TMPDIR/findings.csv" \
		"$BATS_TEST_TMPDIR/planted.txt" "$BATS_TEST_TMPDIR/clean.txt"
	assert_equal "$output" "$(cat "$BATS_TEST_TMPDIR/plain.csv")"
	[[ "$stderr" == *"city-summary: check: planted: findings: 9"* ]]
	[[ "$stderr" == *"city-summary: check: findings: 9 in 2 reports"* ]]
	[[ "$stderr" != *"check: clean:"* ]]
	assert_equal "$(head -1 "$BATS_TEST_TMPDIR/findings.csv")" "doc,line,rule,indicator,expected,actual,detail"
	assert_equal "$(wc -l < "$BATS_TEST_TMPDIR/findings.csv")" 10
	# without -v, the count only
	run -0 --separate-stderr city-summary -c "$BATS_TEST_TMPDIR/findings.csv" \
		"$BATS_TEST_TMPDIR/planted.txt" "$BATS_TEST_TMPDIR/clean.txt"
	[[ "$stderr" != *"check: planted:"* ]]
	[[ "$stderr" == *"city-summary: check: findings: 9 in 2 reports"* ]]
}

@test "file names with spaces, files and directories mixed" {
	mkdir -p "$BATS_TEST_TMPDIR/a dir"
	two=("$CORPUS"/*_2023-Q1.txt)
	cp "${two[0]}" "$BATS_TEST_TMPDIR/a dir/Gò Vấp quý 1.txt"
	cp "${two[1]}" "$BATS_TEST_TMPDIR/Bình Chánh q1.txt"
	run city-summary -j 2 "$BATS_TEST_TMPDIR/a dir" "$BATS_TEST_TMPDIR/Bình Chánh q1.txt"
	assert_success
	assert_line --partial "79,2023-Q1,reception.visits,visit,"
	assert_line --regexp "^79,2023-Q1,reception.visits,visit,[0-9]+,2,2,([0-9.]*,){3}2,22,[0-9]+,sum,,,,"
}

@test "city-summary run from the source tree finds the filters make built beside it; without them it says what to do" {
	# a source tree of its own: the script, and build/ with the filters
	mkdir -p "$BATS_TEST_TMPDIR/tree/pipelines" "$BATS_TEST_TMPDIR/tree/build" "$BATS_TEST_TMPDIR/r"
	cp "$ROOT/pipelines/city-summary" "$ROOT/pipelines/messages.sh" "$BATS_TEST_TMPDIR/tree/pipelines/"
	cp "$ROOT/pipelines/samples/760_2024-Q1.txt" "$BATS_TEST_TMPDIR/r/"
	# a PATH with bash and the tools, but no baocao-*
	mkdir "$BATS_TEST_TMPDIR/bin"
	for t in bash awk sed grep sort cat mktemp realpath dirname basename stat xargs tail cut find rm mkdir mv ln chmod cp ls head wc tr paste env id; do
		ln -s "$(command -v "$t")" "$BATS_TEST_TMPDIR/bin/$t"
	done
	run -2 --separate-stderr env PATH="$BATS_TEST_TMPDIR/bin" "$BATS_TEST_TMPDIR/tree/pipelines/city-summary" -p 79 "$BATS_TEST_TMPDIR/r"
	assert_equal "$stderr" "city-summary: baocao-extract is not on PATH: run 'make install', or 'make' and run city-summary from the source tree"
	assert_output ""
	for f in "$BAOCAO_BUILD"/baocao-*; do ln -s "$f" "$BATS_TEST_TMPDIR/tree/build/"; done
	run -0 --separate-stderr env PATH="$BATS_TEST_TMPDIR/bin" "$BATS_TEST_TMPDIR/tree/pipelines/city-summary" -p 79 "$BATS_TEST_TMPDIR/r"
	assert_line --index 0 --partial "province_code,period,indicator,unit,"
	[ "${#lines[@]}" -gt 5 ]
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
	assert_equal "$stderr" "city-summary: no files in $BATS_TEST_TMPDIR/empty"
}

@test "districts sending different period kinds: derived years and quarters equal the generator's truth exactly, each marked" {
	baocao-aggregate --units "$BATS_FILE_TMPDIR/kinds-facts.csv" > "$BATS_TEST_TMPDIR/units.csv"
	# every unit's figure, stated or derived, against the truth: same set,
	# same values, same flags
	run python3 - "$KINDS/truth.csv" "$BATS_TEST_TMPDIR/units.csv" <<-'PY'
	import csv, sys
	from decimal import Decimal
	def load(path):
	    return {(r["reporter_code"], r["period"], r["indicator"]):
	            (Decimal(r["value"]) if r["value"] else None, r["flags"])
	            for r in csv.DictReader(open(path, encoding="utf-8"))}
	truth, got = load(sys.argv[1]), load(sys.argv[2])
	bad = [f"{k}: truth {truth.get(k)}, got {got.get(k)}" for k in truth.keys() | got.keys()
	       if truth.get(k) != got.get(k)]
	derived = [k for k, v in truth.items() if v[1] == "derived"]
	kinds = {p.split("-")[-1] if "-" in p else "year" for _, p, _ in derived}
	print("\n".join(bad[:10]) or f"ok {len(truth)} figures, {len(derived)} derived: {' '.join(sorted(kinds))}")
	sys.exit(1 if bad else 0)
	PY
	assert_success
	# years, 9 months, halves and every quarter among them
	assert_output --regexp '^ok [0-9]+ figures, [0-9]+ derived: 09 H1 H2 Q2 Q3 Q4 year$'
	# 760 sends only quarters: its years are derived; 764 sends only years:
	# nothing of it is derived
	grep -q '^79,2023,reception.visits,visit,760,[0-9]*,derived$' "$BATS_TEST_TMPDIR/units.csv"
	run grep -c ',764,[0-9.]*,derived$' "$BATS_TEST_TMPDIR/units.csv"
	assert_output 0
}

@test "the city table of mixed period kinds: coverage per derived period, rates from summed parts, byte for byte the truth's" {
	cp "$BATS_FILE_TMPDIR/kinds-city.csv" "$BATS_TEST_TMPDIR/city.csv"
	"$TESTS/city_truth" "$KINDS/truth.csv" > "$BATS_TEST_TMPDIR/truth-city.csv"
	# the same bytes: the same coverage and missing units for every derived
	# period, and every city rate recomputed from its parts with the same
	# rounding (2 decimals, half away from zero, both written)
	run cmp "$BATS_TEST_TMPDIR/truth-city.csv" "$BATS_TEST_TMPDIR/city.csv"
	assert_success
	run grep -c ',derived,' "$BATS_TEST_TMPDIR/city.csv"
	[ "$output" -gt 40 ]
	run grep -E '^79,2024,dossiers.online_rate,percent,' "$BATS_TEST_TMPDIR/city.csv"
	assert_output --regexp ',[0-9]+\.[0-9]{2},ratio,dossiers.online,dossiers.received,'
	# a rate without parts has no city figure, never a sum or a mean
	run grep -E '^79,2024,satisfaction.rate,percent,' "$BATS_TEST_TMPDIR/city.csv"
	assert_output --regexp '^79,2024,satisfaction.rate,percent,,[0-9]+,[0-9]+,[0-9.]+,[0-9.]+,,[0-9]+,22,,per-unit,,,,'
}

@test "compare-periods -a on two generated years' city tables: one line per indicator, and a warning when one side lacks a district" {
	baocao-gen -K -p 12 -y 2023 -s 5 "$BATS_TEST_TMPDIR/c" > /dev/null
	mkdir "$BATS_TEST_TMPDIR/y23" "$BATS_TEST_TMPDIR/y24"
	mv "$BATS_TEST_TMPDIR"/c/*_2023*.txt "$BATS_TEST_TMPDIR/y23/"
	mv "$BATS_TEST_TMPDIR"/c/*_2024*.txt "$BATS_TEST_TMPDIR/y24/"
	rm "$BATS_TEST_TMPDIR"/y24/787_*	# Cần Giờ is late with 2024
	city-summary -o "$BATS_TEST_TMPDIR/city-2023.csv" "$BATS_TEST_TMPDIR/y23"
	city-summary -o "$BATS_TEST_TMPDIR/city-2024.csv" "$BATS_TEST_TMPDIR/y24"
	run -1 --separate-stderr compare-periods -a "$BATS_TEST_TMPDIR/city-2023.csv" "$BATS_TEST_TMPDIR/city-2024.csv"
	# one line per indicator of the two years, a title and a header
	n=$(cat "$BATS_TEST_TMPDIR"/city-202[34].csv | awk -F, '$2 ~ /^202[34]$/ { print $3 }' | sort -u | wc -l)
	assert_equal "${#lines[@]}" "$((n + 2))"
	assert_line --index 0 "2023 → 2024: tất cả các đơn vị có báo cáo trong từng kỳ"
	assert_line --index 1 --regexp '^chỉ tiêu +đơn vị tính +2023 +2024 +thay đổi +% +bao phủ 2023 +bao phủ 2024$'
	# the visits of the truth, summed by hand: all 22 in 2023, 21 in 2024
	# (written with a dot between thousands)
	old=$(awk -F, '$4 == "2023" && $5 == "reception.visits" { s += $6 } END { print s }' "$BATS_TEST_TMPDIR/c/truth.csv")
	new=$(awk -F, '$4 == "2024" && $5 == "reception.visits" && $2 != "787" { s += $6 } END { print s }' "$BATS_TEST_TMPDIR/c/truth.csv")
	th() { echo "$1" | sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\($\|\.\)/\1.\2\3/; ta'; }
	assert_line --regexp "^Lượt tiếp công dân +lượt +$(th "$old") +$(th "$new") +[-+][0-9.]+ +[-+][0-9]+,[0-9]{2}% +22/22 +21/22"
	assert_equal "$stderr" "compare-periods: warning: $n indicators do not cover as many units in 2023 as in 2024: part of their change is who reported"
	# one table, two quarters of one kind; a year and a quarter do not compare
	cat "$BATS_TEST_TMPDIR/city-2023.csv" > "$BATS_TEST_TMPDIR/both.csv"
	tail -n +2 "$BATS_TEST_TMPDIR/city-2024.csv" >> "$BATS_TEST_TMPDIR/both.csv"
	run -1 --separate-stderr compare-periods -a -c -f "$BATS_TEST_TMPDIR/both.csv" 2023-Q1 2024-Q1
	assert_line --index 0 "province_code,indicator,unit,label,unit_label,old,new,delta,pct,old_coverage,new_coverage,coverage_differs,units,marked"
	# quarter I: only the 14 districts that send it or its parts (by their
	# place in the list: 5 send quarters, 5 quarter I and more, 4 all six)
	assert_line --regexp '^79,reception.visits,visit,Lượt tiếp công dân,lượt,[0-9]+,[0-9]+,-?[0-9]+,-?[0-9.]+,14/22,13/22,1,all,[01]$'
	run -2 --separate-stderr compare-periods -a -f "$BATS_TEST_TMPDIR/both.csv" 2023 2024-Q1
	assert_equal "$stderr" "compare-periods: '2023' is a year and '2024-Q1' a quarter: compare periods of one kind"
	run -0 compare-periods -a "$BATS_TEST_TMPDIR/city-2024.csv" "$BATS_TEST_TMPDIR/city-2024.csv"
	run -2 --separate-stderr compare-periods -a -f "$BATS_TEST_TMPDIR/both.csv" 2023 1999
	assert_equal "$stderr" "compare-periods: $BATS_TEST_TMPDIR/both.csv: no rows for period '1999'"
}

@test "city-summary -x writes the workbook, --bom the byte-order mark, --rules an edited lexicon" {
	cp -r "$KINDS" "$BATS_TEST_TMPDIR/r"
	rm "$BATS_TEST_TMPDIR"/r/*_2023*
	city-summary -o "$BATS_TEST_TMPDIR/plain.csv" "$BATS_TEST_TMPDIR/r"
	run -0 city-summary --bom -x "$BATS_TEST_TMPDIR/book.xlsx" -o "$BATS_TEST_TMPDIR/bom.csv" "$BATS_TEST_TMPDIR/r"
	run file "$BATS_TEST_TMPDIR/book.xlsx"
	assert_output --partial "Microsoft Excel 2007+"
	run cmp <(printf '\357\273\277'; cat "$BATS_TEST_TMPDIR/plain.csv") "$BATS_TEST_TMPDIR/bom.csv"
	assert_success
	# an edited lexicon: no rate line, so the online share has no city figure
	grep -v '^rate dossiers.online_rate' "$ROOT/common/data/lexicon.rules" > "$BATS_TEST_TMPDIR/my.rules"
	run -0 city-summary --rules "$BATS_TEST_TMPDIR/my.rules" "$BATS_TEST_TMPDIR/r"
	assert_line --regexp '^79,2024,dossiers.online_rate,percent,,[0-9]+,[0-9]+,[0-9.]+,[0-9.]+,,[0-9]+,22,,per-unit,,,,'
	run -0 city-summary -j 2 --rules="$BATS_TEST_TMPDIR/my.rules" "$BATS_TEST_TMPDIR/r"
	assert_line --regexp '^79,2024,dossiers.online_rate,percent,.*,per-unit,,,,'
	run -2 --separate-stderr city-summary --rules "$BATS_TEST_TMPDIR/nope" "$BATS_TEST_TMPDIR/r"
	assert_equal "$stderr" "city-summary: cannot read '$BATS_TEST_TMPDIR/nope': No such file or directory"
}

@test "city-summary --corrections: the analyst's fix reaches the city table, with -j 1 and -j 2" {
	baocao-gen -p 1 -y 2024 -s 3 "$BATS_TEST_TMPDIR/r" > /dev/null
	rm "$BATS_TEST_TMPDIR/r/truth.csv"
	city-summary -o "$BATS_TEST_TMPDIR/plain.csv" "$BATS_TEST_TMPDIR/r"
	# the report's own reading of the visits: its line and the figure
	fact=$(baocao-extract --root "$BATS_TEST_TMPDIR/r" "$BATS_TEST_TMPDIR/r/760_2024-Q1.txt" |
		baocao-normalize | awk -F, '$6 == "reception.visits" { print $11 "," $12 "," $7 }')
	IFS=, read -r line raw value <<< "$fact"
	[ -n "$line" ] && [ -n "$raw" ]
	printf 'report,line,raw,indicator,value,scope\n760_2024-Q1,%s,%s,,%s,\n' \
		"$line" "$raw" "$((value + 1000))" > "$BATS_TEST_TMPDIR/fixes.csv"
	for j in 1 2; do
		run -0 --separate-stderr city-summary -j $j --corrections "$BATS_TEST_TMPDIR/fixes.csv" \
			-c "$BATS_TEST_TMPDIR/findings.csv" "$BATS_TEST_TMPDIR/r"
		old=$(awk -F, '$2 == "2024-Q1" && $3 == "reception.visits" { print $5 }' "$BATS_TEST_TMPDIR/plain.csv")
		new=$(printf '%s\n' "$output" | awk -F, '$2 == "2024-Q1" && $3 == "reception.visits" { print $5 }')
		assert_equal "$new" "$((old + 1000))"
	done
	run -2 --separate-stderr city-summary --corrections "$BATS_TEST_TMPDIR/nope.csv" "$BATS_TEST_TMPDIR/r"
	assert_equal "$stderr" "city-summary: cannot read '$BATS_TEST_TMPDIR/nope.csv': No such file or directory"
}

@test "city-summary names a figure to check by the report's path as given and its line, -j 1 and -j 2 alike" {
	cd "$BATS_TEST_TMPDIR"
	baocao-gen -p 1 -y 2024 -s 3 r > /dev/null
	rm r/truth.csv
	printf '\nỦy ban nhân dân đã tiếp 7 lượt công dân trong kỳ.\n' >> r/760_2024-Q1.txt
	line=$(grep -c '' r/760_2024-Q1.txt)
	for j in 1 2; do
		run -0 --separate-stderr city-summary -j $j -o c$j.csv r
		[[ "$stderr" == *"city-summary: 1 figure stated twice in one report with different values: the first is summed, flagged 'conflict' (-v names it)"* ]]
		[[ "$stderr" != *"says 7"* ]]
		run -0 --separate-stderr city-summary -v -j $j -o c$j.csv r
		[[ "$stderr" == *"baocao-normalize: r/760_2024-Q1.txt:"*": indicator reception.visits: kept "*"; line $line says 7"* ]]
	done
	cmp c1.csv c2.csv
}

@test "-o and -x to what is not a regular file (a pipe, /dev/null) write to it and never replace it" {
	cd "$BATS_TEST_TMPDIR"
	baocao-gen -p 1 -y 2024 -s 3 r > /dev/null
	rm r/truth.csv
	city-summary -o plain.csv r 2> /dev/null
	mkfifo table book
	timeout 60 cat table > got.csv &
	timeout 60 cat book > got.xlsx &
	run -0 --separate-stderr city-summary -o table -x book r
	wait
	[ -p table ] && [ -p book ]
	cmp plain.csv got.csv
	run file got.xlsx
	assert_output --partial "Microsoft Excel 2007+"
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

@test "chart: one period per chart, units in natural order, derived ones marked, rates never summed, a series of one kind" {
	command -v gnuplot || skip "no gnuplot"
	cp "$BATS_FILE_TMPDIR/kinds-facts.csv" "$BATS_TEST_TMPDIR/f.csv"
	run -2 --separate-stderr chart -i reception.visits -o "$BATS_TEST_TMPDIR/c" "$BATS_TEST_TMPDIR/f.csv"
	[[ "$stderr" == "chart: 'reception.visits' has figures for several periods (2023 2023-01/2023-09 "*"): choose one with -p" ]]
	run -0 chart -i reception.visits -p 2024 -o "$BATS_TEST_TMPDIR/c" "$BATS_TEST_TMPDIR/f.csv"
	# the tick labels in the order drawn
	ticks=$(grep -o '<tspan[^>]*>[^<]*</tspan>' "$BATS_TEST_TMPDIR/c.svg" | sed 's/<[^>]*>//g')
	order=$(echo "$ticks" | grep -n -E '^Quận (3|10|12)( \*)?$' | cut -d: -f2 | sed 's/ \*$//' | paste -sd ' ')
	assert_equal "$order" "Quận 3 Quận 10 Quận 12"
	# periods named as the workbook names them (baocao-xlsx --period-name)
	echo "$ticks" | grep -qx 'Lượt tiếp công dân (lượt) – Năm 2024'
	# 772 (Quận 11) sends only quarters: its year is derived, and marked
	echo "$ticks" | grep -qx 'Quận 11 \*'
	echo "$ticks" | grep -qx '\* số suy ra từ các báo cáo khác kỳ của đơn vị'
	# a series: the city's figure of each year, a rate from its parts
	cp "$BATS_FILE_TMPDIR/kinds-city.csv" "$BATS_TEST_TMPDIR/city.csv"
	run -0 chart -i dossiers.online_rate -b period -o "$BATS_TEST_TMPDIR/s" "$BATS_TEST_TMPDIR/city.csv"
	ticks=$(grep -o '<tspan[^>]*>[^<]*</tspan>' "$BATS_TEST_TMPDIR/s.svg" | sed 's/<[^>]*>//g')
	run grep -c -E '^Năm 202[34] \([0-9]+/22\)' <<< "$ticks"
	assert_output 2
	run -0 chart -i dossiers.online_rate -b period -k quarter -o "$BATS_TEST_TMPDIR/q" "$BATS_TEST_TMPDIR/city.csv"
	ticks=$(grep -o '<tspan[^>]*>[^<]*</tspan>' "$BATS_TEST_TMPDIR/q.svg" | sed 's/<[^>]*>//g')
	run grep -c -E '^Quý (I|II|III|IV) năm 202[34] \([0-9]+/22\)( \*)?$' <<< "$ticks"
	assert_output 8
	run -2 --separate-stderr chart -i satisfaction.rate -b period -o "$BATS_TEST_TMPDIR/s" "$BATS_TEST_TMPDIR/city.csv"
	assert_equal "$stderr" "chart: 'satisfaction.rate' has no city figure (a rate shown per unit only): chart it by unit, with -p"
}

@test "the pipeline scripts are shellcheck-clean" {
	command -v shellcheck || skip "no shellcheck"
	run shellcheck -x "$ROOT"/pipelines/city-summary "$ROOT"/pipelines/compare-periods \
		"$ROOT"/pipelines/check-totals "$ROOT"/pipelines/chart "$ROOT"/pipelines/demo \
		"$ROOT"/pipelines/messages.sh
	assert_success
}

@test "compare-periods -a with the facts on one side and the city table on the other: the facts' side is summed, the table taken as it is" {
	local f=$BATS_FILE_TMPDIR/kinds-facts.csv c=$BATS_FILE_TMPDIR/kinds-city.csv
	# the city table is the facts summed: every mix gives the same lines
	run -1 --separate-stderr compare-periods -a -c "$c" "$c" 2023-Q1 2024-Q1
	[ "${#lines[@]}" -gt 5 ]
	want=$output
	run -1 --separate-stderr compare-periods -a -c "$f" "$c" 2023-Q1 2024-Q1
	assert_output "$want"
	run -1 --separate-stderr compare-periods -a -c "$c" "$f" 2023-Q1 2024-Q1
	assert_output "$want"
}

@test "no pipeline script runs a command substitution inside \$((...)): a signal's trap there fails in bash 5.2 (exit 2, not the signal's)" {
	# the pattern matches the hazard: try it on a line that has it
	run -0 grep -c '\$((.*\$([^(]' <<< 'n=$(( $(wc -l < f) + 1 ))'
	run -1 grep -n '\$((.*\$([^(]' "$ROOT"/pipelines/city-summary "$ROOT"/pipelines/compare-periods \
		"$ROOT"/pipelines/check-totals "$ROOT"/pipelines/chart "$ROOT"/pipelines/demo "$ROOT"/pipelines/messages.sh
}

@test "M9: compare-periods and chart give the same bytes under mawk and gawk, in the C and a UTF-8 locale" {
	command -v gnuplot || skip "no gnuplot"
	cp "$BATS_FILE_TMPDIR/kinds-city.csv" "$BATS_TEST_TMPDIR/city.csv"
	cp "$BATS_FILE_TMPDIR/kinds-facts.csv" "$BATS_TEST_TMPDIR/f.csv"
	n=0
	for a in mawk gawk; do
		command -v "$a" > /dev/null || continue
		mkdir -p "$BATS_TEST_TMPDIR/$a"
		ln -sf "$(command -v "$a")" "$BATS_TEST_TMPDIR/$a/awk"
		for loc in C C.UTF-8; do
			d=$BATS_TEST_TMPDIR/$a-$loc
			mkdir "$d"
			run -1 env PATH="$BATS_TEST_TMPDIR/$a:$PATH" LC_ALL=$loc compare-periods -f "$BATS_TEST_TMPDIR/f.csv" 2023 2024
			printf '%s\n' "$output" > "$d/compare.txt"
			run -1 env PATH="$BATS_TEST_TMPDIR/$a:$PATH" LC_ALL=$loc compare-periods -a -c -f "$BATS_TEST_TMPDIR/city.csv" 2023 2024
			printf '%s\n' "$output" > "$d/compare.csv"
			run -1 env PATH="$BATS_TEST_TMPDIR/$a:$PATH" LC_ALL=$loc compare-periods -u -a -f "$BATS_TEST_TMPDIR/f.csv" 2023 2024
			printf '%s\n' "$output" > "$d/by-unit.txt"
			run -0 env PATH="$BATS_TEST_TMPDIR/$a:$PATH" LC_ALL=$loc chart -i reception.visits -p 2024 -o "$d/u" "$BATS_TEST_TMPDIR/f.csv"
			run -0 env PATH="$BATS_TEST_TMPDIR/$a:$PATH" LC_ALL=$loc chart -i works.cash_vnd -b period -o "$d/p" "$BATS_TEST_TMPDIR/city.csv"
			n=$((n + 1))
		done
	done
	[ "$n" -ge 2 ]
	# the columns aligned by characters: "Lượt tiếp công dân" is 18 wide
	grep -q '^Lượt tiếp công dân  ' "$BATS_TEST_TMPDIR/mawk-C.UTF-8/compare.txt" ||
		grep -q '^Lượt tiếp công dân  ' "$BATS_TEST_TMPDIR/gawk-C.UTF-8/compare.txt"
	first=
	for d in "$BATS_TEST_TMPDIR"/*-C*; do
		[ -n "$first" ] || { first=$d; continue; }
		for f in compare.txt compare.csv by-unit.txt u.svg p.svg; do
			cmp "$first/$f" "$d/$f"
		done
	done
}

@test "-c and -x check each share of reports in one job, from the jobs' own extraction: processes per run, not per report" {
	mkdir -p "$BATS_TEST_TMPDIR/r" "$BATS_TEST_TMPDIR/shim"
	cp "$CORPUS"/*_2023-Q1.txt "$BATS_TEST_TMPDIR/r/"
	n=$(ls "$BATS_TEST_TMPDIR/r" | wc -l)
	[ "$n" -ge 20 ]
	for f in baocao-extract baocao-normalize baocao-check; do
		printf '#!/bin/sh\necho %s >> %q\nexec %q "$@"\n' "$f" "$BATS_TEST_TMPDIR/calls" "$(command -v "$f")" \
			> "$BATS_TEST_TMPDIR/shim/$f"
		chmod +x "$BATS_TEST_TMPDIR/shim/$f"
	done
	city-summary -o "$BATS_TEST_TMPDIR/plain.csv" -c "$BATS_TEST_TMPDIR/plain-f.csv" "$BATS_TEST_TMPDIR/r" 2> /dev/null
	for j in 1 2; do
		: > "$BATS_TEST_TMPDIR/calls"
		PATH=$BATS_TEST_TMPDIR/shim:$PATH run -0 city-summary -j $j -o "$BATS_TEST_TMPDIR/c.csv" \
			-c "$BATS_TEST_TMPDIR/f.csv" -x "$BATS_TEST_TMPDIR/b.xlsx" "$BATS_TEST_TMPDIR/r"
		cmp "$BATS_TEST_TMPDIR/plain.csv" "$BATS_TEST_TMPDIR/c.csv"
		cmp "$BATS_TEST_TMPDIR/plain-f.csv" "$BATS_TEST_TMPDIR/f.csv"
		# the walk, a first pass and a table pass per job, the manifest
		# once, a table and a check normalize per job, a check per job
		assert_equal "$(grep -c '^baocao-extract$' "$BATS_TEST_TMPDIR/calls")" $((2 * j + 1))
		assert_equal "$(grep -c '^baocao-normalize$' "$BATS_TEST_TMPDIR/calls")" $((2 * j + 1))
		assert_equal "$(grep -c '^baocao-check$' "$BATS_TEST_TMPDIR/calls")" "$j"
	done
}
