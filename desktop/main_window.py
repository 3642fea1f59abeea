"""The main window: search field on top, results list left, reader right, status bar below.

It wires widgets to the engine through background workers and keeps no search logic:
every result, snippet and highlight comes from `index/`.
"""

from __future__ import annotations

import html
import logging
import re
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES, Translations
from desktop.reader import ReaderPane
from desktop.results_delegate import ResultDelegate, muted
from desktop.results_model import ResultsModel
from desktop.settings import Settings
from desktop.widgets import Banner, ChipBar, SearchField
from desktop.workers import IndexJob, LatestRunner
from index import __version__
from index.paths import seeds_dir
from index.results import IndexReport, ReaderView, SearchResult
from index.search import Engine

log = logging.getLogger("timtin.desktop")

APP_TITLE = "Tìm Tin"
SEARCH_LIMIT = 50
DEBOUNCE_MS = 180
BUSY_HINT_MS = 300
NAV_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)


class MainWindow(QMainWindow):
    """One window on one index directory."""

    search_painted = Signal(object)  # SearchResult now shown in the list
    document_opened = Signal(object)  # ReaderView now shown in the reader
    index_updated = Signal(object)  # IndexReport after the engine reopened the index

    def __init__(
        self,
        index_dir: Path,
        settings: Settings | None = None,
        translations: Translations | None = None,
        *,
        restore_query: bool = True,
        build_if_empty: bool = True,
    ) -> None:
        super().__init__()
        self.index_dir = Path(index_dir)
        self.settings = settings if settings is not None else Settings()
        self.translations = translations
        self.engine: Engine | None = None
        self._painted_key: tuple[str, bool, str] | None = None
        self._pending_key: tuple[str, bool, str] | None = None
        self._search_started = 0.0
        self._last_report: IndexReport | None = None
        self._indexing_label = ""
        self._first_show = True

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self.searches = LatestRunner(self._pool, self)
        self.searches.finished.connect(self.on_search_finished)
        self.searches.failed.connect(self.on_search_failed)
        self.reads = LatestRunner(self._pool, self)
        self.reads.finished.connect(self.on_read_finished)
        self.reads.failed.connect(self.on_read_failed)
        self.index_job = IndexJob(parent=self)
        self.index_job.started.connect(self.on_indexing_started)
        self.index_job.progress_changed.connect(self.on_indexing_progress)
        self.index_job.indexing_finished.connect(self.on_indexing_finished)
        self.index_job.indexing_failed.connect(self.on_indexing_failed)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self._busy_hint = QTimer(self)
        self._busy_hint.setSingleShot(True)
        self._busy_hint.setInterval(BUSY_HINT_MS)
        self._busy_hint.timeout.connect(self._show_searching)

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._set_indexing_visible(False)
        self._restore_settings()
        self.retranslate()
        self._open_engine()
        if restore_query and self.settings.last_query:
            self.search_field.setText(self.settings.last_query)
            self._debounce.stop()
        if build_if_empty and self._index_needs_building():
            self.start_indexing(self._first_run_paths(), first_run=True)
        elif self.search_field.text().strip():
            self.run_search()

    # -- construction ----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.setWindowTitle(APP_TITLE)
        self.search_field = SearchField(self)
        self.search_field.textEdited.connect(self.on_query_edited)
        self.search_field.textChanged.connect(self.on_query_changed)
        self.search_field.returnPressed.connect(self.on_return_pressed)
        self.search_field.installEventFilter(self)

        self.accent_box = QCheckBox(self)
        self.accent_box.setObjectName("accentToggle")
        self.accent_box.toggled.connect(self.on_accent_toggled)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("sortBox")
        self.sort_box.addItem("", "relevance")
        self.sort_box.addItem("", "date")
        self.sort_box.currentIndexChanged.connect(self.on_sort_changed)

        top = QWidget(self)
        top.setObjectName("searchBar")
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(12, 10, 12, 10)
        top_layout.setSpacing(12)
        top_layout.addWidget(self.search_field, 1)
        top_layout.addWidget(self.accent_box)
        top_layout.addWidget(self.sort_box)

        self.banner = Banner(self)
        self.info_label = QLabel(self)
        self.info_label.setObjectName("queryInfo")
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setWordWrap(True)
        self.info_label.linkActivated.connect(self.on_info_link)
        self.info_label.hide()
        self.chips = ChipBar(self)
        self.chips.variant_chosen.connect(self.on_variant_chosen)

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
        self.list_view.activated.connect(self.on_result_activated)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.empty_label.linkActivated.connect(self.on_info_link)

        self.results_stack = QStackedWidget(self)
        self.results_stack.addWidget(self.empty_label)
        self.results_stack.addWidget(self.list_view)

        left = QWidget(self)
        left.setObjectName("resultsPane")
        left.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        notes = QWidget(left)
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(10, 6, 10, 0)
        notes_layout.setSpacing(6)
        notes_layout.addWidget(self.banner)
        notes_layout.addWidget(self.info_label)
        notes_layout.addWidget(self.chips)
        left_layout.addWidget(notes)
        left_layout.addWidget(self.results_stack, 1)

        self.reader = ReaderPane(self)
        self.reader.match_changed.connect(self.on_match_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        left.setMinimumWidth(260)
        self.reader.setMinimumWidth(320)
        self.splitter.setSizes([440, 660])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("resultStatus")
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("indexProgress")
        self.progress_bar.setMaximumWidth(200)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(14)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelIndexing")
        self.cancel_button.clicked.connect(self.cancel_indexing)
        self.doc_count_label = QLabel(self)
        self.doc_count_label.setObjectName("docCount")
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.doc_count_label)
        self.resize(1180, 760)

    def _build_actions(self) -> None:
        def action(slot: Any, *keys: QKeySequence | str, checkable: bool = False) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.addAction(act)  # shortcuts work even while the menu bar is hidden
            return act

        self.add_folder_action = action(self.choose_folder, "Ctrl+O")
        self.reindex_action = action(self.reindex, "F5")
        self.quit_action = action(self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = action(self.focus_search, "Ctrl+L", "Ctrl+F")
        self.next_action = action(self.reader.next_match, "F3")
        self.prev_action = action(self.reader.previous_match, "Shift+F3")
        self.accent_action = action(self.accent_box.setChecked, checkable=True)
        self.zoom_in_action = action(self.zoom_in, "Ctrl+=", "Ctrl++")
        self.zoom_out_action = action(self.zoom_out, "Ctrl+-")
        self.zoom_reset_action = action(self.zoom_reset, "Ctrl+0")
        self.about_action = action(self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *LANGUAGES):
            act = QAction(LANGUAGES.get(code, ""), self)
            act.setCheckable(True)
            act.setData(code)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(act)
            self.language_actions[code] = act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.add_folder_action)
        self.file_menu.addAction(self.reindex_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.search_menu = bar.addMenu("")
        self.search_menu.addAction(self.find_action)
        self.search_menu.addAction(self.next_action)
        self.search_menu.addAction(self.prev_action)
        self.search_menu.addSeparator()
        self.search_menu.addAction(self.accent_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for act in self.language_actions.values():
            self.language_menu.addAction(act)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _restore_settings(self) -> None:
        settings = self.settings
        if not settings.geometry.isEmpty():
            self.restoreGeometry(settings.geometry)
        if not settings.window_state.isEmpty():
            self.restoreState(settings.window_state)
        if not settings.splitter.isEmpty():
            self.splitter.restoreState(settings.splitter)
        self.accent_box.blockSignals(True)
        self.accent_box.setChecked(settings.exact)
        self.accent_box.blockSignals(False)
        self.accent_action.setChecked(settings.exact)
        self.sort_box.blockSignals(True)
        self.sort_box.setCurrentIndex(max(0, self.sort_box.findData(settings.sort)))
        self.sort_box.blockSignals(False)
        self.reader.set_zoom(settings.zoom)
        self.language_actions.get(settings.language, self.language_actions[""]).setChecked(True)

    def save_settings(self) -> None:
        settings = self.settings
        settings.geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.splitter = self.splitter.saveState()
        settings.last_query = self.search_field.text()
        settings.exact = self.accent_box.isChecked()
        settings.sort = self.current_sort()
        settings.zoom = self.reader.zoom
        settings.sync()

    # -- engine ----------------------------------------------------------------------------

    def _open_engine(self) -> None:
        try:
            self.engine = Engine(self.index_dir)
        except Exception as exc:
            log.exception("cannot open the index at %s", self.index_dir)
            self.engine = None
            self.banner.show_message(
                self.tr(
                    "The index at %1 could not be opened (%2). Use File → Re-index to rebuild it."
                )
                .replace("%1", str(self.index_dir))
                .replace("%2", str(exc) or type(exc).__name__),
                "error",
            )
        self._update_doc_count()

    def _index_needs_building(self) -> bool:
        if self.engine is None:
            return True
        if self.engine.needs_rebuild:
            self.banner.show_message(
                self.tr("The index was made by another version or was damaged; rebuilding it."),
                "info",
            )
            return True
        return self.doc_count() == 0

    def _first_run_paths(self) -> list[str] | None:
        """The index's own folders when it remembers any; else the seeds and added folders."""
        if self.engine is not None and self.engine.roots:
            return None
        return [str(seeds_dir()), *self.settings.folders]

    def doc_count(self) -> int:
        if self.engine is None:
            return 0
        try:
            return self.engine.doc_count()
        except Exception:
            log.exception("doc_count failed")
            return 0

    def _update_doc_count(self) -> None:
        self.doc_count_label.setText(self.tr("%n document(s)", "", self.doc_count()))

    # -- searching -------------------------------------------------------------------------

    def current_sort(self) -> str:
        return str(self.sort_box.currentData() or "relevance")

    def exact(self) -> bool:
        return self.accent_box.isChecked()

    def query(self) -> str:
        return self.search_field.text().strip()

    def _key(self) -> tuple[str, bool, str]:
        return (self.query(), self.exact(), self.current_sort())

    def set_query(self, text: str, *, now: bool = False) -> None:
        """Put `text` in the search field as if typed; search after the debounce, or `now`."""
        self.search_field.setText(text)
        if now:
            self.run_search()
        else:
            self._debounce.start()

    def on_query_edited(self, _text: str) -> None:
        self._debounce.start()

    def on_query_changed(self, text: str) -> None:
        if not text.strip():  # cleared (Esc, the clear button): show the start state at once
            self._debounce.stop()
            self.run_search()

    def run_search(self) -> None:
        """Search for the field's text now, superseding any search still running."""
        self._debounce.stop()
        key = self._key()
        query, exact, sort = key
        if not query:
            self.searches.cancel()
            self.reads.cancel()
            self._pending_key = None
            self._painted_key = None
            self._busy_hint.stop()
            self.model.clear()
            self.info_label.hide()
            self.chips.set_variants([])
            self.reader.clear()
            self._show_empty_state()
            self._update_status()
            return
        engine = self.engine
        if engine is None:
            return
        self._pending_key = key
        self._search_started = time.perf_counter()
        self._busy_hint.start()
        runner, generation = self.searches, self.searches.generation + 1

        def superseded() -> bool:  # asked from the worker: a newer keystroke stops this search
            return runner.generation != generation

        self.searches.submit(
            lambda: engine.search(
                query, limit=SEARCH_LIMIT, exact=exact, sort=sort, cancelled=superseded
            )
        )

    def _show_searching(self) -> None:
        if self.searches.busy:
            self.status_label.setText(self.tr("Searching…"))

    def on_search_finished(self, result: SearchResult) -> None:
        self._busy_hint.stop()
        key = self._pending_key
        self._painted_key = key
        self.delegate.clear_cache()
        self.model.set_result(result)
        self._show_query_notes(result)
        if result.hits:
            self.results_stack.setCurrentWidget(self.list_view)
            self.list_view.scrollToTop()
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self.reads.cancel()
            self.reader.clear()
            self._show_empty_state()
        self.statusBar().clearMessage()  # an old "index updated" note must not hide the count
        self._update_status()
        self.search_painted.emit(result)

    def on_search_failed(self, message: str) -> None:
        self._busy_hint.stop()
        self.status_label.setText(self.tr("Search failed"))
        self.banner.show_message(
            self.tr("The search could not be completed: %1").replace("%1", message), "error"
        )

    def _show_query_notes(self, result: SearchResult) -> None:
        notes = []
        if result.corrected_query:
            link = self._query_link(result.corrected_query)
            notes.append(self.tr("Showing results for %1").replace("%1", link))
        if result.suggestion:
            link = self._query_link(result.suggestion)
            notes.append(self.tr("Did you mean %1?").replace("%1", link))
        self.info_label.setText("<br>".join(notes))
        self.info_label.setVisible(bool(notes))
        self.chips.set_variants(list(result.variants))

    @staticmethod
    def _query_link(query: str) -> str:
        escaped = html.escape(query)
        return f'<a href="query:{escaped}"><b><i>{escaped}</i></b></a>'

    def on_info_link(self, link: str) -> None:
        if link.startswith("query:"):
            self.set_query(link[len("query:") :], now=True)
        elif link == "action:exact-off":
            self.accent_box.setChecked(False)
        elif link == "action:add-folder":
            self.choose_folder()

    def on_variant_chosen(self, word: str, form: str) -> None:
        """Narrow an unaccented word to one accented form: swap it in and match accents."""
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        query = pattern.sub(form, self.search_field.text(), count=1)
        self.accent_box.blockSignals(True)
        self.accent_box.setChecked(True)
        self.accent_action.setChecked(True)
        self.accent_box.blockSignals(False)
        self.set_query(query, now=True)

    def on_accent_toggled(self, checked: bool) -> None:
        self.accent_action.setChecked(checked)
        self.settings.exact = checked
        if self.query():
            self.run_search()

    def on_sort_changed(self, _index: int) -> None:
        self.settings.sort = self.current_sort()
        if self.query():
            self.run_search()

    def on_return_pressed(self) -> None:
        if not self.query():
            return
        if self._key() not in (self._painted_key, self._pending_key) or self._debounce.isActive():
            self.run_search()  # its first hit opens when it is painted
            return
        self.open_current()

    # -- results and reading ---------------------------------------------------------------

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_row(current.row())

    def on_result_activated(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def open_current(self) -> None:
        index = self.list_view.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        """Read hit `row` in the background and show it in the reader."""
        hit = self.model.hit(row)
        result = self.model.result
        engine = self.engine
        if hit is None or result is None or engine is None:
            return
        query = result.corrected_query or result.query
        exact = self._painted_key[1] if self._painted_key else self.exact()
        path = hit.path
        self.reads.submit(lambda: engine.read(path, query, exact=exact))

    def on_read_finished(self, view: ReaderView) -> None:
        self.reader.show_view(view)
        self.document_opened.emit(view)

    def on_read_failed(self, message: str) -> None:
        self.reader.clear(self.tr("This document could not be opened: %1").replace("%1", message))

    def on_match_changed(self, current: int, total: int) -> None:
        self.next_action.setEnabled(total > 0)
        self.prev_action.setEnabled(total > 0)

    # -- empty states and status -----------------------------------------------------------

    def _show_empty_state(self) -> None:
        colour = muted(self.palette()).name()
        query = self.query()
        if self.index_job.running and self.doc_count() == 0:
            title = self.tr("Building the index…")
            body = self.tr("The first start reads the bundled articles. This takes a moment.")
        elif not query:
            title = self.tr("Search %n document(s)", "", self.doc_count())
            body = self.tr(
                "Type words with or without accents: <i>chu tich nuoc</i> finds "
                "<i>Chủ tịch nước</i>."
            )
        elif self._painted_key is not None and self.model.rowCount() == 0:
            title = self.tr("No results for “%1”").replace("%1", html.escape(query))
            tips = [self.tr("Try fewer words, or type them without accents.")]
            if self.exact():
                turn_off = self.tr("Turn off Match accents")
                tips.append(f'<a href="action:exact-off">{turn_off}</a>')
            body = "<br>".join(tips)
        else:
            title, body = "", ""
        self.empty_label.setText(
            f'<p style="font-size:large; font-weight:600;">{title}</p>'
            f'<p style="color:{colour};">{body}</p>'
            if title
            else ""
        )
        self.results_stack.setCurrentWidget(self.empty_label)

    def _update_status(self) -> None:
        result = self.model.result
        if result is None or self._painted_key is None:
            self.status_label.setText("")
            return
        took = f"{result.took_ms:.0f}"
        shown = len(result.hits)
        if result.total > shown:
            text = self.tr("%1 of %n result(s) · %2 ms", "", result.total)
            text = text.replace("%1", str(shown)).replace("%2", took)
        else:
            text = self.tr("%n result(s) · %1 ms", "", result.total).replace("%1", took)
        self.status_label.setText(text)

    # -- indexing --------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Add a folder of .txt files"), str(Path.home())
        )
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str | Path) -> bool:
        """Remember `folder` and index it in the background; False if indexing is busy."""
        folder = str(Path(folder).expanduser().resolve())
        if self.index_job.running:
            self.statusBar().showMessage(self.tr("Indexing is already running."), 5000)
            return False
        self.settings.add_folder(folder)
        return self.start_indexing([folder])

    def reindex(self) -> bool:
        """Update the index from every remembered folder (incremental)."""
        if self.index_job.running:
            return False
        return self.start_indexing(None, rebuild=self.engine is None)

    def start_indexing(
        self, paths: list[str] | None, *, rebuild: bool = False, first_run: bool = False
    ) -> bool:
        self._indexing_label = self.tr("Building the index…") if first_run else self.tr("Indexing…")
        started = self.index_job.start(paths, self.index_dir, rebuild=rebuild)
        if started and first_run:
            self._show_empty_state()
        return started

    def cancel_indexing(self) -> None:
        self.index_job.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))

    def _set_indexing_visible(self, visible: bool) -> None:
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(visible)
        self.cancel_button.setEnabled(visible)
        self.add_folder_action.setEnabled(not visible)
        self.reindex_action.setEnabled(not visible)

    def on_indexing_started(self) -> None:
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(self._indexing_label)
        self._set_indexing_visible(True)

    def on_indexing_progress(self, done: int, total: int, current: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        self.progress_label.setText(f"{self._indexing_label} {done} / {total}")
        self.progress_label.setToolTip(current)

    def on_indexing_finished(self, report: IndexReport) -> None:
        self._last_report = report
        self._set_indexing_visible(False)
        self._after_indexing()
        if report.cancelled:
            message = self.tr("Indexing cancelled; what was indexed so far is kept.")
        else:
            message = (
                self.tr("Index updated: %1 added, %2 updated, %3 removed.")
                .replace("%1", str(report.added))
                .replace("%2", str(report.updated))
                .replace("%3", str(report.removed))
            )
        self.statusBar().showMessage(message, 8000)
        if report.skipped:
            details = "\n".join(f"{s.path}: {s.reason}" for s in report.skipped[:30])
            self.banner.show_message(
                self.tr("%n file(s) could not be read and were skipped.", "", len(report.skipped)),
                "warning",
                details,
            )
        self.index_updated.emit(report)

    def on_indexing_failed(self, message: str) -> None:
        self._set_indexing_visible(False)
        self.banner.show_message(self.tr("Indexing failed: %1").replace("%1", message), "error")
        self._after_indexing()

    def _after_indexing(self) -> None:
        if self.engine is None:
            self._open_engine()
        else:
            try:
                self.engine.refresh()
            except Exception as exc:
                log.exception("refresh failed")
                self.banner.show_message(
                    self.tr("The index could not be reopened: %1").replace("%1", str(exc)),
                    "error",
                )
        self._update_doc_count()
        if self.query():
            self.run_search()
        else:
            self._show_empty_state()

    # -- keyboard, zoom, language ----------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            key_event = event if isinstance(event, QKeyEvent) else None
            if key_event is not None:
                if key_event.key() in NAV_KEYS and self.model.rowCount():
                    self._move_selection(key_event.key())
                    return True
                if key_event.key() == Qt.Key.Key_Escape and self.search_field.text():
                    self.search_field.clear()
                    return True
        return super().eventFilter(watched, event)

    def _move_selection(self, key: int) -> None:
        rows = self.model.rowCount()
        current = self.list_view.currentIndex().row()
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -5,
            Qt.Key.Key_PageDown: 5,
        }[Qt.Key(key)]
        row = max(0, min(rows - 1, (current if current >= 0 else -1) + step))
        self.list_view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(self.model.index(row, 0))

    def zoom_in(self) -> None:
        self.reader.zoom_in()
        self.settings.zoom = self.reader.zoom

    def zoom_out(self) -> None:
        self.reader.zoom_out()
        self.settings.zoom = self.reader.zoom

    def zoom_reset(self) -> None:
        self.reader.set_zoom(0)
        self.settings.zoom = 0

    def set_language(self, choice: str) -> None:
        """Switch the UI language ('' follows the system) and remember it."""
        self.settings.language = choice
        self.language_actions.get(choice, self.language_actions[""]).setChecked(True)
        if self.translations is not None:
            self.translations.apply(choice)
            # Qt posts LanguageChange events; re-set texts now so the switch is immediate.
            self.retranslate()
            self.reader.retranslate()

    def retranslate(self) -> None:
        self.search_field.setPlaceholderText(self.tr("Search — type with or without accents"))
        self.accent_box.setText(self.tr("Match accents"))
        self.accent_box.setToolTip(
            self.tr("Only find words written with exactly these accents (ca finds ca, not cá)")
        )
        self.sort_box.setItemText(0, self.tr("Most relevant"))
        self.sort_box.setItemText(1, self.tr("Newest first"))
        self.sort_box.setToolTip(self.tr("Sort results"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.chips.caption.setText(self.tr("Accented forms:"))

        self.file_menu.setTitle(self.tr("&File"))
        self.search_menu.setTitle(self.tr("&Search"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.add_folder_action.setText(self.tr("&Add Folder…"))
        self.reindex_action.setText(self.tr("&Re-index"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Find"))
        self.next_action.setText(self.tr("&Next Match"))
        self.prev_action.setText(self.tr("&Previous Match"))
        self.accent_action.setText(self.tr("&Match Accents"))
        self.zoom_in_action.setText(self.tr("Zoom &In"))
        self.zoom_out_action.setText(self.tr("Zoom &Out"))
        self.zoom_reset_action.setText(self.tr("&Actual Size"))
        self.about_action.setText(self.tr("&About Tìm Tin"))
        self.language_actions[""].setText(self.tr("&System Language"))

        self._update_doc_count()
        self._update_status()
        if self.results_stack.currentWidget() is self.empty_label:
            self._show_empty_state()
        if self.index_job.running:
            running_first = self.doc_count() == 0
            self._indexing_label = (
                self.tr("Building the index…") if running_first else self.tr("Indexing…")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- about, errors ---------------------------------------------------------------------

    def about_text(self) -> str:
        tagline = self.tr("Offline full-text search and reading for Vietnamese text.")
        location = self.tr("Index location:")
        documents = self.tr("Documents:")
        licences = self.tr("Licences")
        font = self.tr("Be Vietnam Pro font")
        return (
            f"<h3>{APP_TITLE} {html.escape(__version__)}</h3>"
            f"<p>{tagline}</p>"
            f"<p>{location} <code>{html.escape(str(self.index_dir))}</code><br>"
            f"{documents} {self.doc_count()}</p>"
            f"<p><b>{licences}</b><br>"
            "Tìm Tin — MIT<br>Whoosh 2.7.4 — BSD<br>Qt for Python (PySide6) — LGPL v3<br>"
            f"{font} — SIL Open Font License 1.1</p>"
        )

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Tìm Tin"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, returns at once
        return box

    def show_error(self, message: str, details: str = "") -> None:
        """A non-blocking error message in the window (used by the global excepthook too)."""
        self.banner.show_message(message, "error", details)

    # -- Qt events -------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.empty_label.setStyleSheet("")
            if self.results_stack.currentWidget() is self.empty_label:
                self._show_empty_state()
            QTimer.singleShot(0, self.focus_search)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.searches.cancel()
        self.reads.cancel()
        self.index_job.cancel()
        self.index_job.wait(10_000)
        self._pool.waitForDone(5_000)
        if self.engine is not None:
            try:
                self.engine.close()
            except Exception:
                log.exception("closing the engine failed")
            self.engine = None
        super().closeEvent(event)
