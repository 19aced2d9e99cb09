build-dev/filters/extract/skip.o: filters/extract/skip.c \
 filters/extract/extract.h common/arena.h common/buf.h common/csvout.h \
 common/buf.h common/gz.h common/stamps.h common/vnlegacy.h \
 common/words.h common/period.h common/utf8.h common/vnum.h common/dec.h
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
common/vnum.h:
common/dec.h:
