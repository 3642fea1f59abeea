"""The bar across the top of the window: the search field, Match accents, and the sort order.

It holds what the next search asks for; the window decides when to search and with what.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from desktop.widgets import SearchField
from index import SortOrder

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate


class SearchBar(QWidget):
    """The query box with its two options; Esc in the box clears it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        # A QWidget subclass paints its style sheet (the bottom rule) only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.field = SearchField(self)
        self.field.installEventFilter(self)
        self.accent_box = QCheckBox(self)
        self.accent_box.setObjectName("accentToggle")
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("sortBox")
        for order in SortOrder:  # texts come in retranslate(), in this order
            self.sort_box.addItem("", order.value)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(12)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.accent_box)
        layout.addWidget(self.sort_box)

    def query(self) -> str:
        """What was typed, without surrounding spaces."""
        return self.field.text().strip()

    def exact(self) -> bool:
        """True when Match accents is ticked."""
        return self.accent_box.isChecked()

    def current_sort(self) -> SortOrder:
        """The chosen sort order."""
        try:
            return SortOrder(self.sort_box.currentData())
        except ValueError:  # no item chosen
            return SortOrder.RELEVANCE

    def set_exact_quietly(self, checked: bool) -> None:
        """Tick or clear Match accents without announcing it (no search starts)."""
        self.accent_box.blockSignals(True)
        self.accent_box.setChecked(checked)
        self.accent_box.blockSignals(False)

    def set_sort_quietly(self, sort: SortOrder) -> None:
        """Choose a sort order without announcing it (no search starts)."""
        self.sort_box.blockSignals(True)
        self.sort_box.setCurrentIndex(max(0, self.sort_box.findData(SortOrder(sort).value)))
        self.sort_box.blockSignals(False)

    def focus_field(self) -> None:
        """Put the cursor in the field with its text selected, ready to type over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in a non-empty field clears it (an empty field lets Esc through)."""
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.field.text()
        ):
            self.field.clear()
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        """Re-set the bar's texts in the current language."""
        self.field.setPlaceholderText(
            translate("MainWindow", "Search — type with or without accents")
        )
        self.accent_box.setText(translate("MainWindow", "Match accents"))
        self.accent_box.setToolTip(
            translate(
                "MainWindow",
                "Only find words written with exactly these accents (ca finds ca, not cá)",
            )
        )
        self.sort_box.setItemText(0, translate("MainWindow", "Most relevant"))
        self.sort_box.setItemText(1, translate("MainWindow", "Newest first"))
        self.sort_box.setItemText(2, translate("MainWindow", "Oldest first"))
        self.sort_box.setItemText(3, translate("MainWindow", "By file name"))
        self.sort_box.setToolTip(translate("MainWindow", "Sort results"))
