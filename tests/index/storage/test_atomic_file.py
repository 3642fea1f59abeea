"""atomic_writer and write_atomically: the target holds the old bytes or the new, never half.

A block that raises leaves the old file as it was and no temporary file behind it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.storage.atomic_file import atomic_writer, write_atomically


def _leftovers(folder: Path, target: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path != target)


def test_write_atomically_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "timtin-meta.json"
    target.write_bytes(b"old")
    write_atomically(target, "mới".encode())
    assert target.read_bytes() == "mới".encode()
    assert _leftovers(tmp_path, target) == []


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    target = tmp_path / "new.bin"
    write_atomically(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert _leftovers(tmp_path, target) == []


@pytest.mark.parametrize("error", [ValueError("bad"), OSError(28, "No space"), KeyboardInterrupt()])
def test_a_block_that_raises_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, error: BaseException
) -> None:
    target = tmp_path / "copy.tps"
    target.write_bytes(b"the old copy")
    with pytest.raises(type(error)), atomic_writer(target) as file:
        file.write(b"half of the new")
        raise error
    assert target.read_bytes() == b"the old copy"
    assert _leftovers(tmp_path, target) == []


def test_nothing_replaces_the_target_before_the_block_ends(tmp_path: Path) -> None:
    target = tmp_path / "copy.tps"
    target.write_bytes(b"old")
    with atomic_writer(target) as file:
        file.write(b"new")
        file.flush()
        assert target.read_bytes() == b"old"  # readers meanwhile still see the old file
    assert target.read_bytes() == b"new"


def test_a_block_may_close_the_file_itself(tmp_path: Path) -> None:
    # Writers such as the postings copy close the file they are given.
    target = tmp_path / "copy.tps"
    with atomic_writer(target) as file:
        file.write(b"closed early")
        file.close()
    assert target.read_bytes() == b"closed early"
    assert _leftovers(tmp_path, target) == []


def test_a_folder_that_does_not_exist_raises_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "meta.json"
    with pytest.raises(FileNotFoundError):
        write_atomically(target, b"x")
    assert list(tmp_path.iterdir()) == []
