#!/usr/bin/env bats
# Faults, in the spirit of SQLite's: city-summary's outputs (-o, -m, -c, -x)
# against a full disk, a read-only folder and a SIGTERM at a random point
# of the run.  After each, the outputs are all the old ones or all the new
# ones, complete; nothing temporary is left in the output folders or in
# TMPDIR, no process of the run is left; and the exit status says which
# (2 or 143: the old ones; the run's own status: the new ones).

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	export R=$BATS_FILE_TMPDIR/r REF=$BATS_FILE_TMPDIR/ref
	mkdir -p "$R" "$REF"
	cp "$ROOT"/pipelines/samples/760_2023-Q1.txt "$ROOT"/pipelines/samples/766_2023-Q1.txt "$R/"
	# the new outputs, once, to compare with, and how long a run takes
	local start=$EPOCHREALTIME st=0
	city-summary -o "$REF/city.csv" -m "$REF/man.csv" -c "$REF/find.csv" \
		-x "$REF/book.xlsx" "$R" 2> /dev/null || st=$?
	export REF_STATUS=$st
	local end=$EPOCHREALTIME
	export REF_MS=$(( (${end//[.,]/} - ${start//[.,]/}) / 1000 ))
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	T=$BATS_TEST_TMPDIR
	mkdir -p "$T/out" "$T/tmp"
	export TMPDIR=$T/tmp
	MOUNTED=
}

teardown() {
	[ -z "$MOUNTED" ] || umount "$MOUNTED" || :
}

NAMES=(city.csv man.csv find.csv book.xlsx)
OPTS=(-o -m -c -x)

# What a file holds; of a workbook, every part but the one that says when
# it was written.
content() {
	case $1 in
	*.xlsx) python3 - "$1" <<-'PY'
		import sys, zipfile
		z = zipfile.ZipFile(sys.argv[1])
		assert z.testzip() is None
		for n in sorted(z.namelist()):
		    if n != "docProps/core.xml":
		        sys.stdout.buffer.write(n.encode() + b"\n" + z.read(n))
		PY
		;;
	*) cat -- "$1" ;;
	esac
}

# The outputs' options, each in folder $1 except output number $2, in $3.
args_for() {
	local i
	args=()
	for i in 0 1 2 3; do
		if [ "$i" = "${2:-}" ]; then
			args+=("${OPTS[i]}" "$3/${NAMES[i]}")
		else
			args+=("${OPTS[i]}" "$1/${NAMES[i]}")
		fi
	done
}

# An old set of outputs in folder $1.
old_set() {
	local n
	for n in "${NAMES[@]}"; do echo "old $n" > "$1/$n"; done
}

# After a run that ended with status $1, output number $3 in folder $4 and
# the others in $2: all old (status 2 or 143) or all new (the run's own
# status); nothing else in the folders, in TMPDIR, or running.
check_after() {
	local st=$1 dir=$2 i d want p cmd
	for i in 0 1 2 3; do
		d=$dir
		[ "$i" != "${3:-}" ] || d=$4
		case $st in
		2 | 143) assert_equal "$(cat "$d/${NAMES[i]}")" "old ${NAMES[i]}" ;;
		"$REF_STATUS") assert_equal "$(content "$d/${NAMES[i]}" | sha256sum)" \
			"$(content "$REF/${NAMES[i]}" | sha256sum)" ;;
		*) fail "exit status $st: neither trouble (2), SIGTERM (143) nor the run's ($REF_STATUS)" ;;
		esac
	done
	# the old set is in $dir (all four), the one elsewhere beside it
	assert_equal "$(ls -A "$dir" | paste -sd ' ')" "book.xlsx city.csv find.csv man.csv"
	if [ -n "${4:-}" ]; then
		want=${NAMES[$3]}
		[ ! -e "$4/fill" ] || want="fill $want"
		assert_equal "$(ls -A "$4" | sort | paste -sd ' ')" "$(tr ' ' '\n' <<< "$want" | sort | paste -sd ' ')"
	fi
	assert_equal "$(ls -A "$TMPDIR")" ""
	for p in /proc/[0-9]*; do
		mapfile -d '' cmd 2> /dev/null < "$p/cmdline" || continue
		[[ "${cmd[*]}" != *"$BATS_TEST_TMPDIR/"* ]] || fail "left running: ${cmd[*]}"
	done
}

@test "a full disk under each output: exit 2, every output old, no temporary left" {
	[ "$REF_STATUS" -eq 0 ]
	old_set "$T/out"
	for k in 0 1 2 3; do
		if [ "$(id -u)" -eq 0 ] && mkdir -p "$T/full" &&
			mount -t tmpfs -o size=64k tmpfs "$T/full"; then
			MOUNTED=$T/full
			echo "old ${NAMES[k]}" > "$T/full/${NAMES[k]}"
			dd if=/dev/zero of="$T/full/fill" bs=4k 2> /dev/null || :
			args_for "$T/out" "$k" "$T/full"
			run -2 --separate-stderr city-summary "${args[@]}" "$R"
			check_after "$status" "$T/out" "$k" "$T/full"
			umount "$T/full"
			MOUNTED=
		else
			args_for "$T/out"
			args[k * 2 + 1]=/dev/full
			run -2 --separate-stderr city-summary "${args[@]}" "$R"
			[[ "$stderr" == *"city-summary: cannot write '/dev/full' (${OPTS[k]})"* ]]
			check_after "$status" "$T/out"
		fi
	done
}

@test "a read-only folder under each output: exit 2 before the run, every output old" {
	old_set "$T/out"
	mkdir "$T/ro"
	for k in 0 1 2 3; do
		echo "old ${NAMES[k]}" > "$T/ro/${NAMES[k]}"
		if [ "$(id -u)" -eq 0 ]; then
			# root writes through permissions: a read-only file system
			mount --bind "$T/ro" "$T/ro" && MOUNTED=$T/ro &&
				mount -o remount,bind,ro "$T/ro" || skip "cannot mount read-only here"
		else
			chmod 555 "$T/ro"
		fi
		args_for "$T/out" "$k" "$T/ro"
		run -2 --separate-stderr city-summary "${args[@]}" "$R"
		[[ "$stderr" == *"its directory '$T/ro' cannot be written"* ]]
		[[ "$stderr" != *"reports:"* ]]
		check_after "$status" "$T/out" "$k" "$T/ro"
		if [ -n "$MOUNTED" ]; then umount "$T/ro"; MOUNTED=; else chmod 755 "$T/ro"; fi
		rm "$T/ro/${NAMES[k]}"
	done
}

@test "SIGTERM to the script at 20 random points: all old (143) or all new, nothing left behind" {
	local seed delay pid st j
	# beside the reference outputs, so that the workbook's links to the
	# reports are the same
	local out=$BATS_FILE_TMPDIR/out
	for seed in $(seq 1 20); do
		rm -rf "$out"
		mkdir "$out"
		old_set "$out"
		RANDOM=$seed
		# anywhere from the start to a little past the end of a run
		delay=$(( RANDOM % (REF_MS * 6 / 5 + 20) ))
		j=$(( seed % 2 + 1 ))
		args_for "$out"
		city-summary -j "$j" "${args[@]}" "$R" 2> "$T/err" &
		pid=$!
		sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
		kill -TERM "$pid" 2> /dev/null || :
		st=0
		wait "$pid" || st=$?
		echo "seed $seed: -j $j, SIGTERM at $delay ms of about $REF_MS: exit $st"
		[ "$st" -ne 2 ] || fail "exit 2: $(cat "$T/err")"
		check_after "$st" "$out"
	done
}
