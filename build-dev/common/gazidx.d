build-dev/common/gazidx.o: common/gazidx.c common/buf.h common/csvin.h \
 common/diag.h common/gaz.h common/gazidx.h common/htab.h common/utf8.h \
 common/xalloc.h
common/buf.h:
common/csvin.h:
common/diag.h:
common/gaz.h:
common/gazidx.h:
common/htab.h:
common/utf8.h:
common/xalloc.h:
