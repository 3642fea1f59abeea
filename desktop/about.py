"""The About box: version, where the index lives, how many documents it holds, and licences.

It opens window-modal and returns at once, so nothing waits on it.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from index import __version__

# The window's parts share its translation context, "MainWindow", so one catalogue entry per text.
translate = QCoreApplication.translate

APP_TITLE = "Tìm Tin"


def about_text(index_dir: Path, doc_count: int) -> str:
    """The About box's rich text: version, index location and size, licences."""
    tagline = translate("MainWindow", "Offline full-text search and reading for Vietnamese text.")
    location = translate("MainWindow", "Index location:")
    documents = translate("MainWindow", "Documents:")
    licences = translate("MainWindow", "Licences")
    font = translate("MainWindow", "Be Vietnam Pro font")
    return (
        f"<h3>{APP_TITLE} {html.escape(__version__)}</h3>"
        f"<p>{tagline}</p>"
        f"<p>{location} <code>{html.escape(str(index_dir))}</code><br>"
        f"{documents} {doc_count}</p>"
        f"<p><b>{licences}</b><br>"
        "Tìm Tin — MIT<br>Whoosh 2.7.4 — BSD<br>Qt for Python (PySide6) — LGPL v3<br>"
        f"{font} — SIL Open Font License 1.1</p>"
    )


def show_about(parent: QWidget, text: str) -> QMessageBox:
    """Open the About box over `parent` showing `text`; it deletes itself when closed."""
    box = QMessageBox(parent)
    box.setWindowTitle(translate("MainWindow", "About Tìm Tin"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal, returns at once
    return box
