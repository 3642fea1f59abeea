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
