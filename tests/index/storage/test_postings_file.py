"""The postings file: what is written reads back, in order, and a damaged file is refused.

Real files in tmp_path; Whoosh's reading of it is covered by test_codec and test_postings_terms.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.storage.postings_file import PostingsDamaged, PostingsFileWriter, open_postings

Terms = dict[tuple[str, str], tuple[list[int], list[int] | None]]


def _write(path: Path, terms: Terms, copies: frozenset[str] = frozenset()) -> None:
    with open(path, "wb") as file:
        writer = PostingsFileWriter(file)
        for field, term in sorted(terms, key=lambda key: (key[0], key[1].encode("utf-8"))):
            ids, counts = terms[(field, term)]
            writer.add(field, term.encode("utf-8"), ids, counts, owned=field not in copies)
        writer.close()


TERMS: Terms = {
    ("body", "nguoi"): ([0, 3, 7, 1000], [1, 4, 2, 900]),
    ("body", "dan"): (list(range(0, 3000, 2)), [1] * 1500),  # gaps of a byte
    ("body", "xa"): ([5, 70_000, 200_000], [70_000, 1, 2]),  # numbers past two bytes
    ("body_exact", "người"): ([3, 7], None),
    ("body_exact", "dân"): ([1, 40_000, 80_000], None),  # gaps of two bytes
    ("shingles", "chu tich"): ([5], None),
    ("title", "nguoi"): ([7], None),
}


def test_every_term_reads_back_with_its_counts(tmp_path: Path) -> None:
    _write(tmp_path / "seg.tps", TERMS, frozenset({"title"}))
    postings_file = open_postings(tmp_path / "seg.tps")
    assert postings_file is not None
    for (field, term), (ids, counts) in TERMS.items():
        postings = postings_file.postings(field, term.encode("utf-8"))
        assert postings is not None
        assert list(postings.ids) == ids
        assert (list(postings.weights) if postings.weights is not None else None) == counts
    assert postings_file.doc_count == 200_001
    assert postings_file.fields["title"].owned is False
    assert postings_file.fields["body"].owned is True
    postings_file.close()


def test_a_term_of_another_field_or_absent_is_not_found(tmp_path: Path) -> None:
    _write(tmp_path / "seg.tps", TERMS)
    postings_file = open_postings(tmp_path / "seg.tps")
    assert postings_file is not None
    assert postings_file.postings("title", "người".encode()) is None
    assert postings_file.postings("body", b"a") is None  # before the first term
    assert postings_file.postings("body", b"zz") is None  # after the last
    assert postings_file.postings("path", b"nguoi") is None  # a field it does not hold
    postings_file.close()


def test_an_empty_segment_has_a_readable_file(tmp_path: Path) -> None:
    _write(tmp_path / "seg.tps", {})
    postings_file = open_postings(tmp_path / "seg.tps")
    assert postings_file is not None and postings_file.postings("body", b"a") is None
    postings_file.close()


@pytest.mark.parametrize("damage", ["truncate", "garbage", "missing"])
def test_a_damaged_or_missing_file_is_refused(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "seg.tps"
    _write(path, TERMS)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\0" * len(data))
    else:
        path.unlink()
    assert open_postings(path) is None


def test_terms_across_many_directory_blocks_read_back_and_list_in_order(tmp_path: Path) -> None:
    terms: Terms = {("shingles", f"từ {n:04d}"): ([n, n + 1, 3 * n + 7], None) for n in range(1000)}
    terms[("title_exact", "một")] = ([2], None)
    _write(tmp_path / "seg.tps", terms)
    postings_file = open_postings(tmp_path / "seg.tps")
    assert postings_file is not None
    for (field, term), (ids, _) in terms.items():
        postings = postings_file.postings(field, term.encode("utf-8"))
        assert postings is not None and list(postings.ids) == ids
    assert postings_file.postings("shingles", "từ 1000".encode()) is None
    listed = [
        entry.name.decode() for entry in postings_file.entries_from("shingles", "từ 0990".encode())
    ]
    assert listed == [f"từ {n:04d}" for n in range(990, 1000)]
    assert [entry.count for entry in postings_file.entries_from("title_exact", b"")] == [1]
    postings_file.close()


def test_terms_out_of_order_are_refused(tmp_path: Path) -> None:
    with open(tmp_path / "seg.tps", "wb") as file:
        writer = PostingsFileWriter(file)
        writer.add("body", b"b", [1], [1])
        with pytest.raises(ValueError):
            writer.add("body", b"a", [2], [1])


def test_damaged_postings_are_refused_when_read(tmp_path: Path) -> None:
    # Zeroes that keep the file's size pass the open; the term's checksum catches them.
    path = tmp_path / "seg.tps"
    _write(path, TERMS)
    postings_file = open_postings(path)
    assert postings_file is not None
    end = postings_file.postings_end
    postings_file.close()
    data = path.read_bytes()
    path.write_bytes(bytes(end) + data[end:])
    postings_file = open_postings(path)
    assert postings_file is not None
    with pytest.raises(PostingsDamaged):
        postings_file.postings("body", b"nguoi")
    postings_file.close()
