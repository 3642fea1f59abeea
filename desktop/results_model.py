"""The ranked hits of one search as a Qt list model, one row per hit, fields under custom roles.

The model only holds what the engine returned; the delegate decides how a row looks.
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from index import Hit, SearchResult

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """The model's custom roles: one per field of a hit a delegate or a test reads."""

    HIT = Qt.ItemDataRole.UserRole + 1
    TITLE = Qt.ItemDataRole.UserRole + 2
    DATE = Qt.ItemDataRole.UserRole + 3
    FOLDER = Qt.ItemDataRole.UserRole + 4
    SNIPPET = Qt.ItemDataRole.UserRole + 5
    PATH = Qt.ItemDataRole.UserRole + 6
    SCORE = Qt.ItemDataRole.UserRole + 7
    MATCH_COUNT = Qt.ItemDataRole.UserRole + 8
    BADGE = Qt.ItemDataRole.UserRole + 9  # "PDF · page 2": the file type, the first match's page


def display_title(hit: Hit) -> str:
    """The title to show: the engine's, or the file name when a document has none."""
    return hit.title.strip() or Path(hit.path).name


class ResultsModel(QAbstractListModel):
    """Rows are the hits of the last `SearchResult` set on it, in the engine's order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._result: SearchResult | None = None
        self._hits: list[Hit] = []

    @property
    def result(self) -> SearchResult | None:
        """The search result whose hits are the rows; None when empty."""
        return self._result

    def set_total(self, total: int) -> None:
        """The exact total, counted after the hits were shown: rows and selection stay."""
        if self._result is not None:
            self._result = replace(self._result, total=total, total_exact=True)

    def set_result(self, result: SearchResult | None) -> None:
        """Show the hits of `result` (None: no rows), replacing every row."""
        self.beginResetModel()
        self._result = result
        self._hits = list(result.hits) if result is not None else []
        self.endResetModel()

    def extend(self, result: SearchResult) -> None:
        """A longer page of the same search: its new hits become rows after the shown ones.

        Rows already shown stay (and so do the selection and the scroll position); when the
        longer page does not start with them (the index changed), every row is replaced.
        """
        shown = len(self._hits)
        if self._result is None or [h.path for h in result.hits[:shown]] != [
            h.path for h in self._hits
        ]:
            self.set_result(result)
            return
        if self._result.total_exact and not result.total_exact:  # keep the total counted since
            result = replace(result, total=self._result.total, total_exact=True)
        added = list(result.hits[shown:])
        self._result = result
        if added:
            self.beginInsertRows(QModelIndex(), shown, shown + len(added) - 1)
            self._hits.extend(added)
            self.endInsertRows()

    def has_more(self) -> bool:
        """True when the search found more hits than the rows hold."""
        result = self._result
        if result is None or not self._hits:
            return False
        return result.total > len(self._hits) or not result.total_exact

    def clear(self) -> None:
        """No rows."""
        self.set_result(None)

    def hit(self, row: int) -> Hit | None:
        """The hit in `row`, or None outside the rows."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def badge(self, hit: Hit) -> str:
        """The file type as a badge (`PDF`, `DOCX` …; none for plain text), with the page of
        the first match for a paged document: `PDF · page 2`."""
        if hit.kind in ("", "txt"):
            return ""
        parts = [hit.kind.upper()]
        if hit.pages:
            parts.append(self.tr("page %1").replace("%1", str(hit.pages[0])))
        return " · ".join(parts)

    # -- QAbstractListModel ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """One row per hit; the list has no children."""
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Rows are enabled and selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The field of a hit under `role` (display, tooltip, accessible text or a Role)."""
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        hit = self.hit(index.row())
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Role.TITLE):
            return display_title(hit)
        if role == Qt.ItemDataRole.ToolTipRole or role == Role.PATH:
            return hit.path
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = (display_title(hit), self.badge(hit), hit.date, hit.folder)
            return " · ".join(part for part in parts if part)
        if role == Role.HIT:
            return hit
        if role == Role.DATE:
            return hit.date
        if role == Role.FOLDER:
            return hit.folder
        if role == Role.SNIPPET:
            return hit.snippet
        if role == Role.SCORE:
            return hit.score
        if role == Role.MATCH_COUNT:
            return len(hit.matches)
        if role == Role.BADGE:
            return self.badge(hit)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        """Qt's role names plus ours, lower-cased."""
        names = super().roleNames()
        for role in Role:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names
