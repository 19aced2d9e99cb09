build-dev/filters/extract/heading.o: filters/extract/heading.c \
 filters/extract/extract.h common/arena.h common/buf.h common/csvout.h \
 common/buf.h common/gz.h common/stamps.h common/vnlegacy.h \
 common/words.h common/utf8.h
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
