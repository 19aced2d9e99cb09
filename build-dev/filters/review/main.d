build-dev/filters/review/main.o: filters/review/main.c common/buf.h \
 common/cli.h common/diag.h common/gaz.h common/buf.h common/gz.h \
 common/labels.h filters/review/review.h common/arena.h common/htab.h
common/buf.h:
common/cli.h:
common/diag.h:
common/gaz.h:
common/buf.h:
common/gz.h:
common/labels.h:
filters/review/review.h:
common/arena.h:
common/htab.h:
