"""Indexing from the window: first start, adding a folder, re-index, cancel, failures, and a
folder of every file type read in the reader."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.main_window import MainWindow
from desktop.results_model import Role
from desktop.widgets import BannerKind
from tests.desktop.helpers import WAIT_MS, search, write_notes
from tests.index.test_cli import ARTICLE_QUERY, COVER_PAGE, UNREADABLE, write_mixed_folder
from tests.index.text.formats.web_files import ARTICLE


def test_first_start_builds_the_seeds_index_in_the_background(
    qtbot, app, tmp_path: Path, settings, translations
) -> None:
    window = MainWindow(tmp_path / "fresh-index", settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    assert window.controller.index_job.running
    assert (
        window.indexing_bar.progress_bar.isVisible()
        and window.indexing_bar.cancel_button.isVisible()
    )
    assert "Building the index" in window.results_pane.empty_label.text()
    assert not window.menu_actions.add_folder_action.isEnabled()
    with qtbot.waitSignal(window.index_updated, timeout=30_000) as blocker:
        pass
    assert blocker.args[0].added == 2
    assert window.controller.doc_count() == 2
    assert window.doc_count_label.text() == "2 documents"
    assert not window.indexing_bar.progress_bar.isVisible()
    assert window.menu_actions.add_folder_action.isEnabled()
    assert "Search 2 documents" in window.results_pane.empty_label.text()
    assert search(qtbot, window, "chu tich nuoc").hits


def test_later_starts_open_the_index_at_once(window: MainWindow) -> None:
    assert not window.controller.index_job.running
    assert window.controller.doc_count() == 2


def test_adding_a_folder_indexes_it_with_progress(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = write_notes(tmp_path / "my notes", 4)
    progress: list[tuple[int, int]] = []
    window.controller.index_job.progress_changed.connect(
        lambda done, total, _: progress.append((done, total))
    )
    with qtbot.waitSignal(window.index_updated, timeout=WAIT_MS) as blocker:
        assert window.add_folder(folder)
        assert window.indexing_bar.progress_bar.isVisible()
        assert not window.menu_actions.reindex_action.isEnabled()
    report = blocker.args[0]
    assert report.added == 4
    assert progress and progress[-1] == (4, 4)
    assert window.indexing_bar.progress_bar.maximum() == 4
    assert window.settings.folders == [str(folder.resolve())]
    assert window.controller.doc_count() == 6
    assert window.doc_count_label.text() == "6 documents"
    assert "4 added" in window.statusBar().currentMessage()
    result = search(qtbot, window, "cho noi cai rang")
    assert [hit.folder.endswith("my notes") for hit in result.hits[:4]] == [True] * 4
    # The seeds are still there: adding a folder adds to the collection.
    assert search(qtbot, window, "chu tich nuoc").hits


def test_reindex_picks_up_changes(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = write_notes(tmp_path / "notes", 2)
    with qtbot.waitSignal(window.index_updated, timeout=WAIT_MS):
        window.add_folder(folder)
    qtbot.waitUntil(lambda: not window.live_folders.catching_up, timeout=WAIT_MS)
    window.live_folders.pause(str(folder.resolve()))  # unwatched: the changes wait for F5
    (folder / "moi.txt").write_text("Bài mới\nNói về sầu riêng Cái Mơn.\n", encoding="utf-8")
    (folder / "ghi-chu-000.txt").unlink()
    search(qtbot, window, "sau rieng")
    assert window.results_pane.model.rowCount() == 0
    with (
        qtbot.waitSignal(window.search_painted, timeout=WAIT_MS),  # re-runs the query after
        qtbot.waitSignal(window.index_updated, timeout=WAIT_MS) as blocker,
    ):
        window.menu_actions.reindex_action.trigger()
    assert blocker.args[0].added == 1 and blocker.args[0].removed == 1
    assert window.results_pane.model.rowCount() == 1


def test_a_big_folder_is_indexed_by_workers_while_the_window_searches(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    # 1,200 files take the worker processes (index.indexing.parallel_build), as an archive would.
    folder = write_notes(tmp_path / "archive", 1200)
    events: list[str] = []
    window.index_updated.connect(lambda _: events.append("indexed"))
    with qtbot.waitSignal(window.index_updated, timeout=120_000) as blocker:
        assert window.add_folder(folder)
        assert window.controller.index_job.running
        # The window answers from what is already indexed while the workers run.
        assert search(qtbot, window, "chu tich nuoc").hits
        events.append("searched")
    assert events == ["searched", "indexed"]
    assert blocker.args[0].added == 1200 and not blocker.args[0].cancelled
    assert window.controller.doc_count() == 1202
    assert search(qtbot, window, '"chuyen di cho noi"').total == 1200


def test_cancel_button_stops_indexing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = write_notes(tmp_path / "big", 300)
    window.controller.index_job.progress_changed.connect(
        lambda *_: window.indexing_bar.cancel_button.click()
    )
    with qtbot.waitSignal(window.index_updated, timeout=30_000) as blocker:
        window.add_folder(folder)
    assert blocker.args[0].cancelled
    assert "cancelled" in window.statusBar().currentMessage()
    assert not window.indexing_bar.progress_bar.isVisible()


def test_unreadable_files_are_a_warning_not_an_error(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = write_notes(tmp_path / "mixed", 1)
    (folder / "rac.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    with qtbot.waitSignal(window.index_updated, timeout=WAIT_MS) as blocker:
        window.add_folder(folder)
    assert len(blocker.args[0].skipped) == 1  # binary: NUL bytes
    assert (
        window.results_pane.banner.isVisible()
        and window.results_pane.banner.kind is BannerKind.WARNING
    )
    assert window.results_pane.banner.text == "1 file could not be read and was skipped."
    assert "rac.txt" in window.results_pane.banner.label.toolTip()


def test_an_index_that_cannot_be_opened_is_a_message(
    qtbot, app, tmp_path: Path, settings, translations
) -> None:
    broken = tmp_path / "broken"
    broken.write_text("not a folder", encoding="utf-8")
    window = MainWindow(broken, settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    assert window.controller.engine is None
    assert (
        window.results_pane.banner.isVisible()
        and window.results_pane.banner.kind is BannerKind.ERROR
    )
    assert "could not be opened" in window.results_pane.banner.text
    window.controller.index_job.wait(10_000)
    qtbot.wait(50)


def test_first_start_also_indexes_remembered_folders(
    qtbot, app, tmp_path: Path, settings, translations
) -> None:
    folder = write_notes(tmp_path / "kept", 2)
    settings.folders = [str(folder)]
    window = MainWindow(tmp_path / "lost-index", settings, translations, restore_query=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.index_updated, timeout=30_000) as blocker:
        window.show()
    assert blocker.args[0].added == 4  # two seeds and two notes
    assert window.controller.doc_count() == 4


def test_a_folder_of_every_format_is_indexed_searched_and_read(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    files = write_mixed_folder(tmp_path / "kho")
    with qtbot.waitSignal(window.index_updated, timeout=60_000) as blocker:
        assert window.add_folder(tmp_path / "kho")
    report = blocker.args[0]
    assert report.added == len(files)
    assert sorted((Path(s.path).name, s.reason) for s in report.skipped) == [
        ("hong.docx", "damaged file: File is not a zip file"),
        ("khoa.pdf", "encrypted: the PDF needs a password"),
        ("scan.pdf", "scanned, no text"),
    ]
    banner = window.results_pane.banner
    assert banner.isVisible() and banner.text == "3 files could not be read and were skipped."
    assert all(name in banner.label.toolTip() for name in UNREADABLE)

    result = search(qtbot, window, ARTICLE_QUERY)
    model = window.results_pane.model
    rows = {Path(model.hit(row).path).suffix.lstrip("."): row for row in range(model.rowCount())}
    assert sorted(rows) == sorted(files)
    assert result.total == len(files)
    badges = {kind: model.data(model.index(row), Role.BADGE) for kind, row in rows.items()}
    assert badges == {**{k: k.upper() for k in files}, "txt": "", "pdf": "PDF · page 2"}

    reader = window.reader
    for kind, row in rows.items():
        with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS) as opened:
            window.open_row(row)
        assert opened.args[0].path == str(files[kind])
        first_page = COVER_PAGE if kind == "pdf" else ARTICLE
        assert reader.title_label.text() == first_page.partition("\n")[0]
        assert reader.current_match_text() == "Thạnh Phú"
        page_heads = re.findall(r"Trang \d", reader.browser.toPlainText())
        if kind == "pdf":
            assert reader.format_label.text() == "PDF · page 2 of 2"
            assert page_heads == ["Trang 1", "Trang 2"]
        else:
            assert reader.format_label.text() == kind.upper()
            assert page_heads == []
        assert "Tin đọc nhiều" not in reader.browser.toPlainText()  # the page's article only

    window.translations.apply("vi")
    qtbot.wait(10)
    # Found again by its path: the watcher's refresh of the shown search may reorder ties.
    pdf_row = next(r for r in range(model.rowCount()) if model.hit(r).path == str(files["pdf"]))
    assert model.data(model.index(pdf_row), Role.BADGE) == "PDF · trang 2"
    with qtbot.waitSignal(window.document_opened, timeout=WAIT_MS):
        window.open_row(pdf_row)
    assert reader.format_label.text() == "PDF · trang 2 trên 2"
