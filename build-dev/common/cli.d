build-dev/common/cli.o: common/cli.c common/cli.h common/diag.h \
 common/xalloc.h
common/cli.h:
common/diag.h:
common/xalloc.h:
