build-dev/filters/xlsx/sheets.o: filters/xlsx/sheets.c common/cover.h \
 common/gaz.h common/buf.h common/diag.h common/period.h common/xalloc.h \
 filters/xlsx/xlsx.h common/buf.h common/gaz.h common/labels.h
common/cover.h:
common/gaz.h:
common/buf.h:
common/diag.h:
common/period.h:
common/xalloc.h:
filters/xlsx/xlsx.h:
common/buf.h:
common/gaz.h:
common/labels.h:
