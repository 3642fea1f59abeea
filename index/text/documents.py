"""A document as the index sees it: a file read, decoded, normalised and described.

File types are a seam: `index.text.formats` picks the reader that turns bytes into text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from index.errors import UndecodableFile
from index.results import SkippedFile
from index.text.decode import DecodedText
from index.text.describe import date_of, title_of
from index.text.file_bytes import MAX_FILE_BYTES, read_file_bytes
from index.text.formats import is_readable_name, read_format
from index.text.normalize import normalize_text

__all__ = [
    "MAX_FILE_BYTES",
    "Document",
    "is_readable_name",
    "read_document",
    "read_or_skip",
    "read_text",
]


@dataclass(frozen=True)
class Document:
    """One readable file: where it is, what it says, and how to tell whether it changed."""

    path: str
    title: str
    date: str
    text: str
    size: int
    mtime: float
    content_hash: str
    encoding: str

    @property
    def date_key(self) -> str:
        """`yyyymmdd` for sorting, or empty when the document has no date."""
        if not self.date:
            return ""
        day, month, year = self.date.split("/")
        return f"{year}{month}{day}"


def read_text(path: Path) -> DecodedText:
    """The normalised text of a file, as the index and the highlighter see it.

    Read with the same guards as indexing (index.text.file_bytes): raises UndecodableFile or
    OSError rather than block on a pipe or read a device without end."""
    decoded = read_format(path, read_file_bytes(path).data)
    return DecodedText(normalize_text(decoded.text), decoded.encoding)


def read_or_skip(path: str) -> Document | SkippedFile:
    """The file at `path` as a Document, or why indexing skips it."""
    try:
        return read_document(Path(path))
    except UndecodableFile as error:
        return SkippedFile(path, str(error.reason))
    except OSError as error:
        return SkippedFile(path, str(error.strerror))


def read_document(path: Path) -> Document:
    """Read one file into a Document; raises UndecodableFile or OSError with the reason."""
    read = read_file_bytes(path)
    data = read.data
    decoded = read_format(path, data)
    text = normalize_text(decoded.text)
    return Document(
        path=str(path),
        title=title_of(text),
        date=date_of(text),
        text=text,
        size=read.size,
        mtime=read.mtime,
        content_hash=hashlib.blake2b(data, digest_size=16).hexdigest(),
        encoding=decoded.encoding,
    )
