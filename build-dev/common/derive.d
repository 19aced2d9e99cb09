build-dev/common/derive.o: common/derive.c common/derive.h common/dec.h \
 common/buf.h common/period.h common/xalloc.h
common/derive.h:
common/dec.h:
common/buf.h:
common/period.h:
common/xalloc.h:
