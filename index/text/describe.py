"""What a document is called and when it was written, read from its first lines.

The title is the first non-empty line; the date a `dd/mm/yyyy` or `yyyy-mm-dd` near the top.
"""

from __future__ import annotations

import re

_DATE_LINES = 8
_TITLE_CHARS = 300
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


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
