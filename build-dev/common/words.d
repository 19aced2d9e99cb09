build-dev/common/words.o: common/words.c common/buf.h common/diag.h \
 common/gz.h common/utf8.h common/words.h
common/buf.h:
common/diag.h:
common/gz.h:
common/utf8.h:
common/words.h:
