build-dev/tests/unit/test_lib.o: tests/unit/test_lib.c common/arena.h \
 common/buf.h common/htab.h common/lex.h common/buf.h tests/unit/unit.h \
 common/words.h
common/arena.h:
common/buf.h:
common/htab.h:
common/lex.h:
common/buf.h:
tests/unit/unit.h:
common/words.h:
