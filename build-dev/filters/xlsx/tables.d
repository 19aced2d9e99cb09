build-dev/filters/xlsx/tables.o: filters/xlsx/tables.c common/csvin.h \
 common/buf.h common/diag.h common/gz.h common/xalloc.h \
 filters/xlsx/xlsx.h common/buf.h common/gaz.h common/labels.h
common/csvin.h:
common/buf.h:
common/diag.h:
common/gz.h:
common/xalloc.h:
filters/xlsx/xlsx.h:
common/buf.h:
common/gaz.h:
common/labels.h:
