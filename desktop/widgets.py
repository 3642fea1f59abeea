"""Small widgets the main window is built from: the search field, a message banner, chips.

Each is plain Qt with no knowledge of the engine; the window wires them together.  Chips sit in
a `FlowLayout`, which wraps them onto more rows and never squeezes one below its text.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import (
    QCoreApplication,
    QMargins,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop import system_open, theme
from index import Variant

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate

CHIPS_SHOWN = 8  # more accented forms than this collapse behind a "+N more" chip


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
        self.log_link = QLabel(self)
        self.log_link.setObjectName("bannerLogLink")
        self.log_link.setTextFormat(Qt.TextFormat.RichText)
        self.log_link.linkActivated.connect(lambda _href: system_open.open_log())
        self.log_link.hide()
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.log_link, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def text(self) -> str:
        """The message shown (plain text)."""
        return self.label.text()

    def show_message(
        self, text: str, kind: BannerKind = BannerKind.INFO, details: str = ""
    ) -> None:
        """Show `text` in the colours of `kind`; `details` (a traceback, a list) as its tooltip.

        An error also offers "Open the log" when the program writes one.
        """
        self.kind = kind
        colours = kind.colours
        self.setStyleSheet(
            f"#banner {{ background: {colours.background}; border: 1px solid {colours.border};"
            f" border-radius: 4px; }} #banner QLabel {{ color: {colours.foreground}; }}"
        )
        self.label.setText(text)
        self.label.setToolTip(details)
        self.retranslate()
        self.log_link.setVisible(kind is BannerKind.ERROR and system_open.log_file() is not None)
        self.show()

    def retranslate(self) -> None:
        """Re-set the log link's text in the current language."""
        colour = self.kind.colours.foreground
        self.log_link.setText(
            f'<a href="log" style="color:{colour};">{translate("MainWindow", "Open the log")}</a>'
        )


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps onto a new row where the width runs out.

    Every item gets its size hint (never less), so a chip's label is never cut.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        """Append `item` (Qt calls this for addWidget)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at `index`, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at `index`, or None."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """A flow grows in neither direction by itself."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """The height depends on the width: a narrower row wraps onto more rows."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need at `width`."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items inside `rect`."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One row of every item."""
        width = sum(item.sizeHint().width() for item in self._items)
        width += self.spacing() * max(0, len(self._items) - 1)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As wide as the widest item: narrower than that, an item would be cut."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize()).expandedTo(QSize(item.sizeHint().width(), 0))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place (or only measure) the items row by row; the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        spacing = self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


class ChipBar(QWidget):
    """Accented forms of the query's unaccented words, as clickable chips that wrap.

    `variant_chosen(word, form)` when one is clicked.  Past CHIPS_SHOWN forms the rest wait
    behind a "+N more" chip, which shows them all.
    """

    variant_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chipBar")
        self.caption = QLabel(self)
        self._layout = FlowLayout(self)
        self._layout.addWidget(self.caption)
        self._chips: list[QToolButton] = []
        self._variants: list[Variant] = []
        self._hidden = 0  # forms behind the "+N more" chip
        self.more_chip = QToolButton(self)
        self.more_chip.setObjectName("chip")
        self.more_chip.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_chip.clicked.connect(self.show_all)
        self._layout.addWidget(self.more_chip)
        self.more_chip.hide()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.hide()

    @property
    def chips(self) -> list[QToolButton]:
        """The chips shown, in the engine's order ("+N more" aside)."""
        return list(self._chips)

    def set_variants(self, variants: list[Variant], *, limit: int = CHIPS_SHOWN) -> None:
        """Replace the chips with one per accented form (the first `limit`); hidden if none."""
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        self._variants = list(variants)
        self._layout.removeWidget(self.more_chip)
        for variant in variants[:limit]:
            chip = QToolButton(self)
            chip.setObjectName("chip")
            chip.setText(f"{variant.form} · {variant.doc_count}")
            chip.setToolTip(f"{variant.word} → {variant.form}")
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(
                lambda _=False, w=variant.word, f=variant.form: self.variant_chosen.emit(w, f)
            )
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self._layout.addWidget(self.more_chip)
        self._hidden = len(variants) - len(self._chips)
        self.more_chip.setVisible(self._hidden > 0)
        self.retranslate()
        self.setVisible(bool(self._chips))
        self.updateGeometry()

    def show_all(self) -> None:
        """Show every accented form, the "+N more" chip gone."""
        self.set_variants(self._variants, limit=len(self._variants))

    def retranslate(self) -> None:
        """Re-set the "+N more" chip's text in the current language."""
        hidden = self._hidden  # lupdate reads a plain name as the count
        self.more_chip.setText(translate("MainWindow", "+%n more", "", hidden))

    def hasHeightForWidth(self) -> bool:
        """The chips wrap, so the height follows the width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the wrapped rows at `width`."""
        return self._layout.heightForWidth(width)
