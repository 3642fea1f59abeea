"""The engine's errors: one root, and a subclass for each failure a user can meet.

Each carries `reason`, a sentence fit to show a person; anything else is a bug and is logged.
"""

from __future__ import annotations


class TimTinError(Exception):
    """Root of every expected failure; `reason` says what happened in words a user reads."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UndecodableFile(TimTinError):
    """A file's bytes are not text this program can read (binary, too large, unknown)."""


class Cancelled(TimTinError):
    """Long work stopped because its caller no longer wants the result."""

    def __init__(self, reason: str = "cancelled") -> None:
        super().__init__(reason)


class SearchCancelled(Cancelled):
    """A search stopped because a newer query superseded it."""

    def __init__(self, reason: str = "the search was superseded") -> None:
        super().__init__(reason)


class IndexLocked(TimTinError):
    """Another process holds the index's write lock for longer than we could wait."""


class IndexUnavailable(TimTinError):
    """The index cannot be opened or written (permissions, a full disk, damage)."""
