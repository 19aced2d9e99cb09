build-dev/common/utf8.o: common/utf8.c common/diag.h common/utf8.h \
 common/buf.h common/utf8tab.h common/xalloc.h
common/diag.h:
common/utf8.h:
common/buf.h:
common/utf8tab.h:
common/xalloc.h:
