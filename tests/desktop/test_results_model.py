"""The results model: Qt's model contract (qtmodeltester) and what each role returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.results_model import ResultsModel, Role, display_title
from index.engine import Engine
from index.results import Hit, SearchResult


@pytest.fixture
def engine(seed_index: Path):  # type: ignore[no-untyped-def]
    eng = Engine(seed_index)
    yield eng
    eng.close()


def test_model_passes_qtmodeltester(qtmodeltester, engine: Engine) -> None:
    model = ResultsModel()
    qtmodeltester.check(model)  # empty
    model.set_result(engine.search("nga"))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.set_result(engine.search("chu tich nuoc"))
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_roles_expose_the_hit(engine: Engine) -> None:
    result = engine.search("chu tich nuoc")
    model = ResultsModel()
    model.set_result(result)
    hit = result.hits[0]
    index = model.index(0, 0)
    assert index.data(Role.HIT) == hit
    assert index.data(Qt.ItemDataRole.DisplayRole) == hit.title
    assert index.data(Role.TITLE) == hit.title
    assert index.data(Role.DATE) == hit.date
    assert index.data(Role.FOLDER) == hit.folder
    assert index.data(Role.SNIPPET) == hit.snippet
    assert index.data(Role.PATH) == hit.path
    assert index.data(Qt.ItemDataRole.ToolTipRole) == hit.path
    assert index.data(Role.SCORE) == hit.score
    assert index.data(Role.MATCH_COUNT) == len(hit.matches)
    assert model.result is result
    assert model.hit(0) == hit and model.hit(5) is None and model.hit(-1) is None
    assert model.data(QModelIndex()) is None
    assert model.rowCount(index) == 0  # a list: rows have no children
    assert b"snippet" in model.roleNames().values()


def test_untitled_documents_show_their_file_name() -> None:
    hit = Hit(path="/tmp/ghi chú.txt", title="  ", date="", score=1.0, snippet="", matches=[])
    assert display_title(hit) == "ghi chú.txt"
    model = ResultsModel()
    model.set_result(SearchResult(query="x", total=1, took_ms=1.0, hits=[hit]))
    assert model.index(0, 0).data() == "ghi chú.txt"


def test_reset_signals_on_every_new_result(qtbot, engine: Engine) -> None:
    model = ResultsModel()
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_result(engine.search("nga"))


def test_a_longer_page_adds_rows_after_the_shown_ones(qtbot, engine: Engine) -> None:
    model = ResultsModel()
    first = engine.search("nga", limit=1)
    model.set_result(first)
    assert model.rowCount() == 1 and model.has_more()
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.extend(engine.search("nga", limit=2))
    assert inserted.args[1:] == [1, 1]
    assert model.rowCount() == 2 and not model.has_more()
    assert model.hit(0) == first.hits[0]
    other = engine.search("chu tich nuoc", limit=5)
    with qtbot.waitSignal(model.modelReset):  # not the same list: every row replaced
        model.extend(other)
    assert model.hit(0) == other.hits[0]
