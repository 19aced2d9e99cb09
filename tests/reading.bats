#!/usr/bin/env bats
# How a figure's clause is read (common/clause, common/facts): every
# construction on sentences written for these tests, each in two wordings.
# Expected values are read off the sentences by hand.

setup() {
	load 'test_helper/common-setup'
	_common_setup
}

# report BODY...: a district report of Quận 3 for quý II năm 2024 whose
# body lines are the arguments (the first body line is line 10).
report() {
	{
		printf 'ỦY BAN NHÂN DÂN\nQUẬN 3\n\nSố: 10/BC-UBND\n\n'
		printf 'Quận 3, ngày 10 tháng 7 năm 2024\n\nBÁO CÁO\n'
		printf 'Công tác dân vận chính quyền quý II năm 2024\n'
		printf '%s\n' "$@"
	} > "$BATS_TEST_TMPDIR/r.txt"
	baocao-extract "$BATS_TEST_TMPDIR/r.txt" |
		baocao-normalize --scope all > "$BATS_TEST_TMPDIR/all.csv"
	baocao-extract "$BATS_TEST_TMPDIR/r.txt" |
		baocao-normalize > "$BATS_TEST_TMPDIR/one.csv" 2> "$BATS_TEST_TMPDIR/err"
}

# read RAW [N]: "indicator scope" of the Nth (default 1st) mention
# written RAW, from --scope all.
read_as() {
	python3 - "$BATS_TEST_TMPDIR/all.csv" "$1" "${2:-1}" <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["raw"] == sys.argv[2]]
n = int(sys.argv[3])
print(f"{rows[n-1]['indicator']} {rows[n-1]['scope']}" if len(rows) >= n else "NO ROW")
EOF
}

# kept IND: "value flags" of the reporter row of IND in the default output.
kept() {
	python3 - "$BATS_TEST_TMPDIR/one.csv" "$1" <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["indicator"] == sys.argv[2]]
print(f"{rows[0]['value']} {rows[0]['flags']}".strip() if rows else "NONE")
EOF
}

@test "the shifted list reads 21 / 4 / 2 / 1 into criticism / reprimand / warning / dismissal" {
	report "Năm 2023 có 21 trường hợp phê bình, 04 trường hợp khiển trách, 02 trường hợp cảnh cáo và 01 trường hợp buộc thôi việc."
	run read_as 21;	assert_output "discipline.criticism reporter"
	run read_as 04;	assert_output "discipline.reprimand reporter"
	run read_as 02;	assert_output "discipline.warning reporter"
	run read_as 01;	assert_output "discipline.dismissal reporter"
}

@test "a noun of four or more syllables names the figure's kind: two wordings" {
	report "Bộ phận một cửa còn 7 hồ sơ trễ hạn do phải xác minh thực địa." \
		"Trong kỳ đã giải quyết cho 3 trường hợp tinh giản biên chế theo Nghị định số 29/2023/NĐ-CP." \
		"Ban Tiếp công dân nhận 11 đơn thư khiếu nại về bồi thường đất đai." \
		"Qua kiểm điểm, xử lý 05 trường hợp khiển trách vì vi phạm giờ giấc."
	run read_as 7;	assert_output "dossiers.late reporter"
	run read_as 3;	assert_output "staff_reduction reporter"
	run read_as 11;	assert_output "petitions.complaints reporter"
	run read_as 05;	assert_output "discipline.reprimand reporter"
}

@test "a list whose kinds come before the figures: each item its own kind" {
	report "Về kỷ luật, cảnh cáo: 02 công chức; khiển trách: 06 công chức; phê bình: 09 công chức." \
		"Năm nay tố cáo 4 đơn, khiếu nại 13 đơn, tranh chấp đất đai 7 đơn."
	run read_as 02;	assert_output "discipline.warning reporter"
	run read_as 06;	assert_output "discipline.reprimand reporter"
	run read_as 09;	assert_output "discipline.criticism reporter"
	run read_as 4;	assert_output "petitions.denunciations reporter"
	run read_as 13;	assert_output "petitions.complaints reporter"
	run read_as 7;	assert_output "petitions.disputes reporter"
}

@test "a label bound to the figure: 'X: N' and 'số X là N'" {
	report "Số đơn còn tồn là 8 đơn, đã chuyển sang quý sau." \
		"Hồ sơ đã giải quyết: 640, hồ sơ nhận vào trong quý: 702."
	run read_as 8;	assert_output "petitions.carried_over reporter"
	run read_as 640;	assert_output "dossiers.resolved reporter"
	run read_as 702;	assert_output "dossiers.received reporter"
}

@test "an enumeration shares its noun; each item its own kind; all parts of the figure before 'gồm'" {
	report "Trong quý tiếp nhận 45 đơn, gồm: 06 đơn khiếu nại, 04 đơn tố cáo và 35 đơn kiến nghị, phản ánh." \
		"Tổng cộng 120 lượt công dân đến Trụ sở, bao gồm 80 lượt do Ban Tiếp công dân tiếp và 40 lượt do lãnh đạo quận tiếp."
	run read_as 45;	assert_output "petitions.received reporter"
	run read_as 06;	assert_output "petitions.complaints reporter"
	run read_as 04;	assert_output "petitions.denunciations reporter"
	run read_as 35;	assert_output "petitions.feedback reporter"
	run read_as 120;	assert_output "reception.visits reporter"
	run read_as 80;	assert_output "reception.visits sub"
	run read_as 40;	assert_output "reception.leader_visits reporter"
}

@test "'trong đó' opens parts: of the same indicator they are sub, of another their own" {
	report "Đã giải quyết 90 hồ sơ, trong đó 60 hồ sơ giải quyết qua dịch vụ bưu chính." \
		"Quận tiếp nhận 300 hồ sơ; trong số đó trực tuyến 210 hồ sơ."
	run read_as 90;	assert_output "dossiers.resolved reporter"
	run read_as 60;	assert_output "dossiers.resolved sub"
	run read_as 300;	assert_output "dossiers.received reporter"
	run read_as 210;	assert_output "dossiers.online reporter"
}

@test "a change against last year is never the figure; the new level of a rearrangement is" {
	report "Quận tiếp nhận 130 đơn, tăng 12 đơn so với cùng kỳ." \
		"So với quý I, số lượt tiếp công dân giảm 9 lượt, còn 75 lượt." \
		"Thực hiện nghị quyết, quận đã sắp xếp 96 khu phố thành 58 khu phố." \
		"Số tổ dân phố giảm từ 210 tổ xuống còn 150 tổ dân phố."
	run read_as 130;	assert_output "petitions.received reporter"
	run read_as 12;	assert_output " reporter"
	run read_as 9;	assert_output " reporter"
	run read_as 96;	assert_output " reporter"
	run read_as 58;	assert_output "units.neighbourhoods reporter"
	run read_as 210;	assert_output " reporter"
	run read_as 150;	assert_output "units.neighbourhoods reporter"
	# khu phố and tổ dân phố are both neighbourhoods: the two new levels
	# disagree, and the first stated is kept, flagged.
	run kept units.neighbourhoods
	assert_output "58 conflict"
}

@test "plans, targets and proposals are sub, never the reporter's figure" {
	report "Phấn đấu đến cuối năm giải quyết 100% hồ sơ đúng hạn." \
		"Kế hoạch giao chỉ tiêu tiếp nhận 500 hồ sơ trực tuyến." \
		"Đề nghị Ủy ban nhân dân Thành phố khen thưởng 12 tập thể và 30 cá nhân."
	run read_as 100%;	assert_output "dossiers.on_time_rate sub"
	run read_as 500;	assert_output "dossiers.online sub"
	run read_as 12;	assert_output "awards.collectives sub"
	run read_as 30;	assert_output "awards.individuals sub"
	run kept awards.collectives
	assert_output "NONE"
}

@test "a lower tier beside the reporter's own is sub; the two tiers together are the reporter's" {
	report "Ủy ban nhân dân quận tiếp nhận 1.100 hồ sơ. Ủy ban nhân dân các phường tiếp nhận 9.400 hồ sơ, giải quyết 9.350 hồ sơ." \
		"Ủy ban nhân dân quận và 10 phường đã tiếp 412 lượt công dân."
	run read_as 1.100;	assert_output "dossiers.received reporter"
	run read_as 9.400;	assert_output "dossiers.received sub"
	run read_as 9.350;	assert_output "dossiers.resolved sub"
	run read_as 412;	assert_output "reception.visits reporter"
}

@test "examples after 'như' are sub, for the rest of the line" {
	report "Nhân dân đóng góp 2.300.000.000 đồng xây dựng công trình phúc lợi; tiêu biểu như phường 9 đóng góp 700.000.000 đồng, phường 11 đóng góp 540.000.000 đồng."
	run read_as 2.300.000.000;	assert_output "works.cash_vnd reporter"
	run read_as 700.000.000;	assert_output "works.cash_vnd sub"
	run read_as 540.000.000;	assert_output "works.cash_vnd sub"
}

@test "a rate takes what it is a share of from its count" {
	report "Trong quý giải quyết 45/58 hồ sơ, đạt 77,6%; có 3 hồ sơ trễ hạn, chiếm 5,2%." \
		"Tiếp nhận 80 đơn, đã giải quyết 64 đơn (đạt tỷ lệ 80%)."
	run read_as 77,6%;	assert_output "dossiers.resolved_rate reporter"
	run read_as 5,2%;	assert_output "dossiers.late_rate reporter"
	run read_as 80%;	assert_output "petitions.resolved_rate reporter"
}

@test "one figure per indicator: the stated total first, every other value flagged conflict and named on stderr" {
	report "Quận đã tiếp nhận 41 đơn trong tháng 4 và tháng 5." \
		"Tổng số đơn tiếp nhận trong quý là 57 đơn."
	run kept petitions.received
	assert_output "57 conflict"
	run cat "$BATS_TEST_TMPDIR/err"
	# The report is named by its path when extract gives one, else its doc.
	assert_output --regexp "^baocao-normalize: ($BATS_TEST_TMPDIR/r.txt|r):11: indicator petitions.received: kept 57 \(stated as the total\); line 10 says 41$"
}

@test "approximate figures are flagged approx; a figure read only from the far clause is flagged weak" {
	report "Đã giải quyết khoảng 300 hồ sơ trực tuyến." \
		"Công tác tiếp công dân duy trì 5 ngày trong tuần với 3 cán bộ trực, hằng ngày bình quân 72 lượt."
	run kept dossiers.online
	assert_output "300 approx"
	run kept reception.visits
	assert_output "72 weak"
}

@test "--corrections: a correction fixes a figure and wins; it survives a rerun of extract; a stale one warns with its line" {
	report "Quận tiếp nhận 41 đơn thuộc thẩm quyền." \
		"Ngày 02/9 tổ chức tiếp công dân, có 9 lượt."
	c="$BATS_TEST_TMPDIR/fixes.csv"
	printf 'report,line,raw,indicator,value,scope,note\n' > "$c"
	printf 'r,10,41,,44,,typo in the report\n' >> "$c"
	printf 'r,11,9,drop,,,not a count\n' >> "$c"
	printf 'r,12,57,petitions.received,,,no such figure\n' >> "$c"
	run --separate-stderr bash -c "baocao-extract '$BATS_TEST_TMPDIR/r.txt' | baocao-normalize --corrections '$c'"
	assert_success
	assert_equal "$stderr" "baocao-normalize: $c:4: no figure '57' on line 12 of report 'r': correction not applied"
	assert_line --regexp ',petitions.in_scope,44,petition,reporter,exact,10,41,corrected by .*fixes.csv:2: .*,corrected,rule [0-9]*; .*$'
	refute_line --partial ',reception.visits,'
	# The key is the report, its line and the figure: a second run of
	# extract gives the same facts.
	run -0 bash -c "set -o pipefail; baocao-extract '$BATS_TEST_TMPDIR/r.txt' | baocao-normalize --corrections '$c' 2>/dev/null | md5sum"
	first=$output
	run -0 bash -c "set -o pipefail; baocao-extract '$BATS_TEST_TMPDIR/r.txt' | baocao-normalize --corrections '$c' 2>/dev/null | md5sum"
	assert_equal "$output" "$first"
}

@test "--corrections: a bad row is an error naming the corrections file and line" {
	printf 'report,line,raw,indicator\nr,10,41,no.such\n' > "$BATS_TEST_TMPDIR/bad.csv"
	run -2 --separate-stderr baocao-normalize --corrections "$BATS_TEST_TMPDIR/bad.csv" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.csv:2: unknown indicator 'no.such'"
	printf 'report,line,raw\nr,10,41\n' > "$BATS_TEST_TMPDIR/bad.csv"
	run -2 --separate-stderr baocao-normalize --corrections "$BATS_TEST_TMPDIR/bad.csv" /dev/null
	assert_equal "$stderr" "baocao-normalize: $BATS_TEST_TMPDIR/bad.csv:2: the correction says nothing: give an indicator, a value, a scope or 'drop'"
}

@test "'riêng' names a subset: sub, and so is the rest of its line until the reporter's whole is named again" {
	report "Toàn quận giải quyết 5.200 hồ sơ. Riêng Ủy ban nhân dân quận đã giải quyết 1.300 hồ sơ, trễ hạn 4 hồ sơ. Tổng số hồ sơ trễ hạn toàn quận là 9 hồ sơ."
	run read_as 5.200;	assert_output "dossiers.resolved reporter"
	run read_as 1.300;	assert_output "dossiers.resolved sub"
	run read_as 4;	assert_output "dossiers.late sub"
	run read_as 9;	assert_output "dossiers.late reporter"
}

@test "words between two figures with no separator belong to both: the first's complement, the second's label" {
	report "Nhân dân 14 khu phố đã bàn và quyết định 7 công trình sửa chữa hẻm, với 350 hộ dân đóng góp 960.000.000 đồng."
	run read_as 7;	assert_output "works.count reporter"
	run read_as 350;	assert_output "works.households reporter"
	run read_as 960.000.000;	assert_output "works.cash_vnd reporter"
}

@test "a verbal zero reads its own noun: 'không để hồ sơ trễ hạn' is dossiers.late = 0" {
	report "Trong kỳ giải quyết đúng hạn, không để hồ sơ trễ hạn; không có đơn tố cáo."
	run read_as "không để hồ sơ trễ hạn";	assert_output "dossiers.late reporter"
	run kept dossiers.late;	assert_output "0"
	run read_as "không có đơn tố cáo";	assert_output "petitions.denunciations reporter"
}

@test "'N buổi với M lượt' shares its subject; 'lượt tiếp công dân' names reception" {
	report "Lãnh đạo Ủy ban nhân dân quận tiếp công dân định kỳ 30 buổi với 95 lượt công dân. Tổng số lượt tiếp công dân trên địa bàn quận là 410 lượt."
	run read_as 30;	assert_output "reception.sessions reporter"
	run read_as 95;	assert_output "reception.leader_visits reporter"
	run read_as 410;	assert_output "reception.visits reporter"
}

@test "one sentence of our own per indicator rule and per role reads as written by hand (fixtures/reading/sentences.tsv)" {
	tsv="$TESTS/fixtures/reading/sentences.tsv"
	mapfile -t body < <(grep -v '^#' "$tsv" | tail -n +2 | cut -f1)
	report "${body[@]}"
	run python3 - "$tsv" "$BATS_TEST_TMPDIR/all.csv" <<'PY'
import csv, sys
want = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")][1:]
got = {}
for r in csv.DictReader(open(sys.argv[2])):
    got.setdefault(int(r["line"]), []).append(r)
bad = 0
for i, (sentence, raw, ind, scope) in enumerate(want):
    rows = [r for r in got.get(10 + i, []) if r["raw"] == raw]
    have = f"{rows[0]['indicator']} {rows[0]['scope']}" if rows else "NO ROW"
    if have != f"{ind} {scope}":
        bad += 1
        print(f"line {10 + i}: {raw}: got '{have}', want '{ind} {scope}': {sentence}")
print(f"{len(want) - bad} of {len(want)} read as written")
PY
	assert_output --regexp "^([0-9]+) of \1 read as written$"
}

@test "time scope: the figure for the report's period wins over one for a part of it" {
	report "- Trong tháng 4 năm 2024, Bộ phận một cửa nhận 310 hồ sơ." \
		"- Quý II năm 2024, Bộ phận một cửa nhận tất cả 980 hồ sơ, so với cùng kỳ năm 2023 là 900 hồ sơ."
	run read_as 310;	assert_output "dossiers.received sub"
	run read_as 980;	assert_output "dossiers.received reporter"
	run kept dossiers.received;	assert_output "980"
}

@test "time scope: a part of the period alone is still the reporter's figure" {
	report "Từ ngày 15/5/2024, quận nhận trực tuyến 120 hồ sơ."
	run kept dossiers.online;	assert_output "120"
}

@test "time scope: parts of the period with no whole are parts of a total not stated" {
	report "- Tháng 4/2024, tổ chức 2 cuộc đối thoại với người dân." \
		"- Tháng 5/2024, tổ chức 3 cuộc đối thoại với người dân."
	run read_as 2;	assert_output "dialogues.count sub"
	run read_as 3;	assert_output "dialogues.count sub"
	run kept dialogues.count;	assert_output "NONE"
}

@test "tier scope: the figure for the whole territory wins over the district tier's" {
	report "Ủy ban nhân dân quận tiếp 140 lượt công dân tại trụ sở." \
		"Như vậy toàn quận (cả cấp quận và cấp phường) đã tiếp 620 lượt công dân."
	run kept reception.visits;	assert_output "620"
	run read_as 140;	assert_output "reception.visits sub"
}

@test "several officials' figures on several lines are parts of a total not stated" {
	report "Chủ tịch Ủy ban nhân dân quận tiếp định kỳ 9 lượt công dân." \
		"Các Phó Chủ tịch Ủy ban nhân dân quận tiếp 14 lượt công dân."
	run read_as 9;	assert_output "reception.leader_visits sub"
	run read_as 14;	assert_output "reception.leader_visits sub"
	run kept reception.leader_visits;	assert_output "NONE"
}

@test "eligible petitions are the in-scope count only when no within-jurisdiction count is stated" {
	report "Sau khi phân loại, có 52 đơn đủ điều kiện xử lý."
	run kept petitions.in_scope;	assert_output "52"
	report "Sau khi phân loại, có 52 đơn đủ điều kiện xử lý." \
		"Trong số đó, 37 đơn thuộc thẩm quyền giải quyết của quận."
	run kept petitions.in_scope;	assert_output "37"
	run read_as 52;	assert_output "petitions.in_scope sub"
}

@test "verbal zeros: after a colon, of a whole topic, of two kinds at once" {
	report "Số hồ sơ giải quyết quá hạn: không." \
		"Trong kỳ không có công chức nào bị xử lý kỷ luật." \
		"Trong kỳ không có đơn khiếu nại, tố cáo mới." \
		"Không phải thực hiện Thư xin lỗi."
	run kept dossiers.late;	assert_output "0"
	run kept discipline.reprimand;	assert_output "0"
	run kept discipline.warning;	assert_output "0"
	run kept discipline.dismissal;	assert_output "0"
	run kept petitions.complaints;	assert_output "0"
	run kept petitions.denunciations;	assert_output "0"
	run kept apology_letters;	assert_output "0"
}

@test "former units' figures are theirs; the count they handed over is the reporter's carried over" {
	report "- Quý I năm 2024, Ủy ban nhân dân 02 phường cũ nhận 14 đơn; trong đó đã giải quyết 9 đơn." \
		"- Quý II năm 2024, Ủy ban nhân dân quận nhận mới 20 đơn; ngoài ra có 5 đơn do các phường cũ bàn giao."
	run read_as 14;	assert_output "petitions.received sub"
	run read_as 9;	assert_output "petitions.resolved sub"
	run kept petitions.received;	assert_output "20"
	run kept petitions.carried_over;	assert_output "5"
}

@test "numbers in words before a noun that counts; not an ordinal, not 'một số'" {
	report "Chủ tịch Ủy ban nhân dân quận chủ trì ba cuộc đối thoại với người dân." \
		"Một số đơn vị đã phối hợp tốt; lần thứ hai tổ chức hội nghị."
	run read_as "ba";	assert_output "dialogues.count reporter"
	run kept dialogues.count;	assert_output "3"
	run read_as "Một";	assert_output "NO ROW"
	run read_as "hai";	assert_output "NO ROW"
}

@test "figures under a heading by field are parts of the total" {
	report "1. Hồ sơ tiếp nhận theo lĩnh vực" \
		"+ Hộ tịch: đã giải quyết 120 hồ sơ;" \
		"+ Đất đai: đã giải quyết 80 hồ sơ." \
		"2. Kết quả chung" \
		"- Tổng cộng đã giải quyết 200 hồ sơ."
	run read_as 120;	assert_output "dossiers.resolved sub"
	run read_as 80;	assert_output "dossiers.resolved sub"
	run kept dossiers.resolved;	assert_output "200"
}

@test "the number of a road, a ring road or a sub-project names it" {
	report "Hỗ trợ giải phóng mặt bằng dự án đường Vành đai 3 và Quốc lộ 22, Tiểu dự án 2."
	run read_as 3;	assert_output "NO ROW"
	run read_as 22;	assert_output "NO ROW"
	run read_as 2;	assert_output "NO ROW"
}

@test "a rate before a state: 'đã giải quyết 3.400 hồ sơ, 98% đúng hạn' is the on-time rate" {
	report "Trong quý, Bộ phận một cửa đã giải quyết 3.400 hồ sơ, 98% đúng hạn."
	run read_as 98%;	assert_output "dossiers.on_time_rate reporter"
	run kept dossiers.on_time_rate;	assert_output "98"
}

@test "a part that is the only one of its kind stands for the whole; two such are parts" {
	report "Kỳ trước chuyển sang 02 đơn tranh chấp đất đai."
	run kept petitions.carried_over;	assert_output "2"
	report "Kỳ trước chuyển sang 02 đơn tranh chấp và 03 đơn khiếu nại."
	run kept petitions.carried_over;	assert_output "NONE"
}

@test "trial 6: a correction names the figure as written (4.609) or its value as the workbook shows it (4609); naming it both ways is said" {
	baocao-extract --root "$ROOT/pipelines/samples" "$ROOT/pipelines/samples/760_2023-Q1.txt" > "$BATS_TEST_TMPDIR/m.csv"
	c=$BATS_TEST_TMPDIR/fixes.csv
	for raw in 4.609 4609; do
		printf 'report,line,raw,indicator,value,scope\n760_2023-Q1,33,%s,,4610,\n' "$raw" > "$c"
		run -0 --separate-stderr baocao-normalize --corrections "$c" "$BATS_TEST_TMPDIR/m.csv"
		assert_equal "$stderr" ""
		assert_line --regexp "^760_2023-Q1,760,Quận 1,79,2023-Q1,dossiers.received,4610,dossier,reporter,exact,33,4.609,\"corrected by $c:2: "
	done
	# 4535 is written 4535 on the same line: its value names it too
	printf 'report,line,raw,indicator,value,scope\n760_2023-Q1,33,4535,,4536,\n' > "$c"
	run -0 baocao-normalize --corrections "$c" "$BATS_TEST_TMPDIR/m.csv"
	assert_line --regexp "^760_2023-Q1,.*,dossiers.resolved,4536,dossier,reporter,exact,33,4535,\"corrected by "
	printf 'report,line,raw,indicator,value,scope\n760_2023-Q1,33,4.609,,4610,\n760_2023-Q1,33,4609,,4611,\n' > "$c"
	run -0 --separate-stderr baocao-normalize --corrections "$c" "$BATS_TEST_TMPDIR/m.csv"
	assert_equal "$stderr" "baocao-normalize: $c:3: the figure '4.609' on line 33 of report '760_2023-Q1' is corrected by line 2 already: correction not applied"
	assert_line --regexp ",dossiers.received,4610,dossier,reporter,exact,33,4.609,\"corrected by $c:2: "
}

@test "a figure in its indicator's own unit over one in another unit its rule admits; a name's 'Thành' is no 'thành' (to)" {
	report "Chủ tịch Ủy ban nhân dân quận chủ trì 03 hội nghị đối thoại với tiểu thương chợ Vĩnh Thành, có khoảng 180 lượt người tham dự."
	run read_as 03;	assert_output "dialogues.count reporter"
	run read_as 180;	assert_output "dialogues.count sub"
	run kept dialogues.count;	assert_output "3"
}

@test "'thành' (to) joins two levels of one noun, not a figure and the next of another noun" {
	report "Quận có dân số 120.400 người, được chia thành 10 phường và 96 khu phố."
	run read_as 120.400;	assert_output "population reporter"
	report "Sau sắp xếp, 13 phường được nhập thành 10 phường."
	run read_as 13;	assert_output " reporter"
	run read_as 10;	assert_output "units.wards reporter"
}

@test "units merged into the reporter, counted by their own noun ('04 phường cũ'), are no level of its own" {
	report "Số liệu quý II của Ủy ban nhân dân 04 phường cũ do Văn phòng quận tổng hợp." \
		"Quận hiện có 10 phường."
	run read_as 04;	assert_output "units.wards sub"
	run kept units.wards;	assert_output "10"
}

@test "opinions answered ('trả lời') are resolved, answered in person or not" {
	report "Tại hội nghị đối thoại, người dân nêu 15 ý kiến; lãnh đạo quận trả lời trực tiếp 11 ý kiến, 04 ý kiến đang được xem xét."
	run read_as 15;	assert_output "people_petitions.raised reporter"
	run read_as 11;	assert_output "people_petitions.resolved reporter"
}

@test "two negations in one clause are two zeros ('không có ... nên không phải thực hiện ...')" {
	report "Trong quý, không có hồ sơ trễ hạn nên không phải thực hiện thư xin lỗi người dân."
	run kept dossiers.late;	assert_output "0"
	run kept apology_letters;	assert_output "0"
}

@test "after a fraction the noun names the whole: its state yields to the label's" {
	report "Tỷ lệ hồ sơ nhận qua mạng trực tuyến: 2.310/2.800 hồ sơ tiếp nhận mới, đạt 82,5%."
	run read_as 2.310/2.800;	assert_output "dossiers.online reporter"
	run read_as 82,5%;	assert_output "dossiers.online_rate reporter"
	report "Đã giải quyết 40/45 hồ sơ tiếp nhận."
	run read_as 40/45;	assert_output "dossiers.resolved reporter"
}

@test "what a bracket in the label holds is a remark: the words outside it say what the figure is" {
	report "Số đơn không đủ điều kiện xử lý (đơn trùng lặp, đơn đã được giải quyết đúng chính sách): 37 đơn."
	# (no indicator: not eligible, not resolved)
	run read_as 37;	assert_output " reporter"
	run grep -c ',petitions.resolved,' "$BATS_TEST_TMPDIR/all.csv";	assert_output "0"
	report "Đơn không thuộc thẩm quyền: 41 đơn, đã hướng dẫn, trả lời công dân 41 đơn."
	run read_as 41 2;	assert_output " reporter"
	run grep -c ',petitions.resolved,' "$BATS_TEST_TMPDIR/all.csv";	assert_output "0"
}
