"""Help → Keyboard shortcuts and Help → Search syntax: small dialogs that never block.

The shortcuts are read from the window's real actions, so the list cannot drift from them;
the syntax page lists every operator the query parser knows, the filters included.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate

DIALOG_SIZE = (560, 520)


def plain_text(action: QAction) -> str:
    """An action's text without its mnemonic ampersands or a trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action with a shortcut, in the order given, once."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        row = (plain_text(action), ", ".join(keys))
        if keys and row[0] and row not in rows:
            rows.append(row)
    return rows


def field_key_rows() -> list[tuple[str, str]]:
    """Keys the search field and the list understand that no menu shows."""
    return [
        (
            translate("MainWindow", "Move through the results from the search field"),
            "↑ ↓ PgUp PgDn",
        ),
        (translate("MainWindow", "Recent searches (in an empty search field)"), "↑"),
        (translate("MainWindow", "Search now, or read the selected result"), "Enter"),
        (translate("MainWindow", "The result's menu"), translate("MainWindow", "Right click")),
    ]


def table_html(rows: Iterable[tuple[str, str]]) -> str:
    """Two columns, the first in bold, every cell escaped."""
    cells = "".join(
        f"<tr><td style='padding:3px 14px 3px 0'><b>{html.escape(left)}</b></td>"
        f"<td style='padding:3px 0'>{html.escape(right)}</td></tr>"
        for left, right in rows
    )
    return f"<table cellspacing='0'>{cells}</table>"


def shortcuts_html(actions: Iterable[QAction]) -> str:
    """The Keyboard shortcuts page: the actions' keys, then the field's own keys."""
    rows = [(keys, text) for text, keys in shortcut_rows(actions)]
    rows += [(keys, text) for text, keys in field_key_rows()]
    return f"<h3>{html.escape(translate('MainWindow', 'Keyboard Shortcuts'))}</h3>" + table_html(
        rows
    )


def syntax_rows() -> list[tuple[str, str]]:
    """(what to type, what it finds) for every operator of the query syntax."""
    return [
        ("chu tich nuoc", translate("MainWindow", "Every word, with or without accents (AND)")),
        ("Chủ tịch nước", translate("MainWindow", "The same, the forms typed ranked first")),
        ("nga OR trung", translate("MainWindow", "Either word")),
        ("nga NOT my, nga -my", translate("MainWindow", "Without the second word")),
        ('"chu tich nuoc"', translate("MainWindow", "The words side by side, in this order")),
        ("chu*", translate("MainWindow", "Words starting with chu")),
        ("exact:cá", translate("MainWindow", "This one word with exactly these accents")),
        ("title:nga", translate("MainWindow", "The word in the title")),
        ("date:2025", translate("MainWindow", "Documents dated 2025 (or 2025-10, 2025-10-26)")),
        ("date:2025-01..2025-06", translate("MainWindow", "Documents dated in a range")),
        ('folder:seeds, folder:"Tin tức"', translate("MainWindow", "Documents in that folder")),
        ("type:pdf", translate("MainWindow", "Documents of one file type (txt, pdf, docx…)")),
    ]


def syntax_html() -> str:
    """The Search syntax page."""
    title = html.escape(translate("MainWindow", "Search Syntax"))
    note = html.escape(
        translate(
            "MainWindow",
            "Operators combine: nga title:moscow -my. Telex typed without an input method "
            "(vieejt nam) is read as Vietnamese.",
        )
    )
    return f"<h3>{title}</h3>{table_html(syntax_rows())}<p>{note}</p>"


def show_help(parent: QWidget, title: str, page: str) -> QDialog:
    """Open a non-modal dialog over `parent` showing `page` (rich text); it deletes itself."""
    dialog = QDialog(parent)
    dialog.setObjectName("helpDialog")
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser(dialog)
    browser.setObjectName("helpText")
    browser.setOpenLinks(False)
    browser.setHtml(page)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser, 1)
    layout.addWidget(buttons)
    dialog.resize(*DIALOG_SIZE)
    dialog.show()
    return dialog
