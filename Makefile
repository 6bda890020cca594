# Two commands set everything up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
ASSETS_STAMP := static/dist/.built
PYTEST := $(BIN)/python -m pytest
# The source documents sit beside the repository, as in CI.
SEEDS ?= ../shared/seeds
REPORT ?= $(SEEDS)/001_f7e6e7ab4c746c8c.txt
PROJECT_PAGES ?= $(wildcard $(SEEDS)/000_*.txt $(SEEDS)/002_*.txt $(SEEDS)/003_*.txt $(SEEDS)/004_*.txt)

.PHONY: demo demo-data serve install system-packages chromium html-checker assets messages makemessages lint format test checks \
	test-python test-postgres test-engine test-elasticsearch test-browser screenshots bench relevance clean

demo: demo-data
	@echo "Serving on http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/). Stop with Ctrl+C."
	$(MANAGE) runserver 127.0.0.1:8000

# The demo database in var/: migrated, demo content loaded, admin user present.
demo-data: install messages
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@if [ -f "$(REPORT)" ]; then \
		echo "Importing the 2020 Zoomi report and the project pages from $(SEEDS)"; \
		$(MANAGE) import_report "$(REPORT)" && $(MANAGE) import_project_page $(PROJECT_PAGES); \
	else echo "No report at $(REPORT): the demo has only its own sample content."; fi
	$(MANAGE) ensure_admin

serve: install messages
	$(MANAGE) runserver 127.0.0.1:8000

# msgfmt (gettext) compiles the translations, npm builds the static files, Voikko and hunspell-sv analyse
# Finnish and Swedish for search, and Pango lays out the reports' PDF; install them from Debian when missing.
system-packages:
	@command -v msgfmt >/dev/null || { \
		echo "Installing gettext from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }
	@dpkg -s libvoikko1 voikko-fi hunspell-sv >/dev/null 2>&1 || { \
		echo "Installing Voikko (Finnish) and hunspell-sv (Swedish) for search from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvoikko1 voikko-fi hunspell-sv >/dev/null; }
	@command -v npm >/dev/null || { \
		echo "Installing Node.js and npm from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	@dpkg -s libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null 2>&1 || { \
		echo "Installing Pango for WeasyPrint (the reports' PDF) from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

# The design system and font come from npm, pinned by package-lock.json; static/dist/ is built from them
# and static/src/. Both steps rerun only when their inputs change.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

$(ASSETS_STAMP): $(NODE_STAMP) scripts/build_assets.mjs $(wildcard static/src/*.css)
	node scripts/build_assets.mjs
	touch $(ASSETS_STAMP)

assets: system-packages $(ASSETS_STAMP)

# The browser tests and screenshots drive Debian's chromium through Playwright; Playwright's own browser
# downloads are never used (nor reachable here).
chromium:
	@test -x /usr/bin/chromium || { \
		echo "Installing chromium from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The browser tests check the pages' HTML with the Nu Html Checker: Java (Debian's) and the checker from Maven
# Central, fetched once (scripts/html-checker).
html-checker:
	scripts/html-checker fetch

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install: system-packages $(STAMP) assets

messages: install
	$(MANAGE) compilemessages --ignore=.venv --ignore=var --ignore=node_modules -v0

# Refresh the .po files after changing source strings; then translate the new entries.
makemessages: install
	$(MANAGE) makemessages -l fi -l sv -l en --ignore=.venv --ignore=var --ignore=node_modules --no-obsolete

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml templates

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports

# Every test on SQLite, the database-dependent ones again on PostgreSQL, the search ones on the engine,
# then the browser tests against a live server; docs/testing.md says what each pass runs and why.
# Prints the wall time of each phase and the total.
test: install messages chromium
	MAKE="$(MAKE)" scripts/timed-phases lint checks sqlite=test-python postgres=test-postgres \
		engine=test-engine elasticsearch=test-elasticsearch browser=test-browser

checks: install
	@# makemigrations looks at the database's migration history, which lives under var/.
	mkdir -p var
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

# pytest-xdist workers for the test passes: auto is one per core; WORKERS=0 runs in one process.
WORKERS ?= auto
XDIST = -n $(WORKERS)

# The embedded default: SQLite and the database search backend; every test that needs no service.
test-python: install messages
	env -u DATABASE_URL -u SEARCH_URL $(PYTEST) $(XDIST) -m "not engine and not browser and not postgres"

# On PostgreSQL, the production database (from scripts/postgres), the tests that depend on the database:
# marked database in conftest.py (search, query counts, migrations, importers, constraints) or postgres.
test-postgres: install messages
	scripts/with-service postgres DATABASE_URL env -u SEARCH_URL $(PYTEST) $(XDIST) -m "database and not engine and not browser"

# The search tests, on the engine that SEARCH_URL and SEARCH_BACKEND name.
ENGINE_TESTS = env -u DATABASE_URL $(PYTEST) $(XDIST) -m "(engine or backend) and not browser and not postgres"

# Search tests on OpenSearch: the SEARCH_URL given, or a node that scripts/search-engine starts.
test-engine: install messages
	@if [ -n "$${SEARCH_URL:-}" ]; then \
		echo "Search tests against SEARCH_URL=$$SEARCH_URL"; \
		SEARCH_BACKEND=search.backends.opensearch $(ENGINE_TESTS); \
	else \
		SEARCH_BACKEND=search.backends.opensearch scripts/with-service search-engine SEARCH_URL $(ENGINE_TESTS); \
	fi

# The same tests on Elasticsearch: the ELASTICSEARCH_URL given, or the node that
# SEARCH_ENGINE=elasticsearch scripts/search-engine starts (Maven Central's integ-test build).
test-elasticsearch: install messages
	@if [ -n "$${ELASTICSEARCH_URL:-}" ]; then \
		echo "Search tests against ELASTICSEARCH_URL=$$ELASTICSEARCH_URL"; \
		SEARCH_URL="$$ELASTICSEARCH_URL" SEARCH_BACKEND=search.backends.elasticsearch $(ENGINE_TESTS); \
	else \
		SEARCH_ENGINE=elasticsearch SEARCH_BACKEND=search.backends.elasticsearch \
			scripts/with-service search-engine SEARCH_URL $(ENGINE_TESTS); \
	fi

# The browser tests (tests/browser): Playwright and axe-core in Debian's chromium against a live server, and
# the Nu Html Checker on the pages' HTML. In one process: the tests build on each other's content
# (tests/browser/conftest.py).
test-browser: install messages chromium html-checker
	env -u DATABASE_URL -u SEARCH_URL $(PYTEST) -m browser tests/browser

# PNGs of the main pages at phone and desktop widths in fi, sv and en, under var/screenshots/.
screenshots: demo-data chromium
	$(BIN)/python scripts/screenshots.py

# Performance: SIZE method bank pages (a list such as SIZE=1000,5000,20000 grows one bank step by step) on
# BACKEND=sqlite|postgres|engine|postgres+engine. Prints a table and writes var/bench/*.json; bench/README.md.
# MINUTES overrides the time budget (18 minutes, more for larger banks: bench/run.py).
SIZE ?= 20000
BACKEND ?= sqlite
MINUTES ?=
bench: install messages
	@command -v wrk >/dev/null || { \
		echo "Installing wrk from Debian's packages"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
		|| echo "wrk could not be installed: the HTTP measurements will be skipped"
	$(BIN)/python -m bench --size $(SIZE) --backend $(BACKEND) $(if $(MINUTES),--minutes $(MINUTES))

# Search relevance on the imported report: top-10 hits and MRR of bench/relevance_queries.tsv on BACKEND.
relevance: install messages
	$(BIN)/python -m bench.relevance --backend $(BACKEND)

clean:
	scripts/search-engine stop
	SEARCH_ENGINE=elasticsearch scripts/search-engine stop
	scripts/postgres stop
	rm -rf $(VENV) var node_modules static/dist
