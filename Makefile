# Every target creates .venv and installs what it needs, so each works first on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RETINA := $(VENV)/bin/retina
INSTALLED := $(VENV)/.installed-dev

.PHONY: install demo test bench lint format clean-venv

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# Generates the sample news web, cleans and stores it, and serves the reader (reuses data).
demo: $(INSTALLED)
	$(RETINA) demo

# pytest exits 5 when no test was collected; that is not a failure of the suite.
test: $(INSTALLED)
	$(PY) -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then exit 0; else exit $$rc; fi

bench: $(INSTALLED)
	$(PY) benchmarks/clean_speed.py
	$(MAKE) bench-dup
	$(MAKE) bench-poll

# Duplicates: sample-web quality, BBC News, datasketch (when installed, see bench extras), scale
# to 1M signatures (about 20 minutes and 1.3 GB in the temporary folder).
.PHONY: bench-dup
bench-dup: $(INSTALLED)
	$(PY) benchmarks/duplicates.py all

# 2,000 feeds on 200 loopback hosts of the sample web (docs/benchmarks.md).
.PHONY: bench-poll
bench-poll: $(INSTALLED)
	$(PY) benchmarks/polling.py

# Extraction quality against peer tools; they are the `bench` extras, installed only here.
BENCH_INSTALLED := $(VENV)/.installed-bench
.PHONY: bench-extract

$(BENCH_INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	touch $@

bench-extract: $(BENCH_INSTALLED)
	$(PY) benchmarks/extraction.py --output docs/benchmarks-extraction.md

# feedparser against fastfeedparser on ../shared/data/feeds and the sample web (docs/feeds.md).
.PHONY: bench-feeds
bench-feeds: $(BENCH_INSTALLED)
	$(PY) benchmarks/feed_parsers.py

# Mutated hostile input for the cleaner, the feed parser, the OPML reader and the web app; 10 minutes by
# default (FUZZ_SECONDS=3600 make fuzz). Findings go to fuzz/findings/ (docs/fuzzing.md).
FUZZ_SECONDS ?= 600
.PHONY: fuzz
fuzz: $(INSTALLED)
	$(PY) fuzz/fuzz.py --seconds $(FUZZ_SECONDS)

lint: $(INSTALLED)
	$(VENV)/bin/ruff check src tests benchmarks fuzz
	$(VENV)/bin/ruff format --check src tests benchmarks fuzz

format: $(INSTALLED)
	$(VENV)/bin/ruff format src tests benchmarks fuzz
	$(VENV)/bin/ruff check --fix src tests benchmarks fuzz

clean-venv:
	rm -rf $(VENV)
