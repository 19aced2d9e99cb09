build-dev/filters/xlsx/cells.o: filters/xlsx/cells.c common/diag.h \
 common/utf8.h common/buf.h common/xalloc.h filters/xlsx/xlsx.h \
 common/buf.h common/gaz.h common/labels.h
common/diag.h:
common/utf8.h:
common/buf.h:
common/xalloc.h:
filters/xlsx/xlsx.h:
common/buf.h:
common/gaz.h:
common/labels.h:
