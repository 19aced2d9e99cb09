# shellcheck shell=bash
# Shared by the benchmark scripts: timing with peak memory, a table, the
# release to compare with, and the corpora.  Not a test: figures are
# printed, nothing is asserted.
#
# Every row is the median of RUNS runs (BENCH_RUNS, default 3): wall and
# cpu seconds, throughput, peak memory.  A row of
# baocao's own ("compare") runs the same command with the release's
# binaries too, alternating now and then run by run, and prints the ratio
# then/now (above 1: faster now); a row beside a peer prints peer/this
# (above 1: faster than the peer).  Throughput and ratios are by cpu
# seconds (steady on a busy machine), or by wall seconds under CLOCK=wall
# (a job on several cores).  The release is built
# by tests/bench/then (run-all does it) and found in THEN_PATH.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${BAOCAO_BUILD:-$ROOT/build}
NOW_PATH=$BIN:$ROOT/pipelines:$PATH
PATH=$NOW_PATH
RUNS=${BENCH_RUNS:-3}
export LC_ALL=C.UTF-8 PATH

[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

have() { command -v "$1" > /dev/null 2>&1; }

# run1 PATH CMD: runs CMD once with that PATH (output to /dev/null unless
# CMD redirects); sets SECS (wall), CPU (user and system, children's
# included) and KB (peak memory), or returns 1 with ERR.
run1() {
	local path=$1 t u s
	shift
	t=$(mktemp)
	if ! PATH=$path /usr/bin/time -f '%e %U %S %M' -o "$t" bash -c "$*" > /dev/null 2> "$t.err"; then
		ERR=$(head -c 160 "$t.err" | tr '\n' ' ')
		rm -f "$t" "$t.err"
		return 1
	fi
	read -r SECS u s KB < <(tail -1 "$t")
	CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
	rm -f "$t" "$t.err"
}

# The time ratios compare: cpu (user and system: steady on a busy
# machine), or wall for a job that runs on several cores (CLOCK=wall).
clock() { if [ "${CLOCK:-cpu}" = wall ]; then echo "$SECS"; else echo "$CPU"; fi; }

# median of the numbers given
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

header() {
	printf '%-44s %7s %7s %15s %10s %8s %9s %10s\n' "$1" wall cpu throughput \
	    "" "peak" "${2:-}" "${THEN_NAME:+vs $THEN_NAME}"
}

# row NAME ROWS BYTES WALL CPU KB THEN: prints a row, throughput and
# ratios by the clock (LAST_SECS is this row's).
row() {
	local t
	t=$( [ "${CLOCK:-cpu}" = wall ] && echo "$4" || echo "$5")
	LAST_SECS=$t LAST_KB=$6	# read by the scripts that source this file
	export LAST_SECS LAST_KB
	awk -v n="$1" -v r="$2" -v b="$3" -v w="$4" -v c="$5" -v kb="$6" \
	    -v then="$7" -v t="$t" -v base="${BASE_SECS:-}" 'BEGIN {
		if (w <= 0) w = 0.005
		if (t <= 0) t = 0.005
		peer = base == "" ? "" : sprintf("%.2fx", base / t)
		vs = then == "" ? "" : then ~ /^[0-9.]+$/ ? sprintf("%.2fx", then / t) : then
		printf "%-44s %5.2f s %5.2f s %9.0f rows/s %6.1f MB/s %5.0f MB %9s %10s\n",
		    n, w, c, r / t, b / t / 1e6, kb / 1024, peer, vs }'
}

# measure NAME ROWS BYTES CMD...: a peer's row (or one of baocao's that
# the release cannot run), the median of RUNS runs.
measure() {
	local name=$1 rows=$2 bytes=$3 i walls=() cpus=() kbs=()
	shift 3
	for ((i = 0; i < RUNS; i++)); do
		if ! run1 "$NOW_PATH" "$*"; then
			printf '%-44s  failed: %s\n' "$name" "$ERR"
			return 0
		fi
		walls+=("$SECS")
		cpus+=("$CPU")
		kbs+=("$KB")
	done
	row "$name" "$rows" "$bytes" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
	    "$(median "${kbs[@]}")" ""
}

# compare NAME ROWS BYTES CMD...: one of baocao's rows, now and, when
# THEN_PATH is set, with the release's binaries, run by run in turn.
compare() {
	local name=$1 rows=$2 bytes=$3 i walls=() cpus=() kbs=() then=() vs=""
	shift 3
	for ((i = 0; i < RUNS; i++)); do
		if ! run1 "$NOW_PATH" "$*"; then
			printf '%-44s  failed: %s\n' "$name" "$ERR"
			return 0
		fi
		walls+=("$SECS")
		cpus+=("$CPU")
		kbs+=("$KB")
		if [ -n "${THEN_PATH:-}" ] && [ -z "$vs" ]; then
			if run1 "$THEN_PATH:$PATH" "$*"; then
				then+=("$(clock)")
			else
				vs="cannot"
			fi
		fi
	done
	[ -z "$vs" ] && [ ${#then[@]} -gt 0 ] && vs=$(median "${then[@]}")
	row "$name" "$rows" "$bytes" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
	    "$(median "${kbs[@]}")" "$vs"
}

# The corpora, made once in BENCH_DIR (run-all shares it between scripts).
BENCH_DIR=${BENCH_DIR:-}
if [ -z "$BENCH_DIR" ]; then
	BENCH_DIR=$(mktemp -d)
	trap 'rm -rf "$BENCH_DIR"' EXIT
fi
export BENCH_DIR

# big_corpus: about BENCH_MB megabytes (default 200) of generated reports
# padded with prose to 186 kB each, like the real ones; sets BIG (its
# directory) and BIG_LIST (the NUL-separated file names).
big_corpus() {
	local mb=${BENCH_MB:-200} pad=180000 periods
	BIG=$BENCH_DIR/big
	BIG_LIST=$BENCH_DIR/big.list
	periods=$(( (mb * 1000000 / (pad + 6000) + 21) / 22 ))
	[ -f "$BIG/truth.csv" ] || baocao-gen -f -p "$periods" -y 2023 -b "$pad" "$BIG" > /dev/null
	[ -f "$BIG_LIST" ] || find "$BIG" -name '*.txt' -print0 | LC_ALL=C sort -z > "$BIG_LIST"
}

# small_corpus: 2,112 generated reports of the samples' size (22 units,
# 96 periods); sets SMALL and SMALL_LIST.
small_corpus() {
	SMALL=$BENCH_DIR/small
	SMALL_LIST=$BENCH_DIR/small.list
	[ -f "$SMALL/truth.csv" ] || baocao-gen -f -p 96 -y 2021 "$SMALL" > /dev/null
	[ -f "$SMALL_LIST" ] || find "$SMALL" -name '*.txt' -print0 | LC_ALL=C sort -z > "$SMALL_LIST"
}

# files LIST: how many names; bytes LIST, lines LIST: of their content.
files() { tr -cd '\0' < "$1" | wc -c; }
bytes() { xargs -0 cat < "$1" | wc -c; }
lines() { xargs -0 cat < "$1" | wc -l; }
