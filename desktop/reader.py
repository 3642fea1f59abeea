"""The reader pane: one whole document with every match highlighted, stepping between them.

The engine gives escaped HTML with a numbered anchor before each match; this pane only
paints it, finds the anchors in the laid-out document, and emphasises the current one.
Nothing is ever loaded from outside: no images, no style sheets, no remote anything.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.richtext import paint_marks
from desktop.settings import ZOOM_RANGE
from index import ReaderView, logger

log = logger(__name__)

ANCHOR_PREFIX = "match-"
SAFE_SCHEMES = ("http", "https", "mailto")
TEXT_SCALE = 1.15  # the article's text, relative to the UI font
TITLE_SCALE = 1.35
ZOOM_STEP = 0.1  # each zoom step adds 10% of the text size
MIN_POINT_SIZE = 6.0


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that never loads a resource and never follows a link by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.anchorClicked.connect(self.on_anchor_clicked)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Nothing: the reader shows only the engine's text."""
        return None  # no images, no style sheets, nothing from disk or network

    def on_anchor_clicked(self, url: QUrl) -> None:
        """Open a clicked web or mail link in the user's browser; ignore anything else."""
        # Only a deliberate click on a web or mail link leaves the app, in the user's browser.
        if url.scheme().lower() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)


def find_match_ranges(browser: QTextEdit, view: ReaderView) -> list[tuple[int, int]]:
    """Document positions (start, end) of matches 1..N, found by their `match-N` anchors.

    A match's length comes from the engine's offsets (the document holds the same
    characters); without them, a match runs as far as its highlight colour does.
    """
    doc = browser.document()
    starts: dict[int, int] = {}
    fragments: list[tuple[int, int, QColor]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            fragments.append((fragment.position(), fragment.length(), fmt.background().color()))
            for name in fmt.anchorNames():
                if name.startswith(ANCHOR_PREFIX) and name[len(ANCHOR_PREFIX) :].isdigit():
                    starts.setdefault(int(name[len(ANCHOR_PREFIX) :]), fragment.position())
            it += 1
        block = block.next()

    lengths = [end - start for start, end in view.matches]
    use_offsets = len(lengths) == len(starts) and all(n > 0 for n in lengths)
    ranges: list[tuple[int, int]] = []
    for number in sorted(starts):
        start = starts[number]
        if use_offsets and 1 <= number <= len(lengths):
            ranges.append((start, start + lengths[number - 1]))
            continue
        end = start
        colour: QColor | None = None
        for pos, length, background in fragments:
            if pos + length <= start:
                continue
            if pos > end:
                break
            if colour is None:
                colour = background
            elif background != colour or (pos != start and pos in starts.values()):
                break
            end = pos + length
        ranges.append((start, max(end, start + 1)))
    return ranges


class ReaderPane(QWidget):
    """Title, date and path over the article; a counter and previous/next match buttons."""

    match_changed = Signal(int, int)  # current (1-based, 0 if none), total
    document_shown = Signal(object)  # ReaderView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: ReaderView | None = None
        self._ranges: list[tuple[int, int]] = []
        self._current = 0
        self._zoom = 0
        self._base_point_size = self.font().pointSizeF() * TEXT_SCALE
        self._placeholder_text = ""

        self._build_heading()
        self._build_navigation()
        self._build_header()
        self._build_browser()
        self._build_placeholder()
        self._lay_out()
        self._apply_font()
        self.retranslate()
        self.clear()

    # -- the steps of __init__ -----------------------------------------------------------------

    def _build_heading(self) -> None:
        """The title (larger, semi-bold) and the date · path · encoding line under it."""
        self.title_label = QLabel(self)
        self.title_label.setObjectName("readerTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * TITLE_SCALE)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("readerMeta")
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label.setWordWrap(True)

    def _build_navigation(self) -> None:
        """Previous and next match buttons around the "3 / 12" counter."""
        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.UpArrow)
        self.prev_button.setAutoRaise(True)
        self.prev_button.clicked.connect(self.previous_match)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.setAutoRaise(True)
        self.next_button.clicked.connect(self.next_match)
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName("matchCounter")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter_label.setMinimumWidth(64)

    def _build_header(self) -> None:
        """The heading on the left, the match navigation top right."""
        nav = QHBoxLayout()
        nav.setSpacing(2)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.counter_label)
        nav.addWidget(self.next_button)

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title_label)
        heading.addWidget(self.meta_label)
        heading.addStretch(1)
        header_row = QHBoxLayout()
        header_row.addLayout(heading, 1)
        header_row.addLayout(nav)
        header_row.setAlignment(nav, Qt.AlignmentFlag.AlignTop)

        self.header = QWidget(self)
        self.header.setObjectName("readerHeader")
        self.header.setLayout(header_row)
        header_row.setContentsMargins(16, 12, 10, 12)
        self._header_row = header_row

    def _build_browser(self) -> None:
        """The article itself, in a browser that loads nothing."""
        self.browser = SafeBrowser(self)
        self.browser.setObjectName("readerBrowser")
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.document().setDocumentMargin(16)

    def _build_placeholder(self) -> None:
        """The hint (or the reason) shown when no document is open."""
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("readerPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setContentsMargins(24, 24, 24, 24)

    def _lay_out(self) -> None:
        """Header, rule and browser make the article; a stack shows it or the placeholder."""
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setObjectName("readerRule")

        article = QWidget(self)
        article_layout = QVBoxLayout(article)
        article_layout.setContentsMargins(0, 0, 0, 0)
        article_layout.setSpacing(0)
        article_layout.addWidget(self.header)
        article_layout.addWidget(line)
        article_layout.addWidget(self.browser, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(article)
        self._article = article
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # -- state -----------------------------------------------------------------------------

    @property
    def view(self) -> ReaderView | None:
        """The document shown; None while the placeholder is."""
        return self._view

    @property
    def current_match(self) -> int:
        """The emphasised match, 1-based; 0 when there is none."""
        return self._current

    @property
    def match_count(self) -> int:
        """How many matches the shown document has."""
        return len(self._ranges)

    @property
    def match_ranges(self) -> list[tuple[int, int]]:
        """Document positions (start, end) of every match, in order."""
        return list(self._ranges)

    def current_match_text(self) -> str:
        """The text of the emphasised match, as laid out in the reader."""
        if not self._current:
            return ""
        start, end = self._ranges[self._current - 1]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _mark_style(self) -> theme.MarkStyle:
        return theme.mark_style(self.palette())

    # -- showing ---------------------------------------------------------------------------

    def clear(self, message: str = "") -> None:
        """Show a placeholder (the default hint when `message` is empty) instead of a document."""
        self._view = None
        self._ranges = []
        self._current = 0
        self.browser.clear()
        self.browser.setExtraSelections([])
        self._placeholder_text = message
        self.placeholder.setText(message or self._default_placeholder())
        self.stack.setCurrentWidget(self.placeholder)
        self._update_nav()

    def show_view(self, view: ReaderView) -> None:
        """Paint a document and jump to its first match."""
        self._view = view
        self.title_label.setText(view.title.strip() or view.path)
        encoding = self.tr("read as %1").replace("%1", view.encoding) if view.encoding else ""
        self.meta_label.setText(
            "  ·  ".join(part for part in (view.date, view.path, encoding) if part)
        )
        self.meta_label.setToolTip(view.path)
        self._fit_header()
        self.browser.setHtml(paint_marks(view.html, self._mark_style()))
        self._ranges = find_match_ranges(self.browser, view)
        if len(self._ranges) != view.match_count:
            log.debug("found %d match anchors, engine said %d", len(self._ranges), view.match_count)
        self.stack.setCurrentWidget(self._article)
        self._current = 0
        if self._ranges:
            self.go_to_match(1)
        else:
            self.browser.setExtraSelections([])
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self._update_nav()
        self.document_shown.emit(view)

    def go_to_match(self, number: int) -> None:
        """Make match `number` (1-based, wrapping) current: emphasise it and scroll to it."""
        if not self._ranges:
            return
        total = len(self._ranges)
        self._current = (number - 1) % total + 1
        start, end = self._ranges[self._current - 1]
        style = self._mark_style()
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(style.current_background))
        fmt.setForeground(QColor(style.current_foreground))
        selection.cursor = cursor
        selection.format = fmt
        self.browser.setExtraSelections([selection])
        self._scroll_to(start)
        self._update_nav()

    def _scroll_to(self, position: int) -> None:
        # Put the match about a third of the way down, with context above it.
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        rect = self.browser.cursorRect(cursor)
        bar = self.browser.verticalScrollBar()
        target = bar.value() + rect.top() - self.browser.viewport().height() // 3
        bar.setValue(max(bar.minimum(), min(bar.maximum(), target)))

    def _fit_header(self) -> None:
        # A word-wrapped QLabel in a box layout asks for the height of a guessed wrap;
        # pin each label to the height its text really needs at the width it will get.
        margins = self._header_row.contentsMargins()
        available = (
            self.width()
            - margins.left()
            - margins.right()
            - self._nav_width()
            - self._header_row.spacing()
        )
        for label in (self.title_label, self.meta_label):
            if available >= 80:
                label.setMinimumHeight(0)  # QLabel's height-for-width never goes below its minimum
                label.setMaximumHeight(16_777_215)
                needed = label.heightForWidth(available)
                label.setFixedHeight(max(label.fontMetrics().height(), needed))

    def _nav_width(self) -> int:
        return (
            sum(
                w.sizeHint().width()
                for w in (self.prev_button, self.counter_label, self.next_button)
            )
            + 4
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-fit the header's labels to the new width."""
        super().resizeEvent(event)
        self._fit_header()

    def next_match(self) -> None:
        """Go to the next match, wrapping after the last."""
        if self._ranges:
            self.go_to_match(self._current + 1)

    def previous_match(self) -> None:
        """Go to the previous match, wrapping before the first."""
        if self._ranges:
            self.go_to_match(self._current - 1)

    def _update_nav(self) -> None:
        total = len(self._ranges)
        has = total > 0
        self.prev_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)
        self.counter_label.setText(f"{self._current} / {total}" if has else "")
        self.counter_label.setVisible(has)
        self.prev_button.setVisible(has)
        self.next_button.setVisible(has)
        self.match_changed.emit(self._current, total)

    # -- zoom ------------------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        """Zoom steps away from the normal text size."""
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Set the text size `steps` away from normal (clamped), keeping the match in view."""
        low, high = ZOOM_RANGE
        self._zoom = max(low, min(high, steps))
        self._apply_font()
        if self._current:
            self._scroll_to(self._ranges[self._current - 1][0])

    def zoom_in(self) -> None:
        """One step larger."""
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        """One step smaller."""
        self.set_zoom(self._zoom - 1)

    def _apply_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(
            max(MIN_POINT_SIZE, self._base_point_size * (1 + ZOOM_STEP * self._zoom))
        )
        self.browser.document().setDefaultFont(font)
        self.browser.setFont(font)

    # -- language and look -----------------------------------------------------------------

    def _default_placeholder(self) -> str:
        return self.tr("Select a result to read it here.")

    def retranslate(self) -> None:
        """Re-set the pane's texts in the current language."""
        self.prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        if not self._placeholder_text:
            self.placeholder.setText(self._default_placeholder())

    def _apply_muted(self) -> None:
        colour = theme.muted(self.palette()).name()
        self.meta_label.setStyleSheet(f"color: {colour};")
        self.placeholder.setStyleSheet(f"color: {colour};")

    def changeEvent(self, event: QEvent) -> None:
        """Re-set texts on a language change, the secondary colour on a palette change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._apply_muted()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Colour the secondary texts for the palette the pane is shown with."""
        self._apply_muted()
        super().showEvent(event)
