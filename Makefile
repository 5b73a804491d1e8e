# Two commands do everything: `make run` opens the app on the bundled sample, `make test` runs
# every test headless. Both install what is missing first (system packages, a virtualenv with
# the project and its tools) and skip that step when nothing changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := .run/retail.align

.PHONY: install run test bench lint frozen

$(STAMP): pyproject.toml setup.py scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

$(SAMPLE): | $(STAMP)
	mkdir -p .run
	$(BIN)/align-desktop new $(SAMPLE) --sample retail

run: install $(SAMPLE)
	$(BIN)/align-desktop $(SAMPLE)

test: install
	bash scripts/install-system-deps.sh --tests
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto

# the one-folder desktop app, dist/align-desktop/align-desktop (runs with no Python installed)
frozen: install
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/align-desktop.spec

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install
	bash scripts/install-system-deps.sh --tests  # team_workspace.py and offline_push.py start a PostgreSQL server
	$(BIN)/python benchmarks/board.py
	$(BIN)/python benchmarks/roi.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/matrix.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/risks.py
	$(BIN)/python benchmarks/exchange.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/dashboard.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/snapshots.py
	$(BIN)/python benchmarks/team_workspace.py
	$(BIN)/python benchmarks/offline_push.py
