build-dev/common/labels.o: common/labels.c common/csvin.h common/buf.h \
 common/diag.h common/gz.h common/labels.h common/period.h common/utf8.h \
 common/xalloc.h
common/csvin.h:
common/buf.h:
common/diag.h:
common/gz.h:
common/labels.h:
common/period.h:
common/utf8.h:
common/xalloc.h:
