# Hearth: the two commands are `make demo` and `make check` (see README.md).
# Every target installs what is missing first (scripts/install-deps), so a fresh Debian 12
# machine needs nothing else.

BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
PORT       ?= 8080
JOBS       ?= $(shell nproc)
# Warnings are errors in CI (CI=true), warnings elsewhere.
WERROR     ?= $(if $(CI),ON,OFF)

.PHONY: all deps configure build demo check check-asan bench format format-check fuzz clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DHEARTH_WERROR=$(WERROR) >/dev/null

build: configure
	@ninja -C $(BUILD) -j$(JOBS)

# A synthetic medium-sized authority in var/demo.db (made once, reused after), served on
# http://127.0.0.1:$(PORT).
demo: build
	@mkdir -p var
	@$(BUILD)/hearth demo --db var/demo.db --port $(PORT)

# Every test: unit, store (SQLite and a throwaway PostgreSQL), server, command line.
check: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan: deps
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHEARTH_SANITIZE=ON -DHEARTH_WERROR=$(WERROR) >/dev/null
	@ninja -C build-asan -j$(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j$(JOBS)

# Benchmarks: figures printed, and recorded by hand in docs/PERFORMANCE.md with date and machine.
bench: build
	@bench/run.sh $(BUILD)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror

# Coverage-guided fuzzing of the parsers of outside input (needs clang; see tests/fuzz/README.md).
fuzz: deps
	@tests/fuzz/run.sh

clean:
	@rm -rf $(BUILD) build-asan build-fuzz
