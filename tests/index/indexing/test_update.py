"""Indexing on disk: incremental updates, skipped files, killed runs, broken and old indexes.

Every scenario uses a real folder and a real Whoosh index; kills are real SIGKILLs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.engine import Engine
from index.indexing.manifest import MANIFEST_FILE, save_manifest
from index.indexing.update import update_index
from index.results import Progress
from index.storage.metadata import META_FILE, SEEDS_ROOT
from tests.conftest import REPO, count_hits, write_corpus

ARTICLE = "Tin {n}\n01/01/2025\nBài số {n} nói về kinh tế và Chủ tịch nước.\n"


def test_incremental_add_change_delete(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n", "b.txt": "B\nĐà Nẵng\n"})
    index_dir = tmp_path / "idx"
    first = update_index([corpus], index_dir)
    assert (first.added, first.updated, first.removed) == (2, 0, 0)

    again = update_index([corpus], index_dir)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 2)

    (corpus / "b.txt").write_text("B\nHuế mộng mơ\n", encoding="utf-8")
    os.utime(corpus / "b.txt", (time.time() + 5, time.time() + 5))
    (corpus / "sub").mkdir()
    (corpus / "sub" / "c.txt").write_text("C\nCần Thơ\n", encoding="utf-8")
    (corpus / "a.txt").unlink()
    changed = update_index([corpus], index_dir)
    assert (changed.added, changed.updated, changed.removed) == (1, 1, 1)
    assert count_hits(index_dir, "ha noi") == 0
    assert count_hits(index_dir, "da nang") == 0
    assert count_hits(index_dir, "hue") == 1
    assert count_hits(index_dir, "can tho") == 1


def test_touched_but_identical_file_counts_as_unchanged(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    update_index([corpus], tmp_path / "idx")
    os.utime(corpus / "a.txt", (time.time() + 5, time.time() + 5))
    report = update_index([corpus], tmp_path / "idx")
    assert (report.updated, report.unchanged) == (0, 1)


def test_indexing_another_folder_keeps_the_first(tmp_path: Path) -> None:
    one = write_corpus(tmp_path / "one", {"a.txt": "A\nHà Nội\n"})
    two = write_corpus(tmp_path / "two", {"b.txt": "B\nHuế\n"})
    index_dir = tmp_path / "idx"
    update_index([one], index_dir)
    update_index([two], index_dir)
    assert count_hits(index_dir, "ha noi") == 1 and count_hits(index_dir, "hue") == 1
    (one / "a.txt").write_text("A\nSài Gòn\n", encoding="utf-8")
    os.utime(one / "a.txt", (time.time() + 5, time.time() + 5))
    update_index(None, index_dir)  # no paths: every remembered folder
    assert count_hits(index_dir, "sai gon") == 1


def test_skipped_files_are_reported_with_reasons(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "good.txt": "Tốt\nHà Nội\n",
            "binary.txt": bytes(range(256)) * 4,
            "empty.txt": "",
            "latin.txt": b"\xff\xfe\xfd not text \x81\x82",
            "ignored.exe": b"MZ\x90\x00",
        },
    )
    report = update_index([corpus], tmp_path / "idx")
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert report.added == 1
    assert set(reasons) == {"binary.txt", "empty.txt", "latin.txt"}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert all(reason for reason in reasons.values())


def test_utf16_and_bom_files_are_read(tmp_path: Path) -> None:
    text = "Tiêu đề\nĐường phố Hà Nội\n"
    corpus = write_corpus(
        tmp_path / "c",
        {
            "u16.txt": text.encode("utf-16"),
            "bom.txt": "\ufeff".encode() + text.encode("utf-8"),
            "u16be.txt": b"\xfe\xff" + text.encode("utf-16-be"),
        },
    )
    report = update_index([corpus], tmp_path / "idx")
    assert report.added == 3 and not report.skipped
    engine = Engine(tmp_path / "idx")
    hits = engine.search("duong pho").hits
    assert len(hits) == 3
    for hit in hits:
        assert hit.snippet.count("<mark>Đường phố</mark>") == 1
    engine.close()


def test_progress_is_reported_and_cancel_keeps_what_was_done(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {f"{n:03}.txt": ARTICLE.format(n=n) for n in range(30)})
    seen: list[Progress] = []
    asked: list[int] = []

    def cancel_after_ten() -> bool:  # asked once by the walk of the one folder, then per file
        asked.append(1)
        return len(asked) > 11

    report = update_index(
        [corpus], tmp_path / "idx", progress=seen.append, cancelled=cancel_after_ten
    )
    assert report.cancelled
    assert seen and seen[0].total == 30
    assert report.added == 10
    assert seen[-1].done <= 11
    assert count_hits(tmp_path / "idx", "kinh te") == report.added
    resumed = update_index([corpus], tmp_path / "idx")
    assert resumed.added == 30 - report.added
    assert count_hits(tmp_path / "idx", "kinh te") == 30


KILLER = """
import os, signal, sys
from index.indexing.update import update_index
files_started = 0
def cancelled():
    global files_started
    files_started += 1
    if files_started > 25:
        os.kill(os.getpid(), signal.SIGKILL)
    return False
update_index([sys.argv[1]], sys.argv[2], cancelled=cancelled, commit_every=10, procs=1)
"""


def test_a_killed_indexing_run_leaves_a_searchable_index_that_resumes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {f"{n:03}.txt": ARTICLE.format(n=n) for n in range(60)})
    index_dir = tmp_path / "idx"
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(corpus), str(index_dir)], cwd=REPO, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    committed = count_hits(index_dir, "kinh te")
    assert committed == 20  # the two batches committed before the kill survive
    report = update_index([corpus], index_dir)  # the lock died with its process
    assert report.added == 60 - committed
    assert count_hits(index_dir, "kinh te") == 60


def test_a_corrupted_index_is_rebuilt_from_its_folders(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n", "b.txt": "B\nHuế\n"})
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    for segment_file in index_dir.glob("*.seg"):
        segment_file.write_bytes(b"garbage")
    for toc in index_dir.glob("*.toc"):
        toc.write_bytes(b"\x00broken")
    engine = Engine(index_dir)
    assert engine.needs_rebuild
    engine.close()
    update_index(None, index_dir)
    assert count_hits(index_dir, "ha noi") == 1


def test_an_index_with_an_older_schema_version_is_rebuilt(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n"})
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    meta = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
    meta["schema_version"] = 0
    (index_dir / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    report = update_index(None, index_dir)
    assert report.added == 1
    assert count_hits(index_dir, "ha noi") == 1


@pytest.mark.parametrize("name", ["missing-folder", "nested/missing.txt"])
def test_missing_paths_are_skipped_not_fatal(tmp_path: Path, name: str) -> None:
    report = update_index([tmp_path / name], tmp_path / "idx")
    assert report.added == 0
    assert report.skipped and "no such" in report.skipped[0].reason


@pytest.mark.parametrize("damage", ["delete", "garbage", "stale"])
def test_a_lost_or_stale_manifest_is_rebuilt_from_the_index(tmp_path: Path, damage: str) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "A\nHà Nội\n", "b.txt": "B\nHuế\n"})
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    manifest = index_dir / MANIFEST_FILE
    if damage == "delete":
        manifest.unlink()
    elif damage == "garbage":
        manifest.write_bytes(b"{not a manifest")
    else:  # as if killed between a commit and the manifest write
        save_manifest(index_dir, {})
    report = update_index([corpus], index_dir)
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 2)
    (corpus / "a.txt").unlink()
    assert update_index([corpus], index_dir).removed == 1
    assert count_hits(index_dir, "ha noi") == 0


def test_bundled_seeds_are_found_again_when_the_program_folder_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "idx"
    for name in ("first-unpack", "second-unpack"):
        bundle = tmp_path / name
        shutil.copytree(REPO / "seeds", bundle / "seeds")
        monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
        report = update_index(None, index_dir)
        assert report.added == 2
    meta = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
    assert meta["roots"] == [SEEDS_ROOT]
    assert report.removed == 2  # the copies in the folder that is gone
    engine = Engine(index_dir)
    hits = engine.search("chu tich nuoc").hits
    engine.close()
    assert [Path(hit.path).parent.parent.name for hit in hits] == ["second-unpack"]


def _segment_sizes(index_dir: Path) -> dict[str, int]:
    from whoosh import index as whoosh_index

    with whoosh_index.open_dir(str(index_dir)).searcher() as searcher:
        return {
            leaf.reader().segment().segment_id(): leaf.reader().doc_count_all()
            for leaf, _ in searcher.leaf_searchers()
        }


def test_updates_fold_small_segments_and_leave_large_ones_alone(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c", {f"n{n:03}.txt": f"Tin {n}\nbài viết số {n}\n" for n in range(520)}
    )
    update_index([corpus], tmp_path / "idx", procs=2)  # a bulk run: segments unmerged
    large = _segment_sizes(tmp_path / "idx")
    assert len(large) >= 2 and min(large.values()) >= 32
    for round_ in range(4):
        write_corpus(corpus, {f"n{round_:03}.txt": f"Tin mới {round_}\nđã sửa\n"})
        update_index([corpus], tmp_path / "idx")
    after = _segment_sizes(tmp_path / "idx")
    assert set(large) <= set(after)  # no large segment was rewritten
    assert len(after) == len(large) + 1  # four updates, one small segment
    engine = Engine(tmp_path / "idx")
    assert engine.search("da sua").total == 4
    engine.close()
