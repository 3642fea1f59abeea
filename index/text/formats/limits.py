"""The caps every format reader works under: time, extracted text, parts, unpacked bytes.

A hostile file (a zip bomb, a PDF that loops, 2,000 pages) is cut or refused, never hangs.
"""

from __future__ import annotations

import time
import zipfile

from index.errors import UndecodableFile

TIME_LIMIT_SECONDS = 30.0  # reading one file
MAX_TEXT_CHARS = 16 * 1024 * 1024  # extracted text kept per file; the rest is cut
MAX_PARTS = 5000  # pages or chapters read per file
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all members read from one zip container
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one member of a zip container


class Deadline:
    """The time a reader has for one file; `check()` between pages or elements raises past it.

    Readers call it often enough (per page, per XML element batch) that no loop in Python
    outlives the limit; `read_format` also arms an alarm where the platform allows."""

    def __init__(self, seconds: float = TIME_LIMIT_SECONDS) -> None:
        self.seconds = seconds
        self._ends = time.monotonic() + seconds

    def check(self) -> None:
        """Raise UndecodableFile once the time for this file is spent."""
        if time.monotonic() > self._ends:
            raise UndecodableFile(f"reading took longer than {self.seconds:g} s")


class TextBudget:
    """Extracted characters still allowed for one file; parts past the cap are cut."""

    def __init__(self, chars: int = MAX_TEXT_CHARS) -> None:
        self.left = chars

    def take(self, text: str) -> str:
        """`text`, cut to what is left of the budget."""
        kept = text[: max(self.left, 0)]
        self.left -= len(kept)
        return kept

    @property
    def spent(self) -> bool:
        """True once no more text can be kept."""
        return self.left <= 0


def read_member(archive: zipfile.ZipFile, name: str, unpacked: list[int]) -> bytes:
    """One member of a zip container, refusing sizes past the caps (a zip bomb).

    `unpacked` is a one-element running total shared by the reads of one file; the member is
    read in chunks, so a size the archive lies about cannot get past the cap either."""
    try:
        info = archive.getinfo(name)
    except KeyError as error:
        raise UndecodableFile(f"damaged file: {name} is missing") from error
    if info.file_size > MAX_MEMBER_BYTES or unpacked[0] + info.file_size > MAX_UNPACKED_BYTES:
        raise UndecodableFile("unpacks to more than the size limit (a zip bomb?)")
    chunks: list[bytes] = []
    read = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(1024 * 1024):
                read += len(chunk)
                if read > MAX_MEMBER_BYTES or unpacked[0] + read > MAX_UNPACKED_BYTES:
                    raise UndecodableFile("unpacks to more than the size limit (a zip bomb?)")
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise UndecodableFile(f"damaged file: {error}") from error
    except RuntimeError as error:  # zipfile's "File is encrypted, password required"
        raise UndecodableFile("encrypted") from error
    unpacked[0] += read
    return b"".join(chunks)


def open_zip(data: bytes) -> zipfile.ZipFile:
    """A zip container over `data`, or UndecodableFile saying it is damaged."""
    import io

    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UndecodableFile(f"damaged file: {error}") from error
