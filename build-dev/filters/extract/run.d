build-dev/filters/extract/run.o: filters/extract/run.c common/buf.h \
 common/cli.h common/csvout.h common/buf.h common/gz.h common/diag.h \
 filters/extract/extract.h common/arena.h common/stamps.h \
 common/vnlegacy.h common/words.h common/gz.h common/xalloc.h
common/buf.h:
common/cli.h:
common/csvout.h:
common/buf.h:
common/gz.h:
common/diag.h:
filters/extract/extract.h:
common/arena.h:
common/stamps.h:
common/vnlegacy.h:
common/words.h:
common/gz.h:
common/xalloc.h:
