build-dev/common/sha256.o: common/sha256.c common/sha256.h
common/sha256.h:
