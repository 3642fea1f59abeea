"""A Whoosh collector that a newer query can stop: superseded searches give their core back.

The window cancels the search a keystroke made obsolete; Whoosh checks between documents.
"""

from __future__ import annotations

from typing import Any

from whoosh.collectors import WrappingCollector

from index.errors import SearchCancelled
from index.progress import CancelCheck

_CHECK_EVERY = 256


class CancellableCollector(WrappingCollector):  # type: ignore[misc]
    """Asks `cancelled()` every few hundred matching documents and stops when it says so."""

    def __init__(self, child: Any, cancelled: CancelCheck) -> None:
        super().__init__(child)
        self._cancelled = cancelled

    def collect_matches(self) -> None:
        """Collect the child's matches, stopping with SearchCancelled when asked to."""
        child = self.child
        for seen, sub_docnum in enumerate(child.matches()):
            if seen % _CHECK_EVERY == 0 and self._cancelled():
                raise SearchCancelled
            child.collect(sub_docnum)
