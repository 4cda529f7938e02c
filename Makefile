# The two commands that matter: `make figures` and `make test`.
# Both create .venv if it is missing and install requirements.txt into it.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

# Human-labelled validation data (PTC-2020 has no stated licence and is never
# committed).  Point ANALYSIS_VALIDATION_DATA elsewhere to use another copy.
ANALYSIS_VALIDATION_DATA ?= $(abspath ../shared/validation)
export ANALYSIS_VALIDATION_DATA

.DEFAULT_GOAL := help
.PHONY: help setup check figures test lab bench docs clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install pinned requirements (once)

figures: setup ## Execute every notebook in order (headless, in place) and write figures/
	$(PY) -m analysis notebooks

check: setup ## Lint (ruff), type-check analysis/ (mypy) and run every module's doctests
	$(VENV)/bin/ruff check analysis tests benchmarks docs
	$(VENV)/bin/mypy
	$(PY) -m pytest --doctest-modules analysis -q -p no:cacheprovider

test: check ## Lint, types and doctests (make check), then the test suite
	$(PY) -m pytest tests

# LAB_ARGS passes options to JupyterLab, e.g. make lab LAB_ARGS="--port 8899 --no-browser".
# As root (containers) --allow-root is added, since JupyterLab refuses to start otherwise.
LAB_ARGS ?=
lab: setup ## Open JupyterLab on notebooks/ (options: LAB_ARGS="--port 8899 --no-browser")
	$(VENV)/bin/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root) $(LAB_ARGS)

bench: setup ## Run the benchmarks in benchmarks/ (prints throughput, ratios, peak RSS)
	$(PY) benchmarks/bench_scoring.py
	$(PY) benchmarks/bench_ru_uk.py
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_extract_ru_uk.py

docs: setup ## Build the API reference (pdoc) into build/docs/ (not committed); fails on any warning
	$(PY) docs/build_api.py build/docs

clean: ## Remove caches (keeps .venv and committed figures)
	rm -rf .pytest_cache .hypothesis build dist *.egg-info
