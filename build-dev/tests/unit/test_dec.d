build-dev/tests/unit/test_dec.o: tests/unit/test_dec.c common/dec.h \
 common/buf.h tests/unit/unit.h
common/dec.h:
common/buf.h:
tests/unit/unit.h:
