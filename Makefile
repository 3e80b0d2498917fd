# Two set-up commands on a fresh machine: `make demo` and `make test`. Each builds .venv if missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench instructions clean install

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/wirecrawl demo

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff check wirecrawl tests benchmarks
	$(BIN)/ruff format --check wirecrawl tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format wirecrawl tests benchmarks
	$(BIN)/ruff check --fix wirecrawl tests benchmarks

# Benchmarks need nginx (Debian's package); as root it is installed when missing, with jemalloc
# (libjemalloc2), which crawls run on when it is installed (see wirecrawl/allocator.py).
# Extra options: make bench BENCH_ARGS=--quick (see .venv/bin/python -m benchmarks.run --help).
bench: $(STAMP)
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get install -y nginx || { apt-get update && apt-get install -y nginx; }; \
	  else echo "make bench needs nginx: run 'sudo apt-get install -y nginx' first" >&2; exit 1; fi; }
	@ls /usr/lib/*-linux-gnu/libjemalloc.so.2 >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get install -y libjemalloc2 || { apt-get update && apt-get install -y libjemalloc2; }; \
	  else echo "note: crawls run on the system allocator (install libjemalloc2 for jemalloc)" >&2; fi; }
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# Instructions a page under valgrind's callgrind, the working tree beside a revision: a
# repeatable figure for per-page changes on a noisy machine (valgrind installed as root when
# missing). make instructions INSTR_ARGS="--against HEAD~3 --stage pipeline"
instructions: $(STAMP)
	@command -v valgrind >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get install -y valgrind || { apt-get update && apt-get install -y valgrind; }; \
	  else echo "make instructions needs valgrind: run 'sudo apt-get install -y valgrind'" >&2; exit 1; fi; }
	$(BIN)/python -m benchmarks.instructions $(or $(INSTR_ARGS),--against HEAD)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
