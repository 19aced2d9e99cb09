build-dev/filters/extract/docs.o: filters/extract/docs.c common/buf.h \
 common/csvout.h common/buf.h common/gz.h common/diag.h \
 filters/extract/extract.h common/arena.h common/stamps.h \
 common/vnlegacy.h common/words.h common/gz.h common/sha256.h \
 common/xalloc.h
common/buf.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/diag.h:
filters/extract/extract.h:
common/arena.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/gz.h:
common/sha256.h:
common/xalloc.h:
