build-dev/tests/unit/test_derive.o: tests/unit/test_derive.c \
 common/derive.h common/dec.h common/buf.h common/labels.h \
 tests/unit/unit.h
common/derive.h:
common/dec.h:
common/buf.h:
common/labels.h:
tests/unit/unit.h:
