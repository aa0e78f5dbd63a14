# Two commands: `make run` (set up and serve) and `make test` (set up and test).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup install lint format browser clean

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

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media .pytest_cache .ruff_cache
