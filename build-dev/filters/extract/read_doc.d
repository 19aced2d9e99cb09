build-dev/filters/extract/read_doc.o: filters/extract/read_doc.c \
 common/buf.h common/diag.h filters/extract/extract.h common/arena.h \
 common/csvout.h common/buf.h common/gz.h common/stamps.h \
 common/vnlegacy.h common/words.h common/xalloc.h
common/buf.h:
common/diag.h:
filters/extract/extract.h:
common/arena.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/xalloc.h:
