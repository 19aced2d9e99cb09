build-dev/tests/unit/test_sha256.o: tests/unit/test_sha256.c \
 common/sha256.h tests/unit/unit.h
common/sha256.h:
tests/unit/unit.h:
