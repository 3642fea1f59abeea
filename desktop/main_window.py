"""The main window: search bar on top, results left, reader right, status bar below.

It composes the parts and wires them to the engine through background workers; it keeps no
search logic: every result, snippet and highlight comes from `index/`.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import status_texts
from desktop.about import APP_TITLE, about_text, show_about
from desktop.i18n import Translations
from desktop.indexing_bar import IndexingBar
from desktop.menu_actions import MenuActions
from desktop.reader import ReaderPane
from desktop.results_pane import ResultsPane
from desktop.search_bar import SearchBar
from desktop.settings import Settings
from desktop.workers import IndexJob, LatestRunner
from index import Engine, IndexReport, ReaderView, SearchResult
from index.paths import seeds_dir

log = logging.getLogger("timtin.desktop")

SEARCH_LIMIT = 50
DEBOUNCE_MS = 180
BUSY_HINT_MS = 300


class MainWindow(QMainWindow):
    """One window on one index directory."""

    search_painted = Signal(object)  # SearchResult now shown in the list
    total_counted = Signal(int)  # the exact total of the shown search, counted after painting
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
        self._first_show = True

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self.searches = LatestRunner(self._pool, self)
        self.searches.finished.connect(self.on_search_finished)
        self.searches.failed.connect(self.on_search_failed)
        self.reads = LatestRunner(self._pool, self)
        self.counts = LatestRunner(self._pool, self)
        self.reads.finished.connect(self.on_read_finished)
        self.counts.finished.connect(self.on_count_finished)
        self.reads.failed.connect(self.on_read_failed)
        self.index_job = IndexJob(parent=self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self._busy_hint = QTimer(self)
        self._busy_hint.setSingleShot(True)
        self._busy_hint.setInterval(BUSY_HINT_MS)
        self._busy_hint.timeout.connect(self._show_searching)

        self._build_parts()
        self._expose_parts()
        self._wire_parts()
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

    def _build_parts(self) -> None:
        self.setWindowTitle(APP_TITLE)
        self.search_bar = SearchBar(self)
        self.results_pane = ResultsPane(self)
        self.results_pane.follow_keys_of(self.search_bar.field)
        self.reader = ReaderPane(self)
        self.reader.setMinimumWidth(320)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.results_pane)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.setSizes([440, 660])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("resultStatus")
        self.indexing_bar = IndexingBar(self)
        self.doc_count_label = QLabel(self)
        self.doc_count_label.setObjectName("docCount")
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.indexing_bar)
        bar.addPermanentWidget(self.doc_count_label)
        self.menu_actions = MenuActions(self)
        self.resize(1180, 760)

    def _expose_parts(self) -> None:
        """The parts' widgets and actions under the window's own names, which tests use."""
        self.search_field = self.search_bar.field
        self.accent_box = self.search_bar.accent_box
        self.sort_box = self.search_bar.sort_box
        pane = self.results_pane
        self.banner = pane.banner
        self.info_label = pane.info_label
        self.chips = pane.chips
        self.model = pane.model
        self.list_view = pane.list_view
        self.delegate = pane.delegate
        self.empty_label = pane.empty_label
        self.results_stack = pane.results_stack
        self.progress_label = self.indexing_bar.progress_label
        self.progress_bar = self.indexing_bar.progress_bar
        self.cancel_button = self.indexing_bar.cancel_button
        actions = self.menu_actions
        self.add_folder_action = actions.add_folder_action
        self.reindex_action = actions.reindex_action
        self.quit_action = actions.quit_action
        self.find_action = actions.find_action
        self.next_action = actions.next_action
        self.prev_action = actions.prev_action
        self.accent_action = actions.accent_action
        self.zoom_in_action = actions.zoom_in_action
        self.zoom_out_action = actions.zoom_out_action
        self.zoom_reset_action = actions.zoom_reset_action
        self.about_action = actions.about_action
        self.language_actions = actions.language_actions
        self.file_menu = actions.file_menu

    def _wire_parts(self) -> None:
        self.search_field.textEdited.connect(self.on_query_edited)
        self.search_field.textChanged.connect(self.on_query_changed)
        self.search_field.returnPressed.connect(self.on_return_pressed)
        self.accent_box.toggled.connect(self.on_accent_toggled)
        self.sort_box.currentIndexChanged.connect(self.on_sort_changed)

        self.results_pane.link_activated.connect(self.on_info_link)
        self.results_pane.hit_chosen.connect(self.open_row)
        self.chips.variant_chosen.connect(self.on_variant_chosen)
        self.reader.match_changed.connect(self.menu_actions.on_match_changed)

        job = self.index_job
        job.started.connect(self.on_indexing_started)
        job.progress_changed.connect(self.indexing_bar.on_indexing_progress)
        job.indexing_finished.connect(self.on_indexing_finished)
        job.indexing_failed.connect(self.on_indexing_failed)
        self.indexing_bar.cancel_clicked.connect(self.cancel_indexing)

        actions = self.menu_actions
        actions.add_folder_action.triggered.connect(self.choose_folder)
        actions.reindex_action.triggered.connect(self.reindex)
        actions.quit_action.triggered.connect(self.close)
        actions.find_action.triggered.connect(self.focus_search)
        actions.next_action.triggered.connect(self.reader.next_match)
        actions.prev_action.triggered.connect(self.reader.previous_match)
        actions.accent_action.triggered.connect(self.accent_box.setChecked)
        actions.zoom_in_action.triggered.connect(self.zoom_in)
        actions.zoom_out_action.triggered.connect(self.zoom_out)
        actions.zoom_reset_action.triggered.connect(self.zoom_reset)
        actions.about_action.triggered.connect(self.show_about)
        actions.language_chosen.connect(self.set_language)

    def _restore_settings(self) -> None:
        settings = self.settings
        if not settings.geometry.isEmpty():
            self.restoreGeometry(settings.geometry)
        if not settings.window_state.isEmpty():
            self.restoreState(settings.window_state)
        if not settings.splitter.isEmpty():
            self.splitter.restoreState(settings.splitter)
        self.search_bar.set_exact_quietly(settings.exact)
        self.accent_action.setChecked(settings.exact)
        self.search_bar.set_sort_quietly(settings.sort)
        self.reader.set_zoom(settings.zoom)
        self.menu_actions.check_language(settings.language)

    def save_settings(self) -> None:
        settings = self.settings
        settings.geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.splitter = self.splitter.saveState()
        settings.last_query = self.search_field.text()
        settings.exact = self.exact()
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
        self.doc_count_label.setText(status_texts.document_count(self.doc_count()))

    # -- searching -------------------------------------------------------------------------

    def current_sort(self) -> str:
        return self.search_bar.current_sort()

    def exact(self) -> bool:
        return self.search_bar.exact()

    def query(self) -> str:
        return self.search_bar.query()

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
            self.results_pane.clear()
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

        # Hits first, without the exact total: it takes a second pass, counted after painting.
        self.searches.submit(
            lambda: engine.search(
                query,
                limit=SEARCH_LIMIT,
                exact=exact,
                sort=sort,
                cancelled=superseded,
                count=False,
            )
        )

    def _show_searching(self) -> None:
        if self.searches.busy:
            self.status_label.setText(self.tr("Searching…"))

    def on_search_finished(self, result: SearchResult) -> None:
        self._busy_hint.stop()
        self._painted_key = self._pending_key
        self.results_pane.show_result(result)  # opens the first hit, if any
        if not result.hits:
            self.reads.cancel()
            self.reader.clear()
            self._show_empty_state()
        self.statusBar().clearMessage()  # an old "index updated" note must not hide the count
        self._update_status()
        self.search_painted.emit(result)
        engine = self.engine
        if not result.total_exact and engine is not None and self._painted_key is not None:
            query, exact, _sort = self._painted_key
            self.counts.submit(lambda: (query, exact, engine.count(query, exact=exact)))

    def on_count_finished(self, counted: tuple[str, bool, int]) -> None:
        query, exact, total = counted
        if self.model.result is None or self._painted_key is None:
            return
        if self._painted_key[:2] != (query, exact):
            return
        self.model.set_total(total)
        self._update_status()
        self.total_counted.emit(total)

    def on_search_failed(self, message: str) -> None:
        self._busy_hint.stop()
        self.status_label.setText(self.tr("Search failed"))
        self.banner.show_message(
            self.tr("The search could not be completed: %1").replace("%1", message), "error"
        )

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
        self.search_bar.set_exact_quietly(True)
        self.accent_action.setChecked(True)
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

    # -- reading ---------------------------------------------------------------------------

    def open_current(self) -> None:
        row = self.results_pane.current_row()
        if row >= 0:
            self.open_row(row)

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

    # -- empty states and status -----------------------------------------------------------

    def _show_empty_state(self) -> None:
        title, body = status_texts.empty_state(
            building=self.index_job.running and self.doc_count() == 0,
            doc_count=self.doc_count(),
            query=self.query(),
            no_results=self._painted_key is not None and self.model.rowCount() == 0,
            exact=self.exact(),
        )
        self.results_pane.show_message(title, body)

    def _update_status(self) -> None:
        result = self.model.result
        if result is None or self._painted_key is None:
            self.status_label.setText("")
            return
        self.status_label.setText(status_texts.result_count(result))

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
        self.indexing_bar.building = first_run
        started = self.index_job.start(paths, self.index_dir, rebuild=rebuild)
        if started and first_run:
            self._show_empty_state()
        return started

    def cancel_indexing(self) -> None:
        self.index_job.cancel()
        self.indexing_bar.show_cancelling()

    def _set_indexing_visible(self, visible: bool) -> None:
        self.indexing_bar.set_running(visible)
        self.menu_actions.set_indexing(visible)

    def on_indexing_started(self) -> None:
        self.indexing_bar.on_indexing_started()
        self._set_indexing_visible(True)

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

    # -- focus, zoom, language -------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_bar.focus_field()

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
        self.menu_actions.check_language(choice)
        if self.translations is not None:
            self.translations.apply(choice)
            # Qt posts LanguageChange events; re-set texts now so the switch is immediate.
            self.retranslate()
            self.reader.retranslate()

    def retranslate(self) -> None:
        self.search_bar.retranslate()
        self.results_pane.retranslate()
        self.indexing_bar.retranslate()
        self.menu_actions.retranslate()
        self._update_doc_count()
        self._update_status()
        if self.results_pane.showing_message:
            self._show_empty_state()
        if self.index_job.running:
            self.indexing_bar.building = self.doc_count() == 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- about, errors ---------------------------------------------------------------------

    def about_text(self) -> str:
        return about_text(self.index_dir, self.doc_count())

    def show_about(self) -> QMessageBox:
        return show_about(self, self.about_text())

    def show_error(self, message: str, details: str = "") -> None:
        """A non-blocking error message in the window (used by the global excepthook too)."""
        self.banner.show_message(message, "error", details)

    # -- Qt events -------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.empty_label.setStyleSheet("")
            if self.results_pane.showing_message:
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
