build-dev/filters/aggregate.o: filters/aggregate.c common/buf.h \
 common/cli.h common/csvin.h common/buf.h common/cover.h common/gaz.h \
 common/csvout.h common/gz.h common/dec.h common/derive.h common/dec.h \
 common/diag.h common/gaz.h common/gz.h common/htab.h common/lex.h \
 common/period.h common/xalloc.h
common/buf.h:
common/cli.h:
common/csvin.h:
common/buf.h:
common/cover.h:
common/gaz.h:
common/csvout.h:
common/gz.h:
common/dec.h:
common/derive.h:
common/dec.h:
common/diag.h:
common/gaz.h:
common/gz.h:
common/htab.h:
common/lex.h:
common/period.h:
common/xalloc.h:
