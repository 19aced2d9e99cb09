#!/usr/bin/env bats
# compare-periods: what changed between two periods, like with like.  The
# figures below are small enough to add up by hand; every expected line
# was worked out on paper from them.

setup() {
	load 'test_helper/common-setup'
	_common_setup
	cd "$BATS_TEST_TMPDIR"
	# The units' figures of three districts of Hồ Chí Minh City (22
	# district-level units in 2023 and 2024).  Gò Vấp (764) is late with
	# 2024.
	cat > units.csv <<-'EOF'
	province_code,period,indicator,unit,reporter_code,value,flags
	79,2023,reception.visits,visit,760,1000,
	79,2023,reception.visits,visit,761,500,
	79,2023,reception.visits,visit,764,300,
	79,2024,reception.visits,visit,760,1200,
	79,2024,reception.visits,visit,761,450,
	79,2023,dossiers.received,dossier,760,2000,
	79,2023,dossiers.received,dossier,761,1000,
	79,2023,dossiers.received,dossier,764,1000,
	79,2024,dossiers.received,dossier,760,2500,
	79,2024,dossiers.received,dossier,761,1000,
	79,2023,dossiers.online,dossier,760,500,
	79,2023,dossiers.online,dossier,761,100,
	79,2023,dossiers.online,dossier,764,900,
	79,2024,dossiers.online,dossier,760,1000,
	79,2024,dossiers.online,dossier,761,150,
	79,2023,dossiers.online_rate,percent,760,25,
	79,2023,dossiers.online_rate,percent,761,10,
	79,2023,dossiers.online_rate,percent,764,90,
	79,2024,dossiers.online_rate,percent,760,40,
	79,2024,dossiers.online_rate,percent,761,15,
	79,2023,works.cash_vnd,VND,760,1500000000,
	79,2024,works.cash_vnd,VND,760,1350000000.5,
	79,2024,works.cash_vnd,VND,761,20000000,
	79,2023,satisfaction.rate,percent,760,95.5,
	79,2024,satisfaction.rate,percent,760,97,
	EOF
	# Facts as baocao-normalize writes them: Quận 12 sends the quarters of
	# 2024 (its year, 450, is implied); Gò Vấp and Bình Thạnh award in
	# different years.
	cat > facts.csv <<-'EOF'
	doc,reporter_code,reporter_name,province_code,period,indicator,value,unit,scope,qualifier,line,raw,evidence,flags
	q1-2023,760,Quận 1,79,2023,reception.visits,1000,visit,reporter,exact,10,1.000,x,
	q12-2023,761,Quận 12,79,2023,reception.visits,500,visit,reporter,exact,10,500,x,
	gv-2023,764,Quận Gò Vấp,79,2023,reception.visits,300,visit,reporter,exact,10,300,x,
	q1-2024,760,Quận 1,79,2024,reception.visits,1200,visit,reporter,exact,10,1.200,x,
	q12-2024q1,761,Quận 12,79,2024-Q1,reception.visits,100,visit,reporter,exact,10,100,x,
	q12-2024q2,761,Quận 12,79,2024-Q2,reception.visits,110,visit,reporter,exact,10,110,x,
	q12-2024q3,761,Quận 12,79,2024-Q3,reception.visits,120,visit,reporter,exact,10,120,x,
	q12-2024q4,761,Quận 12,79,2024-Q4,reception.visits,120,visit,reporter,exact,10,120,x,
	gv-2023,764,Quận Gò Vấp,79,2023,awards.collectives,5,collective,reporter,exact,12,5,x,
	bt-2024,765,Quận Bình Thạnh,79,2024,awards.collectives,7,collective,reporter,exact,12,7,x,
	EOF
}

@test "by default the units that reported both periods: sums and a rate from its summed parts over them, said in the first line" {
	run -1 --separate-stderr compare-periods -f units.csv 2023 2024
	# visits 1000+500 -> 1200+450; dossiers 2000+1000 -> 2500+1000;
	# online 500+100 -> 1000+150; online rate 100*600/3000 = 20.00 ->
	# 100*1150/3500 = 32.857... = 32.86, a change of 12.86 = 64.30% of
	# 20; satisfaction is a rate with no parts; money with its decimals
	assert_equal "${#lines[@]}" 8
	assert_line --index 0 "2023 → 2024: chỉ các đơn vị có báo cáo cả hai kỳ"
	assert_line --index 1 "chỉ tiêu                       đơn vị tính           2023             2024        thay đổi        %  số đơn vị"
	assert_line --index 2 "Lượt tiếp công dân             lượt                 1.500            1.650            +150  +10,00%  2/22       *"
	assert_line --index 3 "Hồ sơ hành chính tiếp nhận     hồ sơ                3.000            3.500            +500  +16,67%  2/22       *"
	assert_line --index 4 "Hồ sơ tiếp nhận trực tuyến     hồ sơ                  600            1.150            +550  +91,67%  2/22       *"
	assert_line --index 5 "Tỷ lệ hồ sơ trực tuyến         %                    20,00            32,86          +12,86  +64,30%  2/22       *"
	assert_line --index 6 "Mức độ hài lòng của người dân  %                        -                -               -        -  1/22"
	assert_line --index 7 "Nhân dân đóng góp              đồng         1.500.000.000  1.350.000.000,5  -149.999.999,5  -10,00%  1/22       *"
	assert_equal "$stderr" ""
}

@test "-a: every unit that reported each period, the coverage of each side, and a warning that part of the change is who reported" {
	run -1 --separate-stderr compare-periods -a -f units.csv 2023 2024
	# visits 1800 -> 1650 (-8.33%: under 10, no mark); dossiers 4000 ->
	# 3500; online 1500 -> 1150; rate 100*1500/4000 = 37.50 -> 32.86;
	# money 1500000000 -> 1350000000.5 + 20000000
	assert_line --index 0 "2023 → 2024: tất cả các đơn vị có báo cáo trong từng kỳ"
	assert_line --index 1 "chỉ tiêu                       đơn vị tính           2023             2024        thay đổi        %  bao phủ 2023  bao phủ 2024"
	assert_line --index 2 "Lượt tiếp công dân             lượt                 1.800            1.650            -150   -8,33%  3/22          2/22"
	assert_line --index 5 "Tỷ lệ hồ sơ trực tuyến         %                    37,50            32,86           -4,64  -12,37%  3/22          2/22          *"
	assert_line --index 7 "Nhân dân đóng góp              đồng         1.500.000.000  1.370.000.000,5  -129.999.999,5   -8,67%  1/22          2/22"
	assert_equal "$stderr" "compare-periods: warning: 5 indicators do not cover as many units in 2023 as in 2024: part of their change is who reported"
}

@test "-c: the figures as the data has them, which units, and the mark" {
	run -1 --separate-stderr compare-periods -c -f units.csv 2023 2024
	assert_line --index 0 "province_code,indicator,unit,label,unit_label,old,new,delta,pct,old_coverage,new_coverage,coverage_differs,units,marked"
	assert_line --index 1 "79,reception.visits,visit,Lượt tiếp công dân,lượt,1500,1650,150,10.00,2/22,2/22,0,both,1"
	assert_line --index 4 "79,dossiers.online_rate,percent,Tỷ lệ hồ sơ trực tuyến,%,20.00,32.86,12.86,64.30,2/22,2/22,0,both,1"
	assert_line --index 5 "79,satisfaction.rate,percent,Mức độ hài lòng của người dân,%,,,,,1/22,1/22,0,both,0"
	assert_line --index 6 "79,works.cash_vnd,VND,Nhân dân đóng góp,đồng,1500000000,1350000000.5,-149999999.5,-10.00,1/22,1/22,0,both,1"
	run -1 --separate-stderr compare-periods -a -c -f units.csv 2023 2024
	assert_line --index 1 "79,reception.visits,visit,Lượt tiếp công dân,lượt,1800,1650,-150,-8.33,3/22,2/22,1,all,0"
}

@test "-s sets the mark's threshold: 10% is marked at 10, not at 15; a change within -t is none" {
	run -1 compare-periods -c -s 15 -f units.csv 2023 2024
	assert_line --index 1 "79,reception.visits,visit,Lượt tiếp công dân,lượt,1500,1650,150,10.00,2/22,2/22,0,both,0"
	assert_line --index 2 "79,dossiers.received,dossier,Hồ sơ hành chính tiếp nhận,hồ sơ,3000,3500,500,16.67,2/22,2/22,0,both,1"
	run -1 compare-periods -c -s 2.5 -f units.csv 2023 2024
	assert_line --index 1 "79,reception.visits,visit,Lượt tiếp công dân,lượt,1500,1650,150,10.00,2/22,2/22,0,both,1"
	# 150 visits within a tolerance of 200: no change, no mark
	run -1 compare-periods -c -t 200 -f units.csv 2023 2024
	assert_line --index 1 "79,reception.visits,visit,Lượt tiếp công dân,lượt,1500,1650,150,10.00,2/22,2/22,0,both,0"
	run -2 --separate-stderr compare-periods -s ten -f units.csv 2023 2024
	assert_output ""
	assert_equal "$stderr" "compare-periods: option '-s': 'ten' is not a percentage (such as 10 or 2.5)"
}

@test "-u: one line per unit, named as the facts name it, in the official order; a year implied by four quarters counts as reported" {
	run -1 --separate-stderr compare-periods -u -f facts.csv 2023 2024
	assert_equal "${#lines[@]}" 4
	assert_line --index 0 "2023 → 2024: chỉ các đơn vị có báo cáo cả hai kỳ"
	assert_line --index 1 "chỉ tiêu            đơn vị tính  đơn vị báo cáo   2023   2024  thay đổi        %"
	assert_line --index 2 "Lượt tiếp công dân  lượt         Quận 1          1.000  1.200      +200  +20,00%  *"
	assert_line --index 3 "Lượt tiếp công dân  lượt         Quận 12           500    450       -50  -10,00%  *"
	# the awards no district gave in both years
	assert_equal "$stderr" "compare-periods: warning: indicators that no unit reported in both 2023 and 2024, not compared (-a compares every unit): 1"
	run -1 --separate-stderr compare-periods -u -a -c -f facts.csv 2023 2024
	assert_equal "${#lines[@]}" 6
	assert_line --index 0 "province_code,indicator,unit,label,unit_label,reporter_code,reporter_name,old,new,delta,pct,units,marked"
	assert_line --index 3 "79,reception.visits,visit,Lượt tiếp công dân,lượt,764,Quận Gò Vấp,300,,,,all,0"
	assert_line --index 5 "79,awards.collectives,collective,Tập thể được khen thưởng,tập thể,765,Quận Bình Thạnh,,7,,,all,0"
	# the units' figures have codes, no names
	run -1 compare-periods -u -f units.csv 2023 2024
	assert_line --index 2 --regexp '^Lượt tiếp công dân +lượt +760 +1\.000 +1\.200 +\+200 +\+20,00% +\*$'
}

@test "two files, the latest year of each; nothing changed is status 0" {
	grep -v ',2023,' units.csv > only-2024.csv
	grep -v ',2024,' units.csv > only-2023.csv
	run -1 compare-periods -c only-2023.csv only-2024.csv
	assert_line --index 1 "79,reception.visits,visit,Lượt tiếp công dân,lượt,1500,1650,150,10.00,2/22,2/22,0,both,1"
	run -0 --separate-stderr compare-periods only-2024.csv only-2024.csv
	assert_line --index 0 "2024 → 2024: chỉ các đơn vị có báo cáo cả hai kỳ"
	refute_output --partial "*"
}

@test "a city table has no unit's figures: refused without -a, compared whole with it" {
	baocao-aggregate units.csv > city.csv
	run -2 --separate-stderr compare-periods -f city.csv 2023 2024
	assert_output ""
	assert_equal "$stderr" "compare-periods: city.csv: a city table has no unit's figures to compare like with like: give the facts (baocao-normalize) or the units' figures (baocao-aggregate --units), or compare the whole city figures with -a"
	run -2 --separate-stderr compare-periods -a -u -f city.csv 2023 2024
	assert_equal "$stderr" "compare-periods: city.csv: a city table has no unit's figures (-u): give the facts (baocao-normalize) or the units' figures (baocao-aggregate --units)"
	run -1 --separate-stderr compare-periods -a -c -f city.csv 2023 2024
	assert_line --index 1 "79,reception.visits,visit,Lượt tiếp công dân,lượt,1800,1650,-150,-8.33,3/22,2/22,1,all,0"
}

@test "errors: an input of neither kind, periods of two kinds, a period with no rows, a quoted field, no such file" {
	printf 'a,b\n1,2\n' > other.csv
	run -2 --separate-stderr compare-periods -f other.csv 2023 2024
	assert_equal "$stderr" "compare-periods: other.csv: neither facts (baocao-normalize), the units' figures (baocao-aggregate --units) nor a city table"
	run -2 --separate-stderr compare-periods -f units.csv 2023 2024-Q1
	assert_equal "$stderr" "compare-periods: '2023' is a year and '2024-Q1' a quarter: compare periods of one kind"
	run -2 --separate-stderr compare-periods -f units.csv 2023-01/2023-09 2024-01/2024-06
	assert_equal "$stderr" "compare-periods: '2023-01/2023-09' is the first 09 months of a year and '2024-01/2024-06' the first 06 months of a year: compare periods of one kind"
	run -2 --separate-stderr compare-periods -f units.csv 2023 1999
	assert_equal "$stderr" "compare-periods: units.csv: no rows for period '1999'"
	run -2 --separate-stderr compare-periods nope.csv units.csv
	assert_equal "$stderr" "compare-periods: cannot read 'nope.csv': No such file or directory"
	# a city table (read as it is) with a quoted field
	baocao-aggregate units.csv | sed '2s/^79,/"79",/' > quoted.csv
	run -2 --separate-stderr compare-periods -a -f quoted.csv 2023 2024
	assert_equal "$stderr" "compare-periods: quoted.csv:2: quoted field; cannot select a period"
	run -2 --separate-stderr compare-periods -f units.csv
	assert_output ""
	assert_equal "${stderr_lines[0]}" "usage: compare-periods [-acu] [-s PCT] [-t TOL] OLD.csv NEW.csv [OLD_PERIOD NEW_PERIOD] | [-acu] [-s PCT] [-t TOL] -f FILE.csv OLD_PERIOD NEW_PERIOD"
	assert_equal "${stderr_lines[1]}" "Try 'compare-periods --help' for more information."
	run -2 --separate-stderr compare-periods --bogus units.csv units.csv
	assert_equal "${stderr_lines[0]}" "compare-periods: unknown option '--bogus'"
}

@test "--help and -h print the help on stdout, --version the version" {
	run -0 compare-periods --help
	assert_line --index 0 "compare-periods: what changed between two periods of one kind, like with"
	assert_output --partial "-u, --by-unit"
	run -0 compare-periods -h
	assert_line --index 0 "compare-periods: what changed between two periods of one kind, like with"
	run -0 compare-periods --version
	assert_output "baocao-compare-periods 0.1.0"
}
