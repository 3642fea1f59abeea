"""Files read and written in this process: commits every few documents, a cancelled run keeps
what it committed, an unreadable file's older copy leaves the index, and the report counts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from index.indexing.in_process import IndexingRun, index_in_process
from index.indexing.manifest import FileRecord, Manifest, load_manifest
from index.indexing.update import update_index
from index.progress import ThrottledProgress
from index.results import IndexReport
from index.storage import open_or_create, writer_for
from tests.conftest import count_hits, write_corpus


def fresh_run(index_dir: Path, known: Mapping[str, FileRecord]) -> IndexingRun:
    index = open_or_create(index_dir).index
    return IndexingRun(index, index_dir, Manifest.of(known), IndexReport())


def test_a_cancelled_run_keeps_every_document_it_read_committed(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c", {f"{n}.txt": f"Bài {n}\nTin Hà Nội số {n}\n" for n in range(5)}
    )
    index_dir = tmp_path / "idx"
    run = fresh_run(index_dir, {})
    todo = sorted(str(path) for path in corpus.glob("*.txt"))
    index_in_process(
        run,
        writer_for(run.index),
        todo,
        ThrottledProgress(None, len(todo)),
        lambda: len(run.records) >= 3,  # the user stops the run after the third file
        commit_every=2,
    )
    assert run.report.cancelled and run.report.added == 3
    assert count_hits(index_dir, "ha noi") == 3
    with run.index.reader() as reader:
        assert sorted(load_manifest(index_dir, run.index, reader.doc_count())) == todo[:3]


def test_a_file_now_unreadable_leaves_the_index_and_the_rest_are_counted(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {"a.txt": "A\nHuế mưa\n", "b.txt": "B\nĐà Nẵng nắng\n", "c.txt": "C\nVinh gió\n"},
    )
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    index = open_or_create(index_dir).index
    with index.reader() as reader:
        known = load_manifest(index_dir, index, reader.doc_count())
    (corpus / "a.txt").write_bytes(b"\x00\x01\x02\x03" * 4096)  # binary now
    (corpus / "b.txt").write_text("B\nĐà Nẵng mưa to\n", encoding="utf-8")  # changed
    run = fresh_run(index_dir, known)
    todo = sorted(str(path) for path in corpus.glob("*.txt"))
    index_in_process(
        run, writer_for(run.index), todo, ThrottledProgress(None, 3), None, commit_every=100
    )
    report = run.report
    assert [skipped.path for skipped in report.skipped] == [str(corpus / "a.txt")]
    assert (report.removed, report.updated, report.unchanged) == (1, 1, 1)
    assert count_hits(index_dir, "hue") == 0  # the stale copy of a.txt went
    assert count_hits(index_dir, "mua to") == 1 and count_hits(index_dir, "vinh") == 1
    assert str(corpus / "a.txt") not in run.records
