"""Help → Keyboard shortcuts and Search syntax: the real keys and every operator, translated."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser

from desktop.help_dialogs import shortcut_rows
from desktop.main_window import MainWindow


def page_text(dialog) -> str:  # type: ignore[no-untyped-def]
    return dialog.findChild(QTextBrowser, "helpText").toPlainText()


def test_the_shortcuts_page_lists_the_windows_real_shortcuts(qtbot, window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    text = page_text(dialog)
    for action in window.menu_actions.all_actions():
        for key in action.shortcuts():
            assert key.toString() in text, action.text()
    for key, what in [("Esc", "Clear Search"), ("Ctrl+Shift+C", "Copy Path"), ("F3", "Next Match")]:
        assert f"{key}\t{what}" in text or f"{key} {what}" in text or (key in text and what in text)
    assert "Copy Passage" in text and "Open Original" in text and "Show in Folder" in text
    assert not dialog.isModal()
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_shortcut_rows_name_each_action_once_without_mnemonics(window: MainWindow) -> None:
    rows = shortcut_rows(window.menu_actions.all_actions())
    names = [name for name, _keys in rows]
    assert len(names) == len(set(names))
    assert ("Find", "Ctrl+L, Ctrl+F") in rows
    assert not any("&" in name for name in names)


def test_the_syntax_page_lists_every_operator_and_filter(qtbot, window: MainWindow) -> None:
    dialog = window.show_syntax()
    text = page_text(dialog)
    for operator in (" OR ", "NOT", "-my", '"chu tich nuoc"', "chu*", "exact:", "title:"):
        assert operator in text, operator
    for field in ("date:2025", "date:2025-01..2025-06", "folder:", "type:pdf"):
        assert field in text, field
    dialog.close()


def test_the_help_pages_and_their_button_are_vietnamese(qtbot, window: MainWindow) -> None:
    window.set_language("vi")
    dialog = window.show_syntax()
    assert dialog.windowTitle() == "Cú pháp tìm kiếm"
    assert "Tài liệu có ngày trong khoảng" in page_text(dialog)
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert button.text() == "Đóng"
    dialog.close()
    shortcuts = window.show_shortcuts()
    assert "Sao chép đường dẫn" in page_text(shortcuts)
    shortcuts.close()
    window.set_language("en")
