build-dev/filters/extract/main.o: filters/extract/main.c \
 filters/extract/extract.h common/arena.h common/buf.h common/csvout.h \
 common/buf.h common/gz.h common/stamps.h common/vnlegacy.h \
 common/words.h
filters/extract/extract.h:
common/arena.h:
common/buf.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
