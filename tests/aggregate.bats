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

@test "rates are not summed; min, max and mean are given; coverage says how many of the city's units" {
	printf 'province_code,period,indicator,unit,value,reporter_code\n79,2024,satisfaction.rate,percent,98,764\n79,2024,satisfaction.rate,percent,99.5,785\n79,2024,reception.visits,visit,10,764\n79,2024,reception.visits,visit,5,768\n79,2017,reception.visits,visit,5,769\n' > "$BATS_TEST_TMPDIR/r.csv"
	run baocao-aggregate "$BATS_TEST_TMPDIR/r.csv"
	assert_success
	assert_output "province_code,period,indicator,unit,sum_value,count,countunique_reporter_code,min_value,max_value,mean_value,units_covered,units_total
79,2017,reception.visits,visit,5,1,1,5,5,5,1,24
79,2024,reception.visits,visit,15,2,2,5,10,7.5,2,22
79,2024,satisfaction.rate,percent,,2,2,98,99.5,98.75,2,22"
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
