"""The search bar: what the next search asks for, quiet updates, Esc, and its texts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.search_bar import SearchBar
from index import SortOrder


def make_bar(qtbot) -> SearchBar:  # type: ignore[no-untyped-def]
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.retranslate()
    bar.show()
    return bar


def test_it_holds_the_query_and_its_options(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    bar.field.setText("  chủ tịch nước ")
    assert bar.query() == "chủ tịch nước"
    assert bar.exact() is False
    assert bar.current_sort() is SortOrder.RELEVANCE
    bar.accent_box.setChecked(True)
    bar.sort_box.setCurrentIndex(bar.sort_box.findData("date"))
    assert bar.exact() is True
    assert bar.current_sort() is SortOrder.DATE


def test_quiet_updates_start_no_search(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    with (
        qtbot.assertNotEmitted(bar.accent_box.toggled),
        qtbot.assertNotEmitted(bar.sort_box.currentIndexChanged),
    ):
        bar.set_exact_quietly(True)
        bar.set_sort_quietly(SortOrder.DATE)
    assert bar.exact() and bar.current_sort() is SortOrder.DATE
    bar.set_sort_quietly(SortOrder.RELEVANCE)
    assert bar.current_sort() is SortOrder.RELEVANCE


def test_escape_clears_the_field(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    bar.field.setText("nga")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert bar.field.text() == ""


def test_focus_selects_the_text_to_type_over(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    bar.field.setText("hà nội")
    bar.activateWindow()
    bar.focus_field()
    qtbot.waitUntil(bar.field.hasFocus)
    assert bar.field.selectedText() == "hà nội"


def test_texts_in_both_languages(qtbot, translations) -> None:
    bar = make_bar(qtbot)
    assert bar.field.placeholderText() == "Search — type with or without accents"
    assert bar.accent_box.text() == "Match accents"
    assert [bar.sort_box.itemText(i) for i in range(2)] == ["Most relevant", "Newest first"]
    translations.apply("vi")
    bar.retranslate()
    assert bar.field.placeholderText() == "Tìm kiếm — gõ có dấu hoặc không dấu"
    assert bar.accent_box.text() == "Khớp dấu"
