"""Scoring on real indexes: BM25F over the folded body, presence in the ranking-tier fields.

The cached-length BM25F gives exactly the scores of Whoosh's stock BM25F.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import query as wq

from index.engine import Engine
from index.indexing.update import update_index
from index.ranking.scoring import field_lengths, ranking_weighting
from tests.conftest import write_corpus

WORDS = ["kinh", "tế", "xã", "hội", "bạn", "bán", "bàn", "chủ", "tịch", "nước", "hà", "nội"]


def corpus(seed: int, count: int) -> dict[str, str]:
    rng = random.Random(seed)
    return {
        f"s{seed}-{n:02d}.txt": f"Tin {n}\n"
        + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
        + "\n"
        for n in range(count)
    }


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """Three segments, one document rewritten: lengths must come from the right segment."""
    root = tmp_path_factory.mktemp("scoring")
    folder = root / "corpus"
    write_corpus(folder, corpus(1, 30))
    update_index([folder], root / "index")
    write_corpus(folder, corpus(2, 20))
    update_index([folder], root / "index")
    write_corpus(folder, {"s1-00.txt": "Viết lại\nbạn bạn bạn kinh tế\n"})
    update_index([folder], root / "index")
    opened = Engine(root / "index")
    yield opened
    opened.close()


def scores(engine: Engine, query: wq.Query, *, stock: bool) -> dict[str, float]:
    weighting = ranking_weighting(stock_bm25=stock)
    with engine._opened.index.searcher(weighting=weighting) as searcher:
        return {
            Path(hit["path"]).name: hit.score
            for hit in searcher.search(query, limit=None, optimize=False)
        }


@pytest.mark.parametrize(
    "query", ["kinh te", "ban", "bạn", "chu tich nuoc", '"ha noi"', "noi -ban"]
)
def test_ranking_weighting_scores_like_whooshs_stock_bm25f(engine: Engine, query: str) -> None:
    plan = engine.plan(query)
    ours = scores(engine, plan.query, stock=False)
    stock = scores(engine, plan.query, stock=True)
    assert ours and ours.keys() == stock.keys()
    assert all(ours[name] == pytest.approx(stock[name], rel=1e-9) for name in ours)


def test_the_index_has_several_segments(engine: Engine) -> None:
    # The equality above means something only across segments and a deletion.
    with engine._opened.index.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) >= 2
        assert searcher.reader().has_deletions()


@pytest.mark.parametrize("field", ["body_exact", "shingles", "title", "title_exact"])
def test_tier_fields_score_presence_whatever_the_frequency(engine: Engine, field: str) -> None:
    term = {"body_exact": "bạn", "shingles": "kinh te", "title": "tin", "title_exact": "tin"}
    found = scores(engine, wq.Term(field, term[field], boost=1000.0), stock=False)
    assert len(found) > 1 and set(found.values()) == {1000.0}


def test_bm25_over_the_body_prefers_more_occurrences_and_shorter_documents(
    tmp_path: Path,
) -> None:
    files = {
        "once.txt": "x\nkinh doanh và một hai ba bốn năm\n",
        "thrice.txt": "x\nkinh doanh kinh tế kinh nghiệm ba\n",
        "short.txt": "x\nkinh doanh\n",
    }
    update_index([write_corpus(tmp_path / "c", files)], tmp_path / "i")
    engine = Engine(tmp_path / "i")
    try:
        found = scores(engine, wq.Term("body", "kinh"), stock=False)
    finally:
        engine.close()
    assert found["thrice.txt"] > found["once.txt"]
    assert found["short.txt"] > found["once.txt"]


def test_field_lengths_are_each_documents_length_in_its_segment(engine: Engine) -> None:
    with engine._opened.index.searcher() as searcher:
        for leaf, _offset in searcher.reader().leaf_readers():
            lengths = field_lengths(leaf, "body")
            expected = [leaf.doc_field_length(n, "body", 1) for n in range(leaf.doc_count_all())]
            assert lengths == expected
            assert field_lengths(leaf, "body") is lengths  # segments never change: cached
