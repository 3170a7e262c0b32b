# Patron — make run · make test · make bench
# Each target does the whole set-up on a fresh Debian machine: libcsv's header, the Swift
# build, and (for tests and benchmarks) a Python virtual environment with pyarrow and pandas
# that interop tests and the peer benchmarks use. The product itself never needs Python.

SWIFT ?= swift
PIPELINE ?= customer-health
VENV := .venv
PYTHON := $(VENV)/bin/python
PY_PACKAGES := pyarrow pandas

.PHONY: run test test-slurm check bench fuzz build release deps pyenv browser clean format lint docs train-sentiment

run: deps
	$(SWIFT) build -c release --product patron
	.build/release/patron run $(PIPELINE)

# The end-to-end tests run the release binary, the one users run (and fast enough to run
# real pipelines such as CDNOW); the unit tests run in the debug build.
test: deps pyenv browser
	$(SWIFT) build -c release --product patron
	$(SWIFT) build --build-tests
	PATRON_PYTHON=$(abspath $(PYTHON)) PATRON_BIN=$(abspath .build/release/patron) PATRON_REQUIRE_BROWSER=1 $(SWIFT) test --skip-build

# The Slurm driver's tests (`run --executor slurm`, `export slurm`) against a real single-node
# cluster: as root, Tests/Slurm/cluster.sh installs slurm-wlm and munge if missing (Debian),
# starts munged, slurmctld and slurmd under SLURM_DIR without systemd, and stops them after.
SLURM_DIR ?= /tmp/patron-slurm-test
test-slurm: deps
	$(SWIFT) build -c release --product patron
	$(SWIFT) build --build-tests
	Tests/Slurm/cluster.sh start $(SLURM_DIR)
	SLURM_CONF=$(SLURM_DIR)/slurm.conf PATRON_TEST_SLURM=1 PATRON_BIN=$(abspath .build/release/patron) \
	  $(SWIFT) test --skip-build --filter SlurmTests; status=$$?; Tests/Slurm/cluster.sh stop $(SLURM_DIR); exit $$status

# Regenerates every pipeline's report into a temporary folder and compares it with Reports/
# (exit 3 when a committed report is stale: run the pipeline and commit Reports/).
check: deps
	$(SWIFT) build -c release --product patron
	.build/release/patron check --all

bench: deps pyenv
	@$(PYTHON) -c "import sklearn, lifetimes, vaderSentiment" 2>/dev/null || $(PYTHON) -m pip install -q --disable-pip-version-check scikit-learn lifetimes vaderSentiment
	$(SWIFT) build -c release --product patron
	$(SWIFT) build -c release --package-path Benchmarks --product SentimentThroughput
	PATRON_PYTHON=$(abspath $(PYTHON)) Benchmarks/run.sh

# Retrains the sentiment stage's learned layer (Sources/PatronModels/Resources/lexicons/
# model-LANG.bin) from ../shared/data/sentiment-train (or PATRON_SENTIMENT_TRAIN) with
# scikit-learn, on features Patron's own scorer extracts (Benchmarks' SentimentFeatures).
# Deterministic: the same data gives the same bytes. Then rebuild and `make bench`.
# Trains the sentiment models, then rebuilds patron: a build copies the models into its
# resource bundle, and a stale binary would score with the old ones without a word. Each
# language is trained at the point pinned in Training/sentiment/grid.tsv; SEARCH=1 searches the
# grid again and prints what it chose (pin it by editing grid.tsv). The libraries are pinned in
# Training/sentiment/requirements.txt: with them the same code and data give the shipped bytes.
train-sentiment: deps pyenv
	$(PYTHON) -m pip install -q --disable-pip-version-check -r Training/sentiment/requirements.txt
	$(SWIFT) build -c release --package-path Benchmarks --product SentimentFeatures
	$(PYTHON) Training/sentiment/train.py $(if $(SEARCH),--search)
	$(SWIFT) build -c release --product patron

# libFuzzer on the CSV reader, the pipeline-file parser and the Arrow IPC reader (FUZZ_SECONDS
# each, with address sanitizer), two 2 GB non-CSV files and a 2.2 GiB text column, and KILLS
# runs killed at random moments. What libFuzzer
# finds is saved in .build/fuzz/found/; see Tests/Fuzz/README.md.
FUZZ_SECONDS ?= 120
KILLS ?= 60
FUZZ_FLAGS = -timeout=10 -rss_limit_mb=2048 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1
fuzz: deps
	PATRON_FUZZ=1 $(SWIFT) build -c release --scratch-path .build/fuzz --product FuzzCSV -Xswiftc -sanitize=fuzzer,address
	PATRON_FUZZ=1 $(SWIFT) build -c release --scratch-path .build/fuzz --product FuzzPipeline -Xswiftc -sanitize=fuzzer,address
	PATRON_FUZZ=1 $(SWIFT) build -c release --scratch-path .build/fuzz --product FuzzArrow -Xswiftc -sanitize=fuzzer,address
	mkdir -p .build/fuzz/corpus/csv .build/fuzz/corpus/pipeline .build/fuzz/corpus/arrow .build/fuzz/found
	ASAN_OPTIONS=detect_leaks=0 .build/fuzz/release/FuzzCSV $(FUZZ_FLAGS) -max_len=4096 -artifact_prefix=.build/fuzz/found/csv- .build/fuzz/corpus/csv Tests/Fuzz/corpus/csv Tests/Fuzz/corpus/csv-found
	ASAN_OPTIONS=detect_leaks=0 .build/fuzz/release/FuzzPipeline $(FUZZ_FLAGS) -max_len=8192 -artifact_prefix=.build/fuzz/found/pipeline- .build/fuzz/corpus/pipeline Tests/Fuzz/corpus/pipeline Tests/Fuzz/corpus/pipeline-found
	ASAN_OPTIONS=detect_leaks=0 .build/fuzz/release/FuzzArrow $(FUZZ_FLAGS) -max_len=8192 -artifact_prefix=.build/fuzz/found/arrow- .build/fuzz/corpus/arrow Tests/Fuzz/corpus/arrow Tests/Fuzz/corpus/arrow-found
	$(SWIFT) build -c release --product patron
	PATRON_BIN=$(abspath .build/release/patron) Tests/Fuzz/huge-inputs.sh
	$(SWIFT) build --build-tests
	PATRON_BIN=$(abspath .build/release/patron) PATRON_KILLS=$(KILLS) PATRON_KILL_SEED=$$(date +%s) $(SWIFT) test --skip-build --filter killedAtRandomMomentsTheNextRunCompletesIdentically

# The code's layout is swift-format's (bundled with the toolchain), configured in .swift-format:
# `make format` rewrites Sources, Tests and Benchmarks in place; `make lint` (run by CI) fails
# on any difference and on a public declaration without documentation.
FORMAT_PATHS = Sources Tests Benchmarks/Sources Package.swift Benchmarks/Package.swift
format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

# The README's parameter tables come from the modules' declarations: `make docs` rewrites
# them (the tests fail while they differ).
docs: release
	.build/release/patron modules --format markdown | python3 docs/update_module_tables.py README.md

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product patron

# The C libraries Patron wraps, from Debian: libcsv (the CSV parser, libcsv-dev) and OpenSSL's
# libcrypto (SHA-256 for cache keys and file hashes, libssl-dev).
DEB_PACKAGES = libcsv-dev libssl-dev
deps:
	@if [ ! -f /usr/include/csv.h ] || [ ! -f /usr/include/openssl/sha.h ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $(DEB_PACKAGES) (libcsv's and libcrypto's headers and libraries)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES)) >/dev/null || exit 1; \
	  else \
	    echo "Patron needs libcsv and libcrypto. Install them, then rerun make:"; \
	    echo "    sudo apt-get install $(DEB_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

$(PYTHON):
	python3 -m venv $(VENV)

pyenv: $(PYTHON)
	@$(PYTHON) -c "import pyarrow, pandas" 2>/dev/null || $(PYTHON) -m pip install -q --disable-pip-version-check $(PY_PACKAGES)

# The report tests load each committed report in headless Chromium (Debian's package).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium (the report tests open the reports in a headless browser)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null || exit 1; \
	  else \
	    echo "The report tests need Chromium. Install it, then rerun make:"; \
	    echo "    sudo apt-get install chromium"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf .build $(VENV)
