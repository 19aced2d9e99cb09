build-dev/filters/extract/glue.o: filters/extract/glue.c common/buf.h \
 filters/extract/extract.h common/arena.h common/csvout.h common/buf.h \
 common/gz.h common/stamps.h common/vnlegacy.h common/words.h
common/buf.h:
filters/extract/extract.h:
common/arena.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
