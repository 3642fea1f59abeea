"""The left pane: messages, the query's notes and accented forms, and the list of results.

It shows what a search returned, or a message when there is nothing to list; a hit's actions
live in its context menu, and scrolling to the end of the list asks for more hits.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.result_actions import ResultActions
from desktop.results_delegate import ResultDelegate
from desktop.results_model import ResultsModel
from desktop.search_controller import swap_word
from desktop.status_texts import LinkAction, link_href, parse_link
from desktop.widgets import Banner, ChipBar
from index import Hit, SearchResult, logger

log = logger(__name__)

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate

NAV_STEPS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -5,
    Qt.Key.Key_PageDown: 5,
}
MORE_WHEN_ROWS_LEFT = 3  # scrolled this close to the end, the next page is asked for


def narrowed_query(query: str, word: str, form: str) -> str:
    """`query` with `word` narrowed to the one accented `form` (`exact:form`), stripped."""
    return swap_word(query, word, f"exact:{form}").strip()


class ResultsPane(QWidget):
    """Banner, notes and chips above a stack of the results list and the empty-state message."""

    hit_chosen = Signal(int)  # row made current or activated in the list
    link_activated = Signal(object, str)  # LinkAction and its argument, clicked in a text
    more_wanted = Signal()  # the list was scrolled to its end (or "Show more" clicked)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(260)
        self._key_source: QWidget | None = None
        self._narrowed: tuple[str, str] | None = None  # (query before the chips, narrowed query)
        self._quiet = False  # a row made current by a refresh is not read again
        self.context_menu: QMenu | None = None

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
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self.open_context_menu)
        self.list_view.verticalScrollBar().valueChanged.connect(self.on_scrolled)
        self.hit_actions = ResultActions(self, self.current_hit)
        self.hit_actions.read_requested.connect(self.on_read_requested)

        self.more_button = QPushButton(self)
        self.more_button.setObjectName("moreResults")
        self.more_button.setFlat(True)
        self.more_button.clicked.connect(self.more_wanted)
        self.more_button.hide()
        self._loading_more = False

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
        layout.addWidget(self.more_button)

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
        self._update_more()
        self.hit_actions.update_enabled()

    def show_result_keeping(self, result: SearchResult, path: str) -> bool:
        """List `result` again after the index changed, keeping the scroll position and, when
        `path` is among its hits, that hit selected without asking to read it; True if it was."""
        bar = self.list_view.verticalScrollBar()
        scrolled = bar.value()
        self.delegate.clear_cache()
        self.model.set_result(result)
        self._show_notes(result)
        row = next((n for n, hit in enumerate(result.hits) if hit.path == path), -1)
        if result.hits:
            self.results_stack.setCurrentWidget(self.list_view)
        if row >= 0:
            self._quiet = True
            try:
                self.list_view.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._quiet = False
        bar.setValue(scrolled)
        self._update_more()
        self.hit_actions.update_enabled()
        return row >= 0

    def append_result(self, result: SearchResult) -> None:
        """A longer page of the shown search: its new hits join the list, the rest stays."""
        self.model.extend(result)
        self._update_more()

    def set_loading_more(self, loading: bool) -> None:
        """Say that more hits are on their way (or no longer)."""
        self._loading_more = loading
        self._update_more()

    def _update_more(self) -> None:
        """The "Show more" row under the list: how many are listed of how many."""
        result = self.model.result
        more = result is not None and self.model.has_more()
        self.more_button.setVisible(more)
        self.more_button.setEnabled(not self._loading_more)
        if result is None or not more:
            return
        shown, total = self.model.rowCount(), result.total  # lupdate reads a name as the count
        if self._loading_more:
            text = translate("MainWindow", "Loading more results…")
        elif result.total_exact:
            text = translate("MainWindow", "Show more (%1 of %n)", "", total)
        else:
            text = translate("MainWindow", "Show more (%1 of at least %n)", "", total)
        self.more_button.setText(text.replace("%1", str(shown)))

    def on_scrolled(self, value: int) -> None:
        """Scrolled near the end of the list: ask for the next page."""
        bar = self.list_view.verticalScrollBar()
        rows = self.model.rowCount()
        if not rows or self._loading_more or not self.model.has_more():
            return
        row_height = max(1, self.list_view.sizeHintForRow(0))
        if bar.maximum() - value <= MORE_WHEN_ROWS_LEFT * row_height:
            self.more_wanted.emit()

    def set_total(self, total: int) -> None:
        """The exact total arrived: the model keeps it, the "Show more" row says it."""
        self.model.set_total(total)
        self._update_more()

    def clear(self) -> None:
        """No results, no notes, no chips."""
        self.model.clear()
        self.info_label.hide()
        self.chips.set_variants([])
        self._update_more()
        self.hit_actions.update_enabled()

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

    def narrow(self, query: str, word: str, form: str) -> str:
        """The query narrowing `word` to `form`; its result will offer the way back."""
        narrowed = narrowed_query(query, word, form)
        original = query.strip()
        if self._narrowed is not None and self._narrowed[1] == original:
            original = self._narrowed[0]  # narrowing again: back still goes to the start
        self._narrowed = (original, narrowed)
        return narrowed

    @property
    def narrowed_from(self) -> str:
        """The query before a chip narrowed it, while its narrowed result is shown; else ''."""
        result = self.model.result
        if self._narrowed is None or result is None or result.query != self._narrowed[1]:
            return ""
        return self._narrowed[0]

    def _show_notes(self, result: SearchResult) -> None:
        notes = []
        if self._narrowed is not None and result.query != self._narrowed[1]:
            self._narrowed = None  # another query: the way back is gone
        if self._narrowed is not None:
            back = html.escape(link_href(LinkAction.QUERY, self._narrowed[0]))
            label = translate("MainWindow", "× Show every form")
            notes.append(
                translate("MainWindow", "Only the accents chosen. %1").replace(
                    "%1", f'<a href="{back}">{html.escape(label)}</a>'
                )
            )
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
        self.chips.retranslate()
        self.banner.retranslate()
        self.hit_actions.retranslate()
        self._update_more()
        if self.model.result is not None:
            self._show_notes(self.model.result)

    # -- choosing a hit ------------------------------------------------------------------------

    def current_row(self) -> int:
        """The selected row, -1 when none."""
        return self.list_view.currentIndex().row()

    def current_hit(self) -> Hit | None:
        """The selected hit, None when none."""
        return self.model.hit(self.current_row())

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A row became current (click, keys): it is the hit to read."""
        self.hit_actions.update_enabled()
        if current.isValid() and not self._quiet:
            self.hit_chosen.emit(current.row())

    def on_read_requested(self) -> None:
        """Read (Enter in the list, the menus): read the selected hit again."""
        row = self.current_row()
        if row >= 0:
            self.hit_chosen.emit(row)

    def open_context_menu(self, pos: QPoint) -> QMenu | None:
        """The hit's menu at `pos` in the list (the row there becomes the selected one)."""
        index = self.list_view.indexAt(pos)
        if not index.isValid():
            index = self.list_view.currentIndex()
            if not index.isValid():
                return None
            pos = self.list_view.visualRect(index).center()
        elif index != self.list_view.currentIndex():
            self.list_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        if self.context_menu is not None:
            self.context_menu.deleteLater()
        menu = self.hit_actions.fill_menu(QMenu(self))
        menu.setObjectName("resultMenu")
        self.context_menu = menu
        menu.popup(self.list_view.viewport().mapToGlobal(pos))
        return menu

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
