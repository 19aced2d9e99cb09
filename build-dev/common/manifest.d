build-dev/common/manifest.o: common/manifest.c common/buf.h common/diag.h \
 common/manifest.h common/csvin.h common/csvout.h common/gz.h \
 common/gaz.h common/period.h common/reporter.h common/utf8.h \
 common/words.h common/xalloc.h
common/buf.h:
common/diag.h:
common/manifest.h:
common/csvin.h:
common/csvout.h:
common/gz.h:
common/gaz.h:
common/period.h:
common/reporter.h:
common/utf8.h:
common/words.h:
common/xalloc.h:
