"""The engine's errors: one root, and a subclass for each failure a user can meet.

Each carries `reason`, a sentence fit to show a person; anything else is a bug and is logged.
"""

from __future__ import annotations

import errno


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


_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
}


def reason_of(error: BaseException) -> str:
    """One line a person can read for an expected failure: the engine's own reason, or what
    an OSError means (`the disk is full: /path`), never a traceback."""
    if isinstance(error, TimTinError):
        return error.reason
    if isinstance(error, OSError):
        what = _OS_REASONS.get(error.errno or 0) or error.strerror or type(error).__name__
        where = error.filename if error.filename is not None else ""
        return f"{what}: {where}" if where else what
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
