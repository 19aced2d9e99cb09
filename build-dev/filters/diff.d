build-dev/filters/diff.o: filters/diff.c common/buf.h common/cli.h \
 common/csvin.h common/buf.h common/csvout.h common/gz.h common/dec.h \
 common/diag.h common/gz.h common/rows.h common/xalloc.h
common/buf.h:
common/cli.h:
common/csvin.h:
common/buf.h:
common/csvout.h:
common/gz.h:
common/dec.h:
common/diag.h:
common/gz.h:
common/rows.h:
common/xalloc.h:
