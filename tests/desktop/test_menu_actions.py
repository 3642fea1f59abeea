"""The window's actions: shortcuts, menus, the language menu, and when actions are enabled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from desktop.menu_actions import MenuActions
from tests.desktop.helpers import WAIT_MS, search_and_open


@pytest.fixture
def host(qtbot) -> Iterator[QMainWindow]:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    yield window


@pytest.fixture
def actions(host: QMainWindow, translations) -> MenuActions:  # type: ignore[no-untyped-def]
    made = MenuActions(host)
    made.retranslate()
    return made


def keys(action: QAction) -> set[str]:
    return {seq.toString() for seq in action.shortcuts()}


def test_shortcuts_are_bound(actions: MenuActions) -> None:
    assert {"Ctrl+L", "Ctrl+F"} <= keys(actions.find_action)
    assert keys(actions.next_action) == {"F3"}
    assert keys(actions.prev_action) == {"Shift+F3"}
    assert keys(actions.add_folder_action) == {"Ctrl+O"}
    assert keys(actions.reindex_action) == {"F5"}
    assert keys(actions.quit_action) == {"Ctrl+Q"}
    assert "Ctrl+=" in keys(actions.zoom_in_action)
    assert keys(actions.zoom_out_action) == {"Ctrl+-"}


def test_shortcuts_work_without_the_menu_bar(host: QMainWindow, actions: MenuActions) -> None:
    assert actions.find_action in host.actions()
    assert actions.zoom_reset_action in host.actions()


def test_menus_are_named_and_hold_their_actions(actions: MenuActions) -> None:
    assert [actions.file_menu.title(), actions.search_menu.title()] == ["&File", "&Search"]
    assert [actions.view_menu.title(), actions.help_menu.title()] == ["&View", "&Help"]
    assert actions.file_menu.actions()[:2] == [actions.add_folder_action, actions.reindex_action]
    assert actions.accent_action in actions.search_menu.actions()
    assert actions.accent_action.isCheckable()
    assert actions.about_action.text() == "&About Tìm Tin"


def test_menus_follow_the_language(actions: MenuActions, translations) -> None:
    translations.apply("vi")
    actions.retranslate()
    assert actions.file_menu.title() == "&Tệp"
    translations.apply("en")
    actions.retranslate()
    assert actions.file_menu.title() == "&File"


def test_the_language_menu_chooses_one_language(qtbot, actions: MenuActions) -> None:
    menu = actions.language_menu.actions()
    assert [act.data() for act in menu] == ["", "vi", "en"]
    assert [act.text() for act in menu] == ["&System Language", "Tiếng Việt", "English"]
    with qtbot.waitSignal(actions.language_chosen) as chosen:
        actions.language_actions["vi"].trigger()
    assert chosen.args == ["vi"]
    actions.check_language("en")
    assert [act.isChecked() for act in menu] == [False, False, True]
    actions.check_language("klingon")  # unknown: the system language
    assert [act.isChecked() for act in menu] == [True, False, False]


def test_folder_actions_wait_while_indexing(actions: MenuActions) -> None:
    actions.set_indexing(True)
    assert not actions.add_folder_action.isEnabled()
    assert not actions.reindex_action.isEnabled()
    actions.set_indexing(False)
    assert actions.add_folder_action.isEnabled() and actions.reindex_action.isEnabled()


def test_match_actions_need_matches(actions: MenuActions) -> None:
    actions.on_match_changed(0, 0)
    assert not actions.next_action.isEnabled() and not actions.prev_action.isEnabled()
    actions.on_match_changed(1, 4)
    assert actions.next_action.isEnabled() and actions.prev_action.isEnabled()


def test_esc_clears_the_query_from_anywhere_but_first_closes_a_menu(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    search_and_open(qtbot, window, "chu tich nuoc")
    window.reader.browser.setFocus()
    qtbot.waitUntil(window.reader.browser.hasFocus)
    menu = window.results_pane.open_context_menu(QPoint(20, 20))
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert window.search_bar.field.text() == "chu tich nuoc"  # Esc closed the menu only

    window.reader.browser.setFocus()
    qtbot.waitUntil(window.reader.browser.hasFocus)
    with qtbot.waitSignal(window.controller.search_cleared, timeout=WAIT_MS):
        qtbot.keyClick(window.reader.browser, Qt.Key.Key_Escape)
    assert window.search_bar.field.text() == ""
    assert window.results_pane.model.rowCount() == 0
    assert window.search_bar.field.hasFocus()


def test_the_menus_in_vietnamese(window) -> None:  # type: ignore[no-untyped-def]
    window.set_language("vi")
    actions = window.menu_actions
    assert actions.result_menu.title() == "&Kết quả"
    assert actions.clear_history_action.text() == "Xóa &lịch sử tìm kiếm"
    assert actions.shortcuts_action.text() == "&Phím tắt"
    texts = [a.text() for a in actions.result_menu.actions() if not a.isSeparator()]
    assert texts == [
        "Đọ&c",
        "&Mở bản gốc",
        "Hiện trong &thư mục",
        "Sao chép đường &dẫn",
        "Sao chép đoạn &trích",
    ]
    window.set_language("en")
    assert actions.result_menu.title() == "&Result"
