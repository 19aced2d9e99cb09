build-dev/tests/unit/test_vnum.o: tests/unit/test_vnum.c common/period.h \
 tests/unit/unit.h common/utf8.h common/buf.h common/vnum.h common/dec.h
common/period.h:
tests/unit/unit.h:
common/utf8.h:
common/buf.h:
common/vnum.h:
common/dec.h:
