# Two commands: `make run` serves the app on SQLite, `make test` runs the whole suite.
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test install install-dev migrate demo lint bench bench-load mutation clean

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

# As the container runs it: DEBUG off, the production server (waitress), static files collected.
# SQLite unless DATABASE_URL is set; a local secret key is made once and kept in .secret_key.
SERVE_ENV = DEBUG=0 ALLOW_SQLITE=1 SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} SECURE_COOKIES=$${SECURE_COOKIES:-0} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-$(HOST),localhost,127.0.0.1} SECRET_KEY=$${SECRET_KEY:-$$(cat .secret_key)}

.secret_key:
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: install .secret_key
	$(SERVE_ENV) $(BIN)/python manage.py migrate --no-input -v0
	$(SERVE_ENV) $(BIN)/python manage.py createcachetable
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --no-input -v0
	$(SERVE_ENV) $(BIN)/python -m config.serve --host $(HOST) --port $(PORT)

# One worker per core (pytest-xdist); each worker has its own test database. Long browser
# journeys are taken by whichever worker is free (worksteal), so no worker idles at the end.
# `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= auto
test: install-dev
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal

lint: install-dev
	$(BIN)/ruff check .

bench: install-dev
	$(BIN)/python bench/segmentation.py
	$(BIN)/python bench/segmentation_wide.py
	$(BIN)/python bench/comparison.py
	$(BIN)/python bench/mail.py
	$(BIN)/python bench/hints.py
	$(BIN)/python bench/review_page.py
	$(BIN)/python bench/matrix.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/family.py

# The production server under load, on SQLite and on PostgreSQL (the local server, trust auth).
bench-load: install-dev
	$(BIN)/python bench/load.py
	$(BIN)/python bench/load.py --postgres

# Mutation score of each pure module against its own unit tests (mutmut; minutes per module,
# on demand only: not part of `make test` or CI). MODULES="review/markup.py ..." for a few.
mutation: install-dev
	nice -n 10 $(BIN)/python bench/mutation.py $(MODULES)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache mutants .mutants
