# Plan map: the two commands a user needs are `make run` and `make test`.
# Everything else here is what those two do on a fresh machine.

VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
STORE  := data/layers/planmap.gpkg
# Anything a layer is built from: a change to one of these rebuilds the store.
# Curated corrections (geo/curation/) count: the app rebuilds what they touch, `make layers` all of it.
# The shipped public extracts count too: the gazetteer reads OSM polygons from data/sources/ by reference.
LAYER_SOURCES := $(wildcard data/plans/* data/gazetteer/*.csv data/gazetteer/curation/entries.csv data/gazetteer/curation/history.jsonl data/sources/*.csv geo/*.py geo/curation/*.py geo/access/*.py geo/sources/*.py layers/*.py)

.PHONY: run test lint setup setup-test system-test-deps layers assets bench clean

run: setup layers assets
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: setup-test system-test-deps layers assets
	$(PY) -m pytest

# Lint: ruff over the whole tree, mypy over geo/ and layers/ (settings in pyproject.toml).
lint: setup-test
	$(PY) -m ruff check .
	$(PY) -m mypy

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-dev

# The project itself is installed editable (no dependencies: requirements.txt has
# them), so scripts outside the packages, such as bench/, import geo, layers, ….
$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's Chromium drives the browser tests (never a browser download of
# Playwright's own); a CJK font makes Chinese text render in screenshots.
system-test-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi wqy; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei; \
	fi

layers: $(STORE)
$(STORE): $(VENV)/.installed $(LAYER_SOURCES)
	$(PY) -m layers build

assets: $(VENV)/.installed
	$(PY) -m view.assets

bench: setup-test system-test-deps layers assets
	@for script in bench/*.py; do $(PY) $$script; done

clean:
	rm -rf data/layers static/vendor artifacts
