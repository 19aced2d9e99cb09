build-dev/tests/unit/test_clause.o: tests/unit/test_clause.c \
 common/clause.h common/buf.h common/lex.h common/lex.h tests/unit/unit.h \
 common/vnum.h common/dec.h
common/clause.h:
common/buf.h:
common/lex.h:
common/lex.h:
tests/unit/unit.h:
common/vnum.h:
common/dec.h:
