build-dev/common/cover.o: common/cover.c common/cover.h common/gaz.h \
 common/buf.h common/xalloc.h
common/cover.h:
common/gaz.h:
common/buf.h:
common/xalloc.h:
