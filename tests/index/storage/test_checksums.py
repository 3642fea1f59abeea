"""Sizes and checksums of segment files: recorded at commit, and damage told apart from health.

Real indexes of the seeds in tmp_path; the damage is done to their real files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index import update_index
from index.storage.checksums import (
    CHECKSUM_FILE,
    damaged_segments,
    file_crc,
    load_record,
    mark_damaged,
    segment_files,
)
from index.storage.open_index import opened_segments
from index.storage.whoosh_types import WhooshSegment
from tests.conftest import SEEDS


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    update_index([SEEDS], tmp_path / "index")
    return tmp_path / "index"


def segments(index_dir: Path) -> list[WhooshSegment]:
    return opened_segments(whoosh_index.open_dir(str(index_dir)))


def test_every_segment_file_is_recorded_at_commit(index_dir: Path) -> None:
    record = load_record(index_dir)
    [segment] = segments(index_dir)
    names = segment_files(index_dir, segment)
    assert set(record) == set(names)
    assert any(name.endswith(".tps") for name in names)  # the postings file too
    for name in names:
        assert record[name] == ((index_dir / name).stat().st_size, file_crc(index_dir / name))


def test_an_intact_index_has_no_damage(index_dir: Path) -> None:
    assert damaged_segments(index_dir, segments(index_dir), full=True) == {}


@pytest.mark.parametrize(
    ("part", "damage", "full", "found"),
    [
        (".pst", "truncate", False, True),  # sizes are always checked
        (".pst", "zero", False, False),  # same size: only a full check reads postings
        (".pst", "zero", True, True),
        ("_stored.col", "zero", False, True),  # column files: CRC at every open
        (".trm", "delete", False, True),
    ],
)
def test_damage_is_found_as_the_check_promises(
    index_dir: Path, part: str, damage: str, full: bool, found: bool
) -> None:
    [path] = index_dir.glob(f"MAIN_*{part}")
    if damage == "delete":
        path.unlink()
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[:10])
    else:
        path.write_bytes(bytes(path.stat().st_size))
    damaged = damaged_segments(index_dir, segments(index_dir), full=full)
    assert bool(damaged) is found
    if found:
        assert path.name in next(iter(damaged.values()))


def test_a_marked_segment_is_damaged_until_rewritten(index_dir: Path) -> None:
    [segment] = segments(index_dir)
    mark_damaged(index_dir, {segment.segment_id(): "found by a search"})
    assert damaged_segments(index_dir, [segment]) == {segment.segment_id(): "found by a search"}
    update_index(None, index_dir)  # drops and rewrites it: the mark goes with it
    assert damaged_segments(index_dir, segments(index_dir)) == {}


def test_an_unreadable_record_means_nothing_is_known(index_dir: Path) -> None:
    (index_dir / CHECKSUM_FILE).write_bytes(b"\x00garbage")
    assert load_record(index_dir) == {}
    assert damaged_segments(index_dir, segments(index_dir), full=True) == {}
