# mvee - multi-variant execution environment. See README.md.
#   make          build build/mvee
#   make demo     install what is missing, build, run a real program under mvee
#   make check    all tests (unit, programs, real programs, divergences, ASan)
#   make bench    benchmarks (see bench/)
#   make soak     lighttpd under mvee -n 2 with wrk load for 5 minutes
#                 (tests/soak/run.sh; SOAK_SECS=N for another length)
#   make install  PREFIX=/usr/local

CC ?= cc
CFLAGS ?= -O2 -g
PREFIX ?= /usr/local
WARN := -std=gnu11 -Wall -Wextra -Werror
CPPFLAGS += -D_GNU_SOURCE -Isrc
LDLIBS := -lseccomp -ljansson

# Debian packages the build and the tests need
DEB_PKGS := gcc make libseccomp-dev libjansson-dev libcmocka-dev pkg-config sqlite3 python3 gzip coreutils
INSTALL_STAMP := build/.deps
# those the soak test needs (make soak, and its short run in make check)
# and those the benchmarks need (make bench, bench/run.sh); their stamps
# are remade, checking again, whenever the Makefile changes
SOAK_PKGS := lighttpd wrk curl iproute2
SOAK_STAMP := build/.soak-deps
BENCH_PKGS := $(SOAK_PKGS) redis-server redis-tools
BENCH_STAMP := build/.bench-deps
SOAK_SECS ?= 300

# $(call install_pkgs,PACKAGES): apt-get install those of PACKAGES that
# dpkg does not list as installed (as root), then touch the target stamp
define install_pkgs
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "mvee: run as root (or install:$$missing)"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@mkdir -p build && touch $@
endef

SRC := $(sort $(wildcard src/*.c src/handlers/*.c))
LIBSRC := $(filter-out src/main.c,$(SRC))
OBJ := $(patsubst src/%.c,build/obj/%.o,$(LIBSRC))
ASAN_OBJ := $(patsubst src/%.c,build/asan/%.o,$(SRC))
HDR := $(wildcard src/*.h src/handlers/*.h)

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,build/unit/%,$(UNIT_SRC))

.PHONY: all deps demo check unit programs asan-check bench soak install clean format

all: build/mvee

deps: $(INSTALL_STAMP)
$(INSTALL_STAMP):
	$(call install_pkgs,$(DEB_PKGS))

$(SOAK_STAMP): Makefile | $(INSTALL_STAMP)
	$(call install_pkgs,$(SOAK_PKGS))

$(BENCH_STAMP): Makefile | $(INSTALL_STAMP)
	$(call install_pkgs,$(BENCH_PKGS))

build/obj/%.o: src/%.c $(HDR) | $(INSTALL_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

build/libmvee.a: $(OBJ)
	ar rcs $@ $^

build/mvee: build/obj/main.o build/libmvee.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/asan/%.o: src/%.c $(HDR) | $(INSTALL_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer $(CPPFLAGS) -c -o $@ $<

build/mvee-asan: $(ASAN_OBJ)
	$(CC) -fsanitize=address,undefined -o $@ $^ $(LDLIBS)

build/unit/%: tests/unit/%.c build/libmvee.a
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -o $@ $< build/libmvee.a $(LDLIBS) -lcmocka

demo: deps build/mvee
	@echo '$$ build/mvee -n 2 -- ls -la /usr/bin | head'
	@build/mvee -n 2 -- ls -la /usr/bin | head

unit: $(UNIT_BIN)
	@pass=0; fail=0; for t in $(UNIT_BIN); do \
	  if $$t; then pass=$$((pass+1)); else fail=$$((fail+1)); echo "FAIL $$t"; fi; \
	done; echo "unit: $$pass passed, $$fail failed"; [ $$fail = 0 ]

check: deps $(SOAK_STAMP) build/mvee build/mvee-asan $(UNIT_BIN)
	@tests/check.sh

bench: deps $(BENCH_STAMP) build/mvee
	@bench/run.sh

soak: deps $(SOAK_STAMP) build/mvee
	@SOAK_SECS=$(SOAK_SECS) tests/soak/run.sh

install: build/mvee
	install -D -m 755 build/mvee $(DESTDIR)$(PREFIX)/bin/mvee
	install -D -m 644 mvee.1 $(DESTDIR)$(PREFIX)/share/man/man1/mvee.1

format:
	clang-format -i src/*.c src/*.h src/handlers/*.c

clean:
	rm -rf build
