build-dev/common/arena.o: common/arena.c common/arena.h common/diag.h \
 common/xalloc.h
common/arena.h:
common/diag.h:
common/xalloc.h:
