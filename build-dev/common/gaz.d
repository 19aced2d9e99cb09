build-dev/common/gaz.o: common/gaz.c common/csvin.h common/buf.h \
 common/diag.h common/gaz.h common/gazidx.h common/utf8.h common/xalloc.h
common/csvin.h:
common/buf.h:
common/diag.h:
common/gaz.h:
common/gazidx.h:
common/utf8.h:
common/xalloc.h:
