#!/usr/bin/env bats
# baocao-xlsx: the workbook, read back by an independent reader (openpyxl).

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	# Debian's python3-openpyxl, whichever python3 comes first on PATH.
	for p in /usr/bin/python3 python3; do
		if "$p" -c 'import openpyxl' 2>/dev/null; then
			echo "$p" > "$BATS_FILE_TMPDIR/python"
			break
		fi
	done
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	[ -s "$BATS_FILE_TMPDIR/python" ] || fail "no python3 with openpyxl (apt-get install python3-openpyxl, or make deps)"
	PY=$(cat "$BATS_FILE_TMPDIR/python")
	cd "$BATS_TEST_TMPDIR"
	# 764 sends four quarters, 785 9 months and the year, 770 and 771 the
	# year; 785's 9 months carries a flag.
	cat > facts.csv <<-'CSV'
	doc,reporter_code,reporter_name,province_code,period,indicator,value,unit,scope,qualifier,line,raw,evidence,flags
	q1,764,Quận Gò Vấp,79,2024-Q1,reception.visits,10,visit,reporter,exact,27,10,rule 128: đã tiếp [10] lượt công dân,
	q2,764,Quận Gò Vấp,79,2024-Q2,reception.visits,20,visit,reporter,exact,27,20,rule 128: đã tiếp [20] lượt công dân,
	q3,764,Quận Gò Vấp,79,2024-Q3,reception.visits,30,visit,reporter,exact,27,30,rule 128: đã tiếp [30] lượt công dân,
	q4,764,Quận Gò Vấp,79,2024-Q4,reception.visits,40.5,visit,reporter,exact,27,"40,5",rule 128: đã tiếp [40.5] lượt công dân,
	n9,785,Huyện Bình Chánh,79,2024-01/2024-09,reception.visits,600,visit,reporter,exact,12,600,rule 128: đã tiếp [600] lượt,weak
	ny,785,Huyện Bình Chánh,79,2024,reception.visits,1000,visit,reporter,exact,12,1.000,rule 128: đã tiếp [1.000] lượt,
	ny,785,Huyện Bình Chánh,79,2024,dossiers.online,1,dossier,reporter,exact,30,01,rule 173: trực tuyến [01] hồ sơ,
	ny,785,Huyện Bình Chánh,79,2024,dossiers.received,500,dossier,reporter,exact,30,500,rule 179: tiếp nhận [500] hồ sơ,
	t3,770,Quận 3,79,2024,dossiers.online,0,dossier,reporter,exact,9,0,rule 173: trực tuyến [0] hồ sơ,
	t3,770,Quận 3,79,2024,dossiers.received,300,dossier,reporter,exact,9,300,rule 179: tiếp nhận [300] hồ sơ,
	t3,770,Quận 3,79,2024,satisfaction.rate,98.5,percent,reporter,exact,10,"98,5%","rule 167: hài lòng đạt [98,5%]",
	t10,771,Quận 10,79,2024,reception.visits,1234567,visit,reporter,exact,5,1.234.567,rule 128: đã tiếp [1.234.567] lượt,
	CSV
	printf 'doc,path\nq1,/srv/reports/Gò Vấp q1.txt\nny,/srv/reports/bc.txt\n' > docs.csv
	printf 'doc,line,rule,indicator,expected,actual,detail\nny,12,cumulative-decrease,reception.visits,600,550,"2024: 550, less than 600"\n' > findings.csv
	baocao-aggregate facts.csv > city.csv
	baocao-aggregate --units facts.csv > units.csv
}

@test "the workbook: a sheet per period, Vietnamese labels and unit names, numbers typed as numbers, frozen header" {
	run -0 baocao-xlsx -o book.xlsx city.csv units.csv findings.csv facts.csv docs.csv
	run "$PY" - <<-'PY'
	import openpyxl, sys
	wb = openpyxl.load_workbook("book.xlsx")
	bad = []
	def eq(what, got, want):
	    if got != want:
	        bad.append(f"{what}: got {got!r}, want {want!r}")
	eq("sheets", wb.sheetnames, ["Năm 2024", "6 tháng cuối năm 2024", "Quý IV năm 2024",
	   "9 tháng năm 2024", "Quý III năm 2024", "6 tháng đầu năm 2024", "Quý II năm 2024",
	   "Quý I năm 2024", "Phát hiện", "Số liệu gốc"])
	ws = wb["Năm 2024"]
	eq("title", ws["A1"].value, "Thành phố Hồ Chí Minh – Năm 2024")
	eq("frozen", ws.freeze_panes, "D5")
	head = [c.value for c in ws[4]]
	eq("header", head[:5], ["Chỉ tiêu", "Đơn vị tính", "Toàn thành phố", "Số đơn vị có số liệu", "Cách tính"])
	# the units in natural order: Quận 3 before Quận 10, Quận 10 before Quận 12
	eq("units", head[5:], ["Huyện Bình Chánh", "Huyện Cần Giờ", "Huyện Củ Chi", "Huyện Hóc Môn",
	   "Huyện Nhà Bè", "Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7", "Quận 8",
	   "Quận 10", "Quận 11", "Quận 12", "Quận Bình Tân", "Quận Bình Thạnh", "Quận Gò Vấp",
	   "Quận Phú Nhuận", "Quận Tân Bình", "Quận Tân Phú", "Thành phố Thủ Đức"])
	col = {name: i + 1 for i, name in enumerate(head)}
	rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
	# 764's derived year 100.5 + 785's 1000 + 771's 1234567
	r = rows["Lượt tiếp công dân"]
	eq("visits unit", ws.cell(r, 2).value, "lượt")
	eq("visits city", ws.cell(r, 3).value, 1235667.5)
	eq("visits typed", ws.cell(r, 3).data_type, "n")
	eq("visits derived italic", ws.cell(r, 3).font.i, True)
	eq("visits coverage", ws.cell(r, 4).value, "3/22")
	eq("visits how", ws.cell(r, 5).value, "Tổng các đơn vị; có số suy ra")
	eq("Gò Vấp", ws.cell(r, col["Quận Gò Vấp"]).value, 100.5)
	eq("Gò Vấp derived", ws.cell(r, col["Quận Gò Vấp"]).font.i, True)
	eq("Bình Chánh stated", ws.cell(r, col["Huyện Bình Chánh"]).font.i, False)
	eq("Quận 10", ws.cell(r, col["Quận 10"]).value, 1234567)
	eq("Quận 10 format", ws.cell(r, col["Quận 10"]).number_format, "#,##0")
	eq("Quận 1 empty", ws.cell(r, col["Quận 1"]).value, None)
	# the online share of the city from the summed parts: 100 * 1 / 800
	r = rows["Tỷ lệ hồ sơ trực tuyến"]
	eq("online rate", ws.cell(r, 3).value, 0.13)
	eq("online rate format", ws.cell(r, 3).number_format, "#,##0.00")
	eq("online rate how", ws.cell(r, 5).value,
	   "Tính lại từ tổng: Hồ sơ tiếp nhận trực tuyến / Hồ sơ hành chính tiếp nhận")
	r = rows["Mức độ hài lòng của người dân"]
	eq("satisfaction city", ws.cell(r, 3).value, None)
	eq("satisfaction how", ws.cell(r, 5).value, "Chỉ theo từng đơn vị (không cộng và không lấy trung bình)")
	eq("satisfaction Quận 3", ws.cell(r, col["Quận 3"]).value, 98.5)
	order = [ws.cell(r, 1).value for r in range(5, 10)]
	eq("indicator order", order, ["Lượt tiếp công dân", "Hồ sơ hành chính tiếp nhận",
	   "Hồ sơ tiếp nhận trực tuyến", "Tỷ lệ hồ sơ trực tuyến", "Mức độ hài lòng của người dân"])
	eq("missing", ws.cell(11, 1).value, "Đơn vị chưa báo cáo kỳ này (18/22): Huyện Cần Giờ, "
	   "Huyện Củ Chi, Huyện Hóc Môn, Huyện Nhà Bè, Quận 1, Quận 4, Quận 5, Quận 6, Quận 7, "
	   "Quận 8, Quận 11, Quận 12, Quận Bình Tân, Quận Bình Thạnh, Quận Phú Nhuận, "
	   "Quận Tân Bình, Quận Tân Phú, Thành phố Thủ Đức.")
	# widths fit the labels
	longest = max(len(ws.cell(r, 1).value) for r in range(5, 10))
	if ws.column_dimensions["A"].width < longest:
	    bad.append(f"column A is {ws.column_dimensions['A'].width} wide for {longest} characters")
	# quarter IV: only 764 stated it; 785's is derived (1000 - 600)
	ws = wb["Quý IV năm 2024"]
	eq("Q4 city", ws["C5"].value, 440.5)
	eq("Q4 coverage", ws["D5"].value, "2/22")
	print("\n".join(bad) or "ok")
	sys.exit(1 if bad else 0)
	PY
	assert_success
	assert_output ok
}

@test "the facts sheet: evidence, the report's path as a link, the line as a number, and flags when there are any" {
	run -0 baocao-xlsx -o book.xlsx facts.csv docs.csv findings.csv
	run "$PY" - <<-'PY'
	import openpyxl, sys
	wb = openpyxl.load_workbook("book.xlsx")
	bad = []
	def eq(what, got, want):
	    if got != want:
	        bad.append(f"{what}: got {got!r}, want {want!r}")
	eq("sheets", wb.sheetnames, ["Phát hiện", "Số liệu gốc"])
	ws = wb["Số liệu gốc"]
	eq("frozen", ws.freeze_panes, "B2")
	eq("header", [c.value for c in ws[1]], ["Báo cáo", "Đơn vị", "Kỳ", "Chỉ tiêu", "Giá trị",
	   "Đơn vị tính", "Trích dẫn", "Tệp", "Dòng", "Cờ"])
	eq("row 2", [c.value for c in ws[2]], ["q1", "Quận Gò Vấp", "Quý I năm 2024", "Lượt tiếp công dân",
	   10, "lượt", "rule 128: đã tiếp [10] lượt công dân", "/srv/reports/Gò Vấp q1.txt", 27, None])
	eq("link", ws["H2"].hyperlink.target, "file:///srv/reports/G%C3%B2%20V%E1%BA%A5p%20q1.txt")
	eq("9 months", [ws["C6"].value, ws["E6"].value, ws["J6"].value], ["9 tháng năm 2024", 600, "weak"])
	eq("no path", ws["H3"].value, None)
	eq("line typed", ws["I2"].data_type, "n")
	f = wb["Phát hiện"]
	eq("finding", [c.value for c in f[2]], ["ny", "/srv/reports/bc.txt", 12, "cumulative-decrease",
	   "Lượt tiếp công dân", 600, 550, "2024: 550, less than 600"])
	print("\n".join(bad) or "ok")
	sys.exit(1 if bad else 0)
	PY
	assert_output ok
	# facts without flags: no flags column
	printf 'doc,reporter_code,province_code,period,indicator,value,unit,line\nq1,764,79,2024-Q1,reception.visits,10,visit,27\n' > noflags.csv
	run -0 baocao-xlsx -o book2.xlsx noflags.csv
	run "$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("book2.xlsx")["Số liệu gốc"]; print(ws.max_column, [c.value for c in ws[2]])'
	assert_output "9 ['q1', '764', 'Quý I năm 2024', 'Lượt tiếp công dân', 10, 'lượt', None, None, 27]"
}

@test "a relative path (city-summary's manifest gives the paths as given) links to the report from where the run is" {
	mkdir reports
	: > "reports/Quận 10.txt"
	printf 'doc,path\nt10,reports/Quận 10.txt\n' > rel.csv
	run -0 baocao-xlsx -o book.xlsx facts.csv rel.csv
	run "$PY" -c 'import openpyxl, urllib.parse
ws = openpyxl.load_workbook("book.xlsx")["Số liệu gốc"]
for row in ws.iter_rows(min_row=2):
    if row[0].value == "t10":
        print(row[7].value, urllib.parse.unquote(row[7].hyperlink.target))'
	dir=$(realpath "$BATS_TEST_TMPDIR")
	assert_output "$dir/reports/Quận 10.txt file://$dir/reports/Quận 10.txt"
}

@test "Vietnamese text round-trips: every label and unit name reads back as the same NFC text" {
	baocao-gen -K -p 6 -y 2024 -s 3 corpus > /dev/null
	baocao-extract corpus/*.txt | baocao-normalize 2>/dev/null > f.csv
	baocao-aggregate f.csv > c.csv
	baocao-aggregate --units f.csv > u.csv
	run -0 baocao-xlsx -o gen.xlsx c.csv u.csv
	run "$PY" - "$ROOT/common/data/labels.csv" <<-'PY'
	import csv, openpyxl, sys, unicodedata
	from decimal import Decimal
	labels = {r["label"]: r["unit_label"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
	city = {(r["period"], r["indicator"]): r for r in csv.DictReader(open("c.csv", encoding="utf-8"))}
	units = {(r["period"], r["indicator"], r["reporter_code"]): r["value"]
	         for r in csv.DictReader(open("u.csv", encoding="utf-8"))}
	names = {"764": "Quận Gò Vấp", "769": "Thành phố Thủ Đức", "785": "Huyện Bình Chánh",
	         "787": "Huyện Cần Giờ", "770": "Quận 3"}
	by_label = {}
	for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
	    by_label[r["label"]] = r["id"]
	wb = openpyxl.load_workbook("gen.xlsx")
	periods = {"Năm 2024": "2024", "Quý I năm 2024": "2024-Q1", "6 tháng đầu năm 2024": "2024-H1",
	           "9 tháng năm 2024": "2024-01/2024-09", "Quý IV năm 2024": "2024-Q4"}
	bad, checked = [], 0
	for sheet, period in periods.items():
	    ws = wb[sheet]
	    head = [c.value for c in ws[4]]
	    code_of = {v: k for k, v in names.items()}
	    for name in names.values():
	        if name not in head or not unicodedata.is_normalized("NFC", name):
	            bad.append(f"{sheet}: no column {name!r}")
	    for r in range(5, ws.max_row + 1):
	        label = ws.cell(r, 1).value
	        if label is None or label.startswith(("Đơn vị chưa", "Tất cả")):
	            continue
	        if label not in labels or ws.cell(r, 2).value != labels[label]:
	            bad.append(f"{sheet}: label {label!r} / {ws.cell(r, 2).value!r} not as written")
	            continue
	        row = city[(period, by_label[label])]
	        got, want = ws.cell(r, 3).value, row["value"]
	        if (got is None) != (want == "") or (want and Decimal(str(got)) != Decimal(want)):
	            bad.append(f"{sheet} {label}: city {got!r}, CSV {want!r}")
	        if ws.cell(r, 4).value != f'{row["units_covered"]}/{row["units_total"]}':
	            bad.append(f"{sheet} {label}: coverage {ws.cell(r, 4).value!r}")
	        for c in range(6, len(head) + 1):
	            v = ws.cell(r, c).value
	            w = units.get((period, by_label[label], code_of.get(head[c - 1], "?")))
	            if head[c - 1] in code_of and ((v is None) != (w in (None, "")) or
	                                           (v is not None and Decimal(str(v)) != Decimal(w))):
	                bad.append(f"{sheet} {label} {head[c - 1]}: {v!r}, CSV {w!r}")
	            if v is not None and ws.cell(r, c).data_type != "n":
	                bad.append(f"{sheet} {label} {head[c - 1]}: not a number")
	        checked += 1
	print("\n".join(bad[:20]) or f"ok {checked}")
	sys.exit(1 if bad else 0)
	PY
	assert_success
	assert_output --regexp '^ok [0-9]+$'
	[ "${output#ok }" -ge 60 ]
}

@test "a value a spreadsheet cannot hold is text, with a warning; any other table is a sheet as it is" {
	printf 'province_code,period,indicator,unit,value\n79,2024,works.cash_vnd,VND,1234567890123456789\n79,2024,reception.visits,visit,07\n' > big.csv
	run -0 --separate-stderr baocao-xlsx -o big.xlsx big.csv
	assert_equal "$stderr" "baocao-xlsx: '1234567890123456789' has more than 15 significant digits, which a spreadsheet cannot hold: written as text"
	run "$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("big.xlsx")["big"]; print(ws.freeze_panes, [(c.value, c.data_type) for c in ws[2]], ws["E3"].value, ws["E3"].data_type)'
	assert_output "A2 [('79', 's'), ('2024', 's'), ('works.cash_vnd', 's'), ('VND', 's'), ('1234567890123456789', 's')] 07 s"
	sed 's/,1235667.5,/,1235668.5,/' city.csv > city2.csv
	run -1 baocao-diff -k province_code,period,indicator,unit city.csv city2.csv
	echo "$output" > d.csv
	run -0 baocao-xlsx -o d.xlsx d.csv
	run "$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("d.xlsx")["d"]; print([c.value for c in ws[1]][4:]); print([(c.value, c.data_type) for c in ws[2]][:6])'
	assert_line --index 0 "['column', 'old', 'new', 'delta', 'pct', 'status']"
	assert_line --index 1 "[('79', 's'), ('2024', 's'), ('reception.visits', 's'), ('visit', 's'), ('sum_value', 's'), (1235667.5, 'n')]"
}

@test "stdout when it is not a terminal; -o replaced whole; bad input leaves nothing behind" {
	baocao-xlsx city.csv > out.xlsx
	run file out.xlsx
	assert_output --partial "Microsoft Excel 2007+"
	echo "old" > keep.xlsx
	printf 'a,b\n1,2\n3\n' > bad.csv
	run -2 --separate-stderr baocao-xlsx -o keep.xlsx city.csv bad.csv
	assert_equal "$stderr" "baocao-xlsx: bad.csv:3: expected 2 fields, found 1"
	assert_equal "$(cat keep.xlsx)" "old"
	run -0 ls -A
	refute_output --partial ".baocao-xlsx."
	run -2 --separate-stderr baocao-xlsx -o /nonexistent/dir/b.xlsx city.csv
	assert_equal "$stderr" "baocao-xlsx: cannot write '/nonexistent/dir/b.xlsx': No such file or directory"
	run -2 --separate-stderr baocao-xlsx -o b.xlsx city.csv city.csv
	assert_equal "$stderr" "baocao-xlsx: city.csv: a second city table"
}

@test "every indicator of the lexicon has a Vietnamese label and unit, and nothing else but the city table's codes and the review page's words has one" {
	run diff <(awk '$1 == "indicator" { print $2 }' "$ROOT/common/data/lexicon.rules" | sort) \
		<(tail -n +2 "$ROOT/common/data/labels.csv" | cut -d, -f1 | grep -v '^how\.\|^flag\.\|^review:' | sort)
	assert_success
	# no empty label, no unit but an indicator's, no comma or quote (the
	# pipelines read it with awk)
	run -0 awk -F, 'NR > 1 && (NF != 3 || $2 == "" || ($3 == "") != ($1 ~ /^(how|flag)\./) || /"/)' "$ROOT/common/data/labels.csv"
	assert_output ""
	# an edited copy: a label given twice is an error naming file and line
	{ cat "$ROOT/common/data/labels.csv"; echo "reception.visits,Khác,lượt"; } > twice.csv
	n=$(wc -l < twice.csv)
	run -2 --separate-stderr baocao-xlsx --labels twice.csv -o x.xlsx city.csv
	assert_equal "$stderr" "baocao-xlsx: twice.csv:$n: indicator 'reception.visits' given twice"
	# an indicator needs a unit label, a code of the city table has none
	printf 'id,label,unit_label\nhow.sum,Tổng,\nreception.visits,Lượt,\n' > nounit.csv
	run -2 --separate-stderr baocao-xlsx --labels nounit.csv -o x.xlsx city.csv
	assert_equal "$stderr" "baocao-xlsx: nounit.csv:3: column 'unit_label' is empty"
	# a copy made before the codes had labels: its first column is indicator
	{ echo indicator,label,unit_label; tail -n +2 "$ROOT/common/data/labels.csv" | grep -v '^how\.\|^flag\.'; } > old.csv
	run -0 baocao-xlsx --labels old.csv -o old.xlsx city.csv
	run "$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("old.xlsx")["Năm 2024"]; print(ws["A5"].value, "|", ws["E5"].value)'
	assert_output "Lượt tiếp công dân | sum; derived"
}

@test "every code of the how column and every flag the city table and the units' table write has a label" {
	# 768 states the satisfaction rate twice, with two values: conflict
	{ cat facts.csv
	  echo 'c1,768,Quận Phú Nhuận,79,2024,satisfaction.rate,90,percent,reporter,exact,3,90%,x,'
	  echo 'c2,768,Quận Phú Nhuận,79,2024,satisfaction.rate,91,percent,reporter,exact,3,91%,x,'; } > all.csv
	baocao-aggregate all.csv > c.csv
	baocao-aggregate --units all.csv > u.csv
	run "$PY" - "$ROOT/common/data/labels.csv" <<-'PY'
	import csv, sys
	ids = {r["id"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
	how = {r["how"] for r in csv.DictReader(open("c.csv", encoding="utf-8"))}
	flags = {f for t in ("c.csv", "u.csv") for r in csv.DictReader(open(t, encoding="utf-8"))
	         for f in r["flags"].split(";") if f}
	print(" ".join(sorted(how)), "|", " ".join(sorted(flags)))
	print(" ".join(sorted({"how." + h for h in how} - ids) + sorted({"flag." + f for f in flags} - ids)) or "all labelled")
	PY
	assert_success
	assert_line --index 0 "per-unit ratio sum | conflict derived"
	assert_line --index 1 "all labelled"
}

@test "flags are read by name, never as text: a flag that merely contains 'derived' is not one" {
	awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
		NR > 1 && $c["indicator"] == "reception.visits" && $c["period"] == "2024" { $c["flags"] = "underived" }
		{ print }' city.csv > odd.csv
	grep -q ',underived,' odd.csv
	run -0 baocao-xlsx -o odd.xlsx odd.csv
	run "$PY" -c 'import openpyxl
ws = openpyxl.load_workbook("odd.xlsx")["Năm 2024"]
r = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "Lượt tiếp công dân"][0]
print(ws.cell(r, 3).font.i, ws.cell(r, 5).value)'
	assert_output "False Tổng các đơn vị; underived"
}
