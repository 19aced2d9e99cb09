build-dev/common/csvout.o: common/csvout.c common/csvout.h common/buf.h \
 common/gz.h common/xalloc.h
common/csvout.h:
common/buf.h:
common/gz.h:
common/xalloc.h:
