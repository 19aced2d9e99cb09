build-dev/filters/extract/table.o: filters/extract/table.c \
 filters/extract/extract.h common/arena.h common/buf.h common/csvout.h \
 common/buf.h common/gz.h common/stamps.h common/vnlegacy.h \
 common/words.h common/utf8.h common/vnum.h common/dec.h common/xalloc.h
filters/extract/extract.h:
common/arena.h:
common/buf.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/utf8.h:
common/vnum.h:
common/dec.h:
common/xalloc.h:
