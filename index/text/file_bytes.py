"""Reading a file's bytes safely: only regular files, never blocking, never past a size cap.

A FIFO named `x.txt` would block a plain read for ever and a link to `/dev/zero` never ends;
both are refused with a reason, and every read stops at the cap whatever the size claimed.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from index.errors import UndecodableFile

MAX_FILE_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class FileBytes:
    """What was read: the bytes, and the size and modification time they were read at."""

    data: bytes
    size: int
    mtime: float


def kind_of_special_file(mode: int) -> str:
    """What a non-regular file is, in words, or '' for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def not_a_file_reason(kind: str) -> str:
    """The skip reason for a special file of `kind`."""
    return f"{kind}, not a file"


def too_large_reason(size: int, limit: int) -> str:
    """The skip reason for a file over the size cap."""
    return f"too large ({size // (1024 * 1024)} MB, the limit is {limit // (1024 * 1024)} MB)"


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> FileBytes:
    """The bytes of the regular file at `path`; raises UndecodableFile (special file, too large)
    or OSError (missing, permission denied) with the reason."""
    kind = kind_of_special_file(os.stat(path).st_mode)  # classify before opening: no side effect
    if kind:
        raise UndecodableFile(not_a_file_reason(kind))
    fd = os.open(path, _OPEN_FLAGS)
    try:
        opened = os.fstat(fd)  # the file may have been swapped since the stat above
        kind = kind_of_special_file(opened.st_mode)
        if kind:
            raise UndecodableFile(not_a_file_reason(kind))
        if opened.st_size > limit:
            raise UndecodableFile(too_large_reason(opened.st_size, limit))
        data = _read_at_most(fd, limit)
    finally:
        os.close(fd)
    return FileBytes(data, opened.st_size, opened.st_mtime)


def _read_at_most(fd: int, limit: int) -> bytes:
    """Read to the end, but raise once more than `limit` bytes came (a file still growing)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(fd, min(_CHUNK, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise UndecodableFile(too_large_reason(total, limit))
    return b"".join(chunks)
