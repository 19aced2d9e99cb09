# baocao: one non-recursive Makefile.  Objects go under $(B) (build/ by
# default; `make asan` uses build-asan/ with the sanitizers).

B	?= build
CC	?= cc
CFLAGS	?= -O2 -g
WARN	= -std=c11 -Wall -Wextra
XML2_CFLAGS != pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Icommon $(XML2_CFLAGS)
LDLIBS	= -lcsv -lz -lutf8proc -lzip -lxml2 -lnettle -ldl
PREFIX	?= /usr/local
BINDIR	= $(PREFIX)/bin
MANDIR	= $(PREFIX)/share/man/man1
DATADIR	= $(PREFIX)/share/baocao
VERSION	= 0.1.0

FILTERS	= extract normalize aggregate diff check xlsx review
# The jobs a user runs, installed as baocao-<name>.
PIPELINES = city-summary compare-periods check-totals chart
BINS	= $(FILTERS:%=$(B)/baocao-%)
LIBSRC	= $(wildcard common/*.c)
DATA	= common/data/lexicon.rules common/data/words.rules \
	common/data/units_history.csv common/data/labels.csv
LIBOBJ	= $(LIBSRC:%.c=$(B)/%.o) $(B)/gen/data_lexicon.o $(B)/gen/data_gaz.o \
	$(B)/gen/data_labels.o $(B)/gen/data_words.o $(B)/gen/data_stamps.o \
	$(B)/gen/utf8tab.o
UNITSRC	= $(wildcard tests/unit/test_*.c)
UNITOBJ	= $(UNITSRC:%.c=$(B)/%.o) $(B)/tests/unit/unit.o \
	$(B)/tests/unit/xscan.o
FUZZSRC	= $(wildcard tests/fuzz/fuzz_*.c)
FUZZSUP	= tests/fuzz/support.c
# A man page per filter and per pipeline (demo's too, though it is not
# installed).
MANS	= $(FILTERS:%=filters/%.1) $(PIPELINES:%=pipelines/%.1) pipelines/demo.1
# Filters with more than one concern are folders, filters/NAME/: main.o
# holds main() and the other parts go into lib<NAME>.a, which the fuzz
# harness links too.  The others are one file, filters/NAME.c.
FOLDERS	= extract normalize aggregate xlsx review check
SINGLES	= $(filter-out $(FOLDERS),$(FILTERS))
# review's data files (the page's template, stylesheet and script) are
# embedded in it alone, and installed with the others.
REVDATA	= common/data/review.html common/data/review.css common/data/review.js
DATA	+= $(REVDATA)
EXTRA_review = $(REVDATA:common/data/review.%=$(B)/gen/data_review_%.o)
# extract's inventory of Vietnamese syllables (glue.c), made at build time
# from hunspell-vi's word list by the rules of common/data/syllables.rules.
HUNSPELL_VI ?= /usr/share/hunspell/vi_VN.dic
EXTRA_extract = $(B)/gen/data_syllables.o
partsrc	= $(wildcard filters/$(1)/*.c)
partobj	= $(filter-out $(B)/filters/$(1)/main.o,$(patsubst %.c,$(B)/%.o,$(call partsrc,$(1)))) \
	$(EXTRA_$(1))
FOLDLIBS = $(foreach f,$(FOLDERS),$(B)/filters/$(f)/lib$(f).a)
FILTOBJ	= $(SINGLES:%=$(B)/filters/%.o) \
	$(foreach f,$(FOLDERS),$(patsubst %.c,$(B)/%.o,$(call partsrc,$(f))))
ALLOBJ	= $(LIBOBJ) $(B)/common/gen/gazgen.o $(FILTOBJ) $(UNITOBJ) \
	$(B)/common/csvin_record-portable.o

FUZZB	?= build-fuzz
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

.PHONY: all check unit bats fuzz-replay fuzz-replay-asan asan fuzz demo deps install uninstall \
	check-install clean lint-man lint-js bench bench-deps budget budget-check \
	check-uptodate pot check-po

# Messages: every filter's and pipeline's, in one text domain, baocao.
# The sources hold them in English; common/data/po/ the template
# (baocao.pot, made by `make pot` from the sources) and a catalogue per
# language (vi.po), which msgfmt compiles into $(B)/locale/, where the
# filters and the pipelines find it beside them; installed in
# $(LOCALEDIR).  The keywords: every function that takes a message's
# format (common/diag.h, and the two that pass theirs on), the words said
# through diag_text or marked N_, the pipelines' say.
PODIR	= common/data/po
LINGUAS	= vi
LOCALEDIR = $(PREFIX)/share/locale
MOS	= $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/baocao.mo)
POT_C	= $(sort $(wildcard common/*.[ch] filters/*.c filters/*/*.[ch]))
POT_SH	= $(PIPELINES:%=pipelines/%) pipelines/demo pipelines/messages.sh
XGETTEXT = xgettext --from-code=UTF-8 --omit-header --no-location \
	--sort-output --add-comments=TRANSLATORS:
XGETTEXT_C = -L C --keyword=die:2 --keyword=die_at:4 --keyword=warn:1 \
	--keyword=warn_at:3 --keyword=vwarn_at:3 --keyword=ci_row_error:3 \
	--keyword=doc_reject:3 --keyword=diag_text:1 --keyword=cli_stat:1 \
	--keyword=N_:1 --flag=die:2:c-format --flag=die_at:4:c-format \
	--flag=warn:1:c-format --flag=warn_at:3:c-format \
	--flag=vwarn_at:3:c-format --flag=ci_row_error:3:c-format \
	--flag=doc_reject:3:c-format --flag=diag_text:1:c-format
XGETTEXT_SH = -L Shell -k --keyword=say:1 --keyword=die:1 --keyword=tell:1 \
	--keyword=msg:1 --flag=say:1:c-format --flag=die:1:c-format \
	--flag=tell:1:c-format --flag=msg:1:c-format

all: $(BINS) $(B)/unit-tests $(B)/unit-tests-portable $(B)/baocao-gen $(MOS)

$(B)/locale/%/LC_MESSAGES/baocao.mo: $(PODIR)/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

# The template as the sources make it: no header (no date), no line
# numbers, sorted, so that it changes when a message does, not when the
# code around one moves.
$(B)/baocao.pot: $(POT_C) $(POT_SH) Makefile
	@mkdir -p $(@D)
	@echo "xgettext: $@"
	@$(XGETTEXT) $(XGETTEXT_C) -o $@.tmp $(POT_C)
	@$(XGETTEXT) $(XGETTEXT_SH) -j -o $@.tmp $(POT_SH)
	@mv $@.tmp $@

# Rewrites the template from the sources and merges it into every
# catalogue: new messages come in untranslated, gone ones obsolete (#~),
# for a translator to settle before make check passes.
pot: $(B)/baocao.pot
	cp $(B)/baocao.pot $(PODIR)/baocao.pot
	for l in $(LINGUAS); do \
		msgmerge -q --no-fuzzy-matching --no-wrap $(PODIR)/$$l.po \
			$(PODIR)/baocao.pot -o $(B)/$$l.merged.po && \
		mv $(B)/$$l.merged.po $(PODIR)/$$l.po || exit 1; done

# The template is the sources' (else: make pot), holds every message a
# pipeline says (xgettext misses a call after '{' or 'then'), each
# catalogue is in step with it (as make pot leaves it) and translates
# every message, none fuzzy, none left over.
check-po: $(B)/baocao.pot
	@cmp -s $(B)/baocao.pot $(PODIR)/baocao.pot || { \
		diff -u $(PODIR)/baocao.pot $(B)/baocao.pot | head -n 40; \
		echo "$(PODIR)/baocao.pot is stale: make pot, then translate"; \
		exit 1; }
	@tests/lint/messages-in-pot $(PODIR)/baocao.pot $(POT_SH)
	@for l in $(LINGUAS); do \
		po=$(PODIR)/$$l.po; \
		msgmerge -q --no-fuzzy-matching --no-wrap $$po $(PODIR)/baocao.pot \
			-o $(B)/$$l.merged.po || exit 1; \
		cmp -s $$po $(B)/$$l.merged.po || { \
			diff -u $$po $(B)/$$l.merged.po | head -n 40; \
			echo "$$po is not in step with the template: make pot"; exit 1; }; \
		st=$$(LC_ALL=C msgfmt --check --statistics -o /dev/null $$po 2>&1) || \
			{ echo "$$st"; exit 1; }; \
		case $$st in *fuzzy* | *untranslated*) \
			echo "$$po: $$st"; exit 1 ;; esac; \
		old=$$(msgattrib --only-obsolete $$po | grep -c '^#~ msgid') || :; \
		[ "$$old" -eq 0 ] || { echo "$$po: $$old obsolete messages"; exit 1; }; \
		echo "$$po: $$st"; \
	done

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

$(B)/gen/data_words.c: common/data/words.rules $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed data_words < $< > $@.tmp && mv $@.tmp $@

# The built-in gazetteer, read and indexed once, at build time, by the
# code that reads a --gazetteer file (common/gazidx.c).
GAZGEN	= $(B)/common/gen/gazgen.o $(B)/common/gazidx.o $(B)/common/csvin.o \
	$(B)/common/csvin_record.o \
	$(B)/common/csvout.o $(B)/common/gz.o $(B)/common/utf8.o \
	$(B)/gen/utf8tab.o $(B)/common/buf.o $(B)/common/htab.o \
	$(B)/common/xalloc.o $(B)/common/diag.o
$(B)/gazgen: $(GAZGEN)
	$(CC) $(CFLAGS) $(LDFLAGS) $(GAZGEN) $(LDLIBS) -o $@

$(B)/gen/data_gaz.c: common/data/units_history.csv $(B)/gazgen
	@mkdir -p $(@D)
	$(B)/gazgen $< > $@.tmp && mv $@.tmp $@

$(B)/gen/data_gaz.o: $(B)/gen/data_gaz.c common/gazidx.h
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

# utf8.c's mapping tables, computed from utf8proc once, at build time.
$(B)/utf8tab: common/gen/utf8tab.c
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 $< -lutf8proc -o $@

$(B)/gen/utf8tab.c: $(B)/utf8tab
	@mkdir -p $(@D)
	$(B)/utf8tab > $@.tmp && mv $@.tmp $@

$(B)/gen/utf8tab.o: $(B)/gen/utf8tab.c common/utf8tab.h
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(B)/sylgen: common/gen/sylgen.c filters/extract/syl.h
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) -Ifilters/extract -O1 $< -lutf8proc -o $@

$(B)/gen/data_syllables.c: common/data/syllables.rules $(HUNSPELL_VI) $(B)/sylgen
	@mkdir -p $(@D)
	$(B)/sylgen $(HUNSPELL_VI) common/data/syllables.rules > $@.tmp && \
		mv $@.tmp $@

$(B)/gen/data_syllables.o: $(B)/gen/data_syllables.c filters/extract/syl.h
	$(CC) $(CPPFLAGS) -Ifilters/extract $(CFLAGS) -c $< -o $@

$(HUNSPELL_VI):
	@echo "$@ is missing: the Debian package hunspell-vi installs it (make deps)" >&2
	@exit 2

$(B)/gen/data_labels.c: common/data/labels.csv $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed data_labels < $< > $@.tmp && mv $@.tmp $@

$(B)/gen/data_review_%.c: common/data/review.% $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed data_review_$* < $< > $@.tmp && mv $@.tmp $@

# The labels of signature stamps (extract keeps them out of the text);
# built in only, not installed: no option reads another copy.
$(B)/gen/data_stamps.c: common/data/stamps.csv $(B)/embed
	@mkdir -p $(@D)
	$(B)/embed data_stamps < $< > $@.tmp && mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/libbaocao.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/baocao-%: $(B)/filters/%.o $(B)/libbaocao.a
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(B)/libbaocao.a $(LDLIBS) -o $@

# A folder's archive and binary, the same two rules for each.
define folder_rules
$(B)/filters/$(1)/lib$(1).a: $(call partobj,$(1))
	rm -f $$@
	$$(AR) rcs $$@ $$^

$(B)/baocao-$(1): $(B)/filters/$(1)/main.o $(B)/filters/$(1)/lib$(1).a \
		$(B)/libbaocao.a
	$$(CC) $$(CFLAGS) $$(LDFLAGS) $$^ $$(LDLIBS) -o $$@
endef
$(foreach f,$(FOLDERS),$(eval $(call folder_rules,$(f))))

# Every object stays, so that make after make compiles nothing (the
# single filters' objects would otherwise be removed as intermediates,
# then remade because their .d files name them).
.SECONDARY: $(ALLOBJ) $(EXTRA_review) $(EXTRA_extract)

$(B)/baocao-xlsx: LDLIBS += -lxlsxwriter

# The corpus generator (a test tool, not installed).
$(B)/baocao-gen: tests/gen.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) $< -lutf8proc -o $@

# The unit tests of extract's parts (its cleaner among them) link its
# archive, and see its header.
UNITLIBS = $(B)/filters/extract/libextract.a $(B)/libbaocao.a
$(UNITOBJ): CPPFLAGS += -Ifilters/extract

$(B)/unit-tests: $(UNITOBJ) $(UNITLIBS)
	$(CC) $(CFLAGS) $(LDFLAGS) $(UNITOBJ) $(UNITLIBS) $(LDLIBS) -o $@

# The same tests with csvin's scan as it is where there is no SSE2 (its
# object comes before the archive's, so it is the one linked).
$(B)/common/csvin_record-portable.o: common/csvin_record.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) -U__SSE2__ $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/unit-tests-portable: $(UNITOBJ) $(B)/common/csvin_record-portable.o \
		$(UNITLIBS)
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

-include $(ALLOBJ:.o=.d)

# The README's test command.  Installs missing build tools first.
check: deps
	$(MAKE) --no-print-directory all
	$(MAKE) --no-print-directory check-uptodate check-po unit bats lint-man \
		lint-js fuzz-replay-asan budget-check

# make right after make has nothing to do: no object is lost as an
# intermediate, no rule remakes what is up to date.
check-uptodate:
	@$(MAKE) --no-print-directory -q all || { \
		echo "make after make would run:"; \
		$(MAKE) --no-print-directory -n all; exit 1; }
	@echo "make after make: nothing to do"

# The portable build differs in csvin's scan alone: it runs the modules
# that read CSV (the others would only repeat what unit-tests proved).
PORTABLE_UNITS = csv gaz gazidx corr manifest
unit: $(B)/unit-tests $(B)/unit-tests-portable
	cd "$$(mktemp -d)" && export BAOCAO_DATA=$(abspath common/data) && \
		$(abspath $(B))/unit-tests && \
		$(abspath $(B))/unit-tests-portable $(PORTABLE_UNITS)

# Instructions per input byte of extract and normalize against
# tests/bench/budget (more than 10% over fails); make budget rewrites it,
# for the commit whose change justifies the new figures.
budget-check: $(BINS)
	BAOCAO_BUILD=$(abspath $(B)) tests/bench/budget-check

budget: $(BINS)
	BAOCAO_BUILD=$(abspath $(B)) tests/bench/budget-check --write

# The suites that run the pipelines run under each awk a machine may have
# as awk (mawk: Debian's default; gawk: Fedora's, Arch's, and Debian's
# once it is installed): every suite under the awk on PATH, then these
# again under the other one, named by a shim directory first on PATH.
PIPE_SUITES = tests/pipelines.bats tests/bookkeeping.bats tests/install.bats \
	tests/compare-periods.bats

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

# The review page's script: parsed by node, then eslint's recommended
# rules and the project's (tests/eslint.json).  Debian's eslint finds its
# modules under /usr/share/nodejs, which a node from elsewhere does not
# search by itself.
lint-js: common/data/review.js
	node --check common/data/review.js
	NODE_PATH=/usr/share/nodejs eslint --no-eslintrc -c tests/eslint.json \
		--max-warnings 0 common/data/review.js
	@echo "review.js: clean"

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
		$(wildcard filters/*.c filters/*/*.[ch]) $(FOLDLIBS) \
		$(B)/libbaocao.a
	$(CC) $(WARN) $(CPPFLAGS) -Itests/fuzz -Ifilters/extract $(CFLAGS) \
		$(LDFLAGS) $(FUZZSRC) $(FUZZSUP) tests/fuzz/replay.c $(FOLDLIBS) \
		$(B)/libbaocao.a $(LDLIBS) -o $@

asan: deps
	$(MAKE) --no-print-directory B=build-asan CC=$(CC) \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" all unit bats fuzz-replay

fuzz: deps
	@for f in $(FUZZSRC); do n=$$(basename $$f .c); \
		$(MAKE) --no-print-directory B=$(FUZZB) CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
		$(FUZZB)/libbaocao.a $(FOLDLIBS:$(B)/%=$(FUZZB)/%) || exit 1; \
		clang $(WARN) $(CPPFLAGS) -Itests/fuzz -Ifilters/extract -O1 -g -DFUZZ_ONE \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $$f $(FUZZSUP) \
		$(FOLDLIBS:$(B)/%=$(FUZZB)/%) $(FUZZB)/libbaocao.a $(LDLIBS) \
		-o $(FUZZB)/$$n || exit 1; done
	@echo "fuzzers in $(FUZZB)/; run e.g. $(FUZZB)/fuzz_csv -max_total_time=600 tests/fuzz/corpus/csv"

demo: deps all
	@PATH="$(abspath $(B)):$$PATH" pipelines/demo $(B)

# Figures, not a test: each filter beside its peers and beside the
# release in tests/bench/baseline.  The peers are installed for it alone.
BENCH_PKGS = datamash miller pandoc poppler-utils time
bench: all bench-deps
	tests/bench/run-all

bench-deps:
	@missing=""; \
	for t in datamash mlr pandoc pdftotext /usr/bin/time; do \
		command -v $$t >/dev/null 2>&1 || missing=1; done; \
	if [ -n "$$missing" ]; then \
		echo "installing the benchmarks' peers: $(BENCH_PKGS)"; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			$(BENCH_PKGS) >/dev/null || exit 2; \
	fi

# Installs the Debian packages the build and the tests need, when missing.
# The messages' catalogues: gettext (msgfmt, xgettext), gettext-base (the
# pipelines' gettext); locales: the definition of vi_VN, from which the
# locale vi_VN.UTF-8 is made for tests/lang.bats (which makes one of its
# own when it cannot be: not root, no password-less sudo).
# extract's readers: libzip and libxml2 (.docx), poppler-utils (.pdf),
# antiword and catdoc (.doc), tesseract with Vietnamese (--ocr),
# hunspell-vi (the syllables that glued words are cut by); its
# archives: libarchive (and bsdtar, libarchive-tools, to make .7z and
# .tar archives in the tests); the
# signed-scan fixtures' maker (tests/make-signed-fixtures): reportlab,
# pypdf and img2pdf.
DEB_PKGS = build-essential libcsv-dev zlib1g-dev libutf8proc-dev nettle-dev bats \
	bats-assert bats-support bats-file mandoc parallel gnuplot-nox bc \
	python3 fonts-dejavu-core libxlsxwriter-dev python3-openpyxl \
	hunspell-vi openssh-server openssh-client rsync gawk mawk \
	pkg-config libzip-dev libxml2-dev libarchive-dev libarchive-tools \
	poppler-utils antiword catdoc \
	tesseract-ocr tesseract-ocr-vie valgrind \
	nodejs eslint chromium chromium-driver python3-selenium \
	python3-reportlab python3-pypdf img2pdf gettext gettext-base locales
deps:
	@missing=""; \
	for h in csv.h zlib.h utf8proc.h xlsxwriter.h zip.h archive.h \
		nettle/sha2.h \
		libxml2/libxml/xmlreader.h; do \
		[ -f /usr/include/$$h ] || missing=1; done; \
	for t in bats mandoc parallel gnuplot bc python3 cc pkg-config \
		pdftotext pdftoppm antiword catdoc tesseract ssh ssh-keygen rsync \
		valgrind node eslint chromium chromedriver img2pdf gawk mawk \
		bsdtar msgfmt xgettext msgmerge msgattrib gettext localedef; do \
		command -v $$t >/dev/null 2>&1 || missing=1; done; \
	[ -x /usr/sbin/sshd ] || missing=1; \
	[ -f /usr/share/i18n/locales/vi_VN ] || missing=1; \
	[ -f $(HUNSPELL_VI) ] || missing=1; \
	[ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || \
		ls /usr/share/tesseract-ocr/*/tessdata/vie.traineddata \
		>/dev/null 2>&1 || missing=1; \
	for d in bats-assert bats-support bats-file; do \
		[ -d /usr/lib/bats/$$d ] || missing=1; done; \
	for d in openpyxl reportlab pypdf selenium; do \
		[ -d /usr/lib/python3/dist-packages/$$d ] || missing=1; done; \
	if [ -n "$$missing" ]; then \
		echo "installing build dependencies: $(DEB_PKGS)"; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			$(DEB_PKGS) >/dev/null || exit 2; \
	fi; \
	if ! locale -a 2>/dev/null | grep -qix 'vi_VN\.utf-\{0,1\}8'; then \
		echo "making the locale vi_VN.UTF-8"; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO="sudo -n"; else SUDO=; fi; \
		$$SUDO localedef -i vi_VN -f UTF-8 vi_VN.UTF-8 || \
			echo "(not made: tests/lang.bats makes its own)"; \
	fi

# Everything a user runs: the filters and their man pages, the pipelines
# as baocao-<name>, and the data they read (the lexicon to copy and edit,
# the labels, the gazetteer) in $(DATADIR), where the pipelines find it
# beside their own bin/.
install: $(BINS) $(MOS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	for f in $(FILTERS); do \
		install -m 755 $(B)/baocao-$$f $(DESTDIR)$(BINDIR)/baocao-$$f; \
		install -m 644 filters/$$f.1 $(DESTDIR)$(MANDIR)/baocao-$$f.1; \
	done
	for p in $(PIPELINES); do \
		install -m 755 pipelines/$$p $(DESTDIR)$(BINDIR)/baocao-$$p; \
		install -m 644 pipelines/$$p.1 $(DESTDIR)$(MANDIR)/baocao-$$p.1; \
	done
	install -m 644 $(DATA) pipelines/messages.sh $(DESTDIR)$(DATADIR)/
	for l in $(LINGUAS); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(B)/locale/$$l/LC_MESSAGES/baocao.mo \
			$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/baocao.mo || exit 1; \
	done

uninstall:
	for f in $(FILTERS); do \
		rm -f $(DESTDIR)$(BINDIR)/baocao-$$f $(DESTDIR)$(MANDIR)/baocao-$$f.1; \
	done
	for p in $(PIPELINES); do rm -f $(DESTDIR)$(BINDIR)/baocao-$$p \
		$(DESTDIR)$(MANDIR)/baocao-$$p.1; done
	for d in $(notdir $(DATA)) messages.sh; do rm -f $(DESTDIR)$(DATADIR)/$$d; done
	for l in $(LINGUAS); do \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/baocao.mo; done
	-rmdir $(DESTDIR)$(DATADIR)

check-install: $(BINS) $(MOS)
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
		for l in $(LINGUAS); do \
		[ -f $$tmp/usr/share/locale/$$l/LC_MESSAGES/baocao.mo ] || exit 1; \
		done && \
		rm -rf $$tmp && echo "install: ok"

clean:
	rm -rf build build-asan $(FUZZB)
