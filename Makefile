# Two commands matter: `make report` and `make test`. Both build .venv from the lock first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Where SIPRI's raw exports are read from by `make data` and the SIPRI tests.
SIPRI_EXPORT_DIR ?= sipri-exports
export SIPRI_EXPORT_DIR

.DEFAULT_GOAL := help
.PHONY: help venv report notebooks test data lint env clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# Build matplotlib's font cache now, so its first-run notice never lands in a notebook.
	MPLBACKEND=Agg $(PY) -c "import matplotlib.pyplot"
	@touch $(STAMP)

venv: $(STAMP) ## Create or refresh .venv from requirements.lock

# Parameter overrides: make report PARAMS="01-arms-share:region=north-africa 01-arms-share:years=2014-2018"
PARAMS ?=
report: $(STAMP) ## Execute every notebook; write build/site/ and build/charts/ (PARAMS=...)
	$(PY) -m analysis report $(foreach p,$(PARAMS),--param $(p))

notebooks: $(STAMP) ## Re-execute the committed notebooks in place (after a data or code change)
	$(PY) -m analysis notebooks

test: $(STAMP) ## Run every test: unit, doctests, data contract, notebooks (nbval)
	$(PY) -m pytest

data: $(STAMP) ## Regenerate the derived SIPRI tables from $(SIPRI_EXPORT_DIR)
	$(PY) -m analysis data --exports "$(SIPRI_EXPORT_DIR)"

lint: $(STAMP) ## ruff over code and notebooks
	$(PY) -m ruff check src tests notebooks benchmarks

env: $(STAMP) ## Rewrite environment.yml from requirements.lock
	$(PY) -m analysis env --write

clean: ## Remove build/ (keeps .venv)
	rm -rf build
