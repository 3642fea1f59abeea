"""What can be done with one search hit: read it, open the original, show its folder, copy.

The actions, their shortcuts and the context menu act on whatever hit `current` returns; the
list, its context menu and the Result menu of the menu bar all share these same actions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop import system_open
from desktop.results_model import display_title
from index import Hit

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate

_TAG = re.compile(r"<[^>]+>")


def snippet_text(snippet_html: str) -> str:
    """The engine's snippet as plain text: marks dropped, entities decoded."""
    return " ".join(html.unescape(_TAG.sub("", snippet_html)).split())


def passage_text(hit: Hit) -> str:
    """What Copy passage puts on the clipboard: the title, the passage, the file's path."""
    return "\n".join(part for part in (display_title(hit), snippet_text(hit.snippet), hit.path))


def copy_text(text: str) -> None:
    """Put `text` on the system clipboard."""
    QGuiApplication.clipboard().setText(text)


class ResultActions(QObject):
    """Read, Open original, Show in folder, Copy path and Copy passage for the current hit.

    `read_requested` asks the window to read the hit; the others are done here.  The actions
    are added to `shortcut_owner` so their shortcuts work anywhere in its window.
    """

    read_requested = Signal()

    def __init__(self, shortcut_owner: QWidget, current: Callable[[], Hit | None]) -> None:
        super().__init__(shortcut_owner)
        self._owner = shortcut_owner
        self._current = current
        self.read_action = self._action(self.read_requested.emit)
        self.read_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.read_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action = self._action(self.open_original, "Ctrl+Return")
        self.show_action = self._action(self.show_in_folder, "Ctrl+Shift+Return")
        self.copy_path_action = self._action(self.copy_path, "Ctrl+Shift+C")
        self.copy_passage_action = self._action(self.copy_passage, "Ctrl+Shift+P")
        self.retranslate()
        self.update_enabled()

    def _action(self, slot: Callable[[], object], key: str = "") -> QAction:
        act = QAction(self._owner)
        if key:
            act.setShortcut(QKeySequence(key))
        act.triggered.connect(lambda _=False: slot())
        self._owner.addAction(act)  # the shortcut works while the owner's window is active
        return act

    @property
    def actions(self) -> list[QAction]:
        """Every action, in menu order."""
        return [
            self.read_action,
            self.open_action,
            self.show_action,
            self.copy_path_action,
            self.copy_passage_action,
        ]

    def update_enabled(self) -> None:
        """The actions work only while a hit is selected."""
        has_hit = self._current() is not None
        for act in self.actions:
            act.setEnabled(has_hit)

    # -- what they do ------------------------------------------------------------------------

    def open_original(self) -> bool:
        """Open the selected document in the system's viewer."""
        hit = self._current()
        return hit is not None and system_open.open_original(hit.path)

    def show_in_folder(self) -> bool:
        """Show the selected document in its folder."""
        hit = self._current()
        return hit is not None and system_open.show_in_folder(hit.path)

    def copy_path(self) -> None:
        """Copy the selected document's path."""
        hit = self._current()
        if hit is not None:
            copy_text(hit.path)

    def copy_passage(self) -> None:
        """Copy the selected hit's passage with its title and path, as plain text."""
        hit = self._current()
        if hit is not None:
            copy_text(passage_text(hit))

    # -- menus and texts ---------------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> QMenu:
        """Add the actions to `menu` (Read first, the copies after a separator)."""
        menu.addAction(self.read_action)
        menu.addSeparator()
        menu.addAction(self.open_action)
        menu.addAction(self.show_action)
        menu.addSeparator()
        menu.addAction(self.copy_path_action)
        menu.addAction(self.copy_passage_action)
        return menu

    def retranslate(self) -> None:
        """Re-set the actions' texts in the current language."""
        self.read_action.setText(translate("MainWindow", "&Read"))
        self.open_action.setText(translate("MainWindow", "&Open Original"))
        self.show_action.setText(translate("MainWindow", "Show in &Folder"))
        self.copy_path_action.setText(translate("MainWindow", "Copy &Path"))
        self.copy_passage_action.setText(translate("MainWindow", "Copy P&assage"))
