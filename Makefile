# Tìm Tin: every target sets itself up on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
N ?= 10000
PEERS ?= fts5,recoll,tantivy
FORMAT ?=
BENCH_ARGS ?=
BENCH_READY := $(VENV)/.bench-ready

# Debian packages: what Qt needs to run offscreen, what its xcb plugin links (the Linux bundle
# carries them only if this machine has them), binutils (PyInstaller's objdump, our strip), and
# Xvfb for the bundle's test on a real X server.
QT_LIBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
PACKAGE_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
SYSTEM_PACKAGES := $(QT_LIBS) $(PACKAGE_LIBS) binutils xvfb

.PHONY: run test lint typecheck package bench torture clean system-packages

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev,package]'
	@$(MAKE) --no-print-directory system-packages
	touch $@

# Installs what is missing, where apt is the package manager (elsewhere: see README).
system-packages:
	@if command -v dpkg >/dev/null && command -v apt-get >/dev/null \
	    && ! dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1; then \
	  echo "Installing Debian packages: $(SYSTEM_PACKAGES)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES); fi

run: $(READY)
	$(VENV)/bin/timtin

test: $(READY)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Style, formatting, the import contracts of pyproject.toml, and strict types.
lint: $(READY)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

typecheck: $(READY)
	$(VENV)/bin/mypy

# The bundle, then its self-test (every file format, the watcher, the window) and its size.
package: $(READY)
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller \
	  packaging/timtin.spec
	QT_QPA_PLATFORM=offscreen dist/timtin/timtin --self-test
	@du -sh dist/timtin

# The benchmark's extra (tantivy) on top of the usual venv; if it cannot be installed the bench
# notes Tantivy as not run and goes on (the stamp is left out, so the next run tries again).
$(BENCH_READY): pyproject.toml $(READY)
	@if $(PY) -m pip install --quiet -e '.[bench]'; then touch $@; \
	else echo "tantivy could not be installed: the bench goes on without it"; fi

# make bench N=100000 PEERS=fts5,tantivy (PEERS= runs ours alone); FORMAT=html or docx times
# only our index build on the corpus converted to that file type, beside the .txt one;
# BENCH_ARGS passes more options (BENCH_ARGS=--no-overlap; `python -m bench --help` lists them).
bench: $(BENCH_READY)
	$(PY) -m bench --docs $(N) --peers '$(PEERS)' $(if $(FORMAT),--format $(FORMAT)) $(BENCH_ARGS)

# The reliability suite with 200 kill -9 trials (not in CI); prints the figures for BENCHMARKS.md.
torture: $(READY)
	TIMTIN_KILL_TRIALS=200 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/reliability \
	  | grep -E "kill -9 trials|passed|failed"

clean:
	rm -rf build dist .pytest_cache .ruff_cache .mypy_cache
