# Two commands set everything up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
PYTEST := $(BIN)/python -m pytest

.PHONY: demo serve install system-packages messages makemessages lint format test checks test-python \
	test-postgres test-engine clean

demo: install messages
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	@echo "Serving on http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/). Stop with Ctrl+C."
	$(MANAGE) runserver 127.0.0.1:8000

serve: install messages
	$(MANAGE) runserver 127.0.0.1:8000

# msgfmt (gettext) compiles the translations; install it from Debian when missing.
system-packages:
	@command -v msgfmt >/dev/null || { \
		echo "Installing gettext from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install: system-packages $(STAMP)

messages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0

# Refresh the .po files after changing source strings; then translate the new entries.
makemessages: install
	$(MANAGE) makemessages -l fi -l sv -l en --ignore=.venv --ignore=var --no-obsolete

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml templates

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

# The suite runs three times; conftest.py at the root describes the contract for search tests.
test: install messages lint checks test-python test-postgres test-engine

checks: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

# The embedded default: SQLite and the database search backend.
test-python: install messages
	env -u DATABASE_URL -u SEARCH_URL $(PYTEST) -m "not engine"

# The same tests on PostgreSQL, the production database, from scripts/postgres.
test-postgres: install messages
	scripts/with-service postgres DATABASE_URL env -u SEARCH_URL $(PYTEST) -m "not engine"

# Search tests on OpenSearch: the SEARCH_URL given, or a node that scripts/search-engine starts.
test-engine: install messages
	@if [ -n "$${SEARCH_URL:-}" ]; then \
		echo "Search tests against SEARCH_URL=$$SEARCH_URL"; \
		env -u DATABASE_URL $(PYTEST) -m "engine or backend"; \
	else \
		scripts/with-service search-engine SEARCH_URL env -u DATABASE_URL $(PYTEST) -m "engine or backend"; \
	fi

clean:
	scripts/search-engine stop
	scripts/postgres stop
	rm -rf $(VENV) var
