build-dev/filters/xlsx.o: filters/xlsx.c common/buf.h common/cli.h \
 common/cover.h common/gaz.h common/buf.h common/csvin.h common/diag.h \
 common/gaz.h common/gz.h common/labels.h common/period.h common/utf8.h \
 common/xalloc.h
common/buf.h:
common/cli.h:
common/cover.h:
common/gaz.h:
common/buf.h:
common/csvin.h:
common/diag.h:
common/gaz.h:
common/gz.h:
common/labels.h:
common/period.h:
common/utf8.h:
common/xalloc.h:
