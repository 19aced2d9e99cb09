build-dev/filters/extract/ocr.o: filters/extract/ocr.c common/buf.h \
 filters/extract/extract.h common/arena.h common/csvout.h common/buf.h \
 common/gz.h common/stamps.h common/vnlegacy.h common/words.h \
 common/xalloc.h
common/buf.h:
filters/extract/extract.h:
common/arena.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/xalloc.h:
