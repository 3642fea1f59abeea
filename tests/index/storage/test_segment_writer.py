"""The lean segment writer against Whoosh's own: same terms, postings, lengths, stored fields.

Both write real indexes on disk from the same documents; only Whoosh's readers compare them.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, NamedTuple

from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from index.engine import Engine
from index.storage.codec import COPIED_FIELDS, TimTinCodec
from index.storage.open_index import create_fresh
from index.storage.postings_file import EXTENSION, open_postings
from index.storage.schema import SCORED_FIELDS, document_fields
from index.storage.segment_writer import InvertingSegmentWriter
from index.storage.writers import merge_small_segments
from index.text.documents import read_document
from tests.conftest import write_corpus

DOCS = 300
FILLER = ["bạn", "bán", "bàn", "bản", "ban", "hòa", "hoà", "thủy", "thuỷ", "Đắk", "Lắk", "luật"]


def _article(n: int) -> str:
    """Document `n`: words in every document (several postings blocks), in some, in one only;
    repeated words with counts varying inside a block, and a word always counted twice."""
    rng = random.Random(n)
    lines = [
        f"Bản tin số {n}: {rng.choice(FILLER)} {rng.choice(FILLER)}",
        f"{n % 28 + 1:02d}/03/2024",
    ]
    lines.append(" ".join(["Kinh tế"] * rng.randint(1, 4)) + f" tăng trưởng riêng{n:03d}.")
    if n % 3:
        lines.append(" ".join(["Người dân"] * rng.randint(1, 3)) + " ở Hà Nội.")
    if n % 2 == 0:
        lines.append("Hà Nội mùa thu, Hà Nội đông người.")
    if n % 7 == 0:
        lines.append("Chủ tịch nước chủ tịch nước.")
    if n % 5 == 0:
        lines.append("Nước sông Hồng.")
    lines.append(" ".join(rng.choice(FILLER) for _ in range(rng.randint(0, 12))) + ".")
    return "\n".join(lines) + "\n"


def _documents(folder: Path, numbers: range) -> list[dict[str, Any]]:
    corpus = write_corpus(folder, {f"tin{n:03d}.txt": _article(n) for n in numbers})
    return [document_fields(read_document(corpus / f"tin{n:03d}.txt")) for n in numbers]


def _index(index_dir: Path, docs: list[dict[str, Any]], writer_class: type) -> Any:
    ix = create_fresh(index_dir, [])
    writer = writer_class(ix, compound=False, codec=TimTinCodec())
    for fields in docs:
        writer.add_document(**fields)
    writer.commit()
    return ix


class TermStats(NamedTuple):
    """One term of one field as Whoosh's reader sees it."""

    doc_frequency: int
    frequency: float
    bounds: tuple[int, int, float]  # the term info's min_id, max_id and max_weight
    ids: list[int]
    postings: list[tuple[int, float, Any]]  # document, weight, value


def _postings(reader: Any, field: str, term: bytes) -> list[tuple[int, float, Any]]:
    matcher = reader.postings(field, term)
    items = []
    while matcher.is_active():
        items.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return items


def _snapshot(ix: Any) -> dict[str, Any]:
    """Everything a search can read of an index, through Whoosh's reader."""
    with ix.reader() as reader:
        terms: dict[str, list[bytes]] = {}
        for field, term in reader.all_terms():
            terms.setdefault(field, []).append(term)
        postings = {}
        for field, field_terms in terms.items():
            for term in field_terms:
                info = reader.term_info(field, term)
                postings[field, term] = TermStats(
                    reader.doc_frequency(field, term),
                    reader.frequency(field, term),
                    (info.min_id(), info.max_id(), info.max_weight()),
                    list(reader.postings(field, term).all_ids()),
                    _postings(reader, field, term),
                )
        count = reader.doc_count_all()
        scorable = list(ix.schema.scorable_names())
        return {
            "doc_count": count,
            "terms": terms,
            "postings": postings,
            "stored": [reader.stored_fields(n) for n in range(count)],
            "lengths": [
                [reader.doc_field_length(n, name) for name in scorable] for n in range(count)
            ],
            "field_lengths": {name: reader.field_length(name) for name in scorable},
        }


def _copies(index_dir: Path, snapshot: dict[str, Any]) -> dict[tuple[str, bytes], Any]:
    """Every ranked term's arrays in the index's one postings file."""
    (path,) = index_dir.glob(f"*{EXTENSION}")
    copy = open_postings(path)
    assert copy is not None
    try:
        arrays = {}
        for field, term in snapshot["postings"]:
            if field in COPIED_FIELDS:
                found = copy.postings(field, term)
                assert found is not None, (field, term)
                weights = None if found.weights is None else list(found.weights)
                arrays[field, term] = (list(found.ids), weights)
        return arrays
    finally:
        copy.close()


def test_lean_writer_stores_what_whooshs_writer_stores(tmp_path: Path) -> None:
    docs = _documents(tmp_path / "corpus", range(DOCS))
    lean = _snapshot(_index(tmp_path / "lean", docs, InvertingSegmentWriter))
    whoosh = _snapshot(_index(tmp_path / "whoosh", docs, SegmentWriter))

    # The corpus covers what the writers could differ on.
    assert lean["doc_count"] == DOCS
    kinh = lean["postings"]["body", b"kinh"]  # three blocks, weights differing in the first
    assert kinh.doc_frequency == DOCS and len({weight for _, weight, _ in kinh.postings[:128]}) > 1
    chu = lean["postings"]["body", b"chu"]  # a block of equal weights
    assert {weight for _, weight, _ in chu.postings} == {2.0} and chu.bounds[2] == 2.0
    assert lean["postings"]["body_exact", "riêng007".encode()].ids == [7]
    assert set(lean["terms"]) >= {"path", "title", "title_exact", "body", "body_exact", "shingles"}

    assert lean["terms"] == whoosh["terms"]
    for key, expected in whoosh["postings"].items():
        assert lean["postings"][key] == expected, key
    assert lean["stored"] == whoosh["stored"]
    assert lean["lengths"] == whoosh["lengths"]
    assert lean["field_lengths"] == whoosh["field_lengths"]
    assert lean == whoosh


def test_lean_writer_writes_the_same_postings_file(tmp_path: Path) -> None:
    docs = _documents(tmp_path / "corpus", range(DOCS))
    lean_ix = _index(tmp_path / "lean", docs, InvertingSegmentWriter)
    whoosh_ix = _index(tmp_path / "whoosh", docs, SegmentWriter)
    snapshot = _snapshot(whoosh_ix)
    lean = _copies(tmp_path / "lean", _snapshot(lean_ix))
    whoosh = _copies(tmp_path / "whoosh", snapshot)
    assert {field for field, _ in lean} == set(COPIED_FIELDS)
    assert lean == whoosh
    # And both files hold what Whoosh's postings hold: weights for the ranked body only.
    for (field, term), (ids, weights) in lean.items():
        postings = snapshot["postings"][field, term].postings
        assert ids == [docnum for docnum, _, _ in postings]
        expected = [weight for _, weight, _ in postings] if field in SCORED_FIELDS else None
        assert weights == expected, (field, term)
    assert len(lean["body", b"kinh"][0]) == DOCS


def _segments(index_dir: Path) -> list[int]:
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        return [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()]


def _index_in_two_commits(
    index_dir: Path,
    roots: list[str],
    first: list[dict[str, Any]],
    second: list[dict[str, Any]],
    writer_class: type,
) -> None:
    """`first` committed as a segment of its own, then `second` with the small-segment merge."""
    ix = create_fresh(index_dir, roots)
    writer = writer_class(ix, compound=False, codec=TimTinCodec())
    for fields in first:
        writer.add_document(**fields)
    writer.commit(merge=False)
    assert _segments(index_dir) == [len(first)]
    writer = writer_class(ix, compound=False, codec=TimTinCodec())
    for fields in second:
        writer.add_document(**fields)
    writer.commit(mergetype=merge_small_segments)


FLOOD = "Lũ lụt ở miền Trung {n}\n01/10/2024\nLũ lụt kéo dài, người dân miền Trung sơ tán.\n"
DROUGHT = "Hạn hán ở miền Trung {n}\n02/04/2024\nHạn hán, người dân miền Trung thiếu nước.\n"


def test_a_small_segment_is_merged_into_the_next_commit(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "corpus",
        {
            **{f"lu{n:02d}.txt": FLOOD.format(n=n) for n in range(10)},
            **{f"han{n:02d}.txt": DROUGHT.format(n=n) for n in range(5)},
        },
    )
    floods = [document_fields(read_document(corpus / f"lu{n:02d}.txt")) for n in range(10)]
    droughts = [document_fields(read_document(corpus / f"han{n:02d}.txt")) for n in range(5)]
    index_dir = tmp_path / "idx"
    _index_in_two_commits(index_dir, [str(corpus)], floods, droughts, InvertingSegmentWriter)
    assert _segments(index_dir) == [15]

    engine = Engine(index_dir)
    try:
        for query, total in (("lu lut", 10), ("hạn hán", 5), ("mien trung", 15), ("nguoi dan", 15)):
            result = engine.search(query, limit=20)
            assert result.total == total, query
            assert len({hit.path for hit in result.hits}) == total
            whoosh = engine.search(query, limit=20, exhaustive=True)
            assert sorted(hit.path for hit in whoosh.hits) == sorted(
                hit.path for hit in result.hits
            )
        assert engine.doc_count() == 15
    finally:
        engine.close()

    # The merged segment holds what Whoosh's writer makes of the same two commits (Whoosh's
    # merge sums the documents' byte-rounded lengths, so the body's total grows alike in both).
    reference = tmp_path / "reference"
    _index_in_two_commits(reference, [], floods, droughts, SegmentWriter)
    merged = _snapshot(whoosh_index.open_dir(str(index_dir)))
    expected = _snapshot(whoosh_index.open_dir(str(reference)))
    assert merged == expected
    assert _copies(index_dir, merged) == _copies(reference, expected)
