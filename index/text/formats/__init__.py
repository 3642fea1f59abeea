"""File formats: one reader per file type, each turning a file's bytes into `Extracted` text.

`READERS` maps a suffix to its reader; a new format is a module here and one line below.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from index.errors import UndecodableFile
from index.text.formats.docx import read_docx
from index.text.formats.epub import read_epub
from index.text.formats.extracted import Extracted
from index.text.formats.html import read_html
from index.text.formats.limits import TIME_LIMIT_SECONDS, Deadline
from index.text.formats.markdown import read_markdown
from index.text.formats.odt import read_odt
from index.text.formats.pdf import read_pdf
from index.text.formats.plain_text import read_plain_text
from index.text.formats.rtf import read_rtf

Reader = Callable[[bytes, Deadline], Extracted]

READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".odt": read_odt,
    ".rtf": read_rtf,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".epub": read_epub,
    ".md": read_markdown,
    ".markdown": read_markdown,
}
READABLE_SUFFIXES = tuple(READERS)

_ALARM_GRACE_SECONDS = 5.0  # the alarm is the backstop: a reader's own checks come first

__all__ = [
    "READABLE_SUFFIXES",
    "READERS",
    "Deadline",
    "Extracted",
    "Reader",
    "file_kind",
    "is_readable_name",
    "read_format",
]


def is_readable_name(name: str) -> bool:
    """True for file names of a type the indexer reads (a string test: walks call it a lot)."""
    return name.lower().endswith(READABLE_SUFFIXES)


def file_kind(path: Path) -> str:
    """The file type as users and `type:` filters name it: `txt`, `pdf`, `docx` …"""
    suffix = path.suffix.lower().lstrip(".")
    return "html" if suffix == "htm" else suffix or "txt"


def read_format(path: Path, data: bytes) -> Extracted:
    """Read `data` from `path` with the reader for its file type (plain text if none), within
    the time limit; raises UndecodableFile with the reason a file cannot be read."""
    reader = READERS.get(path.suffix.lower(), read_plain_text)
    deadline = Deadline()
    with _alarm(TIME_LIMIT_SECONDS + _ALARM_GRACE_SECONDS):
        return reader(data, deadline)


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt a reader stuck past `seconds`, where a signal can (POSIX, main thread).

    Elsewhere (the window's indexing thread) the readers' own Deadline checks hold."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not in_main_thread:
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise UndecodableFile(f"reading took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
