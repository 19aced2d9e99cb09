build-dev/common/htab.o: common/htab.c common/htab.h common/xalloc.h
common/htab.h:
common/xalloc.h:
