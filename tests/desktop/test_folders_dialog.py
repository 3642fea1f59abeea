"""File → Folders…: the indexed folders with their counts; remove, pause, resume, re-index.

A real window on a real index of real folders, its watcher running; the screenshot is the README's.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.folders_dialog import (
    DOCUMENTS,
    FOLDER,
    UPDATED,
    WATCHING,
    FoldersDialog,
    shown_path,
)
from desktop.main_window import MainWindow
from index.indexing.update import update_index
from tests.desktop.helpers import WAIT_MS, search, write_notes

# The README's picture: `TIMTIN_SCREENS=docs/screens pytest tests/desktop/test_folders_dialog.py`.
SCREENS = os.environ.get("TIMTIN_SCREENS", "")
QUIET_MS = 3_500  # longer than the watcher's 2 s debounce and its commit


@pytest.fixture
def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Three notes in one folder, two in another, all about Cái Răng."""
    return (
        write_notes(tmp_path / "Ghi chú chợ nổi", 3).resolve(),
        write_notes(tmp_path / "Nhật ký", 2).resolve(),
    )


@pytest.fixture
def folders_window(
    qtbot, app, tmp_path: Path, two_folders: tuple[Path, Path], settings, translations
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    index_dir = tmp_path / "index"
    assert update_index(list(two_folders), index_dir).added == 5
    window = MainWindow(index_dir, settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.live_folders.watched) == 2, timeout=WAIT_MS)
    yield window
    window.close()


def rows(dialog: FoldersDialog) -> list[tuple[str, str, str, str]]:
    table = dialog.table
    return [
        tuple(table.item(row, column).text() for column in (FOLDER, DOCUMENTS, UPDATED, WATCHING))  # type: ignore[misc]
        for row in range(table.rowCount())
    ]


def test_the_dialog_lists_the_folders_with_their_counts(
    qtbot, folders_window: MainWindow, two_folders: tuple[Path, Path]
) -> None:
    dialog = folders_window.show_folders()
    qtbot.waitUntil(lambda: all(row[3] == "Watched" for row in rows(dialog)), timeout=WAIT_MS)
    listed = rows(dialog)
    assert [(path, count) for path, count, _, _ in listed] == [
        (str(two_folders[0]), "3"),
        (str(two_folders[1]), "2"),
    ]  # tmp_path is outside the home folder: shown whole
    assert dialog.table.item(0, FOLDER).toolTip() == str(two_folders[0])
    assert all(updated and updated != "Never" for _, _, updated, _ in listed)
    assert dialog.windowTitle() == "Folders"
    assert folders_window.menu_actions.folders_action.shortcut().toString() == "Ctrl+Shift+O"


def test_removing_a_folder_takes_its_documents_out_of_the_results(
    qtbot, folders_window: MainWindow, two_folders: tuple[Path, Path]
) -> None:
    window = folders_window
    assert len(search(qtbot, window, "cai rang").hits) == 5
    dialog = window.show_folders()
    dialog.select(str(two_folders[0]))
    box = dialog.ask_remove()
    assert box is not None and box.isVisible()
    assert "3 documents will leave the index" in box.informativeText()
    remove = next(
        b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole
    )
    with qtbot.waitSignal(window.live_folders.job_finished, timeout=WAIT_MS) as blocker:
        remove.click()
        assert not dialog.remove_button.isEnabled()  # one folder job at a time
    assert blocker.args[2].removed == 3
    qtbot.waitUntil(lambda: window.results_pane.model.rowCount() == 2, timeout=WAIT_MS)
    assert window.doc_count_label.text() == "2 documents"
    assert [row[0] for row in rows(dialog)] == [str(two_folders[1])]
    assert "3 documents left the index" in dialog.status_label.text()
    assert str(two_folders[0]) not in window.live_folders.watched
    assert two_folders[0].is_dir() and len(os.listdir(two_folders[0])) == 3  # files stay


def test_cancelling_the_question_removes_nothing(
    qtbot, folders_window: MainWindow, two_folders: tuple[Path, Path]
) -> None:
    dialog = folders_window.show_folders()
    box = dialog.ask_remove()
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert not folders_window.live_folders.job_running
    assert len(rows(dialog)) == 2


def test_a_paused_folder_is_not_updated_until_resumed(
    qtbot, folders_window: MainWindow, two_folders: tuple[Path, Path]
) -> None:
    window = folders_window
    search(qtbot, window, "mang cut")
    dialog = window.show_folders()
    dialog.select(str(two_folders[1]))
    assert dialog.pause_button.text() == "&Pause Watching"
    dialog.pause_button.click()
    assert rows(dialog)[1][3] == "Paused"
    assert dialog.pause_button.text() == "Res&ume Watching"
    fresh = two_folders[1] / "mang-cut.txt"
    fresh.write_text("Măng cụt\nMăng cụt Lái Thiêu vào mùa.\n", encoding="utf-8")
    qtbot.wait(QUIET_MS)
    assert window.results_pane.model.rowCount() == 0
    assert window.controller.doc_count() == 5
    started = time.monotonic()
    dialog.pause_button.click()  # resumed: a rescan picks up what changed meanwhile
    qtbot.waitUntil(lambda: window.results_pane.model.rowCount() == 1, timeout=WAIT_MS)
    print(f"resumed folder caught up in {(time.monotonic() - started) * 1000:.0f} ms")
    qtbot.waitUntil(lambda: rows(dialog)[1][3] == "Watched", timeout=WAIT_MS)


def test_reindexing_one_folder_reads_its_files_again(
    qtbot, folders_window: MainWindow, two_folders: tuple[Path, Path]
) -> None:
    window = folders_window
    dialog = window.show_folders()
    dialog.select(str(two_folders[0]))
    dialog.pause_button.click()  # not watched: only the re-index can see the change below
    path = two_folders[0] / "ghi-chu-001.txt"
    stat = path.stat()
    text = "Ghi chú 1\nMăng cụt Lái Thiêu.\n".encode()
    path.write_bytes(text.ljust(stat.st_size - 1) + b"\n")  # looks unchanged: same size, time
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with qtbot.waitSignal(window.live_folders.job_finished, timeout=WAIT_MS) as blocker:
        assert dialog.reindex_selected()
        assert dialog.status_label.text().startswith("Re-indexing")
    action, folder, report = blocker.args
    assert (action, folder) == ("reindex", str(two_folders[0]))
    assert (report.updated, report.unchanged, report.removed) == (1, 2, 0)
    assert dialog.status_label.text() == (
        f"Re-indexed {two_folders[0]}: 0 added, 1 updated, 0 removed."
    )
    assert dialog.reindex_button.isEnabled()
    assert [hit.path for hit in search(qtbot, window, "mang cut lai thieu").hits] == [str(path)]


def test_folders_under_home_are_shown_short(tmp_path: Path) -> None:
    assert shown_path(str(tmp_path / "Tài liệu" / "Báo chí"), tmp_path) == "~/Tài liệu/Báo chí"
    assert shown_path("/mnt/usb/Sách", tmp_path) == "/mnt/usb/Sách"


def test_the_dialog_in_vietnamese_screenshot(
    qtbot, app, tmp_path: Path, settings, translations, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))  # the folders show as ~/…, as on a person's machine
    folders = [
        write_notes(home / "Tài liệu" / "Báo chí", 12).resolve(),
        write_notes(home / "Tài liệu" / "Luận văn", 5, word="Ninh Kiều").resolve(),
        write_notes(home / "Ghi chú đi chợ", 3).resolve(),
    ]
    index_dir = tmp_path / "index"
    update_index(folders, index_dir)
    translations.apply("vi")
    settings.language = "vi"
    window = MainWindow(index_dir, settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.live_folders.watched) == 3, timeout=WAIT_MS)
    dialog = window.show_folders()
    dialog.select(str(folders[2]))
    dialog.pause_button.click()
    dialog.select(str(folders[0]))
    listed = rows(dialog)
    assert [row[0] for row in listed] == [
        "~/Tài liệu/Báo chí",
        "~/Tài liệu/Luận văn",
        "~/Ghi chú đi chợ",
    ]
    assert [row[1] for row in listed] == ["12", "5", "3"]
    assert [row[3] for row in listed] == ["Đang theo dõi", "Đang theo dõi", "Tạm dừng"]
    assert dialog.windowTitle() == "Thư mục"
    assert dialog.remove_button.text() == "&Gỡ bỏ"
    qtbot.wait(100)
    screens = Path(SCREENS) if SCREENS else tmp_path
    screens.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(screens / "folders.png"))
    window.close()
