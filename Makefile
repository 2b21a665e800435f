# muster - plain Makefile. Targets: all, run, check, check-layers, asan,
# bench, fuzz, install, install-system, uninstall, deb, format, clean. Sources
# are picked up by folder, so a new file needs no edit here.

CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    ?= build
OPT      ?= -O2
SAN      ?=
VERSION  := 0.1.0
# install-system: the shared server's database folder and the group that
# alone may enter it (contrib/DEPLOY.md)
STATEDIR ?= /var/lib/muster
GROUP    ?= muster

PKGS      := sqlite3 libical libsodium uuid ncursesw formw menuw panelw
# cairo and pango: only core/print*.c see their headers (see check-layers)
PRINT_PKGS := cairo pangocairo
PRINT_CFLAGS := $(shell pkg-config --cflags $(PRINT_PKGS) 2>/dev/null)
# GMime (and the glib under it): only core/mail*.c see its headers
MAIL_PKGS := gmime-3.0
MAIL_CFLAGS := $(filter-out -D%,$(shell pkg-config --cflags $(MAIL_PKGS) 2>/dev/null))
PKG_CFLAGS := $(filter-out -D%,$(shell pkg-config --cflags $(PKGS) 2>/dev/null)) -DNCURSES_WIDECHAR=1
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -Wno-format-truncation \
           -I/usr/include/iniparser $(PKG_CFLAGS) -DMUSTER_VERSION='"$(VERSION)"' $(SAN)
LDFLAGS += $(SAN)
CORE_LIBS := -lsqlite3 -lical -licalss -liniparser -lcsv -lsodium -luuid -ljansson -lm \
           $(shell pkg-config --libs $(PRINT_PKGS) 2>/dev/null) -lzint \
           $(shell pkg-config --libs $(MAIL_PKGS) 2>/dev/null)
TUI_LIBS  := $(PKG_LIBS) -lformw -lmenuw -lpanelw -lncursesw

CORE_SRC := $(wildcard core/*.c) $(wildcard db/*.c)
TUI_SRC  := $(wildcard tui/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_HELPERS := $(wildcard tests/helpers/*.c)
HELPER_BIN := $(TEST_HELPERS:tests/helpers/%.c=$(BUILD)/tests/%)

FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 60
# The fuzz targets' build: clang, libFuzzer, ASan and UBSan over all of core/ and db/.
FUZZ_MAKE = $(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT=-O1 \
	SAN="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined \
	     -fno-omit-frame-pointer -Wno-unknown-warning-option"

.PHONY: all completion deb run deps check check-layers unit asan bench fuzz fuzz-build fuzz-targets install \
	install-system uninstall format clean demo-db FORCE

all: muster completion

muster: $(BUILD)/muster
	cp $< $@

# Shell completion, made from the binary's own tables (tui/complete.h,
# contrib/completion/generate.sh): no list is kept by hand.
COMPLETION := $(BUILD)/completion/muster.bash $(BUILD)/completion/_muster

completion: $(COMPLETION)

$(BUILD)/completion/muster.dump: $(BUILD)/muster
	@mkdir -p $(dir $@)
	$(BUILD)/muster --complete-dump >$@.tmp && mv $@.tmp $@

$(BUILD)/completion/muster.bash: $(BUILD)/completion/muster.dump contrib/completion/muster.bash.in \
		contrib/completion/generate.sh
	sh contrib/completion/generate.sh bash $< contrib/completion/muster.bash.in >$@.tmp && mv $@.tmp $@

$(BUILD)/completion/_muster: $(BUILD)/completion/muster.dump contrib/completion/_muster.in \
		contrib/completion/generate.sh
	sh contrib/completion/generate.sh zsh $< contrib/completion/_muster.in >$@.tmp && mv $@.tmp $@

$(BUILD)/muster: $(TUI_OBJ) $(BUILD)/libmuster.a
	$(CC) $(LDFLAGS) -o $@ $(TUI_OBJ) $(BUILD)/libmuster.a $(CORE_LIBS) $(TUI_LIBS)

$(BUILD)/libmuster.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c $(wildcard core/*.h db/*.h tui/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/core/print.o $(BUILD)/core/print_%.o: CFLAGS += $(PRINT_CFLAGS)
$(BUILD)/core/mail.o $(BUILD)/core/mail_%.o: CFLAGS += $(MAIL_CFLAGS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libmuster.a $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Icore -Idb -o $@ $< $(BUILD)/libmuster.a $(CORE_LIBS) -lcmocka $(LDFLAGS)

$(BUILD)/tests/%: tests/helpers/%.c $(BUILD)/libmuster.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Icore -Idb -o $@ $< $(BUILD)/libmuster.a $(CORE_LIBS) $(LDFLAGS)

unit: $(UNIT_BIN) $(HELPER_BIN)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(BUILD)/libmuster.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libmuster.a $(CORE_LIBS) $(LDFLAGS) -fsanitize=fuzzer

fuzz-targets: $(FUZZ_BIN)

# libFuzzer targets in build-fuzz/fuzz/ (skipped, with a word, without clang).
fuzz-build:
	@if command -v clang >/dev/null 2>&1; then $(FUZZ_MAKE) fuzz-targets; \
	else echo "fuzz: clang is not installed (contrib/install-deps.sh); fuzz targets skipped"; fi

# Each target for FUZZ_SECONDS (default 60), seeded from tests/fixtures.
fuzz: deps fuzz-build
	@FUZZ_DIR=$(CURDIR)/build-fuzz/fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/fuzz.sh

# Install what is missing (quiet and quick when everything is there).
deps:
	@sh contrib/install-deps.sh

# Build, make the demo database at the default path if there is none, open it.
run: deps
	@$(MAKE) --no-print-directory all
	@./muster demo >/dev/null 2>&1 || true
	./muster

check: deps
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory check-layers
	@$(MAKE) --no-print-directory fuzz-build
	@MUSTER_BIN=$(CURDIR)/$(BUILD)/muster UNIT_DIR=$(CURDIR)/$(BUILD)/tests \
	    FUZZ_DIR=$(CURDIR)/build-fuzz/fuzz sh tests/run.sh

# The same suite again, built with AddressSanitizer and UBSan.
asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    build-asan/muster unit
	@ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    MUSTER_BIN=$(CURDIR)/build-asan/muster \
	    UNIT_DIR=$(CURDIR)/build-asan/tests sh tests/run.sh

# Layers: tui -> core -> db -> SQLite. Only db/ includes sqlite3.h; no
# curses outside tui/; core/ and db/ never include tui/; db/ includes from
# core/ only the leaf headers err.h, xmalloc.h, array.h, strbuf.h, utf8.h;
# only core/print*.c include cairo, pango and zint; only core/mail*.c
# include GMime.
check-layers:
	@sh tests/check-layers.sh

bench: all
	@sh tests/bench/run.sh

DOCS := contrib/muster.ini.sample contrib/KIOSK.md contrib/sshd-kiosk.conf contrib/DEPLOY.md
# where bash-completion and zsh look (a package: /usr/share/zsh/vendor-completions)
BASH_COMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSH_COMPDIR  ?= $(PREFIX)/share/zsh/site-functions

# The system build: the same objects, and tui/statedir.c compiled again
# with the database's folder (rebuilt each time: STATEDIR may differ).
$(BUILD)/system/statedir.o: tui/statedir.c tui/system.h FORCE
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -DMUSTER_STATEDIR='"$(STATEDIR)"' -c -o $@ $<

$(BUILD)/system/muster: $(filter-out $(BUILD)/tui/statedir.o,$(TUI_OBJ)) $(BUILD)/system/statedir.o \
		$(BUILD)/libmuster.a
	$(CC) $(LDFLAGS) -o $@ $(filter-out $(BUILD)/tui/statedir.o,$(TUI_OBJ)) \
	    $(BUILD)/system/statedir.o $(BUILD)/libmuster.a $(CORE_LIBS) $(TUI_LIBS)

FORCE:

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/doc/muster $(DESTDIR)$(BASH_COMPDIR) $(DESTDIR)$(ZSH_COMPDIR)
	install -m 0755 muster $(DESTDIR)$(PREFIX)/bin/muster
	install -m 0644 contrib/muster.1 $(DESTDIR)$(PREFIX)/share/man/man1/muster.1
	install -m 0644 $(DOCS) $(DESTDIR)$(PREFIX)/share/doc/muster/
	install -m 0644 $(BUILD)/completion/muster.bash $(DESTDIR)$(BASH_COMPDIR)/muster
	install -m 0644 $(BUILD)/completion/_muster $(DESTDIR)$(ZSH_COMPDIR)/_muster

# The shared server (contrib/DEPLOY.md), as root: the group GROUP (made when
# missing), the binary setgid to it (2755 root:GROUP), the folder STATEDIR
# only that group may enter (2770 root:GROUP), and, without DESTDIR, the
# database in it (0660 root:GROUP), made by root, who is so its first admin.
# A package does the first three with dpkg-statoverride and the last in its
# postinst (muster lead list, as root).
install-system: $(BUILD)/system/muster
	getent group $(GROUP) >/dev/null || groupadd --system $(GROUP)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/doc/muster
	install -o root -g $(GROUP) -m 2755 $(BUILD)/system/muster $(DESTDIR)$(PREFIX)/bin/muster
	install -m 0644 contrib/muster.1 $(DESTDIR)$(PREFIX)/share/man/man1/muster.1
	install -m 0644 $(DOCS) $(DESTDIR)$(PREFIX)/share/doc/muster/
	install -d -o root -g $(GROUP) -m 2770 $(DESTDIR)$(STATEDIR)
	[ -n "$(DESTDIR)" ] || $(PREFIX)/bin/muster lead list >/dev/null

# Removes what install put there (the same PREFIX and DESTDIR), nothing else.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/muster $(DESTDIR)$(PREFIX)/share/man/man1/muster.1 \
	    $(addprefix $(DESTDIR)$(PREFIX)/share/doc/muster/,$(notdir $(DOCS))) \
	    $(DESTDIR)$(BASH_COMPDIR)/muster $(DESTDIR)$(ZSH_COMPDIR)/_muster
	rmdir $(DESTDIR)$(PREFIX)/share/doc/muster 2>/dev/null || true

# The Debian package (debian/): dpkg-buildpackage on a copy of the source
# files git tracks (and new ones it does not ignore), made in
# $(BUILD)/deb/muster-$(VERSION), so nothing of this tree's build, test
# data or tests/interop/node_modules goes in; muster_$(VERSION)_ARCH.deb
# lands in $(BUILD)/deb/ and is copied to DEB_OUT (here).
# debian/changelog's version must be $(VERSION).
DEB_DIR := $(BUILD)/deb
DEB_SRC := $(DEB_DIR)/muster-$(VERSION)
DEB_OUT ?= .

deb:
	@v=$$(dpkg-parsechangelog -l debian/changelog -S Version) && [ "$$v" = "$(VERSION)" ] || \
	    { echo "make deb: debian/changelog says $$v, the Makefile $(VERSION)"; exit 2; }
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_SRC)
	git ls-files -z --cached --others --exclude-standard | \
	    tar -c --null -T - --ignore-failed-read -f - 2>/dev/null | tar -x -C $(DEB_SRC)
	cd $(DEB_SRC) && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL dpkg-buildpackage -us -uc -b
	cp $(DEB_DIR)/muster_$(VERSION)_*.deb $(DEB_OUT)/

format:
	clang-format -i $(wildcard core/*.[ch] db/*.[ch] tui/*.[ch] tests/unit/*.[ch] tests/helpers/*.c \
	    tests/fuzz/*.[ch])

clean:
	rm -rf build build-asan build-fuzz muster muster_*.deb
