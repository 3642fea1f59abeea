"""A document as the index sees it: a file read, decoded, normalised and described.

File types are a seam: `index.text.formats` picks the reader that turns bytes into text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from index.errors import UndecodableFile
from index.results import SkippedFile
from index.text.describe import date_of, title_of
from index.text.file_bytes import MAX_FILE_BYTES, read_file_bytes
from index.text.formats import Extracted, file_kind, is_readable_name, read_format
from index.text.formats.limits import MAX_TEXT_CHARS
from index.text.normalize import normalize_text

PART_SEPARATOR = "\n\n"  # between pages or chapters: never inside a phrase

__all__ = [
    "MAX_FILE_BYTES",
    "PART_SEPARATOR",
    "Document",
    "DocumentText",
    "is_readable_name",
    "read_document",
    "read_or_skip",
    "read_text",
]


@dataclass(frozen=True)
class DocumentText:
    """A file's normalised text, as the index, the highlighter and the reader all see it.

    `page_starts` are the offsets where each page begins (empty for unpaged formats);
    `title` and `date` are the metadata's, else read from the first lines."""

    text: str
    encoding: str
    kind: str
    page_starts: tuple[int, ...] = ()
    title: str = ""
    date: str = ""

    def page_of(self, offset: int) -> int:
        """The 1-based page holding `offset`, or 0 for an unpaged document."""
        if not self.page_starts:
            return 0
        page = 0
        for page, start in enumerate(self.page_starts, 1):
            if start > offset:
                return page - 1
        return page


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
    kind: str = "txt"
    page_starts: tuple[int, ...] = ()

    @property
    def date_key(self) -> str:
        """`yyyymmdd` for sorting, or empty when the document has no date."""
        if not self.date:
            return ""
        day, month, year = self.date.split("/")
        return f"{year}{month}{day}"


def read_text(path: Path) -> DocumentText:
    """The normalised text of a file, as the index and the highlighter see it.

    Read with the same guards as indexing (index.text.file_bytes): raises UndecodableFile or
    OSError rather than block on a pipe or read a device without end."""
    return _document_text(path, read_format(path, read_file_bytes(path).data))


def _document_text(path: Path, extracted: Extracted) -> DocumentText:
    """Normalise each part, join them, and note where each page starts; cut at the cap."""
    starts: list[int] = []
    pieces: list[str] = []
    length = 0
    for part in extracted.parts:
        if length >= MAX_TEXT_CHARS:
            break
        if pieces:
            pieces.append(PART_SEPARATOR)
            length += len(PART_SEPARATOR)
        starts.append(length)
        piece = normalize_text(part)[: MAX_TEXT_CHARS - length]
        pieces.append(piece)
        length += len(piece)
    text = "".join(pieces)
    title = normalize_text(extracted.title).strip() or title_of(text)
    return DocumentText(
        text=text,
        encoding=extracted.encoding,
        kind=file_kind(path),
        page_starts=tuple(starts) if extracted.paged else (),
        title=title,
        date=extracted.date or date_of(text),
    )


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
    text = _document_text(path, read_format(path, data))
    return Document(
        path=str(path),
        title=text.title,
        date=text.date,
        text=text.text,
        size=read.size,
        mtime=read.mtime,
        content_hash=hashlib.blake2b(data, digest_size=16).hexdigest(),
        encoding=text.encoding,
        kind=text.kind,
        page_starts=text.page_starts,
    )
