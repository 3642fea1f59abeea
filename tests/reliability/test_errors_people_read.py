"""Failures a person meets, in one line each: a full disk, an index folder that cannot be.

The full disk is a real 600 KB tmpfs, mounted where the system allows it (root on Linux).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reliability.conftest import differences, no_differences, write_articles


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 600 KB file system, or a skip saying why there cannot be one here."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if not sys.platform.startswith("linux"):
        pytest.skip("mounting a small tmpfs needs Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip() or 'not root'}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_full_disk_is_one_line_and_the_next_run_completes(
    small_disk: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_articles(corpus, range(1500))
    index_dir = small_disk / "index"
    done = run_cli("index", str(corpus), "--index-dir", str(index_dir))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == "timtin: the disk is full"
    assert "Traceback" not in done.stderr

    # Room again: what was committed is kept, and a plain run finishes the folder.
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = run_cli("index", "--index-dir", str(index_dir))
    assert again.returncode == 0, again.stderr
    assert differences(index_dir, corpus) == no_differences()


def test_an_index_folder_that_cannot_exist_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for command in (["index"], ["search", "nga"], ["check"]):
        done = run_cli(*command, "--index-dir", str(blocker / "index"))
        assert done.returncode == 1, command
        [line] = done.stderr.strip().splitlines()
        assert line.startswith("timtin: ") and str(blocker) in line
