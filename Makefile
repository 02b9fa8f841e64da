# Every target that needs the virtual environment depends on its stamp, so `make demo` and
# `make test` work on a fresh clone: the stamp is rebuilt whenever the lock or pyproject changes.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint typecheck eval bench lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=...)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f eventwire.duckdb
	$(BIN)/eventwire ingest samples/ --db eventwire.duckdb
	$(BIN)/eventwire events --db eventwire.duckdb --format table
	@echo "Browse the events: $(BIN)/eventwire serve --db eventwire.duckdb   (then open http://127.0.0.1:8000/)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

PLOVER_RECORDS := ../shared/data/plover/PLOVER_GSR_CAMEO.json

eval: $(STAMP)
	$(BIN)/eventwire eval eval/dev $(if $(wildcard $(PLOVER_RECORDS)),--plover $(PLOVER_RECORDS))
	$(if $(wildcard ../shared/seed),$(BIN)/eventwire eval ../shared/seed)

lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 --python-platform linux -o requirements.lock

clean:
	rm -rf $(VENV) eventwire.duckdb
