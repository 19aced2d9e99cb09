#!/usr/bin/env bats
# extract's cleaner: a report reads the same from .txt and from .docx, and
# the damage of a conversion from PDF (glued syllables, letters spaced out,
# numbers glued to words, markup, invisible characters, page numbers and a
# footnote inside a sentence) is repaired in either format, into the
# figures of the same report written cleanly.  The sentences are written
# for this test.

setup_file() {
	load 'test_helper/common-setup'
	_common_setup
	T="$BATS_FILE_TMPDIR"
	python3 - "$T" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape

d = sys.argv[1]
HEAD = ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA BÌNH", "Số: 51/BC-UBND", "BÁO CÁO",
        "Kết quả công tác cải cách hành chính quý II năm 2025",
        "1. Tiếp nhận và trả kết quả"]
FILL = ["Bộ phận một cửa duy trì việc niêm yết công khai thủ tục.",
        "Cán bộ hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà."] * 6
CLEAN = HEAD + [
    "Trung tâm phục vụ hành chính công phường tiếp nhận 1.236 hồ sơ, trong đó trực tuyến 1.102 hồ sơ.",
    "Đã trả kết quả 214 hồ sơ đúng hạn, tỷ lệ hồ sơ đúng hạn đạt 97,5%.",
    "Số hồ sơ đang giải quyết: 125 hồ sơ.",
    "Giải quyết thủ tục hành chính cho 62.418 lượt người trong nhiệm vụ năm 2025.",
    "Tổ công tác tiếp 40 lượt công dân với 47 người, nội dung về đất đai và nhà ở.",
] + FILL + ["2. Kiểm tra công vụ", "Đoàn kiểm tra 06 cuộc tại các tổ dân phố."]
NOISY = HEAD + [
    "Trung tâm phục vụ hành chính công phường tiếp nhận 1.236 hồsơ, trong đó trực tuyến 1.102 hồsơ.",
    "Đã trảkết quả214 hồsơ đúng hạn, tỷlệhồsơ đúng hạn đạt 97,5%.",
    "S ố h ồ s ơ đ a n g g i ả i q u y ế t : 1 2 5 hồ sơ.",
    "Giải quyết thủtục hành chính cho **62.418** lượt người trong nhiệm vụnăm 2025.",
    "Tổ công tác tiếp 40\u2009lượt công\u200b dân với 47\u00a0người1, nội dung về",
    "1 Gồm các buổi tiếp định kỳ và đột xuất của tổ.",
    "2",
    "đất đai và nhà ở.",
] + FILL + ["3", "2. Kiểm tra công vụ", "Đoàn kiểm tra 06 cuộc tại các tổ dân phố."]
# The same figures written two ways a reader sees differently.
R6 = ["Đoàn đã tiếp 15\u2009lượt công dân.", "Nhận 22\u200b đơn kiến nghị.",
      "Có 4*6 hộ dân chưa đăng ký.", "Tổng cộng \u2060 **9** hộ."]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>')
for name, lines in (("clean", CLEAN), ("noisy", NOISY), ("r6", R6)):
    open("%s/%s.txt" % (d, name), "w").write("\n".join(lines) + "\n")
    body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>'
                   % escape(l) for l in lines)
    with zipfile.ZipFile("%s/%s.docx" % (d, name), "w") as z:
        z.writestr("[Content_Types].xml", TYPES)
        z.writestr("word/document.xml",
                   "<w:document %s><w:body>%s</w:body></w:document>" % (W, body))
PY
}

setup() {
	load 'test_helper/common-setup'
	_common_setup
	T="$BATS_FILE_TMPDIR"
}

# The figures of a report: raw and unit_text, a row each, in order.
figures() {
	baocao-extract "$1" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["raw"] + " | " + r["unit_text"])'
}

# The repairs --stats counts, one "what: N" a line.
repairs() {
	baocao-extract --stats "$1" 2>&1 >/dev/null | sed -n \
		's/^baocao-extract: \(invisible\|markup\|page\|footnotes\|glued\|letter\|numbers set\)/\1/p'
}

CLEAN_FIGURES="1.236 | hồ sơ
1.102 | hồ sơ
214 | hồ sơ đúng hạn
97,5% | 
125 | hồ sơ
62.418 | lượt người
40 | lượt công dân
47 | người
06 | cuộc"

@test "the report written cleanly gives its figures, from .txt and from .docx" {
	run -0 figures "$T/clean.txt"
	assert_output "$CLEAN_FIGURES"
	run -0 figures "$T/clean.docx"
	assert_output "$CLEAN_FIGURES"
}

@test "the same report as a PDF's conversion damaged it gives the same figures from .txt" {
	run -0 figures "$T/noisy.txt"
	assert_output "$CLEAN_FIGURES"
}

@test "the same report as a PDF's conversion damaged it gives the same figures from .docx" {
	run -0 figures "$T/noisy.docx"
	assert_output "$CLEAN_FIGURES"
}

@test "--stats counts each repair of the damaged report, the same from .txt and .docx" {
	want="invisible characters removed: 1
markup marks removed: 2
page numbers removed: 2
footnotes taken out of the text: 1
glued words cut into syllables: 8
letter-spaced runs joined: 1
numbers set apart from words: 1"
	run -0 repairs "$T/noisy.txt"
	assert_output "$want"
	run -0 repairs "$T/noisy.docx"
	assert_output "$want"
}

@test "the report written cleanly needs no repair" {
	run -0 repairs "$T/clean.txt"
	assert_output "invisible characters removed: 0
markup marks removed: 0
page numbers removed: 0
footnotes taken out of the text: 0
glued words cut into syllables: 0
letter-spaced runs joined: 0
numbers set apart from words: 0"
}

@test "blanks, invisible characters and markup read the same from .txt and .docx (a '*' between digits is no markup)" {
	want="15 | lượt công dân
22 | đơn kiến nghị
4 | 
6 | hộ dân chưa đăng ký
9 | hộ"
	run -0 figures "$T/r6.txt"
	assert_output "$want"
	run -0 figures "$T/r6.docx"
	assert_output "$want"
}

@test "the footnote leaves the sentence it cut, and its mark leaves the word" {
	out="$BATS_TEST_TMPDIR/noisy.csv"
	baocao-extract "$T/noisy.txt" > "$out"
	[ -s "$out" ]
	run -1 grep -c 'Gồm các buổi' "$out"
	assert_output 0
	run -0 grep -c 'nội dung về đất đai và nhà ở' "$out"
	assert_output 2
}

@test "a single glued word is no conversion's damage: a document with one stays as written" {
	printf 'Phường tiếp nhận 12 hồsơ trong tháng.\nCán bộ hát Karaoke.\n' > "$BATS_TEST_TMPDIR/one.txt"
	run -0 figures "$BATS_TEST_TMPDIR/one.txt"
	assert_output "12 | hồsơ"
	printf 'Phường tiếp nhận 12 hồsơ, trả 10 hồsơ.\n' > "$BATS_TEST_TMPDIR/two.txt"
	run -0 figures "$BATS_TEST_TMPDIR/two.txt"
	assert_output "12 | hồ sơ
10 | hồ sơ"
}

@test "codes, areas and a footnote's mark keep their digits glued; a digit is never changed" {
	printf 'Đường QL37 dài 12 km, 10ha đất, Covid-19 có 3 ca.\nĐãtrả 214 hồsơ, nhậntrong tuần1.\n' > "$BATS_TEST_TMPDIR/codes.txt"
	run -0 figures "$BATS_TEST_TMPDIR/codes.txt"
	assert_output "12 | km
10 | ha đất
3 | ca
214 | hồ sơ"
}
