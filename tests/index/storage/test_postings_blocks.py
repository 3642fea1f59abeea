"""encode_postings and term_info: a term's postings written at once read back through Whoosh.

Files on disk in a Whoosh FileStorage; Whoosh's W3 reader and its own writer are the reference.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Existence, Frequency
from whoosh.system import pack_uint

from index.storage.postings_blocks import BLOCK_LIMIT, encode_postings, term_info


def _read(storage: FileStorage, name: str, info: bytes, format_: Any) -> tuple[Any, list[Any]]:
    """The term info and (id, weight, count or None) postings Whoosh reads from `name`."""
    terminfo = W3TermInfo.from_bytes(info)
    dbfile = storage.open_file(name)
    try:
        matcher = W3Codec().postings_reader(dbfile, terminfo, format_)
        postings = []
        while matcher.is_active():
            count = matcher.value_as("frequency") if isinstance(format_, Frequency) else None
            postings.append((matcher.id(), matcher.weight(), count))
            matcher.next()
        return terminfo, postings
    finally:
        dbfile.close()


def _encode_to_file(
    storage: FileStorage, name: str, ids: list[int], counts: list[int] | None, offset: int = 0
) -> bytes:
    data, total, max_weight = encode_postings(ids, counts)
    out = storage.create_file(name)
    out.write(b"\xaa" * offset)  # postings of earlier terms
    out.write(data)
    out.close()
    return term_info(ids, total, max_weight, offset, len(data))


def _whoosh_writes(
    storage: FileStorage, name: str, ids: list[int], counts: list[int] | None, format_: Any
) -> bytes:
    """What Whoosh's own postings writer stores for the same postings."""
    out = storage.create_file(name)
    writer = W3PostingsWriter(out, blocklimit=BLOCK_LIMIT)
    info = W3TermInfo()
    writer.start_postings(format_, info)
    for index, docnum in enumerate(ids):
        count = 1 if counts is None else counts[index]
        writer.add_posting(docnum, float(count), pack_uint(count) if counts else b"")
    writer.finish_postings()
    out.close()
    return info.to_bytes()


def _postings(rng: random.Random, size: int, weighted: bool) -> tuple[list[int], list[int] | None]:
    ids = sorted(rng.sample(range(size * 4 + 10), size))
    counts = [rng.choice([1, 1, 2, 3, 7, 40]) for _ in ids] if weighted else None
    return ids, counts


@pytest.mark.parametrize("size", [1, 2, 127, 128, 129, 300, 1000])
@pytest.mark.parametrize("weighted", [True, False], ids=["frequency", "existence"])
def test_postings_read_back_as_whooshs_writer_stores_them(
    tmp_path: Path, size: int, weighted: bool
) -> None:
    storage = FileStorage(str(tmp_path))
    format_ = Frequency() if weighted else Existence()
    ids, counts = _postings(random.Random(size), size, weighted)
    ours = _read(storage, "ours", _encode_to_file(storage, "ours", ids, counts, 17), format_)
    whoosh = _read(
        storage, "whoosh", _whoosh_writes(storage, "whoosh", ids, counts, format_), format_
    )

    info, postings = ours
    assert [docnum for docnum, _, _ in postings] == ids
    expected_weights = [1.0] * size if counts is None else [float(c) for c in counts]
    assert [weight for _, weight, _ in postings] == expected_weights
    if counts is not None:
        assert [count for _, _, count in postings] == counts
    assert postings == whoosh[1]
    for stat in ("doc_frequency", "weight", "min_id", "max_id", "max_weight"):
        assert getattr(info, stat)() == getattr(whoosh[0], stat)(), stat


def test_the_total_and_highest_weight_are_returned() -> None:
    _, total, highest = encode_postings([3, 9, 12], [2, 5, 1])
    assert (total, highest) == (8.0, 5.0)
    _, total, highest = encode_postings([3, 9, 12], None)
    assert (total, highest) == (3.0, 1.0)


def test_equal_weights_and_all_ones_read_back_in_a_long_list(tmp_path: Path) -> None:
    # Whoosh stores a block of equal weights as one number, all ones as none at all.
    storage = FileStorage(str(tmp_path))
    ids = list(range(0, 600, 2))
    counts = [2] * 128 + [1] * 128 + [5, 6] * 22
    info, postings = _read(storage, "p", _encode_to_file(storage, "p", ids, counts), Frequency())
    assert [weight for _, weight, _ in postings] == [float(c) for c in counts]
    assert info.max_weight() == 6.0 and info.doc_frequency() == len(ids)


def test_whoosh_skips_through_many_blocks_to_a_document(tmp_path: Path) -> None:
    storage = FileStorage(str(tmp_path))
    ids = list(range(0, 3000, 3))
    info = W3TermInfo.from_bytes(_encode_to_file(storage, "p", ids, None))
    dbfile = storage.open_file("p")
    try:
        matcher = W3Codec().postings_reader(dbfile, info, Existence())
        matcher.skip_to(2000)
        assert matcher.id() == 2001
        assert list(matcher.all_ids()) == [docnum for docnum in ids if docnum >= 2000]
    finally:
        dbfile.close()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 5000), min_size=1, max_size=400, unique=True).map(sorted),
    st.data(),
)
def test_any_sorted_postings_round_trip(ids: list[int], data: st.DataObject) -> None:
    counts = data.draw(
        st.none() | st.lists(st.integers(1, 300), min_size=len(ids), max_size=len(ids))
    )
    format_ = Existence() if counts is None else Frequency()
    with tempfile.TemporaryDirectory() as folder:
        storage = FileStorage(folder)
        info, postings = _read(storage, "p", _encode_to_file(storage, "p", ids, counts, 5), format_)
    assert [docnum for docnum, _, _ in postings] == ids
    weights = [1.0] * len(ids) if counts is None else [float(c) for c in counts]
    assert [weight for _, weight, _ in postings] == weights
    assert (info.min_id(), info.max_id(), info.doc_frequency()) == (ids[0], ids[-1], len(ids))
    assert info.weight() == sum(weights) and info.max_weight() == max(weights)
