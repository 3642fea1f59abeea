"""writer_for and merge_small_segments: one writer at a time, and small segments merged away.

Real Whoosh indexes in tmp_path; the second writer really waits on the first one's lock file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from index.errors import IndexLocked
from index.storage.codec import TimTinCodec
from index.storage.open_index import create_fresh
from index.storage.postings_file import EXTENSION
from index.storage.schema import document_fields
from index.storage.segment_writer import InvertingSegmentWriter
from index.storage.writers import SMALL_SEGMENT, merge_small_segments, writer_for
from index.text.documents import read_document
from tests.conftest import write_corpus


def _fields(folder: Path, prefix: str, count: int) -> list[dict[str, Any]]:
    corpus = write_corpus(
        folder,
        {
            f"{prefix}{n:02d}.txt": f"Tin {prefix} {n}\n0{n % 9 + 1}/05/2024\nNgười dân Hà Nội.\n"
            for n in range(count)
        },
    )
    return [document_fields(read_document(path)) for path in sorted(corpus.iterdir())]


def _segment_sizes(index_dir: Path) -> list[int]:
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        return sorted(leaf.doc_count_all() for leaf, _ in reader.leaf_readers())


def test_a_writer_writes_separate_files_and_a_postings_file(tmp_path: Path) -> None:
    ix = create_fresh(tmp_path / "index", [])
    writer = writer_for(ix)
    assert isinstance(writer, InvertingSegmentWriter)
    for fields in _fields(tmp_path / "corpus", "a", 3):
        writer.add_document(**fields)
    writer.commit()
    names = [path.name for path in (tmp_path / "index").iterdir()]
    assert not any(name.endswith(".seg") for name in names)  # not one compound file
    assert sum(name.endswith(EXTENSION) for name in names) == 1
    with whoosh_index.open_dir(str(tmp_path / "index")).searcher() as searcher:
        assert searcher.doc_count() == 3


def test_a_second_writer_waits_then_raises_index_locked(tmp_path: Path) -> None:
    ix = create_fresh(tmp_path / "index", [])
    first = writer_for(ix)
    try:
        started = time.monotonic()
        with pytest.raises(IndexLocked) as raised:
            writer_for(ix, timeout=0.4)
        waited = time.monotonic() - started
    finally:
        first.cancel()
    assert waited >= 0.4  # it waited its timeout before giving up
    assert "another process is writing to the index" in raised.value.reason
    assert isinstance(raised.value.__cause__, whoosh_index.LockError)


def test_once_the_first_writer_is_done_the_next_one_gets_the_lock(tmp_path: Path) -> None:
    ix = create_fresh(tmp_path / "index", [])
    first = writer_for(ix)
    for fields in _fields(tmp_path / "corpus", "a", 2):
        first.add_document(**fields)
    first.commit()
    second = writer_for(ix, timeout=0.2)
    second.cancel()


def test_a_worker_writer_takes_no_lock_of_its_own(tmp_path: Path) -> None:
    # A parallel build's workers write scratch indexes while their parent holds the lock.
    ix = create_fresh(tmp_path / "scratch", [])
    lock = ix.lock("WRITELOCK")
    worker = writer_for(ix, lock=False)
    assert lock.acquire(False), "a worker's writer must leave the lock free"
    lock.release()
    for fields in _fields(tmp_path / "corpus", "w", 2):
        worker.add_document(**fields)
    worker.commit()
    locked = writer_for(ix)
    try:
        assert not lock.acquire(False), "an ordinary writer holds the lock"
    finally:
        locked.cancel()
    assert whoosh_index.open_dir(str(tmp_path / "scratch")).doc_count() == 2


def _commit(ix: Any, docs: list[dict[str, Any]], **commit: Any) -> None:
    writer = InvertingSegmentWriter(ix, compound=False, codec=TimTinCodec())
    for fields in docs:
        writer.add_document(**fields)
    writer.commit(**commit)


def test_small_segments_join_the_new_one_and_large_ones_stay(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    ix = create_fresh(index_dir, [])
    large = _fields(tmp_path / "large", "l", SMALL_SEGMENT)
    _commit(ix, large, merge=False)
    _commit(ix, _fields(tmp_path / "small", "s", 3), merge=False)
    _commit(ix, _fields(tmp_path / "tiny", "t", 2), merge=False)
    assert _segment_sizes(index_dir) == [2, 3, SMALL_SEGMENT]

    _commit(ix, _fields(tmp_path / "new", "n", 1), mergetype=merge_small_segments)
    assert _segment_sizes(index_dir) == [1 + 2 + 3, SMALL_SEGMENT]
    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        assert searcher.doc_count() == SMALL_SEGMENT + 6
        paths = {fields["path"] for fields in searcher.all_stored_fields()}
    assert len(paths) == SMALL_SEGMENT + 6
    copies = [path for path in index_dir.iterdir() if path.name.endswith(EXTENSION)]
    assert len(copies) == 2  # the merged segments' copies went with them
