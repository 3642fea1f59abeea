"""A hit's actions: read, open the original, show its folder, copy path and passage; the menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow
from desktop.result_actions import passage_text, snippet_text
from tests.desktop.helpers import LUONG_CUONG, WAIT_MS, catching_urls, search, search_and_open


def row_centre(window: MainWindow, row: int) -> QPoint:
    view = window.results_pane.list_view
    return view.visualRect(window.results_pane.model.index(row, 0)).center()


def test_snippet_text_drops_marks_and_decodes_entities() -> None:
    assert snippet_text("… <mark>Chủ tịch</mark> &amp; nước …") == "… Chủ tịch & nước …"


def test_the_context_menu_offers_every_action_for_the_row_under_the_mouse(
    qtbot, window: MainWindow
) -> None:
    search_and_open(qtbot, window, "nga")
    pane = window.results_pane
    assert pane.model.rowCount() == 2
    menu = pane.open_context_menu(row_centre(window, 1))
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=WAIT_MS)
    assert pane.current_row() == 1  # the row right-clicked is the one acted on
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Read", "&Open Original", "Show in &Folder", "Copy &Path", "Copy P&assage"]
    shortcuts = [a.shortcut().toString() for a in menu.actions() if not a.isSeparator()]
    assert shortcuts == [
        "Return",
        "Ctrl+Return",
        "Ctrl+Shift+Return",
        "Ctrl+Shift+C",
        "Ctrl+Shift+P",
    ]
    assert all(a.isEnabled() for a in menu.actions())
    menu.close()


def test_copy_path_and_passage_put_plain_text_on_the_clipboard(qtbot, window: MainWindow) -> None:
    search_and_open(qtbot, window, "chu tich nuoc")
    hit = window.results_pane.current_hit()
    assert hit is not None and hit.path.endswith(LUONG_CUONG)
    clipboard = QGuiApplication.clipboard()
    window.results_pane.hit_actions.copy_path_action.trigger()
    assert clipboard.text() == hit.path
    window.results_pane.list_view.setFocus()
    qtbot.keyClick(
        window.results_pane.list_view,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    copied = clipboard.text()
    assert copied == passage_text(hit)
    title, passage, path = copied.split("\n")
    assert title == hit.title and path == hit.path
    assert "<mark>" not in passage and "chủ tịch nước" in passage.casefold()
    clipboard.clear()
    qtbot.keyClick(
        window.search_bar.field,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert clipboard.text() == hit.path  # the shortcut works from the search field too


def test_open_original_and_show_in_folder_open_the_hits_file_and_folder(
    qtbot, window: MainWindow
) -> None:
    search_and_open(qtbot, window, "chu tich nuoc")
    hit = window.results_pane.current_hit()
    assert hit is not None
    with catching_urls() as caught:
        qtbot.keyClick(
            window.results_pane.list_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        window.results_pane.hit_actions.show_action.trigger()
    assert [url.toLocalFile() for url in caught.urls] == [hit.path, str(Path(hit.path).parent)]


def test_enter_and_double_click_read_the_hit(qtbot, window: MainWindow) -> None:
    search_and_open(qtbot, window, "nga")
    view = window.results_pane.list_view
    view.setFocus()
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Down)  # moving reads the next hit
    second = opened.args[0].path
    window.reader.clear()
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args[0].path == second
    window.reader.clear()
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as opened:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(window, 0))
    assert opened.args[0].path == window.results_pane.model.hit(0).path


def test_the_actions_wait_for_a_hit_and_are_in_the_result_menu(qtbot, window: MainWindow) -> None:
    actions = window.results_pane.hit_actions
    assert not actions.copy_path_action.isEnabled()
    search(qtbot, window, "nga")
    assert actions.copy_path_action.isEnabled()
    assert actions.copy_path_action in window.menu_actions.result_menu.actions()
    window.set_query("")
    QApplication.processEvents()
    assert not actions.open_action.isEnabled()
