#!/usr/bin/env bats
# The bad-input matrix: every filter, every kind of bad input; each gives
# its exit status and one diagnostic line naming file and line.

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

# Writes input NAME into $BATS_TEST_TMPDIR/in: a table with header $H and
# good rows $R1 $R2, the third row spoilt as NAME says.  $W is the width.
make_input() {
	local f="$BATS_TEST_TMPDIR/in"
	case $1 in
	unterminated)	printf '%s\n%s\n"%s\n' "$H" "$R1" "$R2" > "$f" ;;
	ragged)		printf '%s\n%s\n%s,3\n' "$H" "$R1" "$R2" > "$f" ;;
	stray-quote)	printf '%s\n%s\nb"%s\n' "$H" "$R1" "$R2" > "$f" ;;
	bad-utf8)	printf '%s\n%s\nb\xff%s\n' "$H" "$R1" "$R2" > "$f" ;;
	nul)		printf '%s\n%s\nb\000%s\n' "$H" "$R1" "$R2" > "$f" ;;
	dup-header)	printf 'k,k,%s\n%s\n' "$H" "$R1" > "$f" ;;
	empty-name)	printf 'k,,%s\n%s\n' "$H" "$R1" > "$f" ;;
	empty)		: > "$f" ;;
	header-only)	printf '%s\n' "$H" > "$f" ;;
	big-field)	python3 -c "print('k,v'); print('a,' + '1' * 10_000_000)" > "$f" ;;
	bom)		printf '\xef\xbb\xbfk,v\na,1\n' > "$f" ;;
	truncated-gz)	python3 -c "
import gzip, sys
data = gzip.compress(b'k,v\n' + b''.join(b'a%d,%d\n' % (i, i) for i in range(20000)))
sys.stdout.buffer.write(data[:len(data) // 2])" > "$f" ;;
	*) return 1 ;;
	esac
}

# The table each filter is given: a k,v table, or extract's columns.
use_table() {
	if [ "$1" = normalize ]; then
		H='doc,issuer,doc_no,doc_date,period_text,line,section,source,row_label,col_label,before,raw,unit_text,after'
		R1='d,QUẬN 1,,,năm 2024,1,,text,,,đã tiếp ,5,lượt,'
		R2='d,QUẬN 1,,,năm 2024,2,,text,,,đã tiếp ,6,lượt,' W=14
	elif [ "$1" = check ]; then
		H='doc,line,indicator,value,unit,scope,qualifier,raw,source,row_label,col_label,before,unit_text,after'
		R1='d,1,,5,visit,reporter,exact,5,text,,,đã tiếp ,lượt,'
		R2='d,2,,6,visit,reporter,exact,6,text,,,đã tiếp ,lượt,' W=14
	else
		H='k,v' R1='a,1' R2='c,2' W=2
	fi
}

# filter args for a k,v table: aggregate sums v by k; diff compares with itself.
run_filter() {
	case $1 in
	aggregate) run --separate-stderr baocao-aggregate -k k -o sum:v,count "$BATS_TEST_TMPDIR/in" ;;
	diff) printf 'k,v\na,1\n' > "$BATS_TEST_TMPDIR/ok.csv"
		run --separate-stderr baocao-diff -k k "$BATS_TEST_TMPDIR/ok.csv" "$BATS_TEST_TMPDIR/in" ;;
	normalize) run --separate-stderr baocao-normalize "$BATS_TEST_TMPDIR/in" ;;
	check) run --separate-stderr baocao-check "$BATS_TEST_TMPDIR/in" ;;
	esac
}

# input | status | diagnostic (IN stands for the file; empty: no stderr)
MATRIX='unterminated|2|IN:3: unterminated quoted field
ragged|2|IN:3: expected W fields, found W1
stray-quote|2|IN:3: malformed quoting (stray or unterminated quote)
bad-utf8|2|IN:3: invalid UTF-8 in field 1
nul|2|IN:3: NUL byte in field 1
dup-header|2|IN:1: header: duplicate column '"'"'k'"'"'
empty-name|2|IN:1: header: column 2 has an empty name
truncated-gz|2|IN: corrupt or truncated gzip input (unexpected end of file)'

@test "malformed CSV, bad bytes and bad headers: exit 2 and one line naming file and line, for each CSV filter" {
	for f in aggregate diff normalize check; do
		use_table "$f"
		while IFS='|' read -r input want diag; do
			make_input "$input"
			run_filter "$f"
			[ "$status" = "$want" ] || { echo "$f $input: status $status"; false; }
			diag=${diag//W1/$((W + 1))}
			diag=${diag//W/$W}
			assert_equal "$stderr" "baocao-$f: ${diag//IN/$BATS_TEST_TMPDIR/in}"
		done <<< "$MATRIX"
	done
}

@test "nothing misleading on stdout when the input is bad: no data rows" {
	for f in aggregate diff normalize check; do
		use_table "$f"
		for input in unterminated ragged stray-quote bad-utf8 nul truncated-gz; do
			make_input "$input"
			run_filter "$f"
			[ "$status" -eq 2 ] || { echo "$f $input: status $status"; false; }
			[ "${#lines[@]}" -le 0 ] || { echo "$f $input printed: $output"; false; }
		done
	done
}

@test "empty and header-only inputs are legitimate: exit 0" {
	use_table aggregate
	for input in empty header-only; do
		make_input "$input"
		run_filter aggregate
		assert_success
		assert_output "k,sum_v,count"
	done
	make_input header-only
	run -0 baocao-diff -k k "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/in"
	make_input empty
	run -0 baocao-diff -k k "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/in"
	assert_output ""
	use_table normalize
	make_input header-only
	run_filter normalize
	assert_success
	assert_output "doc,reporter_code,reporter_name,province_code,period,indicator,value,unit,scope,qualifier,line,raw,evidence,flags,reading"
	use_table check
	for input in empty header-only; do
		make_input "$input"
		run_filter check
		assert_success
		assert_output "doc,line,rule,indicator,expected,actual,detail"
	done
}

@test "a 10 MB field is read whole" {
	make_input big-field
	run --separate-stderr baocao-aggregate -k k -o count "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "k,count
a,1"
}

@test "a byte-order mark before the header is skipped" {
	use_table aggregate
	make_input bom
	run_filter aggregate
	assert_success
	assert_output "k,sum_v,count
a,1,1"
}

@test "a missing required column names the column, for each filter that needs one" {
	printf 'x\n1\n' > "$BATS_TEST_TMPDIR/in"
	run -2 --separate-stderr baocao-aggregate -k k -o count "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" "baocao-aggregate: $BATS_TEST_TMPDIR/in:1: column 'k' missing"
	run -2 --separate-stderr baocao-normalize "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/in:1: column 'doc' missing"
	printf 'k,v\na,1\n' > "$BATS_TEST_TMPDIR/ok.csv"
	run -2 --separate-stderr baocao-diff -k k "$BATS_TEST_TMPDIR/ok.csv" "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" "baocao-diff: $BATS_TEST_TMPDIR/in:1: key column 'k' missing"
	run -2 --separate-stderr baocao-check "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" "baocao-check: $BATS_TEST_TMPDIR/in:1: column 'doc' missing"
	assert_output ""
	run -2 --separate-stderr baocao-review "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" "baocao-review: $BATS_TEST_TMPDIR/in:1: column 'chosen' missing: give the output of baocao-normalize --scope all"
	assert_output ""
}

@test "--bad-rows quarantines unreadable rows with file and line and goes on" {
	printf 'k,v\na,1\nb,2,3\nc,"4\n' > "$BATS_TEST_TMPDIR/in"
	run --separate-stderr baocao-aggregate -k k -o sum:v --bad-rows "$BATS_TEST_TMPDIR/bad.csv" --stats "$BATS_TEST_TMPDIR/in"
	assert_success
	assert_output "k,sum_v
a,1"
	run cat "$BATS_TEST_TMPDIR/bad.csv"
	assert_output "$BATS_TEST_TMPDIR/in,3,\"expected 2 fields, found 3\"
$BATS_TEST_TMPDIR/in,4,unterminated quoted field"
	[[ "$stderr" == *"rows quarantined: 2"* ]]
}

@test "report text: invalid UTF-8, NUL, truncated gzip are errors; empty is fine" {
	printf 'a\n\xff\n' > "$BATS_TEST_TMPDIR/r.txt"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/r.txt"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/r.txt:2: invalid UTF-8 at byte 1 of the line"
	printf 'a\n\000\n' > "$BATS_TEST_TMPDIR/r.txt"
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/r.txt"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/r.txt:2: NUL byte in text"
	use_table aggregate
	make_input truncated-gz
	run -2 --separate-stderr baocao-extract "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" "baocao-extract: $BATS_TEST_TMPDIR/in: corrupt or truncated gzip input (unexpected end of file)"
	: > "$BATS_TEST_TMPDIR/r.txt"
	run -0 baocao-extract "$BATS_TEST_TMPDIR/r.txt"
}

@test "hostile sizes end with a clear error, not an out-of-memory kill" {
	# A number of a thousand digits is not summed as if it were right.
	python3 -c "print('k,v'); print('a,' + '9' * 1000)" > "$BATS_TEST_TMPDIR/in"
	run -2 --separate-stderr baocao-aggregate -k k -o sum:v "$BATS_TEST_TMPDIR/in"
	assert_equal "$stderr" "baocao-aggregate: $BATS_TEST_TMPDIR/in:2: column 'v': '999999999999999999999999999999999999999999999999999999999999': number too long (limit 60 digits, 30 after the point)"
	# A row of 70,000 columns is over the field limit.
	python3 -c "print(','.join('c%d' % i for i in range(70000)))" > "$BATS_TEST_TMPDIR/wide"
	run -2 --separate-stderr baocao-aggregate -k c1 -o count "$BATS_TEST_TMPDIR/wide"
	assert_equal "$stderr" "baocao-aggregate: $BATS_TEST_TMPDIR/wide:1: more than 65536 fields"
}
