"""Updating the index for named paths: a saved, changed or deleted file inside indexed folders.

Real folders and real Whoosh indexes; the lock holder is a real second process.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from index.indexing.changes import inside_roots, update_paths
from index.indexing.manifest import MANIFEST_FILE
from index.indexing.update import update_index
from index.storage import read_meta
from tests.conftest import count_hits, run_lock_held, write_corpus


def indexed(tmp_path: Path) -> tuple[Path, Path]:
    corpus = write_corpus(
        tmp_path / "c",
        {"a.txt": "A\nHà Nội mùa thu\n", "b.txt": "B\nĐà Nẵng\n", "sub/c.txt": "C\nCần Thơ\n"},
    )
    update_index([corpus], tmp_path / "idx")
    return corpus, tmp_path / "idx"


def test_a_changed_file_is_found_by_its_new_words_only(tmp_path: Path) -> None:
    corpus, index_dir = indexed(tmp_path)
    (corpus / "a.txt").write_text("A\nHuế mộng mơ\n", encoding="utf-8")
    done = update_paths([corpus / "a.txt"], index_dir)
    assert (done.report.added, done.report.updated, done.report.removed) == (0, 1, 0)
    assert done.indexed == [str(corpus / "a.txt")]
    assert count_hits(index_dir, "hue mong mo") == 1
    assert count_hits(index_dir, "ha noi") == 0
    meta = read_meta(index_dir)
    assert meta is not None and meta.roots == [str(corpus)]  # no file became a folder


def test_a_new_file_is_added_and_a_deleted_one_leaves(tmp_path: Path) -> None:
    corpus, index_dir = indexed(tmp_path)
    (corpus / "new.txt").write_text("Mới\nVũng Tàu\n", encoding="utf-8")
    (corpus / "b.txt").unlink()
    done = update_paths([corpus / "new.txt", corpus / "b.txt"], index_dir)
    assert (done.report.added, done.report.removed) == (1, 1)
    assert done.removed == [str(corpus / "b.txt")]
    assert count_hits(index_dir, "vung tau") == 1
    assert count_hits(index_dir, "da nang") == 0


def test_a_deleted_folder_takes_its_documents_along(tmp_path: Path) -> None:
    corpus, index_dir = indexed(tmp_path)
    (corpus / "sub" / "c.txt").unlink()
    (corpus / "sub").rmdir()
    done = update_paths([corpus / "sub"], index_dir)
    assert done.removed == [str(corpus / "sub" / "c.txt")]
    assert count_hits(index_dir, "can tho") == 0
    assert count_hits(index_dir, "ha noi") == 1


def test_a_new_folder_is_walked(tmp_path: Path) -> None:
    corpus, index_dir = indexed(tmp_path)
    write_corpus(corpus / "moi", {"d.txt": "D\nNha Trang\n", ".an/e.txt": "E\nPhan Thiết\n"})
    done = update_paths([corpus / "moi"], index_dir)
    assert done.indexed == [str(corpus / "moi" / "d.txt")]  # the hidden folder stays out
    assert count_hits(index_dir, "nha trang") == 1


def test_paths_outside_the_folders_hidden_or_unchanged_change_nothing(tmp_path: Path) -> None:
    corpus, index_dir = indexed(tmp_path)
    outside = write_corpus(tmp_path / "other", {"x.txt": "X\nSa Pa\n"})
    write_corpus(corpus, {".hidden.txt": "H\nHạ Long\n", "notes.tmp": "Hạ Long\n"})
    before = (index_dir / MANIFEST_FILE).stat().st_mtime_ns
    done = update_paths(
        [outside / "x.txt", corpus / ".hidden.txt", corpus / "notes.tmp", corpus / "b.txt"],
        index_dir,
    )
    assert (done.indexed, done.removed, done.report.unchanged) == ([], [], 1)
    assert (index_dir / MANIFEST_FILE).stat().st_mtime_ns == before  # nothing committed
    assert count_hits(index_dir, "sa pa") == 0 and count_hits(index_dir, "ha long") == 0


def test_force_reads_a_file_that_looks_unchanged(tmp_path: Path) -> None:
    corpus, index_dir = indexed(tmp_path)
    path = corpus / "b.txt"
    stat = path.stat()
    text = "B\nHà Giang\n".encode()
    path.write_bytes(text.ljust(stat.st_size - 1) + b"\n")  # same size, same time as before:
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # it looks unchanged
    assert update_paths([path], index_dir).indexed == []
    assert update_paths([path], index_dir, force=True).indexed == [str(path)]
    assert count_hits(index_dir, "ha giang") == 1


def test_waits_for_another_process_holding_the_run_lock(tmp_path: Path) -> None:
    corpus, index_dir = indexed(tmp_path)
    (corpus / "a.txt").write_text("A\nHải Phòng\n", encoding="utf-8")
    told: list[str] = []
    with run_lock_held(index_dir) as holder:
        worker = threading.Thread(
            target=lambda: update_paths([corpus / "a.txt"], index_dir, waiting=told.append)
        )
        worker.start()
        time.sleep(0.5)
        assert worker.is_alive()
        assert told == ["another indexing run is working on this index, waiting…"]
        holder.kill()
        worker.join(10)
    assert not worker.is_alive()
    assert count_hits(index_dir, "hai phong") == 1


def test_inside_roots_leaves_hidden_names_out() -> None:
    roots = [os.sep + os.path.join("data", "bao")]
    assert inside_roots(os.path.join(roots[0], "a.txt"), roots)
    assert inside_roots(roots[0], roots)
    assert not inside_roots(os.path.join(roots[0], ".git", "a.txt"), roots)
    assert not inside_roots(roots[0] + "chi/a.txt", roots)
