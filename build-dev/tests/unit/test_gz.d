build-dev/tests/unit/test_gz.o: tests/unit/test_gz.c common/buf.h \
 common/gz.h tests/unit/unit.h
common/buf.h:
common/gz.h:
tests/unit/unit.h:
