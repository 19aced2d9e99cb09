#!/usr/bin/env bats
# aggregate and diff on inputs that grow 4 times: the instructions they
# execute (callgrind) must grow at most 5 times, and the memory they hold
# as the documentation says.  Everything is counted, never timed, so a
# slow or busy machine gives the same verdict.

setup_file() {
	command -v valgrind >/dev/null || skip "valgrind is not installed"
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	INSTR="$TESTS/complexity/instr"
	HEAP="$TESTS/complexity/heap"
	# valgrind cannot run what AddressSanitizer built (make asan): the
	# counts are those of the plain build (make check)
	if ldd "$(command -v baocao-aggregate)" | grep -q libasan; then
		skip "valgrind cannot run a build with AddressSanitizer"
	fi
}

# facts N GROUPS FILE: N rows over GROUPS keys g0000000..., in key order,
# with values of up to 2 decimals (deterministic).
facts() {
	awk -v n="$1" -v g="$2" 'BEGIN { print "k,v"
		for (i = 0; i < n; i++)
			printf "g%07d,%d.%02d\n", int(i * g / n), (i * 7919) % 100000, i % 100 }' > "$3"
}

# linear NAME I0 I1 I4: the work at n (I1) and 4n (I4), the fixed cost
# (I0) taken off, grows at most 5 times.
linear() {
	local i1=$(($3 - $2)) i4=$(($4 - $2))
	echo "$1: +$i1 at n, +$i4 at 4n"
	[ "$i1" -gt 0 ]
	[ $((i4 * 10)) -le $((i1 * 50)) ]
}

@test "aggregate: rows cost linear work, hashed and --sorted" {
	local d=$BATS_TEST_TMPDIR
	for n in 0 10000 40000; do facts "$n" $((n / 4)) "$d/f$n.csv"; done
	for mode in "" --sorted; do
		eval "$(for n in 0 10000 40000; do
			echo "c$n=$("$INSTR" baocao-aggregate $mode -k k -o sum:v,count,max:v "$d/f$n.csv")"
		done)"
		linear "aggregate $mode" "$c0" "$c10000" "$c40000"
	done
}

@test "aggregate --sorted holds one group: its heap does not grow with the groups" {
	local d=$BATS_TEST_TMPDIR
	facts 20000 5000 "$d/a.csv"
	facts 80000 20000 "$d/b.csv"
	a=$("$HEAP" baocao-aggregate --sorted -k k -o sum:v,countunique:v,first:v "$d/a.csv")
	b=$("$HEAP" baocao-aggregate --sorted -k k -o sum:v,countunique:v,first:v "$d/b.csv")
	echo "--sorted: $a bytes at 5000 groups, $b at 20000"
	[ "$b" -le $((a + 4096)) ]
	# hashing holds every group: the same count can see a difference
	a=$("$HEAP" baocao-aggregate -k k -o sum:v,countunique:v,first:v "$d/a.csv")
	b=$("$HEAP" baocao-aggregate -k k -o sum:v,countunique:v,first:v "$d/b.csv")
	echo "hashed: $a bytes at 5000 groups, $b at 20000"
	[ "$b" -gt $((a + 1000000)) ]
}

@test "aggregate: the city table on many units costs linear work" {
	local d=$BATS_TEST_TMPDIR n
	# n units, each a year of four quarters (derived: H1, H2, 9 months,
	# the year) of a flow and a rate with its two parts
	for n in 0 1000 4000; do
		awk -v n="$n" 'BEGIN { print "doc,reporter_code,province_code,period,indicator,unit,value,line"
			for (u = 0; u < n; u++) for (q = 1; q <= 4; q++) {
				printf "d%d,%d,79,2024-Q%d,reception.visits,visit,%d,%d\n", u, 10000 + u, q, u % 90 + q, q
				printf "d%d,%d,79,2024-Q%d,dossiers.online,dossier,%d,%d\n", u, 10000 + u, q, u % 7, q
				printf "d%d,%d,79,2024-Q%d,dossiers.received,dossier,%d,%d\n", u, 10000 + u, q, u % 9 + 7, q } }' > "$d/u$n.csv"
		eval "c$n=\$(\"\$INSTR\" baocao-aggregate \"\$d/u\$n.csv\")"
	done
	run -0 baocao-aggregate --stats "$d/u1000.csv"
	assert_line --partial "figures derived: 12000"
	linear "city table" "$c0" "$c1000" "$c4000"
}

@test "diff: the hash mode costs linear work and holds OLD in under twice its size" {
	local d=$BATS_TEST_TMPDIR n
	for n in 0 10000 40000 160000; do
		awk -v n="$n" -v f="$d/o$n.csv" -v g="$d/n$n.csv" 'BEGIN {
			print "key,a,b" > f; print "key,a,b" > g
			for (i = 0; i < n; i++) {
				printf "k%08d,%d,%d.%02d\n", i, i * 7 % 1000003, i % 99991, i % 100 > f
				printf "k%08d,%d,%d.%02d\n", i, (i * 7 + (i % 97 == 0)) % 1000003, i % 99991, i % 100 > g } }'
	done
	for n in 0 10000 40000; do
		eval "c$n=\$(\"\$INSTR\" baocao-diff -k key \"\$d/o\$n.csv\" \"\$d/n\$n.csv\")"
	done
	linear "diff" "$c0" "$c10000" "$c40000"
	# what 120000 more rows of OLD cost in memory, against their bytes
	h1=$("$HEAP" baocao-diff -k key "$d/o40000.csv" "$d/n40000.csv")
	h4=$("$HEAP" baocao-diff -k key "$d/o160000.csv" "$d/n160000.csv")
	s1=$(wc -c < "$d/o40000.csv") s4=$(wc -c < "$d/o160000.csv")
	echo "diff: $h1 bytes of heap for $s1 bytes of OLD, $h4 for $s4"
	[ $((h4 - h1)) -le $((2 * (s4 - s1))) ]
}
