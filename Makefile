# Two commands: `make run` (set up and serve) and `make test` (set up and test).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed

.PHONY: run test setup install lint format clean load bench audit audit-deps lock cluster cluster-stop examday

# The background worker (e-mail, class exports; docs/architecture.md, Background work) runs next to the server;
# Ctrl-C stops both, and the worker stops too when the server exits on its own.
run: setup
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py db_worker --backend background & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:8000

# Install only when the requirements change; migrate, load and demo accounts are re-runnable.
setup: $(STAMP)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_course
	$(PY) manage.py create_demo_accounts
	$(PY) manage.py generate_learners --if-empty

install: $(STAMP) $(NPM_STAMP)

# axe-core (browser tests) and Lighthouse (`make audit`) from npm, once per package-lock change;
# skipped where npm is not installed (the axe test then skips itself).
$(NPM_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		PUPPETEER_SKIP_DOWNLOAD=true CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --loglevel=error && touch $(NPM_STAMP); \
	else echo "npm not found: skipping axe-core and Lighthouse (browser accessibility test, make audit)"; fi

# Installs the lock (every package, transitive ones too, pinned with hashes); `make lock` after
# editing requirements.txt or requirements-dev.txt.
$(STAMP): requirements-dev.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Needs $(PYTHON) (Python 3.11). Set PYTHON=... to use another 3.11 interpreter."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(STAMP)

# Two workers by file, the slowest files first (tests/conftest.py SLOW_FIRST): xdist would
# otherwise order files by their number of tests and leave the few slow browser files for last.
test: install lint
	$(PY) -m pytest -n auto --dist loadfile --no-loadscope-reorder

# Fails on any ruff finding or unformatted file.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# Known vulnerabilities in every pinned runtime package (requirements.lock), from PyPI's
# vulnerability data: needs https://pypi.org/pypi/<name>/<version>/json, so not part of
# `make test`. Fails (exit 2) when the data cannot be reached; PIP_AUDIT_REQUIRED=0 to only warn.
audit-deps: install
	PIP_AUDIT_REQUIRED=$${PIP_AUDIT_REQUIRED:-1} $(PY) -m course.operations.audit requirements.lock

# Re-pin requirements.lock and requirements-dev.lock (with hashes) from the two requirements files.
lock: install
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.lock requirements.txt
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements-dev.lock requirements-dev.txt

# 200 learners for 60 s against gunicorn + PostgreSQL on 127.0.0.1 (docs/performance.md).
load: install
	bash load/run.sh

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media .pytest_cache .ruff_cache

# Throughput and latency on loopback (gunicorn + wrk); writes docs/performance.md. Not a test.
bench: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } || { echo "bench needs wrk: apt-get install wrk"; exit 1; }
	$(PY) bench/run_bench.py

# Lighthouse (mobile and desktop) on home, a lesson and a quiz page, served by gunicorn with
# production settings; reports in reports/. Not part of `make test` (docs/performance.md).
audit: install
	@test -x node_modules/.bin/lighthouse || { echo "make audit needs npm (Lighthouse from package.json)"; exit 1; }
	$(PY) audit/run_lighthouse.py

# Two gunicorn nodes (127.0.0.1:8401, :8402) behind HAProxy (127.0.0.1:8400), one queue worker,
# sharing PostgreSQL (course_cluster) and Redis (db 4); Ctrl-C or `make cluster-stop` stops
# exactly what it started (cluster/run.py, docs/deployment.md). DETACH=1 returns once it is up.
cluster: install
	$(PY) cluster/run.py start $(if $(DETACH),--detach)

cluster-stop:
	$(PY) cluster/run.py stop

# USERS learners sign in (SIGNIN_RATE a second), open one timed module quiz within 60 s, autosave
# each answer (about SECONDS in all) and submit, through `make cluster`'s balancer (started if
# needed); KILL_NODE_AT=<s> kills app node 1 then. Checks the database afterwards; non-zero exit
# when a request failed for good or an answer was lost (load/examday.py, docs/deployment.md).
USERS ?= 2000
SECONDS ?= 480
SIGNIN_RATE ?= 3
KILL_NODE_AT ?=
examday: install
	EXAM_USERS=$(USERS) EXAM_SECONDS=$(SECONDS) EXAM_SIGNIN_RATE=$(SIGNIN_RATE) EXAM_KILL_NODE_AT=$(KILL_NODE_AT) \
		$(PY) load/examday.py
