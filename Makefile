PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EVENTS ?=
WORKSPACE ?=

.PHONY: setup run test lint format events bench

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: setup
	$(BIN)/streamlit run dashboard/app.py -- $(if $(EVENTS),--events $(EVENTS),$(if $(WORKSPACE),--workspace $(WORKSPACE)))

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

events: setup
	$(BIN)/python -m extract data/articles -o data/events.csv

bench: setup
	$(BIN)/python bench/tempeval.py
