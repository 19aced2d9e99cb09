# baocao: one non-recursive Makefile.  Objects go under $(B) (build/ by
# default; `make asan` uses build-asan/ with the sanitizers).

B	?= build
CC	?= cc
CFLAGS	?= -O2 -g
WARN	= -std=c11 -Wall -Wextra
XML2_CFLAGS != pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Icommon $(XML2_CFLAGS)
LDLIBS	= -lcsv -lz -lutf8proc -lzip -lxml2
PREFIX	?= /usr/local
BINDIR	= $(PREFIX)/bin
MANDIR	= $(PREFIX)/share/man/man1
DATADIR	= $(PREFIX)/share/baocao
VERSION	= 0.1.0

FILTERS	= extract normalize aggregate diff check xlsx
# The jobs a user runs, installed as baocao-<name>.
PIPELINES = city-summary compare-periods check-totals chart
BINS	= $(FILTERS:%=$(B)/baocao-%)
LIBSRC	= $(wildcard common/*.c)
DATA	= common/data/lexicon.rules common/data/units_history.csv \
	common/data/labels.csv
LIBOBJ	= $(LIBSRC:%.c=$(B)/%.o) $(B)/gen/data_lexicon.o $(B)/gen/data_units.o \
	$(B)/gen/data_labels.o
UNITSRC	= $(wildcard tests/unit/test_*.c)
UNITOBJ	= $(UNITSRC:%.c=$(B)/%.o) $(B)/tests/unit/unit.o
FUZZSRC	= $(wildcard tests/fuzz/fuzz_*.c)
FUZZSUP	= tests/fuzz/support.c
# A man page per filter and per pipeline (demo's too, though it is not
# installed).
MANS	= $(FILTERS:%=filters/%.1) $(PIPELINES:%=pipelines/%.1) pipelines/demo.1
# extract is a folder: its parts go into an archive that the fuzz harness
# links too; main.o holds only main().
EXSRC	= $(wildcard filters/extract/*.c)
EXOBJ	= $(filter-out $(B)/filters/extract/main.o,$(EXSRC:%.c=$(B)/%.o))
EXLIB	= $(B)/filters/extract/libextract.a
ALLOBJ	= $(LIBOBJ) $(filter-out $(B)/filters/extract.o,$(FILTERS:%=$(B)/filters/%.o)) \
	$(EXSRC:%.c=$(B)/%.o) $(UNITOBJ)

FUZZB	?= build-fuzz
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

.PHONY: all check unit bats fuzz-replay fuzz-replay-asan asan fuzz demo deps install uninstall \
	check-install clean lint-man bench

all: $(BINS) $(B)/unit-tests $(B)/baocao-gen

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) -DBAOCAO_VERSION='"$(VERSION)"' $(CFLAGS) \
		-MMD -MP -c $< -o $@

$(B)/embed: common/gen/embed.c
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 $< -o $@

$(B)/gen/data_lexicon.c: common/data/lexicon.rules $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed data_lexicon < $< > $@.tmp && mv $@.tmp $@

$(B)/gen/data_units.c: common/data/units_history.csv $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed data_units < $< > $@.tmp && mv $@.tmp $@

$(B)/gen/data_labels.c: common/data/labels.csv $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed data_labels < $< > $@.tmp && mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/libbaocao.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/baocao-%: $(B)/filters/%.o $(B)/libbaocao.a
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(B)/libbaocao.a $(LDLIBS) -o $@

$(B)/filters/extract/libextract.a: $(EXOBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/baocao-extract: $(B)/filters/extract/main.o $(EXLIB) $(B)/libbaocao.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

$(B)/baocao-xlsx: LDLIBS += -lxlsxwriter

# The corpus generator (a test tool, not installed).
$(B)/baocao-gen: tests/gen.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) $< -lutf8proc -o $@

$(B)/unit-tests: $(UNITOBJ) $(B)/libbaocao.a
	$(CC) $(CFLAGS) $(LDFLAGS) $(UNITOBJ) $(B)/libbaocao.a $(LDLIBS) -o $@

-include $(ALLOBJ:.o=.d)

# The README's test command.  Installs missing build tools first.
check: deps
	$(MAKE) --no-print-directory all
	$(MAKE) --no-print-directory unit bats lint-man fuzz-replay-asan

unit: $(B)/unit-tests
	cd "$$(mktemp -d)" && $(abspath $(B))/unit-tests

# The suites that run the pipelines run under each awk a machine may have
# as awk (mawk: Debian's default; gawk: Fedora's, Arch's, and Debian's
# once it is installed): every suite under the awk on PATH, then these
# again under the other one, named by a shim directory first on PATH.
PIPE_SUITES = tests/pipelines.bats tests/bookkeeping.bats tests/install.bats

bats: $(BINS)
	BAOCAO_BUILD=$(abspath $(B)) bats --jobs 2 tests/
	@sys=$$(basename "$$(readlink -f "$$(command -v awk)")"); \
	for a in gawk mawk; do \
		[ "$$a" != "$$sys" ] || continue; \
		command -v $$a >/dev/null || { echo "no $$a (make deps)"; exit 1; }; \
		mkdir -p $(B)/awk/$$a && ln -sf "$$(command -v $$a)" $(B)/awk/$$a/awk; \
		echo "the pipeline suites again, under $$a:"; \
		PATH="$(abspath $(B))/awk/$$a:$$PATH" \
		BAOCAO_AWK_SHIM="$(abspath $(B))/awk/$$a" \
		BAOCAO_BUILD=$(abspath $(B)) bats --jobs 2 $(PIPE_SUITES) || exit 1; \
	done

lint-man: $(MANS)
	@for m in $(MANS); do \
		out=$$(mandoc -Tlint -W warning $$m 2>&1) || { echo "$$out"; exit 1; }; \
		[ -z "$$out" ] || { echo "$$out"; exit 1; }; \
	done; echo "man pages: $(words $(MANS)) clean"

# Under a sanitizer the harness frees what a caught die() left allocated,
# so LeakSanitizer stays on here as everywhere.
fuzz-replay: $(B)/fuzz-replay
	$(B)/fuzz-replay tests/fuzz/corpus

# make check replays the corpora under the sanitizers with every
# diagnostic formatted and shown (kept in a log): a bug in a message's
# arguments, such as a freed string, stops it.
fuzz-replay-asan:
	$(MAKE) --no-print-directory B=build-asan CC=$(CC) \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" build-asan/fuzz-replay
	@FUZZ_VERBOSE=1 build-asan/fuzz-replay tests/fuzz/corpus \
		2>build-asan/fuzz-replay.log || { tail -n 40 \
		build-asan/fuzz-replay.log; exit 1; }; \
		tail -n 1 build-asan/fuzz-replay.log

$(B)/fuzz-replay: $(FUZZSRC) $(FUZZSUP) tests/fuzz/replay.c tests/fuzz/fuzz.h \
		$(wildcard filters/*.c) $(EXLIB) $(B)/libbaocao.a
	$(CC) $(WARN) $(CPPFLAGS) -Itests/fuzz -Ifilters/extract $(CFLAGS) \
		$(LDFLAGS) $(FUZZSRC) $(FUZZSUP) tests/fuzz/replay.c $(EXLIB) \
		$(B)/libbaocao.a $(LDLIBS) -o $@

asan: deps
	$(MAKE) --no-print-directory B=build-asan CC=$(CC) \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" all unit bats fuzz-replay

fuzz: deps
	@for f in $(FUZZSRC); do n=$$(basename $$f .c); \
		$(MAKE) --no-print-directory B=$(FUZZB) CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
		$(FUZZB)/libbaocao.a $(FUZZB)/filters/extract/libextract.a || exit 1; \
		clang $(WARN) $(CPPFLAGS) -Itests/fuzz -Ifilters/extract -O1 -g -DFUZZ_ONE \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $$f $(FUZZSUP) \
		$(FUZZB)/filters/extract/libextract.a $(FUZZB)/libbaocao.a $(LDLIBS) \
		-o $(FUZZB)/$$n || exit 1; done
	@echo "fuzzers in $(FUZZB)/; run e.g. $(FUZZB)/fuzz_csv -max_total_time=600 tests/fuzz/corpus/csv"

demo: deps all
	@PATH="$(abspath $(B)):$$PATH" pipelines/demo $(B)

bench: all
	tests/bench/run-all

# Installs the Debian packages the build and the tests need, when missing.
# extract's readers: libzip and libxml2 (.docx), poppler-utils (.pdf),
# antiword and catdoc (.doc), tesseract with Vietnamese (--ocr).
DEB_PKGS = build-essential libcsv-dev zlib1g-dev libutf8proc-dev bats \
	bats-assert bats-support bats-file mandoc parallel gnuplot-nox bc \
	python3 fonts-dejavu-core libxlsxwriter-dev python3-openpyxl \
	openssh-server openssh-client rsync gawk mawk \
	pkg-config libzip-dev libxml2-dev poppler-utils antiword catdoc \
	tesseract-ocr tesseract-ocr-vie valgrind
deps:
	@missing=""; \
	for h in csv.h zlib.h utf8proc.h xlsxwriter.h zip.h \
		libxml2/libxml/xmlreader.h; do \
		[ -f /usr/include/$$h ] || missing=1; done; \
	for t in bats mandoc parallel gnuplot bc python3 cc pkg-config \
		pdftotext pdftoppm antiword catdoc tesseract ssh ssh-keygen rsync \
		valgrind gawk mawk; do \
		command -v $$t >/dev/null 2>&1 || missing=1; done; \
	[ -x /usr/sbin/sshd ] || missing=1; \
	[ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || \
		ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata \
		>/dev/null 2>&1 || missing=1; \
	for d in bats-assert bats-support bats-file; do \
		[ -d /usr/lib/bats/$$d ] || missing=1; done; \
	[ -d /usr/lib/python3/dist-packages/openpyxl ] || missing=1; \
	if [ -n "$$missing" ]; then \
		echo "installing build dependencies: $(DEB_PKGS)"; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			$(DEB_PKGS) >/dev/null || exit 2; \
	fi

# Everything a user runs: the filters and their man pages, the pipelines
# as baocao-<name>, and the data they read (the lexicon to copy and edit,
# the labels, the gazetteer) in $(DATADIR), where the pipelines find it
# beside their own bin/.
install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	for f in $(FILTERS); do \
		install -m 755 $(B)/baocao-$$f $(DESTDIR)$(BINDIR)/baocao-$$f; \
		install -m 644 filters/$$f.1 $(DESTDIR)$(MANDIR)/baocao-$$f.1; \
	done
	for p in $(PIPELINES); do \
		install -m 755 pipelines/$$p $(DESTDIR)$(BINDIR)/baocao-$$p; \
		install -m 644 pipelines/$$p.1 $(DESTDIR)$(MANDIR)/baocao-$$p.1; \
	done
	install -m 644 $(DATA) $(DESTDIR)$(DATADIR)/

uninstall:
	for f in $(FILTERS); do \
		rm -f $(DESTDIR)$(BINDIR)/baocao-$$f $(DESTDIR)$(MANDIR)/baocao-$$f.1; \
	done
	for p in $(PIPELINES); do rm -f $(DESTDIR)$(BINDIR)/baocao-$$p \
		$(DESTDIR)$(MANDIR)/baocao-$$p.1; done
	for d in $(notdir $(DATA)); do rm -f $(DESTDIR)$(DATADIR)/$$d; done
	-rmdir $(DESTDIR)$(DATADIR)

check-install: $(BINS)
	tmp=$$(mktemp -d) && $(MAKE) --no-print-directory install DESTDIR=$$tmp \
		PREFIX=/usr && for f in $(FILTERS); do \
		$$tmp/usr/bin/baocao-$$f --version >/dev/null || exit 1; \
		[ -f $$tmp/usr/share/man/man1/baocao-$$f.1 ] || exit 1; done && \
		for p in $(PIPELINES); do \
		$$tmp/usr/bin/baocao-$$p --help >/dev/null || exit 1; \
		$$tmp/usr/bin/baocao-$$p --version >/dev/null || exit 1; \
		[ -f $$tmp/usr/share/man/man1/baocao-$$p.1 ] || exit 1; done && \
		for d in $(notdir $(DATA)); do \
		[ -f $$tmp/usr/share/baocao/$$d ] || exit 1; done && \
		rm -rf $$tmp && echo "install: ok"

clean:
	rm -rf build build-asan $(FUZZB)
