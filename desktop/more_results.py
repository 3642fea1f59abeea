"""Results beyond the first page: asked for as the list scrolls to its end, in the background.

The engine is asked again for the shown search (the same key: query, options, filters) with a
longer limit; the list keeps its rows and gains the new ones.  A newer search drops a page
still on its way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.results_pane import ResultsPane
from desktop.search_controller import SEARCH_LIMIT, SearchController, search_key
from desktop.workers import LatestRunner
from index import SearchResult, logger

log = logger(__name__)

PAGE_SIZE = SEARCH_LIMIT
CLOSE_WAIT_MS = 5_000


class MoreResults(QObject):
    """Fetches the next page of the controller's shown search for `pane` when it wants more.

    `loaded(result)` once the longer result is in the list.
    """

    loaded = Signal(object)  # the longer SearchResult, now listed

    def __init__(
        self, controller: SearchController, pane: ResultsPane, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._pane = pane
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.pages = LatestRunner(self._pool, self)
        self.pages.finished.connect(self.on_page_finished)
        self.pages.failed.connect(self.on_page_failed)
        self._asked_for: object = None  # the controller's key the page was asked for
        pane.more_wanted.connect(self.load_more)
        controller.search_finished.connect(self.on_search_replaced)
        controller.search_cleared.connect(self.on_search_replaced)

    @property
    def loading(self) -> bool:
        """True while a page is on its way."""
        return self.pages.busy

    def load_more(self) -> bool:
        """Ask for PAGE_SIZE more hits of the shown search; False when there is nothing to ask."""
        key, engine = self._controller.painted, self._controller.engine
        model = self._pane.model
        if self.pages.busy or key is None or engine is None or not model.has_more():
            return False
        limit = model.rowCount() + PAGE_SIZE
        self._asked_for = key
        self._pane.set_loading_more(True)
        # Asked as the controller asked for the first page; a newer search drops this one.
        self.pages.submit_superseding(lambda superseded: search_key(engine, key, limit, superseded))
        return True

    def on_page_finished(self, result: SearchResult) -> None:
        """A longer page came back: list its new hits if it is still the shown search's."""
        self._pane.set_loading_more(False)
        if self._asked_for != self._controller.painted:
            return
        self._pane.append_result(result)
        self._controller.hits_listed(self._pane.model.rowCount())
        self.loaded.emit(result)

    def on_page_failed(self, message: str) -> None:
        """A page could not be fetched: the list keeps what it has."""
        log.warning("loading more results failed: %s", message)
        self._pane.set_loading_more(False)

    def on_search_replaced(self, *_args: object) -> None:
        """A new search was painted or the query emptied: a page on its way is dropped."""
        if self.pages.busy:
            self.pages.cancel()
            self._pane.set_loading_more(False)

    def close(self) -> None:
        """Drop any page on its way and wait for its worker (before the engine closes)."""
        self.pages.cancel()
        self._pool.waitForDone(CLOSE_WAIT_MS)
