/* normalize on any CSV: never a crash. */
#include "fuzz.h"

#define main normalize_main
#include "../../filters/normalize.c"
#undef main

/* A small gazetteer keeps a run fast; ambiguity and history included. */
static const char small_gaz[] =
    "code,level,name,type,parent_code,province_code,full_name,valid_from,valid_to\n"
    "79,province,Hồ Chí Minh,thành phố trung ương,,79,Thành phố Hồ Chí Minh,,\n"
    "764,district,Gò Vấp,quận,79,79,Quận Gò Vấp,,\n"
    "785,district,Bình Chánh,huyện,79,79,Huyện Bình Chánh,,\n"
    "769,district,2,quận,79,79,Quận 2,,2021-01-01\n"
    "769,district,Thủ Đức,thành phố,79,79,Thành phố Thủ Đức,2021-01-01,\n"
    "24,province,Bắc Giang,tỉnh,,24,Tỉnh Bắc Giang,,\n"
    "222,district,Việt Yên,thị xã,24,24,Thị xã Việt Yên,2024-02-01,\n"
    "07792,ward,Quảng Minh,phường,222,24,Phường Quảng Minh,2024-02-01,\n"
    "06940,ward,Quảng Minh,xã,201,22,Xã Quảng Minh,,\n";

int
fuzz_normalize(const uint8_t *data, size_t size)
{
	char *argv[] = { "baocao-normalize", "--scope", "all", "--gazetteer",
		NULL, NULL, NULL };

	argv[4] = (char *)fuzz_file(2, (const uint8_t *)small_gaz,
	    sizeof(small_gaz) - 1);
	argv[5] = (char *)fuzz_file(0, data, size);
	fuzz_run(normalize_main, 6, argv);
	return 0;
}

#ifdef FUZZ_ONE
FUZZ_ENTRY(normalize)
#endif
