build-dev/tests/unit/test_rows.o: tests/unit/test_rows.c common/rows.h \
 tests/unit/unit.h
common/rows.h:
tests/unit/unit.h:
