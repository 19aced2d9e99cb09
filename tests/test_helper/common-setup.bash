# Loaded by every suite: assertions, the built binaries first on PATH, a
# fixed locale and time zone.
_common_setup() {
	bats_require_minimum_version 1.5.0
	load '/usr/lib/bats/bats-support/load'
	load '/usr/lib/bats/bats-assert/load'
	load '/usr/lib/bats/bats-file/load'
	TESTS="$(cd "$BATS_TEST_DIRNAME" && pwd)"
	ROOT="$(cd "$TESTS/.." && pwd)"
	SHARED="$ROOT/../shared"
	PATH="${BAOCAO_BUILD:-$ROOT/build}:$ROOT/pipelines:$PATH"
	export LC_ALL=C.UTF-8 TZ=UTC PATH
	# messages in English, whatever language the user reads (LANGUAGE
	# outranks LC_ALL for gettext when the locale is not C)
	unset LANGUAGE
}

# Skips a test that needs the real reports when ../shared is absent.
need_shared() {
	[ -d "$SHARED/seeds" ] || skip "no ../shared/seeds here"
}
