#!/usr/bin/env bats
# The vocabulary lives in data: no Vietnamese word in the C sources, every
# list C needs present in common/data/words.rules.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	LINT="$TESTS/lint/vietnamese-in-c"
}

@test "no C string literal under filters/ or common/ holds a Vietnamese word" {
	run -0 "$LINT" "$ROOT"
	assert_output ''
}

@test "the lint finds a Vietnamese word put back in C, and only in literals" {
	mkdir -p "$BATS_TEST_TMPDIR/common" "$BATS_TEST_TMPDIR/filters"
	cat > "$BATS_TEST_TMPDIR/common/x.c" <<'C'
/* "tổng số" in a comment is fine; so are symbols: */
static const char *dash = "–²•";
static const char *total = "tổng số";
C
	run -1 "$LINT" "$BATS_TEST_TMPDIR"
	assert_output 'common/x.c:3: "tổng số"'
}

@test "the lint finds the words of a resend, a copy or an old folder put in C unmarked, and leaves English alone" {
	mkdir -p "$BATS_TEST_TMPDIR/common/data" "$BATS_TEST_TMPDIR/filters"
	cp "$ROOT/common/data/words.rules" "$BATS_TEST_TMPDIR/common/data/"
	cat > "$BATS_TEST_TMPDIR/filters/x.c" <<'C'
static const char *a = "BC - bo sung";
static const char *b = "Ban sao cua";
static const char *c = "lan 2";
static const char *d = "an archive of old reports: a zip bomb? a copy?";
static const char *e = "sung, bones, sao paulo";
C
	run -1 "$LINT" "$BATS_TEST_TMPDIR"
	assert_output 'filters/x.c:1: "BC - bo sung"
filters/x.c:2: "Ban sao cua"
filters/x.c:3: "lan 2"'
}

@test "every word list the programs know is in words.rules, once" {
	names=$(sed -n 's/^	X([A-Z_0-9]*, "\([a-z0-9-]*\)".*/\1/p' "$ROOT/common/words.h" | sort)
	file=$(sed -n 's/^words \([a-z0-9-]*\):.*/\1/p' "$ROOT/common/data/words.rules" | sort)
	[ -n "$names" ]
	assert_equal "$file" "$names"
}
