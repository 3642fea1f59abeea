"""Recent queries: remembered when settled on, kept across restarts, offered by Up, cleared."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.settings import Settings
from tests.desktop.helpers import WAIT_MS, search


def test_queries_settled_on_are_kept_across_a_restart(
    qtbot, window: MainWindow, seed_index: Path, settings: Settings, translations
) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window, "chu")
    search(qtbot, window, "chu tich nuoc")  # typed on: "chu" was only on the way
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Return)
    search(qtbot, window, "nga")
    window.results_pane.list_view.clicked.emit(window.results_pane.model.index(0, 0))
    assert window.history.entries == ["nga", "chu tich nuoc"]
    window.close()

    again = MainWindow(seed_index, settings, translations, restore_query=False)
    qtbot.addWidget(again)
    again.show()
    assert again.history.entries == ["nga", "chu tich nuoc"]


def test_up_in_the_empty_field_opens_the_history_and_picking_one_searches(
    qtbot, window: MainWindow
) -> None:
    for query in ("chu tich nuoc", "nga"):
        search(qtbot, window, query)
        window.history.remember_shown()
    window.set_query("")
    field = window.search_bar.field
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up)
    popup = window.history.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["nga", "chu tich nuoc"]
    popup.setCurrentIndex(popup.model().index(1, 0))
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as painted:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert painted.args[0].query == "chu tich nuoc"
    assert field.text() == "chu tich nuoc"


def test_up_in_a_field_with_text_still_moves_through_the_results(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "nga")
    window.history.remember_shown()
    window.results_pane.move_selection(Qt.Key.Key_Down)
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Up)
    assert not window.history.completer.popup().isVisible()
    assert window.results_pane.current_row() == 0


def test_clear_search_history_forgets_everything(
    qtbot, window: MainWindow, settings: Settings
) -> None:
    search(qtbot, window, "nga")
    window.history.remember_shown()
    assert settings.history == ["nga"]
    window.menu_actions.clear_history_action.trigger()
    assert window.history.entries == [] and settings.history == []
    window.set_query("")
    QApplication.processEvents()
    qtbot.keyClick(window.search_bar.field, Qt.Key.Key_Up)
    assert not window.history.completer.popup().isVisible()


def test_a_pause_on_painted_results_remembers_the_query(qtbot, window: MainWindow) -> None:
    window.history._settle.setInterval(50)
    search(qtbot, window, "nga")
    qtbot.waitUntil(lambda: window.history.entries == ["nga"], timeout=WAIT_MS)
