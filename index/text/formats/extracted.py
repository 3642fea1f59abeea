"""What a format reader makes of a file: its text in parts, and what its metadata says.

Paged formats (PDF) give one part per page; the others give one part, or one per chapter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    """A file's text as its reader found it (not yet normalised), in reading order.

    `parts` are pages when `paged`, else chapters or the whole text; `encoding` names how the
    text was read (`utf-8`, `tcvn3`, `pdf`, `docx+vni` …); `title` and `date` (`dd/mm/yyyy`)
    come from the file's metadata, empty when it has none."""

    parts: tuple[str, ...]
    encoding: str
    paged: bool = False
    title: str = ""
    date: str = ""

    @classmethod
    def of_text(cls, text: str, encoding: str) -> Extracted:
        """One unpaged part, no metadata: what a plain text file gives."""
        return cls((text,), encoding)
