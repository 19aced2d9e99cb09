build-dev/tests/unit/test_csv.o: tests/unit/test_csv.c common/csvin.h \
 common/buf.h common/csvout.h common/gz.h tests/unit/unit.h
common/csvin.h:
common/buf.h:
common/csvout.h:
common/gz.h:
tests/unit/unit.h:
