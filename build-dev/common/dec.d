build-dev/common/dec.o: common/dec.c common/dec.h common/buf.h
common/dec.h:
common/buf.h:
