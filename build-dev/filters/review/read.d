build-dev/filters/review/read.o: filters/review/read.c common/buf.h \
 common/cover.h common/gaz.h common/buf.h common/derive.h common/dec.h \
 common/csvin.h common/diag.h common/labels.h common/period.h \
 filters/review/review.h common/arena.h common/gaz.h common/htab.h \
 common/xalloc.h
common/buf.h:
common/cover.h:
common/gaz.h:
common/buf.h:
common/derive.h:
common/dec.h:
common/csvin.h:
common/diag.h:
common/labels.h:
common/period.h:
filters/review/review.h:
common/arena.h:
common/gaz.h:
common/htab.h:
common/xalloc.h:
