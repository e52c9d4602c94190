# Crisis Ready. `make run` starts the platform with demo content; `make test` runs every test.
# `make help` lists the other targets.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
UV_VERSION := 0.13.8
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# The suite's Redis: a database of its own, so tests never touch development data.
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
# The independent Open Badges verifier the tests run (a small Node project).
VERIFIER := tests/verifier

.DEFAULT_GOAL := help
.PHONY: help run test install prerequisites test-prerequisites migrate seed worker web \
        messages lint format check-migrations check-deploy check-translations test-sqlite test-postgres clean bench bench-reports bench-blended

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

run: install migrate seed ## Start web server, Celery worker and beat with demo content (PORT=8000)
	@scripts/run.sh $(PORT)

test: install test-prerequisites $(VERIFIER)/node_modules/.installed ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	@mkdir -p var
	@REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} scripts/ensure-redis.sh
	REDIS_URL=$${REDIS_URL:-$(TEST_REDIS_URL)} $(VENV)/bin/pytest $(PYTEST_ARGS)

bench: install ## Load-test suite on a production-like stack, full data set (~8 min; BENCH_ARGS=--help)
	@$(VENV)/bin/uv sync --frozen --inexact --group bench --quiet
	$(PY) bench/run.py $(BENCH_ARGS)
	$(PY) bench/reports.py --skip-load

bench-reports: install ## Time the programme report and question analysis on the full bench data set
	@$(VENV)/bin/uv sync --frozen --inexact --group bench --quiet
	$(PY) bench/reports.py $(BENCH_ARGS)

bench-blended: install ## Time the roll call, its sync, the blended report and the cascade (~2 min)
	@$(VENV)/bin/uv sync --frozen --inexact --group bench --quiet
	$(PY) bench/blended.py $(BENCH_ARGS)

test-postgres: ## Run the suite against the local PostgreSQL server
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/crisis_ready $(MAKE) test

test-sqlite: ## Run the suite against SQLite
	env -u DATABASE_URL $(MAKE) test

install: $(VENV)/.synced $(MO_FILES) ## Create .venv, install the locked dependencies, compile translations

messages: install ## Update the translation catalogues in locale/ from code and templates (NEW=pt adds one)
	$(PY) manage.py makemessages $(foreach code,$(notdir $(wildcard locale/*)) $(NEW),-l $(code)) \
	  --ignore=.venv --ignore=bench --ignore=tests --ignore=demo --ignore=var --ignore=static \
	  --no-obsolete

# The interface's translations: compiled from their catalogues whenever one changes.
$(MO_FILES): %.mo: %.po $(VENV)/.synced
	$(PY) manage.py compilemessages --locale $(word 2,$(subst /, ,$@)) --ignore '.venv' -v 0

$(VENV)/.synced: pyproject.toml uv.lock
	@scripts/prerequisites.sh run
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@test -x $(VENV)/bin/uv || $(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(VENV)/bin/uv sync --frozen --inexact --quiet
	@touch $@

# The verifier's npm packages, reinstalled from its lockfile whenever the lockfile changes.
$(VERIFIER)/node_modules/.installed: $(VERIFIER)/package-lock.json | test-prerequisites
	npm ci --prefix $(VERIFIER) --no-audit --no-fund --loglevel=error
	@touch $@

prerequisites: ## Check (and as root on Debian, install) the system packages for running
	@scripts/prerequisites.sh run

test-prerequisites: ## Same for the test suite: Redis server, Chromium, PDF libraries
	@scripts/prerequisites.sh test

migrate: install ## Apply database migrations
	@mkdir -p var
	$(PY) manage.py migrate --no-input -v 0

seed: install ## Create demo courses and demo accounts (idempotent, local use only)
	$(PY) manage.py seed_demo
	$(PY) manage.py openbadges_keys create --if-missing

worker: install ## Start only a Celery worker
	$(VENV)/bin/celery -A worker worker --loglevel=INFO

web: install ## Start only the web server
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install ## ruff lint and format check, djhtml template check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: install ## Apply ruff format and djhtml
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates

check-migrations: install ## Fail if a model change has no migration
	@mkdir -p var
	$(PY) manage.py makemigrations --check --dry-run

# A scratch database: the demo content, then its translated quizzes checked against their source.
TRANSLATIONS_DB := sqlite:///var/check-translations.sqlite3
check-translations: install ## Load the demo content and check that quiz translations match their source
	@mkdir -p var && rm -f var/check-translations.sqlite3
	DATABASE_URL=$(TRANSLATIONS_DB) $(PY) manage.py migrate --no-input -v 0
	DATABASE_URL=$(TRANSLATIONS_DB) $(PY) manage.py seed_demo
	DATABASE_URL=$(TRANSLATIONS_DB) $(PY) manage.py check_quiz_translations

check-deploy: install ## Django's deployment checks with production settings
	@mkdir -p var && OPEN_BADGES_KEY_DIR=var/check-deploy-keys $(PY) manage.py openbadges_keys create --if-missing >/dev/null
	DJANGO_SETTINGS_MODULE=training.settings.production \
	SECRET_KEY=check-deploy-$$RANDOM-$$RANDOM-$$RANDOM-$$RANDOM-$$RANDOM-$$RANDOM-$$RANDOM-$$RANDOM \
	ALLOWED_HOSTS=training.example.org DATABASE_URL=sqlite:///var/check-deploy.sqlite3 \
	OPEN_BADGES_KEY_DIR=var/check-deploy-keys \
	$(PY) manage.py check --deploy --fail-level WARNING

clean: ## Remove the virtualenv and local data (database, media, queues)
	rm -rf $(VENV) var
