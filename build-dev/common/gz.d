build-dev/common/gz.o: common/gz.c common/diag.h common/gz.h \
 common/xalloc.h
common/diag.h:
common/gz.h:
common/xalloc.h:
