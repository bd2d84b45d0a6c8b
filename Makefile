# logeas-tui — `make help` lists the targets.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: help run test check lint types contract demo bench bench-deps system-deps clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@rm -f $(VENV)/.installed-*; touch $@

run: $(STAMP) ## install if needed, then start the app
	$(BIN)/logeas

system-deps: ## install Dovecot (IMAP), PostgreSQL and chromium for the tests when missing and we are root
	@need=""; \
	command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need="$$need dovecot-imapd"; \
	[ -x /usr/bin/chromium ] || need="$$need chromium"; \
	[ -x /usr/bin/chromedriver ] || need="$$need chromium-driver"; \
	command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  need="$$need postgresql postgresql-contrib"; \
	if [ -n "$$need" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q $$need >/dev/null 2>&1 || \
	      (apt-get update -q >/dev/null && apt-get install -y -q $$need >/dev/null); \
	    (systemctl disable --now dovecot postgresql >/dev/null 2>&1 || true); \
	    (service postgresql stop >/dev/null 2>&1 || true); \
	  else echo "missing:$$need — run 'sudo apt-get install$$need' (their tests will be skipped)"; fi; \
	fi

test: $(STAMP) system-deps ## install everything the tests need, then run the whole suite
	$(BIN)/pytest

lint: $(STAMP) ## ruff lint + format check
	$(BIN)/ruff check logeas_tui tests benchmarks
	$(BIN)/ruff format --check logeas_tui tests benchmarks

types: $(STAMP) ## mypy, strict, over the whole package
	$(BIN)/mypy

contract: $(STAMP) ## import-linter: core imports no UI; UI -> services -> mail | store
	$(BIN)/lint-imports

check: lint types contract test ## everything CI runs

demo: $(STAMP) ## fill a demo database (/tmp/logeas-demo.sqlite) and open the app on it
	@test -f /tmp/logeas-demo.sqlite || $(BIN)/logeas demo --tickets 2000 --db /tmp/logeas-demo.sqlite
	$(BIN)/logeas --db /tmp/logeas-demo.sqlite

bench-deps: ## install mbsync (Debian isync), the IMAP speed reference, when missing and we are root
	@command -v mbsync >/dev/null 2>&1 || if [ "$$(id -u)" = 0 ]; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q isync >/dev/null 2>&1 || \
	    (apt-get update -q >/dev/null && apt-get install -y -q isync >/dev/null); \
	else echo "missing: mbsync — run 'sudo apt-get install isync' (its figure will be skipped)"; fi

BENCH_LOG ?= $(or $(TMPDIR),/tmp)/logeas-bench.log

bench: $(STAMP) system-deps bench-deps ## run the benchmarks, printing figures, then the table of targets
	@: > $(BENCH_LOG)
	@for b in benchmarks/bench_*.py; do echo "== $$b" | tee -a $(BENCH_LOG); \
	  bash -o pipefail -c '$(BIN)/python -u "$$0" 2>&1 | tee -a $(BENCH_LOG)' $$b || exit 1; done
	@$(BIN)/python benchmarks/table.py $(BENCH_LOG)

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
