"""The one schema of an index: its fields, the path key of any file name, and one document's fields.

Checked on real indexes in tmp_path, including a file whose name is not valid UTF-8.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.formats import Existence

from index.engine import Engine
from index.indexing.update import update_index
from index.storage.codec import TimTinCodec
from index.storage.open_index import create_fresh
from index.storage.schema import (
    SCHEMA_VERSION,
    SCORED_FIELDS,
    TIER_FIELDS,
    DocumentSchema,
    document_fields,
    path_key,
)
from index.storage.segment_writer import InvertingSegmentWriter
from index.text.documents import read_document
from tests.conftest import LUONG_CUONG


def test_ranked_fields_are_weighted_and_tier_fields_only_record_presence() -> None:
    schema = DocumentSchema()
    assert set(schema.scorable_names()) == {"body", "title"}
    assert set(SCORED_FIELDS) <= set(schema.scorable_names())
    for name in ("title_exact", "body_exact", "shingles"):
        assert name in TIER_FIELDS and isinstance(schema[name].format, Existence)
    assert sorted(schema.stored_names()) == sorted(
        [
            "path",
            "title",
            "date",
            "size",
            "mtime",
            "content_hash",
            "encoding",
            "kind",
            "page_starts",
        ]
    )
    assert isinstance(SCHEMA_VERSION, int) and SCHEMA_VERSION >= 5


@pytest.mark.parametrize(
    "path", ["/home/an/Tài liệu/tin.txt", "C:\\Tin tức\\bài 1.txt", "/tmp/a b/c.txt"]
)
def test_a_utf8_path_is_its_own_key(path: str) -> None:
    assert path_key(path) == path


def test_a_name_that_is_not_utf8_gets_a_key_of_its_bytes() -> None:
    name = os.fsdecode(b"/tin/b\xe0i-vi\xeat.txt")  # Windows-1258 bytes in a Linux file name
    key = path_key(name)
    assert key == "\0" + b"/tin/b\xe0i-vi\xeat.txt".hex()
    key.encode("utf-8")  # Whoosh encodes terms strictly: the key must encode
    assert path_key(os.fsdecode(b"/tin/b\xe1i.txt")) != key


def test_a_document_gives_every_field_its_value(tmp_path: Path) -> None:
    doc = read_document(LUONG_CUONG)
    fields = document_fields(doc)
    assert set(fields) - {"_stored_path"} == set(DocumentSchema().names())
    for name in ("body", "body_exact", "shingles"):
        assert fields[name] is doc.text  # one analysis serves all three
    assert fields["title"] == fields["title_exact"] == doc.title
    assert fields["date_key"] == doc.date_key

    ix = create_fresh(tmp_path / "index", [])
    writer = InvertingSegmentWriter(ix, compound=False, codec=TimTinCodec())
    writer.add_document(**fields)
    writer.commit()
    with whoosh_index.open_dir(str(tmp_path / "index")).searcher() as searcher:
        stored = searcher.stored_fields(0)
    assert stored["path"] == str(LUONG_CUONG)
    assert (stored["title"], stored["date"], stored["encoding"]) == (doc.title, doc.date, "utf-8")
    assert (stored["size"], stored["content_hash"]) == (doc.size, doc.content_hash)


def test_the_schema_reads_back_from_the_index(tmp_path: Path) -> None:
    create_fresh(tmp_path / "index", [])
    reopened = whoosh_index.open_dir(str(tmp_path / "index")).schema
    assert reopened.names() == DocumentSchema().names()
    assert [type(reopened[name]) for name in reopened.names()] == [
        type(DocumentSchema()[name]) for name in reopened.names()
    ]


@pytest.mark.skipif(os.name != "posix", reason="file names of any bytes need POSIX")
def test_a_file_whose_name_is_not_utf8_is_indexed_and_shown_by_its_real_name(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    raw = os.fsencode(corpus) + b"/b\xe0i-vi\xeat.txt"
    with open(raw, "wb") as file:
        file.write("Bài viết cũ\n01/02/2003\nTên tệp viết theo bảng mã cũ.".encode())
    (corpus / "moi.txt").write_text("Bài viết mới\nTên tệp bình thường.", encoding="utf-8")
    update_index([corpus], tmp_path / "index")
    again = update_index([corpus], tmp_path / "index")  # found again by its key: not re-added
    assert (again.added, again.unchanged) == (0, 2)
    engine = Engine(tmp_path / "index")
    try:
        result = engine.search("ten tep")
        assert result.total == 2
        assert os.fsdecode(raw) in {hit.path for hit in result.hits}
    finally:
        engine.close()
