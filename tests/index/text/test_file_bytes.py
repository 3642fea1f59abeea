"""Reading a file's bytes: regular files only, never blocking, never past the size cap.

Real special files (a FIFO, a socket, /dev/zero) made in tmp_path; no mocks.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from index.errors import UndecodableFile
from index.text.file_bytes import kind_of_special_file, read_file_bytes

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


def test_a_regular_file_reads_whole_with_its_size_and_time(tmp_path: Path) -> None:
    path = tmp_path / "bai.txt"
    path.write_bytes("Chủ tịch nước".encode())
    read = read_file_bytes(path)
    assert read.data == "Chủ tịch nước".encode()
    assert (read.size, read.mtime) == (path.stat().st_size, path.stat().st_mtime)


@posix_only
def test_a_fifo_is_refused_at_once_without_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _capture(outcome, fifo), daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], UndecodableFile)
    assert outcome[0].reason == "a named pipe, not a file"


def _capture(outcome: list[BaseException], path: Path) -> None:
    try:
        read_file_bytes(path)
    except BaseException as error:
        outcome.append(error)


@posix_only
def test_a_link_to_dev_zero_is_a_device(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    started = time.monotonic()
    with pytest.raises(UndecodableFile, match="a device, not a file"):
        read_file_bytes(link)
    assert time.monotonic() - started < 5


@posix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "s.txt"))
    try:
        with pytest.raises(UndecodableFile, match="a socket, not a file"):
            read_file_bytes(tmp_path / "s.txt")
    finally:
        server.close()


def test_a_file_over_the_cap_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (3 * 1024 * 1024))
    with pytest.raises(UndecodableFile, match=r"too large \(3 MB, the limit is 2 MB\)"):
        read_file_bytes(path, limit=2 * 1024 * 1024)
    assert read_file_bytes(path, limit=4 * 1024 * 1024).size == 3 * 1024 * 1024


def test_a_missing_file_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_file_bytes(tmp_path / "gone.txt")


def test_kinds_are_named(tmp_path: Path) -> None:
    assert kind_of_special_file(os.stat(tmp_path).st_mode) == "a folder"
    (tmp_path / "f.txt").write_text("x")
    assert kind_of_special_file(os.stat(tmp_path / "f.txt").st_mode) == ""
