"""The reader pane: a document with every match highlighted, stepping between them.

The engine gives escaped HTML with a numbered anchor before each match; this pane only
paints it, finds the anchors in the laid-out document, and emphasises the current one.  A
long document comes in parts (index.ReaderDocument): one part is laid out at a time, the
others prepared in a worker thread when a match or a link leads there.
Nothing is ever loaded from outside: no images, no style sheets, no remote anything.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QThreadPool, QUrl, Signal
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
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import system_open, theme
from desktop.richtext import paint_marks
from desktop.settings import ZOOM_RANGE
from desktop.workers import LatestRunner
from index import ReaderDocument, ReaderView, logger

log = logger(__name__)

ANCHOR_PREFIX = "match-"
PART_SCHEME = "part"  # links between the parts of a long document: part:N, 0-based
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


def anchor_positions(browser: QTextEdit) -> dict[int, int]:
    """Where each `match-N` anchor of the laid-out document stands, by N."""
    starts: dict[int, int] = {}
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            for name in fragment.charFormat().anchorNames():
                if name.startswith(ANCHOR_PREFIX) and name[len(ANCHOR_PREFIX) :].isdigit():
                    starts.setdefault(int(name[len(ANCHOR_PREFIX) :]), fragment.position())
            it += 1
        block = block.next()
    return starts


def part_match_ranges(
    browser: QTextEdit, document: ReaderDocument, part: int
) -> list[tuple[int, int]]:
    """Positions (start, end) of the matches of `part` shown in `browser`, in order; each
    runs as long as the engine's offsets say (the part holds the same characters)."""
    starts = anchor_positions(browser)
    shown = document.parts[part]
    ranges: list[tuple[int, int]] = []
    for index in range(shown.first_match, shown.end_match):
        start = starts.get(index + 1)
        if start is None:  # not laid out: keep the numbering, point at the part's top
            ranges.append((0, 0))
            continue
        match_start, match_end = document.matches[index]
        ranges.append((start, start + max(1, match_end - match_start)))
    return ranges


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


def page_at(page_starts: tuple[int, ...], offset: int) -> int:
    """The 1-based page holding text offset `offset`; 0 for an unpaged document."""
    return bisect_right(page_starts, offset) if page_starts else 0


def encoding_shown(kind: str, encoding: str) -> str:
    """The part of a document's encoding worth telling: `pdf+tcvn3` read as `tcvn3`, `utf-8`
    as itself, a bare `pdf` or `docx` (the format already says it) as nothing."""
    if encoding == kind:
        return ""
    return encoding.removeprefix(f"{kind}+")


class ReaderPane(QWidget):
    """Title, format and page, date and path over the article; a counter, previous/next match
    buttons and the Open original button."""

    match_changed = Signal(int, int)  # current (1-based, 0 if none), total
    document_shown = Signal(object)  # ReaderView or ReaderDocument
    part_shown = Signal(int)  # a long document's part (0-based) was laid out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: ReaderView | ReaderDocument | None = None
        self._ranges: list[tuple[int, int]] = []  # the shown matches, from _first_shown on
        self._first_shown = 1
        self._part = -1  # the part of a ReaderDocument laid out; -1 while none is
        self._wanted_part = -1  # the part asked for and not laid out yet
        self._current = 0
        self._loading = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.parts = LatestRunner(self._pool, self)
        self.parts.finished.connect(self.on_part_prepared)
        self.parts.failed.connect(self.on_part_failed)
        self._zoom = 0
        self._base_point_size = self.font().pointSizeF() * TEXT_SCALE
        self._placeholder_text = ""

        self._build_heading()
        self._build_navigation()
        self._build_open_original()
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

        self.format_label = QLabel(self)  # "PDF · page 2 of 3": the format, the current page
        self.format_label.setObjectName("readerFormat")
        self.format_label.setTextFormat(Qt.TextFormat.PlainText)
        format_font = QFont(self.font())
        format_font.setWeight(QFont.Weight.DemiBold)
        self.format_label.setFont(format_font)

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

    def _build_open_original(self) -> None:
        """The button handing the file to the system's viewer for its type."""
        self.open_original_button = QPushButton(self)
        self.open_original_button.setObjectName("readerOpenOriginal")
        self.open_original_button.setAutoDefault(False)
        self.open_original_button.clicked.connect(self.open_original)

    def _build_header(self) -> None:
        """The heading on the left, the match navigation and Open original top right."""
        nav = QHBoxLayout()
        nav.setSpacing(2)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.counter_label)
        nav.addWidget(self.next_button)
        nav.addSpacing(8)
        nav.addWidget(self.open_original_button)

        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title_label)
        heading.addWidget(self.format_label)
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
        self.browser.anchorClicked.connect(self.on_link_clicked)

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
    def view(self) -> ReaderView | ReaderDocument | None:
        """The document shown; None while the placeholder is."""
        return self._view

    @property
    def loading(self) -> bool:
        """True from `show_loading` until a document (or a placeholder) is shown."""
        return self._loading

    @property
    def shown_part(self) -> int:
        """The part of a long document laid out (0-based); -1 when none, or not in parts."""
        return self._part

    @property
    def current_match(self) -> int:
        """The emphasised match, 1-based; 0 when there is none."""
        return self._current

    @property
    def match_count(self) -> int:
        """How many matches the shown document has (in all its parts)."""
        if isinstance(self._view, ReaderDocument):
            return self._view.match_count
        return len(self._ranges)

    @property
    def match_ranges(self) -> list[tuple[int, int]]:
        """Positions (start, end) of every match laid out (a long document's: its part's)."""
        return list(self._ranges)

    def _range_of(self, number: int) -> tuple[int, int] | None:
        """Where match `number` is laid out; None when its part is not."""
        index = number - self._first_shown
        if self._wanted_part >= 0 or not 0 <= index < len(self._ranges):
            return None
        return self._ranges[index]

    def current_match_text(self) -> str:
        """The text of the emphasised match, as laid out in the reader."""
        shown = self._range_of(self._current) if self._current else None
        if shown is None:
            return ""
        start, end = shown
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _mark_style(self) -> theme.MarkStyle:
        return theme.mark_style(self.palette())

    # -- showing ---------------------------------------------------------------------------

    def clear(self, message: str = "") -> None:
        """Show a placeholder (the default hint when `message` is empty) instead of a document."""
        self.parts.cancel()
        self._view = None
        self._ranges = []
        self._first_shown = 1
        self._part = self._wanted_part = -1
        self._current = 0
        self._loading = False
        self.browser.clear()
        self.browser.setExtraSelections([])
        self._placeholder_text = message
        self.placeholder.setText(message or self._default_placeholder())
        self.stack.setCurrentWidget(self.placeholder)
        self._update_nav()

    def show_loading(self, path: str = "") -> None:
        """Say at once that a document (at `path`) is on its way, read in the background."""
        loading = self.tr("Loading…")
        self.clear(f"{loading}\n{Path(path).name}" if path else loading)
        self._loading = True

    def show_view(self, view: ReaderView | ReaderDocument) -> None:
        """Paint a document and jump to its first match; a ReaderDocument shows the part it
        was prepared with, its other parts come when asked for."""
        self.parts.cancel()
        self._view = view
        self._loading = False
        self.title_label.setText(view.title.strip() or view.path)
        self._current = 0
        self._show_meta()
        self._part = self._wanted_part = -1
        if isinstance(view, ReaderDocument):
            self._lay_out_part(view, view.shown_part, view.shown_html)
        else:
            self.browser.setHtml(paint_marks(view.html, self._mark_style()))
            self._ranges, self._first_shown = find_match_ranges(self.browser, view), 1
            if len(self._ranges) != view.match_count:
                log.debug("found %d anchors, engine said %d", len(self._ranges), view.match_count)
        self.stack.setCurrentWidget(self._article)
        if self.match_count:
            self.go_to_match(self._first_shown if self._ranges else 1)
        else:
            self.browser.setExtraSelections([])
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self._update_nav()
        self.document_shown.emit(view)

    # -- the parts of a long document --------------------------------------------------------

    def _lay_out_part(self, document: ReaderDocument, part: int, part_html: str) -> None:
        """Lay out one part, with links to the parts either side of it."""
        count = len(document.parts)
        links_before = links_after = ""
        if part > 0:
            text = (
                self.tr("Previous part (%1 of %2)")
                .replace("%1", str(part))
                .replace("%2", str(count))
            )
            links_before = f'<p><a href="{PART_SCHEME}:{part - 1}">{html.escape(text)}</a></p>'
        if part + 1 < count:
            text = (
                self.tr("Next part (%1 of %2)")
                .replace("%1", str(part + 2))
                .replace("%2", str(count))
            )
            links_after = f'<p><a href="{PART_SCHEME}:{part + 1}">{html.escape(text)}</a></p>'
        painted = paint_marks(part_html, self._mark_style())
        self.browser.setExtraSelections([])
        self.browser.setHtml(links_before + painted + links_after)
        self._ranges = part_match_ranges(self.browser, document, part)
        self._first_shown = document.parts[part].first_match + 1
        self._part, self._wanted_part = part, -1
        self.part_shown.emit(part)

    def show_part(self, part: int, *, match: int = 0) -> None:
        """Lay out `part` of the shown long document, prepared in the background, then make
        `match` current (0: its first match, if it has any)."""
        document = self._view
        if not isinstance(document, ReaderDocument) or not 0 <= part < len(document.parts):
            return
        if match:
            self._current = match
        elif document.parts[part].match_count:
            self._current = document.parts[part].first_match + 1
        self._wanted_part = part
        self._update_nav()

        def prepare() -> tuple[ReaderDocument, int, str]:
            return document, part, document.part_html(part)

        self.parts.submit(prepare)

    def on_part_prepared(self, prepared: tuple[ReaderDocument, int, str]) -> None:
        """A part's HTML is ready: lay it out if its document is still shown."""
        document, part, part_html = prepared
        if document is not self._view or part != self._wanted_part:
            return
        self._lay_out_part(document, part, part_html)
        if self._range_of(self._current) is not None:
            self.go_to_match(self._current)
        else:
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self._update_nav()

    def on_part_failed(self, message: str) -> None:
        """A part could not be prepared (it never should): say why in the reader."""
        log.warning("a part of %s failed: %s", self._view.path if self._view else "", message)
        self._wanted_part = -1
        self._update_nav()

    def on_link_clicked(self, url: QUrl) -> None:
        """A link to another part of a long document was clicked: show that part."""
        if url.scheme() == PART_SCHEME and url.path().isdigit():
            self.show_part(int(url.path()))

    def go_to_match(self, number: int) -> None:
        """Make match `number` (1-based, wrapping) current: emphasise it and scroll to it; in
        another part of a long document, that part is prepared first."""
        total = self.match_count
        if not total:
            return
        self._current = (number - 1) % total + 1
        document = self._view
        if isinstance(document, ReaderDocument):
            part = document.part_holding(self._current)
            if part != self._part or self._wanted_part >= 0:
                self.show_part(part, match=self._current)
                return
        shown = self._range_of(self._current)
        if shown is None:
            return
        start, end = shown
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

    def _show_meta(self) -> None:
        """The date · path · encoding line, in the current language, fitted to the header."""
        view = self._view
        if view is None:
            return
        shown = encoding_shown(view.kind, view.encoding)
        encoding = self.tr("read as %1").replace("%1", shown) if shown else ""
        self.meta_label.setText(
            "  ·  ".join(part for part in (view.date, view.path, encoding) if part)
        )
        self.meta_label.setToolTip(view.path)
        self._show_format()
        self._fit_header()

    @property
    def current_page(self) -> int:
        """The page of a paged document the reader is at (the current match's, else the
        laid-out part's first); 0 for an unpaged document or none."""
        view = self._view
        if view is None or not view.page_starts:
            return 0
        if 1 <= self._current <= len(view.matches):
            return page_at(view.page_starts, view.matches[self._current - 1][0])
        if isinstance(view, ReaderDocument) and 0 <= self._part < len(view.parts):
            return max(1, view.parts[self._part].first_page)
        return 1

    def _show_format(self) -> None:
        """The format badge, with the page and the page count for a paged document."""
        view = self._view
        if view is None:
            self.format_label.setText("")
            return
        parts = [(view.kind or "txt").upper()]
        if view.page_starts:
            parts.append(
                self.tr("page %1 of %2")
                .replace("%1", str(self.current_page))
                .replace("%2", str(len(view.page_starts)))
            )
        self.format_label.setText(" · ".join(parts))

    def open_original(self) -> bool:
        """Open the shown document's file in the system's viewer for its type."""
        return self._view is not None and system_open.open_original(self._view.path)

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
            + self.open_original_button.sizeHint().width()
            + 12
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-fit the header's labels to the new width."""
        super().resizeEvent(event)
        self._fit_header()

    def next_match(self) -> None:
        """Go to the next match, wrapping after the last."""
        if self.match_count:
            self.go_to_match(self._current + 1)

    def previous_match(self) -> None:
        """Go to the previous match, wrapping before the first."""
        if self.match_count:
            self.go_to_match(self._current - 1)

    def _update_nav(self) -> None:
        total = self.match_count
        has = total > 0
        self.prev_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)
        self.counter_label.setText(f"{self._current} / {total}" if has else "")
        self.counter_label.setVisible(has)
        self.prev_button.setVisible(has)
        self.next_button.setVisible(has)
        self._show_format()
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
        shown = self._range_of(self._current) if self._current else None
        if shown is not None:
            self._scroll_to(shown[0])

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
        self.open_original_button.setText(self.tr("Open original"))
        self.open_original_button.setToolTip(
            self.tr("Open the file in the program the system uses for its type")
        )
        if not self._placeholder_text:
            self.placeholder.setText(self._default_placeholder())
        if self._view is not None:
            self._show_meta()

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
