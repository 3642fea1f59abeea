"""Whoosh's terms reader over the postings file: matchers, statistics and listings as W3's.

A real index in tmp_path written by the lean writer; Whoosh's own reading of the same terms
(test_codec) is the reference for the whole segment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh.reading import TermNotFound

from index.storage.codec import TimTinCodec
from index.storage.open_index import create_fresh
from index.storage.postings_terms import PostingsMatcher, TimTinTermsReader
from index.storage.schema import document_fields
from index.storage.segment_writer import InvertingSegmentWriter
from index.text.documents import Document


def _doc(n: int) -> dict[str, Any]:
    body = "Người dân vui. " * (n % 3 + 1) + ("Chủ tịch nước.\n" if n % 4 == 0 else "")
    return document_fields(
        Document(f"/tin/{n:03d}.txt", f"Tin {n}", "", body, len(body), 0.0, f"{n:032x}", "utf-8")
    )


@pytest.fixture
def reader(tmp_path: Path) -> Any:
    ix = create_fresh(tmp_path / "index", [])
    writer = InvertingSegmentWriter(ix, compound=False, codec=TimTinCodec())
    for n in range(300):
        writer.add_document(**_doc(n))
    writer.commit()
    opened = ix.reader()
    yield opened
    opened.close()


def test_the_segment_reads_its_syllable_fields_from_the_postings_file(reader: Any) -> None:
    assert isinstance(reader._terms, TimTinTermsReader)
    matcher = reader.postings("body", b"vui")
    assert isinstance(matcher, PostingsMatcher)


def test_statistics_come_from_the_postings(reader: Any) -> None:
    info = reader.term_info("body", b"vui")
    assert info.doc_frequency() == 300
    assert info.weight() == sum(n % 3 + 1 for n in range(300))
    assert info.max_weight() == 3.0
    assert (info.min_id(), info.max_id()) == (0, 299)
    assert reader.doc_frequency("shingles", b"chu tich") == 75
    assert reader.frequency("body", b"vui") == info.weight()
    assert ("body", b"vui") in reader and ("body", b"buon") not in reader
    assert reader.doc_frequency("body", b"buon") == 0
    with pytest.raises(TermNotFound):
        reader.term_info("body", b"buon")


def test_a_matcher_skips_and_weighs_like_whooshs(reader: Any) -> None:
    matcher = reader.postings("shingles", b"chu tich")
    matcher.skip_to(10)
    assert matcher.id() == 12
    copied = matcher.copy()
    matcher.next()
    assert (matcher.id(), copied.id()) == (16, 12)
    assert matcher.weight() == 1.0
    body = reader.postings("body", b"vui")
    body.skip_to(5)
    assert (body.id(), body.weight(), body.value_as("frequency")) == (5, 3.0, 3)
    assert not body.supports_block_quality()


def test_prefix_listings_stop_at_the_field(reader: Any) -> None:
    assert [term for term, _ in reader.iter_prefix("shingles", "dan")] == [b"dan vui"]
    assert list(reader.expand_prefix("body", "ch")) == [b"chu"]
    assert "body" in reader.indexed_field_names() and "path" in reader.indexed_field_names()
    fields = [field for field, _ in reader.all_terms()]
    assert fields == sorted(fields)  # every field once, in name order


def test_a_term_in_one_segment_of_several_is_listed_with_its_place_in_the_index(
    tmp_path: Path,
) -> None:
    """Whoosh shifts such a term's first and last documents by its segment's offset; typing a
    word pair found in one segment only once failed there (the bench's keystrokes at 1,000)."""
    ix = create_fresh(tmp_path / "index", [])
    for first in (0, 300):
        writer = InvertingSegmentWriter(ix, compound=False, codec=TimTinCodec())
        for n in range(first, first + 300):
            writer.add_document(**_doc(n))
        if first:
            body = "Đà Lạt sương mù.\n"
            fields = Document("/tin/dl.txt", "Đà Lạt", "", body, len(body), 0.0, "f" * 32, "utf-8")
            writer.add_document(**document_fields(fields))
        writer.commit(merge=False)
    with ix.reader() as reader:
        assert len(list(reader.leaf_readers())) == 2
        listed = dict(reader.iter_prefix("shingles", "da lat"))
        info = listed[b"da lat"]
        assert (info.doc_frequency(), info.min_id(), info.max_id()) == (1, 600, 600)
        both = reader.term_info("body", b"vui")
        assert (both.doc_frequency(), both.min_id(), both.max_id()) == (600, 0, 599)
