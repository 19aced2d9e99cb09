build-dev/common/clause.o: common/clause.c common/clause.h common/buf.h \
 common/lex.h common/utf8.h common/words.h common/xalloc.h
common/clause.h:
common/buf.h:
common/lex.h:
common/utf8.h:
common/words.h:
common/xalloc.h:
