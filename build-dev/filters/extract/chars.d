build-dev/filters/extract/chars.o: filters/extract/chars.c \
 filters/extract/extract.h common/arena.h common/buf.h common/csvout.h \
 common/buf.h common/gz.h common/stamps.h common/vnlegacy.h \
 common/words.h common/xalloc.h
filters/extract/extract.h:
common/arena.h:
common/buf.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/xalloc.h:
