"""Search filters: a date range, folders and file types, typed in the query or chosen apart.

`split_filters` takes `date:`, `folder:`/`path:` and `type:` fields out of the query text;
`Filters.query()` is the Whoosh query of the documents a filter lets through.
"""

from __future__ import annotations

import calendar
import datetime
import ntpath
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from whoosh import query as wq

from index.storage.whoosh_types import WhooshReader, WhooshSearcher
from index.text.formats import file_kind

DATE_FIELD = "date"
FOLDER_FIELDS = ("folder", "path")
TYPE_FIELD = "type"
# A field at a word's start, its value quoted (spaces allowed) or up to the next space.
_FIELD = re.compile(r'(?<!\S)(date|folder|path|type):(?:"([^"]*)"|(\S+))', re.IGNORECASE)
_YEAR = re.compile(r"(\d{4})")
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{4})")  # 10/2025, as Vietnamese dates are written
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")  # 15/10/2025
_KIND = re.compile(r"\.?([a-z0-9]{1,10})")
_RANGE = ".."


@dataclass(frozen=True)
class Filters:
    """Which documents a search may return; every part that is set must hold.

    `after` and `before` are inclusive `yyyymmdd` bounds (a document without a date fails
    either); a document passes `folders` when it lies under any of them, and `kinds` when
    its file type is any of them.
    """

    after: str = ""
    before: str = ""
    folders: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """True when this filter leaves any document out."""
        return bool(self.after or self.before or self.folders or self.kinds)

    def query(self) -> wq.Query | None:
        """The Whoosh query of the documents this filter lets through; None for all of them."""
        parts: list[wq.Query] = []
        if self.after and self.before and self.after > self.before:
            return wq.NullQuery  # two date ranges that do not overlap
        if self.after or self.before:
            parts.append(
                wq.TermRange(
                    "date_key",
                    self.after or "00000000",
                    self.before or "99999999",
                    constantscore=True,
                )
            )
        if self.folders:
            parts.append(wq.Or([_under(folder) for folder in self.folders]))
        if self.kinds:
            parts.append(wq.Or([wq.Term("kind", kind) for kind in self.kinds]))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else wq.And(parts)


def _under(folder: str) -> wq.Query:
    """Documents at `folder` or anywhere below it (an absolute path), or in a folder of that
    name anywhere (a relative one such as `bao-cao` or `2025/bao-cao`)."""
    if folder.startswith("/"):
        separator = "/"
    elif _is_absolute(folder):
        separator = "\\"
    else:
        return wq.Or(
            [
                wq.Wildcard("path", f"*{sep}{folder.replace('/', sep)}{sep}*")
                for sep in dict.fromkeys(("/", os.sep))
            ]
        )
    trimmed = folder.rstrip(separator)
    return wq.Or([wq.Term("path", trimmed or folder), wq.Prefix("path", trimmed + separator)])


def _is_absolute(folder: str) -> bool:
    return folder.startswith(("/", "\\")) or ntpath.isabs(folder)


def _earliest(left: str, right: str) -> str:
    """The earlier of two upper bounds, '' standing for none."""
    return min(left, right) if left and right else left or right


def allowed_docs(searcher: WhooshSearcher, *filters: Filters) -> frozenset[int] | None:
    """The documents (global numbers) every one of `filters` lets through; None for all.

    What `Filters.query()` matches, found faster where Whoosh is slow: a folder's documents
    are a run of the sorted `path` terms, walked once, where a Prefix query would build one
    matcher per document under it."""
    found: frozenset[int] | None = None
    for chosen in filters:
        query = chosen.query()
        if query is None:
            continue
        if chosen.folders and all(_is_absolute(folder) for folder in chosen.folders):
            rest = replace(chosen, folders=()).query()
            docs = _docs_under(searcher.reader(), chosen.folders)
            if rest is not None:
                docs &= set(searcher.docs_for_query(rest))
        else:
            docs = set(searcher.docs_for_query(query))
        found = frozenset(docs) if found is None else found & docs
    return found


def _docs_under(reader: WhooshReader, folders: tuple[str, ...]) -> set[int]:
    """The live documents at or below any of the (absolute) `folders`."""
    docs: set[int] = set()
    for leaf, offset in reader.leaf_readers():
        for folder in folders:
            separator = "/" if folder.startswith("/") else "\\"
            trimmed = folder.rstrip(separator)
            below = trimmed + separator
            for term, _info in leaf.iter_prefix("path", trimmed):
                text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                if text != trimmed and not text.startswith(below):
                    continue  # a sibling sharing the prefix: /tin-cu beside /tin
                postings = leaf.postings("path", term)
                while postings.is_active():
                    docs.add(offset + postings.id())
                    postings.next()
    return docs


def split_filters(text: str) -> tuple[Filters, str, str]:
    """(the filter the query's fields ask for, the text left to search, the fields as typed).

    A field whose value cannot be read (`date:abc`) stays in the text, as plain words.
    """
    after, before = "", ""
    folders: list[str] = []
    kinds: list[str] = []
    fields: list[str] = []

    def take(match: re.Match[str]) -> str:
        nonlocal after, before
        name = match.group(1).lower()
        value = match.group(2) if match.group(2) is not None else match.group(3)
        if name == DATE_FIELD:
            bounds = date_range(value)
            if bounds is None:
                return match.group(0)
            after, before = max(after, bounds[0]), _earliest(before, bounds[1])
        elif name in FOLDER_FIELDS:
            folder = folder_value(value)
            if not folder:
                return match.group(0)
            folders.append(folder)
        else:
            typed = kinds_of(value)
            if typed is None:
                return match.group(0)
            kinds.extend(kind for kind in typed if kind not in kinds)
        fields.append(match.group(0))
        return " "

    rest = _FIELD.sub(take, text)
    if not fields:
        return Filters(), text, ""
    filters = Filters(after, before, tuple(folders), tuple(kinds))
    return filters, " ".join(rest.split()), " ".join(fields)


def date_range(value: str) -> tuple[str, str] | None:
    """Inclusive `yyyymmdd` bounds of a date, a month, a year or a `from..to` range of them
    (either end may be left open); None when `value` is not one."""
    if _RANGE not in value:
        return _period(value)
    start, _, end = value.partition(_RANGE)
    first = _period(start) if start else ("", "")
    last = _period(end) if end else ("", "")
    if first is None or last is None or (not start and not end):
        return None
    if first[0] and last[1] and first[0] > last[1]:  # typed backwards: 2025-10..2025-09
        first, last = last, first
    return first[0], last[1]


def day_bound(value: str, *, end: bool) -> str | None:
    """The first (or with `end` the last) day of a date, month or year, as `yyyymmdd`."""
    period = _period(value)
    if period is None:
        return None
    return period[1] if end else period[0]


def _period(value: str) -> tuple[str, str] | None:
    """(first day, last day) of one date, month or year."""
    value = value.strip()
    if match := _YEAR.fullmatch(value):
        year = int(match.group(1))
        return _bounds(year, 1, 1, year, 12, 31)
    if (match := _YEAR_MONTH.fullmatch(value)) or (match := _MONTH_YEAR.fullmatch(value)):
        year, month = (
            (int(match.group(1)), int(match.group(2)))
            if match.re is _YEAR_MONTH
            else (int(match.group(2)), int(match.group(1)))
        )
        if not 1 <= month <= 12:
            return None
        return _bounds(year, month, 1, year, month, calendar.monthrange(year, month)[1])
    if match := _ISO_DAY.fullmatch(value):
        year, month, day = (int(group) for group in match.groups())
        return _bounds(year, month, day, year, month, day)
    if match := _DAY_MONTH_YEAR.fullmatch(value):
        day, month, year = (int(group) for group in match.groups())
        return _bounds(year, month, day, year, month, day)
    return None


def _bounds(*parts: int) -> tuple[str, str] | None:
    """Two dates (year, month, day twice) as `yyyymmdd`, or None if either does not exist."""
    try:
        first = datetime.date(parts[0], parts[1], parts[2])
        last = datetime.date(parts[3], parts[4], parts[5])
    except ValueError:
        return None
    return first.strftime("%Y%m%d"), last.strftime("%Y%m%d")


def folder_value(value: str) -> str:
    """A folder as filters compare it: `~` expanded, `.` and `..` and doubled separators
    resolved, no trailing separator; '' for nothing."""
    value = value.strip()
    if not value:
        return ""
    expanded = os.path.expanduser(value)
    if not _is_absolute(expanded):
        return os.path.normpath(expanded).replace(os.sep, "/").strip("/")
    if expanded.startswith("/"):
        normalised = os.path.normpath(expanded)
        return "/" if normalised in ("/", "//") else normalised.rstrip("/")
    return ntpath.normpath(expanded)


def absolute_folder(value: str) -> str:
    """A folder given on the command line: relative to the current folder, as indexed."""
    folder = folder_value(value)
    if not folder or _is_absolute(folder):
        return folder
    return str(Path(folder).resolve())


def kinds_of(value: str) -> list[str] | None:
    """File types named by `value` (`pdf`, `.docx`, `pdf,docx`, `htm` for html), as
    documents' `kind` spells them; None when some part is not a file type's name."""
    kinds: list[str] = []
    for part in value.lower().split(","):
        match = _KIND.fullmatch(part.strip())
        if match is None:
            return None
        kind = file_kind(Path(f"x.{match.group(1)}"))
        if kind not in kinds:
            kinds.append(kind)
    return kinds


def filters_from(
    *,
    after: str = "",
    before: str = "",
    folders: Iterable[str] = (),
    kinds: Iterable[str] = (),
) -> Filters:
    """Filters from readable parts (dates, months or years; folders; type names), as the
    command line and the window give them; raises ValueError naming a part it cannot read."""
    low = day_bound(after, end=False) if after else ""
    high = day_bound(before, end=True) if before else ""
    if low is None:
        raise ValueError(f"not a date: {after!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    if high is None:
        raise ValueError(f"not a date: {before!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    named: list[str] = []
    for value in kinds:
        found = kinds_of(value)
        if found is None:
            raise ValueError(f"not a file type: {value!r} (such as pdf, docx, txt)")
        named.extend(kind for kind in found if kind not in named)
    chosen = tuple(dict.fromkeys(f for f in (folder_value(v) for v in folders) if f))
    return Filters(low, high, chosen, tuple(named))


__all__ = [
    "Filters",
    "absolute_folder",
    "allowed_docs",
    "date_range",
    "day_bound",
    "filters_from",
    "folder_value",
    "kinds_of",
    "split_filters",
]
