"""Bulk builds in worker processes: every file once, skips, updates, cancels, stale folders.

Real worker processes (procs=2) index real folders into real Whoosh indexes in `tmp_path`.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index.engine import Engine
from index.indexing import parallel_build
from index.indexing.update import update_index
from index.results import Progress
from tests.conftest import write_corpus

FILES = 60
SECRET = ("Tài liệu bí mật quốc gia. " * 40).encode() + b"\x00\x01\x02" * 100  # NULs: binary


def _article(n: int, word: str = "riêng") -> str:
    """Every article has "kinh tế" and "mã" once; `word` + its number is in this one only."""
    return f"Tin số {n}\n01/02/2025\nBài viết về kinh tế và người dân, mã {word}{n:03d}.\n"


def _corpus(folder: Path, count: int = FILES) -> Path:
    return write_corpus(folder, {f"tin{n:03d}.txt": _article(n) for n in range(count)})


def _paths(index_dir: Path, query: str) -> list[str]:
    """The paths of every document `query` finds, and its total must agree."""
    engine = Engine(index_dir)
    try:
        result = engine.search(query, limit=1000)
        assert result.total == len(result.hits), query
        return [hit.path for hit in result.hits]
    finally:
        engine.close()


def _segment_sizes(index_dir: Path) -> list[int]:
    with whoosh_index.open_dir(str(index_dir)).reader() as reader:
        return sorted(leaf.doc_count_all() for leaf, _ in reader.leaf_readers())


def _touch_later(path: Path) -> None:
    later = time.time() + 5
    os.utime(path, (later, later))


def test_a_two_worker_build_indexes_every_file_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    report = update_index([corpus], index_dir, procs=2)
    assert (report.added, report.updated, report.removed, report.skipped) == (FILES, 0, 0, [])
    assert not report.cancelled
    assert _segment_sizes(index_dir) == [FILES // 2, FILES // 2]  # one segment per worker batch
    found = _paths(index_dir, "kinh te")
    assert len(found) == len(set(found)) == FILES
    for n in range(FILES):
        assert _paths(index_dir, f"riêng{n:03d}") == [str(corpus / f"tin{n:03d}.txt")]
    again = update_index([corpus], index_dir, procs=2)
    assert (again.added, again.updated, again.unchanged) == (0, 0, FILES)
    assert len(_paths(index_dir, "kinh te")) == FILES


def test_files_skipped_in_workers_are_reported_and_not_searchable(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 20)
    write_corpus(corpus, {"secret.txt": SECRET, "turns-binary.txt": "Thư cũ\nlá thư tình\n"})
    index_dir = tmp_path / "idx"
    report = update_index([corpus], index_dir, procs=2)
    reasons = {Path(skipped.path).name: skipped.reason for skipped in report.skipped}
    assert reasons.keys() == {"secret.txt"} and "binary" in reasons["secret.txt"]
    assert report.added == 21
    assert _paths(index_dir, "bi mat") == []
    assert _paths(index_dir, "la thu") == [str(corpus / "turns-binary.txt")]

    # A file indexed before and unreadable now: skipped by a worker, its old copy dropped.
    (corpus / "turns-binary.txt").write_bytes(SECRET)
    _touch_later(corpus / "turns-binary.txt")
    again = update_index([corpus], index_dir, procs=2)
    reasons = {Path(skipped.path).name: skipped.reason for skipped in again.skipped}
    assert reasons.keys() == {"secret.txt", "turns-binary.txt"}
    assert "binary" in reasons["turns-binary.txt"]
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 1, 20)
    assert _paths(index_dir, "la thu") == []
    assert _paths(index_dir, "bi mat") == []
    assert len(_paths(index_dir, "kinh te")) == 20


def test_a_batch_of_only_unreadable_files_adds_no_segment(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    # Sorted names put the four binary files in the first of two batches.
    write_corpus(corpus, {f"a{n}.txt": SECRET for n in range(4)})
    write_corpus(corpus, {"z.txt": _article(1)})
    index_dir = tmp_path / "idx"
    report = update_index([corpus], index_dir, procs=2)
    assert (report.added, len(report.skipped)) == (1, 4)
    assert _segment_sizes(index_dir) == [1]
    assert _paths(index_dir, "riêng001") == [str(corpus / "z.txt")]
    assert not list(index_dir.glob(".building-*"))


def test_changed_files_re_indexed_by_workers_replace_their_old_text(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir, procs=2)
    changed = [3, 31, 59]  # in both workers' batches of the first build
    for n in changed:
        path = corpus / f"tin{n:03d}.txt"
        path.write_text(_article(n, word="đổimới"), encoding="utf-8")
        _touch_later(path)
    report = update_index([corpus], index_dir, procs=2)
    assert (report.added, report.updated, report.removed) == (0, 3, 0)
    assert report.unchanged == FILES - 3 and not report.skipped and not report.cancelled
    for n in changed:
        assert _paths(index_dir, f"riêng{n:03d}") == []
        assert _paths(index_dir, f"đổimới{n:03d}") == [str(corpus / f"tin{n:03d}.txt")]
    found = _paths(index_dir, "kinh te")
    assert len(found) == len(set(found)) == FILES
    assert len(_paths(index_dir, "ma")) == FILES  # "mã" is in every old and new text


def _big_article(n: int, rng: random.Random) -> str:
    """A long article: "mã" once, in its header; its other words thousands of times."""
    words = ["kinh", "tế", "người", "dân", "Hà", "Nội", "chủ", "tịch", "nước", "luật", "pháp"]
    filler = " ".join(rng.choices(words, k=20_000))
    return f"Bài dài số {n}\n03/04/2025\nmã lớn{n:03d}\n{filler}\n"


class _CancelOnceABatchIsCommitted:
    """A cancel button pressed as soon as the run has committed its first finished batch:
    the run asks while it walks and at every poll; the index holds documents once one is in."""

    def __init__(self, index_dir: Path) -> None:
        self._index_dir = index_dir
        self.pressed = False

    def __call__(self) -> bool:
        held = whoosh_index.open_dir(str(self._index_dir)).doc_count()
        self.pressed = self.pressed or held > 0
        return self.pressed


def test_cancel_keeps_finished_batches_and_the_next_run_does_the_rest(tmp_path: Path) -> None:
    # Sorted by name, the first worker's batch is 30 short articles, the second's 30 long
    # ones (~1 s): the short batch is committed long before the long one is done.
    rng = random.Random(5)
    short = {f"a{n:03d}.txt": _article(n, word="nhỏ") for n in range(FILES // 2)}
    long = {f"b{n:03d}.txt": _big_article(n, rng) for n in range(FILES // 2)}
    corpus = write_corpus(tmp_path / "corpus", {**short, **long})
    index_dir = tmp_path / "idx"
    seen: list[Progress] = []
    cancel = _CancelOnceABatchIsCommitted(index_dir)

    report = update_index([corpus], index_dir, procs=2, progress=seen.append, cancelled=cancel)
    assert report.cancelled and cancel.pressed
    assert seen and all(progress.total == FILES for progress in seen)
    assert report.added == FILES // 2  # the short batch, whole; nothing of the long one
    # "mã" is in every article once (a word found thousands of times makes slow snippets).
    assert sorted(_paths(index_dir, "ma")) == sorted(str(corpus / name) for name in short)
    assert _paths(index_dir, "lớn007") == []
    assert _paths(index_dir, "nhỏ007") == [str(corpus / "a007.txt")]
    assert not list(index_dir.glob(".building-*"))

    resumed = update_index([corpus], index_dir)
    assert not resumed.cancelled
    assert (resumed.added, resumed.unchanged) == (FILES // 2, FILES // 2)
    found = _paths(index_dir, "ma")
    assert len(found) == len(set(found)) == FILES
    for n in range(FILES // 2):
        assert _paths(index_dir, f"lớn{n:03d}") == [str(corpus / f"b{n:03d}.txt")]
        assert _paths(index_dir, f"nhỏ{n:03d}") == [str(corpus / f"a{n:03d}.txt")]


def _pid_of_a_finished_process() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


@pytest.mark.parametrize("procs", [1, 2], ids=["small update", "bulk build"])
def test_build_folders_of_killed_runs_are_removed_by_the_next_run(
    tmp_path: Path, procs: int
) -> None:
    # Only the holder of the run lock builds, so any build folder the next run finds was
    # left by a killed run, whether or not a process of that number lives now (pid reuse).
    dead, alive = _pid_of_a_finished_process(), os.getppid()
    corpus = _corpus(tmp_path / "corpus", 10)
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir, procs=2)
    for pid in (dead, alive):
        folder = index_dir / f".building-{pid}"
        folder.mkdir()
        (folder / "_MAIN_leftover.seg").write_bytes(b"half a segment")
    write_corpus(corpus, {f"moi{n}.txt": _article(100 + n) for n in range(10)})

    report = update_index([corpus], index_dir, procs=procs)
    assert report.added == 10
    assert list(index_dir.glob(".building-*")) == []
    assert len(_paths(index_dir, "kinh te")) == 20


def test_progress_counts_up_to_every_file(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    write_corpus(corpus, {"secret.txt": SECRET})  # a skipped file is a file done, too
    seen: list[Progress] = []
    report = update_index([corpus], tmp_path / "idx", procs=2, progress=seen.append)
    assert report.added == FILES and len(report.skipped) == 1
    assert seen
    assert all(progress.total == FILES + 1 for progress in seen)
    done = [progress.done for progress in seen]
    assert done == sorted(done) and done[0] >= 1
    assert done[-1] == FILES + 1
    assert all(progress.current.startswith(str(corpus)) for progress in seen)


def test_batches_start_small_and_double_so_a_big_folder_is_few_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first documents are searchable after a small batch; later batches double up to
    the cap, the last round shared equally; a batch also ends at its bytes' cap."""
    monkeypatch.setattr(parallel_build, "FIRST_SEGMENT_DOCS", 5)
    monkeypatch.setattr(parallel_build, "SEGMENT_DOCS", 20)
    corpus = _corpus(tmp_path / "corpus")
    report = update_index([corpus], tmp_path / "idx", procs=2)
    assert report.added == FILES
    assert sorted(_segment_sizes(tmp_path / "idx")) == [5, 5, 10, 10, 15, 15]
    assert len(_paths(tmp_path / "idx", "kinh te")) == FILES

    article_bytes = max(path.stat().st_size for path in corpus.glob("*.txt"))
    monkeypatch.setattr(parallel_build, "SEGMENT_BYTES", 3 * article_bytes)
    report = update_index([corpus], tmp_path / "capped", procs=2)
    assert report.added == FILES
    assert max(_segment_sizes(tmp_path / "capped")) == 3
