build-dev/tests/unit/test_utf8.o: tests/unit/test_utf8.c \
 tests/unit/unit.h common/utf8.h common/buf.h
tests/unit/unit.h:
common/utf8.h:
common/buf.h:
