# Two commands: `make run` (install, ingest the bundled reports, show the 三公 table) and
# `make test` (install with test tools, lint the SQL, run the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
REPORTS ?= examples/reports

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-server bench lint browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/budget-etl ingest $(REPORTS)
	$(BIN)/budget-etl three-public

lint: $(VENV)/.installed
	$(BIN)/sqlfluff lint sql --dialect postgres

# The visual report is tested in Debian's chromium (never a browser download of its own).
browser:
	@test -x /usr/bin/chromium || { echo "installing Debian's chromium and fonts-noto-cjk (the visual report is tested in a browser)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } || \
		{ echo "make test: cannot install Debian's chromium: run 'apt-get install chromium fonts-noto-cjk' as root, then make test again" >&2; exit 1; }

test: $(VENV)/.installed lint browser
	$(BIN)/python -m pytest -q

# The same suite against a server of your own, e.g. the one at 127.0.0.1:5432:
#   make test-server TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres
test-server: $(VENV)/.installed
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python -m pytest -q -m database

bench: $(VENV)/.installed
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .budget-etl build *.egg-info
