# Two commands do all set-up on a fresh machine:
#   make run    venv, install, migrate, demo data, serve http://127.0.0.1:8000 (embedded default)
#   make test   install everything (Python and Debian packages), check services, run the suite
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_PACKAGES := chromium fonts-noto-cjk libharfbuzz-subset0
PG_URL ?= postgres://postgres@127.0.0.1:5432/ordos

.PHONY: install run serve migrate demo test lint format system-deps services clean bench

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required (Debian: apt-get install python3.11)"; exit 1; }
	@# Debian's own Python needs python3.11-venv for `-m venv`.
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || { \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q python3.11-venv \
		|| { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q python3.11-venv; }; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Debian packages the suite needs: chromium for browser tests, CJK fonts for PDFs, and the
# PostgreSQL and Redis servers and clients when the machine has none.
system-deps:
	@missing=""; for package in $(DEBIAN_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	command -v pg_isready >/dev/null || missing="$$missing postgresql"; \
	command -v redis-cli >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing \
		|| { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; }; \
	fi

# PostgreSQL and Redis must answer; start whichever is down (commands from STACK.md).
services:
	@pg_isready -h 127.0.0.1 -p 5432 -q || { echo "Starting PostgreSQL"; \
		$(SUDO) pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | tail -1) main start; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Starting Redis"; \
		$(SUDO) redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no; }
	@for i in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; \
		pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not answering"; exit 1; }
	@for i in $$(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done; \
		redis-cli -h 127.0.0.1 ping || { echo "Redis is not answering"; exit 1; }

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

test: install system-deps services lint
	DATABASE_URL=$(PG_URL) $(BIN)/pytest --create-db -m "not benchmark" $(PYTEST_ARGS)

bench: install services
	DATABASE_URL=$(PG_URL) $(BIN)/pytest bench -m benchmark -s -p no:cacheprovider --reuse-db

clean:
	rm -rf $(VENV) var/db.sqlite3 var/static .pytest_cache .ruff_cache
