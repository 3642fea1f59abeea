"""Live folders in the window: files saved, changed and deleted in a watched folder reach the
results by themselves; the shown hit and document survive; dropping a folder adds it.

Real watchdog observers, real folders and indexes in tmp_path; times are measured and printed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.live_folders import dropped_folders
from desktop.main_window import MainWindow
from index import WatchEvent, WatchUpdate
from index.indexing.run_lock import indexing_run
from index.indexing.update import update_index
from tests.desktop.helpers import WAIT_MS, search, write_notes

SEEN_WITHIN_MS = 5_000  # the promise: a saved file is searchable within 5 s


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """A folder of three notes about Cái Răng."""
    return write_notes(tmp_path / "ghi chú", 3).resolve()


@pytest.fixture
def live_window(
    qtbot, app, tmp_path: Path, notes: Path, settings, translations
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A window on an index of `notes`, its watcher watching them."""
    index_dir = tmp_path / "index"
    assert update_index([notes], index_dir).added == 3
    window = MainWindow(index_dir, settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: str(notes) in window.live_folders.watched, timeout=WAIT_MS)
    yield window
    window.close()


def hit_paths(window: MainWindow) -> list[str]:
    result = window.results_pane.model.result
    return [hit.path for hit in result.hits] if result is not None else []


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_a_saved_file_is_found_changed_and_gone_by_itself(
    qtbot, live_window: MainWindow, notes: Path
) -> None:
    window = live_window
    assert search(qtbot, window, "sau rieng").hits == []
    fresh = notes / "sau-rieng.txt"
    started = time.monotonic()
    write(fresh, "Bài mới\nMùa sầu riêng Cái Mơn năm nay được giá.\n")
    qtbot.waitUntil(lambda: str(fresh) in hit_paths(window), timeout=SEEN_WITHIN_MS)
    seen_ms = (time.monotonic() - started) * 1000
    print(f"saved file searchable in the window after {seen_ms:.0f} ms")
    assert seen_ms < SEEN_WITHIN_MS
    assert window.doc_count_label.text() == "4 documents"
    qtbot.waitUntil(lambda: window.reader.view is not None, timeout=WAIT_MS)
    assert window.reader.view.path == str(fresh)
    assert "Changes indexed: 1 updated, 0 removed." in window.watch_label.text()

    started = time.monotonic()
    write(fresh, "Bài đã sửa\nMùa sầu riêng Cái Mơn năm nay được mùa.\n")
    qtbot.waitUntil(
        lambda: [h.title for h in window.results_pane.model.result.hits] == ["Bài đã sửa"],
        timeout=SEEN_WITHIN_MS,
    )
    # The document being read was that file: it is read again, still open.
    qtbot.waitUntil(lambda: "được mùa" in window.reader.browser.toPlainText(), timeout=WAIT_MS)
    print(f"changed file updated in the window after {(time.monotonic() - started) * 1000:.0f} ms")

    started = time.monotonic()
    fresh.unlink()
    qtbot.waitUntil(lambda: str(fresh) not in hit_paths(window), timeout=SEEN_WITHIN_MS)
    print(f"deleted file gone from the window after {(time.monotonic() - started) * 1000:.0f} ms")
    assert window.doc_count_label.text() == "3 documents"
    assert window.reader.view is None


def test_the_hit_and_document_being_read_stay_when_another_file_changes(
    qtbot, live_window: MainWindow, notes: Path
) -> None:
    window = live_window
    assert len(search(qtbot, window, "cai rang").hits) == 3
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS):
        window.results_pane.move_selection(Qt.Key.Key_Down)
    chosen = window.results_pane.current_hit()
    assert chosen is not None and window.reader.view is not None
    opened = window.reader.view
    loads: list[str] = []
    window.controller.document_loading.connect(loads.append)
    write_notes(notes / "thêm", 2)  # two more notes about Cái Răng, in a new subfolder
    qtbot.waitUntil(lambda: len(hit_paths(window)) == 5, timeout=SEEN_WITHIN_MS)
    assert window.results_pane.current_hit() is not None
    assert window.results_pane.current_hit().path == chosen.path
    assert window.reader.view is opened  # not read again: its file did not change
    assert loads == []


def test_indexing_from_the_window_keeps_its_summary_and_the_open_document(
    qtbot, live_window: MainWindow, notes: Path
) -> None:
    window = live_window
    search(qtbot, window, "cai rang")
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS):
        window.results_pane.move_selection(Qt.Key.Key_Down)
    chosen = window.results_pane.current_hit()
    assert chosen is not None
    with (
        qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as reread,
        qtbot.waitSignal(window.search_painted, timeout=WAIT_MS),
        qtbot.waitSignal(window.index_updated, timeout=WAIT_MS),
    ):
        window.menu_actions.reindex_action.trigger()  # F5
    assert reread.args[0].path == chosen.path  # read again with the same query, still open
    assert window.results_pane.current_hit() is not None
    assert window.results_pane.current_hit().path == chosen.path
    qtbot.wait(500)  # the search after indexing has long been painted
    assert window.statusBar().currentMessage().startswith("Index updated: 0 added")
    # Until the user searches for something else.
    search(qtbot, window, "cho noi")
    assert window.statusBar().currentMessage() == ""


def test_a_watcher_batch_waits_for_another_run_and_then_indexes(
    qtbot, live_window: MainWindow, notes: Path
) -> None:
    window = live_window
    told: list[WatchUpdate] = []
    window.live_folders.watch_updated.connect(told.append)
    search(qtbot, window, "mang cut")
    fresh = notes / "mang-cut.txt"
    with indexing_run(window.index_dir):  # another run holds the index (the lock is per file)
        write(fresh, "Măng cụt\nMăng cụt Lái Thiêu vào mùa.\n")
        qtbot.waitUntil(lambda: any(u.kind is WatchEvent.WAITING for u in told), timeout=WAIT_MS)
        assert window.watch_label.text() == "Waiting for another indexing run…"
        # The window's own run waits its turn too.
        assert window.reindex()
        qtbot.waitUntil(
            lambda: window.indexing_bar.progress_label.text().startswith("Waiting"),
            timeout=WAIT_MS,
        )
        qtbot.wait(300)
        assert str(fresh) not in hit_paths(window)
    qtbot.waitUntil(lambda: str(fresh) in hit_paths(window), timeout=WAIT_MS)
    assert not [u for u in told if u.kind is WatchEvent.ERROR]
    qtbot.waitUntil(lambda: not window.controller.indexing, timeout=WAIT_MS)


def test_closing_while_the_watcher_waits_ends_promptly(
    qtbot, live_window: MainWindow, notes: Path
) -> None:
    window = live_window
    told: list[WatchUpdate] = []
    window.live_folders.watch_updated.connect(told.append)
    with indexing_run(window.index_dir):
        write(notes / "cho.txt", "Chợ\nChợ nổi Ngã Bảy.\n")
        qtbot.waitUntil(lambda: any(u.kind is WatchEvent.WAITING for u in told), timeout=WAIT_MS)
        started = time.monotonic()
        window.close()
        closed_ms = (time.monotonic() - started) * 1000
    print(f"window closed in {closed_ms:.0f} ms while the watcher waited for the index")
    assert closed_ms < 2_000
    assert not window.live_folders.watching


def drag_of(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def test_dropping_a_folder_on_the_window_adds_and_watches_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = write_notes(tmp_path / "kéo thả", 2, word="Phong Điền").resolve()
    mime = drag_of(folder)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(200, 200), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(200, 200), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(window.index_updated, timeout=WAIT_MS) as blocker:
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert blocker.args[0].added == 2
    assert str(folder) in window.settings.folders
    found = search(qtbot, window, '"cho noi phong dien"').hits
    assert sorted(Path(hit.path).parent for hit in found) == [folder, folder]
    qtbot.waitUntil(lambda: str(folder) in window.live_folders.watched, timeout=WAIT_MS)


def test_only_local_folders_may_be_dropped(tmp_path: Path, notes: Path) -> None:
    a_file = notes / "ghi-chu-000.txt"
    web = QMimeData()
    web.setUrls([QUrl("https://vnexpress.net/")])
    text = QMimeData()
    text.setText(str(notes))
    assert dropped_folders(drag_of(notes, a_file, notes)) == [str(notes)]
    assert dropped_folders(drag_of(a_file)) == []
    assert dropped_folders(web) == [] and dropped_folders(text) == []


def test_the_first_run_on_the_seeds_says_how_to_add_ones_own_folder(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.controller.seeds_only()
    hint = window.results_pane.empty_label.text()
    assert "Add your own folder" in hint and "drag a folder onto the window" in hint
    assert 'href="action:add-folder"' in hint
    window.set_language("vi")
    assert "Thêm thư mục của bạn" in window.results_pane.empty_label.text()
    assert "kéo thư mục vào cửa sổ" in window.results_pane.empty_label.text()
    window.set_language("en")
    with qtbot.waitSignal(window.index_updated, timeout=WAIT_MS):
        window.add_folder(write_notes(tmp_path / "của tôi", 1))
    assert not window.controller.seeds_only()
    assert "Add your own folder" not in window.results_pane.empty_label.text()


def test_a_folder_that_cannot_be_watched_is_said_in_the_status_bar(
    qtbot, app, tmp_path: Path, settings, translations
) -> None:
    gone = write_notes(tmp_path / "ổ rời", 1).resolve()
    index_dir = tmp_path / "index"
    update_index([gone], index_dir)
    for path in gone.iterdir():
        path.unlink()
    gone.rmdir()  # an unplugged drive: the folder is not there when watching starts
    window = MainWindow(index_dir, settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.watch_label.text().startswith("Not watching"), timeout=WAIT_MS)
    assert "ổ rời" in window.watch_label.text()
    assert "rescanned every minute" in window.watch_label.text()
    assert str(gone) in window.live_folders.fallback
    window.close()
