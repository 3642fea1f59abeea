"""Small widgets the main window is built from: the search field, a message banner, chips.

Each is plain Qt with no knowledge of the engine; the window wires them together.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop import theme
from index import Variant


class BannerKind(Enum):
    """How serious a banner message is; each kind has its own colours."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def colours(self) -> theme.BannerColours:
        """The banner's colours for this kind, from the theme."""
        return _BANNER_COLOURS[self]


_BANNER_COLOURS = {
    BannerKind.INFO: theme.INFO_BANNER,
    BannerKind.WARNING: theme.WARNING_BANNER,
    BannerKind.ERROR: theme.ERROR_BANNER,
}


def magnifier_icon(colour: QColor, size: int = 32) -> QIcon:
    """A drawn magnifying glass, so the search field needs no icon file."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, size * 0.09)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    radius = size * 0.26
    centre = QPointF(size * 0.42, size * 0.42)
    painter.drawEllipse(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius))
    painter.drawLine(
        QPointF(centre.x() + radius * 0.72, centre.y() + radius * 0.72),
        QPointF(size * 0.82, size * 0.82),
    )
    painter.end()
    return QIcon(pixmap)


class SearchField(QLineEdit):
    """The query box: larger text, a clear button and a magnifier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.setFont(font)
        self.setMinimumHeight(34)
        colour = self.palette().color(self.palette().ColorRole.PlaceholderText)
        self.addAction(magnifier_icon(colour), QLineEdit.ActionPosition.LeadingPosition)


class Banner(QFrame):
    """A dismissable one-line message above the results: never a modal dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.kind = BannerKind.INFO
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def text(self) -> str:
        """The message shown (plain text)."""
        return self.label.text()

    def show_message(
        self, text: str, kind: BannerKind = BannerKind.INFO, details: str = ""
    ) -> None:
        """Show `text` in the colours of `kind`; `details` (a traceback, a list) as its tooltip."""
        self.kind = kind
        colours = kind.colours
        self.setStyleSheet(
            f"#banner {{ background: {colours.background}; border: 1px solid {colours.border};"
            f" border-radius: 4px; }} #banner QLabel {{ color: {colours.foreground}; }}"
        )
        self.label.setText(text)
        self.label.setToolTip(details)
        self.show()


class ChipBar(QWidget):
    """Accented forms of the query's unaccented words, as clickable chips.

    `variant_chosen(word, form)` when one is clicked.
    """

    variant_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipBar")
        self.caption = QLabel(self)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addWidget(self.caption)
        self._layout.addStretch(1)
        self._chips: list[QToolButton] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hide()

    @property
    def chips(self) -> list[QToolButton]:
        """The chips shown, in the engine's order."""
        return list(self._chips)

    def set_variants(self, variants: list[Variant]) -> None:
        """Replace the chips with one per accented form; hidden when there are none."""
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for variant in variants:
            chip = QToolButton(self)
            chip.setObjectName("chip")
            chip.setText(f"{variant.form} · {variant.doc_count}")
            chip.setToolTip(f"{variant.word} → {variant.form}")
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(
                lambda _=False, w=variant.word, f=variant.form: self.variant_chosen.emit(w, f)
            )
            self._layout.insertWidget(self._layout.count() - 1, chip)
            self._chips.append(chip)
        self.setVisible(bool(self._chips))
