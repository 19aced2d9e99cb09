#!/usr/bin/env bats
# baocao-xlsx: the workbook, read back by an independent reader (openpyxl);
# printed by another (LibreOffice) where it is installed.

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
	# the day the workbook says it was made: 08/01/2025
	export SOURCE_DATE_EPOCH=1736326800
	# 764 sends four quarters, 785 9 months and the year, 770 and 771 the
	# year, nine more units the year's visits (12 of 22 units: a city
	# figure); the dossiers, the satisfaction rate and the money cover 1
	# or 2 units (set apart).  785's 9 months is weak; its money approx
	# and corrected.
	cat > facts.csv <<-'CSV'
	doc,reporter_code,reporter_name,province_code,period,indicator,value,unit,scope,qualifier,line,raw,evidence,flags,reading
	q1,764,Quận Gò Vấp,79,2024-Q1,reception.visits,10,visit,reporter,exact,27,10,đã tiếp [10] lượt công dân,,rule 128; what=visit (noun)
	q2,764,Quận Gò Vấp,79,2024-Q2,reception.visits,20,visit,reporter,exact,27,20,đã tiếp [20] lượt công dân,,rule 128; what=visit (noun)
	q3,764,Quận Gò Vấp,79,2024-Q3,reception.visits,30,visit,reporter,exact,27,30,đã tiếp [30] lượt công dân,,rule 128; what=visit (noun)
	q4,764,Quận Gò Vấp,79,2024-Q4,reception.visits,40.5,visit,reporter,exact,27,"40,5","đã tiếp [40,5] lượt công dân",,rule 128; what=visit (noun)
	n9,785,Huyện Bình Chánh,79,2024-01/2024-09,reception.visits,600,visit,reporter,exact,12,600,đã tiếp [600] lượt,weak,rule 128; what=visit (clause)
	ny,785,Huyện Bình Chánh,79,2024,reception.visits,1000,visit,reporter,exact,12,1.000,đã tiếp [1.000] lượt,,rule 128; what=visit (noun)
	ny,785,Huyện Bình Chánh,79,2024,dossiers.online,1,dossier,reporter,exact,30,01,trực tuyến [01] hồ sơ,,rule 173; what=dossier (noun)
	ny,785,Huyện Bình Chánh,79,2024,dossiers.received,500,dossier,reporter,exact,30,500,tiếp nhận [500] hồ sơ,,rule 179; what=dossier (noun)
	ny,785,Huyện Bình Chánh,79,2024,works.cash_vnd,1234567890,VND,reporter,approx,40,1.234.567.890,nhân dân đóng góp khoảng [1.234.567.890] đồng,approx;corrected,rule 363; what=VND (noun)
	t3,770,Quận 3,79,2024,dossiers.online,0,dossier,reporter,exact,9,0,trực tuyến [0] hồ sơ,,rule 173; what=dossier (noun)
	t3,770,Quận 3,79,2024,dossiers.received,300,dossier,reporter,exact,9,300,tiếp nhận [300] hồ sơ,,rule 179; what=dossier (noun)
	t3,770,Quận 3,79,2024,satisfaction.rate,98.5,percent,reporter,exact,10,"98,5%","hài lòng đạt [98,5%]",,rule 167; what=percent (noun)
	t3,770,Quận 3,79,2024,works.cash_vnd,5000000,VND,reporter,exact,11,5 triệu,nhân dân đóng góp [5 triệu] đồng,,rule 363; what=VND (noun)
	t10,771,Quận 10,79,2024,reception.visits,1234567,visit,reporter,exact,5,1.234.567,đã tiếp [1.234.567] lượt,,rule 128; what=visit (noun)
	CSV
	for code in 760 761 765 766 767 768 773 774 775; do
		echo "u$code,$code,,79,2024,reception.visits,100,visit,reporter,exact,3,100,đã tiếp [100] lượt,,"
	done >> facts.csv
	# the manifest: the reports, a copy, a scan of Nhà Bè's third quarter
	# and an empty file
	mkdir -p reports out
	: > "reports/Gò Vấp q1.txt"
	: > reports/Scan_001.pdf
	{ echo 'doc,path,sha256,issuer,doc_no,doc_date,reporter_code,reporter_name,province_code,period,status,reason'
	  echo 'q1,reports/Gò Vấp q1.txt,a1,QUẬN GÒ VẤP,12/BC-UBND,3 tháng 4 năm 2024,764,Quận Gò Vấp,79,2024-Q1,ok,'
	  for d in q2 q3 q4; do echo "$d,reports/$d.txt,b$d,QUẬN GÒ VẤP,,,764,Quận Gò Vấp,79,2024-Q${d#q},ok,"; done
	  echo 'n9,reports/n9.txt,c1,HUYỆN BÌNH CHÁNH,,,785,Huyện Bình Chánh,79,2024-01/2024-09,ok,'
	  echo 'ny,/srv/reports/bc.txt,c2,HUYỆN BÌNH CHÁNH,,,785,Huyện Bình Chánh,79,2024,ok,'
	  echo 't3,reports/t3.txt,d1,QUẬN 3,,,770,Quận 3,79,2024,ok,'
	  echo 't10,reports/t10.txt,d2,QUẬN 10,,,771,Quận 10,79,2024,ok,'
	  for code in 760 761 765 766 767 768 773 774 775; do echo "u$code,reports/u$code.txt,e$code,,,,$code,,79,2024,ok,"; done
	  echo 'q1 (1),reports/Gò Vấp q1 (1).txt,a1,QUẬN GÒ VẤP,12/BC-UBND,3 tháng 4 năm 2024,764,Quận Gò Vấp,79,2024-Q1,duplicate,the same content as q1'
	  echo 'Scan_001,reports/Scan_001.pdf,f1,HUYỆN NHÀ BÈ,,,786,Huyện Nhà Bè,79,2024-Q3,unreadable,no text layer (a scan?)'
	  echo 'empty,reports/empty.docx,f2,,,,,,,,unreadable,empty file (0 bytes)'
	} > manifest.csv
	cat > findings.csv <<-'CSV'
	doc,line,rule,indicator,expected,actual,detail
	ny,12,cumulative-decrease,reception.visits,600,550,"2024: 550, less than 600"
	t3,9,parts-vs-whole,dossiers.received,645,300,parts: 247 + 338 + 60 = 645 > 300 (line 9)
	t3,10,brand-new-rule,,,,something new
	CSV
	baocao-aggregate facts.csv > city.csv
	baocao-aggregate --units facts.csv > units.csv
}

@test "the period sheet: subject title, place, source and date, STT and sections, coverage, units by name, how in a note, frozen header" {
	run -0 baocao-xlsx -o out/book.xlsx city.csv units.csv findings.csv facts.csv manifest.csv
	run "$PY" - <<-'PY'
	import openpyxl, sys
	wb = openpyxl.load_workbook("out/book.xlsx")
	bad = []
	def eq(what, got, want):
	    if got != want:
	        bad.append(f"{what}: got {got!r}, want {want!r}")
	eq("sheets", wb.sheetnames, ["Năm 2024", "6 tháng cuối năm 2024", "Quý IV năm 2024",
	   "9 tháng năm 2024", "Quý III năm 2024", "6 tháng đầu năm 2024", "Quý II năm 2024",
	   "Quý I năm 2024", "Tệp báo cáo", "Giải thích cờ", "Phát hiện", "Số liệu gốc"])
	ws = wb["Năm 2024"]
	eq("title", ws["A1"].value, "Biểu tổng hợp kết quả công tác dân vận chính quyền và "
	   "thực hiện dân chủ ở cơ sở – Năm 2024")
	# 17 ok reports of the city within 2024; the copy and the scans are not sources
	eq("place", ws["A2"].value, "Thành phố Hồ Chí Minh – Nguồn: 17 báo cáo của các đơn vị – Lập ngày 08/01/2025")
	eq("legend", ws["A3"].value.startswith("Số in nghiêng: số suy ra"), True)
	eq("frozen", ws.freeze_panes, "E5")
	head = [c.value for c in ws[4]]
	eq("header", head[:5], ["STT", "Chỉ tiêu", "Đơn vị tính", "Toàn thành phố", "Số đơn vị có số liệu"])
	# the units in natural order: Quận 3 before Quận 10, Quận 10 before Quận 12
	eq("units", head[5:], ["Huyện Bình Chánh", "Huyện Cần Giờ", "Huyện Củ Chi", "Huyện Hóc Môn",
	   "Huyện Nhà Bè", "Quận 1", "Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 7", "Quận 8",
	   "Quận 10", "Quận 11", "Quận 12", "Quận Bình Tân", "Quận Bình Thạnh", "Quận Gò Vấp",
	   "Quận Phú Nhuận", "Quận Tân Bình", "Quận Tân Phú", "Thành phố Thủ Đức"])
	col = {name: i + 1 for i, name in enumerate(head)}
	# the one city figure is in the first section, numbered I, its row 1
	eq("section", [ws["A5"].value, ws["B5"].value], ["I", "Tiếp công dân"])
	eq("section shaded", ws["A5"].fill.fgColor.rgb[-6:], "F2F2F2")
	eq("row 6", [ws.cell(6, c).value for c in range(1, 6)],
	   [1, "Lượt tiếp công dân", "lượt", 1236567.5, "12/22"])
	# 764's derived year 100.5 + 785's 1000 + 771's 1234567 + nine units' 100
	eq("visits typed", ws["D6"].data_type, "n")
	eq("visits derived italic", ws["D6"].font.i, True)
	eq("visits how", ws["D6"].comment.text if ws["D6"].comment else None, "Tổng các đơn vị; có số suy ra")
	eq("Gò Vấp", ws.cell(6, col["Quận Gò Vấp"]).value, 100.5)
	eq("Gò Vấp derived", ws.cell(6, col["Quận Gò Vấp"]).font.i, True)
	eq("Bình Chánh stated", ws.cell(6, col["Huyện Bình Chánh"]).font.i, False)
	eq("Quận 10", ws.cell(6, col["Quận 10"]).value, 1234567)
	eq("Quận 10 format", ws.cell(6, col["Quận 10"]).number_format, "#,##0")
	eq("Quận 7 empty", ws.cell(6, col["Quận 7"]).value, None)
	# nothing on this sheet shows a label's key or a placeholder
	text = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
	eq("keys", [t for t in text if "book:" in t or "{" in t], [])
	print("\n".join(bad) or "ok")
	sys.exit(1 if bad else 0)
	PY
	assert_success
	assert_output ok
}

@test "figures of fewer than half the units are set apart from the city's, each labelled, their how in a note" {
	run -0 baocao-xlsx -o book.xlsx city.csv units.csv
	run "$PY" - <<-'PY'
	import openpyxl, sys
	wb = openpyxl.load_workbook("book.xlsx")
	ws = wb["Năm 2024"]
	bad = []
	def eq(what, got, want):
	    if got != want:
	        bad.append(f"{what}: got {got!r}, want {want!r}")
	rows = [[ws.cell(r, c).value for c in range(1, 6)] for r in range(5, ws.max_row + 1)]
	eq("rows", rows[:11], [
	    ["I", "Tiếp công dân", None, None, None],
	    [1, "Lượt tiếp công dân", "lượt", 1236567.5, "12/22"],
	    [None, None, None, None, None],
	    [None, "Chỉ tiêu có số liệu của dưới một nửa số đơn vị", None, None, None],
	    [1, "Hồ sơ hành chính tiếp nhận", "hồ sơ", 800, "2/22"],
	    [2, "Hồ sơ tiếp nhận trực tuyến", "hồ sơ", 1, "2/22"],
	    [3, "Tỷ lệ hồ sơ trực tuyến", "%", 0.13, "2/22"],
	    [4, "Mức độ hài lòng của người dân", "%", None, "1/22"],
	    [5, "Nhân dân đóng góp", "triệu đồng", 1239567890, "2/22"],
	    [None, None, None, None, None],
	    # without the manifest, nothing says Nhà Bè sent a file
	    ["Đơn vị chưa báo cáo kỳ này (9/22): Huyện Cần Giờ, Huyện Củ Chi, Huyện Hóc Môn, "
	     "Huyện Nhà Bè, Quận 7, Quận 8, Quận 11, Quận Bình Tân, Thành phố Thủ Đức.", None, None,
	     None, None]])
	eq("few note", ws["B8"].comment.text if ws["B8"].comment else None,
	   "Số ở cột Toàn thành phố là tổng của các đơn vị có số liệu – không phải số của toàn thành phố")
	eq("rate how", ws["D11"].comment.text, "Tính lại từ tổng: Hồ sơ tiếp nhận trực tuyến / Hồ sơ hành chính tiếp nhận")
	eq("rate format", ws["D11"].number_format, "#,##0.00")
	eq("per-unit how", ws["D12"].comment.text, "Chỉ theo từng đơn vị (không cộng và không lấy trung bình)")
	print("\n".join(bad) or "ok")
	sys.exit(1 if bad else 0)
	PY
	assert_success
	assert_output ok
}

@test "money is shown in millions of đồng: the cell holds every đồng, its format divides, the unit says triệu đồng" {
	run -0 baocao-xlsx -o book.xlsx city.csv units.csv facts.csv
	run "$PY" - <<-'PY'
	import openpyxl, sys
	wb = openpyxl.load_workbook("book.xlsx")
	ws = wb["Năm 2024"]
	head = [c.value for c in ws[4]]
	r = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == "Nhân dân đóng góp"][0]
	out = []
	for c in (4, head.index("Huyện Bình Chánh") + 1, head.index("Quận 3") + 1):
	    x = ws.cell(r, c)
	    out.append(f"{x.value!r} {x.data_type} {x.number_format}")
	f = wb["Số liệu gốc"]
	for row in f.iter_rows(min_row=2):
	    if row[3].value == "Nhân dân đóng góp":
	        out.append(f"{row[4].value!r} {row[4].number_format} {row[5].value}")
	print("\n".join(out))
	PY
	assert_success
	# 1,239.57 and 1,234.57 and 5 (triệu) on screen; every đồng in the cell
	assert_output - <<-'OUT'
	1239567890 n #,##0.00,,
	1234567890 n #,##0.00,,
	5000000 n #,##0,,
	1234567890 #,##0.00,, triệu đồng
	5000000 #,##0,, triệu đồng
	OUT
}

@test "the files sheet: every file of the manifest with its status in Vietnamese, unit and period; a unit whose file was left out has 'đã gửi nhưng không dùng được', naming the file" {
	run -0 baocao-xlsx -o out/book.xlsx city.csv units.csv manifest.csv
	run "$PY" - <<-'PY'
	import openpyxl, sys
	wb = openpyxl.load_workbook("out/book.xlsx")
	bad = []
	def eq(what, got, want):
	    if got != want:
	        bad.append(f"{what}: got {got!r}, want {want!r}")
	ws = wb["Tệp báo cáo"]
	eq("title", ws["A1"].value, "Các tệp của lần chạy: 20 tệp – 17 tệp đưa vào bảng")
	eq("counts", ws["A2"].value, "Đưa vào bảng: 17; Trùng: 1; Không đọc được: 2")
	eq("header", [c.value for c in ws[4]], ["STT", "Tệp", "Đơn vị", "Kỳ", "Số văn bản",
	   "Ngày văn bản", "Trạng thái", "Lý do (chương trình ghi)"])
	eq("frozen", ws.freeze_panes, "C5")
	eq("filter", ws.auto_filter.ref, "A4:H24")
	rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
	eq("files", len(rows), 20)
	eq("STT", [r[0] for r in rows], list(range(1, 21)))
	# by unit, then period: Bình Chánh's 9 months before its year
	eq("first", rows[0][1:4], ["../reports/n9.txt", "Huyện Bình Chánh", "9 tháng năm 2024"])
	eq("second", rows[1][2:4], ["Huyện Bình Chánh", "Năm 2024"])
	scan = [r for r in rows if r[1] == "../reports/Scan_001.pdf"]
	eq("scan", scan, [[scan[0][0] if scan else None, "../reports/Scan_001.pdf", "Huyện Nhà Bè",
	   "Quý III năm 2024", None, None, "Không đọc được", "no text layer (a scan?)"]])
	copy = [r for r in rows if r[1] == "../reports/Gò Vấp q1 (1).txt"]
	eq("copy", [r[2:8] for r in copy], [["Quận Gò Vấp", "Quý I năm 2024", "12/BC-UBND",
	   "3 tháng 4 năm 2024", "Trùng", "the same content as q1"]])
	# a file no unit was found for comes last
	eq("last", rows[-1][1:8], ["../reports/empty.docx", None, None, None, None, "Không đọc được",
	   "empty file (0 bytes)"])
	# what is not in the table stands out
	st = {r[6]: ws.cell(5 + i, 7).font.b for i, r in enumerate(rows)}
	eq("marked", st, {"Đưa vào bảng": False, "Trùng": True, "Không đọc được": True})
	# the year: Nhà Bè sent its third quarter, which was left out
	year = wb["Năm 2024"]
	lines = [year.cell(r, 1).value for r in range(5, year.max_row + 1)
	         if str(year.cell(r, 1).value).startswith("Đơn vị")]
	eq("year", lines, ["Đơn vị chưa báo cáo kỳ này (8/22): Huyện Cần Giờ, Huyện Củ Chi, "
	   "Huyện Hóc Môn, Quận 7, Quận 8, Quận 11, Quận Bình Tân, Thành phố Thủ Đức.",
	   "Đơn vị đã gửi nhưng không dùng được (1/22): Huyện Nhà Bè (Scan_001.pdf: Không đọc được)."])
	# the first quarter: Nhà Bè sent nothing for it
	q1 = wb["Quý I năm 2024"]
	lines = [q1.cell(r, 1).value for r in range(5, q1.max_row + 1)
	         if str(q1.cell(r, 1).value).startswith("Đơn vị")]
	eq("Q1 lines", len(lines), 1)
	eq("Q1 Nhà Bè", "Huyện Nhà Bè" in (lines or [""])[0], True)
	print("\n".join(bad) or "ok")
	sys.exit(1 if bad else 0)
	PY
	assert_success
	assert_output ok
	# a file of Nhà Bè whose period the manifest could not tell: named on
	# every sheet Nhà Bè has no figure on
	{ cat manifest.csv
	  echo 'nb,reports/Nhà Bè.txt,g1,HUYỆN NHÀ BÈ,,,786,Huyện Nhà Bè,79,,no-period,no period in the title'; } > m2.csv
	run -0 baocao-xlsx -o m2.xlsx city.csv units.csv m2.csv
	run "$PY" - <<-'PY'
	import openpyxl
	wb = openpyxl.load_workbook("m2.xlsx")
	for name in ("Năm 2024", "Quý I năm 2024"):
	    ws = wb[name]
	    print([ws.cell(r, 1).value for r in range(5, ws.max_row + 1)
	           if str(ws.cell(r, 1).value).startswith("Đơn vị đã gửi")])
	PY
	assert_output - <<-'OUT'
	['Đơn vị đã gửi nhưng không dùng được (1/22): Huyện Nhà Bè (Scan_001.pdf: Không đọc được; Nhà Bè.txt: Không rõ kỳ).']
	['Đơn vị đã gửi nhưng không dùng được (1/22): Huyện Nhà Bè (Nhà Bè.txt: Không rõ kỳ).']
	OUT
	# doc,path alone (no status): links only, no files sheet
	cut -d, -f1,2 manifest.csv > docs.csv
	run -0 baocao-xlsx -o plain.xlsx city.csv docs.csv
	run "$PY" -c 'import openpyxl; print("Tệp báo cáo" in openpyxl.load_workbook("plain.xlsx").sheetnames)'
	assert_output False
}

@test "the flags sheet: each flag and rule in Vietnamese, what it means, what to do, how many there are" {
	run -0 baocao-xlsx -o book.xlsx city.csv units.csv findings.csv facts.csv
	run "$PY" - "$ROOT/common/data/labels.csv" <<-'PY'
	import csv, openpyxl, sys
	labels = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
	units = list(csv.DictReader(open("units.csv", encoding="utf-8")))
	derived = sum("derived" in r["flags"].split(";") for r in units)
	wb = openpyxl.load_workbook("book.xlsx")
	ws = wb["Giải thích cờ"]
	bad = []
	def eq(what, got, want):
	    if got != want:
	        bad.append(f"{what}: got {got!r}, want {want!r}")
	rows = [[c.value for c in row] for row in ws.iter_rows()]
	eq("title", rows[0][0], "Cờ: những số cần xem lại – ý nghĩa và cách xử lý")
	eq("header", rows[2][:6], ["Cờ", "Mã", "Ý nghĩa", "Cần làm gì", "Số liệu gốc có cờ này",
	   "Số của đơn vị có cờ này"])
	flags = {r[1]: r for r in rows[3:10]}
	eq("flags", sorted(flags), ["approx", "conflict", "corrected", "derived", "dropped", "ocr", "weak"])
	for code, r in flags.items():
	    eq(code + " label", r[0], labels["flag." + code]["label"])
	    eq(code + " meaning", r[2], labels["book:flag." + code]["label"])
	    eq(code + " todo", r[3], labels["book:flag." + code]["unit_label"])
	eq("counts", {k: (r[4], r[5]) for k, r in flags.items()},
	   {"approx": (1, 0), "conflict": (0, 0), "corrected": (1, 0), "derived": (0, derived),
	    "dropped": (0, 0), "ocr": (0, 0), "weak": (1, 0)})
	if derived < 3:
	    bad.append(f"derived: {derived} units' figures")
	at = [i for i, r in enumerate(rows) if r[0] == "Phát hiện"][0]
	eq("rules header", rows[at][:4], ["Phát hiện", "Mã", "Giải thích", "Số phát hiện"])
	rules = {r[1]: r for r in rows[at + 1:] if r[1]}
	eq("parts", rules["parts-vs-whole"][:4], ["Các phần khác tổng", "parts-vs-whole",
	   "Cộng các phần không bằng tổng", 1])
	eq("cumulative", rules["cumulative-decrease"][3], 1)
	eq("restatement", rules["restatement"][3], 0)
	# a rule without a label: its code, still counted
	eq("new", rules["brand-new-rule"][:4], ["brand-new-rule", "brand-new-rule", None, 1])
	eq("every check rule", sorted(k for k in rules if k in ("percent-vs-fraction",
	   "numerator-over-denominator", "parts-vs-whole", "table-total", "restatement",
	   "fraction-base", "cumulative-decrease", "periods-disagree")), sorted(["percent-vs-fraction",
	   "numerator-over-denominator", "parts-vs-whole", "table-total", "restatement",
	   "fraction-base", "cumulative-decrease", "periods-disagree"]))
	# the facts' flags by their labels
	f = wb["Số liệu gốc"]
	flagged = {row[3].value + " " + row[2].value: row[9].value for row in f.iter_rows(min_row=2) if row[9].value}
	eq("facts' flags", flagged, {"Lượt tiếp công dân 9 tháng năm 2024": "đọc chưa chắc",
	   "Nhân dân đóng góp Năm 2024": "số ước; đã sửa"})
	print("\n".join(bad) or "ok")
	sys.exit(1 if bad else 0)
	PY
	assert_success
	assert_output ok
}

@test "findings in Vietnamese: the rule's label and meaning, expected and actual as numbers, the English detail in a column of its own" {
	run -0 baocao-xlsx -o out/book.xlsx findings.csv manifest.csv
	run "$PY" - <<-'PY'
	import openpyxl, os, sys
	wb = openpyxl.load_workbook("out/book.xlsx")
	print(wb.sheetnames)
	ws = wb["Phát hiện"]
	print([c.value for c in ws[1]])
	# an absolute path that does not exist: from the workbook's directory
	srv = os.path.relpath("/srv/reports/bc.txt", os.path.realpath("out"))
	for row in ws.iter_rows(min_row=2):
	    print([c.value if c.value != srv else "SRV" for c in row])
	PY
	assert_success
	assert_output - <<-'OUT'
	['Tệp báo cáo', 'Giải thích cờ', 'Phát hiện']
	['Báo cáo', 'Tệp', 'Dòng', 'Phát hiện', 'Giải thích', 'Chỉ tiêu', 'Theo tính toán', 'Trong báo cáo', 'Chi tiết (tiếng Anh)']
	['ny', 'SRV', 12, 'Lũy kế giảm', 'Số của kỳ dài nhỏ hơn số của kỳ ngắn nằm trong nó', 'Lượt tiếp công dân', 600, 550, '2024: 550, less than 600']
	['t3', '../reports/t3.txt', 9, 'Các phần khác tổng', 'Cộng các phần không bằng tổng', 'Hồ sơ hành chính tiếp nhận', 645, 300, 'parts: 247 + 338 + 60 = 645 > 300 (line 9)']
	['t3', '../reports/t3.txt', 10, 'brand-new-rule', None, None, None, None, 'something new']
	OUT
	run "$PY" -c 'import openpyxl; print(openpyxl.load_workbook("out/book.xlsx")["Phát hiện"]["B2"].value.startswith("../"))'
	assert_output True
}

@test "the facts sheet: the quote as normalize wrote it (never the reading), the report as a link, the line as a number, flags only when there are any" {
	run -0 baocao-xlsx -o book.xlsx facts.csv manifest.csv
	run "$PY" - <<-'PY'
	import openpyxl, sys
	wb = openpyxl.load_workbook("book.xlsx")
	bad = []
	def eq(what, got, want):
	    if got != want:
	        bad.append(f"{what}: got {got!r}, want {want!r}")
	ws = wb["Số liệu gốc"]
	eq("frozen", ws.freeze_panes, "B2")
	eq("header", [c.value for c in ws[1]], ["Báo cáo", "Đơn vị", "Kỳ", "Chỉ tiêu", "Giá trị",
	   "Đơn vị tính", "Trích dẫn", "Tệp", "Dòng", "Cờ"])
	eq("row 2", [c.value for c in ws[2]], ["q1", "Quận Gò Vấp", "Quý I năm 2024", "Lượt tiếp công dân",
	   10, "lượt", "đã tiếp [10] lượt công dân", "reports/Gò Vấp q1.txt", 27, None])
	eq("line typed", ws["I2"].data_type, "n")
	eq("9 months", [ws["C6"].value, ws["E6"].value, ws["J6"].value], ["9 tháng năm 2024", 600, "đọc chưa chắc"])
	eq("a unit without a name", ws.cell(16, 2).value, "760")
	text = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
	eq("reading", [t for t in text if "rule 1" in t or "what=" in t], [])
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

@test "links to the reports are relative to the workbook's directory (or --base), never file:// paths, so the workbook travels with the reports' folder" {
	run -0 baocao-xlsx -o out/book.xlsx facts.csv manifest.csv
	run -0 baocao-xlsx --base reports -o stdout.xlsx facts.csv manifest.csv
	baocao-xlsx facts.csv manifest.csv > here.xlsx
	run "$PY" - <<-'PY'
	import openpyxl, urllib.parse
	for book in ("out/book.xlsx", "stdout.xlsx", "here.xlsx"):
	    ws = openpyxl.load_workbook(book)["Số liệu gốc"]
	    for row in ws.iter_rows(min_row=2):
	        if row[0].value in ("q1", "t3"):
	            print(book, row[7].value, row[7].hyperlink.target)
	PY
	assert_output - <<-'OUT'
	out/book.xlsx ../reports/Gò Vấp q1.txt ../reports/G%C3%B2%20V%E1%BA%A5p%20q1.txt
	out/book.xlsx ../reports/t3.txt ../reports/t3.txt
	out/book.xlsx ../reports/t3.txt ../reports/t3.txt
	out/book.xlsx ../reports/t3.txt ../reports/t3.txt
	out/book.xlsx ../reports/t3.txt ../reports/t3.txt
	stdout.xlsx Gò Vấp q1.txt G%C3%B2%20V%E1%BA%A5p%20q1.txt
	stdout.xlsx t3.txt t3.txt
	stdout.xlsx t3.txt t3.txt
	stdout.xlsx t3.txt t3.txt
	stdout.xlsx t3.txt t3.txt
	here.xlsx reports/Gò Vấp q1.txt reports/G%C3%B2%20V%E1%BA%A5p%20q1.txt
	here.xlsx reports/t3.txt reports/t3.txt
	here.xlsx reports/t3.txt reports/t3.txt
	here.xlsx reports/t3.txt reports/t3.txt
	here.xlsx reports/t3.txt reports/t3.txt
	OUT
	# through a symbolic link to the folder: the link's target, resolved
	ln -s reports alias
	printf 'doc,path\nq1,alias/Gò Vấp q1.txt\n' > via.csv
	run -0 baocao-xlsx -o out/via.xlsx facts.csv via.csv
	run "$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("out/via.xlsx")["Số liệu gốc"]; print(ws["H2"].value)'
	assert_output "../reports/Gò Vấp q1.txt"
	run -2 --separate-stderr baocao-xlsx --base nodir -o x.xlsx facts.csv
	assert_equal "$stderr" "baocao-xlsx: option '--base': 'nodir': No such file or directory"
}

@test "every sheet prints landscape on A4, one page wide, its header rows on every page, the subject, source, page and date in its header and footer" {
	run -0 baocao-xlsx -o book.xlsx city.csv units.csv findings.csv facts.csv manifest.csv
	run "$PY" - <<-'PY'
	import openpyxl
	wb = openpyxl.load_workbook("book.xlsx")
	for ws in wb.worksheets:
	    p = ws.page_setup
	    print(ws.title, p.orientation, p.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage,
	          p.fitToWidth or 1, p.fitToHeight, ws.print_title_rows, "|", ws.oddHeader.left.text,
	          "|", ws.oddHeader.right.text, "|", ws.oddFooter.left.text, "|",
	          ws.oddFooter.center.text, "|", ws.oddFooter.right.text)
	PY
	assert_success
	# fitToHeight 0: as many pages down as it needs
	head="Kết quả công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở"
	assert_output - <<-OUT
	Năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | Năm 2024 | Nguồn: 17 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	6 tháng cuối năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | 6 tháng cuối năm 2024 | Nguồn: 2 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Quý IV năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | Quý IV năm 2024 | Nguồn: 1 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	9 tháng năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | 9 tháng năm 2024 | Nguồn: 4 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Quý III năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | Quý III năm 2024 | Nguồn: 1 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	6 tháng đầu năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | 6 tháng đầu năm 2024 | Nguồn: 2 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Quý II năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | Quý II năm 2024 | Nguồn: 1 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Quý I năm 2024 landscape 9 True 1 0 \$4:\$4 | $head | Quý I năm 2024 | Nguồn: 1 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Tệp báo cáo landscape 9 True 1 0 \$4:\$4 | $head | Tệp báo cáo | Nguồn: 17 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Giải thích cờ landscape 9 True 1 0 \$3:\$3 | $head | Giải thích cờ | Nguồn: 17 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Phát hiện landscape 9 True 1 0 \$1:\$1 | $head | Phát hiện | Nguồn: 17 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	Số liệu gốc landscape 9 True 1 0 \$1:\$1 | $head | Số liệu gốc | Nguồn: 17 báo cáo của các đơn vị | Trang &P/&N | Lập ngày 08/01/2025
	OUT
}

@test "rendered by LibreOffice, the year sheet of the 22 districts prints on at most 3 pages" {
	command -v libreoffice > /dev/null || skip "no libreoffice (apt-get install libreoffice-calc): the page count is not checked"
	command -v pdfinfo > /dev/null || skip "no pdfinfo (apt-get install poppler-utils)"
	baocao-gen -p 6 -y 2024 -s 5 corpus > /dev/null
	baocao-extract corpus/*.txt | baocao-normalize 2>/dev/null > f.csv
	baocao-aggregate f.csv | awk -F, 'NR == 1 || $2 == "2024"' > year.csv
	baocao-aggregate --units f.csv | awk -F, 'NR == 1 || $2 == "2024"' > units.csv
	run -0 baocao-xlsx -o year.xlsx year.csv units.csv
	run "$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("year.xlsx")["Năm 2024"]; print(ws.max_column - 5, ws.max_row)'
	read -r nunits nrows <<< "$output"
	[ "$nunits" -eq 22 ]
	[ "$nrows" -ge 30 ]
	# a profile of its own: no clash with another LibreOffice running
	run -0 timeout 300 libreoffice -env:UserInstallation="file://$BATS_TEST_TMPDIR/lo" \
		--headless --convert-to pdf --outdir "$BATS_TEST_TMPDIR" year.xlsx
	# the year sheet's pages: those whose header names the year
	pages=$(pdfinfo year.pdf | awk '/^Pages:/ { print $2 }')
	year=0
	for ((p = 1; p <= pages; p++)); do
		pdftotext -f "$p" -l "$p" year.pdf - | head -n 3 | grep -q 'Năm 2024' && year=$((year + 1))
	done
	echo "year sheet: $year of $pages pages"
	[ "$year" -ge 1 ]
	[ "$year" -le 3 ]
}

@test "--period-name names periods as the workbook does, from the labels: one a line" {
	run -0 baocao-xlsx --period-name 2024 2024-Q1 2024-H1 2024-H2 2021-01/2021-09 2024-04/2024-09 \
		2023-10/2024-03 2024-03 2024-W05 2021/2025 2023-12-15/2024-06-14 soon
	assert_output - <<-'OUT'
	Năm 2024
	Quý I năm 2024
	6 tháng đầu năm 2024
	6 tháng cuối năm 2024
	9 tháng năm 2021
	Tháng 4–9 năm 2024
	Tháng 10 năm 2023 – tháng 3 năm 2024
	Tháng 3 năm 2024
	Tuần 5 năm 2024
	Giai đoạn 2021–2025
	Từ ngày 15/12/2023 đến ngày 14/06/2024
	soon
	OUT
	# an edited copy: its words; without a template, the period as it is
	sed 's/^period.quarter,Quý {q} năm {y},$/period.quarter,Q{q}\/{y},/; /^period.year,/d' \
		"$ROOT/common/data/labels.csv" > edited.csv
	run -0 baocao-xlsx --labels edited.csv --period-name 2024-Q3 2024
	assert_output $'QIII/2024\n2024'
	run -2 --separate-stderr baocao-xlsx --period-name
	assert_output ""
	assert_equal "${stderr_lines[0]}" "usage: baocao-xlsx [--labels FILE] --period-name PERIOD ..."
	run -2 --separate-stderr baocao-xlsx --period-name -o x.xlsx 2024
	assert_output ""
	assert_equal "${stderr_lines[0]}" "usage: baocao-xlsx [--labels FILE] --period-name PERIOD ..."
	run -2 --separate-stderr bash -c 'baocao-xlsx --period-name 2024 > /dev/full'
	assert_equal "$stderr" "baocao-xlsx: write error: No space left on device"
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
	rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
	labels = {r["label"]: r["unit_label"] for r in rows if r["unit_label"] and ":" not in r["id"]}
	by_label = {r["label"]: r["id"] for r in rows}
	city = {(r["period"], r["indicator"]): r for r in csv.DictReader(open("c.csv", encoding="utf-8"))}
	units = {(r["period"], r["indicator"], r["reporter_code"]): r["value"]
	         for r in csv.DictReader(open("u.csv", encoding="utf-8"))}
	names = {"764": "Quận Gò Vấp", "769": "Thành phố Thủ Đức", "785": "Huyện Bình Chánh",
	         "787": "Huyện Cần Giờ", "770": "Quận 3"}
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
	        if not isinstance(ws.cell(r, 1).value, int):
	            continue    # a section, the few units' heading, the missing units
	        label = ws.cell(r, 2).value
	        row = city.get((period, by_label.get(label)))
	        want_unit = "triệu đồng" if row and row["unit"] == "VND" else labels.get(label)
	        if label not in labels or ws.cell(r, 3).value != want_unit:
	            bad.append(f"{sheet}: label {label!r} / {ws.cell(r, 3).value!r} not as written")
	            continue
	        got, want = ws.cell(r, 4).value, row["value"]
	        if (got is None) != (want == "") or (want and Decimal(str(got)) != Decimal(want)):
	            bad.append(f"{sheet} {label}: city {got!r}, CSV {want!r}")
	        if ws.cell(r, 5).value != f'{row["units_covered"]}/{row["units_total"]}':
	            bad.append(f"{sheet} {label}: coverage {ws.cell(r, 5).value!r}")
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
	awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
		NR > 1 && $2 == "2024" && $3 == "reception.visits" { $c["value"] = $c["value"] + 1 } 1' city.csv > city2.csv
	run -1 baocao-diff -k province_code,period,indicator,unit city.csv city2.csv
	echo "$output" > d.csv
	run -0 baocao-xlsx -o d.xlsx d.csv
	run "$PY" -c 'import openpyxl; wb = openpyxl.load_workbook("d.xlsx"); ws = wb["d"]; print(wb.sheetnames); print([c.value for c in ws[1]][4:]); print([(c.value, c.data_type) for c in ws[2]][:6])'
	assert_line --index 0 "['d']"
	assert_line --index 1 "['column', 'old', 'new', 'delta', 'pct', 'status']"
	assert_line --index 2 "[('79', 's'), ('2024', 's'), ('reception.visits', 's'), ('visit', 's'), ('value', 's'), (1236567.5, 'n')]"
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
	SOURCE_DATE_EPOCH=soon run -2 --separate-stderr baocao-xlsx -o b.xlsx city.csv
	assert_equal "$stderr" "baocao-xlsx: SOURCE_DATE_EPOCH: 'soon' is not a number of seconds"
	assert_file_not_exists b.xlsx
}

@test "every indicator of the lexicon has a Vietnamese label and unit; the other rows are codes, sections, periods and the words of the workbook and the review page" {
	run diff <(awk '$1 == "indicator" { print $2 }' "$ROOT/common/data/lexicon.rules" | sort) \
		<(tail -n +2 "$ROOT/common/data/labels.csv" | cut -d, -f1 | grep -v '^how\.\|^flag\.\|^group\.\|^period\.\|^review:\|^book:' | sort)
	assert_success
	# no empty label, a unit label for every indicator and none for a code,
	# section or period, no comma or quote (the pipelines read it with awk)
	run -0 awk -F, 'NR > 1 && (NF != 3 || $2 == "" || /"/ ||
		($1 ~ /^(how|flag|group|period)\./ && $3 != "") ||
		($1 !~ /^(how|flag|group|period)\.|:/ && $3 == ""))' "$ROOT/common/data/labels.csv"
	assert_output ""
	# every indicator is in a section
	run -0 awk -F, 'NR > 1 && $1 ~ /^group\./ { g = 1 } NR > 1 && $1 !~ /^(how|flag|group|period)\.|:/ && !g' "$ROOT/common/data/labels.csv"
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
	# a copy without a word of the workbook: an error naming it, nothing written
	grep -v '^book:legend,' "$ROOT/common/data/labels.csv" > nolegend.csv
	run -2 --separate-stderr baocao-xlsx --labels nolegend.csv -o x.xlsx city.csv
	assert_equal "$stderr" "baocao-xlsx: labels: no label 'book:legend' (the workbook needs it)"
	assert_file_not_exists x.xlsx
	# a copy made before the codes had labels: its first column is indicator
	{ echo indicator,label,unit_label; tail -n +2 "$ROOT/common/data/labels.csv" | grep -v '^how\.\|^flag\.'; } > old.csv
	run -0 baocao-xlsx --labels old.csv -o old.xlsx city.csv
	run "$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("old.xlsx")["Năm 2024"]; print(ws["B6"].value, "|", ws["D6"].comment.text)'
	assert_output "Lượt tiếp công dân | sum; derived"
}

@test "every code of the how column and every flag the city table and the units' table write has a label" {
	# 768 states the satisfaction rate twice, with two values: conflict
	{ cat facts.csv
	  echo 'c1,768,Quận Phú Nhuận,79,2024,satisfaction.rate,90,percent,reporter,exact,3,90%,x,,'
	  echo 'c2,768,Quận Phú Nhuận,79,2024,satisfaction.rate,91,percent,reporter,exact,3,91%,x,,'; } > all.csv
	baocao-aggregate all.csv > c.csv
	baocao-aggregate --units all.csv > u.csv
	run "$PY" - "$ROOT/common/data/labels.csv" <<-'PY'
	import csv, sys
	ids = {r["id"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
	how = {r["how"] for r in csv.DictReader(open("c.csv", encoding="utf-8"))}
	flags = {f for t in ("c.csv", "u.csv") for r in csv.DictReader(open(t, encoding="utf-8"))
	         for f in r["flags"].split(";") if f}
	print(" ".join(sorted(how)), "|", " ".join(sorted(flags)))
	print(" ".join(sorted({"how." + h for h in how} - ids) + sorted({"flag." + f for f in flags} - ids)
	      + sorted({"book:flag." + f for f in flags} - ids)) or "all labelled")
	PY
	assert_success
	assert_line --index 0 "per-unit ratio sum | conflict derived"
	assert_line --index 1 "all labelled"
	# the unit's cell says so, in Vietnamese
	run -0 baocao-xlsx -o conflict.xlsx c.csv u.csv
	run "$PY" -c 'import openpyxl
ws = openpyxl.load_workbook("conflict.xlsx")["Năm 2024"]
head = [c.value for c in ws[4]]
r = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == "Mức độ hài lòng của người dân"][0]
print(ws.cell(r, head.index("Quận Phú Nhuận") + 1).value)'
	assert_output "(hai số khác nhau)"
}

@test "the flags normalize writes have a label and an explanation" {
	run grep -o '"[a-z]*"' <(sed -n '/fact_flag_name\[FLAG_N\] = {/,/};/p' "$ROOT/common/facts.c")
	assert_success
	for f in $(echo "$output" | tr -d '"'); do
		grep -q "^flag\.$f," "$ROOT/common/data/labels.csv" || fail "no label flag.$f"
		grep -q "^book:flag\.$f," "$ROOT/common/data/labels.csv" || fail "no explanation book:flag.$f"
	done
}

@test "every status the manifest writes has a label and a hint, and the files sheet says each in Vietnamese" {
	# the statuses, as common/manifest.c names them
	run -0 grep -o '"[a-z-]*"' <(sed -n '/status_names\[M_N\] = {/,/};/p' "$ROOT/common/manifest.c")
	statuses=$(echo "$output" | tr -d '"')
	# at least main's and the folder's: a status lost from the list would
	# leave its files unlabelled
	for s in ok duplicate superseded unreadable same-report other-province other-body archive \
	    folder-left-out lock-file system-file spreadsheet image ambiguous-resend empty; do
		grep -qx -- "$s" <<< "$statuses" || fail "no status $s in common/manifest.c"
	done
	for s in $statuses; do
		run -0 awk -F, -v id="review:status.$s" '$1 == id && $2 != "" && $3 != "" { n++ } END { print n + 0 }' "$ROOT/common/data/labels.csv"
		[ "$output" = 1 ] || fail "no label and hint review:status.$s"
	done
	# a manifest with a file of each status: the sheet says the label
	{ echo 'doc,path,sha256,issuer,doc_no,doc_date,reporter_code,reporter_name,province_code,period,status,reason'
	  i=0
	  for s in $statuses; do
		i=$((i + 1))
		echo "f$i,reports/f$i.txt,h$i,QUẬN GÒ VẤP,,,764,Quận Gò Vấp,79,2024,$s,"
	  done; } > every.csv
	run -0 baocao-xlsx -o every.xlsx city.csv units.csv every.csv
	run -0 "$PY" - "$ROOT/common/data/labels.csv" <<-'PY'
	import csv, openpyxl, sys
	labels = {r["id"]: r["label"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
	want = {r["path"]: labels["review:status." + r["status"]] for r in csv.DictReader(open("every.csv", encoding="utf-8"))}
	ws = openpyxl.load_workbook("every.xlsx")["Tệp báo cáo"]
	got = {r[1]: r[6] for r in ws.iter_rows(min_row=5, values_only=True)}
	bad = [f"{p}: {got.get(p)!r}, want {w!r}" for p, w in want.items() if got.get(p) != w]
	bad += [f"{p}: not in the manifest" for p in got if p not in want]
	print("\n".join(bad) or "ok")
	PY
	assert_output ok
}

@test "flags are read by name, never as text: a flag that merely contains 'derived' is not one" {
	awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
		NR > 1 && $c["indicator"] == "reception.visits" && $c["period"] == "2024" { $c["flags"] = "underived" }
		{ print }' city.csv > odd.csv
	grep -q ',underived,' odd.csv
	run -0 baocao-xlsx -o odd.xlsx odd.csv
	run "$PY" -c 'import openpyxl
ws = openpyxl.load_workbook("odd.xlsx")["Năm 2024"]
r = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == "Lượt tiếp công dân"][0]
print(ws.cell(r, 4).font.i, ws.cell(r, 4).comment.text)'
	assert_output "False Tổng các đơn vị; underived"
}

@test "the workbook's C holds no Vietnamese word, and the lint has no exception for it" {
	run -0 "$TESTS/lint/vietnamese-in-c" "$ROOT"
	assert_output ""
	run -1 grep -E "filters/xlsx|common/labels\.c" "$TESTS/lint/vietnamese-in-c"
	assert_output ""
}
