#!/usr/bin/env bats
# baocao-diff: keyed comparison of two tables.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	O="$BATS_TEST_TMPDIR/old.csv" N="$BATS_TEST_TMPDIR/new.csv"
	printf 'province_code,period,indicator,unit,value,note\n79,2024,a,visit,1.50,x\n79,2024,b,visit,10,y\n79,2024,c,visit,3,z\n' > "$O"
	printf 'province_code,period,indicator,unit,value,note\n79,2024,a,visit,1.5,x\n79,2024,b,visit,12,y\n79,2024,d,visit,4,q\n' > "$N"
}

@test "changed, added and removed, one row per value; exit 1" {
	run -1 baocao-diff "$O" "$N"
	assert_output "province_code,period,indicator,unit,column,old,new,delta,pct,status
79,2024,b,visit,value,10,12,2,20.00,changed
79,2024,d,visit,value,,4,,,added
79,2024,d,visit,note,,q,,,added
79,2024,c,visit,value,3,,,,removed
79,2024,c,visit,note,z,,,,removed"
}

@test "numbers compare as decimals: 1.50 equals 1.5; --all shows same" {
	run -0 baocao-diff --all --only same "$O" "$N"
	assert_line --index 1 "79,2024,a,visit,value,1.50,1.5,0,0.00,same"
	assert_line --index 2 "79,2024,a,visit,note,x,x,,,same"
}

@test "identical tables: exit 0 and a header only" {
	run -0 baocao-diff "$O" "$O"
	assert_output "province_code,period,indicator,unit,column,old,new,delta,pct,status"
}

@test "absolute tolerance" {
	run -0 baocao-diff -t 2 --only changed "$O" "$N"
	assert_output "province_code,period,indicator,unit,column,old,new,delta,pct,status"
	run -1 baocao-diff -t 1.99 --only changed "$O" "$N"
	assert_line --index 1 "79,2024,b,visit,value,10,12,2,20.00,changed"
}

@test "relative tolerance" {
	run -0 baocao-diff -t 20% --only changed -q "$O" "$N"
	run -1 baocao-diff -t 19.9% --only changed -q "$O" "$N"
	assert_output ""
}

@test "--only and --ignore decide the exit status too" {
	run -0 baocao-diff --only changed --ignore value "$O" "$N"
	run -1 baocao-diff --only added "$O" "$N"
	assert_equal "${#lines[@]}" 3
}

@test "-q prints nothing and sets the status" {
	run -1 baocao-diff -q "$O" "$N"
	assert_output ""
	run -0 baocao-diff -q "$O" "$O"
}

@test "text values compare as text; delta and pct stay empty" {
	run -1 baocao-diff -v note "$O" "$N"
	assert_line --index 1 "79,2024,d,visit,note,,q,,,added"
}

@test "a column in only one file is not compared, and a warning says so" {
	printf 'province_code,period,indicator,unit,value,extra\n79,2024,a,visit,1.5,zz\n' > "$BATS_TEST_TMPDIR/n2.csv"
	printf 'province_code,period,indicator,unit,value\n79,2024,a,visit,1.5\n' > "$BATS_TEST_TMPDIR/o2.csv"
	run -0 --separate-stderr baocao-diff "$BATS_TEST_TMPDIR/o2.csv" "$BATS_TEST_TMPDIR/n2.csv"
	assert_equal "$stderr" "baocao-diff: column 'extra' only in '$BATS_TEST_TMPDIR/n2.csv': not compared"
}

@test "a duplicate key is an error naming both lines, in either input" {
	printf 'k,v\na,1\nb,2\na,3\n' > "$BATS_TEST_TMPDIR/d.csv"
	printf 'k,v\na,1\n' > "$BATS_TEST_TMPDIR/e.csv"
	run -2 --separate-stderr baocao-diff -k k "$BATS_TEST_TMPDIR/d.csv" "$BATS_TEST_TMPDIR/e.csv"
	assert_equal "$stderr" "baocao-diff: $BATS_TEST_TMPDIR/d.csv:4: duplicate key 'a' (first at line 2)"
	run -2 --separate-stderr baocao-diff -k k "$BATS_TEST_TMPDIR/e.csv" "$BATS_TEST_TMPDIR/d.csv"
	assert_equal "$stderr" "baocao-diff: $BATS_TEST_TMPDIR/d.csv:4: duplicate key 'a' (first at line 2)"
	printf 'k,v\nz,1\nz,2\n' > "$BATS_TEST_TMPDIR/z.csv"
	run -2 --separate-stderr baocao-diff -k k "$BATS_TEST_TMPDIR/e.csv" "$BATS_TEST_TMPDIR/z.csv"
	assert_equal "$stderr" "baocao-diff: $BATS_TEST_TMPDIR/z.csv:3: duplicate key 'z' (first at line 2)"
}

@test "--sorted merges sorted inputs to the same changes" {
	run -1 baocao-diff "$O" "$N"
	hashed=$(sort <<< "$output")
	run -1 baocao-diff --sorted "$O" "$N"
	assert_equal "$(sort <<< "$output")" "$hashed"
}

@test "--sorted says clearly when an input is not sorted" {
	printf 'k,v\nb,1\na,2\n' > "$BATS_TEST_TMPDIR/u.csv"
	run -2 --separate-stderr baocao-diff --sorted -k k "$BATS_TEST_TMPDIR/u.csv" "$BATS_TEST_TMPDIR/u.csv"
	assert_equal "$stderr" "baocao-diff: $BATS_TEST_TMPDIR/u.csv:3: input not sorted by key (--sorted): 'a' after a greater key at line 2; sort it or drop --sorted"
}

@test "either input may be stdin or gzip" {
	gzip -c "$N" > "$N.gz"
	run -1 bash -c "baocao-diff - '$N.gz' < '$O'"
	assert_line --index 1 "79,2024,b,visit,value,10,12,2,20.00,changed"
}

@test "default keys are those present in both files; -k names any" {
	printf 'indicator,value\na,1\n' > "$BATS_TEST_TMPDIR/k1.csv"
	printf 'indicator,value\na,2\n' > "$BATS_TEST_TMPDIR/k2.csv"
	run -1 baocao-diff "$BATS_TEST_TMPDIR/k1.csv" "$BATS_TEST_TMPDIR/k2.csv"
	assert_line --index 1 "a,value,1,2,1,100.00,changed"
	run -2 --separate-stderr baocao-diff -k nope "$BATS_TEST_TMPDIR/k1.csv" "$BATS_TEST_TMPDIR/k2.csv"
	assert_equal "$stderr" "baocao-diff: $BATS_TEST_TMPDIR/k1.csv:1: key column 'nope' missing"
}

@test "one input and an operand count other than two are usage errors" {
	run -2 baocao-diff "$O"
	run -2 baocao-diff "$O" "$N" "$N"
}

@test "--stats accounts for every value; --bad-rows quarantines and goes on" {
	printf 'province_code,period,indicator,unit,value,note\n79,2024,a,visit,1.5,x\n79,2024,z,visit,9\n' > "$BATS_TEST_TMPDIR/n3.csv"
	run -1 --separate-stderr baocao-diff --stats --bad-rows "$BATS_TEST_TMPDIR/bad.csv" "$O" "$BATS_TEST_TMPDIR/n3.csv"
	[[ "$stderr" == *"baocao-diff: rows read, old: 3"* ]]
	[[ "$stderr" == *"baocao-diff: rows read, new: 1"* ]]
	[[ "$stderr" == *"baocao-diff: rows quarantined: 1"* ]]
	[[ "$stderr" == *"baocao-diff: values removed: 4"* ]]
	[[ "$stderr" == *"baocao-diff: values same: 2"* ]]
	run cat "$BATS_TEST_TMPDIR/bad.csv"
	assert_output "$BATS_TEST_TMPDIR/n3.csv,3,\"expected 6 fields, found 5\""
}
