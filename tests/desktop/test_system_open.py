"""Handing files to the system: the URLs built for a document, its folder and the log file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from desktop import system_open
from index import attach_log_file
from tests.desktop.helpers import catching_urls


@pytest.fixture
def log_in(tmp_path: Path) -> Iterator[Path]:
    """A log file attached in tmp_path, as the app attaches one at start; detached afterwards."""
    path = attach_log_file(tmp_path / "logs")
    assert path is not None
    yield path
    root = logging.getLogger("timtin")
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            root.removeHandler(handler)
            handler.close()


def test_the_urls_name_the_document_and_its_folder(tmp_path: Path) -> None:
    doc = tmp_path / "Tin tức" / "bài viết.txt"
    assert system_open.file_url(doc).toLocalFile() == str(doc)
    assert system_open.folder_url(doc).toLocalFile() == str(doc.parent)
    assert system_open.file_url(doc).scheme() == "file"


def test_open_original_asks_the_system_for_the_file(app, tmp_path: Path) -> None:
    doc = tmp_path / "bài.txt"
    doc.write_text("Chủ tịch nước", encoding="utf-8")
    with catching_urls() as caught:
        assert system_open.open_original(doc)
    assert [url.toLocalFile() for url in caught.urls] == [str(doc)]


def test_show_in_folder_opens_the_folder_without_a_file_manager_on_the_bus(
    app, tmp_path: Path
) -> None:
    doc = tmp_path / "sub" / "bài.txt"
    doc.parent.mkdir()
    doc.write_text("x", encoding="utf-8")
    with catching_urls() as caught:
        assert system_open.show_in_folder(doc)
    # Offscreen tests have no session bus, so no FileManager1: the folder itself opens.
    assert [url.toLocalFile() for url in caught.urls] == [str(doc.parent)]


def test_the_log_file_is_the_one_attached_and_opens(app, log_in: Path) -> None:
    assert system_open.log_file() == log_in
    logging.getLogger("timtin.desktop").error("something failed")
    with catching_urls() as caught:
        assert system_open.open_log()
    assert [url.toLocalFile() for url in caught.urls] == [str(log_in)]
    assert "something failed" in log_in.read_text(encoding="utf-8")
