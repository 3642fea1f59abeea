"""Fixtures for the window's tests: offscreen Qt, isolated settings, real indexes of the seeds.

Nothing is mocked: every window searches a Whoosh index built on disk in a temp folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before any QApplication exists: no display needed, and never the user's settings.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from desktop.app import choose_font, load_style_sheet
from desktop.i18n import Translations
from desktop.main_window import MainWindow
from desktop.settings import Settings
from index import Engine
from index.indexing.update import update_index
from index.paths import seeds_dir

_SETTINGS_ROOT = tempfile.mkdtemp(prefix="timtin-test-settings-")
QCoreApplication.setOrganizationName("timtin-tests")
QCoreApplication.setApplicationName("timtin-tests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
for _scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
    QSettings.setPath(QSettings.Format.IniFormat, _scope, _SETTINGS_ROOT)


@pytest.fixture(scope="session")
def app(qapp: QApplication) -> QApplication:
    """The test QApplication, set up like the real one (font, style sheet)."""
    choose_font(qapp)
    load_style_sheet(qapp)
    return qapp


@pytest.fixture(scope="session")
def seed_index_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("seed-index") / "index"
    report = update_index([seeds_dir()], index_dir)
    assert report.added == 2
    return index_dir


@pytest.fixture
def seed_index(seed_index_template: Path, tmp_path: Path) -> Path:
    """A private copy of an index of the two seeds, free to change."""
    target = tmp_path / "index"
    shutil.copytree(seed_index_template, target)
    return target


@pytest.fixture
def seed_engine(seed_index: Path) -> Iterator[Engine]:
    """An engine open on a private copy of the seeds' index; closed afterwards."""
    engine = Engine(seed_index)
    yield engine
    engine.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def translations(app: QApplication) -> Iterator[Translations]:
    """English UI unless a test switches; translators removed afterwards."""
    translations = Translations(app)
    translations.apply("en")
    yield translations
    translations.remove()


@pytest.fixture
def window(qtbot, app, seed_index: Path, settings: Settings, translations) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(seed_index, settings, translations, restore_query=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
