"""The engine's errors: one root, and a sentence a person can read for every expected failure.

`reason_of` turns the engine's own errors and OSErrors into one line, never a traceback.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from index.errors import (
    Cancelled,
    IndexLocked,
    IndexUnavailable,
    SearchCancelled,
    TimTinError,
    UndecodableFile,
    reason_of,
)


@pytest.mark.parametrize("kind", [UndecodableFile, IndexLocked, IndexUnavailable])
def test_every_expected_failure_is_a_timtin_error_carrying_its_reason(
    kind: type[TimTinError],
) -> None:
    error = kind("another indexing run is working on this index")
    assert isinstance(error, TimTinError)
    assert error.reason == str(error) == "another indexing run is working on this index"
    assert reason_of(error) == "another indexing run is working on this index"


def test_a_superseded_search_is_a_cancellation_with_a_default_reason() -> None:
    with pytest.raises(Cancelled) as caught:
        raise SearchCancelled
    assert isinstance(caught.value, TimTinError)
    assert reason_of(caught.value) == "the search was superseded"
    assert Cancelled().reason == "cancelled"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "/data/idx"),
            "the disk is full: /data/idx",
        ),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "the disk quota is used up"),
        (PermissionError(errno.EACCES, "Permission denied", "/x"), "permission denied: /x"),
        (PermissionError(errno.EPERM, "Operation not permitted"), "permission denied"),
        (OSError(errno.EROFS, "Read-only file system", "/mnt"), "the disk is read-only: /mnt"),
        (OSError(errno.EIO, "Input/output error", "/dev/sdz"), "Input/output error: /dev/sdz"),
        (OSError("no errno at all"), "OSError"),
        (ValueError("first line\n  File 'x.py', line 3"), "first line"),
        (RuntimeError("   "), "RuntimeError"),
    ],
)
def test_reason_of_is_one_readable_line(error: BaseException, expected: str) -> None:
    assert reason_of(error) == expected


def test_a_real_missing_file_reads_as_its_reason_and_path(tmp_path: Path) -> None:
    missing = tmp_path / "không có.txt"
    with pytest.raises(OSError) as caught:
        missing.read_bytes()
    assert reason_of(caught.value) == f"No such file or directory: {missing}"
    assert "\n" not in reason_of(caught.value)
