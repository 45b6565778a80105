# Two commands: `make run` serves the app on SQLite, `make test` runs the whole suite.
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate demo lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the requirement files change.
$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --no-input -v0

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .

bench: install-dev
	$(BIN)/python bench/segmentation.py
	$(BIN)/python bench/comparison.py
	$(BIN)/python bench/mail.py
	$(BIN)/python bench/hints.py
	$(BIN)/python bench/matrix.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/family.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
