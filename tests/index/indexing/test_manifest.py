"""The manifest beside a real index: what it holds of each file, and when it is not trusted.

Saved and loaded it round-trips; out of step with the index it is rebuilt from stored fields.
"""

from __future__ import annotations

import logging
import marshal
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index.indexing.changes import update_paths
from index.indexing.manifest import (
    MANIFEST_FILE,
    SHARD_FOLDER,
    FileRecord,
    ManifestNotLoaded,
    load_manifest,
    save_manifest,
    shard_of,
)
from index.indexing.update import update_index
from index.storage import writer_for
from index.storage.whoosh_types import WhooshIndex
from index.text.documents import read_document
from tests.conftest import write_corpus


@pytest.fixture
def indexed(tmp_path: Path) -> Iterator[tuple[Path, Path, WhooshIndex]]:
    """(corpus, index folder, opened index) of two files indexed for real."""
    corpus = write_corpus(tmp_path / "corpus", {"a.txt": "A\nHà Nội\n", "b.txt": "B\nHuế mưa\n"})
    index_dir = tmp_path / "index"
    update_index([corpus], index_dir)
    opened = whoosh_index.open_dir(str(index_dir))
    yield corpus, index_dir, opened
    opened.close()


def records_of(corpus: Path) -> dict[str, FileRecord]:
    """What each file of `corpus` is now, read afresh."""
    return {str(p): FileRecord.of(read_document(p)) for p in sorted(corpus.glob("*.txt"))}


def test_the_indexer_leaves_a_manifest_of_every_file_as_it_read_it(
    indexed: tuple[Path, Path, WhooshIndex],
) -> None:
    corpus, index_dir, opened = indexed
    assert (index_dir / MANIFEST_FILE).is_file()
    records = load_manifest(index_dir, opened, 2)
    assert records == records_of(corpus)
    assert records[str(corpus / "a.txt")].size == len("A\nHà Nội\n".encode())


def test_a_saved_manifest_is_read_back_as_saved(
    indexed: tuple[Path, Path, WhooshIndex],
) -> None:
    _corpus, index_dir, opened = indexed
    saved = {
        "/x/một.txt": FileRecord(10, 1_700_000_000.25, "ab" * 16),
        "/x/hai.txt": FileRecord(0, 0.0, ""),
    }
    save_manifest(index_dir, saved)
    # As many records as the index has documents: trusted without reading stored fields.
    assert load_manifest(index_dir, opened, 2) == saved


@pytest.mark.parametrize("records", [{}, {"/only/one.txt": FileRecord(1, 1.0, "h")}])
def test_a_manifest_out_of_step_with_the_index_is_rebuilt_from_stored_fields(
    indexed: tuple[Path, Path, WhooshIndex],
    records: dict[str, FileRecord],
    caplog: pytest.LogCaptureFixture,
) -> None:
    corpus, index_dir, opened = indexed
    save_manifest(index_dir, records)
    with caplog.at_level(logging.INFO, logger="timtin.indexing"):
        assert load_manifest(index_dir, opened, 2) == records_of(corpus)
    assert ("out of step" in caplog.text) is bool(records)  # an empty one says nothing


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not a manifest",
        marshal.dumps(("timtin-manifest/1", {"/a.txt": (1, 1.0, "h"), "/b.txt": (2, 2.0, "i")})),
        marshal.dumps(("timtin-manifest/2", {"/a.txt": (1, 1.0, "h"), "/b.txt": (2, 2.0, "i")})),
        marshal.dumps(("timtin-manifest/3", 1, {"/a.txt": (1, 1.0), "/b.txt": (2, 2.0)})),
        marshal.dumps(("timtin-manifest/3", 1, {"/a.txt": (1, 1.0, "h"), "/b.txt": (2, 2.0, "i")})),
        marshal.dumps(["not", "a", "pair"]),
    ],
    ids=["empty", "garbage", "format 1", "format 2", "short records", "format 3", "wrong shape"],
)
def test_a_manifest_that_cannot_be_read_is_rebuilt(
    indexed: tuple[Path, Path, WhooshIndex], damage: bytes
) -> None:
    corpus, index_dir, opened = indexed
    (index_dir / MANIFEST_FILE).write_bytes(damage)
    assert load_manifest(index_dir, opened, 2) == records_of(corpus)


def test_a_missing_manifest_is_rebuilt_and_an_update_changes_its_record(
    indexed: tuple[Path, Path, WhooshIndex],
) -> None:
    corpus, index_dir, opened = indexed
    (index_dir / MANIFEST_FILE).unlink()
    assert load_manifest(index_dir, opened, 2) == records_of(corpus)
    before = records_of(corpus)[str(corpus / "b.txt")]
    (corpus / "b.txt").write_text("B\nHuế nắng to\n", encoding="utf-8")
    update_index([corpus], index_dir)
    fresh = whoosh_index.open_dir(str(index_dir))
    try:
        after = load_manifest(index_dir, fresh, 2)[str(corpus / "b.txt")]
    finally:
        fresh.close()
    assert after != before and after == records_of(corpus)[str(corpus / "b.txt")]


def test_a_manifest_written_before_the_newest_commit_is_rebuilt(
    indexed: tuple[Path, Path, WhooshIndex],
) -> None:
    """A bulk build records its manifest only now and then: killed after a later commit, the
    manifest it left describes an older index, even with as many records."""
    corpus, index_dir, opened = indexed
    save_manifest(
        index_dir, {"/x/a.txt": FileRecord(1, 1.0, "h"), "/x/b.txt": FileRecord(2, 2.0, "i")}
    )
    writer_for(opened).commit(merge=False)  # a commit the manifest was not written for
    assert load_manifest(index_dir, opened, 2) == records_of(corpus)


def shard_times(index_dir: Path) -> dict[str, int]:
    return {shard.name: shard.stat().st_mtime_ns for shard in (index_dir / SHARD_FOLDER).iterdir()}


def test_a_changed_file_rewrites_only_its_folders_shard(tmp_path: Path) -> None:
    """At a million files the whole manifest is 120 MB: one changed file must not rewrite it."""
    folders = {f"f{n}": {"a.txt": f"A\nBài {n} Hà Nội\n"} for n in range(12)}
    corpus = tmp_path / "corpus"
    for name, files in folders.items():
        write_corpus(corpus / name, files)
    index_dir = tmp_path / "index"
    update_index([corpus], index_dir)
    before = shard_times(index_dir)
    assert len(before) > 1  # twelve folders spread over several shards
    changed = corpus / "f3" / "a.txt"
    changed.write_text("A\nBài ba Huế\n", encoding="utf-8")
    assert update_paths([changed], index_dir).indexed == [str(changed)]
    after = shard_times(index_dir)
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten == {f"{shard_of(str(changed)):03d}.bin"}
    opened = whoosh_index.open_dir(str(index_dir))
    try:
        records = load_manifest(index_dir, opened, 12)
    finally:
        opened.close()
    assert records[str(changed)] == FileRecord.of(read_document(changed))
    assert len(records) == 12


def test_a_manifest_read_for_some_files_holds_only_their_folders(
    indexed: tuple[Path, Path, WhooshIndex], tmp_path: Path
) -> None:
    corpus, index_dir, opened = indexed
    elsewhere = "/somewhere/else/entirely/c.txt"
    assert shard_of(elsewhere) != shard_of(str(corpus / "a.txt"))
    records = load_manifest(index_dir, opened, 2, only=[str(corpus / "a.txt")])
    assert records[str(corpus / "b.txt")] == records_of(corpus)[str(corpus / "b.txt")]
    with pytest.raises(ManifestNotLoaded):
        _ = elsewhere in records
    with pytest.raises(ManifestNotLoaded):
        sorted(records)


def test_a_shard_left_from_a_killed_save_makes_the_manifest_be_rebuilt(
    indexed: tuple[Path, Path, WhooshIndex],
) -> None:
    """Killed after a shard was written but before the head: the head's length is off."""
    corpus, index_dir, opened = indexed
    shard = index_dir / SHARD_FOLDER / f"{shard_of(str(corpus / 'a.txt')):03d}.bin"
    shard.write_bytes(marshal.dumps({"/x/a.txt": (1, 1.0, "h"), "/x/b.txt": (2, 2.0, "i")}))
    assert load_manifest(index_dir, opened, 2) == records_of(corpus)
    shard.unlink()
    assert load_manifest(index_dir, opened, 2) == records_of(corpus)
