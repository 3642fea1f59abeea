"""The postings copy file: what is written reads back, and a damaged file is refused.

Real files in tmp_path; the codec's use of it is covered by test_fast_rank.
"""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from index.storage.postings_copy import PostingsCopyWriter, open_copy, term_key


def _write(path: Path, terms: dict[tuple[str, str], tuple[list[int], list[float] | None]]) -> None:
    with open(path, "wb") as file:
        writer = PostingsCopyWriter(file)
        for (field, term), (ids, weights) in terms.items():
            copied = array("f", weights) if weights is not None else None
            writer.add(field, term.encode("utf-8"), array("I", ids), copied)
        writer.close()


TERMS: dict[tuple[str, str], tuple[list[int], list[float] | None]] = {
    ("body", "nguoi"): ([0, 3, 7, 1000], [1.0, 4.0, 2.0, 9.0]),
    ("body_exact", "người"): ([3, 7], None),
    ("shingles", "chu tich"): ([5], None),
    ("title", "nguoi"): ([7], None),
}


def test_every_term_reads_back_with_its_weights(tmp_path: Path) -> None:
    _write(tmp_path / "seg.tps", TERMS)
    copy = open_copy(tmp_path / "seg.tps")
    assert copy is not None
    for (field, term), (ids, weights) in TERMS.items():
        postings = copy.postings(term_key(field, term.encode("utf-8")))
        assert postings is not None
        assert list(postings.ids) == ids
        assert (list(postings.weights) if postings.weights is not None else None) == weights
    assert copy.doc_count == 1001
    copy.close()


def test_a_term_of_another_field_or_absent_is_not_found(tmp_path: Path) -> None:
    _write(tmp_path / "seg.tps", TERMS)
    copy = open_copy(tmp_path / "seg.tps")
    assert copy is not None
    assert copy.postings(term_key("title", "người".encode())) is None
    assert copy.postings(term_key("body", b"dan")) is None
    copy.close()


def test_an_empty_segment_has_a_readable_copy(tmp_path: Path) -> None:
    _write(tmp_path / "seg.tps", {})
    copy = open_copy(tmp_path / "seg.tps")
    assert copy is not None and copy.postings(term_key("body", b"a")) is None
    copy.close()


@pytest.mark.parametrize("damage", ["truncate", "garbage", "missing"])
def test_a_damaged_or_missing_copy_is_refused(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "seg.tps"
    _write(path, TERMS)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\0" * len(data))
    else:
        path.unlink()
    assert open_copy(path) is None


def test_terms_across_many_directory_blocks_all_read_back(tmp_path: Path) -> None:
    terms = {("shingles", f"từ {n}"): ([n, n + 1, 3 * n + 7], None) for n in range(1000)}
    _write(tmp_path / "seg.tps", terms)
    copy = open_copy(tmp_path / "seg.tps")
    assert copy is not None
    for (field, term), (ids, _) in terms.items():
        postings = copy.postings(term_key(field, term.encode("utf-8")))
        assert postings is not None and list(postings.ids) == ids
    assert copy.postings(term_key("shingles", "từ 1000".encode())) is None
    copy.close()
