"""The reader pane: a whole document with its matches, stepping between them, zoom, safety."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer, QUrl
from PySide6.QtTest import QTest

from desktop.main_window import MainWindow
from desktop.reader import ReaderPane, SafeBrowser, find_match_ranges
from desktop.settings import ZOOM_RANGE, Settings
from desktop.workers import LatestRunner
from index import Engine, ReaderDocument, ReaderView, update_index
from index.paths import seeds_dir
from tests.desktop.helpers import LUONG_CUONG, WAIT_MS, catching_urls
from tests.index.text.formats.office_files import write_docx
from tests.index.text.formats.pdf_files import write_pdf


@pytest.fixture
def reader(qtbot, translations) -> Iterator[ReaderPane]:  # type: ignore[no-untyped-def]
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(600, 700)
    pane.show()
    qtbot.waitExposed(pane)
    yield pane


@pytest.fixture
def view(seed_engine: Engine) -> ReaderView:
    return seed_engine.read(str(seeds_dir() / LUONG_CUONG), "chu tich nuoc")


def test_nothing_open_shows_the_hint(reader: ReaderPane) -> None:
    assert reader.view is None
    assert reader.stack.currentWidget() is reader.placeholder
    assert reader.placeholder.text() == "Select a result to read it here."
    assert not reader.counter_label.isVisible()
    reader.clear("Không mở được")
    assert reader.placeholder.text() == "Không mở được"


def test_a_document_opens_on_its_first_match(qtbot, reader: ReaderPane, view: ReaderView) -> None:
    with qtbot.waitSignal(reader.match_changed) as changed:
        reader.show_view(view)
    assert changed.args == [1, view.match_count]
    assert reader.view is view
    assert reader.stack.currentWidget() is not reader.placeholder
    assert reader.title_label.text() == view.title
    assert view.date in reader.meta_label.text() and view.path in reader.meta_label.text()
    assert f"read as {view.encoding}" in reader.meta_label.text()
    assert reader.match_count == view.match_count > 1
    assert reader.counter_label.text() == f"1 / {view.match_count}"
    assert reader.current_match_text().casefold() == "chủ tịch nước"


def test_matches_wrap_both_ways(reader: ReaderPane, view: ReaderView) -> None:
    reader.show_view(view)
    total = reader.match_count
    reader.previous_match()
    assert reader.current_match == total
    reader.next_match()
    assert reader.current_match == 1
    reader.next_button.click()
    assert reader.current_match == 2
    reader.prev_button.click()
    assert reader.current_match == 1


def test_match_ranges_cover_exactly_what_the_engine_marked(
    reader: ReaderPane, view: ReaderView
) -> None:
    reader.show_view(view)
    marked = re.findall(r'<a name="match-(\d+)"></a><mark>(.*?)</mark>', view.html)
    ranges = find_match_ranges(reader.browser, view)
    assert ranges == reader.match_ranges
    assert len(ranges) == len(marked)
    for number, text in marked:
        reader.go_to_match(int(number))
        assert reader.current_match_text() == html.unescape(text)


def test_a_document_without_matches_hides_the_navigation(
    reader: ReaderPane, seed_engine: Engine
) -> None:
    plain = seed_engine.read(str(seeds_dir() / LUONG_CUONG), "")
    reader.show_view(plain)
    assert reader.match_count == 0 and reader.current_match == 0
    assert reader.current_match_text() == ""
    assert not reader.counter_label.isVisible() and not reader.next_button.isVisible()
    assert reader.browser.toPlainText().strip()


def test_zoom_grows_the_text_within_its_range(reader: ReaderPane, view: ReaderView) -> None:
    reader.show_view(view)
    normal = reader.browser.document().defaultFont().pointSizeF()
    reader.zoom_in()
    assert reader.zoom == 1
    assert reader.browser.document().defaultFont().pointSizeF() > normal
    reader.zoom_out()
    reader.zoom_out()
    assert reader.browser.document().defaultFont().pointSizeF() < normal
    reader.set_zoom(1000)
    assert reader.zoom == ZOOM_RANGE[1]
    reader.set_zoom(-1000)
    assert reader.zoom == ZOOM_RANGE[0]
    assert reader.current_match == 1  # zooming keeps the current match


def test_the_browser_loads_nothing_and_follows_no_link(qtbot) -> None:
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    assert browser.loadResource(2, QUrl("http://example.invalid/x.png")) is None
    assert browser.loadResource(2, "file:///etc/passwd") is None
    assert not browser.openLinks() and not browser.openExternalLinks()
    browser.on_anchor_clicked(QUrl("file:///etc/passwd"))  # not a web link: ignored


def test_tooltips_follow_the_language(reader: ReaderPane, translations) -> None:
    assert reader.next_button.toolTip() == "Next match (F3)"
    translations.apply("vi")
    reader.retranslate()
    assert reader.next_button.toolTip() != "Next match (F3)"
    assert reader.placeholder.text() == "Chọn một kết quả để đọc ở đây."


def test_the_meta_line_follows_the_language(  # type: ignore[no-untyped-def]
    qtbot, reader: ReaderPane, view: ReaderView, translations
) -> None:
    translations.apply("vi")
    reader.show_view(view)
    assert f"đọc theo mã {view.encoding}" in reader.meta_label.text()
    translations.apply("en")
    qtbot.waitUntil(lambda: f"read as {view.encoding}" in reader.meta_label.text())
    assert "đọc theo mã" not in reader.meta_label.text()
    assert view.path in reader.meta_label.text()
    assert reader.open_original_button.text() == "Open original"


def test_open_original_hands_the_file_to_the_system(reader: ReaderPane, view: ReaderView) -> None:
    assert not reader.open_original()  # nothing shown: nothing to open
    reader.show_view(view)
    assert reader.open_original_button.isVisible()
    with catching_urls() as caught:
        reader.open_original_button.click()
    assert [url.toLocalFile() for url in caught.urls] == [view.path]


def test_the_format_and_the_page_of_the_current_match_are_shown(
    tmp_path: Path, reader: ReaderPane, seed_engine: Engine, view: ReaderView
) -> None:
    reader.show_view(view)
    assert reader.format_label.text() == "TXT" and reader.current_page == 0
    pdf = write_pdf(
        tmp_path / "ba-trang.pdf",
        ["Trang đầu\nChủ tịch nước phát biểu.", "Giữa\nKhông nhắc đến.", "Cuối\nChủ tịch nước."],
    )
    document = seed_engine.open_document(str(pdf), "chu tich nuoc")
    reader.show_view(document)
    assert reader.format_label.text() == "PDF · page 1 of 3"
    assert "read as" not in reader.meta_label.text()  # a PDF's encoding is its format
    assert re.findall(r"Trang \d", reader.browser.toPlainText()) == [
        "Trang 1",
        "Trang 2",
        "Trang 3",
    ]
    reader.next_match()
    assert reader.current_page == 3 and reader.format_label.text() == "PDF · page 3 of 3"
    assert reader.current_match_text() == "Chủ tịch nước"
    docx = write_docx(tmp_path / "bai.docx", "Bài\nChủ tịch nước tiếp khách.")
    reader.show_view(seed_engine.open_document(str(docx), "chu tich nuoc"))
    assert reader.format_label.text() == "DOCX" and reader.current_page == 0


# -- long documents, read in parts --------------------------------------------------------

FILLER = "Hai bên trao đổi về hợp tác kinh tế, thương mại và đầu tư của hai bên.\n"
PHRASE_LINE = "Sáng nay Chủ tịch nước tiếp đoàn đại biểu.\n"
BIG_MB = 8
MAX_STALL_S = 1.0  # the longest the event loop may go without turning while a document loads


def big_text(megabytes: float) -> str:
    block = FILLER * 25 + PHRASE_LINE  # one match in about 2 KB
    copies = int(megabytes * 1024 * 1024 / len(block.encode("utf-8")))
    return "Tin dài\n" + block * copies


@pytest.fixture(scope="module")
def big_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big")
    docs = root / "docs"
    docs.mkdir()
    (docs / "big.txt").write_text(big_text(BIG_MB), encoding="utf-8")
    (docs / "note.txt").write_text("Ghi chú\nChợ nổi Cái Răng ở Cần Thơ.\n", encoding="utf-8")
    update_index([docs], root / "index")
    return root


class Ticks:
    """A QTimer ticking every 50 ms: the longest gap between ticks is how long the GUI froze."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))
        self.timer.start()
        self.times.append(time.perf_counter())

    def longest_gap(self) -> float:
        self.timer.stop()
        self.times.append(time.perf_counter())
        return max(b - a for a, b in pairwise(self.times))


def test_a_big_document_loads_without_freezing_and_opens_on_its_first_match(
    qtbot, reader: ReaderPane, big_index: Path
) -> None:
    engine = Engine(big_index / "index")
    path = str(big_index / "docs" / "big.txt")
    pool = QThreadPool()
    runner = LatestRunner(pool)
    runner.finished.connect(reader.show_view)
    ticks = Ticks()
    started = time.perf_counter()
    reader.show_loading(path)
    assert reader.loading and "Loading" in reader.placeholder.text()
    assert reader.stack.currentWidget() is reader.placeholder
    with qtbot.waitSignal(reader.document_shown, timeout=60_000):
        runner.submit(lambda: engine.open_document(path, "chu tich nuoc"))
    first_match_s = time.perf_counter() - started
    stall = ticks.longest_gap()
    print(f"\n{BIG_MB} MB: first match after {first_match_s:.2f} s, longest stall {stall:.3f} s")
    assert stall < MAX_STALL_S
    assert not reader.loading
    document = reader.view
    assert isinstance(document, ReaderDocument)
    assert document.match_count > 3000 and len(document.parts) > 50
    assert reader.counter_label.text() == f"1 / {document.match_count}"
    assert reader.current_match_text() == "Chủ tịch nước"

    # Next and previous cross the parts, and wrap around the whole document.
    last_in_first = document.parts[0].end_match
    reader.go_to_match(last_in_first)
    assert reader.shown_part == 0 and reader.current_match_text() == "Chủ tịch nước"
    ticks = Ticks()
    with qtbot.waitSignal(reader.part_shown, timeout=10_000) as shown:
        reader.next_match()
        assert reader.counter_label.text() == f"{last_in_first + 1} / {document.match_count}"
    assert shown.args == [1] and reader.current_match == last_in_first + 1
    assert reader.current_match_text() == "Chủ tịch nước"
    with qtbot.waitSignal(reader.part_shown, timeout=10_000):
        reader.previous_match()
    assert reader.shown_part == 0 and reader.current_match == last_in_first
    with qtbot.waitSignal(reader.part_shown, timeout=10_000):
        reader.go_to_match(1)
        reader.previous_match()  # before the first: the last match, in the last part
    assert reader.shown_part == len(document.parts) - 1
    assert reader.current_match == document.match_count
    assert reader.current_match_text() == "Chủ tịch nước"
    assert ticks.longest_gap() < MAX_STALL_S
    pool.waitForDone(10_000)
    engine.close()


def test_links_lead_to_the_next_and_previous_parts(
    qtbot, reader: ReaderPane, big_index: Path
) -> None:
    engine = Engine(big_index / "index")
    document = engine.open_document(str(big_index / "docs" / "big.txt"), "")
    reader.show_view(document)
    assert reader.match_count == 0 and reader.shown_part == 0
    assert "Next part (2 of" in reader.browser.toPlainText()
    with qtbot.waitSignal(reader.part_shown, timeout=10_000) as shown:
        reader.on_link_clicked(QUrl("part:1"))
    assert shown.args == [1]
    assert "Previous part (1 of" in reader.browser.toPlainText()
    engine.close()


def test_typing_while_a_big_document_loads_supersedes_the_load(
    qtbot, app, big_index: Path, settings: Settings, translations
) -> None:
    window = MainWindow(big_index / "index", settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    opened: list[str] = []
    window.document_opened.connect(lambda view: opened.append(Path(view.path).name))
    window.set_query("chu tich nuoc", now=True)
    qtbot.waitUntil(lambda: window.reader.loading, timeout=WAIT_MS)
    field = window.search_bar.field
    field.setFocus()
    field.selectAll()
    # The space ends the last word: `tho` typed alone would also read as thông, thời … which
    # the big document holds, and could put it first for the new search too.
    QTest.keyClicks(field, "can tho ")
    qtbot.waitUntil(lambda: opened == ["note.txt"], timeout=WAIT_MS)
    qtbot.wait(300)  # the superseded load, had it gone on, would have arrived by now
    assert opened == ["note.txt"]
    assert window.reader.current_match_text() == "Cần Thơ"
    window.controller.close()
