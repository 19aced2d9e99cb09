build-dev/common/vnlegacy.o: common/vnlegacy.c common/buf.h common/utf8.h \
 common/vnlegacy.h
common/buf.h:
common/utf8.h:
common/vnlegacy.h:
