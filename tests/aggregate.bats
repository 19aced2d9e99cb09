#!/usr/bin/env bats
# baocao-aggregate: exact, mergeable group-by.

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "partial per part then merge is byte-identical to one run, for random splits into 1..8 parts" {
	"$TESTS/gen-facts" 20000 7 > "$BATS_TEST_TMPDIR/all.csv"
	baocao-aggregate "$BATS_TEST_TMPDIR/all.csv" > "$BATS_TEST_TMPDIR/whole.csv"
	for trial in 1 2 3 4 5 6 7 8 9 10; do
		rm -f "$BATS_TEST_TMPDIR"/part.* "$BATS_TEST_TMPDIR"/p.*
		# Cut the rows at random points into 1..8 consecutive parts.
		python3 - "$BATS_TEST_TMPDIR" "$trial" <<'PY'
import random, sys
d, seed = sys.argv[1], int(sys.argv[2])
rnd = random.Random(seed)
lines = open(d + "/all.csv").read().splitlines(True)
head, body = lines[0], lines[1:]
k = rnd.randint(1, 8)
cuts = sorted(rnd.sample(range(1, len(body)), k - 1))
for i, (a, b) in enumerate(zip([0] + cuts, cuts + [len(body)])):
    open(f"{d}/part.{i}", "w").write(head + "".join(body[a:b]))
PY
		for p in "$BATS_TEST_TMPDIR"/part.*; do
			baocao-aggregate --partial "$p" > "${p/part./p.}"
		done
		run bash -c "baocao-aggregate --merge $(ls "$BATS_TEST_TMPDIR"/p.* | sort -t. -k2 -n | tr '\n' ' ') | cmp - '$BATS_TEST_TMPDIR/whole.csv'"
		assert_success
	done
}

@test "sums equal an independent exact computation (Python's decimal)" {
	"$TESTS/gen-facts" 50000 11 > "$BATS_TEST_TMPDIR/f.csv"
	baocao-aggregate -k period,indicator -o sum:value,count,min:value,max:value "$BATS_TEST_TMPDIR/f.csv" > "$BATS_TEST_TMPDIR/got.csv"
	run python3 - "$BATS_TEST_TMPDIR" <<'PY'
import csv, sys
from decimal import Decimal
d = sys.argv[1]
want = {}
for r in csv.DictReader(open(d + "/f.csv")):
    k = (r["period"], r["indicator"])
    s, n, lo, hi = want.get(k, (Decimal(0), 0, None, None))
    if r["value"] != "":
        v = Decimal(r["value"])
        s += v
        lo = v if lo is None or v < lo else lo
        hi = v if hi is None or v > hi else hi
    want[k] = (s, n + 1, lo, hi)
bad = 0
got = list(csv.DictReader(open(d + "/got.csv")))
for r in got:
    s, n, lo, hi = want.pop((r["period"], r["indicator"]))
    if (Decimal(r["sum_value"]) != s or int(r["count"]) != n or
            Decimal(r["min_value"]) != lo or Decimal(r["max_value"]) != hi):
        bad += 1
        print("differs:", r, s, n, lo, hi)
print("groups", len(got), "bad", bad, "unmatched", len(want))
sys.exit(1 if bad or want else 0)
PY
	assert_success
	assert_output --regexp "^groups [0-9]+ bad 0 unmatched 0$"
}

@test "money sums beyond 2^64 are exact" {
	{ echo "province_code,period,indicator,unit,value,reporter_code"
	  for i in 1 2 3 4 5 6 7 8 9 10; do echo "79,2024,works.cash_vnd,VND,9999999999999999999.99,76$i"; done; } > "$BATS_TEST_TMPDIR/m.csv"
	run bash -c "baocao-aggregate '$BATS_TEST_TMPDIR/m.csv' | cut -d, -f5"
	assert_line --index 1 "99999999999999999999.9"
}

@test "rates are neither summed nor averaged; coverage says how many of the city's units, and which are missing" {
	printf 'province_code,period,indicator,unit,value,reporter_code\n79,2024,satisfaction.rate,percent,98,764\n79,2024,satisfaction.rate,percent,99.5,785\n79,2024,reception.visits,visit,10,764\n79,2024,reception.visits,visit,5,768\n79,2017,reception.visits,visit,5,769\n' > "$BATS_TEST_TMPDIR/r.csv"
	run baocao-aggregate "$BATS_TEST_TMPDIR/r.csv"
	assert_success
	# 2017: the city's 24 district-level units (762 and 763 were merged
	# into 769 in 2021); 2024: 22.
	assert_output "province_code,period,indicator,unit,sum_value,count,countunique_reporter_code,min_value,max_value,mean_value,units_covered,units_total,value,how,ratio_num,ratio_den,flags,units_missing
79,2017,reception.visits,visit,5,1,1,5,5,5,1,24,5,sum,,,,760 761 762 763 764 765 766 767 768 770 771 772 773 774 775 776 777 778 783 784 785 786 787
79,2024,reception.visits,visit,15,2,2,5,10,7.5,2,22,15,sum,,,,760 761 765 766 767 769 770 771 772 773 774 775 776 777 778 783 784 785 786 787
79,2024,satisfaction.rate,percent,,2,2,98,99.5,,2,22,,per-unit,,,,760 761 765 766 767 768 769 770 771 772 773 774 775 776 777 778 783 784 786 787"
	# with -k the generic group-by: still no sum or mean of a rate
	run baocao-aggregate -k period,indicator,unit,province_code "$BATS_TEST_TMPDIR/r.csv"
	assert_line "2024,satisfaction.rate,percent,79,,2,2,98,99.5,,2,22"
}

@test "whether a group is a rate does not depend on the order of the keys: the lexicon's kind first, then unit percent" {
	# reception.visits is a count to the lexicon, even when a unit says percent
	printf 'province_code,period,indicator,unit,value,reporter_code\n79,2024,reception.visits,percent,10,764\n79,2024,reception.visits,percent,5,768\n79,2024,no.such,percent,7,764\n' > "$BATS_TEST_TMPDIR/p.csv"
	run -0 baocao-aggregate -k unit,indicator "$BATS_TEST_TMPDIR/p.csv"
	assert_output "unit,indicator,sum_value,count,countunique_reporter_code,min_value,max_value,mean_value,units_covered,units_total
percent,no.such,,1,1,7,7,,,
percent,reception.visits,15,2,2,5,10,7.5,,"
	run -0 baocao-aggregate -k indicator,unit "$BATS_TEST_TMPDIR/p.csv"
	assert_output "indicator,unit,sum_value,count,countunique_reporter_code,min_value,max_value,mean_value,units_covered,units_total
no.such,percent,,1,1,7,7,,,
reception.visits,percent,15,2,2,5,10,7.5,,"
}

@test "a city rate is recomputed from the summed parts of the units that have both, 2 decimals half away from zero" {
	# 764: 1 of 500 dossiers online, 785: 0 of 300: 100 * 1 / 800 = 0.125,
	# which rounds to 0.13 (half away from zero), not to 0.12 (half even).
	# 768 states only its online count and 770 only its rate (12.5): they
	# are in no ratio; 770's rate is shown per unit (min and max) only.
	cat > "$BATS_TEST_TMPDIR/p.csv" <<-'CSV'
	province_code,period,indicator,unit,value,reporter_code
	79,2024,dossiers.online,dossier,1,764
	79,2024,dossiers.received,dossier,500,764
	79,2024,dossiers.online,dossier,0,785
	79,2024,dossiers.received,dossier,300,785
	79,2024,dossiers.online,dossier,40,768
	79,2024,dossiers.online_rate,percent,12.5,770
	79,2024,dossiers.resolved,dossier,299,785
	CSV
	run baocao-aggregate "$BATS_TEST_TMPDIR/p.csv"
	assert_success
	assert_line --regexp '^79,2024,dossiers.online_rate,percent,,1,1,12.5,12.5,,2,22,0.13,ratio,dossiers.online,dossiers.received,,760 '
	# resolved / received: 785 alone, 299 / 300 = 99.666... -> 99.67; no
	# unit stated the rate, so the row has no count, min or max
	assert_line --regexp '^79,2024,dossiers.resolved_rate,percent,,0,0,,,,1,22,99.67,ratio,dossiers.resolved,dossiers.received,,'
	assert_line --regexp '^79,2024,dossiers.online,dossier,41,3,3,0,40,13.666667,3,22,41,sum,,,,'
}

@test "periods derived: the year from four quarters or 9 months and quarter IV, quarter IV from the year, each marked" {
	# 764 sends four quarters; 785 sends 9 months and the year; 768 sends
	# quarters I-III only, so it has 6 and 9 months but no year; 770 sends
	# a rate and a stock, which are never derived.
	cat > "$BATS_TEST_TMPDIR/q.csv" <<-'CSV'
	province_code,period,indicator,unit,value,reporter_code
	79,2024-Q1,reception.visits,visit,10,764
	79,2024-Q2,reception.visits,visit,20,764
	79,2024-Q3,reception.visits,visit,30,764
	79,2024-Q4,reception.visits,visit,40.5,764
	79,2024-01/2024-09,reception.visits,visit,600,785
	79,2024,reception.visits,visit,1000,785
	79,2024-Q1,reception.visits,visit,1,768
	79,2024-Q2,reception.visits,visit,2,768
	79,2024-Q3,reception.visits,visit,3,768
	79,2024-Q1,satisfaction.rate,percent,90,770
	79,2024-Q2,satisfaction.rate,percent,95,770
	79,2024-Q1,petitions.carried_over,petition,7,770
	79,2024-Q2,petitions.carried_over,petition,9,770
	CSV
	run baocao-aggregate --units "$BATS_TEST_TMPDIR/q.csv"
	assert_success
	assert_output "province_code,period,indicator,unit,reporter_code,value,flags
79,2024,reception.visits,visit,764,100.5,derived
79,2024,reception.visits,visit,785,1000,
79,2024-01/2024-09,reception.visits,visit,764,60,derived
79,2024-01/2024-09,reception.visits,visit,768,6,derived
79,2024-01/2024-09,reception.visits,visit,785,600,
79,2024-H1,reception.visits,visit,764,30,derived
79,2024-H1,reception.visits,visit,768,3,derived
79,2024-H2,reception.visits,visit,764,70.5,derived
79,2024-Q1,petitions.carried_over,petition,770,7,
79,2024-Q1,reception.visits,visit,764,10,
79,2024-Q1,reception.visits,visit,768,1,
79,2024-Q1,satisfaction.rate,percent,770,90,
79,2024-Q2,petitions.carried_over,petition,770,9,
79,2024-Q2,reception.visits,visit,764,20,
79,2024-Q2,reception.visits,visit,768,2,
79,2024-Q2,satisfaction.rate,percent,770,95,
79,2024-Q3,reception.visits,visit,764,30,
79,2024-Q3,reception.visits,visit,768,3,
79,2024-Q4,reception.visits,visit,764,40.5,
79,2024-Q4,reception.visits,visit,785,400,derived"
	# The city: a derived period covers the units whose parts are all
	# there (768 has no quarter IV, so no year), and says it is derived.
	run baocao-aggregate "$BATS_TEST_TMPDIR/q.csv"
	assert_line --regexp '^79,2024,reception.visits,visit,1100.5,2,2,100.5,1000,550.25,2,22,1100.5,sum,,,derived,760 761 765 766 767 768 769 '
	assert_line --regexp '^79,2024-01/2024-09,reception.visits,visit,666,3,3,6,600,222,3,22,666,sum,,,derived,'
	assert_line --regexp '^79,2024-Q3,reception.visits,visit,33,2,2,3,30,16.5,2,22,33,sum,,,,'
	assert_line --regexp '^79,2024-Q1,satisfaction.rate,percent,,1,1,90,90,,1,22,,per-unit,,,,'
	refute_line --partial '2024-H1,satisfaction.rate'
	refute_line --partial '2024-H1,petitions.carried_over'
}

@test "a cumulative series that goes down is a finding, and implies nothing" {
	cat > "$BATS_TEST_TMPDIR/d.csv" <<-'CSV'
	doc,line,province_code,period,indicator,unit,value,reporter_code
	a6,31,79,2024-H1,reception.visits,visit,30,764
	a9,40,79,2024-01/2024-09,reception.visits,visit,25,764
	b1,12,79,2024-Q1,reception.visits,visit,10,785
	b2,12,79,2024-Q2,reception.visits,visit,20,785
	b3,12,79,2024-Q3,reception.visits,visit,30,785
	b4,12,79,2024-Q4,reception.visits,visit,40,785
	by,15,79,2024,reception.visits,visit,99,785
	CSV
	run --separate-stderr baocao-aggregate --findings "$BATS_TEST_TMPDIR/f.csv" --units "$BATS_TEST_TMPDIR/d.csv"
	assert_success
	refute_output --partial derived
	run cat "$BATS_TEST_TMPDIR/f.csv"
	assert_output "doc,line,rule,indicator,expected,actual,detail
a9,40,cumulative-decrease,reception.visits,30,25,\"2024-01/2024-09: 25, less than 30 for 2024-H1 inside it (a6 line 31)\"
by,15,periods-disagree,reception.visits,100,99,\"2024: 99, but the unit's other reports of the year imply 100\""
}

@test "--units and --findings are for the city table; --bom starts the CSV with a byte-order mark" {
	run -2 --separate-stderr baocao-aggregate --units -k period /dev/null
	assert_equal "$stderr" "baocao-aggregate: --units and --findings are for the city table (no -k, no -o)"
	run -2 --separate-stderr baocao-aggregate --partial --findings "$BATS_TEST_TMPDIR/x" /dev/null
	assert_equal "$stderr" "baocao-aggregate: --units and --findings need results, not --partial"
	run -2 --separate-stderr baocao-aggregate --findings /nonexistent/dir/f.csv /dev/null
	assert_equal "$stderr" "baocao-aggregate: cannot write '/nonexistent/dir/f.csv': No such file or directory"
	printf 'k,value\na,1\n' > "$BATS_TEST_TMPDIR/b.csv"
	baocao-aggregate --bom -k k -o sum:value "$BATS_TEST_TMPDIR/b.csv" > "$BATS_TEST_TMPDIR/bom.csv"
	run od -An -c -N 4 "$BATS_TEST_TMPDIR/bom.csv"
	assert_output --regexp '^ +357 +273 +277 +k$'
	# and every filter reads it back as the header it is
	run baocao-aggregate -k k -o sum:sum_value "$BATS_TEST_TMPDIR/bom.csv"
	assert_output "k,sum_sum_value
a,1"
}
@test "mean is exact to 6 places, rounded half away from zero" {
	printf 'k,value\na,1\na,1\na,2\nb,-1\nb,-1\nb,-2\n' > "$BATS_TEST_TMPDIR/m.csv"
	run baocao-aggregate -k k -o mean:value "$BATS_TEST_TMPDIR/m.csv"
	assert_output "k,mean_value
a,1.333333
b,-1.333333"
}

@test "first, last and countunique by name; output sorted by key" {
	printf 'k,v\nz,3\na,1\nz,4\na,2\na,1\n' > "$BATS_TEST_TMPDIR/f.csv"
	run baocao-aggregate -k k -o first:v,last:v,countunique:v,count "$BATS_TEST_TMPDIR/f.csv"
	assert_output "k,first_v,last_v,countunique_v,count
a,1,1,2,3
z,3,4,2,2"
}

@test "a non-numeric value is an error naming file, line and column" {
	printf 'k,value\na,1\na,1O\n' > "$BATS_TEST_TMPDIR/b.csv"
	run -2 --separate-stderr baocao-aggregate -k k -o sum:value "$BATS_TEST_TMPDIR/b.csv"
	assert_equal "$stderr" "baocao-aggregate: $BATS_TEST_TMPDIR/b.csv:3: column 'value': '1O': not a number"
	assert_equal "$output" ""
}

@test "--skip-bad counts and skips a bad row, never sums it as 0" {
	printf 'k,value\na,1\na,x\na,2\n' > "$BATS_TEST_TMPDIR/b.csv"
	run --separate-stderr baocao-aggregate --skip-bad --stats -k k -o sum:value,count "$BATS_TEST_TMPDIR/b.csv"
	assert_success
	assert_output "k,sum_value,count
a,3,2"
	[[ "$stderr" == *"rows skipped, not a number: 1"* ]]
}

@test "a missing key column is an error naming it" {
	printf 'a,value\n1,2\n' > "$BATS_TEST_TMPDIR/k.csv"
	run -2 --separate-stderr baocao-aggregate "$BATS_TEST_TMPDIR/k.csv"
	assert_equal "$stderr" "baocao-aggregate: $BATS_TEST_TMPDIR/k.csv:1: column 'province_code' missing"
}

@test "--merge refuses input that is not partial state" {
	printf 'province_code,period,indicator,unit,value,reporter_code\n79,2024,x,visit,1,764\n' > "$BATS_TEST_TMPDIR/n.csv"
	run -2 --separate-stderr baocao-aggregate --merge "$BATS_TEST_TMPDIR/n.csv"
	assert_equal "$stderr" "baocao-aggregate: $BATS_TEST_TMPDIR/n.csv:1: column 'sum:value' missing (is this --partial output made with the same -k and -o?)"
}

@test "an unknown operation is a usage error" {
	run -2 --separate-stderr baocao-aggregate -o median:value /dev/null
	assert_equal "$stderr" "baocao-aggregate: unknown operation 'median'"
}

@test "empty and header-only inputs give a header-only table, exit 0" {
	: > "$BATS_TEST_TMPDIR/e.csv"
	run baocao-aggregate -k k -o count "$BATS_TEST_TMPDIR/e.csv"
	assert_success
	assert_output "k,count"
	printf 'k,v\n' > "$BATS_TEST_TMPDIR/h.csv"
	run baocao-aggregate -k k -o count "$BATS_TEST_TMPDIR/h.csv"
	assert_output "k,count"
}

@test "--merge reads partial tables concatenated into one stream (repeated headers)" {
	"$TESTS/gen-facts" 3000 5 > "$BATS_TEST_TMPDIR/all.csv"
	head -1500 "$BATS_TEST_TMPDIR/all.csv" > "$BATS_TEST_TMPDIR/a.csv"
	{ head -1 "$BATS_TEST_TMPDIR/all.csv"; tail -n +1501 "$BATS_TEST_TMPDIR/all.csv"; } > "$BATS_TEST_TMPDIR/b.csv"
	baocao-aggregate "$BATS_TEST_TMPDIR/all.csv" > "$BATS_TEST_TMPDIR/whole.csv"
	run bash -c "cat <(baocao-aggregate --partial '$BATS_TEST_TMPDIR/a.csv') <(baocao-aggregate --partial '$BATS_TEST_TMPDIR/b.csv') | baocao-aggregate --merge | cmp - '$BATS_TEST_TMPDIR/whole.csv'"
	assert_success
}

@test "the rules file says which counts make which rate; a bad rate or stock line is an error naming file and line" {
	rules="$BATS_TEST_TMPDIR/r.rules"
	n=$(($(wc -l < "$ROOT/common/data/lexicon.rules") + 1))
	printf 'province_code,period,indicator,unit,value,reporter_code\n79,2024,dossiers.online,dossier,1,764\n79,2024,dossiers.received,dossier,4,764\n' > "$BATS_TEST_TMPDIR/p.csv"
	# without its rate line, the online share has no city figure
	grep -v '^rate dossiers.online_rate' "$ROOT/common/data/lexicon.rules" > "$rules"
	run -0 baocao-aggregate --rules "$rules" "$BATS_TEST_TMPDIR/p.csv"
	assert_line --partial ',dossiers.online,'
	refute_output --partial online_rate
	cp "$ROOT/common/data/lexicon.rules" "$rules"
	run baocao-aggregate --rules "$rules" "$BATS_TEST_TMPDIR/p.csv"
	assert_line --regexp '^79,2024,dossiers.online_rate,percent,,0,0,,,,1,22,25.00,ratio,dossiers.online,dossiers.received,,'
	echo 'rate dossiers.online_rate = dossiers.online / no.such' >> "$rules"
	run -2 --separate-stderr baocao-aggregate --rules "$rules" /dev/null
	assert_equal "$stderr" "baocao-aggregate: $rules:$n: unknown indicator 'no.such'"
	cp "$ROOT/common/data/lexicon.rules" "$rules"
	echo 'rate satisfaction.rate = reception.visits / dossiers.received' >> "$rules"
	run -2 --separate-stderr baocao-aggregate --rules "$rules" /dev/null
	assert_equal "$stderr" "baocao-aggregate: $rules:$n: rate: 'reception.visits' and 'dossiers.received' are not two counts of one unit"
	cp "$ROOT/common/data/lexicon.rules" "$rules"
	echo 'stock dossiers.online_rate' >> "$rules"
	run -2 --separate-stderr baocao-aggregate --rules "$rules" /dev/null
	assert_equal "$stderr" "baocao-aggregate: $rules:$n: indicator 'dossiers.online_rate' is a rate, not a count"
}

@test "--sorted writes what the default writes, for sorted input: results, defaults, --partial, --merge" {
	"$TESTS/gen-facts" 5000 3 > "$BATS_TEST_TMPDIR/f.csv"
	# sorted field by field, bytewise (the keys are columns 4, 5 and 6)
	{ head -1 "$BATS_TEST_TMPDIR/f.csv"
	  tail -n +2 "$BATS_TEST_TMPDIR/f.csv" | LC_ALL=C sort -t, -k4,4 -k5,5 -k6,6; } > "$BATS_TEST_TMPDIR/s.csv"
	for args in "-k period,indicator,unit" \
	    "-k period,indicator,unit -o sum:value,count,countunique:reporter_code,min:value,max:value,mean:value,first:doc,last:doc" \
	    "-k period,indicator,unit --partial" "-k period,indicator -o count,sum:value --partial"; do
		baocao-aggregate $args "$BATS_TEST_TMPDIR/s.csv" > "$BATS_TEST_TMPDIR/hash.csv"
		run -0 baocao-aggregate --sorted $args "$BATS_TEST_TMPDIR/s.csv"
		[ "$(wc -l < "$BATS_TEST_TMPDIR/hash.csv")" -gt 10 ]
		assert_equal "$output" "$(cat "$BATS_TEST_TMPDIR/hash.csv")"
	done
	baocao-aggregate -k period,indicator,unit --partial "$BATS_TEST_TMPDIR/s.csv" > "$BATS_TEST_TMPDIR/p.csv"
	baocao-aggregate -k period,indicator,unit --merge "$BATS_TEST_TMPDIR/p.csv" > "$BATS_TEST_TMPDIR/m.csv"
	run -0 baocao-aggregate -k period,indicator,unit --merge --sorted "$BATS_TEST_TMPDIR/p.csv"
	assert_equal "$output" "$(cat "$BATS_TEST_TMPDIR/m.csv")"
}

@test "--sorted: a key after a greater one is an error naming both files and lines; not for the city table" {
	printf 'k,v\na,1\nb,2\n' > "$BATS_TEST_TMPDIR/1.csv"
	printf 'k,v\nb,3\na b,4\n' > "$BATS_TEST_TMPDIR/2.csv"
	run -2 --separate-stderr baocao-aggregate --sorted -k k -o sum:v "$BATS_TEST_TMPDIR/1.csv" "$BATS_TEST_TMPDIR/2.csv"
	assert_equal "$stderr" "baocao-aggregate: $BATS_TEST_TMPDIR/2.csv:3: input not sorted by key (--sorted): 'a b' after 'b' ($BATS_TEST_TMPDIR/2.csv:2); sort it or drop --sorted"
	# field by field: "a" before "a b", and a key may repeat
	printf 'k,j,v\na,z,1\na b,a,2\na b,a,3\n' > "$BATS_TEST_TMPDIR/3.csv"
	run -0 baocao-aggregate --sorted -k k,j -o sum:v "$BATS_TEST_TMPDIR/3.csv"
	assert_output "k,j,sum_v
a,z,1
a b,a,5"
	run -2 --separate-stderr baocao-aggregate --sorted "$BATS_TEST_TMPDIR/1.csv"
	assert_equal "$stderr" "baocao-aggregate: --sorted writes each group as it ends; the city table needs them all (give -k or -o, or --partial)"
}
