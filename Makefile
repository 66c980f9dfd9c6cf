# The Norec site: see README.md. Needs only python3 (3.11+) with venv, and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# axe-core for the accessibility sweep, from the npm registry (tests/tooling/package.json).
AXE := tests/tooling/node_modules/axe-core/axe.min.js
HOST ?= 127.0.0.1
PORT ?= 8000

# Runs a command on the embedded PostgreSQL when DATABASE_URL is unset, and stops
# the server afterwards if it started it (also on Ctrl-C or kill).
WITH_DB := $(BIN)/python -m norec_site.embedded_db run --

.PHONY: install run serve test lint check-django format bench messages db-stop clean audit

install: $(STAMP) $(AXE)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	$(BIN)/python -m norec_site.catalogues compile
	touch $(STAMP)

# Test tooling only: without npm the accessibility sweep is skipped and says why.
$(AXE): tests/tooling/package.json tests/tooling/package-lock.json
	@if command -v npm >/dev/null; then \
	  cd tests/tooling && npm ci --no-audit --no-fund --silent && touch node_modules/axe-core/axe.min.js; \
	else echo "npm not found: the accessibility sweep will be skipped (apt-get install npm)"; fi

run: install
	$(WITH_DB) $(MAKE) --no-print-directory serve

# The steps of `make run`, on the database that DATABASE_URL names.
serve:
	$(BIN)/python -m norec_site.catalogues compile
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py demo_admin
	@echo "Serving the Norec site on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The accessibility sweep saves a screenshot of each page type at both widths here.
SCREENSHOTS ?= $(CURDIR)/test-screenshots

test: install
	$(BIN)/python -m norec_site.catalogues compile
	@NOREC_SCREENSHOTS=$(SCREENSHOTS) $(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	echo "Screenshots of the public page types (390 and 1280 px): $(SCREENSHOTS)"; exit $$status

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(WITH_DB) $(MAKE) --no-print-directory check-django

check-django:
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# Known vulnerabilities in the installed dependencies (pip-audit reads live advisory
# data, so it is not part of make test). Run it before every deploy.
audit: install
	$(BIN)/python -m pip_audit --progress-spinner off --skip-editable

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m norec_site.catalogues compile
	$(WITH_DB) $(BIN)/python manage.py bench $(BENCH_ARGS)

# For translators: gather new interface strings into locale/*/django.po (needs gettext).
messages: install
	$(WITH_DB) $(BIN)/python manage.py makemessages --locale nn --locale nb --locale en --no-obsolete --ignore ".venv/*" --ignore "staticfiles/*"
	$(BIN)/python -m norec_site.catalogues fill-english
	$(BIN)/python -m norec_site.catalogues compile

# Stops the dev embedded PostgreSQL left running by a bare manage.py command.
db-stop:
	$(BIN)/python -m norec_site.embedded_db stop

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
