build-dev/tests/unit/unit.o: tests/unit/unit.c common/diag.h \
 tests/unit/unit.h
common/diag.h:
tests/unit/unit.h:
