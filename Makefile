# Two commands matter: `make report` and `make test`. Both build .venv from the lock first.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Where SIPRI's raw exports are read from by `make data` and the SIPRI tests.
SIPRI_EXPORT_DIR ?= sipri-exports
export SIPRI_EXPORT_DIR

# How .venv is built: `uv` (default; falls back to pip, saying so, when uv cannot be installed)
# or `pip` (the plain route: python -m venv and pip). Both install requirements.lock with
# hash checking; only this bootstrap touches the network.
BOOTSTRAP ?= uv
# uv's version and hashes live in requirements-uv.lock. A uv of exactly that version on PATH is
# used as it is; otherwise the Makefile installs that wheel from PyPI into $(TOOLS).
UV_VERSION := $(shell sed -n 's/^uv==\([^ ]*\).*/\1/p' requirements-uv.lock)
TOOLS ?= .tools
UV_DIR := $(TOOLS)/uv-$(UV_VERSION)
ifeq ($(shell uv --version 2>/dev/null | cut -d' ' -f2),$(UV_VERSION))
UV ?= uv
else
UV ?= $(UV_DIR)/bin/uv
endif
# Use this machine's Python, never a downloaded one; trust the system's CA store (uv reads
# neither pip's configuration nor, by default, the system certificates).
export UV_PYTHON_DOWNLOADS := never
export UV_SYSTEM_CERTS ?= 1
PIP_QUIET := --quiet --disable-pip-version-check

have_uv = { test -x "$(UV)" || command -v "$(UV)" >/dev/null; }
install_uv = echo "installing uv $(UV_VERSION) into $(UV_DIR) (hash-checked)" && \
	rm -rf "$(UV_DIR).tmp" && \
	PIP_ROOT_USER_ACTION=ignore $(PYTHON) -m pip install $(PIP_QUIET) --no-deps --only-binary :all: \
	  --require-hashes --target "$(UV_DIR).tmp" -r requirements-uv.lock && \
	mv "$(UV_DIR).tmp" "$(UV_DIR)"
# uv: sync makes the venv exactly the lock (hashes required), then the package itself, editable,
# built by the locked setuptools without build isolation (so nothing is fetched unchecked);
# --compile-bytecode writes the .pyc files pip writes by default (each kernel imports pandas cold).
venv_uv = { test -x $(PY) || $(UV) venv --quiet --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')" $(VENV); } && \
	$(UV) pip sync --quiet --compile-bytecode --python $(PY) --require-hashes requirements.lock && \
	$(UV) pip install --quiet --compile-bytecode --python $(PY) --no-deps --no-build-isolation -e .
venv_pip = { test -x $(VENV)/bin/pip || $(PYTHON) -m venv $(VENV); } && \
	$(PY) -m pip install $(PIP_QUIET) --require-hashes -r requirements.lock && \
	$(PY) -m pip install $(PIP_QUIET) --no-deps --no-build-isolation -e .

.DEFAULT_GOAL := help
NODE_STAMP := node_modules/.installed
.PHONY: help venv node_modules cffconvert serve report notebooks test bench data lint env lock \
	clean screenshots

help: ## List the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@if [ "$(BOOTSTRAP)" = pip ]; then route=pip; \
	elif $(have_uv) || ( $(install_uv) ); then route=uv; \
	else echo "warning: could not install uv $(UV_VERSION); building $(VENV) with pip instead" >&2; \
	  route=pip; fi; \
	if [ $$route = uv ]; then echo "$(VENV): uv $(UV_VERSION), requirements.lock, hashes checked"; \
	  $(venv_uv); \
	else echo "$(VENV): pip, requirements.lock, hashes checked"; $(venv_pip); fi
	@# Build matplotlib's font cache now, so its first-run notice never lands in a notebook.
	MPLBACKEND=Agg $(PY) -c "import matplotlib.pyplot"
	@touch $(STAMP)

venv: $(STAMP) ## Create or refresh .venv from requirements.lock (BOOTSTRAP=pip: without uv)

# The web validators and the browser the tests run (vnu.jar, axe-core, puppeteer-core and a
# headless Chromium inside @sparticuz/chromium), pinned with their hashes by package-lock.json.
# --ignore-scripts: no install script runs (vnu-jar's would fetch a Java; the machine's is used).
# The browser is unpacked here once, into node_modules/.cache/chromium/<version>/, so that a
# machine where it cannot start says so now (tests/js/chromium.mjs; CHROME_PATH names another).
# Without npm this warns and goes on: the browser and validator tests then fail, saying why.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
	    && touch $@ && { node tests/js/chromium.mjs >/dev/null \
	      || echo "warning: no browser for the browser tests (see the line above)" >&2; }; \
	else echo "warning: npm not found (install Node.js 18+ with npm): the browser and validator tests will fail"; fi

node_modules: $(NODE_STAMP) ## Install lunr.js (the search) and the web validators from package-lock.json

# cffconvert (validates CITATION.cff) lives in its own venv: it needs jsonschema<4, which the
# main lock cannot hold beside JupyterLab. Installed from requirements-cffconvert.lock, hashes
# checked, no dependency resolution at install time; docopt has no wheel, so its sdist is built
# with the locked setuptools, installed first (no build isolation: nothing fetched unchecked).
CFF_VENV := $(TOOLS)/cffconvert
CFFCONVERT := $(CFF_VENV)/bin/cffconvert
$(CFFCONVERT): requirements-cffconvert.lock
	rm -rf "$(CFF_VENV)" && $(PYTHON) -m venv "$(CFF_VENV)" && \
	  awk '/^setuptools==/{p=1; print; next} p && /^ /{print; next} {p=0}' \
	    requirements-cffconvert.lock > "$(CFF_VENV)/build.txt" && \
	  PIP_ROOT_USER_ACTION=ignore "$(CFF_VENV)/bin/pip" install $(PIP_QUIET) --no-deps \
	  --only-binary :all: --require-hashes -r "$(CFF_VENV)/build.txt" && \
	  PIP_ROOT_USER_ACTION=ignore "$(CFF_VENV)/bin/pip" install $(PIP_QUIET) --no-deps \
	  --no-build-isolation --require-hashes -r requirements-cffconvert.lock
	@touch $@

cffconvert: $(CFFCONVERT) ## Install cffconvert (CITATION.cff's validator) into .tools/cffconvert

# Parameter overrides: make report PARAMS="01-arms-share:region=north-africa 01-arms-share:years=2014-2018"
PARAMS ?=
report: $(STAMP) $(NODE_STAMP) ## Execute every notebook; write build/site/ and build/charts/ (PARAMS=...)
	$(PY) -m analysis report $(foreach p,$(PARAMS),--param $(p))

# Datasette over the Data Package as SQLite (built from data/datapackage.json), read-only, on
# this machine only: make serve PORT=8002 to change the port.
PORT ?= 8001
serve: $(STAMP) ## Query the data in Datasette on http://127.0.0.1:8001/ (PORT=...; Ctrl-C stops it)
	$(PY) -m analysis serve --host 127.0.0.1 --port $(PORT)

# Every page of build/site in the project's headless Chromium at a desktop and a phone width,
# whole pages, into build/screenshots/{desktop,phone}/ (run make report first).
screenshots: $(NODE_STAMP) ## Screenshot every page of build/site at 1280 px and 390 px
	@test -f build/site/index.html || { echo "no build/site: run make report first" >&2; exit 1; }
	node tests/js/browse.mjs --full-page --width 1280 --out build/screenshots/desktop \
	  $$(find build/site -name '*.html' | sort) >/dev/null
	node tests/js/browse.mjs --full-page --width 390 --height 844 --out build/screenshots/phone \
	  $$(find build/site -name '*.html' | sort) >/dev/null
	@echo "wrote build/screenshots/desktop/ and build/screenshots/phone/"

notebooks: $(STAMP) ## Re-execute the committed notebooks in place, refresh their text pairs
	$(PY) -m analysis notebooks

test: $(STAMP) $(NODE_STAMP) $(CFFCONVERT) ## Run every test: unit, doctests, data contract, notebooks, validators
	$(PY) -m pytest

# The speed targets, each a ratio against its baseline run alongside (see docs/benchmarks.md).
# bench_bootstrap downloads the lock from PyPI twice; the others run offline. About 25 minutes.
bench: $(STAMP) ## Print every speed ratio: bootstrap, SIPRI importer, report build, 60 runs
	$(PY) benchmarks/bench_bootstrap.py
	$(PY) benchmarks/bench_sipri_import.py
	$(PY) benchmarks/bench_report.py
	$(PY) benchmarks/bench_countries.py

data: $(STAMP) ## Regenerate the derived SIPRI tables from $(SIPRI_EXPORT_DIR)
	$(PY) -m analysis data --exports "$(SIPRI_EXPORT_DIR)"

lint: $(STAMP) ## ruff over code and notebooks
	$(PY) -m ruff check src tests notebooks benchmarks

env: $(STAMP) ## Rewrite environment.yml from requirements.lock
	$(PY) -m analysis env --write

# Resolved for the interpreter the project is tested on; the current pins are kept as
# preferences, so only what pyproject.toml changed moves (UPGRADE=1 lets everything move).
lock: ## Re-resolve requirements.lock (hashes) from pyproject.toml with uv (UPGRADE=1)
	@$(have_uv) || ( $(install_uv) )
	$(UV) pip compile --quiet pyproject.toml --group build --generate-hashes \
	  --python-version 3.11.7 --python-platform x86_64-manylinux_2_28 \
	  --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) -o requirements.lock
	$(UV) pip compile --quiet requirements-cffconvert.in --generate-hashes \
	  --python-version 3.11.7 --python-platform x86_64-manylinux_2_28 \
	  --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) \
	  -o requirements-cffconvert.lock

clean: ## Remove build/ (keeps .venv)
	rm -rf build
