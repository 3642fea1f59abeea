"""Paints one search hit: title and date, file type badge and folder, then the snippet.

The snippet HTML is laid out by a QTextDocument (cached per text and width), clipped to a
few lines so every row stays compact.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop import theme
from desktop.results_model import Role
from desktop.richtext import paint_marks

_Index = QModelIndex | QPersistentModelIndex

PAD_X = 12
PAD_Y = 9
GAP = 3
SNIPPET_LINES = 3
CACHE_SIZE = 256
ACCENT_BAR_WIDTH = 3
BADGE_GAP = 10  # between the file type badge and the folder


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
        doc.setHtml(paint_marks(html, theme.DARK if dark else theme.LIGHT))
        doc.setTextWidth(width)
        self._docs[key] = doc
        if len(self._docs) > CACHE_SIZE:
            self._docs.popitem(last=False)
        return doc

    def clear_cache(self) -> None:
        """Forget the laid-out snippets (a new result set is coming)."""
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
        """Title, folder and up to SNIPPET_LINES of snippet, padded."""
        base = option.font
        width = self._text_width(option)
        title_h = QFontMetrics(self._title_font(base)).height()
        meta_h = QFontMetrics(self._meta_font(base)).height()
        snippet = index.data(Role.SNIPPET) or ""
        snippet_h = 0
        if snippet:
            doc = self._snippet_doc(snippet, base, width, theme.is_dark(option.palette))
            snippet_h = GAP + self._snippet_height(doc, base)
        height = PAD_Y + title_h + GAP + meta_h + snippet_h + PAD_Y
        return QSize(width + 2 * PAD_X, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Background, title and date, badge and folder, then the snippet: one step each."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._draw_background(painter, opt)
        # The text column: padded left and right; each step returns where the next one starts.
        area = QRect(opt.rect).adjusted(PAD_X, PAD_Y, -PAD_X, 0)
        y = self._draw_title_and_date(painter, opt, index, area, area.top())
        y = self._draw_folder(painter, opt, index, area, y)
        self._draw_snippet(painter, opt, index, area, y)
        painter.restore()

    # -- the steps of paint() ----------------------------------------------------------------

    @staticmethod
    def _draw_background(painter: QPainter, opt: QStyleOptionViewItem) -> None:
        """The base, a tint and an accent bar when selected (or a fainter tint when hovered),
        and the separator below: the platform's solid highlight would hide the snippet's marks."""
        palette = opt.palette
        rect = QRect(opt.rect)
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        if opt.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, theme.selected_tint(palette))
            bar = QRect(rect.left(), rect.top(), ACCENT_BAR_WIDTH, rect.height())
            painter.fillRect(bar, theme.accent(palette))
        elif opt.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, theme.hover_tint(palette))
        painter.setPen(theme.separator(palette))
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())

    def _draw_title_and_date(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: _Index, area: QRect, y: int
    ) -> int:
        """The title, elided at the right, with the date right-aligned on the same line."""
        meta_font = self._meta_font(opt.font)
        date = index.data(Role.DATE) or ""
        date_w = QFontMetrics(meta_font).horizontalAdvance(date) + 12 if date else 0
        title_font = self._title_font(opt.font)
        title_fm = QFontMetrics(title_font)
        title = title_fm.elidedText(
            index.data(Role.TITLE) or "",
            Qt.TextElideMode.ElideRight,
            max(10, area.width() - date_w),
        )
        painter.setFont(title_font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        title_rect = QRect(area.left(), y, area.width() - date_w, title_fm.height())
        painter.drawText(
            title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
        )
        if date:
            painter.setFont(meta_font)
            painter.setPen(theme.muted(opt.palette))
            date_rect = QRect(area.left() + area.width() - date_w, y, date_w, title_fm.height())
            painter.drawText(
                date_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), date
            )
        return y + title_fm.height() + GAP

    def _draw_folder(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: _Index, area: QRect, y: int
    ) -> int:
        """The badge (`PDF · page 2`) in the accent colour, then the folder, elided in the
        middle so both the root and the last folder stay visible."""
        meta_font = self._meta_font(opt.font)
        meta_fm = QFontMetrics(meta_font)
        painter.setFont(meta_font)
        left = area.left()
        badge = index.data(Role.BADGE) or ""
        if badge:
            badge_w = meta_fm.horizontalAdvance(badge)
            painter.setPen(theme.accent(opt.palette))
            painter.drawText(
                QRect(left, y, badge_w, meta_fm.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                badge,
            )
            left += badge_w + BADGE_GAP
        folder = meta_fm.elidedText(
            index.data(Role.FOLDER) or "",
            Qt.TextElideMode.ElideMiddle,
            max(10, area.right() + 1 - left),
        )
        painter.setPen(theme.muted(opt.palette))
        painter.drawText(
            QRect(left, y, max(10, area.right() + 1 - left), meta_fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            folder,
        )
        return y + meta_fm.height()

    def _draw_snippet(
        self, painter: QPainter, opt: QStyleOptionViewItem, index: _Index, area: QRect, y: int
    ) -> None:
        """The engine's snippet with its marks, clipped to its first SNIPPET_LINES lines."""
        snippet = index.data(Role.SNIPPET) or ""
        if not snippet:
            return
        y += GAP
        dark = theme.is_dark(opt.palette)
        doc = self._snippet_doc(snippet, opt.font, self._text_width(opt), dark)
        height = self._snippet_height(doc, opt.font)
        painter.translate(area.left(), y)
        clip = QRectF(0, 0, area.width(), height)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.Text)
        )
        context.clip = clip
        doc.documentLayout().draw(painter, context)
