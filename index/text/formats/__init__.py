"""File formats: one reader per file type, each turning a file's bytes into decoded text.

`READERS` maps a suffix to its reader; a new format is a module here and one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from index.text.decode import DecodedText
from index.text.formats.plain_text import read_plain_text

Reader = Callable[[bytes], DecodedText]

READERS: dict[str, Reader] = {".txt": read_plain_text}
READABLE_SUFFIXES = tuple(READERS)

__all__ = ["READABLE_SUFFIXES", "READERS", "Reader", "is_readable_name", "read_format"]


def is_readable_name(name: str) -> bool:
    """True for file names of a type the indexer reads (a string test: walks call it a lot)."""
    return name.lower().endswith(READABLE_SUFFIXES)


def read_format(path: Path, data: bytes) -> DecodedText:
    """Decode `data` read from `path` with the reader for its file type (plain text if none)."""
    reader = READERS.get(path.suffix.lower(), read_plain_text)
    return reader(data)
