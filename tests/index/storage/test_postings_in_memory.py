"""InvertedPostings: a segment's postings gathered in memory, in the kind each field needs.

Checked directly and through a real index written from it, read back with Whoosh's reader.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema
from whoosh.system import pack_uint

from index.storage.codec import TimTinCodec
from index.storage.open_index import create_fresh
from index.storage.postings_in_memory import (
    COUNTS,
    GENERAL,
    PRESENCE,
    InvertedPostings,
    PostingsKind,
    kind_of,
)
from index.storage.schema import DocumentSchema
from index.storage.segment_writer import InvertingSegmentWriter

SCHEMA = DocumentSchema()


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("body", COUNTS),  # BM25 needs term counts
        ("body_exact", PRESENCE),  # the ranking tiers only ask whether a document holds it
        ("title_exact", PRESENCE),
        ("shingles", PRESENCE),
        ("title", GENERAL),  # positions, for phrases in titles
        ("path", GENERAL),  # not a syllable field
        ("date_key", GENERAL),
    ],
)
def test_each_field_of_the_schema_is_kept_as_it_needs(field: str, kind: PostingsKind) -> None:
    assert kind_of(SCHEMA[field]) is kind
    assert InvertedPostings(SCHEMA).is_lean(field) is (kind is not GENERAL)


def test_a_plain_whoosh_text_field_is_general() -> None:
    assert kind_of(TEXT()) is GENERAL and kind_of(ID()) is GENERAL
    assert not InvertedPostings(Schema(body=TEXT())).is_lean("body")


def test_whole_documents_and_single_postings_gather_alike() -> None:
    # add_terms takes a document's terms at once; add takes Whoosh's pool items (merges).
    lean, pooled = InvertedPostings(SCHEMA), InvertedPostings(SCHEMA)
    documents = [Counter({"ha": 2, "noi": 1}), Counter({"noi": 3}), Counter({"ha": 1})]
    for docnum, counts in enumerate(documents):
        lean.add_terms("body", docnum, counts)
        lean.add_terms("body_exact", docnum, set(counts))
        for term, count in counts.items():
            pooled.add(("body", term.encode(), docnum, float(count), pack_uint(count)))
            pooled.add(("body_exact", term.encode(), docnum, 1.0, None))
    for postings in (lean, pooled):
        (_, body), (_, exact) = postings.fields()
        assert dict(body.ids) == {"ha": [0, 2], "noi": [0, 1]}
        assert dict(body.counts) == {"ha": [2, 1], "noi": [1, 3]}
        assert dict(exact.ids) == {"ha": [0, 2], "noi": [0, 1]} and not exact.counts


def test_general_fields_keep_whooshs_postings_and_fields_come_in_name_order() -> None:
    postings = InvertedPostings(SCHEMA)
    postings.add(("title", b"ha", 0, 1.0, b"\x01"))
    postings.add(("path", b"/a.txt", 0, 1.0, None))
    postings.add_terms("shingles", 0, {"ha noi"})
    assert [name for name, _ in postings.fields()] == ["path", "shingles", "title"]
    title = dict(postings.fields())["title"]
    assert title.general == {b"ha": [(0, 1.0, b"\x01")]}
    postings.cleanup()
    assert list(postings.fields()) == []


def test_what_is_gathered_is_what_whoosh_reads_back(tmp_path: Path) -> None:
    ix = create_fresh(tmp_path / "index", [])
    writer = InvertingSegmentWriter(ix, compound=False, codec=TimTinCodec())
    bodies = ["Hà Nội, Hà Nội mùa thu", "Nội dung", "Hà Giang"]
    for n, body in enumerate(bodies):
        writer.add_document(path=f"/{n}.txt", title=body, body=body, body_exact=body)
    assert isinstance(writer.pool, InvertedPostings)
    writer.commit()
    with whoosh_index.open_dir(str(tmp_path / "index")).reader() as reader:
        assert list(reader.postings("body", b"ha").items_as("weight")) == [(0, 2.0), (2, 1.0)]
        assert list(reader.postings("body", b"noi").items_as("weight")) == [(0, 2.0), (1, 1.0)]
        assert list(reader.postings("body_exact", "hà".encode()).all_ids()) == [0, 2]
        assert list(reader.postings("title", b"noi").items_as("positions")) == [
            (0, [1, 3]),
            (1, [0]),
        ]
        assert list(reader.lexicon("path")) == [b"/0.txt", b"/1.txt", b"/2.txt"]
