"""A Whoosh collector that a newer query can stop, and that collects only a filter's documents.

The window cancels the search a keystroke made obsolete; Whoosh checks between documents.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from whoosh.collectors import WrappingCollector

from index.errors import SearchCancelled
from index.progress import CancelCheck

_CHECK_EVERY = 256


class CancellableCollector(WrappingCollector):  # type: ignore[misc]
    """Asks `cancelled()` every few hundred matching documents and stops when it says so;
    with `allowed` (global document numbers) it passes only those on to be collected.

    Whoosh's own FilterCollector cannot sit under it: this one hands matches straight to the
    collector below, past any filtering a wrapper there would do."""

    def __init__(
        self,
        child: Any,
        cancelled: CancelCheck | None,
        allowed: Collection[int] | None = None,
    ) -> None:
        super().__init__(child)
        self._cancelled = cancelled
        self._allowed = allowed

    def collect_matches(self) -> None:
        """Collect the child's matches, stopping with SearchCancelled when asked to."""
        child = self.child
        cancelled, allowed, offset = self._cancelled, self._allowed, child.offset
        for seen, sub_docnum in enumerate(child.matches()):
            if cancelled is not None and seen % _CHECK_EVERY == 0 and cancelled():
                raise SearchCancelled
            if allowed is None or offset + sub_docnum in allowed:
                child.collect(sub_docnum)
