#!/usr/bin/env bats
# The language of the messages: English in the C locale, Vietnamese under
# LANG=vi_VN.UTF-8, in the form "baocao-x: file:line: ..." either way; and
# nothing but the messages changes with the locale.  The Vietnamese lines
# are written here by hand, as the catalogue (common/data/po/vi.po) should
# give them.

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	# vi_VN.UTF-8: the system's, or made here from its definition (the
	# locales package) in a folder of the suite's, which LOCPATH names
	# (with the system's C.UTF-8 beside it, which the pipelines use).
	if locale -a 2> /dev/null | grep -qix 'vi_VN\.utf-\{0,1\}8'; then
		VI_LOCPATH=
	else
		VI_LOCPATH=$BATS_FILE_TMPDIR/locale
		mkdir -p "$VI_LOCPATH"
		localedef -i vi_VN -f UTF-8 "$VI_LOCPATH/vi_VN.UTF-8" || {
			echo "cannot make the vi_VN.UTF-8 locale (make deps: locales)" >&2
			return 1
		}
		for c in /usr/lib/locale/C.utf8 /usr/lib/locale/C.UTF-8; do
			[ ! -d "$c" ] || ln -s "$c" "$VI_LOCPATH/${c##*/}"
		done
	fi
	export VI_LOCPATH
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	cd "$BATS_TEST_TMPDIR"
}

# A command under LANG=vi_VN.UTF-8, or LANG=C, and nothing else that names
# a language.
vi() {
	env -u LC_ALL -u LANGUAGE -u LC_MESSAGES -u LC_CTYPE \
		${VI_LOCPATH:+LOCPATH="$VI_LOCPATH"} LANG=vi_VN.UTF-8 "$@"
}
en() {
	env -u LC_ALL -u LANGUAGE -u LC_MESSAGES -u LC_CTYPE LANG=C "$@"
}

@test "the locale is there: gettext's own words come in Vietnamese under it" {
	# (so that an English answer below is the catalogue's fault, not the
	# locale's)
	run -0 vi locale
	assert_line "LC_MESSAGES=\"vi_VN.UTF-8\""
	run -0 vi gettext -d coreutils 'write error'
	assert_output "lỗi ghi"
}

@test "a filter's message with a file and a line: Vietnamese under vi_VN, English under C, 'baocao-x: file:line:' in both" {
	printf 'k,v\na,1\nb,"2\nc,3\n' > bad.csv
	printf 'k,v\na,1\n' > ok.csv
	run -2 --separate-stderr en baocao-diff -k k ok.csv bad.csv
	assert_equal "$stderr" "baocao-diff: bad.csv:3: unterminated quoted field"
	run -2 --separate-stderr vi baocao-diff -k k ok.csv bad.csv
	assert_equal "$stderr" "baocao-diff: bad.csv:3: trường có dấu ngoặc kép không đóng"
	printf 'doc,period\nx,2024\n' > facts.csv
	run -2 --separate-stderr en baocao-aggregate facts.csv
	assert_equal "$stderr" "baocao-aggregate: facts.csv:1: column 'province_code' missing"
	run -2 --separate-stderr vi baocao-aggregate facts.csv
	assert_equal "$stderr" "baocao-aggregate: facts.csv:1: thiếu cột 'province_code'"
}

@test "a message with the system's error, a usage error, --stats: each in the reader's language" {
	printf 'k,v\na,1\n' > ok.csv
	run -2 --separate-stderr en baocao-diff nope.csv ok.csv
	assert_equal "$stderr" "baocao-diff: cannot read 'nope.csv': No such file or directory"
	run -2 --separate-stderr vi baocao-diff nope.csv ok.csv
	# strerror's words are the C library's (libc-l10n)
	assert_regex "$stderr" "^baocao-diff: không đọc được 'nope.csv': [^ ]"
	run -2 --separate-stderr en baocao-normalize --bogus
	assert_equal "${stderr_lines[2]}" "Try 'baocao-normalize --help' for more information."
	assert_regex "${stderr_lines[1]}" '^usage: baocao-normalize \[-z\]'
	run -2 --separate-stderr vi baocao-normalize --bogus
	assert_equal "${stderr_lines[2]}" "Xem 'baocao-normalize --help' để biết thêm."
	assert_regex "${stderr_lines[1]}" '^cách dùng: baocao-normalize \[-z\]'
	run -0 --separate-stderr vi baocao-diff -k k --stats ok.csv ok.csv
	assert_line --index 0 "k,column,old,new,delta,pct,status"
	assert_equal "${stderr_lines[0]}" "baocao-diff: dòng đã đọc, tệp cũ: 1"
	assert_equal "${stderr_lines[6]}" "baocao-diff: giá trị same: 1"
	assert_equal "${stderr_lines[7]}" "baocao-diff: dòng đã ghi: 0"
}

@test "the pipelines' messages: compare-periods, chart, check-totals, city-summary" {
	printf 'province_code,period,indicator,unit,reporter_code,value,flags\n79,2023,reception.visits,visit,760,10,\n' > u.csv
	run -2 --separate-stderr en compare-periods -f u.csv 2023 2024-Q1
	assert_equal "$stderr" "compare-periods: '2023' is a year and '2024-Q1' a quarter: compare periods of one kind"
	run -2 --separate-stderr vi compare-periods -f u.csv 2023 2024-Q1
	assert_equal "$stderr" "compare-periods: '2023' là một năm còn '2024-Q1' là một quý: chỉ so sánh hai kỳ báo cáo cùng loại"
	# a message said inside an awk program, with the file and its line
	printf 'province_code,period,indicator,unit,value,units_covered,units_total\n"79",2023,x,visit,1,1,22\n' > q.csv
	run -2 --separate-stderr vi compare-periods -a -f q.csv 2023 2024
	assert_equal "$stderr" "compare-periods: q.csv:2: trường có dấu ngoặc kép; không chọn được kỳ báo cáo"
	run -2 --separate-stderr vi chart --bogus
	assert_equal "${stderr_lines[0]}" "chart: không biết tùy chọn '--bogus'"
	assert_equal "${stderr_lines[2]}" "Xem 'chart --help' để biết thêm."
	run -2 --separate-stderr vi chart -i reception.visits nope.csv
	assert_equal "$stderr" "chart: không đọc được 'nope.csv': không có tệp hay thư mục này"
	run -2 --separate-stderr vi check-totals
	assert_equal "${stderr_lines[0]}" "cách dùng: check-totals REPORTS..."
	run -2 --separate-stderr en check-totals
	assert_equal "${stderr_lines[0]}" "usage: check-totals REPORTS..."
	# city-summary's: its words, and the names and options filled in
	printf 'x\n' > r.txt
	run -2 --separate-stderr vi city-summary -j 0 r.txt
	assert_equal "$stderr" "city-summary: -j: '0' không phải là số dương"
	run -2 --separate-stderr en city-summary -o r.txt r.txt
	assert_equal "$stderr" "city-summary: -o 'r.txt' is one of the reports: an output never replaces an input"
	run -2 --separate-stderr vi city-summary -o r.txt r.txt
	assert_equal "$stderr" "city-summary: -o 'r.txt' là một trong các báo cáo: tệp kết quả không bao giờ ghi đè tệp đầu vào"
	run -2 --separate-stderr vi city-summary -m nodir/m.csv r.txt
	assert_equal "$stderr" "city-summary: không ghi được 'nodir/m.csv' (-m): không có thư mục 'nodir'"
	assert_equal "$(cat r.txt)" x
}

@test "the folder's summary in Vietnamese, the manifest's statuses and body codes in its words; in English as before" {
	printf '%s\n' 'doc,path,sha256,issuer,body,doc_no,doc_date,period_text,title,places,figures,error' \
	    'q1,r/q1.txt,a1,QUẬN 1,committee,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	    'q3,s/q3.txt,a2,QUẬN 3,committee,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	    'ld,r/ld.txt,a3,HUYỆN LẠC DƯƠNG,committee,1/BC-UBND,10 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,5,' \
	    'du,r/du.txt,a4,QUẬN 1,party,43-BC/QU,12 tháng 4 năm 2024,quý I năm 2024,BÁO CÁO,,7,' > d.csv
	run -0 --separate-stderr vi baocao-normalize --docs --stats --brief d.csv
	assert_equal "$stderr" "baocao-normalize: số tệp: 4 (2 ok, 1 other-province, 1 other-body)
baocao-normalize: tỉnh 79 (Thành phố Hồ Chí Minh) không được chỉ định (-p): lấy tỉnh có nhiều báo cáo nhất, 2 trên 3 báo cáo; 1 báo cáo của tỉnh khác bị loại (other-province)
baocao-normalize: 1 báo cáo của cơ quan khác ngoài Ủy ban nhân dân bị loại (other-body: 1 party): dùng --body để cộng cả báo cáo này
baocao-normalize: thư mục đã đọc: 2 ('r', 's')"
	printf '%s\n' "$output" > vi.csv
	run -0 --separate-stderr en baocao-normalize --docs --stats --brief d.csv
	assert_equal "$stderr" "baocao-normalize: files: 4 (2 ok, 1 other-province, 1 other-body)
baocao-normalize: province 79 (Thành phố Hồ Chí Minh) was not given (-p): taken as the one most reports are of, 2 of 3; 1 report of other provinces left out (other-province)
baocao-normalize: 1 report of other bodies than the People's Committee left out (other-body: 1 party): --body sums them
baocao-normalize: folders read: 2 ('r', 's')"
	printf '%s\n' "$output" > en.csv
	cmp en.csv vi.csv
	run -0 --separate-stderr vi baocao-normalize --docs --stats --brief --province 79 d.csv
	assert_equal "${stderr_lines[1]}" "baocao-normalize: tỉnh 79 (Thành phố Hồ Chí Minh): 1 báo cáo của tỉnh khác bị loại (other-province)"
}

@test "a label given twice, a bad SOURCE_DATE_EPOCH, checks named by --rules: each said whole in Vietnamese" {
	printf 'id,label,unit_label\nx.a,A,lượt\nx.a,B,lượt\n' > twice.csv
	run -2 --separate-stderr en baocao-xlsx --labels twice.csv -o a.xlsx /dev/null
	assert_equal "$stderr" "baocao-xlsx: twice.csv:3: indicator 'x.a' given twice"
	run -2 --separate-stderr vi baocao-xlsx --labels twice.csv -o a.xlsx /dev/null
	assert_equal "$stderr" "baocao-xlsx: twice.csv:3: chỉ tiêu 'x.a' có hai lần"
	printf 'id,label,unit_label\nbook:x,X,\nbook:x,Y,\n' > code.csv
	run -2 --separate-stderr vi baocao-xlsx --labels code.csv -o a.xlsx /dev/null
	assert_equal "$stderr" "baocao-xlsx: code.csv:3: mã 'book:x' có hai lần"
	run -2 --separate-stderr vi env SOURCE_DATE_EPOCH=abc baocao-xlsx -o a.xlsx /dev/null
	assert_equal "$stderr" "baocao-xlsx: SOURCE_DATE_EPOCH: 'abc' không phải là số giây"
	run -2 --separate-stderr vi baocao-check --rules table-total < /dev/null
	assert_equal "$stderr" "baocao-check: tùy chọn '--rules' chỉ tệp từ vựng; 'table-total' là các phép kiểm tra: hãy dùng --only"
	assert_equal "$output" ""
	[ ! -e a.xlsx ]
}

@test "LANGUAGE=vi chooses Vietnamese in a locale other than C; without its catalogue a command speaks English" {
	printf 'k,v\na,1\n"b\n' > bad.csv
	run -2 --separate-stderr env LC_ALL=C.UTF-8 LANGUAGE=vi baocao-diff -k k bad.csv bad.csv
	assert_equal "$stderr" "baocao-diff: bad.csv:3: trường có dấu ngoặc kép không đóng"
	# (gettext ignores LANGUAGE in the C locale itself)
	run -2 --separate-stderr env LC_ALL=C LANGUAGE=vi baocao-diff -k k bad.csv bad.csv
	assert_equal "$stderr" "baocao-diff: bad.csv:3: unterminated quoted field"
	run -2 --separate-stderr vi env BAOCAO_LOCALEDIR="$BATS_TEST_TMPDIR/none" baocao-diff -k k bad.csv bad.csv
	assert_equal "$stderr" "baocao-diff: bad.csv:3: unterminated quoted field"
	run -2 --separate-stderr vi env BAOCAO_LOCALEDIR="$BATS_TEST_TMPDIR/none" check-totals
	assert_equal "${stderr_lines[0]}" "usage: check-totals REPORTS..."
}

@test "a report that cannot be read: its reason in the manifest stays in C's words, the message around it is Vietnamese" {
	printf 'PK\003\004broken' > hong.docx
	printf '\037\213\010\000' > cut.txt.gz
	cp "$ROOT/pipelines/samples/760_2023-Q1.txt" good.txt
	run -0 --separate-stderr vi baocao-extract --docs hong.docx cut.txt.gz good.txt
	printf '%s\n' "$output" > vi.csv
	run -0 --separate-stderr en baocao-extract --docs hong.docx cut.txt.gz good.txt
	printf '%s\n' "$output" > en.csv
	cmp vi.csv en.csv
	run grep -c ',hong.docx,.*,a damaged archive (Truncated ZIP file header),archive,' vi.csv
	assert_output 1
	run grep -c 'cut.txt.gz: corrupt or truncated gzip input (unexpected end of file)' vi.csv
	assert_output 1
	run -0 --separate-stderr vi baocao-normalize --docs vi.csv
	assert_equal "${stderr_lines[1]}" "baocao-normalize: cut.txt.gz: corrupt or truncated gzip input (unexpected end of file) (không đọc được: không đưa vào bảng)"
}

@test "every CSV and table of the samples is the same bytes under LANG=C and LANG=vi_VN.UTF-8" {
	# the samples, and two reports that cannot be read (their reasons go
	# into the manifest)
	cp -r "$ROOT/pipelines/samples" samples
	printf 'PK\003\004broken' > samples/hong.docx
	printf '\037\213\010\000' > samples/cut.txt.gz
	for l in en vi; do
		mkdir "$l"
		run -3 --separate-stderr "$l" city-summary -o "$l/city.csv" -m "$l/manifest.csv" -c "$l/findings.csv" \
			-x "$l/book.xlsx" -w "$l/review.html" samples
		printf '%s\n' "$stderr" > "$l/city.err"
		find samples -name '*.txt' -print0 | LC_ALL=C sort -z > list
		find samples -type f ! -name '*.csv' -print0 | LC_ALL=C sort -z > all
		"$l" baocao-extract --files0-from list > "$l/mentions.csv"
		"$l" baocao-normalize --stats "$l/mentions.csv" > "$l/facts.csv" 2> "$l/facts.err"
		"$l" baocao-normalize --scope all "$l/mentions.csv" 2> /dev/null |
			"$l" baocao-check > "$l/check.csv" || [ $? -eq 1 ]
		"$l" baocao-aggregate "$l/facts.csv" > "$l/agg.csv"
		"$l" baocao-aggregate --units "$l/facts.csv" > "$l/units.csv"
		"$l" baocao-extract --docs --files0-from all | "$l" baocao-normalize --docs > "$l/docs.csv" 2> /dev/null
		"$l" baocao-diff "$l/agg.csv" "$l/city.csv" > "$l/diff.csv" || [ $? -eq 1 ]
		"$l" compare-periods -f "$l/facts.csv" 2023 2024 > "$l/compare.txt" 2> /dev/null || [ $? -eq 1 ]
		"$l" compare-periods -c -u -a -f "$l/facts.csv" 2023 2024 > "$l/compare.csv" 2> /dev/null || [ $? -eq 1 ]
		if command -v gnuplot > /dev/null; then
			"$l" chart -i reception.visits -p 2024 -o "$l/chart" "$l/facts.csv"
		fi
	done
	for f in en/*.csv en/*.txt en/*.svg en/*.html; do
		[ -f "$f" ] || continue
		cmp "$f" "vi/${f#en/}"
	done
	# the workbook's parts, but for its date (a number in a cell is read
	# with LC_NUMERIC, which must stay C)
	python3 - <<-'PY'
	import zipfile
	a, b = zipfile.ZipFile("en/book.xlsx"), zipfile.ZipFile("vi/book.xlsx")
	assert a.namelist() == b.namelist()
	for n in a.namelist():
	    if n != "docProps/core.xml":
	        assert a.read(n) == b.read(n), n
	PY
	[ "$(wc -l < en/city.csv)" -gt 300 ]
	[ -s en/review.html ]
	grep -q ',samples/cut.txt.gz,.*,unreadable,samples/cut.txt.gz: corrupt or truncated gzip input' en/manifest.csv
	[ "$(wc -l < en/facts.csv)" -gt 1000 ]
	# and what was said about them was said in two languages
	grep -q '^baocao-normalize: rows read: ' en/facts.err
	grep -q '^baocao-normalize: dòng đã đọc: ' vi/facts.err
	grep -qxF 'city-summary: coverage: 19 of 22 units reported for 2024 (in a report of that period or derived from their others, as the workbook counts them)' en/city.err
	grep -qxF 'city-summary: độ bao phủ: 19 trên 22 đơn vị đã báo cáo kỳ 2024 (trong báo cáo của kỳ đó hoặc suy ra từ các báo cáo khác của đơn vị, theo cách đếm của tệp bảng tính)' vi/city.err
	grep -qxF "city-summary: 2 of 148 files left out of the table for trouble: their status and reason are in 'en/manifest.csv'" en/city.err
	grep -qxF "city-summary: 2 trên 148 tệp bị loại khỏi bảng do lỗi: trạng thái và lý do của từng tệp có trong 'vi/manifest.csv'" vi/city.err
	grep -qxF 'city-summary: files: 148 (145 ok, 1 spreadsheet, 2 unreadable)' en/city.err
	grep -qxF 'city-summary: số tệp: 148 (145 ok, 1 spreadsheet, 2 unreadable)' vi/city.err
}
