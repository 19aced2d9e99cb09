build-dev/filters/extract/read_text.o: filters/extract/read_text.c \
 common/buf.h common/diag.h filters/extract/extract.h common/arena.h \
 common/csvout.h common/buf.h common/gz.h common/stamps.h \
 common/vnlegacy.h common/words.h common/utf8.h
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
common/utf8.h:
