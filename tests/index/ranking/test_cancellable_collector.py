"""Stopping a Whoosh search on a real index when its caller says it is no longer wanted.

A cancel check saying True raises SearchCancelled; saying False changes nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from whoosh import query as wq

from index.engine import Engine
from index.errors import SearchCancelled
from index.indexing.update import update_index
from index.ranking.cancellable_collector import CancellableCollector
from index.ranking.scoring import ranking_weighting
from index.storage.whoosh_types import WhooshSearcher
from tests.conftest import write_corpus

DOCUMENTS = 600
QUERY = wq.Term("body", "kinh")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    root = tmp_path_factory.mktemp("cancel")
    files = {f"{n:03d}.txt": f"Tin {n}\n" + "kinh tế " * (n % 7 + 1) for n in range(DOCUMENTS)}
    update_index([write_corpus(root / "corpus", files)], root / "index")
    opened = Engine(root / "index")
    yield opened
    opened.close()


@pytest.fixture
def searcher(engine: Engine) -> Iterator[WhooshSearcher]:
    opened = engine._opened.index.searcher(weighting=ranking_weighting())
    yield opened
    opened.close()


class CountingCheck:
    """A cancel check that says True from its `cancel_at`-th call on."""

    def __init__(self, cancel_at: int | None = None) -> None:
        self.calls = 0
        self.cancel_at = cancel_at

    def __call__(self) -> bool:
        self.calls += 1
        return self.cancel_at is not None and self.calls >= self.cancel_at


def collect(searcher: WhooshSearcher, check: CountingCheck | None) -> list[tuple[int, float]]:
    collector = searcher.collector(limit=None)
    if check is not None:
        collector = CancellableCollector(collector, check)
    searcher.search_with_collector(QUERY, collector)
    return [(hit.docnum, hit.score) for hit in collector.results()]


def test_a_search_whose_cancel_check_says_true_raises_search_cancelled(
    searcher: WhooshSearcher,
) -> None:
    with pytest.raises(SearchCancelled):
        collect(searcher, CountingCheck(cancel_at=1))


def test_a_search_never_cancelled_finds_what_an_ordinary_one_does(
    searcher: WhooshSearcher,
) -> None:
    check = CountingCheck()
    assert collect(searcher, check) == collect(searcher, None)
    assert len(collect(searcher, None)) == DOCUMENTS
    # Asked every few hundred documents, not for each one: cheap enough for every search.
    assert 1 <= check.calls <= DOCUMENTS // 100


def test_a_cancel_midway_stops_at_the_next_check(searcher: WhooshSearcher) -> None:
    check = CountingCheck(cancel_at=2)
    with pytest.raises(SearchCancelled):
        collect(searcher, check)
    assert check.calls == 2


@pytest.mark.parametrize("options", [{"sort": "date"}, {"exhaustive": True}])
def test_engine_searches_ranked_by_whoosh_can_be_cancelled(
    engine: Engine, options: dict[str, object]
) -> None:
    with pytest.raises(SearchCancelled):
        engine.search("kinh te", cancelled=lambda: True, **options)  # type: ignore[arg-type]
    assert engine.search("kinh te", cancelled=lambda: False, **options).total == DOCUMENTS  # type: ignore[arg-type]
