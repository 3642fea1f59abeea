"""The reader pane: a whole document with its matches, stepping between them, zoom, safety."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl

from desktop.reader import ReaderPane, SafeBrowser, find_match_ranges
from desktop.settings import ZOOM_RANGE
from index import Engine, ReaderView
from index.paths import seeds_dir
from tests.desktop.helpers import LUONG_CUONG


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
