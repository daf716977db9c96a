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
NODE_STAMP := node_modules/.installed
.PHONY: help venv node_modules report test data lint env clean

help: ## List the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@# Build matplotlib's font cache now, so its first-run notice never lands in a notebook.
	MPLBACKEND=Agg $(PY) -c "import matplotlib.pyplot"
	@touch $(STAMP)

venv: $(STAMP) ## Create or refresh .venv from requirements.lock

# The web validators the tests run (vnu.jar, axe-core, puppeteer-core), pinned by
# package-lock.json. --ignore-scripts: no browser download (Debian's chromium is used) and no
# Java download (vnu-jar's postinstall would fetch one; Debian's default-jre-headless is used).
# Without npm this warns and goes on: tests/test_validators.py then fails, saying what is missing.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
	    && touch $@; \
	else echo "warning: npm not found (apt-get install nodejs npm): the validator tests will fail"; fi

node_modules: $(NODE_STAMP) ## Install the web validators from package-lock.json (npm ci)

# Parameter overrides: make report PARAMS="01-arms-share:region=north-africa 01-arms-share:years=2014-2018"
PARAMS ?=
report: $(STAMP) ## Execute every notebook; write build/site/ and build/charts/ (PARAMS=...)
	$(PY) -m analysis report $(foreach p,$(PARAMS),--param $(p))

test: $(STAMP) $(NODE_STAMP) ## Run every test: unit, doctests, data contract, notebooks, validators
	$(PY) -m pytest

data: $(STAMP) ## Regenerate the derived SIPRI tables from $(SIPRI_EXPORT_DIR)
	$(PY) -m analysis data --exports "$(SIPRI_EXPORT_DIR)"

lint: $(STAMP) ## ruff over code and notebooks
	$(PY) -m ruff check src tests notebooks benchmarks

env: $(STAMP) ## Rewrite environment.yml from requirements.lock
	$(PY) -m analysis env --write

clean: ## Remove build/ (keeps .venv)
	rm -rf build
