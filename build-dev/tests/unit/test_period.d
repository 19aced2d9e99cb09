build-dev/tests/unit/test_period.o: tests/unit/test_period.c \
 common/period.h tests/unit/unit.h common/utf8.h common/buf.h
common/period.h:
tests/unit/unit.h:
common/utf8.h:
common/buf.h:
