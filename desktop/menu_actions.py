"""The window's actions, their shortcuts and menus, and the texts they show.

It only builds and names them; the window connects each action to what it does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.i18n import LANGUAGES
from desktop.result_actions import ResultActions

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate


class MenuActions(QObject):
    """File, Search, Result, View (with Language) and Help menus on `window`'s menu bar."""

    language_chosen = Signal(str)  # a language code, or "" to follow the system

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

        self.add_folder_action = self._action("Ctrl+O")
        self.reindex_action = self._action("F5")
        self.folders_action = self._action("Ctrl+Shift+O")
        self.quit_action = self._action("Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = self._action("Ctrl+L", "Ctrl+F")
        self.next_action = self._action("F3")
        self.prev_action = self._action("Shift+F3")
        self.accent_action = self._action(checkable=True)
        self.clear_query_action = self._action("Esc")
        self.clear_history_action = self._action()
        self.zoom_in_action = self._action("Ctrl+=", "Ctrl++")
        self.zoom_out_action = self._action("Ctrl+-")
        self.zoom_reset_action = self._action("Ctrl+0")
        self.shortcuts_action = self._action("F1")
        self.syntax_action = self._action("Shift+F1")
        self.about_action = self._action()
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        self.language_group = QActionGroup(window)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *LANGUAGES):
            act = QAction(LANGUAGES.get(code, ""), window)
            act.setCheckable(True)
            act.setData(code)
            act.triggered.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_group.addAction(act)
            self.language_actions[code] = act

        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.add_folder_action)
        self.file_menu.addAction(self.reindex_action)
        self.file_menu.addAction(self.folders_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.search_menu = bar.addMenu("")
        self.search_menu.addAction(self.find_action)
        self.search_menu.addAction(self.next_action)
        self.search_menu.addAction(self.prev_action)
        self.search_menu.addAction(self.clear_query_action)
        self.search_menu.addSeparator()
        self.search_menu.addAction(self.accent_action)
        self.search_menu.addSeparator()
        self.search_menu.addAction(self.clear_history_action)
        self.result_menu = bar.addMenu("")
        self.result_actions: ResultActions | None = None
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for act in self.language_actions.values():
            self.language_menu.addAction(act)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.syntax_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _action(self, *keys: QKeySequence | str, checkable: bool = False) -> QAction:
        act = QAction(self._window)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setCheckable(checkable)
        self._window.addAction(act)  # shortcuts work even while the menu bar is hidden
        return act

    def add_result_menu(self, actions: ResultActions) -> None:
        """Fill the Result menu with the selected hit's actions (those of its context menu)."""
        self.result_actions = actions
        self.result_menu.clear()
        actions.fill_menu(self.result_menu)

    def all_actions(self) -> list[QAction]:
        """Every action of the menus, in menu order, for the Keyboard shortcuts page."""
        found: list[QAction] = []
        for menu in self._window.menuBar().findChildren(QMenu):
            for act in menu.actions():
                if not act.isSeparator() and act.menu() is None and act not in found:
                    found.append(act)
        return found

    def check_language(self, choice: str) -> None:
        """Tick the language menu's entry for `choice` ('' is the system language)."""
        self.language_actions.get(choice, self.language_actions[""]).setChecked(True)

    def set_indexing(self, running: bool) -> None:
        """Adding a folder and re-indexing wait while indexing runs."""
        self.add_folder_action.setEnabled(not running)
        self.reindex_action.setEnabled(not running)

    def on_match_changed(self, _current: int, total: int) -> None:
        """Next and Previous Match work only when the reader has matches."""
        self.next_action.setEnabled(total > 0)
        self.prev_action.setEnabled(total > 0)

    def retranslate(self) -> None:
        """Re-set every menu title and action text in the current language."""
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.search_menu.setTitle(translate("MainWindow", "&Search"))
        self.result_menu.setTitle(translate("MainWindow", "&Result"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.add_folder_action.setText(translate("MainWindow", "&Add Folder…"))
        self.reindex_action.setText(translate("MainWindow", "&Re-index"))
        self.folders_action.setText(translate("MainWindow", "F&olders…"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.find_action.setText(translate("MainWindow", "&Find"))
        self.next_action.setText(translate("MainWindow", "&Next Match"))
        self.prev_action.setText(translate("MainWindow", "&Previous Match"))
        self.accent_action.setText(translate("MainWindow", "&Match Accents"))
        self.clear_query_action.setText(translate("MainWindow", "&Clear Search"))
        self.clear_history_action.setText(translate("MainWindow", "Clear Search &History"))
        self.shortcuts_action.setText(translate("MainWindow", "&Keyboard Shortcuts"))
        self.syntax_action.setText(translate("MainWindow", "Search &Syntax"))
        self.zoom_in_action.setText(translate("MainWindow", "Zoom &In"))
        self.zoom_out_action.setText(translate("MainWindow", "Zoom &Out"))
        self.zoom_reset_action.setText(translate("MainWindow", "&Actual Size"))
        self.about_action.setText(translate("MainWindow", "&About Tìm Tin"))
        self.language_actions[""].setText(translate("MainWindow", "&System Language"))
