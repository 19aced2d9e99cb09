build-dev/filters/extract/header.o: filters/extract/header.c \
 common/diag.h filters/extract/extract.h common/arena.h common/buf.h \
 common/csvout.h common/buf.h common/gz.h common/stamps.h \
 common/vnlegacy.h common/words.h common/period.h common/utf8.h \
 common/xalloc.h
common/diag.h:
filters/extract/extract.h:
common/arena.h:
common/buf.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/period.h:
common/utf8.h:
common/xalloc.h:
