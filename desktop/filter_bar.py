"""The row under the search field that narrows a search: a date range, a folder, a file type.

It says `filters_changed` when the user picks another choice; the window searches again.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import PureWindowsPath

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QWidget

from index import Filters

DATE_FORMAT = "dd/MM/yyyy"  # as Vietnamese dates are written
_KEY_FORMAT = "yyyyMMdd"  # the engine's date bounds
_ISO = Qt.DateFormat.ISODate
_ANY = ""  # the data of "all folders" and "all types"
# Where the choices are remembered between runs (the window's QSettings store).
DATE_KEY = "filters/date"
FROM_KEY = "filters/from"
TO_KEY = "filters/to"
FOLDER_KEY = "filters/folder"
TYPE_KEY = "filters/type"


class DatePreset(StrEnum):
    """The periods offered; the values are what the settings remember."""

    ANY = "any"
    WEEK = "7d"
    MONTH = "30d"
    YEAR = "year"
    RANGE = "range"


_Labels = Callable[[list[str]], list[str]]
_DAYS_BACK = {DatePreset.WEEK: 6, DatePreset.MONTH: 29}  # today counts as one of the days


class FilterBar(QWidget):
    """Three choices, each "all" at first; a date range shows its two date fields."""

    filters_changed = Signal()  # the user chose another period, folder or type

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.date_box = self._combo("dateFilter")
        for preset in DatePreset:  # texts come in retranslate(), in this order
            self.date_box.addItem("", preset.value)
        today = QDate.currentDate()
        self.from_edit = self._date_edit("dateFrom", today.addMonths(-1))
        self.to_edit = self._date_edit("dateTo", today)
        self.folder_box = self._combo("folderFilter")
        self.folder_box.addItem("", _ANY)
        self.type_box = self._combo("typeFilter")
        self.type_box.addItem("", _ANY)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 8)
        layout.setSpacing(8)
        for widget in (self.date_box, self.from_edit, self.to_edit):
            layout.addWidget(widget)
        layout.addWidget(self.folder_box)
        layout.addWidget(self.type_box)
        layout.addStretch(1)
        self._show_range_fields()
        for box in (self.date_box, self.folder_box, self.type_box):
            box.currentIndexChanged.connect(self.on_choice_changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.on_range_changed)

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def _date_edit(self, name: str, date: QDate) -> QDateEdit:
        edit = QDateEdit(date, self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        return edit

    # -- what is chosen --------------------------------------------------------------------

    @property
    def preset(self) -> DatePreset:
        """The chosen period."""
        try:
            return DatePreset(self.date_box.currentData())
        except ValueError:
            return DatePreset.ANY

    @property
    def folder(self) -> str:
        """The chosen folder; '' for all."""
        return str(self.folder_box.currentData() or _ANY)

    @property
    def kind(self) -> str:
        """The chosen file type; '' for all."""
        return str(self.type_box.currentData() or _ANY)

    def filters(self, today: QDate | None = None) -> Filters:
        """What the choices let through, the periods counted back from `today` (default: now)."""
        after, before = self._date_bounds(today or QDate.currentDate())
        folder, kind = self.folder, self.kind
        return Filters(
            after=after,
            before=before,
            folders=(folder,) if folder else (),
            kinds=(kind,) if kind else (),
        )

    def _date_bounds(self, today: QDate) -> tuple[str, str]:
        preset = self.preset
        if preset in _DAYS_BACK:
            return today.addDays(-_DAYS_BACK[preset]).toString(_KEY_FORMAT), ""
        if preset is DatePreset.YEAR:
            return f"{today.year():04d}0101", f"{today.year():04d}1231"
        if preset is DatePreset.RANGE:
            first, last = sorted((self.from_edit.date(), self.to_edit.date()))
            return first.toString(_KEY_FORMAT), last.toString(_KEY_FORMAT)
        return "", ""

    # -- what is offered -------------------------------------------------------------------

    def offer(self, folders: list[str], kinds: list[str]) -> None:
        """Offer these folders and file types, quietly; a chosen one stays chosen (and listed)."""
        self._refill(self.folder_box, folders, _folder_labels)
        self._refill(self.type_box, kinds, _kind_labels)

    def _refill(self, box: QComboBox, values: list[str], labels: _Labels) -> None:
        chosen = str(box.currentData() or _ANY)
        wanted = list(dict.fromkeys([*values, *([chosen] if chosen else [])]))
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for value, text in zip(wanted, labels(wanted), strict=True):
            box.addItem(text, value)
            box.setItemData(box.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    def _choose_quietly(self, box: QComboBox, value: str, labels: _Labels) -> None:
        """Choose `value` in `box`, listing it first if it is not offered (yet)."""
        offered = [str(box.itemData(index)) for index in range(1, box.count())]
        if value and value not in offered:
            self._refill(box, [*offered, value], labels)
        box.blockSignals(True)
        box.setCurrentIndex(max(0, box.findData(value)))
        box.blockSignals(False)

    # -- slots -----------------------------------------------------------------------------

    def on_choice_changed(self, _index: int) -> None:
        """A period, folder or type was chosen."""
        self._show_range_fields()
        self.filters_changed.emit()

    def on_range_changed(self, _date: QDate) -> None:
        """A date of the range was changed: it matters only while the range is chosen."""
        if self.preset is DatePreset.RANGE:
            self.filters_changed.emit()

    def _show_range_fields(self) -> None:
        ranged = self.preset is DatePreset.RANGE
        self.from_edit.setVisible(ranged)
        self.to_edit.setVisible(ranged)

    # -- remembered between runs -------------------------------------------------------------

    def save(self, store: QSettings) -> None:
        """Remember the choices in `store`."""
        store.setValue(DATE_KEY, self.preset.value)
        store.setValue(FROM_KEY, self.from_edit.date().toString(_ISO))
        store.setValue(TO_KEY, self.to_edit.date().toString(_ISO))
        store.setValue(FOLDER_KEY, self.folder)
        store.setValue(TYPE_KEY, self.kind)

    def restore(self, store: QSettings) -> None:
        """Put back the choices `save` remembered, quietly (no search starts)."""
        for edit, key in ((self.from_edit, FROM_KEY), (self.to_edit, TO_KEY)):
            date = QDate.fromString(_text(store, key), _ISO)
            if date.isValid():
                edit.blockSignals(True)
                edit.setDate(date)
                edit.blockSignals(False)
        self.date_box.blockSignals(True)
        self.date_box.setCurrentIndex(max(0, self.date_box.findData(_text(store, DATE_KEY))))
        self.date_box.blockSignals(False)
        self._choose_quietly(self.folder_box, _text(store, FOLDER_KEY), _folder_labels)
        self._choose_quietly(self.type_box, _text(store, TYPE_KEY), _kind_labels)
        self._show_range_fields()

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Re-set the bar's texts in the current language."""
        texts = {
            DatePreset.ANY: self.tr("Any time"),
            DatePreset.WEEK: self.tr("Past 7 days"),
            DatePreset.MONTH: self.tr("Past 30 days"),
            DatePreset.YEAR: self.tr("This year"),
            DatePreset.RANGE: self.tr("Date range…"),
        }
        for index, preset in enumerate(DatePreset):
            self.date_box.setItemText(index, texts[preset])
        self.date_box.setToolTip(self.tr("Only documents dated in this period"))
        self.from_edit.setToolTip(self.tr("From this date"))
        self.to_edit.setToolTip(self.tr("Up to this date"))
        self.folder_box.setItemText(0, self.tr("All folders"))
        self.folder_box.setToolTip(self.tr("Only documents in this folder"))
        self.type_box.setItemText(0, self.tr("All file types"))
        self.type_box.setToolTip(self.tr("Only files of this type"))


def _folder_labels(folders: list[str]) -> list[str]:
    """Each folder by its name; by its whole path when another one has the same name."""
    names = [PureWindowsPath(folder).name or folder for folder in folders]  # "/" and "\\"
    return [
        folder if names.count(name) > 1 else name
        for folder, name in zip(folders, names, strict=True)
    ]


def _kind_labels(kinds: list[str]) -> list[str]:
    """File types as people write them: PDF, DOCX, TXT."""
    return [kind.upper() for kind in kinds]


def _text(store: QSettings, key: str) -> str:
    value = store.value(key, "")
    return value if isinstance(value, str) else ""
