# Resiliente Vejle: everyday commands. `make run` and `make test` are all a fresh machine needs.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Same suite on PostgreSQL; pytest-django creates (and drops) test_resilient_vejle itself.
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/resilient_vejle
# A Redis database the tests may empty, e.g. redis://127.0.0.1:6379/15: then the caches (page
# cache, fragments, invalidation) run on Redis, as in production. CI sets it for test-postgres.
# With N test processes (PYTEST_JOBS) the N databases below it are emptied too: 15, 14, ...
TEST_REDIS_URL ?=
# Extra pytest arguments, e.g. `make test PYTEST_ARGS="-k language -x"`.
PYTEST_ARGS ?=
# pytest-xdist: one test process per core (auto), whole test classes and modules kept together
# so that their setUpTestData and live servers run once; PYTEST_JOBS=0 runs in this process
# (e.g. for --pdb). Each process has its own test database (and Redis database: settings/test.py).
PYTEST_JOBS ?= auto
PYTEST_PARALLEL = -n $(PYTEST_JOBS) --dist load
# Heavy tests (@pytest.mark.slow: 1,000 projects, several servers) are left to `make test-slow`,
# which CI runs; PYTEST_MARK= (empty) runs everything.
PYTEST_MARK ?= not slow
# Where `make run` serves, e.g. `make run PORT=8001` when 8000 is taken.
PORT ?= 8000

DEV_SETTINGS := DJANGO_SETTINGS_MODULE=resilient_vejle.settings.dev
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=resilient_vejle.settings.test

VENV_STAMP := $(VENV)/.created
INSTALL_STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv install messages admin-messages migrate content run test test-postgres lint format \
	check-migrations check-deploy lighthouse screenshots bench load-test clean

help:
	@echo "make run               set up everything, then serve http://127.0.0.1:8000/ (PORT=8001: another port)"
	@echo "make test              run the test suite (SQLite unless DATABASE_URL is set)"
	@echo "make test-postgres     the test suite on PostgreSQL (POSTGRES_URL=...; Redis with TEST_REDIS_URL=...)"
	@echo "make test-slow         the heavy tests (1,000 projects, two app servers behind Varnish), on PostgreSQL"
	@echo "make lint | format     ruff and djhtml: check | rewrite"
	@echo "make check-migrations  fail when a model change has no migration"
	@echo "make check-deploy      Django's deployment checks with the production settings"
	@echo "make lighthouse        Lighthouse scores of six pages, served by gunicorn like production"
	@echo "make screenshots       the home page in both languages at 1366x900 and 390x844 into docs/screenshots/"
	@echo "make bench             queries, CPU and requests/s: uncached, page cache, Varnish, references"
	@echo "make load-test         wrk, 64 connections for 30 s on gunicorn, graceful reload midway"
	@echo "make admin-messages    merge new Wagtail msgids lacking Danish into locale_wagtail/da/"
	@echo "make venv | install | messages | migrate | content | clean"

# --- environment -------------------------------------------------------------------------------

venv: $(VENV_STAMP)

$(VENV_STAMP):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else \
		"Python 3.11 or newer is needed, $(PYTHON) is " + sys.version.split()[0] + \
		": run make with PYTHON=/path/to/python3.11 (or newer)")'
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "Could not create $(VENV): on Debian/Ubuntu, apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	@touch $@

install: $(INSTALL_STAMP)

# Redone whenever pyproject.toml changes (or the virtual environment is new).
$(INSTALL_STAMP): pyproject.toml $(VENV_STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

# --- the site ----------------------------------------------------------------------------------

# Fallback for machines without GNU gettext: Babel writes the same .mo files (fuzzy entries left
# out, as msgfmt does). Only .po files newer than their .mo are compiled.
define COMPILE_MESSAGES_WITH_BABEL
import pathlib
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
for po in sorted(pathlib.Path(".").glob("locale*/*/LC_MESSAGES/*.po")):
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        continue
    with po.open("rb") as f:
        catalog = read_po(f, abort_invalid=True)
    with mo.open("wb") as f:
        write_mo(f, catalog)
    print(f"compiled {po}")
endef
export COMPILE_MESSAGES_WITH_BABEL

# Only the project's LOCALE_PATHS, locale/ and locale_wagtail/ (--ignore='*' stops
# compilemessages from walking into .venv).
messages: install
	@if command -v msgfmt >/dev/null 2>&1; then \
		echo "$(MANAGE) compilemessages --ignore='*'"; \
		$(DEV_SETTINGS) $(MANAGE) compilemessages --ignore='*'; \
	else \
		echo "msgfmt (GNU gettext) not found: compiling locale*/ with Babel instead"; \
		$(PY) -c "$$COMPILE_MESSAGES_WITH_BABEL"; \
	fi

# Wagtail's msgids that Wagtail's own Danish lacks, merged into locale_wagtail/da/ (after a
# Wagtail upgrade: translate the new untranslated entries, then `make messages`).
admin-messages: install
	$(DEV_SETTINGS) $(MANAGE) update_admin_messages

migrate: install
	$(DEV_SETTINGS) $(MANAGE) migrate --noinput

# Idempotent; refuses to touch a database that holds editors' content.
content: migrate
	$(DEV_SETTINGS) $(MANAGE) load_initial_content

# Serves even when load_initial_content refuses (a database that editors have added to).
run: messages migrate
	$(DEV_SETTINGS) $(MANAGE) load_initial_content || echo "make run: the initial content \
	was not loaded (see above); serving the database as it is."
	@echo ""
	@echo "Open in your browser:"
	@echo "  http://127.0.0.1:$(PORT)/        the Danish home page"
	@echo "  http://127.0.0.1:$(PORT)/en/     the English home page"
	@echo "  http://127.0.0.1:$(PORT)/admin/  the admin (make a user: $(PY) manage.py createsuperuser)"
	@echo "Stop the server with Ctrl-C."
	@echo ""
	$(DEV_SETTINGS) $(MANAGE) runserver 127.0.0.1:$(PORT)

# --- checks ------------------------------------------------------------------------------------

test: messages
	$(TEST_SETTINGS) $(PY) -m pytest $(PYTEST_PARALLEL) -m '$(PYTEST_MARK)' $(PYTEST_ARGS)

test-postgres: messages
	$(TEST_SETTINGS) DATABASE_URL='$(POSTGRES_URL)' DJANGO_TEST_REDIS_URL='$(TEST_REDIS_URL)' \
		$(PY) -m pytest $(PYTEST_PARALLEL) -m '$(PYTEST_MARK)' $(PYTEST_ARGS)

# The heavy tests only, on PostgreSQL (with Redis when TEST_REDIS_URL is set), as in production.
test-slow: messages
	$(TEST_SETTINGS) DATABASE_URL='$(POSTGRES_URL)' DJANGO_TEST_REDIS_URL='$(TEST_REDIS_URL)' \
		$(PY) -m pytest -m slow $(PYTEST_ARGS)

# Runs all three linters and fails if any of them does.
lint: install
	@status=0; \
	echo "ruff check ."; $(VENV)/bin/ruff check . || status=1; \
	echo "ruff format --check ."; $(VENV)/bin/ruff format --check . || status=1; \
	echo "djhtml --check templates/"; $(VENV)/bin/djhtml --check templates/ || status=1; \
	exit $$status

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates/

# wagtail_modeltranslation's makemigrations (first in INSTALLED_APPS) also covers Page's fields.
check-migrations: install
	$(DEV_SETTINGS) $(MANAGE) makemigrations --check --dry-run

# Production settings with dummy but valid values: any warning fails.
check-deploy: install
	DJANGO_SETTINGS_MODULE=resilient_vejle.settings.production \
	DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DJANGO_ALLOWED_HOSTS=example.org \
	DJANGO_MEDIA_ROOT=/srv/resilient-vejle/media \
	DJANGO_STATIC_ROOT=/srv/resilient-vejle/static \
	REDIS_URL=redis://127.0.0.1:6379/0 \
	$(MANAGE) check --deploy --fail-level WARNING

# Lighthouse 12 (npx, Debian's /usr/bin/chromium) on four pages of the initial content, served by
# gunicorn with the production settings from a temporary folder; reports in build/lighthouse/.
lighthouse: messages
	$(PY) scripts/lighthouse.py

# The same throwaway site as lighthouse; PNGs of the home page (da, en × desktop, phone) in
# docs/screenshots/, which the README shows.
screenshots: messages
	$(PY) scripts/screenshots.py

# Throwaway site with 1,000 extra projects; gunicorn, Varnish, nginx and wrk where installed.
bench: messages
	$(PY) -m bench

# wrk (apt-get install wrk; not installed here), 64 connections for 30 s against gunicorn with the
# production settings on 127.0.0.1, SIGHUP (graceful reload) halfway; fails on any error/non-2xx.
load-test: messages
	$(PY) scripts/load_test.py

# Leaves db.sqlite3 and media/ alone: they hold editors' content.
clean:
	rm -rf $(VENV) staticfiles build *.egg-info .pytest_cache .ruff_cache
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find locale locale_wagtail -name '*.mo' -delete
