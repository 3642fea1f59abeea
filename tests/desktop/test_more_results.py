"""Results past the first page: scrolling to the end of the list lists the next page."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.main_window import MainWindow
from desktop.more_results import PAGE_SIZE
from desktop.settings import Settings
from index.indexing.update import update_index
from tests.desktop.helpers import WAIT_MS, search, write_notes

NOTES = 80


def open_on_notes(qtbot, tmp_path: Path, settings: Settings, translations) -> MainWindow:  # type: ignore[no-untyped-def]
    update_index([write_notes(tmp_path / "notes", NOTES)], tmp_path / "index")
    window = MainWindow(tmp_path / "index", settings, translations, restore_query=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_scrolling_to_the_end_lists_the_next_page(
    qtbot, app, tmp_path: Path, settings: Settings, translations
) -> None:  # type: ignore[no-untyped-def]
    window = open_on_notes(qtbot, tmp_path, settings, translations)
    result = search(qtbot, window, "cai rang")
    pane = window.results_pane
    assert result.total == NOTES and pane.model.rowCount() == PAGE_SIZE
    assert re.fullmatch(rf"{PAGE_SIZE} of {NOTES} results · \d+ ms", window.status_label.text())
    assert pane.more_button.isVisible()
    assert pane.more_button.text() == f"Show more ({PAGE_SIZE} of {NOTES})"
    first_paths = [pane.model.hit(r).path for r in range(PAGE_SIZE)]
    pane.list_view.setCurrentIndex(pane.model.index(3, 0))

    with qtbot.waitSignal(window.more_results.loaded, timeout=WAIT_MS):
        bar = pane.list_view.verticalScrollBar()
        bar.setValue(bar.maximum())
    assert pane.model.rowCount() == NOTES
    assert [pane.model.hit(r).path for r in range(PAGE_SIZE)] == first_paths  # rows stay
    assert pane.current_row() == 3  # and so does the selection
    assert len({pane.model.hit(r).path for r in range(NOTES)}) == NOTES
    assert re.fullmatch(rf"{NOTES} results · \d+ ms", window.status_label.text())
    assert not pane.more_button.isVisible()
    assert not window.more_results.load_more()  # nothing more to ask for


def test_show_more_by_date_keeps_the_counted_total(
    qtbot, app, tmp_path: Path, settings: Settings, translations
) -> None:  # type: ignore[no-untyped-def]
    window = open_on_notes(qtbot, tmp_path, settings, translations)
    search(qtbot, window, "cai rang")
    with qtbot.waitSignal(window.total_counted, timeout=WAIT_MS):  # noqa: SIM117
        with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS):
            window.search_bar.sort_box.setCurrentIndex(window.search_bar.sort_box.findData("date"))
    pane = window.results_pane
    with qtbot.waitSignal(window.more_results.loaded, timeout=WAIT_MS):
        pane.more_button.click()
    assert pane.model.rowCount() == NOTES
    assert pane.model.result is not None and pane.model.result.total == NOTES
    assert re.fullmatch(rf"{NOTES} results · \d+ ms", window.status_label.text())


def test_a_new_search_drops_a_page_on_its_way(
    qtbot, app, tmp_path: Path, settings: Settings, translations
) -> None:  # type: ignore[no-untyped-def]
    window = open_on_notes(qtbot, tmp_path, settings, translations)
    search(qtbot, window, "cai rang")
    assert window.more_results.load_more()
    search(qtbot, window, "ghi chu 7")
    qtbot.wait(200)
    assert window.results_pane.model.result is not None
    assert window.results_pane.model.result.query == "ghi chu 7"
    assert not window.results_pane.more_button.text().startswith("Loading")


def test_the_index_changing_keeps_every_listed_page(
    qtbot, app, tmp_path: Path, settings: Settings, translations
) -> None:  # type: ignore[no-untyped-def]
    window = open_on_notes(qtbot, tmp_path, settings, translations)
    search(qtbot, window, "cai rang")
    pane = window.results_pane
    with qtbot.waitSignal(window.more_results.loaded, timeout=WAIT_MS):
        pane.more_button.click()
    assert pane.model.rowCount() == NOTES
    pane.list_view.setCurrentIndex(pane.model.index(70, 0))
    kept = pane.model.hit(70).path
    # Another writer (the watcher) commits one more note; the window hears of it.
    fresh = tmp_path / "notes" / "ghi-chu-moi.txt"
    fresh.write_text("Ghi chú mới\nChợ nổi Cái Răng lúc sáng sớm.\n", encoding="utf-8")
    update_index([tmp_path / "notes"], tmp_path / "index")
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS):
        window.on_index_changed(frozenset({str(fresh)}), frozenset())
    # As many rows as were listed (not the first page alone), the selection on its hit.
    assert pane.model.rowCount() == NOTES
    assert pane.model.result is not None and pane.model.result.total == NOTES + 1
    assert pane.model.hit(pane.current_row()).path == kept
