# iplan - tools for Norwegian individual plans (individuell plan)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/iplan
LOCALEDIR ?= $(PREFIX)/share/locale
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
BUILD ?= build

CC ?= cc
CFLAGS ?= -O2 -g
override CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra \
	-Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
	-pthread $(CFLAGS)
override LDFLAGS := -pthread $(LDFLAGS)

# Flags from pkg-config, expanded only when used: after 'deps' has run.
PKGS = yaml-0.1 libcmark libxml-2.0
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))

# The Debian packages for building, for 'make test' and the other stages
# of 'make check', and for its browser stage.
BUILD_DEBS = cc:build-essential pkg-config:pkg-config yaml-0.1:libyaml-dev \
	libcmark:libcmark-dev libxml-2.0:libxml2-dev msgfmt:gettext
CHECK_DEBS = cmocka:libcmocka-dev mandoc:mandoc xmllint:libxml2-utils \
	cmark:cmark valgrind:valgrind clang:clang python3:python3 git:git \
	strace:strace localedef:locales \
	/usr/lib/python3/dist-packages/jsonschema/__init__.py:python3-jsonschema \
	/usr/share/bash-completion/bash_completion:bash-completion
BROWSER_DEBS = chromium:chromium pdfinfo:poppler-utils node:nodejs npm:npm

LIB_SRC = $(sort $(wildcard lib/*.c))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o)
LIB_HDR = $(sort $(wildcard lib/*.h))
# The drivers: what the commands share beside the library (options, exit
# statuses, messages), cmd/*.c but the commands' own ip-*.c.
DRV_SRC = $(sort $(filter-out cmd/ip-%.c,$(wildcard cmd/*.c)))
DRV_OBJ = $(DRV_SRC:cmd/%.c=$(BUILD)/cmd/%.o)
DRV_HDR = $(sort $(wildcard cmd/*.h))
CMDS = $(sort $(patsubst cmd/%.c,%,$(wildcard cmd/ip-*.c)))
BINS = $(CMDS:%=$(BUILD)/%)
MAN1 = $(sort $(wildcard man/*.1))
MAN5 = $(sort $(wildcard man/*.5))
MAN7 = $(sort $(wildcard man/*.7))
DATA = $(sort $(wildcard lib/*.xsd))
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Helpers of the tests that are not unit tests of their own.
HELPERS = $(BUILD)/schema/plantree
FUZZ_SRC = $(sort $(wildcard tests/fuzz/*.c))
FUZZ_BINS = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_TIME ?= 300
FUZZ_JOBS ?= 1
# The message catalogues: po/LANG.po, compiled into the build tree as
# they are installed, so that the tests find them there (IPLAN_LOCALEDIR,
# see cmd/cli.c).
LINGUAS = $(sort $(patsubst po/%.po,%,$(wildcard po/*.po)))
MO = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/iplan.mo)
# The git hooks, made from cmd/NAME.sh.
HOOKS = $(BUILD)/hooks/pre-commit $(BUILD)/hooks/pre-receive
# What xgettext reads, in this order: the library, the drivers, the
# commands, the hooks.
POT_SRC = $(LIB_SRC) $(DRV_SRC) $(CMDS:%=cmd/%.c) \
	$(HOOKS:$(BUILD)/hooks/%=cmd/%.sh)
# The locales the tests run the commands in (see tests/deps.sh).
TEST_LOCALES = nb_NO.UTF-8 nn_NO.UTF-8

all: $(BINS) $(MO) $(HOOKS)

# 'deps' stops the build with the apt-get line for what is missing; the
# README's two commands, 'make demo' and 'make check', install it instead
# ('install-deps', which the sub-makes of 'check' find done).
deps:
	@BUILD_DEBS='$(BUILD_DEBS)' sh tests/deps.sh
install-deps:
	@BUILD_DEBS='$(BUILD_DEBS) $(CHECK_DEBS) $(BROWSER_DEBS)' \
		LOCALES='$(TEST_LOCALES)' sh tests/deps.sh --install
check-deps: deps
	@BUILD_DEBS='$(CHECK_DEBS)' LOCALES='$(TEST_LOCALES)' sh tests/deps.sh
browser-debs: deps
	@BUILD_DEBS='$(BROWSER_DEBS)' sh tests/deps.sh

$(BUILD)/lib/%.o: lib/%.c $(LIB_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# The installed paths compiled into the commands, kept in a file that
# changes only when they do (as git's GIT-PREFIX): what is built with
# them is built again, so that 'make install PREFIX=X' after 'make'
# installs commands that look under X, not under the PREFIX of 'make'.
PATHS = DATADIR=$(DATADIR) LOCALEDIR=$(LOCALEDIR)
$(BUILD)/paths: FORCE
	@mkdir -p $(@D)
	@echo '$(PATHS)' | cmp -s - $@ || echo '$(PATHS)' >$@

# ip-new points editors at the installed JSON Schema, and ip-validate
# names the installed hooks.
$(BUILD)/lib/new.o $(BUILD)/cmd/hooks.o: $(BUILD)/paths
$(BUILD)/lib/new.o $(BUILD)/cmd/hooks.o: \
	CPPFLAGS += -DIPLAN_DATADIR='"$(DATADIR)"'

# The hooks find the catalogues where make install puts them.
$(BUILD)/hooks/%: cmd/%.sh $(BUILD)/paths
	@mkdir -p $(@D)
	sed 's|@LOCALEDIR@|$(LOCALEDIR)|' $< >$@.new
	chmod 755 $@.new && mv $@.new $@

# Made afresh: ar would keep the members of files moved away.
$(BUILD)/libiplan.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

# The commands see the library through its public header alone: they are
# compiled against a directory that holds iplan.h and nothing else.
PUBLIC_INC = $(BUILD)/include
$(PUBLIC_INC)/iplan.h: lib/iplan.h
	@mkdir -p $(@D)
	cp lib/iplan.h $@

$(BUILD)/cmd/%.o: cmd/%.c $(DRV_HDR) $(PUBLIC_INC)/iplan.h | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CPPFLAGS) -I$(PUBLIC_INC) -c -o $@ $<

# The commands bind the text domain to the installed catalogues.
$(BUILD)/cmd/cli.o: $(BUILD)/paths
$(BUILD)/cmd/cli.o: CPPFLAGS += -DIPLAN_LOCALEDIR='"$(LOCALEDIR)"'

# msgfmt --check: a translation whose conversions (%s, %zu) differ from
# its msgid's, or a broken header, stops the build.
$(BUILD)/locale/%/LC_MESSAGES/iplan.mo: po/%.po | deps
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# The template for translators, po/iplan.pot, is a source: 'make pot'
# makes it afresh from the sources, then 'msgmerge -U po/LANG.po
# po/iplan.pot' brings each catalogue up to date.  No creation date, so
# that it changes only when the messages do; the tests compare the one
# made in the build tree with po/iplan.pot (tests/t-i18n.sh).
$(BUILD)/iplan.pot: $(POT_SRC) | deps
	@mkdir -p $(@D)
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
		--keyword=P_:1,2 --add-comments=TRANSLATORS --sort-by-file \
		--add-location=file --package-name=iplan --foreign-user \
		--no-wrap \
		-o $@.new $(POT_SRC)
	sed '/^"POT-Creation-Date: /d' $@.new >$@
	@rm -f $@.new
pot: $(BUILD)/iplan.pot
	cp $(BUILD)/iplan.pot po/iplan.pot

$(BUILD)/libipcmd.a: $(DRV_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(DRV_OBJ)

$(BUILD)/ip-%: cmd/ip-%.c $(BUILD)/libipcmd.a $(BUILD)/libiplan.a \
		$(DRV_HDR) $(PUBLIC_INC)/iplan.h
	$(CC) $(CFLAGS) $(CPPFLAGS) -I$(PUBLIC_INC) -o $@ $< $(BUILD)/libipcmd.a \
		$(BUILD)/libiplan.a \
		$(LDFLAGS) $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libiplan.a $(LIB_HDR) \
		| check-deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CPPFLAGS) -Ilib $(PKG_CFLAGS) \
		-DIPLAN_SRCDIR='"$(CURDIR)"' \
		-DIPLAN_BUILDDIR='"$(abspath $(BUILD))"' -o $@ $< \
		$(BUILD)/libiplan.a $(LDFLAGS) $(PKG_LIBS) \
		$(shell pkg-config --libs cmocka)

$(BUILD)/schema/%: tests/schema/%.c $(BUILD)/libiplan.a $(LIB_HDR) \
		| check-deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CPPFLAGS) -Ilib $(PKG_CFLAGS) -o $@ $< \
		$(BUILD)/libiplan.a $(LDFLAGS) $(PKG_LIBS) -lm

# The whole suite three times: as built, under AddressSanitizer and
# UndefinedBehaviorSanitizer (a build of its own), and the commands under
# valgrind; and the checks in a real browser and in node.  'make test' is
# the first alone, offline, with neither chromium nor npm's modules.
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
# Each stage adds its "passed failed" to the tally; the last line is the
# sum of them all.  Once the build tree is made, the six parts (the plain
# suite, the two halves of the valgrind stage, the ASan stage, the
# browser stage and the fuzz targets' inputs) run five at once on two
# cores: when they ran as three, one a chain of the plain, ASan and fuzz
# stages, that chain ran on alone at the end while a core was idle.  Each
# run has a scratch directory of its own (see tests/lib.sh), the
# sanitizers and the fuzz targets trees of their own.  Each output is
# shown when its part ends (-Otarget), not line by line.
TALLY = $(abspath $(BUILD))/check.tally
check: | install-deps
	@rm -f $(TALLY)
	@$(MAKE) --no-print-directory -j2 test-deps browser-deps
	@CHECK_TALLY=$(TALLY) $(MAKE) --no-print-directory -j5 -Otarget \
		check-valgrind-1 check-valgrind-2 test check-asan \
		check-browser check-fuzz
	@awk '{ p += $$1; f += $$2 } END { printf "%d passed, %d failed\n", \
		p, f; exit f > 0 }' $(TALLY)

# UPDATE=1 rewrites the golden files with what the commands print now
# (review with git diff); a golden test that fails leaves what was
# printed beside the golden file as FILE.actual.
test: test-deps | check-deps
	@UPDATE='$(UPDATE)' sh tests/run.sh $(BUILD)

# What the suite runs: the commands, the unit tests, the helpers, the
# catalogues.  One script alone: 'make test-deps && sh tests/t-new.sh'.
test-deps: all $(UNIT_BINS) $(HELPERS) $(BUILD)/iplan.pot

# The browser stage: the tests that need chromium or node (t_browser in
# tests/lib.sh), which no other stage runs.  A missing browser, node or
# module fails them.
check-browser: all browser-deps | check-deps
	@IPLAN_BROWSER=1 sh tests/run.sh $(BUILD)

# The browser tests' modules (axe-core, puppeteer-core, fhirpath, ajv), at
# the versions tests/browser/package-lock.json pins, in the build tree.
NPM_DIR = $(BUILD)/npm
browser-deps: $(NPM_DIR)/node_modules/.installed
$(NPM_DIR)/node_modules/.installed: tests/browser/package.json \
		tests/browser/package-lock.json | browser-debs
	@rm -rf $(NPM_DIR) && mkdir -p $(NPM_DIR)
	cp tests/browser/package.json tests/browser/package-lock.json \
		$(NPM_DIR)/
	cd $(NPM_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# (IPLAN_SANITIZED: the tests that bound memory know it is not theirs.)
check-asan: | check-deps
	@IPLAN_SANITIZED=1 $(MAKE) --no-print-directory BUILD=$(BUILD)-asan \
		CC=clang \
		CFLAGS='-O1 -g -fno-omit-frame-pointer $(SAN)' \
		LDFLAGS='$(SAN)' test

# In two parts, which 'make check' runs at once: the scripts of VG_PART1,
# and the others.
VG_PART1 = t-cli t-complete t-export t-fhir t-hook t-i18n t-schema t-stats
VG_SCRIPTS = $(basename $(notdir $(wildcard tests/t-*.sh)))
check-valgrind: check-valgrind-1 check-valgrind-2
check-valgrind-1 check-valgrind-2: all $(HELPERS) $(BUILD)/iplan.pot \
		| check-deps
	@IPLAN_VALGRIND=1 IPLAN_RUN=$(@:check-valgrind-%=%) \
		IPLAN_SCRIPTS='$(if $(filter %-1,$@),$(VG_PART1), \
		$(filter-out $(VG_PART1),$(VG_SCRIPTS)))' sh tests/run.sh $(BUILD)

# The libFuzzer targets, against a library built for them in a tree of
# their own.  'check-fuzz' runs each on its regression inputs
# (tests/fuzz/regress/TARGET/) and on the seeds, every input once, so
# that 'make check' is deterministic; 'make fuzz' does that too, then
# fuzzes each target for FUZZ_TIME seconds in all, FUZZ_JOBS targets at
# once, each from the corpus the last run kept, and prints a line for
# each: its runs, coverage and crashes (see tests/fuzz/run.sh).
FUZZ_SAN = -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all
fuzz-build: | check-deps
	@$(MAKE) --no-print-directory BUILD=$(BUILD)-fuzz CC=clang \
		CFLAGS='-O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)' \
		LDFLAGS='$(SAN)' fuzz-targets

fuzz-targets: $(FUZZ_BINS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(wildcard tests/fuzz/*.h) \
		$(BUILD)/libiplan.a $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(CPPFLAGS) -Ilib $(PKG_CFLAGS) \
		-DIPLAN_SRCDIR='"$(CURDIR)"' \
		-o $@ $< $(BUILD)/libiplan.a $(LDFLAGS) $(PKG_LIBS)

fuzz: fuzz-build
	@FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(BUILD)-fuzz $(FUZZ_TIME)

check-fuzz: fuzz-build
	@FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(BUILD)-fuzz 0

# Speed and memory beside a floor (libyaml alone): not part of check.
bench: all
	@mkdir -p $(BUILD)/bench
	$(CC) $(CFLAGS) -Ilib -o $(BUILD)/bench/gen tests/bench/gen.c \
		$(BUILD)/libiplan.a $(LDFLAGS) $(PKG_LIBS)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $(BUILD)/bench/floor \
		tests/bench/floor.c $(LDFLAGS) $(PKG_LIBS)
	@sh tests/bench/bench.sh $(BUILD) $(BENCH_SIZES)

# Builds, then runs each command on the shipped examples.
demo: | install-deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh $(BUILD)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(DATADIR)/hooks $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7
	$(if $(DATA),mkdir -p $(DESTDIR)$(DATADIR) && \
		install -m 644 $(DATA) $(DESTDIR)$(DATADIR))
	install -m 644 lib/ip-plan.schema.json $(DESTDIR)$(DATADIR)
	install -m 755 $(BUILD)/hooks/pre-commit $(DESTDIR)$(DATADIR)/hooks/pre-commit
	install -m 755 $(BUILD)/hooks/pre-commit $(DESTDIR)$(DATADIR)/hooks/pre-merge-commit
	install -m 755 $(BUILD)/hooks/pre-receive $(DESTDIR)$(DATADIR)/hooks/pre-receive
	install -m 644 cmd/completion.bash $(DESTDIR)$(BASHCOMPDIR)/iplan
	for l in $(LINGUAS); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/iplan.mo \
		    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES || exit 1; \
	done
	for c in $(CMDS); do ln -sf iplan $(DESTDIR)$(BASHCOMPDIR)/$$c; done

uninstall:
	rm -f $(CMDS:%=$(DESTDIR)$(BINDIR)/%) \
		$(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) \
		$(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%) \
		$(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%) \
		$(DATA:lib/%=$(DESTDIR)$(DATADIR)/%) \
		$(DESTDIR)$(DATADIR)/ip-plan.schema.json \
		$(DESTDIR)$(DATADIR)/hooks/pre-commit \
		$(DESTDIR)$(DATADIR)/hooks/pre-merge-commit \
		$(DESTDIR)$(DATADIR)/hooks/pre-receive \
		$(DESTDIR)$(BASHCOMPDIR)/iplan $(CMDS:%=$(DESTDIR)$(BASHCOMPDIR)/%) \
		$(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/iplan.mo)
	-rmdir $(DESTDIR)$(DATADIR)/hooks $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf $(BUILD) build-*

FORCE:

.PHONY: FORCE all pot deps install-deps check-deps browser-debs \
	browser-deps check test test-deps check-browser check-asan \
	check-valgrind check-valgrind-1 check-valgrind-2 \
	fuzz-build fuzz-targets fuzz check-fuzz bench demo install uninstall \
	clean
.DELETE_ON_ERROR:
