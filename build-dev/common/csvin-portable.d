build-dev/common/csvin-portable.o: common/csvin.c common/csvin.h \
 common/buf.h common/csvout.h common/gz.h common/diag.h common/utf8.h \
 common/xalloc.h
common/csvin.h:
common/buf.h:
common/csvout.h:
common/gz.h:
common/diag.h:
common/utf8.h:
common/xalloc.h:
