"""A document as the index sees it: a file read, decoded, normalised and described.

File types are a seam: `READERS` maps a suffix to the function that turns bytes into text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from index.decode import DecodedText, UndecodableFile, decode_bytes
from index.normalize import normalize_text
from index.results import SkippedFile

READERS: dict[str, Callable[[bytes], DecodedText]] = {".txt": decode_bytes}
MAX_FILE_BYTES = 64 * 1024 * 1024
_DATE_LINES = 8
_TITLE_CHARS = 300
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


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


READABLE_SUFFIXES = tuple(READERS)


def is_readable_name(name: str) -> bool:
    """True for file names of a type the indexer reads (a string test: walks call it a lot)."""
    return name.lower().endswith(READABLE_SUFFIXES)


def title_of(text: str) -> str:
    """The first non-empty line, trimmed."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped[:_TITLE_CHARS]
    return ""


def _valid_date(day: int, month: int, year: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12 and 1800 <= year <= 2200


def date_of(text: str) -> str:
    """A `dd/mm/yyyy` date from the first lines (`dd/mm/yyyy` or `yyyy-mm-dd`), or ''.

    A line holding only a date is the article's date; otherwise the first date mentioned."""
    lines = text.split("\n", _DATE_LINES)[:_DATE_LINES]
    for line in lines:
        if _DMY.fullmatch(line.strip()) or _YMD.fullmatch(line.strip()):
            return _first_date(line.strip())
    return _first_date("\n".join(lines))


def _first_date(head: str) -> str:
    candidates: list[tuple[int, int, int, int]] = []
    for match in _DMY.finditer(head):
        day, month, year = (int(g) for g in match.groups())
        candidates.append((match.start(), day, month, year))
    for match in _YMD.finditer(head):
        year, month, day = (int(g) for g in match.groups())
        candidates.append((match.start(), day, month, year))
    for _, day, month, year in sorted(candidates):
        if _valid_date(day, month, year):
            return f"{day:02d}/{month:02d}/{year:04d}"
    return ""


def decode_file_bytes(path: Path, data: bytes) -> DecodedText:
    """Decode `data` read from `path` with the reader for its file type."""
    reader = READERS.get(path.suffix.lower(), decode_bytes)
    return reader(data)


def read_text(path: Path) -> DecodedText:
    """The normalised text of a file, as the index and the highlighter see it."""
    decoded = decode_file_bytes(path, path.read_bytes())
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
    stat = path.stat()
    if stat.st_size > MAX_FILE_BYTES:
        raise UndecodableFile(f"too large ({stat.st_size // (1024 * 1024)} MB)")
    data = path.read_bytes()
    decoded = decode_file_bytes(path, data)
    text = normalize_text(decoded.text)
    return Document(
        path=str(path),
        title=title_of(text),
        date=date_of(text),
        text=text,
        size=stat.st_size,
        mtime=stat.st_mtime,
        content_hash=hashlib.blake2b(data, digest_size=16).hexdigest(),
        encoding=decoded.encoding,
    )
