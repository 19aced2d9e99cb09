build-dev/tests/unit/test_gaz.o: tests/unit/test_gaz.c common/gaz.h \
 common/buf.h common/reporter.h common/gaz.h tests/unit/unit.h
common/gaz.h:
common/buf.h:
common/reporter.h:
common/gaz.h:
tests/unit/unit.h:
