# Two commands set up a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= corrigenda.settings
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve test lint types pytest check-lock lock messages screenshots bench clean

install: $(STAMP)

$(STAMP): pyproject.toml uv.lock
	@test -x $(BIN)/python || { PY=$$(scripts/find-python) && "$$PY" -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --quiet
	@touch $(STAMP)

# Migrate the embedded SQLite database, load the demo outlet and articles, serve.
run: install
	$(BIN)/corrigenda migrate --no-input
	$(BIN)/corrigenda demo
	$(BIN)/corrigenda serve $(HOST):$(PORT)

test: install lint types pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

types:
	$(BIN)/mypy corrigenda tests benchmarks scripts

pytest:
	$(BIN)/pytest $(PYTEST_ARGS)

# Refresh the lock file after editing pyproject.toml.
lock:
	$(UV) lock

messages:
	cd corrigenda && ../$(BIN)/corrigenda makemessages -l de --no-obsolete -i "claims/*" -i "fetcher/*"
	$(BIN)/python scripts/swiss_catalogue.py
	cd corrigenda && ../$(BIN)/corrigenda compilemessages

bench: install
	$(BIN)/python -m benchmarks

screenshots: install
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
