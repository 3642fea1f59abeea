"""The accent-exact forms a real index holds, grouped by folded form, with document counts.

Per-segment counts are cached beside the index; stale or damaged caches are recomputed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index.indexing.update import update_index
from index.query.vocabulary import CACHE_PREFIX, Vocabulary
from tests.conftest import write_corpus

CORPUS = {
    "a.txt": "Bạn bè\nbạn bạn bạn, cái bàn\n",
    "b.txt": "Chợ\nTôi bán hàng cho bạn.\n",
    "c.txt": "Lệnh\nLệnh BAN hành; hoà bình\n",
    "d.txt": "Hòa bình\nthuỷ lợi\n",
}


def build(tmp_path: Path, files: dict[str, str] = CORPUS) -> Path:
    index_dir = tmp_path / "index"
    update_index([write_corpus(tmp_path / "corpus", files)], index_dir)
    return index_dir


def vocabulary_of(index_dir: Path, cache: bool = True) -> Vocabulary:
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        return Vocabulary.from_reader(searcher.reader(), index_dir if cache else None)


def caches(index_dir: Path) -> list[Path]:
    return sorted(index_dir.glob(f"{CACHE_PREFIX}*.json"))


def test_forms_of_ban_with_their_document_counts_most_frequent_first(tmp_path: Path) -> None:
    vocabulary = vocabulary_of(build(tmp_path))
    # `bạn` is in a.txt (four times, title included) and b.txt: two documents.
    assert vocabulary.forms_of("ban") == [("bạn", 2), ("ban", 1), ("bàn", 1), ("bán", 1)]


@pytest.mark.parametrize(
    ("folded", "forms"),
    [
        ("hoa", [("hòa", 2)]),  # old and new tone placement are one form
        ("thuy", [("thủy", 1)]),
        ("cho", [("cho", 1), ("chợ", 1)]),
        ("xyz", []),
    ],
)
def test_forms_are_lowercase_with_canonical_tones(
    tmp_path: Path, folded: str, forms: list[tuple[str, int]]
) -> None:
    assert vocabulary_of(build(tmp_path)).forms_of(folded) == forms


def test_membership_is_by_folded_form(tmp_path: Path) -> None:
    vocabulary = vocabulary_of(build(tmp_path))
    assert "ban" in vocabulary and "binh" in vocabulary
    assert "bạn" not in vocabulary and "nga" not in vocabulary


def test_counts_add_up_across_segments(tmp_path: Path) -> None:
    index_dir = build(tmp_path, {"a.txt": "A\nbạn\n"})
    write_corpus(tmp_path / "corpus", {"b.txt": "B\nbạn bán\n"})
    update_index([tmp_path / "corpus"], index_dir)
    vocabulary = vocabulary_of(index_dir)
    assert vocabulary.forms_of("ban") == [("bạn", 2), ("bán", 1)]


def test_each_segments_counts_are_cached_beside_the_index_and_read_back(tmp_path: Path) -> None:
    index_dir = build(tmp_path)
    for cache in caches(index_dir):  # the indexer may have cached them already
        cache.unlink()
    vocabulary_of(index_dir, cache=False)
    assert caches(index_dir) == []
    first = vocabulary_of(index_dir)
    (cache,) = caches(index_dir)
    counts = json.loads(cache.read_text(encoding="utf-8"))
    assert counts["bạn"] == 2
    counts["bạn"] = 7  # the cache, not the postings, answers the second time
    cache.write_text(json.dumps(counts), encoding="utf-8")
    assert vocabulary_of(index_dir).forms_of("ban")[0] == ("bạn", 7)
    assert first.forms_of("ban")[0] == ("bạn", 2)


def test_a_damaged_cache_is_recomputed_and_a_stale_one_removed(tmp_path: Path) -> None:
    index_dir = build(tmp_path)
    vocabulary_of(index_dir)
    (cache,) = caches(index_dir)
    cache.write_text("{not json", encoding="utf-8")
    stale = index_dir / f"{CACHE_PREFIX}MAIN_gone.json"
    stale.write_text("{}", encoding="utf-8")
    assert vocabulary_of(index_dir).forms_of("ban")[0] == ("bạn", 2)
    assert caches(index_dir) == [cache]
    assert json.loads(cache.read_text(encoding="utf-8"))["bạn"] == 2


def test_an_index_without_documents_holds_no_words(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    update_index([tmp_path / "empty"], tmp_path / "index")
    vocabulary = vocabulary_of(tmp_path / "index")
    assert vocabulary.forms_of("ban") == [] and "ban" not in vocabulary
