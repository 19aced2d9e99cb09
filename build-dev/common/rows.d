build-dev/common/rows.o: common/rows.c common/htab.h common/rows.h \
 common/xalloc.h
common/htab.h:
common/rows.h:
common/xalloc.h:
