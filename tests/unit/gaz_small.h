/* A gazetteer of a few units, written here (its versions as
 * common/data/units_history.csv has them), for gazidx and cover. */
#define GAZ_SMALL \
	"code,level,name,type,parent_code,province_code,full_name," \
	"valid_from,valid_to,note\n" \
	"79,province,Hồ Chí Minh,thành phố trung ương,,79," \
	"Thành phố Hồ Chí Minh,,,\n" \
	"762,district,Thủ Đức,quận,79,79,Quận Thủ Đức,,2021-01-01,\n" \
	"769,district,2,quận,79,79,Quận 2,,2021-01-01,\n" \
	"769,district,Thủ Đức,thành phố,79,79,Thành phố Thủ Đức," \
	"2021-01-01,2025-07-01,\n" \
	"760,district,1,quận,79,79,Quận 1,,2025-07-01,\n" \
	"26734,ward,Bến Nghé,phường,760,79,Phường Bến Nghé,,2025-07-01,\n" \
	"26734,ward,Sài Gòn,phường,79,79,Phường Sài Gòn,2025-07-01,,\n" \
	"26740,ward,Tân Định,phường,79,79,Phường Tân Định,2025-07-01,,\n" \
	"74,province,Bình Dương,tỉnh,,74,Tỉnh Bình Dương,,2025-07-01,\n" \
	"718,district,Thủ Dầu Một,thành phố,74,74,Thành phố Thủ Dầu Một,," \
	"2025-07-01,\n"
