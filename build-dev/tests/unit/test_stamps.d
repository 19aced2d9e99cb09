build-dev/tests/unit/test_stamps.o: tests/unit/test_stamps.c \
 common/stamps.h common/buf.h tests/unit/unit.h
common/stamps.h:
common/buf.h:
tests/unit/unit.h:
