"""Sizes and checksums of segment files: recorded at commit, and damage told apart from health.

Real indexes of the seeds in tmp_path; the damage is done to their real files.
"""

from __future__ import annotations

import json
import os
import time
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
    sync_and_record,
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


def written_long_ago(index_dir: Path) -> list[WhooshSegment]:
    """Set the index's segment files a minute back, as if written then, and let a writer's
    commit record them again: settled, its column files are stamped verified."""
    minute_ago = time.time_ns() - 60_000_000_000
    for path in index_dir.glob("MAIN_*.*"):
        os.utime(path, ns=(minute_ago, minute_ago))
    found = segments(index_dir)
    sync_and_record(index_dir, found)
    return found


def zero(path: Path, *, keep_time: bool) -> None:
    before = path.stat()
    path.write_bytes(bytes(before.st_size))
    if keep_time:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_settled_column_file_changed_since_its_stamp_is_found_at_open(index_dir: Path) -> None:
    found = written_long_ago(index_dir)
    [path] = index_dir.glob("MAIN_*_stored.col")
    assert len(json.loads((index_dir / CHECKSUM_FILE).read_text())[path.name]) == 3  # stamped
    zero(path, keep_time=False)
    damaged = damaged_segments(index_dir, found)
    assert path.name in next(iter(damaged.values()))


def test_a_column_file_unchanged_since_its_stamp_is_not_read_at_open(index_dir: Path) -> None:
    """The cost of a fast open: damage that leaves the file's time as it was (a disk's bit
    rot, a tool restoring times) waits for `timtin check` or the search it breaks."""
    found = written_long_ago(index_dir)
    [path] = index_dir.glob("MAIN_*_stored.col")
    zero(path, keep_time=True)
    assert damaged_segments(index_dir, found) == {}
    assert path.name in next(iter(damaged_segments(index_dir, found, full=True).values()))


def test_a_column_file_damaged_before_a_writer_settles_it_stays_unstamped(index_dir: Path) -> None:
    [path] = index_dir.glob("MAIN_*_stored.col")
    zero(path, keep_time=False)  # after the commit that recorded it, before any stamp
    found = written_long_ago(index_dir)
    assert len(json.loads((index_dir / CHECKSUM_FILE).read_text())[path.name]) == 2
    assert path.name in next(iter(damaged_segments(index_dir, found).values()))
