build-dev/filters/xlsx/main.o: filters/xlsx/main.c common/cli.h \
 common/diag.h common/gz.h common/xalloc.h filters/xlsx/xlsx.h \
 common/buf.h common/gaz.h common/buf.h common/labels.h
common/cli.h:
common/diag.h:
common/gz.h:
common/xalloc.h:
filters/xlsx/xlsx.h:
common/buf.h:
common/gaz.h:
common/buf.h:
common/labels.h:
