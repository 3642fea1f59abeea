"""The search controller without a window: searching as typed, superseding, counting,
reading, indexing and the engine's lifetime, on real indexes on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.search_controller import SearchController, SearchKey, swap_word
from desktop.settings import Settings
from index import SortOrder
from index.indexing.update import update_index
from index.paths import seeds_dir
from tests.desktop.helpers import LUONG_CUONG, WAIT_MS, write_notes


@pytest.fixture
def make_controller(app, settings: Settings) -> Iterator:  # type: ignore[type-arg]
    made: list[SearchController] = []

    def make(index_dir: Path, *, open_engine: bool = True) -> SearchController:
        controller = SearchController(index_dir, settings)
        made.append(controller)
        if open_engine:
            controller.open_engine()
        return controller

    yield make
    for controller in made:
        controller.close()


@pytest.fixture
def controller(make_controller, seed_index: Path) -> SearchController:  # type: ignore[no-untyped-def]
    return make_controller(seed_index)


def type_and_search(qtbot, controller: SearchController, text: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS) as finished:
        controller.on_query_changed(text)
        controller.search_now()
    return finished.args[0]


def test_opening_reports_the_documents(qtbot, make_controller, seed_index: Path) -> None:
    controller = make_controller(seed_index, open_engine=False)
    assert controller.engine is None and controller.doc_count() == 0
    with qtbot.waitSignal(controller.doc_count_changed) as counted:
        assert controller.open_engine()
    assert counted.args == [2]
    assert controller.index_dir == seed_index
    assert not controller.index_needs_building()


def test_a_search_is_delivered_with_its_key(qtbot, controller: SearchController) -> None:
    result = type_and_search(qtbot, controller, "  nga  ")
    assert result.query == "nga " and len(result.hits) == 2  # the space: a finished word
    assert controller.painted == SearchKey("nga ", False, SortOrder.RELEVANCE)
    assert controller.result is result
    assert not controller.searching


def test_typing_waits_for_a_pause(qtbot, controller: SearchController) -> None:
    controller.on_query_changed("chu tich nuoc")
    controller.on_query_edited("chu tich nuoc")
    assert controller.search_pending
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS) as finished:
        pass
    assert finished.args[0].hits[0].path.endswith(LUONG_CUONG)
    assert not controller.search_pending


def test_only_the_newest_search_is_delivered(qtbot, controller: SearchController) -> None:
    delivered: list[str] = []
    controller.search_finished.connect(lambda result: delivered.append(result.query))
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS):
        for query in ("nga", "công an", "chu tich nuoc"):
            controller.on_query_changed(query)
            controller.search_now()
    qtbot.wait(300)
    assert delivered == ["chu tich nuoc"]


def test_clearing_the_query_clears_at_once(qtbot, controller: SearchController) -> None:
    type_and_search(qtbot, controller, "nga")
    with qtbot.waitSignal(controller.search_cleared, timeout=WAIT_MS):
        controller.on_query_changed("   ")
    assert controller.painted is None and controller.result is None
    assert controller.wanted.query == ""


def test_enter_searches_only_for_what_is_not_shown(qtbot, controller: SearchController) -> None:
    assert not controller.search_unless_shown()  # nothing typed
    type_and_search(qtbot, controller, "nga")
    assert not controller.search_unless_shown()  # shown already
    controller.on_query_changed("chu tich nuoc")
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS):
        assert controller.search_unless_shown()


def test_match_accents_and_sort_search_again_and_are_remembered(
    qtbot, controller: SearchController, settings: Settings
) -> None:
    type_and_search(qtbot, controller, "chu tich nuoc")
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS) as exact:
        controller.on_exact_toggled(True)
    assert exact.args[0].hits == []
    assert settings.exact is True
    controller.set_exact(False)
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS) as by_date:
        controller.on_sort_chosen(SortOrder.DATE)
    assert by_date.args[0].hits
    assert controller.painted == SearchKey("chu tich nuoc", False, SortOrder.DATE)
    assert settings.sort is SortOrder.DATE


def test_the_exact_total_is_counted_after_a_date_sort(
    qtbot, make_controller, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(60):
        (corpus / f"tin{n:02}.txt").write_text(f"Tin {n}\nKinh tế ngày {n}.\n", encoding="utf-8")
    update_index([corpus], tmp_path / "index")
    controller = make_controller(tmp_path / "index")
    controller.set_sort(SortOrder.DATE)
    with qtbot.waitSignal(controller.total_counted, timeout=WAIT_MS) as counted:
        painted = type_and_search(qtbot, controller, "kinh te")
    assert not painted.total_exact and len(painted.hits) == 50
    assert counted.args == [60]


def test_reading_the_shown_search_marks_its_matches(qtbot, controller: SearchController) -> None:
    result = type_and_search(qtbot, controller, "chu tich nuoc")
    with qtbot.waitSignal(controller.document_read, timeout=WAIT_MS) as read:
        controller.read(result.hits[0].path)
    view = read.args[0]
    assert view.path == result.hits[0].path and view.match_count > 1


def test_a_document_gone_from_disk_is_a_message(qtbot, make_controller, tmp_path: Path) -> None:
    folder = write_notes(tmp_path / "notes", 1)
    update_index([folder], tmp_path / "index")
    controller = make_controller(tmp_path / "index")
    result = type_and_search(qtbot, controller, "cho noi")
    Path(result.hits[0].path).unlink()
    with qtbot.waitSignal(controller.read_failed, timeout=WAIT_MS) as failed:
        controller.read(result.hits[0].path)
    message = failed.args[0]
    assert message and "Traceback" not in message
    assert "ghi-chu-000.txt" in message


def test_an_index_that_cannot_be_opened_says_why(qtbot, make_controller, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.write_text("not a folder", encoding="utf-8")
    controller = make_controller(broken, open_engine=False)
    with qtbot.waitSignal(controller.open_failed) as failed:
        assert not controller.open_engine()
    assert "File exists" in failed.args[0]
    assert controller.engine is None
    assert controller.index_needs_building()
    controller.on_query_changed("nga")
    with qtbot.assertNotEmitted(controller.search_finished, wait=100):
        controller.search_now()  # no engine: nothing to search


def test_adding_a_folder_indexes_it_then_reopens(
    qtbot, controller: SearchController, settings: Settings, tmp_path: Path
) -> None:
    folder = write_notes(tmp_path / "notes", 3)
    progress: list[tuple[int, int]] = []
    controller.indexing_progressed.connect(lambda done, total, _: progress.append((done, total)))
    with (
        qtbot.waitSignal(controller.indexing_started) as started,
        qtbot.waitSignal(controller.indexing_finished, timeout=WAIT_MS) as finished,
    ):
        assert controller.add_folder(folder)
        assert controller.indexing and not controller.building
        assert not controller.add_folder(folder)  # one run at a time
        assert not controller.reindex()
    assert started.args == [False]
    assert finished.args[0].added == 3
    assert progress[-1] == (3, 3)
    assert settings.folders == [str(folder.resolve())]
    assert controller.doc_count() == 5  # reopened before the report was delivered


def test_a_query_is_searched_again_after_indexing(
    qtbot, controller: SearchController, tmp_path: Path
) -> None:
    type_and_search(qtbot, controller, '"chuyen di cho noi"')
    assert controller.result is not None and not controller.result.hits
    folder = write_notes(tmp_path / "notes", 2)
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS) as again:
        controller.add_folder(folder)
    assert len(again.args[0].hits) == 2


def test_the_first_run_builds_the_seeds(qtbot, make_controller, tmp_path: Path) -> None:
    controller = make_controller(tmp_path / "fresh")
    assert controller.index_needs_building()
    paths = controller.first_run_paths()
    assert paths == [str(seeds_dir())]
    with (
        qtbot.waitSignal(controller.indexing_started) as started,
        qtbot.waitSignal(controller.indexing_finished, timeout=30_000),
    ):
        controller.start_indexing(paths, first_run=True)
        assert controller.building
    assert started.args == [True]
    assert controller.doc_count() == 2


def test_cancelling_keeps_what_was_indexed(qtbot, controller: SearchController, tmp_path) -> None:
    folder = write_notes(tmp_path / "big", 300)
    controller.indexing_progressed.connect(lambda *_: controller.cancel_indexing())
    with qtbot.waitSignal(controller.indexing_finished, timeout=30_000) as finished:
        controller.add_folder(folder)
    assert finished.args[0].cancelled
    assert not controller.indexing


def test_close_stops_everything_and_closes_the_engine(make_controller, tmp_path: Path) -> None:
    controller = make_controller(tmp_path / "fresh")
    controller.start_indexing(controller.first_run_paths(), first_run=True)
    controller.close()
    assert controller.engine is None
    assert controller.index_job.wait(0)  # the indexing thread has ended


@pytest.mark.parametrize(
    ("query", "word", "form", "expected"),
    [
        ("ban be", "ban", "bạn", "bạn be"),
        ("Ban ban", "ban", "bạn", "bạn ban"),  # the first only, whatever its case
        ("banh ban", "ban", "bạn", "banh bạn"),  # whole words only
        ("chủ tịch", "ban", "bạn", "chủ tịch"),
    ],
)
def test_swap_word(query: str, word: str, form: str, expected: str) -> None:
    assert swap_word(query, word, form) == expected


def test_typed_keys_read_the_last_word_as_unfinished(qtbot, controller: SearchController) -> None:
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS) as finished:
        controller.on_query_changed("chu tich nu")
        controller.on_query_edited("chu tich nu")  # what the field says of a keystroke
        controller.search_now()
    assert finished.args[0].total > 0 and finished.args[0].completions
    assert controller.painted is not None and controller.painted.typing
    controller.set_typed(False)  # set whole (a chip, the history): `nu` is a word
    with qtbot.waitSignal(controller.search_finished, timeout=WAIT_MS) as whole:
        controller.search_now()
    assert whole.args[0].total == 0 and not whole.args[0].completions
