# Thin wrapper around CMake: dependencies, build, demo, tests, figures.
# `make demo` and `make test` work on a fresh Debian 12 machine with gcc, cmake and make.

BUILD      ?= build
TEST_BUILD ?= build-test
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
DISRUPT    := $(BUILD)/disrupt

# Debian packages the build, the tests, the fonts and the notebooks need.
PACKAGES := cmake make gcc pkg-config libcsv-dev libgsl-dev libcairo2-dev libpango1.0-dev libjson-c-dev nettle-dev \
            check fonts-dejavu-core tzdata poppler-utils libxml2-utils python3 python3-nbclient bc \
            python3-nbformat python3-ipykernel groff-base man-db binutils libqhull-dev libgmp-dev chromium \
            clang libclang-rt-14-dev parallel slurmctld slurmd slurm-client munge

.PHONY: all deps build demo test fuzz plots datasets bench install deb clean

# make install [PREFIX=/usr/local] [DESTDIR=…]: the executable, libdisrupt (shared and
# static), headers, disrupt.pc, man pages and bash completion.
PREFIX     ?= /usr/local

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || printf '%s ' $$p; \
	  done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "disrupt: installing $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "disrupt: missing packages; run as root:"; \
	  echo "  apt-get install -y $$missing"; \
	  exit 1; \
	fi

$(BUILD)/Makefile: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DDISRUPT_TESTS=OFF

build: deps $(BUILD)/Makefile
	cmake --build $(BUILD) -j $(JOBS)

# The bundled Azerbaijan 2020 series is SYNTHETIC (see datasets/azerbaijan-2020/README.md);
# the chart's caption says so.
demo: build
	$(DISRUPT) detect --plot plots/azerbaijan-2020.png \
	  --events datasets/azerbaijan-2020/events.csv \
	  --title "Azerbaijan 2020: national traffic during the Nagorno-Karabakh war" \
	  --subtitle "Hourly traffic against its seasonal baseline; shaded: the disruption detected" \
	  datasets/azerbaijan-2020/traffic.csv

# make test also runs every fuzz harness briefly (TEST_FUZZ_SECONDS each).
TEST_FUZZ_SECONDS ?= 30
test: deps
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DDISRUPT_SANITIZE=ON -DDISRUPT_TESTS=ON
	cmake --build $(TEST_BUILD) -j $(JOBS)
	cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) FUZZ_SEED=1

# make fuzz [FUZZ_SECONDS=600]: the libFuzzer harnesses of tests/fuzz, built with clang in
# $(FUZZ_BUILD), each run FUZZ_SECONDS (JOBS at a time); the corpus grows between runs.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SEED    ?= 0
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DDISRUPT_FUZZ=ON -DDISRUPT_TESTS=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	FUZZ_SEED=$(FUZZ_SEED) bash tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(JOBS)

plots: build
	bash plots/make-plots.sh $(DISRUPT)

datasets: build
	bash datasets/make-datasets.sh $(DISRUPT)

bench: build
	bash bench/run.sh $(BUILD)

install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

# make deb: the Debian packages (disrupt, libdisrupt0, libdisrupt-dev) from a Release build
# for /usr in $(DEB_BUILD) with Debian's hardening flags (dpkg-buildflags), then lintian.
DEB_BUILD ?= build-deb
deb: deps
	@$(MAKE) -s deps PACKAGES="dpkg-dev lintian file"
	export DEB_BUILD_MAINT_OPTIONS=hardening=+all; \
	cmake -S . -B $(DEB_BUILD) -DCMAKE_BUILD_TYPE=Release -DDISRUPT_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr \
	  -DCMAKE_C_FLAGS="$$(dpkg-buildflags --get CFLAGS) $$(dpkg-buildflags --get CPPFLAGS)" \
	  -DCMAKE_EXE_LINKER_FLAGS="$$(dpkg-buildflags --get LDFLAGS)" \
	  -DCMAKE_SHARED_LINKER_FLAGS="$$(dpkg-buildflags --get LDFLAGS)"
	cmake --build $(DEB_BUILD) -j $(JOBS)
	cd $(DEB_BUILD) && cpack -G DEB
	lintian --info $(DEB_BUILD)/*.deb || true

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(DEB_BUILD) $(FUZZ_BUILD)
