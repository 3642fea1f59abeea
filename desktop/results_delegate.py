"""Paints one search hit: title and date, folder, then the engine's snippet with its marks.

The snippet HTML is laid out by a QTextDocument (cached per text and width), clipped to a
few lines so every row stays compact.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.results_model import Role
from desktop.richtext import DARK, LIGHT, paint_marks

_Index = QModelIndex | QPersistentModelIndex

PAD_X = 12
PAD_Y = 9
GAP = 3
SNIPPET_LINES = 3
CACHE_SIZE = 256


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def muted(palette: QPalette) -> QColor:
    """A secondary text colour: halfway between text and background."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


class ResultDelegate(QStyledItemDelegate):
    """Draws rows of a `ResultsModel`; the view it paints for should be its parent."""

    def __init__(self, parent: QAbstractItemView | None = None) -> None:
        super().__init__(parent)
        self._docs: OrderedDict[tuple[str, int, str, bool], QTextDocument] = OrderedDict()

    # -- fonts and sizes -------------------------------------------------------------------

    @staticmethod
    def _title_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.08)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    @staticmethod
    def _meta_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 0.9)
        return font

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = option.rect.width()
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
        return max(80, width - 2 * PAD_X)

    def _snippet_doc(self, html: str, font: QFont, width: int, dark: bool) -> QTextDocument:
        key = (html, width, font.key(), dark)
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setHtml(paint_marks(html, DARK if dark else LIGHT))
        doc.setTextWidth(width)
        self._docs[key] = doc
        if len(self._docs) > CACHE_SIZE:
            self._docs.popitem(last=False)
        return doc

    def clear_cache(self) -> None:
        self._docs.clear()

    @staticmethod
    def _snippet_height(doc: QTextDocument, _font: QFont) -> int:
        """Height of the first SNIPPET_LINES laid-out lines, so no line is cut in half."""
        layout = doc.documentLayout()
        lines = 0
        bottom = 0.0
        block = doc.begin()
        while block.isValid() and lines < SNIPPET_LINES:
            text_layout = block.layout()
            top = layout.blockBoundingRect(block).top()
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                bottom = top + line.y() + line.height()
                lines += 1
                if lines == SNIPPET_LINES:
                    break
            block = block.next()
        return int(bottom + 0.999)

    # -- QStyledItemDelegate ---------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        base = option.font
        width = self._text_width(option)
        title_h = QFontMetrics(self._title_font(base)).height()
        meta_h = QFontMetrics(self._meta_font(base)).height()
        snippet = index.data(Role.SNIPPET) or ""
        snippet_h = 0
        if snippet:
            doc = self._snippet_doc(snippet, base, width, is_dark(option.palette))
            snippet_h = GAP + self._snippet_height(doc, base)
        height = PAD_Y + title_h + GAP + meta_h + snippet_h + PAD_Y
        return QSize(width + 2 * PAD_X, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        palette = opt.palette
        rect = QRect(opt.rect)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        hovered = bool(opt.state & QStyle.StateFlag.State_MouseOver)
        dark = is_dark(palette)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)

        # A tinted background and an accent bar instead of the platform's solid highlight,
        # so the snippet's marks stay readable on the selected row.
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        if selected:
            tint = QColor(accent)
            tint.setAlpha(60 if dark else 38)
            painter.fillRect(rect, tint)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), accent)
        elif hovered:
            tint = QColor(accent)
            tint.setAlpha(16)
            painter.fillRect(rect, tint)
        separator = QColor(palette.color(QPalette.ColorRole.Mid))
        separator.setAlpha(90)
        painter.setPen(separator)
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())

        base = opt.font
        left = rect.left() + PAD_X
        width = rect.width() - 2 * PAD_X
        y = rect.top() + PAD_Y
        text_color = palette.color(QPalette.ColorRole.Text)
        soft = muted(palette)

        # Title, with the date right-aligned on the same line.
        meta_font = self._meta_font(base)
        meta_fm = QFontMetrics(meta_font)
        date = index.data(Role.DATE) or ""
        date_w = meta_fm.horizontalAdvance(date) + 12 if date else 0
        title_font = self._title_font(base)
        title_fm = QFontMetrics(title_font)
        title = title_fm.elidedText(
            index.data(Role.TITLE) or "", Qt.TextElideMode.ElideRight, max(10, width - date_w)
        )
        painter.setFont(title_font)
        painter.setPen(text_color)
        title_rect = QRect(left, y, width - date_w, title_fm.height())
        painter.drawText(
            title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
        )
        if date:
            painter.setFont(meta_font)
            painter.setPen(soft)
            date_rect = QRect(left + width - date_w, y, date_w, title_fm.height())
            painter.drawText(
                date_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), date
            )
        y += title_fm.height() + GAP

        # Folder, elided in the middle so both the root and the last folder stay visible.
        folder = index.data(Role.FOLDER) or ""
        painter.setFont(meta_font)
        painter.setPen(soft)
        folder_text = meta_fm.elidedText(folder, Qt.TextElideMode.ElideMiddle, width)
        painter.drawText(
            QRect(left, y, width, meta_fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            folder_text,
        )
        y += meta_fm.height()

        snippet = index.data(Role.SNIPPET) or ""
        if snippet:
            y += GAP
            doc = self._snippet_doc(snippet, base, self._text_width(option), dark)
            height = self._snippet_height(doc, base)
            painter.translate(left, y)
            clip = QRectF(0, 0, width, height)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, text_color)
            context.clip = clip
            doc.documentLayout().draw(painter, context)
        painter.restore()
