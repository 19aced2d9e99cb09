build-dev/common/corr.o: common/corr.c common/buf.h common/corr.h \
 common/dec.h common/facts.h common/clause.h common/lex.h common/vnum.h \
 common/csvin.h common/diag.h common/xalloc.h
common/buf.h:
common/corr.h:
common/dec.h:
common/facts.h:
common/clause.h:
common/lex.h:
common/vnum.h:
common/csvin.h:
common/diag.h:
common/xalloc.h:
