build-dev/filters/review/page.o: filters/review/page.c common/buf.h \
 common/diag.h common/labels.h common/buf.h filters/review/review.h \
 common/arena.h common/gaz.h common/htab.h common/sha256.h \
 common/xalloc.h
common/buf.h:
common/diag.h:
common/labels.h:
common/buf.h:
filters/review/review.h:
common/arena.h:
common/gaz.h:
common/htab.h:
common/sha256.h:
common/xalloc.h:
