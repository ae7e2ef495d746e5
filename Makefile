# The two commands of the README: `make demo` and `make test`.
# Each creates .venv when it is missing and installs the project into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
TEXTS := $(wildcard $(SHARED)/corpus)

.PHONY: demo test lint typecheck venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml setup.py node_modules
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,ingest]'
	touch $(STAMP)

demo: $(STAMP) node_modules
	$(BIN)/diplograph $(if $(TEXTS),--texts $(TEXTS)) demo
	$(BIN)/diplograph $(if $(TEXTS),--texts $(TEXTS)) report -o out/web

# the web view's JavaScript libraries, from package-lock.json
node_modules: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch node_modules

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

# the TimelineJS library that tests/test_timelinejs.py loads in headless Chromium
tests/js/node_modules: tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --ignore-scripts --no-audit --no-fund
	touch tests/js/node_modules

test: lint typecheck tests/js/node_modules
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info node_modules tests/js/node_modules
