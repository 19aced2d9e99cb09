#!/usr/bin/env bats
# The header of a report, in the shapes seen on public portals, and the
# periods titles name: each on a report written here, expected values by
# hand.  extract --docs gives the header as written; normalize --docs
# resolves it.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	R="$BATS_TEST_TMPDIR/r.txt"
}

# issuer|doc_no|doc_date|period_text|title of the report
hdr() {
	baocao-extract --docs "$1" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print("|".join(r[k] for k in ("issuer", "doc_no", "doc_date", "period_text", "title")))'
}

# reporter_code|reporter_name|period|status of the report
resolved() {
	local f=$1
	shift
	baocao-extract --docs "$f" | baocao-normalize --docs "$@" 2>/dev/null | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print("|".join(r[k] for k in ("reporter_code", "reporter_name", "period", "status")))'
}

# body: a body with one figure, after the header lines given.
report() {
	printf '%s\n' "$@" '' 'Ủy ban nhân dân đã tiếp 12 lượt công dân.' > "$R"
}

@test "UBND QUẬN 3 on one line" {
	report 'UBND QUẬN 3' 'Số: 1875/BC-UBND' 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' \
		'Độc lập - Tự do - Hạnh phúc' 'Quận 3, ngày 28 tháng 6 năm 2024' '' 'BÁO CÁO' \
		'Công tác dân vận chính quyền quý II năm 2024'
	run -0 hdr "$R"
	assert_output "QUẬN 3|1875/BC-UBND|28 tháng 6 năm 2024|quý II năm 2024|BÁO CÁO Công tác dân vận chính quyền quý II năm 2024"
	run -0 resolved "$R"
	assert_output "770|Quận 3|2024-Q2|ok"
}

@test "a header hard-wrapped inside word groups: ỦY / BAN NHÂN DÂN, Củ / Chi, ngày 20 tháng 9 / năm 2021" {
	report 'ỦY' 'BAN NHÂN DÂN' 'HUYỆN CỦ CHI' 'Số: 402/BC-UBND' 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' \
		'Độc lập - Tự do - Hạnh phúc' 'Củ' 'Chi, ngày 20 tháng 9' 'năm 2021' 'BÁO CÁO' \
		'Kết quả thực hiện quy chế dân chủ 9 tháng năm 2021'
	run -0 hdr "$R"
	assert_output "HUYỆN CỦ CHI|402/BC-UBND|20 tháng 9 năm 2021|9 tháng năm 2021|BÁO CÁO Kết quả thực hiện quy chế dân chủ 9 tháng năm 2021"
	run -0 resolved "$R"
	assert_output "783|Huyện Củ Chi|2021-01/2021-09|ok"
}

@test "a letterhead table written as '|' lines" {
	report '| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |' \
		'| QUẬN GÒ VẤP | Độc lập - Tự do - Hạnh phúc |' \
		'| Số: 6275/BC-UBND | Gò Vấp, ngày 08 tháng 11 năm 2024 |' '' 'BÁO CÁO' \
		'Công tác dân vận của chính quyền năm 2024'
	run -0 hdr "$R"
	assert_output "QUẬN GÒ VẤP|6275/BC-UBND|08 tháng 11 năm 2024|năm 2024|BÁO CÁO Công tác dân vận của chính quyền năm 2024"
	run -0 resolved "$R"
	assert_output "764|Quận Gò Vấp|2024|ok"
}

@test "a letterhead in columns of blanks, as pdftotext -layout writes it" {
	report '       ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' \
		'        QUẬN PHÚ NHUẬN                        Độc lập - Tự do - Hạnh phúc' \
		'        Số: 23      /BC-UBND                Phú Nhuận, ngày 15 tháng 3 năm 2017' '' \
		'                                    BÁO CÁO' \
		'                 Công tác Dân vận chính quyền quý 1 năm 2017'
	run -0 hdr "$R"
	assert_output "QUẬN PHÚ NHUẬN|23 /BC-UBND|15 tháng 3 năm 2017|quý 1 năm 2017|BÁO CÁO Công tác Dân vận chính quyền quý 1 năm 2017"
	run -0 resolved "$R"
	assert_output "768|Quận Phú Nhuận|2017-Q1|ok"
}

@test "the unit glued to the motto: UBND XÃ VẠN THẮNGCỘNG HÒA XÃ HỘI ..." {
	report 'UBND XÃ VẠN THẮNGCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' 'Độc lập - Tự do - Hạnh phúc' \
		'Số: 45/BC-UBND' 'Vạn Thắng, ngày 10 tháng 12 năm 2023' 'BÁO CÁO' \
		'Kết quả thực hiện quy chế dân chủ năm 2023 tại huyện Nông Cống, tỉnh Thanh Hóa'
	run -0 hdr "$R"
	assert_output "XÃ VẠN THẮNG|45/BC-UBND|10 tháng 12 năm 2023|năm 2023|BÁO CÁO Kết quả thực hiện quy chế dân chủ năm 2023"
	# Two xã Vạn Thắng then (Ba Vì, Hà Nội; Nông Cống, Thanh Hóa): the
	# report names its district and province.
	run -0 resolved "$R"
	assert_output "16333|Xã Vạn Thắng|2023|ok"
}

@test "en-dash rules under the name end the issuer" {
	report 'ỦY BAN NHÂN DÂN' 'QUẬN BÌNH THẠNH' '–––––––––––' 'Số: 4521/BC-UBND' \
		'Bình Thạnh, ngày 30 tháng 9 năm 2024' '__________' 'BÁO CÁO' \
		'Kết quả công tác dân vận 9 tháng đầu năm 2024'
	run -0 hdr "$R"
	assert_output "QUẬN BÌNH THẠNH|4521/BC-UBND|30 tháng 9 năm 2024|9 tháng đầu năm 2024|BÁO CÁO Kết quả công tác dân vận 9 tháng đầu năm 2024"
	run -0 resolved "$R"
	assert_output "765|Quận Bình Thạnh|2024-01/2024-09|ok"
}

@test "two levels: the district over the ward, the ward issues" {
	report 'ỦY BAN NHÂN DÂN QUẬN GÒ VẤP' 'ỦY BAN NHÂN DÂN PHƯỜNG 7' 'Số: 412/BC-UBND' \
		'Gò Vấp, ngày 12 tháng 12 năm 2023' 'BÁO CÁO' 'Công tác dân vận năm 2023'
	run -0 hdr "$R"
	assert_output "PHƯỜNG 7|412/BC-UBND|12 tháng 12 năm 2023|năm 2023|BÁO CÁO Công tác dân vận năm 2023"
	# Phường 7 of many districts: the upper level named settles it.
	run -0 resolved "$R"
	assert_output "26890|Phường 7|2023|ok"
}

@test "no letterhead: the body says which committee reports" {
	report 'BÁO CÁO' 'Ủy ban nhân dân xã Quảng Phú báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở quý I năm 2024 như sau:'
	run -0 hdr "$R"
	assert_output "xã Quảng Phú|||quý I năm 2024|BÁO CÁO Ủy ban nhân dân xã Quảng Phú báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở quý I năm 2024"
	printf '%s\n' 'Ủy ban nhân dân xã Quảng Phú báo cáo kết quả thực hiện quy chế dân chủ ở cơ sở quý I năm 2024 như sau:' \
		'Đã tiếp 12 lượt công dân.' > "$R"
	run -0 hdr "$R"
	assert_output "xã Quảng Phú|||quý I năm 2024|"
}

@test "a report written in NFD reads as the same report in NFC" {
	report 'ỦY BAN NHÂN DÂN' 'HUYỆN BÌNH CHÁNH' 'Số: 676 /BC-UBND' \
		'Bình Chánh, ngày 29 tháng 10 năm 2021' 'BÁO CÁO' 'Kết quả thực hiện quý III năm 2021'
	hdr "$R" > "$BATS_TEST_TMPDIR/nfc"
	python3 -c "import sys, unicodedata; sys.stdout.write(unicodedata.normalize('NFD', open(sys.argv[1]).read()))" "$R" > "$BATS_TEST_TMPDIR/nfd.txt"
	run -1 cmp -s "$R" "$BATS_TEST_TMPDIR/nfd.txt"
	run -0 hdr "$BATS_TEST_TMPDIR/nfd.txt"
	assert_output "HUYỆN BÌNH CHÁNH|676 /BC-UBND|29 tháng 10 năm 2021|quý III năm 2021|BÁO CÁO Kết quả thực hiện quý III năm 2021"
	assert_output "$(cat "$BATS_TEST_TMPDIR/nfc")"
	run -0 resolved "$BATS_TEST_TMPDIR/nfd.txt"
	assert_output "785|Huyện Bình Chánh|2021-Q3|ok"
}

@test "CRLF line ends" {
	report 'ỦY BAN NHÂN DÂN' 'HUYỆN NHÀ BÈ' 'Số: 90/BC-UBND' 'Nhà Bè, ngày 5 tháng 1 năm 2023' \
		'BÁO CÁO' 'Công tác dân vận năm 2022'
	sed -i 's/$/\r/' "$R"
	run -0 hdr "$R"
	assert_output "HUYỆN NHÀ BÈ|90/BC-UBND|5 tháng 1 năm 2023|năm 2022|BÁO CÁO Công tác dân vận năm 2022"
}

@test "nǎm written with U+01CE is năm" {
	report 'ỦY BAN NHÂN DÂN' 'HUYỆN BÌNH CHÁNH' 'Số: 676 /BC-UBND' \
		'Bình Chánh, ngày 29 tháng 10 nǎm 2021' 'BÁO CÁO' 'Kết quả 9 tháng nǎm 2021'
	run -0 hdr "$R"
	assert_output "HUYỆN BÌNH CHÁNH|676 /BC-UBND|29 tháng 10 nǎm 2021|9 tháng nǎm 2021|BÁO CÁO Kết quả 9 tháng nǎm 2021"
	run -0 resolved "$R"
	assert_output "785|Huyện Bình Chánh|2021-01/2021-09|ok"
}

@test "K’Nớ in the report is KNớ in the gazetteer" {
	report 'ỦY BAN NHÂN DÂN' 'XÃ ĐƯNG K’NỚ' 'Số: 31/BC-UBND' 'Đưng K’Nớ, ngày 2 tháng 7 năm 2024' \
		'BÁO CÁO' 'Kết quả thực hiện quy chế dân chủ 6 tháng đầu năm 2024'
	run -0 resolved "$R"
	assert_output "24850|Xã Đưng KNớ|2024-H1|ok"
}

@test "Số : 80 / BC-UBND is the number, not a figure; a line starting Sở is neither" {
	report 'ỦY BAN NHÂN DÂN' 'QUẬN 3' 'Sở Nội vụ Thành phố' 'Số : 80 / BC-UBND' \
		'Quận 3, ngày 1 tháng 4 năm 2024' 'BÁO CÁO' 'Công tác dân vận quý I năm 2024'
	run -0 hdr "$R"
	assert_output "QUẬN 3|80 / BC-UBND|1 tháng 4 năm 2024|quý I năm 2024|BÁO CÁO Công tác dân vận quý I năm 2024"
	run -0 bash -c "baocao-extract '$R' | cut -d, -f12"
	assert_output "raw
12"
}

@test "a blank number and a blank day stay blank, and the month dates the report" {
	report 'ỦY BAN NHÂN DÂN' 'PHƯỜNG QUẢNG MINH' 'Số:     /BC-UBND' \
		'Quảng Minh, ngày    tháng 3 năm 2024' 'BÁO CÁO' 'Kết quả quý I năm 2024' \
		'' 'thị xã Việt Yên, tỉnh Bắc Giang'
	run -0 hdr "$R"
	assert_output "PHƯỜNG QUẢNG MINH|/BC-UBND|tháng 3 năm 2024|quý I năm 2024|BÁO CÁO Kết quả quý I năm 2024"
	run -0 resolved "$R"
	assert_output "07792|Phường Quảng Minh|2024-Q1|ok"
}

@test "a plan is not a report" {
	report 'ỦY BAN NHÂN DÂN' 'QUẬN 3' 'Số: 55/KH-UBND' 'Quận 3, ngày 1 tháng 2 năm 2024' \
		'KẾ HOẠCH' 'Thực hiện công tác dân vận năm 2024'
	run -0 resolved "$R"
	assert_output "|||not-a-report"
}

# period_text and period of a report whose title is the words given
period_of() {
	report 'ỦY BAN NHÂN DÂN' 'QUẬN 3' 'Số: 1/BC-UBND' 'Quận 3, ngày 20 tháng 6 năm 2024' \
		'BÁO CÁO' "$1"
	printf '%s|%s\n' "$(hdr "$R" | cut -d'|' -f4)" "$(resolved "$R" | cut -d'|' -f3)"
}

@test "periods: the one reported, not the next one the title plans" {
	run -0 period_of 'Kết quả 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2022'
	assert_output "6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2022|2022-H1"
}

@test "periods: a day interval, the inspection sector's half year" {
	run -0 period_of 'Công tác thanh tra (từ ngày 15/12/2023 đến ngày 14/6/2024)'
	assert_output "từ ngày 15/12/2023 đến ngày 14/6/2024|2023-12-15/2024-06-14"
}

@test "periods: giai đoạn 2021-2025, tháng 02/2026, a week, quý 1/2024, Quý I Năm 2024" {
	run -0 period_of 'Sơ kết công tác dân vận giai đoạn 2021-2025'
	assert_output "giai đoạn 2021-2025|2021/2025"
	run -0 period_of 'Công tác dân vận tháng 02/2026'
	assert_output "tháng 02/2026|2026-02"
	run -0 period_of 'Công tác tuần 23 năm 2024'
	assert_output "tuần 23 năm 2024|2024-W23"
	run -0 period_of 'Công tác dân vận quý 1/2024'
	assert_output "quý 1/2024|2024-Q1"
	run -0 period_of 'CÔNG TÁC DÂN VẬN Quý I Năm 2024'
	assert_output "Quý I Năm 2024|2024-Q1"
}

@test "the body that issued a report: its number's code first, else the letterhead's last line that names one, by the first body it names" {
	d=$BATS_TEST_TMPDIR
	printf 'ĐẢNG BỘ HUYỆN NHÀ BÈ\nĐẢNG ỦY XÃ HIỆP PHƯỚC\n\nSố 21 - BC/ĐU\n\nBÁO CÁO\nCông tác quý I năm 2024\n\nĐã tiếp 5 lượt công dân.\n' > "$d/b1.txt"
	printf 'UBND QUẬN 7\nBAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ\n\nBÁO CÁO\nQuý I năm 2024\n\nĐã tiếp 5 lượt công dân.\n' > "$d/b2.txt"
	printf 'ỦY BAN NHÂN DÂN\nQUẬN 7\n\nSố: 4/BC-VP\n\nBÁO CÁO\nQuý I năm 2024\n\nĐã tiếp 5 lượt công dân.\n' > "$d/b3.txt"
	printf 'VĂN PHÒNG HĐND VÀ UBND QUẬN 7\n\nBÁO CÁO\nQuý I năm 2024\n\nĐã tiếp 5 lượt công dân.\n' > "$d/b4.txt"
	printf 'ỦY BAN NHÂN DÂN\nQUẬN 7\n\nSố: 9/BC-UBND\n\nBÁO CÁO\nQuý I năm 2024\n\nĐã tiếp 5 lượt công dân.\n' > "$d/b5.txt"
	printf 'BÁO CÁO\nQuý I năm 2024\n\nĐã tiếp 5 lượt công dân.\n' > "$d/b6.txt"
	run -0 --separate-stderr bash -c "baocao-extract --docs '$d'/b[1-6].txt | cut -d, -f1,5"
	assert_output "doc,body
b1,party
b2,steering
b3,office
b4,office
b5,committee
b6,"
}

# The columns named, of the CSV on stdin (the manifest's grow).
cols() {
	python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(",".join(r[k] for k in sys.argv[1:]))' "$@"
}

@test "a portal post: no letterhead, the title first as a sentence, the issuer in the body; a request for two periods is answered for the title's" {
	d=$BATS_TEST_TMPDIR
	printf 'Báo cáo kết quả công tác dân vận chính quyền quý I năm 2024\n\nỦy ban nhân dân phường Tân Định báo cáo kết quả thực hiện như sau:\n\nTrong quý, phường đã tiếp 15 lượt công dân.\n' > "$d/post.txt"
	printf 'ỦY BAN NHÂN DÂN\nQUẬN 3\n\nSố: 77/BC-UBND\n\nQuận 3, ngày 20 tháng 6 năm 2024\n\nBÁO CÁO\nKết quả công tác dân vận 6 tháng đầu năm 2024\n\nThực hiện Công văn số 12/SNV của Sở Nội vụ về báo cáo kết quả quý II và 6 tháng đầu năm 2024, Ủy ban nhân dân Quận 3 báo cáo như sau:\n\nĐã tiếp 40 lượt công dân.\n' > "$d/two.txt"
	run -0 --separate-stderr bash -c "$(declare -f cols); baocao-extract --docs '$d/post.txt' '$d/two.txt' | baocao-normalize --docs --province 79 | cols doc issuer period_text title reporter_code period status"
	assert_output "post,phường Tân Định,quý I năm 2024,Báo cáo kết quả công tác dân vận chính quyền quý I năm 2024,26734,2024-Q1,ok
two,QUẬN 3,6 tháng đầu năm 2024,BÁO CÁO Kết quả công tác dân vận 6 tháng đầu năm 2024,770,2024-H1,ok"
}
