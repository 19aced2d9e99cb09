build-dev/common/stamps.o: common/stamps.c common/csvin.h common/buf.h \
 common/diag.h common/gz.h common/stamps.h common/utf8.h common/words.h \
 common/xalloc.h
common/csvin.h:
common/buf.h:
common/diag.h:
common/gz.h:
common/stamps.h:
common/utf8.h:
common/words.h:
common/xalloc.h:
