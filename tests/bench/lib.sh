# shellcheck shell=bash
# Shared by the benchmark scripts: timing with peak memory, and a table.
# Not a test: figures are printed, nothing is asserted.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${BAOCAO_BUILD:-$ROOT/build}
PATH=$BIN:$ROOT/pipelines:$PATH
export LC_ALL=C.UTF-8 PATH

[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

# measure NAME ROWS BYTES CMD...: runs CMD once (output to /dev/null unless
# CMD redirects), prints a row: seconds, rows/s, MB/s, peak RSS.
measure() {
	local name=$1 rows=$2 bytes=$3 t
	shift 3
	t=$(mktemp)
	if ! /usr/bin/time -f '%e %M' -o "$t" bash -c "$*" > /dev/null 2> "$t.err"; then
		printf '%-44s  failed: %s\n' "$name" "$(head -c 200 "$t.err")"
		rm -f "$t" "$t.err"
		return 0
	fi
	read -r secs kb < <(tail -1 "$t")
	rm -f "$t" "$t.err"
	LAST_SECS=$secs LAST_KB=$kb	# read by the scripts that source this file
	export LAST_SECS LAST_KB
	awk -v n="$name" -v s="$secs" -v r="$rows" -v b="$bytes" -v kb="$kb" -v base="${BASE_SECS:-}" 'BEGIN {
		if (s <= 0) s = 0.005
		ratio = base == "" ? "" : sprintf("%.2fx", base / s)
		printf "%-44s %8.2f s %12.0f rows/s %8.1f MB/s %8.0f MB RSS %9s\n",
		    n, s, r / s, b / s / 1e6, kb / 1024, ratio }'
}

have() { command -v "$1" > /dev/null 2>&1; }

header() {
	printf '%-44s %10s %19s %13s %15s %9s\n' "$1" time throughput bytes "peak memory" "${2:-}"
}
