build-dev/common/period.o: common/period.c common/buf.h common/diag.h \
 common/period.h common/utf8.h common/words.h common/xalloc.h
common/buf.h:
common/diag.h:
common/period.h:
common/utf8.h:
common/words.h:
common/xalloc.h:
