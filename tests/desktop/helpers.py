"""Helpers shared by the window's tests: search and wait for the window to paint."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from desktop.main_window import MainWindow
from index.results import ReaderView, SearchResult

LUONG_CUONG = "004_95fb111942143312.txt"
MOSCOW_VISIT = "000_a37147b4426653dc.txt"
WAIT_MS = 10_000


def search(qtbot: Any, window: MainWindow, query: str) -> SearchResult:
    """Type-free search: set the query, run it now, wait until it is painted."""
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as blocker:
        window.set_query(query, now=True)
    return blocker.args[0]


def search_and_open(qtbot: Any, window: MainWindow, query: str) -> ReaderView:
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as blocker:
        window.set_query(query, now=True)
    return blocker.args[0]


def write_notes(folder: Path, count: int, word: str = "Cái Răng") -> Path:
    """`count` small dated notes in `folder`, each naming `word`."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"ghi-chu-{n:03d}.txt").write_text(
            f"Ghi chú {n}\n0{1 + n % 9}/03/2024\nChuyến đi chợ nổi {word} lần {n}.\n",
            encoding="utf-8",
        )
    return folder


class UrlCatcher(QObject):
    """Stands in for the system's opener through Qt's own QDesktopServices.setUrlHandler."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@contextmanager
def catching_urls(scheme: str = "file") -> Iterator[UrlCatcher]:
    """Every `scheme:` URL the app asks the system to open, caught instead of opened."""
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler(scheme, catcher, "open")
    try:
        yield catcher
    finally:
        QDesktopServices.unsetUrlHandler(scheme)
