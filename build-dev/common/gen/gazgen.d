build-dev/common/gen/gazgen.o: common/gen/gazgen.c common/csvin.h \
 common/buf.h common/diag.h common/gazidx.h common/csvin.h
common/csvin.h:
common/buf.h:
common/diag.h:
common/gazidx.h:
common/csvin.h:
