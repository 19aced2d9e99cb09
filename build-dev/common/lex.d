build-dev/common/lex.o: common/lex.c common/buf.h common/diag.h \
 common/gz.h common/lex.h common/utf8.h common/words.h common/xalloc.h
common/buf.h:
common/diag.h:
common/gz.h:
common/lex.h:
common/utf8.h:
common/words.h:
common/xalloc.h:
