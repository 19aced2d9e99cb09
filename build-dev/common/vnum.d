build-dev/common/vnum.o: common/vnum.c common/buf.h common/utf8.h \
 common/vnum.h common/dec.h common/words.h
common/buf.h:
common/utf8.h:
common/vnum.h:
common/dec.h:
common/words.h:
