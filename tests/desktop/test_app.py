"""Entry points the CLI calls (screenshot, self-test), fonts, and the one excepthook."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QImage

from desktop.app import (
    BUNDLED_FAMILY,
    SCREENSHOT_SIZE,
    covers_vietnamese,
    install_excepthook,
    load_bundled_fonts,
    self_test_window,
    take_screenshot,
)
from desktop.main_window import MainWindow
from desktop.widgets import BannerKind
from index.paths import resources_dir


def test_take_screenshot_writes_the_window(app, seed_index: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots" / "chu-tich-nuoc.png"
    assert take_screenshot(out, query="chu tich nuoc", index_dir=seed_index) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == SCREENSHOT_SIZE


def test_take_screenshot_builds_an_empty_index_first(app, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    assert take_screenshot(out, query="nga", index_dir=tmp_path / "empty") == 0
    assert out.is_file()


def test_self_test_window_reports_what_it_checked(app) -> None:
    lines = self_test_window()
    text = "\n".join(lines)
    assert "translation vi: ok" in text
    assert "search painted" in text
    assert "highlighted match" in text


def test_bundled_font_covers_vietnamese(app) -> None:
    families = load_bundled_fonts()
    assert BUNDLED_FAMILY in families
    assert covers_vietnamese(QFont(BUNDLED_FAMILY))
    assert (resources_dir() / "fonts" / "OFL.txt").is_file()


def test_ui_font_renders_vietnamese(app) -> None:
    assert covers_vietnamese(app.font())


def test_excepthook_shows_a_message_not_a_dialog(qtbot, window: MainWindow) -> None:
    previous = sys.excepthook
    try:
        install_excepthook(lambda: window)
        try:
            raise RuntimeError("bất ngờ")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        assert (
            window.results_pane.banner.isVisible()
            and window.results_pane.banner.kind is BannerKind.ERROR
        )
        assert "bất ngờ" in window.results_pane.banner.text
        assert "Traceback" in window.results_pane.banner.label.toolTip()
        assert "Traceback" not in window.results_pane.banner.text
    finally:
        sys.excepthook = previous


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX userland")
def test_window_closes_cleanly_while_indexing(qtbot, app, tmp_path: Path, settings) -> None:
    window = MainWindow(tmp_path / "fresh", settings, restore_query=False)
    window.show()
    assert window.controller.index_job.running
    window.close()  # cancels and waits; must not hang or crash
    assert window.controller.engine is None


def test_run_app_opens_the_window_and_returns_when_it_closes(app, seed_index: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import run_app

    seen: list[MainWindow] = []

    def close_when_searched() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next((w for w in windows if w.isVisible()), None)
        if window is None or window.results_pane.model.rowCount() == 0:
            QTimer.singleShot(50, close_when_searched)
            return
        seen.append(window)
        window.close()

    QTimer.singleShot(50, close_when_searched)
    previous = sys.excepthook
    try:
        assert run_app(seed_index, query="nga") == 0
    finally:
        sys.excepthook = previous
    assert seen and seen[0].search_bar.field.text() == "nga"
    assert seen[0].results_pane.model.rowCount() == 2


def test_qt_warnings_go_to_the_desktop_qt_log(app, caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    from desktop.app import QUIET_QT_MESSAGES, _qt_message

    with caplog.at_level(logging.DEBUG, logger="timtin.desktop.qt"):
        _qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "QFont: point size <= 0")
        _qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), QUIET_QT_MESSAGES[0])
    records = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert records == [("timtin.desktop.qt", logging.WARNING, "QFont: point size <= 0")]


def test_a_long_session_never_runs_out_of_references_to_none(app) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 released a reference to None on every call returning nothing: laying
    out snippets for an hour aborted the window ("deallocating None").  pyproject.toml keeps
    that release out; this holds the binding to it."""
    import sys

    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(5000):
        document.setTextWidth(100)  # returns nothing
        document.isEmpty()  # returns a bool
    assert sys.getrefcount(None) - before_none > -100
    assert sys.getrefcount(True) - before_true > -100
