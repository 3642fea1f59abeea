"""The results pane: a search's hits and notes, the empty-state message, links, and keys."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop import theme
from desktop.main_window import MainWindow
from desktop.results_model import Role
from desktop.results_pane import ResultsPane, query_link
from desktop.status_texts import LinkAction, link_href
from index import Engine
from tests.desktop.helpers import LUONG_CUONG, WAIT_MS, search


@pytest.fixture
def pane(qtbot, translations) -> Iterator[ResultsPane]:  # type: ignore[no-untyped-def]
    made = ResultsPane()
    qtbot.addWidget(made)
    made.retranslate()
    made.resize(420, 600)
    made.show()
    yield made


def test_a_result_is_listed_and_its_first_hit_chosen(
    qtbot, pane: ResultsPane, seed_engine: Engine
) -> None:
    result = seed_engine.search("nga")
    with qtbot.waitSignal(pane.hit_chosen) as chosen:
        pane.show_result(result)
    assert chosen.args == [0]
    assert not pane.showing_message
    assert pane.results_stack.currentWidget() is pane.list_view
    assert pane.model.rowCount() == 2
    assert pane.current_row() == 0
    assert not pane.info_label.isVisible()  # no correction, no suggestion


def test_a_suggestion_is_a_link_that_searches(
    qtbot, pane: ResultsPane, seed_engine: Engine
) -> None:
    result = seed_engine.search("chu tich nuocc")
    assert result.suggestion
    pane.show_result(result)
    assert pane.info_label.isVisible()
    assert "Did you mean" in pane.info_label.text()
    with qtbot.waitSignal(pane.link_activated) as clicked:
        pane.info_label.linkActivated.emit(f"query:{result.suggestion}")
    assert clicked.args == [LinkAction.QUERY, result.suggestion]


def test_accented_forms_are_offered_as_chips(pane: ResultsPane, seed_engine: Engine) -> None:
    result = seed_engine.search("luong cuong")
    pane.show_result(result)
    assert pane.chips.caption.text() == "Accented forms:"
    assert len(pane.chips.chips) == len(result.variants) > 0
    pane.clear()
    assert pane.model.rowCount() == 0
    assert not pane.chips.isVisible() and not pane.info_label.isVisible()


def test_a_message_stands_where_the_list_would_be(qtbot, pane: ResultsPane) -> None:
    pane.show_message("No results for “x”", '<a href="action:exact-off">Turn off</a>')
    assert pane.showing_message
    assert "No results" in pane.empty_label.text()
    with qtbot.waitSignal(pane.link_activated) as clicked:
        pane.empty_label.linkActivated.emit("action:exact-off")
    assert clicked.args == [LinkAction.EXACT_OFF, ""]
    with qtbot.assertNotEmitted(pane.link_activated):
        pane.empty_label.linkActivated.emit("https://example.invalid")
    pane.show_message("", "")
    assert pane.empty_label.text() == ""


def test_arrow_keys_in_the_field_move_through_the_hits(
    qtbot, pane: ResultsPane, seed_engine: Engine
) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    pane.follow_keys_of(field)
    pane.show_result(seed_engine.search("nga"))
    with qtbot.waitSignal(pane.hit_chosen) as chosen:
        qtbot.keyClick(field, Qt.Key.Key_Down)
    assert chosen.args == [1]
    qtbot.keyClick(field, Qt.Key.Key_PageDown)  # clamped to the last row
    assert pane.current_row() == 1
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    assert pane.current_row() == 0
    row = pane.model.index(pane.current_row(), 0)
    assert row.data(Role.PATH).endswith(LUONG_CUONG)


def test_keys_pass_through_when_there_is_nothing_listed(qtbot, pane: ResultsPane) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    pane.follow_keys_of(field)
    with qtbot.assertNotEmitted(pane.hit_chosen):
        qtbot.keyClick(field, Qt.Key.Key_Down)
    assert pane.current_row() == -1


def test_query_links_escape_the_query() -> None:
    query = '<b>"nga"</b>'
    escaped = html.escape(query)
    assert query_link(query) == f'<a href="query:{escaped}"><b><i>{escaped}</i></b></a>'


def test_message_bodies_are_in_the_muted_colour(pane: ResultsPane) -> None:
    pane.show_message("Title", "body")
    assert theme.muted(pane.palette()).name() in pane.empty_label.text()


def test_a_chip_narrows_one_word_and_offers_the_way_back(
    qtbot, window, seed_index, settings, translations
) -> None:  # type: ignore[no-untyped-def]
    result = search(qtbot, window, "chu tich nuoc")
    pane = window.results_pane
    assert result.variants, "the seeds offer accented forms of these words"
    variant = result.variants[0]
    chip = pane.chips.chips[0]
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as narrowed:
        chip.click()
    query = window.search_bar.field.text()
    assert f"exact:{variant.form}" in query and narrowed.args[0].query == query
    assert not window.search_bar.accent_box.isChecked()  # exact mode is the user's alone
    assert not window.controller.wanted.exact
    assert pane.narrowed_from == "chu tich nuoc"
    assert pane.info_label.isVisible() and "× Show every form" in pane.info_label.text()
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as back:
        pane.on_link_activated(link_href(LinkAction.QUERY, pane.narrowed_from))
    assert (
        back.args[0].query == "chu tich nuoc" and window.search_bar.field.text() == "chu tich nuoc"
    )
    assert pane.narrowed_from == "" and "Show every form" not in pane.info_label.text()

    window.search_bar.accent_box.setChecked(True)  # the user's own choice is what is kept
    window.search_bar.accent_box.setChecked(False)
    window.close()
    again = MainWindow(seed_index, settings, translations, restore_query=False)
    qtbot.addWidget(again)
    assert not again.search_bar.accent_box.isChecked()
