"""The window's actions: shortcuts, menus, the language menu, and when actions are enabled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from desktop.menu_actions import MenuActions


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
