"""TimTinCodec: Whoosh reads the same terms and postings as from its own W3 format.

Real indexes in tmp_path, written by Whoosh's writer, the lean writer and a merge; the same
documents written by Whoosh's own codec are the reference.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.query import Phrase, Prefix, Term
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from index.storage.codec import COPIED_FIELDS, TimTinCodec
from index.storage.open_index import create_fresh
from index.storage.postings_file import EXTENSION, open_postings
from index.storage.schema import SCORED_FIELDS, document_fields
from index.storage.segment_writer import InvertingSegmentWriter
from index.text.document_terms import document_terms
from index.text.documents import Document

DOCS = 150  # "nguoi" is in every document: more than one postings block of 128


def _doc(n: int) -> dict[str, Any]:
    title = f"Người dân Hà Nội số {n}" if n % 2 else f"Tin miền Trung số {n}"
    body = f"{title}\n0{n % 9 + 1}/01/2025\n" + "Người dân vui. " * (n % 4 + 1)
    if n % 5 == 0:
        body += "Chủ tịch nước tiếp đoàn.\n"
    return document_fields(
        Document(f"/tin/{n:03d}.txt", title, "", body, len(body), 0.0, f"{n:032x}", "utf-8")
    )


def _write(ix: Any, writer_class: type, numbers: range, codec: Any = None, **commit: Any) -> None:
    writer = writer_class(ix, compound=False, codec=codec or TimTinCodec())
    for n in numbers:
        writer.add_document(**_doc(n))
    writer.commit(**commit)


def _postings(reader: Any, field: str, term: bytes) -> tuple[list[int], list[float]]:
    matcher = reader.postings(field, term)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def _everything(index_dir: Path) -> dict[tuple[str, bytes], tuple[int, Any]]:
    """Every term Whoosh reads, with its document count and postings (documents by path,
    which a merge renumbers)."""
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        found = {}
        for field, term in reader.all_terms():
            ids, weights = _postings(reader, field, term)
            paths = [reader.stored_fields(doc)["path"] for doc in ids]
            found[(field, term)] = (
                reader.doc_frequency(field, term),
                sorted(zip(paths, weights, strict=True)),
            )
        return found


def _whoosh_reference(tmp_path: Path, numbers: range) -> dict[tuple[str, bytes], tuple[int, Any]]:
    ix = create_fresh(tmp_path / "reference", [])
    _write(ix, SegmentWriter, numbers, codec=W3Codec())
    return _everything(tmp_path / "reference")


def _check_copies(index_dir: Path) -> dict[str, int]:
    """Every segment's postings file holds exactly Whoosh's postings of the fields the fast
    ranker reads; returns how many terms each field had."""
    checked: dict[str, int] = {}
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        for leaf, _ in reader.leaf_readers():
            copy = open_postings(index_dir / leaf.segment().make_filename(EXTENSION))
            assert copy is not None, "every segment has a readable postings file"
            try:
                for field, term in leaf.all_terms():
                    found = copy.postings(field, term)
                    if field not in COPIED_FIELDS:
                        assert found is None, (field, term)
                        continue
                    ids, weights = _postings(leaf, field, term)
                    assert found is not None and list(found.ids) == ids, (field, term)
                    if field in SCORED_FIELDS:
                        assert found.weights is not None and list(found.weights) == weights
                    else:
                        assert found.weights is None
                    checked[field] = checked.get(field, 0) + 1
            finally:
                copy.close()
    return checked


@pytest.mark.parametrize("writer_class", [SegmentWriter, InvertingSegmentWriter])
def test_whoosh_reads_what_its_own_format_holds(tmp_path: Path, writer_class: type) -> None:
    ix = create_fresh(tmp_path / "index", [])
    _write(ix, writer_class, range(DOCS))
    assert _everything(tmp_path / "index") == _whoosh_reference(tmp_path, range(DOCS))
    checked = _check_copies(tmp_path / "index")
    assert set(checked) == set(COPIED_FIELDS)
    with ix.reader() as reader:
        ids, weights = _postings(reader, "body", b"nguoi")
    assert len(ids) == DOCS and len(set(weights)) > 1  # differing weights


def test_the_syllable_fields_are_stored_once(tmp_path: Path) -> None:
    ix = create_fresh(tmp_path / "index", [])
    _write(ix, InvertingSegmentWriter, range(DOCS))
    with ix.reader() as reader:
        [(leaf, _)] = list(reader.leaf_readers())
        whoosh_fields = set(leaf._terms._whoosh.indexed_field_names())
    # Whoosh's own files keep the fields it alone reads: paths, dates, kinds, titles.
    assert whoosh_fields == {"path", "date_key", "kind", "title"}


def test_a_merged_segment_gets_its_postings_too(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    ix = create_fresh(index_dir, [])
    _write(ix, InvertingSegmentWriter, range(0, 60), merge=False)
    _write(ix, InvertingSegmentWriter, range(60, 100), merge=False)
    _write(ix, InvertingSegmentWriter, range(100, DOCS), optimize=True)
    with ix.reader() as reader:
        assert [leaf.doc_count_all() for leaf, _ in reader.leaf_readers()] == [DOCS]
    assert len(list(index_dir.glob(f"*{EXTENSION}"))) == 1
    assert set(_check_copies(index_dir)) == set(COPIED_FIELDS)
    assert _everything(index_dir) == _whoosh_reference(tmp_path, range(DOCS))


def test_prefixes_list_the_terms_whoosh_lists(tmp_path: Path) -> None:
    ix = create_fresh(tmp_path / "index", [])
    _write(ix, InvertingSegmentWriter, range(DOCS))
    reference = create_fresh(tmp_path / "reference", [])
    _write(reference, SegmentWriter, range(DOCS), codec=W3Codec())
    for opened in (ix, reference):
        with opened.searcher() as searcher:
            reader = searcher.reader()
            found = (
                [term for term, _ in reader.iter_prefix("shingles", "nguoi")],
                [info.doc_frequency() for _, info in reader.iter_prefix("shingles", "nguoi")],
                list(reader.lexicon("title_exact")),
                len(searcher.search(Prefix("body", "ng"), limit=None)),
                [term for term, _ in reader.iter_field("kind")],
            )
        if opened is ix:
            ours = found
    assert ours == found and ours[0]


@pytest.mark.parametrize("writer_class", [SegmentWriter, InvertingSegmentWriter])
def test_whoosh_searches_what_the_codec_wrote(tmp_path: Path, writer_class: type) -> None:
    ix = create_fresh(tmp_path / "index", [])
    _write(ix, writer_class, range(DOCS))
    with ix.searcher() as searcher:
        # Title keeps positions: a phrase is found in order only.
        in_order = searcher.search(Phrase("title", ["nguoi", "dan", "ha", "noi"]), limit=None)
        reversed_ = searcher.search(Phrase("title", ["noi", "ha"]), limit=None)
        assert len(in_order) == DOCS // 2 and len(reversed_) == 0
        chu_tich = searcher.search(Term("shingles", "chu tich"), limit=None)
        assert sorted(hit["path"] for hit in chu_tich) == [
            f"/tin/{n:03d}.txt" for n in range(0, DOCS, 5)
        ]
        exact = searcher.search(Term("body_exact", "người"), limit=None)
        assert len(exact) == DOCS
        assert searcher.doc_frequency("body", b"vui") == DOCS


def test_document_lengths_survive_without_per_posting_length_statistics(tmp_path: Path) -> None:
    # The codec drops length statistics from postings blocks; BM25 still reads each document's
    # length from Whoosh's per-document column.
    assert TimTinCodec().length_stats is False
    ix = create_fresh(tmp_path / "index", [])
    _write(ix, InvertingSegmentWriter, range(8))
    with ix.reader() as reader:
        lengths = [reader.doc_field_length(n, "body") for n in range(8)]
    # Whoosh keeps lengths as one byte each, rounded as byte_to_length(length_to_byte(n)).
    syllables = [len(document_terms(_doc(n)["body"]).folded) for n in range(8)]
    expected = [byte_to_length(length_to_byte(count)) for count in syllables]
    assert lengths == expected
