"""The main window end to end: typing, results, reader, accents, keyboard, settings, states.

Real widgets offscreen on a real index of the seeds; waits on the window's own signals.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.results_model import Role
from desktop.settings import Settings
from index.indexing.update import update_index
from tests.desktop.helpers import LUONG_CUONG, WAIT_MS, search, search_and_open


def type_text(widget: QObject, text: str) -> None:
    """Type like a keyboard, one key event per character (QTest.keyClicks rejects non-ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.mark.parametrize("query", ["chu tich nuoc", "Chủ tịch nước", "CHU TICH NUOC"])
def test_typing_fills_the_list_with_highlighted_hits(qtbot, window: MainWindow, query: str) -> None:
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as blocker:
        type_text(window.search_bar.field, query)
    result = blocker.args[0]
    assert result.query == query
    assert window.results_pane.model.rowCount() >= 1
    top = window.results_pane.model.index(0, 0)
    assert top.data(Role.PATH).endswith(LUONG_CUONG)
    snippet = top.data(Role.SNIPPET)
    assert "<mark>" in snippet
    marked = [html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", snippet)]
    assert any(m.casefold() == "chủ tịch nước" for m in marked), marked
    assert window.results_pane.results_stack.currentWidget() is window.results_pane.list_view


def test_search_field_is_focused_and_has_a_placeholder(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.search_bar.field.hasFocus(), timeout=WAIT_MS)
    assert window.search_bar.field.placeholderText() == "Search — type with or without accents"


def test_opening_a_hit_shows_the_article_with_every_match(qtbot, window: MainWindow) -> None:
    view = search_and_open(qtbot, window, "chu tich nuoc")
    assert view.path.endswith(LUONG_CUONG)
    assert view.match_count > 1
    assert window.reader.match_count == view.match_count
    assert window.reader.current_match == 1
    assert window.reader.counter_label.text() == f"1 / {view.match_count}"
    assert window.reader.current_match_text().casefold() == "chủ tịch nước"
    assert window.reader.title_label.text() == view.title
    assert view.date in window.reader.meta_label.text()


def test_next_and_previous_move_through_the_matches(qtbot, window: MainWindow) -> None:
    view = search_and_open(qtbot, window, "chu tich nuoc")
    total = view.match_count
    reader = window.reader
    seen = [reader.current_match_text()]
    window.menu_actions.next_action.trigger()
    assert reader.current_match == 2
    seen.append(reader.current_match_text())
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert reader.current_match == 3
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current_match == 2
    window.menu_actions.prev_action.trigger()
    window.menu_actions.prev_action.trigger()
    assert reader.current_match == total  # wraps around
    assert reader.counter_label.text() == f"{total} / {total}"
    window.menu_actions.next_action.trigger()
    assert reader.current_match == 1
    # Match N in the reader is exactly the text the engine marked after anchor match-N.
    marked = re.findall(r'<a name="match-(\d+)"></a><mark>(.*?)</mark>', view.html)
    assert [int(n) for n, _ in marked] == list(range(1, total + 1))
    for number, text in marked:
        reader.go_to_match(int(number))
        assert reader.current_match_text() == html.unescape(text)


def test_the_current_match_is_scrolled_into_view(qtbot, window: MainWindow) -> None:
    view = search_and_open(qtbot, window, "chu tich nuoc")
    browser = window.reader.browser
    bar = browser.verticalScrollBar()
    window.reader.go_to_match(view.match_count)
    qtbot.wait(10)
    start, _end = window.reader.match_ranges[-1]
    cursor = browser.textCursor()
    assert cursor.position() == start
    rect = browser.cursorRect(cursor)
    assert 0 <= rect.top() <= browser.viewport().height()
    assert bar.value() > 0


def test_accent_toggle_changes_results(qtbot, window: MainWindow) -> None:
    loose = search(qtbot, window, "chu tich nuoc")
    assert loose.hits
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as blocker:
        window.search_bar.accent_box.setChecked(True)
    exact = blocker.args[0]
    assert not exact.hits
    assert window.results_pane.model.rowCount() == 0
    assert window.results_pane.results_stack.currentWidget() is window.results_pane.empty_label
    assert "No results" in window.results_pane.empty_label.text()
    assert "Turn off Match accents" in window.results_pane.empty_label.text()
    assert window.settings.exact is True
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS):
        window.results_pane.empty_label.linkActivated.emit("action:exact-off")
    assert window.results_pane.model.rowCount() == len(loose.hits)


def test_accented_query_with_match_accents_still_finds(qtbot, window: MainWindow) -> None:
    window.search_bar.accent_box.setChecked(True)
    result = search(qtbot, window, "Chủ tịch nước")
    assert result.hits and result.hits[0].path.endswith(LUONG_CUONG)


def test_a_superseded_search_never_paints(qtbot, window: MainWindow) -> None:
    painted = []
    window.search_painted.connect(lambda result: painted.append(result.query))
    dropped: list[int] = []
    window.controller.searches.dropped.connect(dropped.append)
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS):
        # Three queries before the event loop runs: only the last may reach the list.
        window.set_query("nga", now=True)
        window.set_query("công an", now=True)
        window.set_query("chu tich nuoc", now=True)
    qtbot.wait(300)  # give stragglers every chance to arrive
    assert painted == ["chu tich nuoc"]
    assert (
        window.results_pane.model.result is not None
        and window.results_pane.model.result.query == "chu tich nuoc"
    )


def test_status_bar_shows_hits_time_and_documents(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "nga")
    assert re.fullmatch(r"2 results · \d+ ms", window.status_label.text())
    assert window.doc_count_label.text() == "2 documents"
    search(qtbot, window, "chu tich nuoc")
    assert re.fullmatch(r"1 result · \d+ ms", window.status_label.text())


def test_up_down_move_through_results_and_enter_opens(qtbot, window: MainWindow) -> None:
    search_and_open(qtbot, window, "nga")
    assert window.results_pane.model.rowCount() == 2
    assert window.results_pane.list_view.currentIndex().row() == 0
    second = window.results_pane.model.hit(1)
    assert second is not None
    window.search_bar.field.setFocus()
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Down)
    assert window.results_pane.list_view.currentIndex().row() == 1
    assert blocker.args[0].path == second.path
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Down)  # stays on the last row
    assert window.results_pane.list_view.currentIndex().row() == 1
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Up)
    assert window.results_pane.list_view.currentIndex().row() == 0
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS):
        qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)


def test_enter_searches_at_once_without_waiting_for_the_debounce(qtbot, window: MainWindow) -> None:
    window.search_bar.field.setFocus()
    qtbot.keyClicks(window.search_bar.field, "nga")
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS):
        qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
    assert window.results_pane.model.rowCount() == 2


def test_escape_clears_the_query_and_the_results(qtbot, window: MainWindow) -> None:
    search_and_open(qtbot, window, "nga")
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Escape)
    assert window.search_bar.field.text() == ""
    assert window.results_pane.model.rowCount() == 0
    assert window.reader.view is None
    assert window.results_pane.results_stack.currentWidget() is window.results_pane.empty_label
    assert "Search 2 documents" in window.results_pane.empty_label.text()


def test_ctrl_l_focuses_the_search_field(qtbot, window: MainWindow) -> None:
    search_and_open(qtbot, window, "nga")
    window.reader.browser.setFocus()
    window.menu_actions.find_action.trigger()
    assert (
        window.search_bar.field.hasFocus() or QApplication.focusWidget() is window.search_bar.field
    )
    assert window.search_bar.field.selectedText() == "nga"


def test_zoom_changes_the_reader_text_and_is_remembered(qtbot, window: MainWindow) -> None:
    search_and_open(qtbot, window, "nga")
    before = window.reader.browser.document().defaultFont().pointSizeF()
    window.menu_actions.zoom_in_action.trigger()
    window.menu_actions.zoom_in_action.trigger()
    assert window.reader.browser.document().defaultFont().pointSizeF() > before
    assert window.settings.zoom == 2
    window.menu_actions.zoom_out_action.trigger()
    assert window.settings.zoom == 1
    window.menu_actions.zoom_reset_action.trigger()
    assert window.reader.browser.document().defaultFont().pointSizeF() == pytest.approx(before)


def test_settings_persist_across_windows(
    qtbot, app, seed_index: Path, tmp_path: Path, translations
) -> None:
    path = str(tmp_path / "persist.ini")
    first = MainWindow(
        seed_index, Settings(QSettings(path, QSettings.Format.IniFormat)), translations
    )
    qtbot.addWidget(first)
    first.show()
    search(qtbot, first, "nga")
    first.search_bar.accent_box.setChecked(True)
    first.search_bar.sort_box.setCurrentIndex(first.search_bar.sort_box.findData("date"))
    first.menu_actions.zoom_in_action.trigger()
    first.splitter.setSizes([300, 800])
    first.close()

    store = QSettings(path, QSettings.Format.IniFormat)
    restored = Settings(store)
    assert restored.last_query == "nga"
    assert restored.exact is True
    assert restored.sort == "date"
    assert restored.zoom == 1
    second = MainWindow(seed_index, restored, translations)
    qtbot.addWidget(second)
    assert second.search_bar.field.text() == "nga"
    assert second.search_bar.accent_box.isChecked()
    assert second.search_bar.current_sort() == "date"
    assert second.reader.zoom == 1


def test_sort_by_date_puts_the_newest_first(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "nga")
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as blocker:
        window.search_bar.sort_box.setCurrentIndex(window.search_bar.sort_box.findData("date"))
    dates = [hit.date for hit in blocker.args[0].hits]

    def key(date: str) -> tuple[int, ...]:
        day, month, year = (int(part) for part in date.split("/"))
        return (year, month, day)

    assert dates == sorted(dates, key=key, reverse=True)


def test_vietnamese_ui(qtbot, window: MainWindow, translations) -> None:
    window.set_language("vi")
    assert window.settings.language == "vi"
    assert window.search_bar.field.placeholderText() == "Tìm kiếm — gõ có dấu hoặc không dấu"
    assert window.search_bar.accent_box.text() == "Khớp dấu"
    search(qtbot, window, "nga")
    assert re.fullmatch(r"2 kết quả · \d+ ms", window.status_label.text())
    assert window.doc_count_label.text() == "2 tài liệu"
    assert window.menu_actions.file_menu.title() == "&Tệp"
    window.set_language("en")
    assert window.search_bar.accent_box.text() == "Match accents"
    assert re.fullmatch(r"2 results · \d+ ms", window.status_label.text())


def test_about_names_version_index_and_licences(window: MainWindow) -> None:
    text = window.about_text()
    assert str(window.index_dir) in html.unescape(text)
    assert "Documents: 2" in text
    assert "SIL Open Font License" in text
    box = window.show_about()
    assert box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # never blocks the app
    box.close()


def test_document_markup_is_shown_as_text(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "tricky"
    folder.mkdir()
    (folder / "markup.txt").write_text(
        'Bài có thẻ\n<b>đậm</b> <img src="http://example.invalid/x.png"> '
        '<a href="http://example.invalid">liên kết</a> zzkhongdau\n',
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.index_updated, timeout=WAIT_MS):
        window.add_folder(folder)
    view = search_and_open(qtbot, window, "zzkhongdau")
    text = window.reader.browser.toPlainText()
    assert "<b>đậm</b>" in text
    assert '<img src="http://example.invalid/x.png">' in text
    assert window.reader.browser.document().allFormats()  # laid out
    assert view.match_count == 1
    assert window.reader.browser.loadResource(2, "http://example.invalid/x.png") is None


def test_did_you_mean_is_shown_and_clickable(qtbot, window: MainWindow) -> None:
    result = search(qtbot, window, "chu tich nuocc")
    assert result.suggestion
    assert window.results_pane.info_label.isVisible()
    assert "Did you mean" in window.results_pane.info_label.text()
    assert html.escape(result.suggestion) in window.results_pane.info_label.text()
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as blocker:
        window.results_pane.info_label.linkActivated.emit(f"query:{result.suggestion}")
    assert blocker.args[0].query == result.suggestion
    assert window.search_bar.field.text() == result.suggestion
    assert window.results_pane.model.rowCount() >= 1


def test_variant_chips_narrow_to_one_accented_form(qtbot, window: MainWindow) -> None:
    result = search(qtbot, window, "luong cuong")
    if not result.variants:
        pytest.skip("the engine offers no accented forms for this query")
    assert window.results_pane.chips.isVisible()
    assert len(window.results_pane.chips.chips) == len(result.variants)
    variant = result.variants[0]
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS):
        window.results_pane.chips.chips[0].click()
    assert f"exact:{variant.form}" in window.search_bar.field.text()
    assert not window.search_bar.accent_box.isChecked()  # a chip narrows one word, not the mode


def test_exact_total_is_shown_with_the_hits_and_counted_after_a_date_sort(
    qtbot, app, tmp_path: Path, settings: Settings, translations
) -> None:  # type: ignore[no-untyped-def]
    # More hits than the list shows.  By relevance the engine knows the exact total as it
    # ranks; sorted by date, the window paints the newest first and counts after.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"a-title{n}.txt").write_text(f"Kinh tế {n}\n" + "kinh tế " * (n + 1))
    for n in range(120):
        (corpus / f"body{n:03}.txt").write_text(f"Tin {n}\nKinh doanh và tế bào {n}.\n")
    update_index([corpus], tmp_path / "index")
    win = MainWindow(tmp_path / "index", settings, translations, restore_query=False)
    qtbot.addWidget(win)
    win.show()
    painted = search(qtbot, win, "kinh te")
    assert painted.total_exact and painted.total == 123
    assert re.fullmatch(r"50 of 123 results · \d+ ms", win.status_label.text())
    with qtbot.waitSignal(win.total_counted, timeout=WAIT_MS) as counted:  # noqa: SIM117
        with qtbot.waitSignal(win.search_painted, timeout=WAIT_MS) as by_date:
            win.search_bar.sort_box.setCurrentIndex(win.search_bar.sort_box.findData("date"))
    assert not by_date.args[0].total_exact
    assert counted.args == [123]
    assert re.fullmatch(r"50 of 123 results · \d+ ms", win.status_label.text())


def test_results_head_toward_the_phrase_at_every_keystroke(qtbot, window: MainWindow) -> None:
    """Typed one key at a time, slower than the debounce: every keystroke paints, none of
    them empty, and `chu tich nu` already lists what `chu tich nuoc` puts first."""
    painted: list[tuple[str, list[str]]] = []
    window.search_painted.connect(
        lambda result: painted.append((result.query, [hit.path for hit in result.hits]))
    )
    for char in "chu tich nuoc":
        with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS, raising=False):
            type_text(window.search_bar.field, char)
    assert [query for query, _ in painted][-1] == "chu tich nuoc"
    assert all(paths for _, paths in painted), painted  # results never vanish while typing
    finished_first = painted[-1][1][0]
    assert finished_first.endswith(LUONG_CUONG)
    partial = dict(painted)
    assert finished_first in partial["chu tich nu"]
