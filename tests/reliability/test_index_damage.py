"""Damage to the index's files: what a user keeps, and what the next run repairs.

Each trial damages one part of a real index of the seeds, then searches through the CLI.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from index import update_index
from index.storage import META_FILE, read_meta
from index.storage.postings_file import open_postings
from tests.conftest import SEEDS, run_cli


@pytest.fixture(scope="module")
def intact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("damage") / "index"
    update_index([SEEDS], index_dir)
    return index_dir


def damaged_copy(intact: Path, tmp_path: Path, damage: Callable[[Path], None]) -> Path:
    index_dir = tmp_path / "index"
    shutil.copytree(intact, index_dir)
    damage(index_dir)
    return index_dir


def search_total(index_dir: Path, query: str = "chu tich nuoc") -> tuple[int, str]:
    done = run_cli("search", query, "--json", "--index-dir", str(index_dir))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["total"], done.stderr


@pytest.mark.parametrize("damage", ["garbage", "empty", "deleted"])
def test_damaged_metadata_never_wipes_a_good_index(
    intact: Path, tmp_path: Path, damage: str
) -> None:
    def hurt(index_dir: Path) -> None:
        meta = index_dir / META_FILE
        if damage == "deleted":
            meta.unlink()
        else:
            meta.write_bytes(b"\x00" * 66 if damage == "garbage" else b"")

    index_dir = damaged_copy(intact, tmp_path, hurt)
    total, stderr = search_total(index_dir)
    assert total == 1 and "rebuilding" not in stderr
    meta = read_meta(index_dir)
    assert meta is not None and meta.roots == [str(SEEDS.resolve())]
    again = run_cli("index", "--index-dir", str(index_dir))
    assert "0 added, 0 updated, 0 removed, 2 unchanged" in again.stdout


def test_a_lost_table_of_contents_is_rebuilt_from_the_folders(intact: Path, tmp_path: Path) -> None:
    def hurt(index_dir: Path) -> None:
        for toc in index_dir.glob("_MAIN_*.toc"):
            toc.unlink()

    index_dir = damaged_copy(intact, tmp_path, hurt)
    total, stderr = search_total(index_dir)
    assert total == 1
    assert "rebuilding" in stderr


@pytest.mark.parametrize("part", [".trm", ".toc"])
def test_a_truncated_part_is_rebuilt_before_searching(
    intact: Path, tmp_path: Path, part: str
) -> None:
    def hurt(index_dir: Path) -> None:
        for path in index_dir.glob(f"*{part}"):
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    index_dir = damaged_copy(intact, tmp_path, hurt)
    total, stderr = search_total(index_dir)
    assert total == 1
    assert "rebuilding" in stderr


PARTS = ["_stored.col", "date_key.col", "_body_len.col", ".pst", ".trm", ".tps"]


@pytest.fixture(scope="module")
def two_segments(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An index of two segments: the seeds with 40 notes, then 40 more notes indexed apart
    (an update merges only segments of under 32 documents into its own)."""
    root = tmp_path_factory.mktemp("segments")
    first, notes = root / "first", root / "notes"
    for folder, topic in ((first, "Hội thảo"), (notes, "Hội nghị")):
        folder.mkdir()
        for n in range(40):
            (folder / f"ghi{n:02d}.txt").write_text(
                f"Ghi chép {n}\n{topic} về kinh tế số {n}.\n", encoding="utf-8"
            )
    index_dir = root / "index"
    update_index([SEEDS, first], index_dir)
    update_index([notes], index_dir)
    return index_dir, notes


def segment_of(index_dir: Path, path_part: str) -> str:
    """The id of the segment holding the documents whose path contains `path_part`."""
    from whoosh import index as whoosh_index

    opened = whoosh_index.open_dir(str(index_dir))
    with opened.searcher() as searcher:
        for leaf, _ in searcher.leaf_searchers():
            if any(path_part in stored["path"] for stored in leaf.all_stored_fields()):
                return str(leaf.reader().segment().segment_id())
    raise AssertionError(f"no segment holds {path_part}")


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("how", ["zeroed", "truncated"])
def test_a_damaged_segment_part_is_left_out_then_rewritten_alone(
    two_segments: tuple[Path, Path], tmp_path: Path, part: str, how: str
) -> None:
    intact, _ = two_segments
    index_dir = tmp_path / "index"
    shutil.copytree(intact, index_dir)
    damaged = segment_of(index_dir, "notes")
    kept = segment_of(index_dir, "first")
    target = next(index_dir.glob(f"{damaged}*{part}"))
    data = target.read_bytes()
    target.write_bytes(bytes(len(data)) if how == "zeroed" else data[: len(data) // 2])
    kept_files = {p.name: p.read_bytes() for p in index_dir.glob(f"{kept}.*")}

    found = run_cli("check", "--index-dir", str(index_dir))
    assert found.returncode == 1
    assert f"damaged: segment {damaged}: {target.name}" in found.stdout

    repaired = run_cli("check", "--repair", "--index-dir", str(index_dir))
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "40 added" in repaired.stdout  # the damaged segment's notes, read again
    assert {p.name: p.read_bytes() for p in index_dir.glob(f"{kept}.*")} == kept_files
    for query in ("hoi nghi", "hoi thao", "chu tich nuoc"):
        assert search_total(index_dir, query) == search_total(intact, query)
    assert run_cli("check", "--index-dir", str(index_dir)).returncode == 0


def test_searching_leaves_out_a_segment_found_damaged(
    two_segments: tuple[Path, Path], tmp_path: Path
) -> None:
    # Zeroed postings keep their size: the cheap check at open passes, a query fails inside
    # Whoosh, and the engine then finds the damage and answers from the intact segment.
    from index import Engine

    intact, _ = two_segments
    index_dir = tmp_path / "index"
    shutil.copytree(intact, index_dir)
    damaged = segment_of(index_dir, "first")
    target = next(index_dir.glob(f"{damaged}*.tps"))
    postings = open_postings(target)
    assert postings is not None
    end = postings.postings_end
    postings.close()
    target.write_bytes(bytes(end) + target.read_bytes()[end:])  # every term's postings
    engine = Engine(index_dir)
    try:
        assert not engine.needs_rebuild
        assert engine.search("hoi ngh*", sort="date").total == 40
        assert engine.needs_rebuild  # the window and the CLI rebuild it next
    finally:
        engine.close()
    update_index(None, index_dir)
    assert search_total(index_dir)[0] == 1
