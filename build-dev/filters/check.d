build-dev/filters/check.o: filters/check.c common/buf.h common/clause.h \
 common/buf.h common/lex.h common/cli.h common/corr.h common/dec.h \
 common/facts.h common/clause.h common/vnum.h common/csvin.h \
 common/csvout.h common/gz.h common/dec.h common/diag.h common/lex.h \
 common/utf8.h common/vnum.h common/xalloc.h
common/buf.h:
common/clause.h:
common/buf.h:
common/lex.h:
common/cli.h:
common/corr.h:
common/dec.h:
common/facts.h:
common/clause.h:
common/vnum.h:
common/csvin.h:
common/csvout.h:
common/gz.h:
common/dec.h:
common/diag.h:
common/lex.h:
common/utf8.h:
common/vnum.h:
common/xalloc.h:
