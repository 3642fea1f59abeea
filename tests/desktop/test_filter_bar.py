"""The filter bar: periods, folders and file types, alone and in the window, where each change
searches again; its choices are remembered between runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings

from desktop.filter_bar import DatePreset, FilterBar
from desktop.main_window import MainWindow
from desktop.settings import Settings
from index import Filters, SearchResult
from index.indexing.update import update_index
from tests.conftest import write_corpus
from tests.desktop.helpers import WAIT_MS, search

TODAY = QDate(2025, 10, 20)
FILES = {
    "tin/sep.txt": "Tin tháng chín\n15/09/2025\nKinh tế tháng chín.\n",
    "tin/old.txt": "Tin cũ\n01/02/2019\nKinh tế năm cũ.\n",
    "bao-cao/oct.txt": "Tin tháng mười\n18/10/2025\nKinh tế tháng mười.\n",
    "bao-cao/none.txt": "Không ngày\nKinh tế.\n",
}


@pytest.fixture
def bar(qtbot, app) -> FilterBar:  # type: ignore[no-untyped-def]
    widget = FilterBar()
    qtbot.addWidget(widget)
    widget.retranslate()
    return widget


def choose(box, data: str) -> None:  # type: ignore[no-untyped-def]
    box.setCurrentIndex(box.findData(data))


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        (DatePreset.ANY, Filters()),
        (DatePreset.WEEK, Filters(after="20251014")),
        (DatePreset.MONTH, Filters(after="20250921")),
        (DatePreset.YEAR, Filters("20250101", "20251231")),
    ],
)
def test_each_period_counts_back_from_today(
    bar: FilterBar, preset: DatePreset, expected: Filters
) -> None:
    choose(bar.date_box, preset.value)
    assert bar.filters(TODAY) == expected
    assert bar.from_edit.isHidden() and bar.to_edit.isHidden()


def test_a_date_range_shows_its_dates_and_says_when_they_change(qtbot, bar: FilterBar) -> None:
    with qtbot.waitSignal(bar.filters_changed):
        choose(bar.date_box, DatePreset.RANGE.value)
    assert not bar.from_edit.isHidden() and not bar.to_edit.isHidden()
    with qtbot.waitSignal(bar.filters_changed):
        bar.from_edit.setDate(QDate(2025, 10, 31))
    bar.to_edit.setDate(QDate(2025, 9, 1))  # typed backwards: still the range between
    assert bar.filters() == Filters("20250901", "20251031")


def test_offered_folders_and_types_keep_the_choice(qtbot, bar: FilterBar) -> None:
    bar.offer(["/srv/tin", "/home/an/tin", "/home/an/bao-cao"], ["pdf", "txt"])
    labels = [bar.folder_box.itemText(i) for i in range(bar.folder_box.count())]
    assert labels == ["All folders", "/srv/tin", "/home/an/tin", "bao-cao"]
    assert [bar.type_box.itemText(i) for i in range(3)] == ["All file types", "PDF", "TXT"]
    choose(bar.folder_box, "/home/an/bao-cao")
    choose(bar.type_box, "pdf")
    assert bar.filters() == Filters(folders=("/home/an/bao-cao",), kinds=("pdf",))
    with qtbot.assertNotEmitted(bar.filters_changed):
        bar.offer(["/srv/tin"], ["txt"])  # the index changed: the choice is kept, and listed
    assert bar.folder == "/home/an/bao-cao" and bar.kind == "pdf"


def test_choices_are_remembered(qtbot, app, bar: FilterBar, tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "f.ini"), QSettings.Format.IniFormat)
    bar.offer(["/srv/tin"], ["txt"])
    choose(bar.date_box, DatePreset.RANGE.value)
    bar.from_edit.setDate(QDate(2024, 1, 2))
    bar.to_edit.setDate(QDate(2024, 3, 4))
    choose(bar.folder_box, "/srv/tin")
    choose(bar.type_box, "txt")
    bar.save(store)
    again = FilterBar()
    qtbot.addWidget(again)
    with qtbot.assertNotEmitted(again.filters_changed):
        again.restore(store)
    assert again.filters() == Filters("20240102", "20240304", ("/srv/tin",), ("txt",))


def test_the_bar_speaks_vietnamese(app, bar: FilterBar, translations) -> None:  # type: ignore[no-untyped-def]
    translations.apply("vi")
    bar.retranslate()
    assert [bar.date_box.itemText(i) for i in range(bar.date_box.count())] == [
        "Mọi lúc",
        "7 ngày qua",
        "30 ngày qua",
        "Năm nay",
        "Khoảng ngày…",
    ]
    assert bar.folder_box.itemText(0) == "Mọi thư mục"
    translations.apply("en")
    bar.retranslate()
    assert bar.date_box.itemText(0) == "Any time"


# -- in the window -------------------------------------------------------------------------


@pytest.fixture
def corpus_window(qtbot, app, tmp_path: Path, settings: Settings, translations):  # type: ignore[no-untyped-def]
    folder = write_corpus(tmp_path / "corpus", FILES)
    update_index([folder], tmp_path / "index")
    win = MainWindow(tmp_path / "index", settings, translations, restore_query=False)
    qtbot.addWidget(win)
    win.show()
    return win, folder


def rechosen(qtbot, window: MainWindow, box, data: str) -> SearchResult:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.search_painted, timeout=WAIT_MS) as painted:
        choose(box, data)
    result: SearchResult = painted.args[0]
    return result


def names(result: SearchResult) -> list[str]:
    return sorted(Path(hit.path).name for hit in result.hits)


def test_each_change_searches_again_within_the_filters(qtbot, corpus_window) -> None:  # type: ignore[no-untyped-def]
    window, folder = corpus_window
    assert names(search(qtbot, window, "kinh te")) == ["none.txt", "oct.txt", "old.txt", "sep.txt"]
    bar = window.filter_bar
    assert bar.folder_box.findData(str(folder)) > 0 and bar.type_box.findData("txt") > 0
    bar.from_edit.setDate(QDate(2025, 9, 1))
    bar.to_edit.setDate(QDate(2025, 10, 31))
    ranged = rechosen(qtbot, window, bar.date_box, DatePreset.RANGE.value)
    assert names(ranged) == ["oct.txt", "sep.txt"] and ranged.total == 2
    bar.offer([str(folder / "bao-cao"), str(folder / "tin")], ["txt"])
    narrowed = rechosen(qtbot, window, bar.folder_box, str(folder / "tin"))
    assert names(narrowed) == ["sep.txt"]
    assert window.status_label.text().startswith("1 ")
    everything = rechosen(qtbot, window, bar.date_box, DatePreset.ANY.value)
    assert names(everything) == ["old.txt", "sep.txt"]


def test_sort_orders_in_the_window(qtbot, corpus_window) -> None:  # type: ignore[no-untyped-def]
    window, _ = corpus_window
    search(qtbot, window, "kinh te")
    box = window.search_bar.sort_box
    by_name = rechosen(qtbot, window, box, "name")
    assert [Path(h.path).name for h in by_name.hits] == [
        "none.txt",
        "oct.txt",
        "old.txt",
        "sep.txt",
    ]
    oldest = rechosen(qtbot, window, box, "oldest")
    assert [Path(h.path).name for h in oldest.hits] == ["old.txt", "sep.txt", "oct.txt", "none.txt"]
    assert [box.itemText(i) for i in range(box.count())] == [
        "Most relevant",
        "Newest first",
        "Oldest first",
        "By file name",
    ]


def test_the_window_remembers_the_filters(qtbot, app, tmp_path: Path, translations) -> None:  # type: ignore[no-untyped-def]
    folder = write_corpus(tmp_path / "corpus", FILES)
    update_index([folder], tmp_path / "index")
    path = str(tmp_path / "persist.ini")
    first = MainWindow(tmp_path / "index", Settings(QSettings(path, QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    choose(first.filter_bar.date_box, DatePreset.YEAR.value)
    choose(first.filter_bar.type_box, "txt")
    first.close()
    second = MainWindow(
        tmp_path / "index", Settings(QSettings(path, QSettings.Format.IniFormat)), translations
    )
    qtbot.addWidget(second)
    assert second.filter_bar.preset is DatePreset.YEAR and second.filter_bar.kind == "txt"
    assert second.controller.wanted.filters == second.filter_bar.filters()
