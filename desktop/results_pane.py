"""The left pane: messages, the query's notes and accented forms, and the list of results.

It shows what a search returned, or a message when there is nothing to list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.results_delegate import ResultDelegate
from desktop.results_model import ResultsModel
from desktop.status_texts import LinkAction, link_href, parse_link
from desktop.widgets import Banner, ChipBar
from index import SearchResult, logger

log = logger(__name__)

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate

NAV_STEPS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -5,
    Qt.Key.Key_PageDown: 5,
}


class ResultsPane(QWidget):
    """Banner, notes and chips above a stack of the results list and the empty-state message."""

    hit_chosen = Signal(int)  # row made current or activated in the list
    link_activated = Signal(object, str)  # LinkAction and its argument, clicked in a text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(260)
        self._key_source: QWidget | None = None

        self.banner = Banner(self)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("queryInfo")
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setWordWrap(True)
        self.info_label.linkActivated.connect(self.on_link_activated)
        self.info_label.hide()
        self.chips = ChipBar(self)

        self.model = ResultsModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("resultsList")
        self.list_view.setModel(self.model)
        self.delegate = ResultDelegate(self.list_view)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setMouseTracking(True)
        self.list_view.setFrameShape(QListView.Shape.NoFrame)
        self.list_view.selectionModel().currentChanged.connect(self.on_current_changed)
        self.list_view.activated.connect(self.on_activated)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.empty_label.linkActivated.connect(self.on_link_activated)

        self.results_stack = QStackedWidget(self)
        self.results_stack.addWidget(self.empty_label)
        self.results_stack.addWidget(self.list_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        notes = QWidget(self)
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(10, 6, 10, 0)
        notes_layout.setSpacing(6)
        notes_layout.addWidget(self.banner)
        notes_layout.addWidget(self.info_label)
        notes_layout.addWidget(self.chips)
        layout.addWidget(notes)
        layout.addWidget(self.results_stack, 1)

    # -- what is shown -----------------------------------------------------------------------

    @property
    def showing_message(self) -> bool:
        """True while the empty-state message stands where the list would be."""
        return self.results_stack.currentWidget() is self.empty_label

    def show_result(self, result: SearchResult) -> None:
        """List `result` with its notes; when it has hits, select (and so open) the first."""
        self.delegate.clear_cache()
        self.model.set_result(result)
        self._show_notes(result)
        if result.hits:
            self.results_stack.setCurrentWidget(self.list_view)
            self.list_view.scrollToTop()
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def clear(self) -> None:
        """No results, no notes, no chips."""
        self.model.clear()
        self.info_label.hide()
        self.chips.set_variants([])

    def show_message(self, title: str, body: str) -> None:
        """Put a title and a muted body (both rich text) where the list would be."""
        colour = theme.muted(self.palette()).name()
        self.empty_label.setText(
            f'<p style="font-size:large; font-weight:600;">{title}</p>'
            f'<p style="color:{colour};">{body}</p>'
            if title
            else ""
        )
        self.results_stack.setCurrentWidget(self.empty_label)

    def _show_notes(self, result: SearchResult) -> None:
        notes = []
        if result.corrected_query:
            link = query_link(result.corrected_query)
            notes.append(translate("MainWindow", "Showing results for %1").replace("%1", link))
        if result.suggestion:
            link = query_link(result.suggestion)
            notes.append(translate("MainWindow", "Did you mean %1?").replace("%1", link))
        self.info_label.setText("<br>".join(notes))
        self.info_label.setVisible(bool(notes))
        self.chips.set_variants(list(result.variants))

    def retranslate(self) -> None:
        """Re-set the pane's own texts in the current language."""
        self.chips.caption.setText(translate("MainWindow", "Accented forms:"))

    # -- choosing a hit ------------------------------------------------------------------------

    def current_row(self) -> int:
        """The selected row, -1 when none."""
        return self.list_view.currentIndex().row()

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A row became current (click, keys): it is the hit to read."""
        if current.isValid():
            self.hit_chosen.emit(current.row())

    def on_activated(self, index: QModelIndex) -> None:
        """A row was activated (double-click, Enter in the list): read it again."""
        self.hit_chosen.emit(index.row())

    def on_link_activated(self, href: str) -> None:
        """A link in the notes or the message was clicked: announce what it asks for."""
        parsed = parse_link(href)
        if parsed is None:
            log.debug("ignored a link the window never makes: %r", href)
            return
        self.link_activated.emit(*parsed)

    def follow_keys_of(self, field: QWidget) -> None:
        """Let Up, Down, PageUp and PageDown typed in `field` move through the results."""
        self._key_source = field
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Move through the results on the navigation keys typed in the followed field."""
        if (
            watched is self._key_source
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in NAV_STEPS
            and self.model.rowCount()
        ):
            self.move_selection(event.key())
            return True
        return super().eventFilter(watched, event)

    def move_selection(self, key: int) -> None:
        """Select the row `key` (one of NAV_STEPS) moves to, clamped to the list."""
        rows = self.model.rowCount()
        current = self.current_row()
        step = NAV_STEPS[Qt.Key(key)]
        row = max(0, min(rows - 1, (current if current >= 0 else -1) + step))
        self.list_view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(self.model.index(row, 0))


def query_link(query: str) -> str:
    """A query as a bold italic link that searches for it when clicked."""
    href = html.escape(link_href(LinkAction.QUERY, query))
    return f'<a href="{href}"><b><i>{html.escape(query)}</i></b></a>'
