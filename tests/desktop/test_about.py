"""The About box: version, index location and size, licences; it never blocks the app."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.about import APP_TITLE, about_text, show_about
from index import __version__


def test_the_text_names_version_index_and_licences(app, translations) -> None:
    where = Path("/tmp/chỉ mục & <bản sao>")
    text = about_text(where, 1202)
    assert f"{APP_TITLE} {__version__}" in text
    assert f"<code>{html.escape(str(where))}</code>" in text  # escaped, never markup
    assert "Documents: 1202" in text
    for licence in ("MIT", "BSD", "LGPL v3", "SIL Open Font License 1.1"):
        assert licence in text


def test_the_text_follows_the_language(app, translations) -> None:
    translations.apply("vi")
    assert "Số tài liệu: 2" in about_text(Path("/x"), 2)


def test_the_box_is_window_modal_and_deletes_itself(qtbot, translations) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    box = show_about(parent, about_text(Path("/x"), 2))
    assert box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal  # never blocks the app
    assert box.windowTitle() == "About Tìm Tin"
    assert box.textFormat() == Qt.TextFormat.RichText
    assert box.standardButtons() == QMessageBox.StandardButton.Close
    assert box.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.close()
