build-dev/filters/aggregate/acc.o: filters/aggregate/acc.c \
 filters/aggregate/aggregate.h common/arena.h common/buf.h common/csvin.h \
 common/buf.h common/csvout.h common/gz.h common/dec.h common/gaz.h \
 common/htab.h common/lex.h common/diag.h common/xalloc.h
filters/aggregate/aggregate.h:
common/arena.h:
common/buf.h:
common/csvin.h:
common/buf.h:
common/csvout.h:
common/gz.h:
common/dec.h:
common/gaz.h:
common/htab.h:
common/lex.h:
common/diag.h:
common/xalloc.h:
