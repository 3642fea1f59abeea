"""Writing a file so that a crash leaves either the old one or the new one, never half.

The bytes go to a temporary file beside the target, are flushed to disk, then replace it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into; it replaces `path` when the block ends.

    If the block raises, `path` is left as it was and the temporary file is removed."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as file:
            yield file
        flush_to_disk(temporary)  # the block may have closed the file: sync it reopened
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data` in one step (see atomic_writer)."""
    with atomic_writer(path) as file:
        file.write(data)


def flush_to_disk(path: Path) -> None:
    """Make sure `path`'s bytes are on the disk, not only in the OS's cache."""
    with open(path, "rb+") as file:
        os.fsync(file.fileno())
