# The Norec site: see README.md. Needs only python3 (3.11+) with venv, and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format bench messages clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m norec_site.catalogues compile
	touch $(STAMP)

run: install
	$(BIN)/python -m norec_site.catalogues compile
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py demo_admin
	@echo "Serving the Norec site on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m norec_site.catalogues compile
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m norec_site.catalogues compile
	$(BIN)/python manage.py bench

# For translators: gather new interface strings into locale/*/django.po (needs gettext).
messages: install
	$(BIN)/python manage.py makemessages --locale nn --locale nb --locale en --no-obsolete --ignore ".venv/*" --ignore "staticfiles/*"
	$(BIN)/python -m norec_site.catalogues fill-english
	$(BIN)/python -m norec_site.catalogues compile

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
