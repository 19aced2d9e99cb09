build-dev/filters/extract/figures.o: filters/extract/figures.c \
 common/buf.h filters/extract/extract.h common/arena.h common/csvout.h \
 common/buf.h common/gz.h common/stamps.h common/vnlegacy.h \
 common/words.h common/vnum.h common/dec.h common/utf8.h
common/buf.h:
filters/extract/extract.h:
common/arena.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/vnum.h:
common/dec.h:
common/utf8.h:
