# Tìm Tin: every target sets itself up on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
QT_LIBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
N ?= 10000

.PHONY: run test lint typecheck package bench clean

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev,package]'
	@$(PY) -c "import PySide6.QtGui" 2>/dev/null || \
	  { echo "Installing the system libraries Qt needs: $(QT_LIBS)"; \
	    apt-get update -qq && apt-get install -y -qq $(QT_LIBS); }
	touch $@

run: $(READY)
	$(VENV)/bin/timtin

test: $(READY)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(READY)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(READY)
	$(VENV)/bin/mypy index desktop

# Libraries Qt's xcb plugin links: the Linux bundle carries them only if this machine has them.
PACKAGE_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0

package: $(READY)
	@if command -v dpkg >/dev/null && ! dpkg -s $(PACKAGE_LIBS) >/dev/null 2>&1; then \
	  echo "Installing the libraries the bundle carries: $(PACKAGE_LIBS)"; \
	  apt-get update -qq && apt-get install -y -qq $(PACKAGE_LIBS); fi
	$(VENV)/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/timtin.spec

bench: $(READY)
	$(PY) -m bench --docs $(N)

clean:
	rm -rf build dist .pytest_cache .ruff_cache .mypy_cache
