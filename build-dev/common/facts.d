build-dev/common/facts.o: common/facts.c common/buf.h common/facts.h \
 common/clause.h common/lex.h common/dec.h common/vnum.h common/period.h \
 common/utf8.h common/words.h common/xalloc.h
common/buf.h:
common/facts.h:
common/clause.h:
common/lex.h:
common/dec.h:
common/vnum.h:
common/period.h:
common/utf8.h:
common/words.h:
common/xalloc.h:
