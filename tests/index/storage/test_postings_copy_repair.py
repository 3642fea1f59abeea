"""repair_copies: a segment's missing or damaged `.tps` copy is rewritten from Whoosh's postings.

Real indexes in tmp_path; searches give the same hits before the damage, during and after repair.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from index.engine import Engine
from index.indexing.update import update_index
from index.storage.codec import COPIED_FIELDS, WEIGHTED_FIELDS
from index.storage.postings_copy import EXTENSION, open_copy, term_key
from index.storage.postings_copy_repair import repair_copies
from tests.conftest import write_corpus

QUERIES = ["mien trung", "người dân", "lũ lụt", "hạn hán thiếu nước", '"nguoi dan"']


def _flood(n: int) -> str:
    return f"Lũ lụt ở miền Trung số {n}\n01/10/2024\n" + "Lũ lụt kéo dài, người dân sơ tán. " * (
        n % 3 + 1
    )


def _drought(n: int) -> str:
    return f"Hạn hán ở miền Trung {n}\n02/04/2024\nHạn hán, người dân miền Trung thiếu nước.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of two segments: 40 flood articles, then 3 drought articles added later."""
    root = tmp_path_factory.mktemp("repair")
    floods = write_corpus(root / "floods", {f"lu{n:02d}.txt": _flood(n) for n in range(40)})
    droughts = write_corpus(root / "droughts", {f"han{n}.txt": _drought(n) for n in range(3)})
    index_dir = root / "index"
    update_index([floods], index_dir)
    update_index([droughts], index_dir)
    return index_dir


@pytest.fixture
def index_dir(built: Path, tmp_path: Path) -> Path:
    """A private copy of the built index, free to damage."""
    copy = tmp_path / "index"
    shutil.copytree(built, copy)
    return copy


def _copy_paths(index_dir: Path) -> list[Path]:
    """Each segment's postings copy, largest segment first."""
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        leaves = sorted(reader.leaf_readers(), key=lambda leaf: -leaf[0].doc_count_all())
        return [index_dir / leaf.segment().make_filename(EXTENSION) for leaf, _ in leaves]


def _search(index_dir: Path) -> list[tuple[int, list[tuple[str, float]]]]:
    engine = Engine(index_dir)
    try:
        results = [engine.search(query, limit=50) for query in QUERIES]
        return [(r.total, [(hit.path, round(hit.score, 4)) for hit in r.hits]) for r in results]
    finally:
        engine.close()


def _repair(index_dir: Path) -> list[str]:
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        return repair_copies(index_dir, reader)


def _segment_ids(index_dir: Path) -> list[str]:
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        leaves = sorted(reader.leaf_readers(), key=lambda leaf: -leaf[0].doc_count_all())
        return [leaf.segment().segment_id() for leaf, _ in leaves]


def _copied_terms(index_dir: Path, path: Path) -> dict[tuple[str, bytes], Any]:
    """What the copy at `path` holds for every copied term Whoosh's reader lists."""
    copy = open_copy(path)
    assert copy is not None
    terms = {}
    try:
        with whoosh_index.open_dir(str(index_dir)).reader() as reader:
            for leaf, _ in reader.leaf_readers():
                if index_dir / leaf.segment().make_filename(EXTENSION) != path:
                    continue
                for field, term in leaf.all_terms():
                    if field in COPIED_FIELDS:
                        found = copy.postings(term_key(field, term))
                        assert found is not None, (field, term)
                        weights = None if found.weights is None else list(found.weights)
                        terms[field, term] = (list(found.ids), weights)
    finally:
        copy.close()
    return terms


def test_the_index_has_two_segments_each_with_a_readable_copy(index_dir: Path) -> None:
    paths = _copy_paths(index_dir)
    assert len(paths) == 2
    for path in paths:
        copy = open_copy(path)
        assert copy is not None
        copy.close()


def test_an_intact_index_needs_no_repair_and_is_left_untouched(index_dir: Path) -> None:
    before = {path: path.read_bytes() for path in _copy_paths(index_dir)}
    assert _repair(index_dir) == []
    assert {path: path.read_bytes() for path in _copy_paths(index_dir)} == before


@pytest.mark.parametrize("damage", ["delete", "truncate", "zeroes", "empty"])
@pytest.mark.parametrize("segment", [0, 1], ids=["large-segment", "small-segment"])
def test_a_damaged_copy_is_rewritten_and_searches_do_not_change(
    index_dir: Path, damage: str, segment: int
) -> None:
    expected = _search(index_dir)
    assert all(total for total, _ in expected)
    target = _copy_paths(index_dir)[segment]
    original = _copied_terms(index_dir, target)
    data = target.read_bytes()
    if damage == "delete":
        target.unlink()
    elif damage == "truncate":
        target.write_bytes(data[: len(data) // 2])
    elif damage == "zeroes":
        target.write_bytes(b"\0" * len(data))
    else:
        target.write_bytes(b"")
    assert open_copy(target) is None
    assert _search(index_dir) == expected  # Whoosh ranks the segment meanwhile

    assert _repair(index_dir) == [_segment_ids(index_dir)[segment]]
    assert _copied_terms(index_dir, target) == original
    assert _search(index_dir) == expected
    assert _repair(index_dir) == []  # once repaired, it stays repaired
    leftovers = [p.name for p in index_dir.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_rewritten_copy_holds_weights_for_the_ranked_field_only(index_dir: Path) -> None:
    target = _copy_paths(index_dir)[1]
    target.unlink()
    _repair(index_dir)
    terms = _copied_terms(index_dir, target)
    assert {field for field, _ in terms} == set(COPIED_FIELDS)
    for (field, _term), (ids, weights) in terms.items():
        assert (weights is not None) == (field in WEIGHTED_FIELDS)
        assert ids == sorted(ids)
    assert terms["body", b"han"] == ([0, 1, 2], [4.0, 4.0, 4.0])  # twice in title and body


def test_an_empty_index_has_nothing_to_repair(tmp_path: Path) -> None:
    index_dir = tmp_path / "empty"
    update_index([write_corpus(tmp_path / "nothing", {})], index_dir)
    assert _repair(index_dir) == []
