build-dev/common/reporter.o: common/reporter.c common/buf.h common/diag.h \
 common/gaz.h common/period.h common/reporter.h common/utf8.h \
 common/words.h common/xalloc.h
common/buf.h:
common/diag.h:
common/gaz.h:
common/period.h:
common/reporter.h:
common/utf8.h:
common/words.h:
common/xalloc.h:
