build-dev/filters/extract/read.o: filters/extract/read.c common/buf.h \
 filters/extract/extract.h common/arena.h common/csvout.h common/buf.h \
 common/gz.h common/stamps.h common/vnlegacy.h common/words.h common/gz.h \
 common/sha256.h
common/buf.h:
filters/extract/extract.h:
common/arena.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/gz.h:
common/sha256.h:
