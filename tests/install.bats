#!/usr/bin/env bats
# make install: everything a user runs, found where it was installed.

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

@test "make install DESTDIR=...: the whole pipeline from another directory, with an edited rules file" {
	build=${BAOCAO_BUILD:-$ROOT/build}
	dest=$BATS_TEST_TMPDIR/root
	baocao-gen -K -p 12 -y 2023 -s 11 "$BATS_TEST_TMPDIR/reports" > /dev/null
	# the install itself (nothing to build: the tests run on a built tree)
	run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$ROOT" --no-print-directory \
		install B="$build" DESTDIR="$dest" PREFIX=/usr
	assert_success
	for c in extract normalize aggregate diff check xlsx review city-summary compare-periods check-totals chart; do
		assert_file_executable "$dest/usr/bin/baocao-$c"
	done
	assert_file_exists "$dest/usr/share/man/man1/baocao-xlsx.1"
	for c in city-summary compare-periods check-totals chart; do
		assert_file_exists "$dest/usr/share/man/man1/baocao-$c.1"
	done
	assert_file_exists "$dest/usr/share/baocao/lexicon.rules"
	assert_file_exists "$dest/usr/share/locale/vi/LC_MESSAGES/baocao.mo"
	# From elsewhere, with the installed commands and the system's only
	# (not the tree's build/ or pipelines/), and labels edited where they
	# were installed, so that using them shows.
	mkdir "$BATS_TEST_TMPDIR/elsewhere"
	cd "$BATS_TEST_TMPDIR/elsewhere"
	export PATH="$dest/usr/bin:${BAOCAO_AWK_SHIM:+$BAOCAO_AWK_SHIM:}/usr/bin:/bin"
	sed -i 's/^reception.visits,Lượt tiếp công dân,/reception.visits,Lượt tiếp công dân (bản cài đặt),/' \
		"$dest/usr/share/baocao/labels.csv"
	# an analyst's copy of the lexicon: no city-wide online share
	grep -v '^rate dossiers.online_rate' "$dest/usr/share/baocao/lexicon.rules" > my.rules
	run -0 baocao-city-summary --rules my.rules -x city.xlsx -c findings.csv -o city.csv "$BATS_TEST_TMPDIR/reports"
	run grep -c '^79,2024,dossiers.online_rate,percent,.*,per-unit,' city.csv
	assert_output 1
	grep -q '^79,2024,dossiers.resolved_rate,percent,.*,ratio,dossiers.resolved,dossiers.received,' city.csv
	run file city.xlsx
	assert_output --partial "Microsoft Excel 2007+"
	run -1 baocao-compare-periods -a -f city.csv 2023 2024
	assert_line --regexp '^Lượt tiếp công dân \(bản cài đặt\) +lượt +[0-9.]+ +[0-9.]+ '
	assert_line --regexp '^Tỷ lệ hồ sơ trực tuyến +% +- +- +- +- '
	# the messages' catalogue, found beside bin/ by a filter and a
	# pipeline (LANGUAGE: C.UTF-8 is on every machine, vi_VN not)
	run -2 --separate-stderr env LANGUAGE=vi baocao-diff nope.csv city.csv
	# (strerror's words are the C library's own)
	assert_regex "$stderr" "^baocao-diff: không đọc được 'nope.csv': [^ ]"
	run -2 --separate-stderr env LANGUAGE=vi baocao-compare-periods -f city.csv 2023 2024
	assert_equal "$stderr" "compare-periods: city.csv: bảng thành phố không có số liệu của từng đơn vị nên không so sánh được trên cùng các đơn vị: hãy đưa vào số liệu đã chuẩn hóa (baocao-normalize) hoặc số liệu từng đơn vị (baocao-aggregate --units), hoặc so sánh toàn bộ số liệu thành phố bằng -a"
	baocao-extract "$BATS_TEST_TMPDIR"/reports/*_2024.txt | baocao-normalize --rules my.rules > facts.csv
	run -0 baocao-chart -i reception.visits -p 2024 -o chart facts.csv
	assert_file_exists chart.png
	grep -q 'Lượt tiếp công dân (bản cài đặt)' chart.svg
	run -0 baocao-check-totals "$BATS_TEST_TMPDIR/reports/764_2023.txt"
	# and uninstall takes it all away
	run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL PATH="${BAOCAO_AWK_SHIM:+$BAOCAO_AWK_SHIM:}/usr/bin:/bin" make -C "$ROOT" --no-print-directory \
		uninstall B="$build" DESTDIR="$dest" PREFIX=/usr
	assert_success
	run -0 find "$dest" -type f
	assert_output ""
}
