build-dev/filters/aggregate/domain.o: filters/aggregate/domain.c \
 filters/aggregate/aggregate.h common/arena.h common/buf.h common/csvin.h \
 common/buf.h common/csvout.h common/gz.h common/dec.h common/gaz.h \
 common/htab.h common/lex.h common/cover.h common/gaz.h common/period.h \
 common/xalloc.h
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
common/cover.h:
common/gaz.h:
common/period.h:
common/xalloc.h:
