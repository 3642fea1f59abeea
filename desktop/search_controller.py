"""What the window does beyond showing things: search as the user types, read, index.

A QObject with no widgets: slots `on_<signal>` take what the user did, signals named for what
happened carry the engine's answers back, and the window paints them.  Tests drive it directly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop.settings import Settings
from desktop.workers import IndexJob, LatestRunner, describe_error
from index import (
    CancelCheck,
    Engine,
    Filters,
    IndexReport,
    ReaderDocument,
    SearchResult,
    SortOrder,
    TimTinError,
    logger,
)
from index.paths import seeds_dir

log = logger(__name__)

SEARCH_LIMIT = 50
DEBOUNCE_MS = 60  # measured: keystroke to paint p95 at 100,000 documents (BENCHMARKS.md)
BUSY_HINT_MS = 300
POOL_THREADS = 2
CLOSE_WAIT_MS = (10_000, 5_000)  # indexing, then searches and reads


class SearchKey(NamedTuple):
    """What one search asks for: the same key is the same search."""

    query: str
    exact: bool
    sort: SortOrder
    filters: Filters = Filters()  # the filter bar's choice (the query's own fields aside)
    typing: bool = False  # typed key by key: the unfinished last word is a prefix


def search_key(engine: Engine, key: SearchKey, limit: int, cancelled: CancelCheck) -> SearchResult:
    """The engine's answer to `key`: hits first, without the exact total (a second pass,
    counted after painting); the first page and every longer page ask alike."""
    return engine.search(
        key.query,
        limit=limit,
        exact=key.exact,
        sort=key.sort,
        filters=key.filters,
        cancelled=cancelled,
        count=False,
        typing=key.typing,  # the unfinished last word is a prefix (index.query.complete)
    )


def swap_word(query: str, word: str, form: str) -> str:
    """`query` with its first whole-word `word` (any case) replaced by `form`."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return pattern.sub(form, query, count=1)


class SearchController(QObject):
    """One engine on one index directory, and the searches, reads and indexing runs on it.

    A newer search supersedes an older one (only the newest is delivered); the exact total
    of a search sorted by date is counted after its hits were delivered.
    """

    search_cleared = Signal()  # the query became empty: nothing to list or read
    search_slow = Signal()  # the newest search is still running BUSY_HINT_MS after it started
    search_finished = Signal(object)  # SearchResult of the newest search
    search_failed = Signal(str)  # why the newest search failed
    total_counted = Signal(int)  # the exact total of the delivered search
    document_loading = Signal(str)  # a document was asked for (its path): it is being read
    document_read = Signal(object)  # ReaderDocument of the hit asked for last
    read_failed = Signal(str)  # why it could not be read
    indexing_started = Signal(bool)  # True for the first build of an empty index
    indexing_progressed = Signal(int, int, str)  # done, total, the file just indexed
    indexing_waiting = Signal()  # another process is indexing this index: ours waits its turn
    indexing_finished = Signal(object)  # IndexReport, after the engine picked up the changes
    indexing_failed = Signal(str)  # why indexing failed, after the engine reopened
    index_outdated = Signal()  # the index was from another version or damaged: rebuild it
    open_failed = Signal(str)  # why the index could not be opened
    refresh_failed = Signal(str)  # why the index could not be reopened after indexing
    doc_count_changed = Signal(int)  # documents in the index, after opening or indexing

    def __init__(self, index_dir: Path, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index_dir = Path(index_dir)
        self._settings = settings
        self._engine: Engine | None = None
        self._wanted = SearchKey("", settings.exact, settings.sort)
        self._pending: SearchKey | None = None  # submitted, not delivered yet
        self._painted: SearchKey | None = None  # delivered: what the window shows
        self._result: SearchResult | None = None
        self._first_build = False
        self._pending_refresh = False  # the search on its way re-runs the shown one
        self._refreshed = False  # the search delivered last re-ran the shown one
        self._retrying = False  # a failed search is run again once, on the index reopened
        self._listed = SEARCH_LIMIT  # hits the list shows (more once pages were loaded)

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(POOL_THREADS)
        self.searches = LatestRunner(self._pool, self)
        self.searches.finished.connect(self.on_search_finished)
        self.searches.failed.connect(self.on_search_failed)
        self.counts = LatestRunner(self._pool, self)
        self.counts.finished.connect(self.on_count_finished)
        self.reads = LatestRunner(self._pool, self)
        self.reads.finished.connect(self.on_read_finished)
        self.reads.failed.connect(self.read_failed)
        self.index_job = IndexJob(parent=self)
        self.index_job.started.connect(self.on_indexing_started)
        self.index_job.progress_changed.connect(self.indexing_progressed)
        self.index_job.waiting_for_other_run.connect(self.indexing_waiting)
        self.index_job.indexing_finished.connect(self.on_indexing_finished)
        self.index_job.indexing_failed.connect(self.on_indexing_failed)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self._busy_hint = QTimer(self)
        self._busy_hint.setSingleShot(True)
        self._busy_hint.setInterval(BUSY_HINT_MS)
        self._busy_hint.timeout.connect(self.on_busy_hint_timeout)

    # -- state -----------------------------------------------------------------------------

    @property
    def index_dir(self) -> Path:
        """The folder of the index this controller searches."""
        return self._index_dir

    @property
    def engine(self) -> Engine | None:
        """The open engine; None before `open_engine` or when the index could not be opened."""
        return self._engine

    @property
    def wanted(self) -> SearchKey:
        """What the next search asks for: the typed query (stripped) and the two options."""
        return self._wanted

    @property
    def painted(self) -> SearchKey | None:
        """The key of the search last delivered; None when nothing is shown."""
        return self._painted

    @property
    def result(self) -> SearchResult | None:
        """The search result last delivered."""
        return self._result

    @property
    def refreshed(self) -> bool:
        """True when the search delivered last re-ran the shown one because the index changed
        (its hit and document are kept), not a search the user asked for."""
        return self._refreshed

    @property
    def searching(self) -> bool:
        """True while the newest search has not reported back."""
        return self.searches.busy

    @property
    def search_pending(self) -> bool:
        """True while a search waits for the typing to pause."""
        return self._debounce.isActive()

    @property
    def indexing(self) -> bool:
        """True while an indexing run is going."""
        return self.index_job.running

    @property
    def building(self) -> bool:
        """True while the first index is being built: indexing an index with no documents."""
        return self.indexing and self.doc_count() == 0

    def doc_count(self) -> int:
        """How many documents the index holds; 0 when it is not open."""
        if self._engine is None:
            return 0
        try:
            return self._engine.doc_count()
        except (TimTinError, OSError):
            log.exception("doc_count failed")
            return 0

    # -- the engine's lifetime -------------------------------------------------------------

    def open_engine(self) -> bool:
        """Open (or create) the index; on failure `open_failed(reason)`, and False."""
        try:
            self._engine = Engine(self._index_dir)
        except (TimTinError, OSError) as exc:
            log.exception("cannot open the index at %s", self._index_dir)
            self._engine = None
            self.open_failed.emit(describe_error(exc))
        self.doc_count_changed.emit(self.doc_count())
        return self._engine is not None

    def index_needs_building(self) -> bool:
        """True when there is nothing to search yet: no engine, an outdated index, no documents.

        An outdated or damaged index also says so with `index_outdated`.
        """
        if self._engine is None:
            return True
        if self._engine.needs_rebuild:
            self.index_outdated.emit()
            return True
        return self.doc_count() == 0

    def first_run_paths(self) -> list[str] | None:
        """The index's own folders when it remembers any; else the seeds and added folders."""
        if self._engine is not None and self._engine.roots:
            return None
        return [str(seeds_dir()), *self._settings.folders]

    def _reopen(self) -> None:
        """Pick up what indexing committed (or open the index, if it was not open)."""
        if self._engine is None:
            self.open_engine()
            return
        try:
            self._engine.refresh()
        except (TimTinError, OSError) as exc:
            log.exception("refresh failed")
            self.refresh_failed.emit(describe_error(exc))
        self.doc_count_changed.emit(self.doc_count())

    def close(self) -> None:
        """Stop every background job, wait for them, and close the engine."""
        self._debounce.stop()
        self._busy_hint.stop()
        self.searches.cancel()
        self.reads.cancel()
        self.counts.cancel()
        self.index_job.cancel()
        self.index_job.wait(CLOSE_WAIT_MS[0])
        self._pool.waitForDone(CLOSE_WAIT_MS[1])
        if self._engine is not None:
            try:
                self._engine.close()
            except (TimTinError, OSError):
                log.exception("closing the engine failed")
            self._engine = None

    # -- what the next search asks for -------------------------------------------------------

    def on_query_changed(self, text: str) -> None:
        """The field's text changed (typed or set): remember it; an empty field clears at once.

        A space after the last word is kept (as one): it says the word is finished."""
        typed = text.lstrip()
        finished = typed != typed.rstrip()
        self._wanted = self._wanted._replace(query=typed.rstrip() + (" " if finished else ""))
        if not text.strip():  # cleared (Esc, the clear button): show the start state at once
            self._debounce.stop()
            self.search_now()

    def on_query_edited(self, _text: str) -> None:
        """The user typed: search when the typing pauses, the last word read as unfinished.

        A document still loading was for the query before the keystroke: it stops now, so
        it cannot open while the typing pauses (the new search opens its own first hit)."""
        self._wanted = self._wanted._replace(typing=True)
        self.reads.cancel()
        self.search_soon()

    def set_typed(self, typing: bool) -> None:
        """Whether the query is being typed (its last word a prefix) or set whole (a chip, the
        history, a suggestion), for the next search."""
        self._wanted = self._wanted._replace(typing=typing)

    def set_exact(self, exact: bool) -> None:
        """Match accents for the next search, without starting one."""
        self._wanted = self._wanted._replace(exact=exact)

    def on_exact_toggled(self, exact: bool) -> None:
        """Match accents was ticked or cleared: remember it and search again."""
        self.set_exact(exact)
        self._settings.exact = exact
        if self._wanted.query:
            self.search_now()

    def set_sort(self, sort: SortOrder) -> None:
        """The order of the next search, without starting one."""
        self._wanted = self._wanted._replace(sort=SortOrder(sort))

    def on_sort_chosen(self, sort: SortOrder) -> None:
        """Another sort order was chosen: remember it and search again."""
        self.set_sort(sort)
        self._settings.sort = sort
        if self._wanted.query:
            self.search_now()

    def set_filters(self, filters: Filters) -> None:
        """What the next search lets through, without starting one."""
        self._wanted = self._wanted._replace(filters=filters)

    def on_filters_chosen(self, filters: Filters) -> None:
        """Another period, folder or file type was chosen: search again."""
        self.set_filters(filters)
        if self._wanted.query:
            self.search_now()

    def filter_choices(self) -> tuple[list[str], list[str]]:
        """The folders and file types the index holds, for the filter bar to offer."""
        if self._engine is None:
            return [], []
        try:
            return self._engine.roots, self._engine.kinds()
        except (TimTinError, OSError):
            log.exception("listing the filter choices failed")
            return [], []

    # -- searching -------------------------------------------------------------------------

    def search_soon(self) -> None:
        """Search after DEBOUNCE_MS unless something else restarts the wait."""
        self._debounce.start()

    def search_unless_shown(self) -> bool:
        """Search now unless the wanted search is shown or on its way; True if one started."""
        if not self._wanted.query:
            return False
        if self._wanted in (self._painted, self._pending) and not self._debounce.isActive():
            return False
        self.search_now()
        return True

    def hits_listed(self, count: int) -> None:
        """The list now shows `count` hits of the shown search (pages were loaded): searching
        it again after the index changed asks for as many."""
        self._listed = max(SEARCH_LIMIT, count)

    def refresh_search(self) -> None:
        """The index changed: search the shown query again, delivered as `refreshed`; when the
        user changed the query meanwhile, search for it as usual (a pending search just waits)."""
        if self._wanted.query and not self._debounce.isActive():
            self.search_now(refresh=self._wanted == self._painted)

    def search_now(self, *, refresh: bool = False) -> None:
        """Search for the wanted key now, superseding any search still running; a `refresh`
        keeps the document being read."""
        self._debounce.stop()
        key = self._wanted
        self._pending_refresh = refresh
        if not key.query:
            self.searches.cancel()
            self.reads.cancel()
            self._pending = None
            self._painted = None
            self._result = None
            self._busy_hint.stop()
            self.search_cleared.emit()
            return
        engine = self._engine
        if engine is None:
            return
        if not refresh:  # a document still loading is for the older query: it stops
            self.reads.cancel()
            self._listed = SEARCH_LIMIT
        limit = self._listed  # a refresh lists again every hit that was listed
        self._pending = key
        self._busy_hint.start()
        # A newer keystroke stops this search.
        self.searches.submit_superseding(
            lambda superseded: search_key(engine, key, limit, superseded)
        )

    def on_busy_hint_timeout(self) -> None:
        """BUSY_HINT_MS passed since the search started: say so if it is still running."""
        if self.searches.busy:
            self.search_slow.emit()

    def on_search_finished(self, result: SearchResult) -> None:
        """The newest search came back: deliver it, then count its exact total if needed."""
        self._busy_hint.stop()
        self._painted = self._pending
        self._result = result
        self._refreshed = self._pending_refresh
        self._retrying = False
        if not result.hits:
            self.reads.cancel()
        self.search_finished.emit(result)
        engine, painted = self._engine, self._painted
        if not result.total_exact and engine is not None and painted is not None:
            query, exact, filters = painted.query, painted.exact, painted.filters
            typing = painted.typing
            self.counts.submit(
                lambda: (painted, engine.count(query, exact=exact, filters=filters, typing=typing))
            )

    def on_search_failed(self, message: str) -> None:
        """The newest search failed: once, reopen the index and search again (another writer,
        the watcher, may have committed under it); then pass on why."""
        self._busy_hint.stop()
        if not self._retrying and self._engine is not None and self._wanted.query:
            self._retrying = True
            log.warning("search failed (%s); reopening the index to search again", message)
            self._reopen()
            self.search_now(refresh=self._pending_refresh)
            return
        self._retrying = False
        self.search_failed.emit(message)

    def on_count_finished(self, counted: tuple[SearchKey, int]) -> None:
        """An exact total came back: deliver it if it is still the shown search's."""
        counted_key, total = counted
        if self._result is None or self._painted is None:
            return
        if counted_key._replace(sort=self._painted.sort) != self._painted:
            return  # another search is shown (the order does not change a count)
        self.total_counted.emit(total)

    # -- reading ---------------------------------------------------------------------------

    def read(self, path: str, *, quietly: bool = False) -> None:
        """Read the document at `path` with the shown search's matches marked, in the background;
        `quietly` (reading the open document again) says nothing while it loads."""
        result, engine = self._result, self._engine
        if result is None or engine is None:
            return
        query = result.corrected_query or result.query
        shown = self._painted or self._wanted
        exact, typing = shown.exact, shown.typing
        if not quietly:
            self.document_loading.emit(path)
        # Another document or a new search stops this read.
        self.reads.submit_superseding(
            lambda superseded: engine.open_document(
                path, query, exact=exact, typing=typing, cancelled=superseded
            )
        )

    def on_read_finished(self, view: ReaderDocument) -> None:
        """The document asked for last was read."""
        self.document_read.emit(view)

    # -- indexing --------------------------------------------------------------------------

    def add_folder(self, folder: str | Path) -> bool:
        """Remember `folder` and index it in the background; False if indexing is busy."""
        if self.indexing:
            return False
        resolved = str(Path(folder).expanduser().resolve())
        self._settings.add_folder(resolved)
        return self.start_indexing([resolved])

    def reindex(self) -> bool:
        """Update the index from every folder it covers (incremental); False if busy."""
        if self.indexing:
            return False
        return self.start_indexing(None, rebuild=self._engine is None)

    def start_indexing(
        self, paths: list[str] | None, *, rebuild: bool = False, first_run: bool = False
    ) -> bool:
        """Index `paths` (None: the index's own folders); `first_run` for the first build."""
        self._first_build = first_run
        return self.index_job.start(paths, self._index_dir, rebuild=rebuild)

    def cancel_indexing(self) -> None:
        """Ask the indexing run to stop; it reports back with what it kept."""
        self.index_job.cancel()

    def on_indexing_started(self) -> None:
        """An indexing run began."""
        self.indexing_started.emit(self._first_build)

    def on_indexing_finished(self, report: IndexReport) -> None:
        """Indexing ended: reopen, deliver the report, and search again for what is typed."""
        self._reopen()
        self.indexing_finished.emit(report)
        self.refresh_search()

    def on_indexing_failed(self, message: str) -> None:
        """Indexing failed: reopen what is there, say why, and search again."""
        self._reopen()
        self.indexing_failed.emit(message)
        self.refresh_search()

    def on_index_changed(self) -> None:
        """Something else committed (the watcher, a folder job): pick it up and search the
        shown query again, keeping its hit and document."""
        self._reopen()
        self.refresh_search()

    def seeds_only(self) -> bool:
        """True while the index covers only the bundled articles: no folder of the user's (the
        engine's folders are those it opened with; the ones added since are in the settings)."""
        roots = self._engine.roots if self._engine is not None else []
        seeds = seeds_dir().resolve()
        only = bool(roots) and all(Path(root).resolve() == seeds for root in roots)
        return only and not self._settings.folders
