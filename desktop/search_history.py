"""Recent queries: remembered across restarts, offered in the search field's drop-down.

A query is remembered once the user settled on it (Enter, a hit read, a pause after its results
were painted), not for every prefix typed on the way; Up in an empty field opens the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

from desktop.settings import Settings
from index import SearchResult

SETTLE_MS = 2500  # painted results left this long: the query is worth remembering


class SearchHistory(QObject):
    """The history of `field`, kept in `settings`; `chosen(query)` when one is picked."""

    chosen = Signal(str)

    def __init__(self, field: QLineEdit, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self._settings = settings
        self._candidate = ""
        self.model = QStringListModel(settings.history, self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setWidget(field)  # not setCompleter: typing must not pop it up
        self.completer.activated.connect(self.on_activated)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.remember_shown)
        field.installEventFilter(self)

    @property
    def entries(self) -> list[str]:
        """The remembered queries, newest first."""
        return self.model.stringList()

    def remember(self, query: str) -> None:
        """Put `query` first in the history (once) and save it."""
        query = query.strip()
        if not query:
            return
        self._settings.history = [query, *(q for q in self.entries if q != query)]
        self.model.setStringList(self._settings.history)

    def clear(self) -> None:
        """Forget every remembered query."""
        self._settle.stop()
        self._candidate = ""
        self._settings.history = []
        self.model.setStringList([])

    def on_search_painted(self, result: SearchResult) -> None:
        """Results were painted for a query: remember it if the user stays with it."""
        self._candidate = result.query if result.hits else ""
        if self._candidate:
            self._settle.start()
        else:
            self._settle.stop()

    def remember_shown(self) -> None:
        """The user settled on the shown query (Enter, a hit read, a pause): remember it."""
        self._settle.stop()
        if self._candidate and self._candidate == self._field.text().strip():
            self.remember(self._candidate)

    def show_popup(self) -> None:
        """Open the drop-down with every remembered query."""
        if not self.entries:
            return
        self.completer.setCompletionPrefix("")
        self.completer.complete()

    def on_activated(self, query: str) -> None:
        """A remembered query was picked in the drop-down."""
        self.chosen.emit(query)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up in the empty field opens the drop-down."""
        if (
            watched is self._field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Up
            and not self._field.text()
            and self.entries
        ):
            self.show_popup()
            return True
        return super().eventFilter(watched, event)
