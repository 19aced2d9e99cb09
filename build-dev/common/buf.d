build-dev/common/buf.o: common/buf.c common/buf.h common/diag.h \
 common/xalloc.h
common/buf.h:
common/diag.h:
common/xalloc.h:
