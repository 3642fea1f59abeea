"""The main window: search bar on top, results left, reader right, status bar below.

It composes the parts and wires them to a `SearchController`, which does the searching,
reading and indexing; the window keeps the layout, the settings, the texts and the dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import help_dialogs, status_texts
from desktop.about import APP_TITLE, about_text, show_about
from desktop.filter_bar import FilterBar
from desktop.folders_dialog import FoldersDialog
from desktop.i18n import Translations
from desktop.indexing_bar import IndexingBar
from desktop.live_folders import LiveFolders, dropped_folders
from desktop.menu_actions import MenuActions
from desktop.more_results import MoreResults
from desktop.reader import ReaderPane
from desktop.results_pane import ResultsPane
from desktop.search_bar import SearchBar
from desktop.search_controller import SearchController
from desktop.search_history import SearchHistory
from desktop.settings import Settings
from desktop.status_texts import LinkAction
from desktop.widgets import BannerKind
from desktop.window_geometry import fit_first_window, keep_on_screen
from index import IndexReport, ReaderView, SearchResult, WatchEvent, WatchUpdate

READER_MIN_WIDTH = 320
SPLITTER_SIZES = (440, 660)
WINDOW_SIZE = (1180, 760)
BUSY_MESSAGE_MS = 5000
INDEXED_MESSAGE_MS = 8000
SKIPPED_SHOWN = 30  # skipped files listed in the banner's tooltip
# What changed since the shown search last ran (files indexed, removed); None: unknown which.
Changes = tuple[frozenset[str], frozenset[str]] | None
NO_CHANGES: Changes = (frozenset(), frozenset())


class MainWindow(QMainWindow):
    """One window on one index directory; `controller` does the work, the window shows it."""

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
        self.settings = settings if settings is not None else Settings()
        self.translations = translations
        self.controller = SearchController(Path(index_dir), self.settings, self)
        self.live_folders = LiveFolders(Path(index_dir), self.settings, self)
        self.folders_dialog: FoldersDialog | None = None
        self._changes: Changes = NO_CHANGES
        self._first_show = True
        self.setAcceptDrops(True)  # a folder dropped on the window is added

        self._build_parts()
        self._wire_parts()
        self._wire_controller()
        self._set_indexing_visible(False)
        self._restore_settings()
        self.retranslate()
        controller = self.controller
        controller.open_engine()
        if restore_query and self.settings.last_query:
            self.search_bar.field.setText(self.settings.last_query)
        if build_if_empty and controller.index_needs_building():
            controller.start_indexing(controller.first_run_paths(), first_run=True)
        elif controller.wanted.query:
            controller.search_now()
        if not controller.indexing and controller.engine is not None:
            self.live_folders.start(controller.engine.roots)

    # -- construction ----------------------------------------------------------------------

    def _build_parts(self) -> None:
        """The search bar over the results and reader, the status bar, the menus."""
        self.setWindowTitle(APP_TITLE)
        self.search_bar = SearchBar(self)
        self.results_pane = ResultsPane(self)
        self.results_pane.follow_keys_of(self.search_bar.field)
        self.reader = ReaderPane(self)
        self.reader.setMinimumWidth(READER_MIN_WIDTH)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.results_pane)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.setSizes(list(SPLITTER_SIZES))

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.search_bar)
        self.filter_bar = FilterBar(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("resultStatus")
        self.indexing_bar = IndexingBar(self)
        self.doc_count_label = QLabel(self)
        self.doc_count_label.setObjectName("docCount")
        self.watch_label = QLabel(self)  # what the watcher did or why it cannot watch
        self.watch_label.setObjectName("watchNote")
        self._lasting_note = ("", "")  # a folder rescanned instead of watched: text, tooltip
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self.show_lasting_note)
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.watch_label)
        bar.addPermanentWidget(self.indexing_bar)
        bar.addPermanentWidget(self.doc_count_label)
        self.menu_actions = MenuActions(self)
        self.menu_actions.add_result_menu(self.results_pane.hit_actions)
        self.more_results = MoreResults(self.controller, self.results_pane, self)
        self.history = SearchHistory(self.search_bar.field, self.settings, self)
        fit_first_window(self, QSize(*WINDOW_SIZE))

    def _wire_parts(self) -> None:
        """What the user does in the parts goes to the controller or the window's slots."""
        controller = self.controller
        field = self.search_bar.field
        field.textChanged.connect(controller.on_query_changed)
        field.textEdited.connect(controller.on_query_edited)
        field.returnPressed.connect(self.on_return_pressed)
        self.search_bar.accent_box.toggled.connect(self.on_accent_toggled)
        self.search_bar.sort_box.currentIndexChanged.connect(self.on_sort_changed)
        self.filter_bar.filters_changed.connect(self.on_filters_changed)

        self.results_pane.link_activated.connect(self.on_link_activated)
        self.results_pane.hit_chosen.connect(self.open_row)
        self.results_pane.chips.variant_chosen.connect(self.on_variant_chosen)
        self.reader.match_changed.connect(self.menu_actions.on_match_changed)
        self.indexing_bar.cancel_clicked.connect(self.cancel_indexing)

        actions = self.menu_actions
        actions.add_folder_action.triggered.connect(self.choose_folder)
        actions.reindex_action.triggered.connect(self.reindex)
        actions.folders_action.triggered.connect(self.show_folders)
        self.live_folders.watch_updated.connect(self.on_watch_updated)
        self.live_folders.index_changed.connect(self.on_index_changed)
        actions.quit_action.triggered.connect(self.close)
        actions.find_action.triggered.connect(self.focus_search)
        actions.next_action.triggered.connect(self.reader.next_match)
        actions.prev_action.triggered.connect(self.reader.previous_match)
        actions.accent_action.triggered.connect(self.search_bar.accent_box.setChecked)
        actions.zoom_in_action.triggered.connect(self.zoom_in)
        actions.zoom_out_action.triggered.connect(self.zoom_out)
        actions.zoom_reset_action.triggered.connect(self.zoom_reset)
        actions.about_action.triggered.connect(self.show_about)
        actions.language_chosen.connect(self.set_language)
        actions.clear_query_action.triggered.connect(self.clear_query)
        actions.clear_history_action.triggered.connect(self.history.clear)
        actions.shortcuts_action.triggered.connect(self.show_shortcuts)
        actions.syntax_action.triggered.connect(self.show_syntax)
        self.history.chosen.connect(lambda query: self.set_query(query, now=True))
        self.search_painted.connect(self.history.on_search_painted)
        field.returnPressed.connect(self.history.remember_shown)
        self.results_pane.list_view.clicked.connect(self.history.remember_shown)
        self.more_results.loaded.connect(self.on_more_loaded)

    def _wire_controller(self) -> None:
        """What happened in the controller is painted by the window's slots."""
        controller = self.controller
        controller.search_cleared.connect(self.on_search_cleared)
        controller.search_slow.connect(self.on_search_slow)
        controller.search_finished.connect(self.on_search_finished)
        controller.search_failed.connect(self.on_search_failed)
        controller.total_counted.connect(self.on_total_counted)
        controller.document_loading.connect(self.reader.show_loading)
        controller.document_read.connect(self.on_document_read)
        controller.read_failed.connect(self.on_read_failed)
        controller.indexing_started.connect(self.on_indexing_started)
        controller.indexing_progressed.connect(self.indexing_bar.on_indexing_progress)
        controller.indexing_waiting.connect(self.indexing_bar.show_waiting)
        controller.indexing_finished.connect(self.on_indexing_finished)
        controller.indexing_failed.connect(self.on_indexing_failed)
        controller.index_outdated.connect(self.on_index_outdated)
        controller.open_failed.connect(self.on_open_failed)
        controller.refresh_failed.connect(self.on_refresh_failed)
        controller.doc_count_changed.connect(self.on_doc_count_changed)
        controller.doc_count_changed.connect(self.offer_filter_choices)

    def _restore_settings(self) -> None:
        """Put back what `save_settings` remembered, without starting a search."""
        settings = self.settings
        if not settings.geometry.isEmpty():
            self.restoreGeometry(settings.geometry)
            keep_on_screen(self)  # saved on a larger screen, it must still fit this one
        if not settings.window_state.isEmpty():
            self.restoreState(settings.window_state)
        if not settings.splitter.isEmpty():
            self.splitter.restoreState(settings.splitter)
        self.search_bar.set_exact_quietly(settings.exact)
        self.menu_actions.accent_action.setChecked(settings.exact)
        self.search_bar.set_sort_quietly(settings.sort)
        self.filter_bar.restore(settings.store)
        self.controller.set_filters(self.filter_bar.filters())
        self.controller.set_exact(settings.exact)
        self.controller.set_sort(settings.sort)
        self.reader.set_zoom(settings.zoom)
        self.menu_actions.check_language(settings.language)

    def save_settings(self) -> None:
        """Remember the window's layout, the query and its options, and the zoom."""
        settings = self.settings
        settings.geometry = self.saveGeometry()
        settings.window_state = self.saveState()
        settings.splitter = self.splitter.saveState()
        settings.last_query = self.search_bar.field.text()
        settings.exact = self.search_bar.exact()
        settings.sort = self.search_bar.current_sort()
        self.filter_bar.save(settings.store)
        settings.zoom = self.reader.zoom
        settings.sync()

    @property
    def index_dir(self) -> Path:
        """The folder of the index the window searches."""
        return self.controller.index_dir

    # -- searching -------------------------------------------------------------------------

    def set_query(self, text: str, *, now: bool = False) -> None:
        """Put `text` in the search field, whole words; search after the debounce, or `now`."""
        self.search_bar.field.setText(text)
        self.controller.set_typed(False)
        if now:
            self.controller.search_now()
        else:
            self.controller.search_soon()

    def on_return_pressed(self) -> None:
        """Enter searches for a new query at once, or opens the selected hit of a shown one."""
        if self.controller.wanted.query and not self.controller.search_unless_shown():
            self.open_current()  # else the new search's first hit opens when it is painted

    def on_accent_toggled(self, checked: bool) -> None:
        """Match accents changed in the bar: the menu follows, the controller searches again."""
        self.menu_actions.accent_action.setChecked(checked)
        self.controller.on_exact_toggled(checked)

    def on_sort_changed(self, _index: int) -> None:
        """Another sort order was chosen in the bar."""
        self.controller.on_sort_chosen(self.search_bar.current_sort())

    def on_filters_changed(self) -> None:
        """Another period, folder or file type was chosen in the filter bar."""
        self.controller.on_filters_chosen(self.filter_bar.filters())

    def offer_filter_choices(self) -> None:
        """The filter bar offers the index's folders and file types (after opening, indexing)."""
        self.filter_bar.offer(*self.controller.filter_choices())

    def on_link_activated(self, action: LinkAction, argument: str) -> None:
        """A link in the results pane was clicked: do what it says."""
        if action is LinkAction.QUERY:
            self.set_query(argument, now=True)
        elif action is LinkAction.EXACT_OFF:
            self.search_bar.accent_box.setChecked(False)
        elif action is LinkAction.ADD_FOLDER:
            self.choose_folder()

    def on_variant_chosen(self, word: str, form: str) -> None:
        """Narrow that one word to one accented form (`exact:form`); Match accents stays."""
        self.set_query(self.results_pane.narrow(self.search_bar.field.text(), word, form), now=True)

    def clear_query(self) -> None:
        """Esc anywhere in the window: empty the search field and put the cursor there."""
        self.search_bar.field.clear()
        self.focus_search()

    def on_search_cleared(self) -> None:
        """The query is empty: no results, no document, the start message."""
        self.results_pane.clear()
        self.reader.clear()
        self._show_empty_state()
        self._update_status()

    def on_search_slow(self) -> None:
        """The search takes a while: say it is running."""
        self.status_label.setText(self.tr("Searching…"))

    def on_search_finished(self, result: SearchResult) -> None:
        """Paint the newest result; its first hit opens in the reader (after the index changed,
        the hit and document being read stay)."""
        if self.controller.refreshed:
            self._show_refreshed(result)
        else:
            self.results_pane.show_result(result)  # selects, and so reads, the first hit
            self.statusBar().clearMessage()  # the user searched: an old note must not hide it
        if not result.hits:
            self.reader.clear()
            self._show_empty_state()
        self._update_status()
        self.search_painted.emit(result)

    def on_total_counted(self, total: int) -> None:
        """The exact total arrived after the hits: show it."""
        self.results_pane.set_total(total)
        self._update_status()
        self.total_counted.emit(total)

    def on_more_loaded(self, _result: SearchResult) -> None:
        """More hits joined the list: the count says how many are listed now."""
        self._update_status()

    def on_search_failed(self, message: str) -> None:
        """The search failed: say so in the status bar and why in the banner."""
        self.status_label.setText(self.tr("Search failed"))
        self.results_pane.banner.show_message(
            self.tr("The search could not be completed: %1").replace("%1", message),
            BannerKind.ERROR,
        )

    # -- reading ---------------------------------------------------------------------------

    def open_current(self) -> None:
        """Read the selected hit again."""
        row = self.results_pane.current_row()
        if row >= 0:
            self.open_row(row)

    def open_row(self, row: int) -> None:
        """Read hit `row` in the background and show it in the reader."""
        hit = self.results_pane.model.hit(row)
        if hit is not None:
            self.controller.read(hit.path)

    def on_document_read(self, view: ReaderView) -> None:
        """Show the document just read."""
        self.reader.show_view(view)
        self.document_opened.emit(view)

    def _show_refreshed(self, result: SearchResult) -> None:
        """The shown search again after the index changed: the list keeps its place and the
        document being read stays, read again if its file changed, or said gone."""
        changes, self._changes = self._changes, NO_CHANGES
        view = self.reader.view
        if view is None or not result.hits:
            self.results_pane.show_result(result)
            return
        self.results_pane.show_result_keeping(result, view.path)
        if changes is not None and view.path in changes[1]:
            self.reader.clear(self.tr("This document was removed from the index."))
        elif changes is None or view.path in changes[0]:
            self.controller.read(view.path, quietly=True)

    def on_read_failed(self, message: str) -> None:
        """The document could not be read: say why in the reader."""
        self.reader.clear(self.tr("This document could not be opened: %1").replace("%1", message))

    # -- empty states and status -----------------------------------------------------------

    def _show_empty_state(self) -> None:
        controller = self.controller
        title, body = status_texts.empty_state(
            building=controller.building,
            doc_count=controller.doc_count(),
            query=controller.wanted.query,
            no_results=controller.painted is not None and self.results_pane.model.rowCount() == 0,
            exact=controller.wanted.exact,
            seeds_only=controller.seeds_only(),
        )
        self.results_pane.show_message(title, body)

    def _update_status(self) -> None:
        result = self.results_pane.model.result
        if result is None or self.controller.painted is None:
            self.status_label.setText("")
            return
        self.status_label.setText(status_texts.result_count(result))

    def _update_doc_count(self) -> None:
        self.on_doc_count_changed(self.controller.doc_count())

    def on_doc_count_changed(self, count: int) -> None:
        """Show how many documents the index holds."""
        self.doc_count_label.setText(status_texts.document_count(count))

    # -- the index -------------------------------------------------------------------------

    def on_open_failed(self, reason: str) -> None:
        """The index could not be opened: say where and why, and how to rebuild it."""
        self.results_pane.banner.show_message(
            self.tr("The index at %1 could not be opened (%2). Use File → Re-index to rebuild it.")
            .replace("%1", str(self.index_dir))
            .replace("%2", reason),
            BannerKind.ERROR,
        )

    def on_index_outdated(self) -> None:
        """The index is being rebuilt: say why."""
        self.results_pane.banner.show_message(
            self.tr("The index was made by another version or was damaged; rebuilding it."),
            BannerKind.INFO,
        )

    def on_refresh_failed(self, reason: str) -> None:
        """The index could not be reopened after indexing."""
        self.results_pane.banner.show_message(
            self.tr("The index could not be reopened: %1").replace("%1", reason), BannerKind.ERROR
        )

    # -- indexing --------------------------------------------------------------------------

    def choose_folder(self) -> None:
        """Ask for a folder and add it."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Add a folder of .txt files"), str(Path.home())
        )
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str | Path) -> bool:
        """Remember `folder` and index it in the background; False if indexing is busy."""
        if self.controller.indexing:
            self.statusBar().showMessage(self.tr("Indexing is already running."), BUSY_MESSAGE_MS)
            return False
        return self.controller.add_folder(folder)

    def reindex(self) -> bool:
        """Update the index from every remembered folder (incremental)."""
        return self.controller.reindex()

    def show_folders(self) -> FoldersDialog:
        """File → Folders…: the indexed folders and what can be done to them (non-modal)."""
        if self.folders_dialog is None:
            self.folders_dialog = FoldersDialog(self.live_folders, self.choose_folder, self)
        self.folders_dialog.reload()
        self.folders_dialog.show()
        self.folders_dialog.raise_()
        return self.folders_dialog

    def on_index_changed(
        self, indexed: frozenset[str] | None, removed: frozenset[str] | None
    ) -> None:
        """The watcher or a folder job committed: show the new state, the shown search and
        the document being read kept."""
        if indexed is None or removed is None or self._changes is None:
            self._changes = None
        else:
            self._changes = (self._changes[0] | indexed, self._changes[1] | removed)
        self.controller.on_index_changed()
        self.offer_filter_choices()
        if not self.controller.wanted.query:
            self._show_empty_state()

    def on_watch_updated(self, update: WatchUpdate) -> None:
        """Say in the status bar what the watcher did; why a folder is not watched stays."""
        if update.kind is WatchEvent.WAITING and self.controller.indexing:
            return  # the window's own run holds the index: nothing to say
        note = status_texts.watch_note(update)
        if not note:
            return
        if update.kind is WatchEvent.FALLBACK:
            self._lasting_note = (note, update.describe())
            self.show_lasting_note()
            return
        self.watch_label.setText(note)
        self.watch_label.setToolTip(update.describe())
        self._note_timer.start(INDEXED_MESSAGE_MS)

    def show_lasting_note(self) -> None:
        """Back to the note that stays (a folder rescanned instead of watched), or none."""
        self.watch_label.setText(self._lasting_note[0])
        self.watch_label.setToolTip(self._lasting_note[1])

    def cancel_indexing(self) -> None:
        """Cancel was clicked: stop indexing and say it is stopping."""
        self.controller.cancel_indexing()
        self.indexing_bar.show_cancelling()

    def _set_indexing_visible(self, visible: bool) -> None:
        self.indexing_bar.set_running(visible)
        self.menu_actions.set_indexing(visible)

    def on_indexing_started(self, first_build: bool) -> None:
        """Show the indexing bar; a first build also says so where the results would be."""
        self.indexing_bar.building = first_build
        self.indexing_bar.on_indexing_started()
        self._set_indexing_visible(True)
        if first_build:
            self._show_empty_state()

    def on_indexing_finished(self, report: IndexReport) -> None:
        """Indexing ended: hide the bar, say what changed, warn about skipped files."""
        self._set_indexing_visible(False)
        self._changes = None  # the shown search runs again: its document is read again
        self._follow_folders()
        if not self.controller.wanted.query:
            self._show_empty_state()
        if report.cancelled:
            message = self.tr("Indexing cancelled; what was indexed so far is kept.")
        else:
            message = (
                self.tr("Index updated: %1 added, %2 updated, %3 removed.")
                .replace("%1", str(report.added))
                .replace("%2", str(report.updated))
                .replace("%3", str(report.removed))
            )
        self.statusBar().showMessage(message, INDEXED_MESSAGE_MS)
        if report.skipped:
            shown = report.skipped[:SKIPPED_SHOWN]
            details = "\n".join(f"{s.path}: {s.reason}" for s in shown)
            self.results_pane.banner.show_message(
                self.tr("%n file(s) could not be read and were skipped.", "", len(report.skipped)),
                BannerKind.WARNING,
                details,
            )
        self.index_updated.emit(report)

    def on_indexing_failed(self, message: str) -> None:
        """Indexing failed: hide the bar and say why."""
        self._set_indexing_visible(False)
        self._changes = None
        self._follow_folders()
        self.results_pane.banner.show_message(
            self.tr("Indexing failed: %1").replace("%1", message), BannerKind.ERROR
        )
        if not self.controller.wanted.query:
            self._show_empty_state()

    def _follow_folders(self) -> None:
        """The watcher keeps the index's folders up to date, one just added too."""
        self.live_folders.follow()

    def add_folders(self, folders: list[str]) -> bool:
        """Remember `folders` and index them in the background; False if indexing is busy."""
        if len(folders) == 1:
            return self.add_folder(folders[0])
        if self.controller.indexing:
            self.statusBar().showMessage(self.tr("Indexing is already running."), BUSY_MESSAGE_MS)
            return False
        for folder in folders:
            self.settings.add_folder(folder)
        return self.controller.start_indexing(folders)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Folders dragged over the window may be dropped; anything else may not."""
        if dropped_folders(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Folders dropped on the window are added and indexed."""
        folders = dropped_folders(event.mimeData())
        if not folders:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_folders(folders)

    # -- focus, zoom, language -------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search field, its text selected."""
        self.search_bar.focus_field()

    def zoom_in(self) -> None:
        """Larger reader text, remembered."""
        self.reader.zoom_in()
        self.settings.zoom = self.reader.zoom

    def zoom_out(self) -> None:
        """Smaller reader text, remembered."""
        self.reader.zoom_out()
        self.settings.zoom = self.reader.zoom

    def zoom_reset(self) -> None:
        """The reader's text at its normal size."""
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
        """Re-set every text of the window and its parts in the current language."""
        self.search_bar.retranslate()
        self.filter_bar.retranslate()
        self.results_pane.retranslate()
        self.indexing_bar.retranslate()
        self.menu_actions.retranslate()
        self._update_doc_count()
        self._update_status()
        if self.results_pane.showing_message:
            self._show_empty_state()
        if self.controller.indexing:
            self.indexing_bar.building = self.controller.doc_count() == 0

    def changeEvent(self, event: QEvent) -> None:
        """Qt changed the application's language: re-set the texts."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- about, errors ---------------------------------------------------------------------

    def about_text(self) -> str:
        """The About box's text for this window's index."""
        return about_text(self.index_dir, self.controller.doc_count())

    def show_about(self) -> QMessageBox:
        """Open the About box (window-modal, it returns at once)."""
        return show_about(self, self.about_text())

    def show_shortcuts(self) -> QWidget:
        """Help → Keyboard shortcuts: every action's keys (non-modal)."""
        page = help_dialogs.shortcuts_html(self.menu_actions.all_actions())
        return help_dialogs.show_help(self, self.tr("Keyboard Shortcuts"), page)

    def show_syntax(self) -> QWidget:
        """Help → Search syntax: the operators and filters a query understands (non-modal)."""
        return help_dialogs.show_help(self, self.tr("Search Syntax"), help_dialogs.syntax_html())

    def show_error(self, message: str, details: str = "") -> None:
        """A non-blocking error message in the window (used by the global excepthook too)."""
        self.results_pane.banner.show_message(message, BannerKind.ERROR, details)

    # -- Qt events -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first show re-lays the start message in the final style and focuses the field."""
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            if not self.settings.geometry.isEmpty():
                keep_on_screen(self)  # restored: now that the frame's size is known
            self.results_pane.empty_label.setStyleSheet("")
            if self.results_pane.showing_message:
                self._show_empty_state()
            QTimer.singleShot(0, self.focus_search)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the settings, stop the background work, close the engine."""
        self.history.remember_shown()
        self.save_settings()
        self.more_results.close()
        self.live_folders.close()
        self.controller.close()
        super().closeEvent(event)
