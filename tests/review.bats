#!/usr/bin/env bats
# baocao-review: the review page, read back as data and as a real headless
# Chromium shows it (tests/review-browser), and the corrections it
# downloads run back through city-summary.

setup_file() {
	for t in /usr/bin/chromium /usr/bin/chromedriver; do
		[ -x "$t" ] || echo "$t" >> "$BATS_FILE_TMPDIR/missing"
	done
	/usr/bin/python3 -c 'import selenium' 2>/dev/null ||
		echo python3-selenium >> "$BATS_FILE_TMPDIR/missing"
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	[ ! -s "$BATS_FILE_TMPDIR/missing" ] || fail "missing: $(cat "$BATS_FILE_TMPDIR/missing") (make deps)"
	BROWSER=$TESTS/review-browser
	cd "$BATS_TEST_TMPDIR"
	mkdir reports
	printf 'ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\n' > reports/q1.txt
	# As normalize --scope all writes them: a flagged figure with another
	# value of its indicator, and a figure with no sentence at all.
	cat > facts.csv <<-'CSV'
	doc,reporter_code,reporter_name,province_code,period,indicator,value,unit,scope,qualifier,line,raw,evidence,flags,chosen,section,source,row_label,col_label,before,unit_text,after
	q1,764,Quận Gò Vấp,79,2024-Q1,reception.visits,1642,visit,reporter,exact,12,1.642,rule 1: đã tiếp [1.642] lượt,weak,1,I,text,,,Trong quý đã tiếp ,lượt công dân,", tăng 12%"
	q1,764,Quận Gò Vấp,79,2024-Q1,reception.visits,1600,visit,reporter,exact,30,1.600,rule 1: tiếp [1.600] lượt,,0,II,text,,,Tổng cộng đã tiếp ,lượt,
	q1,764,Quận Gò Vấp,79,2024-Q1,,3,,reporter,exact,12,3,,,0,I,text,,,Trong quý có ,cuộc,
	q1,764,Quận Gò Vấp,79,2024-Q1,petitions.received,57,petition,reporter,exact,14,57,,,1,I,text,,,,,
	CSV
	cat > manifest.csv <<-'CSV'
	doc,path,status,reason,issuer,doc_no,doc_date,title,reporter_code,reporter_name,province_code,period
	q1,reports/q1.txt,ok,,QUẬN GÒ VẤP,12/BC-UBND,8 tháng 4 năm 2024,BÁO CÁO quý I năm 2024,764,Quận Gò Vấp,79,2024-Q1
	q9,reports/q9.docx,unreadable,the file is cut short,,,,,,,,
	CSV
}

# The page's JSON, parsed by Python's own reader.
page_json() {
	/usr/bin/python3 -c '
import json, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<script type=\"application/json\" id=\"run\">(.*?)</script>", s, re.S)
print(json.dumps(json.loads(m.group(1))[sys.argv[2]], ensure_ascii=False))' "$@"
}

@test "the page holds the figures the table uses, the other values of their indicator, the reports and who did not report; nothing is loaded from elsewhere" {
	run -0 --separate-stderr baocao-review -m manifest.csv facts.csv
	[ -z "$stderr" ]
	echo "$output" > page.html
	# facts: doc, occurrence, chosen, line, raw, indicator, value, unit,
	# scope, qualifier, flags, before, unit_text, after, row, col,
	# evidence (only where the sentence is missing); the figure of no
	# indicator is left out
	run -0 page_json page.html facts
	assert_output '[[0, 1, 1, "12", "1.642", "reception.visits", "1642", "visit", "reporter", "exact", "weak", "Trong quý đã tiếp ", "lượt công dân", ", tăng 12%", "", "", ""], [0, 1, 0, "30", "1.600", "reception.visits", "1600", "visit", "reporter", "exact", "", "Tổng cộng đã tiếp ", "lượt", "", "", "", ""], [0, 1, 1, "14", "57", "petitions.received", "57", "petition", "reporter", "exact", "", "", "", "", "", "", ""]]'
	# docs: href, doc, path, status, reason, issuer, doc_no, doc_date,
	# title, code, name, province, period, its label, in the manifest, in
	# the table; the report without a unit last
	run -0 page_json page.html docs
	assert_output '[["./reports/q1.txt", "q1", "reports/q1.txt", "ok", "", "QUẬN GÒ VẤP", "12/BC-UBND", "8 tháng 4 năm 2024", "BÁO CÁO quý I năm 2024", "764", "Quận Gò Vấp", "79", "2024-Q1", "Quý I năm 2024", 1, 1], [null, "q9", "reports/q9.docx", "unreadable", "the file is cut short", "", "", "", "", "", "", "", "", "", 1, 0]]'
	# the 21 other district-level units of Hồ Chí Minh City in 2024
	run -0 page_json page.html missing
	[ "$(echo "$output" | grep -o '"79", "2024-Q1", "Quý I năm 2024"' | wc -l)" -eq 21 ]
	assert_output --partial '["79", "2024-Q1", "Quý I năm 2024", "760", "Quận 1", 0]'
	refute_output --partial '"764"'
	# nothing but this script and this stylesheet may run or load
	grep -q "content=\"default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; script-src 'sha256-" page.html
	run grep -cE '<link|src=|@import|url\(|https?://' page.html
	assert_output 0
	run grep -c '<script' page.html
	assert_output 2
}

@test "a unit whose quarters make up the half year is not listed as missing it, as the city table derives it" {
	cat > m3.csv <<-'CSV'
	doc,path,status,reporter_code,reporter_name,province_code,period
	a1,a1.txt,ok,764,Quận Gò Vấp,79,2024-Q1
	a2,a2.txt,ok,764,Quận Gò Vấp,79,2024-Q2
	b1,b1.txt,ok,760,Quận 1,79,2024-H1
	b2,b2.txt,unreadable,761,Quận 12,79,2024-H1
	CSV
	head -n 1 facts.csv > none.csv
	run -0 --separate-stderr baocao-review -m m3.csv none.csv
	echo "$output" > page.html
	run -0 page_json page.html missing
	[ "$(echo "$output" | grep -o '"2024-Q1", "Quý I năm 2024"' | wc -l)" -eq 21 ]
	[ "$(echo "$output" | grep -o '"2024-Q2", "Quý II năm 2024"' | wc -l)" -eq 21 ]
	[ "$(echo "$output" | grep -o '"2024-H1", "6 tháng đầu năm 2024"' | wc -l)" -eq 20 ]
	refute_output --partial '"2024-H1", "6 tháng đầu năm 2024", "764"'
	# Quận 12 sent a report, not read: said so
	assert_output --partial '["79", "2024-H1", "6 tháng đầu năm 2024", "761", "Quận 12", 1]'
}

@test "a quote holding markup or </script> is data: escaped in the page, shown as text, never run" {
	cat > bad.csv <<-'CSV'
	doc,reporter_code,reporter_name,province_code,period,indicator,value,unit,scope,qualifier,line,raw,evidence,flags,chosen,section,source,row_label,col_label,before,unit_text,after
	q1,764,Quận Gò Vấp,79,2024-Q1,reception.visits,12,visit,reporter,exact,7,12,,weak,1,I,text,,,</script><script>window.__pwned=1</script> đã tiếp ,"<img src=x onerror=""window.__pwned=2"">",& 'a' b
	CSV
	run -0 --separate-stderr baocao-review -t '<b>Q&A</b>' -m manifest.csv bad.csv
	echo "$output" > page.html
	run -1 grep -F '<script>window' page.html
	run -1 grep -F '<img src=x' page.html
	run -0 grep -cF '"\u003c/script\u003e\u003cscript\u003ewindow.__pwned=1\u003c/script\u003e đã tiếp ","\u003cimg src=x onerror=\"window.__pwned=2\"\u003e","\u0026 '"'a'"' b"' page.html
	run -0 grep -cF '<title>Rà soát số liệu báo cáo – &lt;b&gt;Q&amp;A&lt;/b&gt;</title>' page.html
	run -0 "$BROWSER" show page.html
	/usr/bin/python3 - "$output" <<-'PY'
	import json, sys
	got = json.loads(sys.argv[1])
	assert got["pwned"] is None, got
	assert got["errors"] == [], got["errors"]
	assert got["title"] == "Rà soát số liệu báo cáo – <b>Q&A</b>", got["title"]
	want = "</script><script>window.__pwned=1</script> đã tiếp 12 <img src=x onerror=\"window.__pwned=2\">& 'a' b"
	assert want in got["pane"], got["pane"]
	PY
}

@test "a missing report file and a figure without a sentence are said so, in Vietnamese; links are relative to the page" {
	mkdir out "reports/Quận 1 #2"
	cp reports/q1.txt "reports/Quận 1 #2/q1.txt"
	sed 's|reports/q1.txt|reports/Quận 1 #2/q1.txt|' manifest.csv > m2.csv
	run -0 --separate-stderr baocao-review --base out -m m2.csv facts.csv
	echo "$output" > out/page.html
	run -0 page_json out/page.html docs
	assert_output --partial '["../reports/Qu%E1%BA%ADn%201%20%232/q1.txt", "q1"'
	run -0 "$BROWSER" show out/page.html
	echo "$output" > shown.json
	/usr/bin/python3 - shown.json <<-'PY'
	import json, sys
	got = json.load(open(sys.argv[1]))
	assert got["links"] == ["../reports/Qu%E1%BA%ADn%201%20%232/q1.txt"], got["links"]
	assert "57 – Không có trích dẫn" in got["pane"], got["pane"]
	assert "Giá trị khác trong báo cáo:" in got["pane"] and "1.600 (Dòng 30" in got["pane"], got["pane"]
	assert "Chưa báo cáo (21): Quận 1, " in got["side"], got["side"]
	assert "q9: Không đọc được" in got["side"], got["side"]
	assert got["errors"] == [], got["errors"]
	PY
	# the report moved away after the run
	rm -r "reports/Quận 1 #2"
	run -0 --separate-stderr baocao-review --base out -m m2.csv facts.csv
	echo "$output" > out/page.html
	run -0 "$BROWSER" show out/page.html
	assert_output --partial 'Không tìm thấy tệp báo cáo: reports/Quận 1 #2/q1.txt'
	assert_output --partial '"links": []'
}

@test "every status the manifest writes has a label and a hint, and the page says each in Vietnamese" {
	run -0 grep -o '"[a-z-]*"' <(sed -n '/status_names\[M_N\] = {/,/};/p' "$ROOT/common/manifest.c")
	statuses=$(echo "$output" | tr -d '"')
	for s in ok unreadable same-report other-province other-body archive folder-left-out \
	    lock-file system-file spreadsheet image ambiguous-resend empty; do
		grep -qx -- "$s" <<< "$statuses" || fail "no status $s in common/manifest.c"
	done
	# a file of each status, none with a unit: the list of those left
	# out names each with its status
	{ cat manifest.csv
	  i=0
	  for s in $statuses; do
		i=$((i + 1))
		echo "f$i,reports/f$i.txt,$s,,,,,,,,,"
	  done; } > every.csv
	run -0 --separate-stderr baocao-review -m every.csv facts.csv
	echo "$output" > page.html
	run -0 page_json page.html labels
	echo "$output" > labels.json
	run -0 "$BROWSER" show page.html
	echo "$output" > shown.json
	run -0 /usr/bin/python3 - labels.json shown.json every.csv <<-'PY'
	import csv, json, sys
	labels = json.load(open(sys.argv[1]))
	got = json.load(open(sys.argv[2]))
	bad = []
	for r in csv.DictReader(open(sys.argv[3], encoding="utf-8")):
	    if not r["doc"].startswith("f"):
	        continue
	    l = labels.get("status." + r["status"])
	    if not l or not l[0] or not l[1]:
	        bad.append(r["status"] + ": no label and hint")
	    elif f'{r["doc"]}: {l[0]}' not in got["side"]:
	        bad.append(f'{r["doc"]}: {l[0]}: not shown')
	if got["errors"]:
	    bad.append(str(got["errors"]))
	print("\n".join(bad) or "ok")
	PY
	assert_output ok
}

@test "a report and its copy in another format, one document name: both listed, the figures with the one summed, in either order" {
	printf 'ỦY BAN NHÂN DÂN\nQUẬN GÒ VẤP\n' > reports/q1.pdf
	sed -n 2p manifest.csv | sed 's|reports/q1.txt,ok,|reports/q1.pdf,name-clash,its document name is taken|' > copy.csv
	{ sed -n 1,2p manifest.csv; cat copy.csv; } > after.csv
	{ sed -n 1p manifest.csv; cat copy.csv; sed -n 2p manifest.csv; } > before.csv
	for m in after.csv before.csv; do
		run -0 --separate-stderr baocao-review -m "$m" facts.csv
		[ -z "$stderr" ]
		echo "$output" > page.html
		run -0 page_json page.html docs
		assert_output --partial '["./reports/q1.txt", "q1", "reports/q1.txt", "ok", "", "QUẬN GÒ VẤP", "12/BC-UBND", "8 tháng 4 năm 2024", "BÁO CÁO quý I năm 2024", "764", "Quận Gò Vấp", "79", "2024-Q1", "Quý I năm 2024", 1, 1]'
		assert_output --partial '["./reports/q1.pdf", "q1", "reports/q1.pdf", "name-clash", "its document name is taken",'
		# the three figures of an indicator, all with the summed report
		run -0 page_json page.html facts
		[ "$(grep -o '\[[0-9]*, 1, [01], "[0-9]*", ' <<< "$output" | cut -d, -f1 | sort -u)" = "[$(python3 -c '
import json, re, sys
s = open("page.html", encoding="utf-8").read()
m = re.search(r"<script type=\"application/json\" id=\"run\">(.*?)</script>", s, re.S)
print([d[2] for d in json.loads(m.group(1))["docs"]].index("reports/q1.txt"))')" ]
	done
}

@test "bad input: exit 2, a message naming the file and line, nothing on stdout" {
	head -n 1 facts.csv | sed 's/,chosen//' > nochosen.csv
	{ cat manifest.csv; tail -n 1 manifest.csv; } > twice.csv
	{ cat manifest.csv; sed -n 2p manifest.csv; } | sed '3d' > twice-ok.csv
	cut -d, -f1,2 manifest.csv > nostatus.csv
	sed 's/^q1,/zz,/' facts.csv > other.csv
	grep -v '^review:' "$ROOT/common/data/labels.csv" > indicators-only.csv
	while IFS='|' read -r args want; do
		eval "run -2 --separate-stderr baocao-review $args"
		assert_equal "$output" ""
		assert_equal "$stderr" "$want"
	done <<-'TABLE'
	nochosen.csv|baocao-review: nochosen.csv:1: column 'chosen' missing: give the output of baocao-normalize --scope all
	-m twice.csv facts.csv|baocao-review: twice.csv:4: file 'reports/q9.docx' listed twice
	-m twice-ok.csv facts.csv|baocao-review: twice-ok.csv:3: report 'q1' listed twice, both summed
	-m nostatus.csv facts.csv|baocao-review: nostatus.csv:1: column 'status' missing
	-m manifest.csv other.csv|baocao-review: other.csv:2: report 'zz' is not in the manifest
	-m nope.csv facts.csv|baocao-review: cannot read 'nope.csv': No such file or directory
	-c nope.csv facts.csv|baocao-review: cannot read 'nope.csv': No such file or directory
	--base nodir facts.csv|baocao-review: option '--base': 'nodir': No such file or directory
	--labels indicators-only.csv facts.csv|baocao-review: labels: no label 'review:title' (the page needs it)
	TABLE
}

@test "the samples' 2024 year reports: edit one flagged figure and drop another by keyboard, download, rerun: exactly those two figures of the city table change" {
	mkdir out dl
	run -0 city-summary -w out/review.html -o city.csv "$ROOT"/pipelines/samples/*_2024.txt
	assert_file_exists out/review.html
	run -0 "$BROWSER" decide out/review.html "$BATS_TEST_TMPDIR/dl" 9.999
	assert_output --partial '"shown_after_reload": 2, "stored_after_download": 0}'
	run -0 --separate-stderr city-summary --corrections dl/corrections.csv -o city2.csv "$ROOT"/pipelines/samples/*_2024.txt
	[[ $stderr != *"not applied"* ]]
	run -1 baocao-diff -v value,sum_value city.csv city2.csv
	echo "$output" > changed.csv
	baocao-extract --root "$ROOT/pipelines/samples" "$ROOT"/pipelines/samples/*_2024.txt |
		baocao-normalize --scope all > facts.csv
	run -0 /usr/bin/python3 - dl/corrections.csv facts.csv changed.csv <<-'PY'
	import csv, sys
	rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
	assert rows[0] == ["report", "line", "raw", "indicator", "value", "scope", "occurrence", "note"], rows[0]
	assert len(rows) == 3, rows
	edit, drop = rows[1], rows[2]
	assert edit[3:] == ["", "9999", "", "1", ""], edit
	assert drop[3:] == ["drop", "", "", "1", ""], drop
	facts = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
	def fact(r):
	    (f,) = [f for f in facts if f["chosen"] == "1" and
	            [f["doc"], f["line"], f["raw"]] == r[:3]]
	    assert f["flags"] != "", f
	    return f
	fe, fd = fact(edit), fact(drop)
	changed = {}
	for r in csv.DictReader(open(sys.argv[3], encoding="utf-8")):
	    changed.setdefault((r["period"], r["indicator"]), {})[r["column"]] = r
	assert set(changed) == {("2024", fe["indicator"]), ("2024", fd["indicator"])}, changed
	v = changed[("2024", fe["indicator"])]["value"]
	assert int(v["new"]) - int(v["old"]) == 9999 - int(fe["value"]), (v, fe)
	print(fe["indicator"], fd["indicator"])
	PY
	# a second round keeps the first round's corrections, unless decided anew
	mv dl/corrections.csv first.csv
	run -0 city-summary --corrections first.csv -w out/review.html -o city3.csv "$ROOT"/pipelines/samples/*_2024.txt
	cmp city2.csv city3.csv
	run -0 "$BROWSER" decide out/review.html "$BATS_TEST_TMPDIR/dl" 1.234
	run -0 /usr/bin/python3 - first.csv dl/corrections.csv <<-'PY'
	import csv, sys
	first = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]
	second = list(csv.reader(open(sys.argv[2], encoding="utf-8")))[1:]
	new = [r for r in second if r not in first]
	assert len(new) == 2 and new[0][4] == "1234" and new[1][3] == "drop", second
	again = [r[:3] for r in new]
	kept = [r for r in first if r[:3] not in again]
	assert second == kept + new, (first, second)
	PY
}

@test "the page of all 145 samples: small, drawn lazily, no script error; its load time is printed" {
	baocao-extract --docs "$ROOT"/pipelines/samples/*.txt | baocao-normalize --docs > manifest.csv 2> /dev/null
	baocao-extract "$ROOT"/pipelines/samples/*.txt | baocao-normalize --scope all > all.csv 2> /dev/null
	run -0 --separate-stderr baocao-review -m manifest.csv all.csv
	echo "$output" > page.html
	[ "$(wc -c < page.html)" -lt 1500000 ]
	run -0 "$BROWSER" load page.html
	echo "# review page of 145 reports, $(wc -c < page.html) bytes: $output" >&3
	/usr/bin/python3 - "$output" <<-'PY'
	import json, sys
	got = json.loads(sys.argv[1])
	assert got["errors"] == [], got["errors"]
	# one unit and period drawn at a time, not 3,000 figures
	assert got["elements"] < 1500, got["elements"]
	PY
}
