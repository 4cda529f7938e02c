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
.PHONY: help setup figures test lab bench corpus clean

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

test: setup ## Run the test suite
	$(PY) -m pytest tests

lab: setup ## Open JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab notebooks/

bench: setup ## Run the benchmarks in benchmarks/ (prints throughput, ratios, peak RSS)
	$(PY) benchmarks/bench_scoring.py
	$(PY) benchmarks/bench_extract.py

clean: ## Remove caches (keeps .venv and committed figures)
	rm -rf .pytest_cache .hypothesis build dist *.egg-info
