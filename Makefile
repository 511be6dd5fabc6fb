# quizapp: `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
FLASK := $(BIN)/flask --app quizapp
# Extra pytest arguments for `make test`, e.g. PYTEST_ARGS='-x -k seed'.
PYTEST_ARGS ?=
# The port `make run` serves on, e.g. make run PORT=8080.
PORT ?= 5000

# Playwright drives Debian's /usr/bin/chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: help install run test lint format bench seed-build seed-report seed-load clean

help: ## List the targets with a line on each
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

# The virtual environment is (re)built only when pyproject.toml changes.
$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(INSTALLED) ## Create .venv and install quizapp with its test tools

run: $(INSTALLED) ## Migrate, load the seed banks, ensure an admin, serve on http://127.0.0.1:5000 (or PORT=…)
	$(FLASK) db upgrade
	$(FLASK) seed load
	$(FLASK) users ensure-admin
	exec $(BIN)/gunicorn -c python:quizapp.serving -w 2 -b 127.0.0.1:$(PORT) 'quizapp:create_app()'

test: $(INSTALLED) ## Run the whole suite (SQLite, then PostgreSQL when QUIZAPP_TEST_DATABASE_URI is set)
	scripts/ensure-chromium.sh
	scripts/run-pytest.sh $(PYTEST_ARGS)

lint: $(INSTALLED) ## Check style with ruff (lint and formatting)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(INSTALLED) ## Run every bench/*.py and print its figures
	@shopt -s nullglob; scripts=(bench/*.py); \
	if [ $${#scripts[@]} -eq 0 ]; then echo "No benchmarks in bench/ yet."; exit 0; fi; \
	for script in "$${scripts[@]}"; do echo "== $$script"; $(BIN)/python "$$script"; done

seed-build: $(INSTALLED) ## Regenerate seed/banks/*.json from seed/articles/
	$(FLASK) seed build

seed-report: $(INSTALLED) ## Print what the seed pipeline kept and rejected
	$(FLASK) seed report

seed-load: $(INSTALLED) ## Load the banks and quizzes into the configured database
	$(FLASK) seed load

clean: ## Remove .venv and caches (the database in instance/ is kept)
	rm -rf $(VENV) build .pytest_cache .ruff_cache quizapp.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
