#!/usr/bin/env bats
# city-summary -S: the jobs run on another host for real.  The test starts
# an sshd (openssh-server) on 127.0.0.1 with host and user keys it makes,
# and GNU parallel transfers the reports to it with rsync.  Skipped, with
# the reason, where sshd cannot start here.

setup_file() {
	# One test at a time: the first counts the scratch directories the
	# jobs leave on the host, which another test's jobs would change.
	export BATS_NO_PARALLELIZE_WITHIN_FILE=true
	load 'test_helper/common-setup'
	_common_setup
	export SSHD_DIR="$BATS_FILE_TMPDIR/sshd" SSHD_SKIP=
	SSHD_SKIP=$(start_sshd 2>&1) || { export SSHD_SKIP="${SSHD_SKIP:-sshd did not start}"; return 0; }
	export SSHD_SKIP=
	export LOGIN="ssh -F $SSHD_DIR/ssh_config baocao-test"
	export CORPUS="$BATS_FILE_TMPDIR/corpus"
	mkdir -p "$CORPUS"
	baocao-gen -f -p 1 -y 2024 -s 5 -m 20 "$CORPUS/gen"
	rm "$CORPUS/gen/truth.csv"
	# A duplicate under another name, and one that cannot be read.
	first=$(ls "$CORPUS"/gen/*_2024-Q1.txt | head -1)
	export DUP=${first%.txt}
	cp "$DUP.txt" "$DUP (1).txt"
	printf 'x\377\n' > "$CORPUS/broken.txt"
	# One report states its visits twice: normalize warns, on any host.
	second=$(ls "$CORPUS"/gen/*_2024-Q1.txt | sed -n 2p)
	printf '\nỦy ban nhân dân đã tiếp 7 lượt công dân trong kỳ.\n' >> "$second"
}

teardown_file() {
	[ ! -f "$SSHD_DIR/ssh_config" ] ||
		ssh -F "$SSHD_DIR/ssh_config" -O exit baocao-test 2>/dev/null || true
	[ ! -f "$SSHD_DIR/sshd.pid" ] || kill "$(cat "$SSHD_DIR/sshd.pid")" 2>/dev/null || true
}

# Starts sshd on a free port of 127.0.0.1, or says why it cannot.
start_sshd() {
	local sshd=/usr/sbin/sshd port i
	[ -x "$sshd" ] || { echo "no $sshd (Debian package openssh-server)"; return 1; }
	command -v rsync > /dev/null || { echo "no rsync, which GNU parallel transfers with"; return 1; }
	if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
		mkdir -p -m 755 /run/sshd || { echo "cannot make /run/sshd"; return 1; }
	fi
	mkdir -p -m 700 "$SSHD_DIR" "$SSHD_DIR/home"
	ssh-keygen -q -t ed25519 -N '' -f "$SSHD_DIR/host_key" || return 1
	ssh-keygen -q -t ed25519 -N '' -f "$SSHD_DIR/user_key" || return 1
	cp "$SSHD_DIR/user_key.pub" "$SSHD_DIR/authorized_keys"
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	cat > "$SSHD_DIR/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $SSHD_DIR/host_key
AuthorizedKeysFile $SSHD_DIR/authorized_keys
PidFile $SSHD_DIR/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
LogLevel VERBOSE
StrictModes no
PermitRootLogin prohibit-password
SetEnv PATH=$PATH HOME=$SSHD_DIR/home
CONF
	cat > "$SSHD_DIR/ssh_config" <<CONF
Host baocao-test
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $SSHD_DIR/user_key
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	BatchMode yes
	LogLevel ERROR
	ControlMaster auto
	ControlPath $SSHD_DIR/cm-%C
	ControlPersist 60
CONF
	"$sshd" -f "$SSHD_DIR/sshd_config" -E "$SSHD_DIR/log" || { echo "sshd did not start: $(tail -1 "$SSHD_DIR/log")"; return 1; }
	for i in 1 2 3 4 5 6 7 8 9 10; do
		ssh -F "$SSHD_DIR/ssh_config" baocao-test true 2> /dev/null && return 0
		sleep 0.3
	done
	echo "no ssh login to the test sshd: $(tail -1 "$SSHD_DIR/log")"
	return 1
}

# The jobs' scratch directories GNU parallel makes on the host (--workdir
# ...), under the login's directory.
scratch_dirs() {
	ls -A ~/.parallel/tmp 2>/dev/null | grep -v '^sshlogin$' || true
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	[ -z "$SSHD_SKIP" ] || skip "$SSHD_SKIP"
}

@test "-S through a real sshd: the reports are transferred, the table and manifest are byte-identical to -j 1" {
	run -3 --separate-stderr city-summary -v -o "$BATS_TEST_TMPDIR/j1.csv" -m "$BATS_TEST_TMPDIR/m1.csv" \
		-c "$BATS_TEST_TMPDIR/f1.csv" "$CORPUS"
	said=$(grep -c '^baocao-normalize: ' <<< "$stderr" || true)
	before=$(grep -c 'Accepted publickey' "$SSHD_DIR/log")
	commands=$(grep -c 'Starting session: command' "$SSHD_DIR/log")
	scratch=$(scratch_dirs)
	run -3 --separate-stderr city-summary -v -j 2 -S "2/$LOGIN" -o "$BATS_TEST_TMPDIR/s.csv" \
		-m "$BATS_TEST_TMPDIR/m2.csv" -c "$BATS_TEST_TMPDIR/f2.csv" "$CORPUS"
	cmp "$BATS_TEST_TMPDIR/j1.csv" "$BATS_TEST_TMPDIR/s.csv"
	cmp "$BATS_TEST_TMPDIR/m1.csv" "$BATS_TEST_TMPDIR/m2.csv"
	# the check ran here, after the jobs, with the same findings
	cmp "$BATS_TEST_TMPDIR/f1.csv" "$BATS_TEST_TMPDIR/f2.csv"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/f2.csv")" -gt 1 ]
	# what the jobs said on the host comes back: as many warnings as -j 1
	[ "$said" -gt 0 ]
	assert_equal "$(grep -c '^baocao-normalize: ' <<< "$stderr" || true)" "$said"
	# The jobs ran through the sshd (one connection, shared), read the copies
	# transferred into their scratch directories (they run there, on
	# relative names), and removed them.
	after=$(grep -c 'Accepted publickey' "$SSHD_DIR/log")
	[ "$after" -ge "$before" ]
	[ "$(grep -c 'Starting session: command' "$SSHD_DIR/log")" -gt "$commands" ]
	assert_equal "$(scratch_dirs)" "$scratch"
	# A real table: the generated districts of 2024-Q1, one duplicate left out.
	assert_equal "$(grep -c '^79,2024-Q1,reception.visits,visit,' "$BATS_TEST_TMPDIR/s.csv")" 1
	[[ "$stderr" == *"city-summary: $DUP (1).txt: duplicate: the same content as '$DUP.txt'"* ]]
}

@test "-S: an edited lexicon and a corrections file travel with the jobs; the table is the one -j 1 makes with them" {
	grep -v '^rate dossiers.online_rate' "$ROOT/common/data/lexicon.rules" > "$BATS_TEST_TMPDIR/my.rules"
	report=$(ls "$CORPUS"/gen/*_2024-Q1.txt | tail -1)
	doc=gen/$(basename "$report" .txt)
	fact=$(baocao-extract --root "$CORPUS" "$report" | baocao-normalize |
		awk -F, '$6 == "reception.visits" { print $11 "," $12 "," $7 }')
	IFS=, read -r line raw value <<< "$fact"
	printf 'report,line,raw,indicator,value,scope\n%s,%s,%s,,1,\n' "$doc" "$line" "$raw" \
		> "$BATS_TEST_TMPDIR/fixes.csv"
	opts=(--rules "$BATS_TEST_TMPDIR/my.rules" --corrections "$BATS_TEST_TMPDIR/fixes.csv")
	run -3 city-summary "${opts[@]}" -o "$BATS_TEST_TMPDIR/j1.csv" "$CORPUS"
	run -3 --separate-stderr city-summary "${opts[@]}" -j 2 -S "2/$LOGIN" -o "$BATS_TEST_TMPDIR/s.csv" "$CORPUS"
	cmp "$BATS_TEST_TMPDIR/j1.csv" "$BATS_TEST_TMPDIR/s.csv"
	# the jobs' counts came back from the host
	[[ "$stderr" == *"city-summary: corrections: 1 applied"* ]]
	run -3 city-summary -o "$BATS_TEST_TMPDIR/plain.csv" "$CORPUS"
	# both options showed: the online share per unit, the visits corrected
	run grep -c ',dossiers.online_rate,percent,.*,per-unit,' "$BATS_TEST_TMPDIR/s.csv"
	assert_output 1
	old=$(awk -F, '$3 == "reception.visits" { print $5 }' "$BATS_TEST_TMPDIR/plain.csv")
	new=$(awk -F, '$3 == "reception.visits" { print $5 }' "$BATS_TEST_TMPDIR/s.csv")
	assert_equal "$new" "$((old - value + 1))"
}

@test "M4: the README's example, -S with the reports as a relative path (reports/) or files of the current directory" {
	mkdir -p "$BATS_TEST_TMPDIR/w/reports"
	cp "$CORPUS"/gen/*_2024-Q1.txt "$BATS_TEST_TMPDIR/w/reports/"
	cd "$BATS_TEST_TMPDIR/w"
	run -0 city-summary -o j1.csv reports/
	run -0 --separate-stderr city-summary -j 2 -S "2/$LOGIN" -o city.csv reports/
	cmp j1.csv city.csv
	assert_equal "$(grep -c '^79,2024-Q1,reception.visits,visit,' city.csv)" 1
	cd reports
	run -0 city-summary -o ../here1.csv *.txt
	run -0 city-summary -j 2 -S "2/$LOGIN" -o ../here.csv *.txt
	cmp ../here1.csv ../here.csv
	cmp ../j1.csv ../here.csv
}

@test "-S with reports in a zip and a .tar.gz: each job gets the archive its reports are in; the table is -j 1's" {
	mkdir -p "$BATS_TEST_TMPDIR/w/reports/sub" "$BATS_TEST_TMPDIR/src"
	cp "$CORPUS"/gen/*_2024-Q1.txt "$BATS_TEST_TMPDIR/src/"
	cd "$BATS_TEST_TMPDIR/src"
	set -- *.txt
	# three in a zip, three in a tar.gz in a subfolder, the rest loose
	python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); [z.write(f) for f in sys.argv[2:]]' \
		../w/reports/q1.zip "$1" "$2" "$3"
	bsdtar -czf ../w/reports/sub/more.tar.gz "$4" "$5" "$6"
	shift 6
	cp "$@" ../w/reports/
	cd "$BATS_TEST_TMPDIR/w"
	run -0 city-summary -o j1.csv -m m1.csv reports/
	run -0 --separate-stderr city-summary -j 3 -S "3/$LOGIN" -o s.csv -m m2.csv reports/
	cmp j1.csv s.csv
	cmp m1.csv m2.csv
	run -0 python3 -c '
import csv, sys
print(sum(r["status"] == "ok" and ("q1.zip/" in r["doc"] or "more.tar/" in r["doc"]) for r in csv.DictReader(open(sys.argv[1]))))' m1.csv
	assert_output 6
}
