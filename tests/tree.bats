#!/usr/bin/env bats
# The tree as a newcomer meets it: common/README.md names every shared
# module, no source file is over 800 lines, and each says its role first.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	cd "$ROOT"
}

@test "common/README.md names every module of common/, and no module that is not there" {
	local m missing=() extra=()
	for m in common/*.h; do
		m=$(basename "$m" .h)
		case $m in *_int) continue ;; esac
		grep -q "\`$m\`" common/README.md || missing+=("$m")
	done
	for m in $(grep -o '^| `[a-z0-9_]*`' common/README.md | tr -d '|` '); do
		[ -f "common/$m.h" ] || extra+=("$m")
	done
	assert_equal "${missing[*]}" ""
	assert_equal "${extra[*]}" ""
}

@test "no C source file is over 800 lines" {
	run -0 bash -c 'find common filters tests/unit -name "*.[ch]" -exec wc -l {} + |
		awk "\$2 != \"total\" && \$1 > 800 { print \$2 \": \" \$1 }"'
	assert_output ""
}

@test "every C file says its role in a comment before its first line of code" {
	local f bad=()
	while IFS= read -r f; do
		head -n 1 "$f" | grep -q '^/\*' || bad+=("$f")
	done < <(find common filters -name '*.[ch]' | sort)
	assert_equal "${bad[*]}" ""
}
