# Two commands: `make run` (set up and serve) and `make test` (set up and test).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup install lint format browser clean load bench

run: setup
	$(PY) manage.py runserver 127.0.0.1:8000

# Install only when the requirements change; migrate, load and demo accounts are re-runnable.
setup: $(STAMP)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_course
	$(PY) manage.py create_demo_accounts

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Needs $(PYTHON) (Python 3.11). Set PYTHON=... to use another 3.11 interpreter."; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

test: install lint
	$(PY) -m pytest

# Fails on any ruff finding, unformatted file, or known vulnerability in requirements.txt
# (docs/deployment.md: what happens when PyPI's vulnerability data cannot be reached).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m course.operations.audit requirements.txt

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
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "bench needs wrk: apt-get install wrk"; exit 1; }
	$(PY) bench/run_bench.py
