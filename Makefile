# Two entry points for a fresh machine: `make run` opens the app on the bundled seeds,
# `make test` runs the whole suite (ruff, then pytest). Both use a local .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# compileall: an editable install leaves the package uncompiled, and with
# PYTHONDONTWRITEBYTECODE set every start would compile it again (about 40 ms).
$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q tui
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m compileall -q tui
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/seedreader $(ARGS)

test: $(STAMP_TEST)
	$(BIN)/ruff format --check tui tests benchmarks
	$(BIN)/ruff check tui tests benchmarks
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP_TEST)
	$(BIN)/ruff format tui tests benchmarks
	$(BIN)/ruff check --fix tui tests benchmarks

bench: $(STAMP_RUN)
	$(BIN)/python benchmarks/bench_index.py $(or $(CORPUS),seeds)

eval: $(STAMP_RUN)
	$(BIN)/python -m compileall -q tui
	$(BIN)/python benchmarks/eval_extraction.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
