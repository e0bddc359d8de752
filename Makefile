# studykb — every target creates the virtual environment from pyproject.toml on first use.
# VENV=path uses another environment; make installs studykb only into an environment it
# created itself (the checkout's .venv, or one it created at VENV= and marked so).
VENV ?= .venv
PYTHON_SYSTEM ?= python3
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
STAMP := $(VENV)/.studykb-installed
CREATED := $(VENV)/.studykb-created
OURS := $(if $(filter .venv,$(VENV)),yes,$(if $(wildcard $(CREATED)),yes,$(if $(wildcard $(VENV)),,yes)))
PIP := $(PY) -m pip --quiet --disable-pip-version-check
PORT ?= 8000
REMOTE ?= origin
FORCE ?=
ONLY ?=
DEVICE ?=
BENCH_QUICK ?=
BENCH_COMPARE ?=
DIRTY ?= 1

.DEFAULT_GOAL := help
.PHONY: help serve site pages check test golden anki experiments bench e2e deploy screenshots clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'
	@echo "Settings: make serve PORT=8001 (another port), DIRTY=0 (rebuild every page); VENV=path (another"
	@echo "  environment; make installs into it only if make created it); REMOTE=, FORCE=1, ONLY=, DEVICE=gpu, BENCH_QUICK=1"

# setuptools warns at every editable install of a package kept outside a src/ folder that a
# folder of the package's name may take precedence on import: here that folder is the code.
$(STAMP): pyproject.toml requirements.lock
ifeq ($(OURS),yes)
	@test -x $(PY) || { echo "make: creating $(VENV) and installing studykb into it (a minute or two, once)"; \
		$(PYTHON_SYSTEM) -m venv $(VENV) && touch $(CREATED); }
	@$(PIP) install --upgrade pip
	@$(PIP) install -r requirements.lock && PYTHONWARNINGS='ignore:Editable installation' $(PIP) install --no-deps -e .
	@touch $(STAMP)
else
	@echo "make: $(VENV) was not created by make here, so nothing is installed into it; to use this checkout there: $(PY) -m pip install -e '.[test]'"
endif

# The port is checked first: mkdocs serve on a taken port ends in a traceback.
port_taken = $(shell $(PYTHON_SYSTEM) -c 'import socket; print("taken" if socket.socket().connect_ex(("127.0.0.1", $(1))) == 0 else "")')

serve: $(STAMP) ## build and serve the site on http://127.0.0.1:8000/ (PORT=8001: another port); a log edit rebuilds only the pages it changed (DIRTY=0: every page)
	$(if $(call port_taken,$(PORT)),$(error port $(PORT) is taken (another make serve?); run make serve PORT=$(shell expr $(PORT) + 1)))
	@$(MKDOCS) serve --dev-addr 127.0.0.1:$(PORT) $(if $(filter 1,$(DIRTY)),--dirty)

site: $(STAMP) ## build the site into site/ (mkdocs build --strict; a failed build keeps the old site)
	$(PY) -m studykb site

pages: $(STAMP) ## only write the generated pages under docs/generated/
	$(PY) -m studykb pages

check: $(STAMP) ## report problems in the logs as file:line diagnostics (non-zero exit on errors)
	$(PY) -m studykb check

test: $(STAMP) ## run the tests (browser tests too when Chromium is installed)
	$(PY) -m pytest

golden: $(STAMP) ## regenerate the golden pages of the seed log (tests/golden/)
	$(PY) -m tests.golden_update

anki: $(STAMP) ## write the recall cards as an Anki deck, recall.apkg (re-importing it updates the cards)
	$(PY) -m studykb anki --out recall.apkg

experiments: $(STAMP) ## re-run stale experiments the logs refer to (FORCE=1 all, ONLY=<id> one, and a heavy one only so; DEVICE=gpu)
	$(PY) -m studykb experiments $(if $(FORCE),--force) $(if $(ONLY),--only $(ONLY)) $(if $(DEVICE),--device $(DEVICE))

bench: $(STAMP) ## measure the build at 10 to 10,000 sessions and write the Performance page (BENCH_QUICK=1 stops at 1,000; BENCH_COMPARE=<commit> also compares cold builds with that commit)
	$(PY) -m bench $(if $(BENCH_QUICK),--quick) $(if $(BENCH_COMPARE),--compare $(BENCH_COMPARE))

e2e: $(STAMP) ## browser end-to-end tests only (needs /usr/bin/chromium)
	$(PY) -m pytest -m e2e

deploy: $(STAMP) ## build and publish the site to the gh-pages branch of REMOTE (default origin)
	$(MKDOCS) gh-deploy --strict --force --remote-name $(REMOTE)

screenshots: $(STAMP) ## refresh the README screenshots in docs/images/ (needs /usr/bin/chromium)
	$(PY) -m tests.e2e.screenshots

clean: ## remove the built site and the generated pages
	rm -rf site .site-builds docs/generated
