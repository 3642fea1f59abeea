"""The window package's house rules: colours live in the theme, modules log as the desktop.

That every module has its test file is checked for the whole tree by tests/test_layout.py.
"""

from __future__ import annotations

import importlib
import logging
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted(p.stem for p in (REPO / "desktop").glob("*.py") if p.stem != "__init__")
COLOUR = re.compile(r"""["']#[0-9a-fA-F]{3,8}["']|\brgba?\(""")


@pytest.mark.parametrize("module", [m for m in MODULES if m != "theme"])
def test_colours_are_defined_only_in_the_theme(module: str) -> None:
    source = (REPO / "desktop" / f"{module}.py").read_text(encoding="utf-8")
    assert not COLOUR.findall(source), "move the colour to desktop/theme.py"


@pytest.mark.parametrize("module", MODULES)
def test_modules_log_as_the_desktop(app, module: str) -> None:
    loaded = importlib.import_module(f"desktop.{module}")
    log = getattr(loaded, "log", None)
    if log is not None:
        assert log is logging.getLogger("timtin.desktop")


def test_qt_messages_have_their_own_logger(app) -> None:
    from desktop.app import qt_log

    assert qt_log is logging.getLogger("timtin.desktop.qt")
