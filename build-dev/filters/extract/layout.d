build-dev/filters/extract/layout.o: filters/extract/layout.c common/buf.h \
 filters/extract/extract.h common/arena.h common/csvout.h common/buf.h \
 common/gz.h common/stamps.h common/vnlegacy.h common/words.h \
 common/utf8.h common/xalloc.h
common/buf.h:
filters/extract/extract.h:
common/arena.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/utf8.h:
common/xalloc.h:
