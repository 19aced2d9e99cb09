build-dev/filters/normalize.o: filters/normalize.c common/buf.h \
 common/cli.h common/corr.h common/dec.h common/buf.h common/facts.h \
 common/clause.h common/lex.h common/vnum.h common/csvin.h \
 common/csvout.h common/gz.h common/dec.h common/diag.h common/facts.h \
 common/gaz.h common/gz.h common/lex.h common/manifest.h common/csvin.h \
 common/csvout.h common/gaz.h common/period.h common/reporter.h \
 common/utf8.h common/vnum.h common/words.h common/xalloc.h
common/buf.h:
common/cli.h:
common/corr.h:
common/dec.h:
common/buf.h:
common/facts.h:
common/clause.h:
common/lex.h:
common/vnum.h:
common/csvin.h:
common/csvout.h:
common/gz.h:
common/dec.h:
common/diag.h:
common/facts.h:
common/gaz.h:
common/gz.h:
common/lex.h:
common/manifest.h:
common/csvin.h:
common/csvout.h:
common/gaz.h:
common/period.h:
common/reporter.h:
common/utf8.h:
common/vnum.h:
common/words.h:
common/xalloc.h:
