"""Finding the files to index on a real file system: stable order, hidden entries left out.

Unreadable folders, special files and unsupported single files are reported, never raised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.errors import Cancelled
from index.indexing.walk import FileState, Roots, resolve_roots, walk_files
from index.results import SkippedFile
from tests.conftest import write_corpus

NOBODY = 65534


def walk(root: Path | str) -> tuple[list[str], list[SkippedFile]]:
    skipped: list[SkippedFile] = []
    found = [path for path, _state in walk_files(str(root), skipped)]
    return found, skipped


def walk_unprivileged(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Walk `folder` (as `.`) as a user without root's power to read any folder."""
    if os.geteuid() != 0:
        previous = os.getcwd()
        os.chdir(folder)
        try:
            found, skipped = walk(".")
        finally:
            os.chdir(previous)
        return found, [(s.path, s.reason) for s in skipped]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child drops to `nobody`, walks, and reports through the pipe
        try:
            os.close(read_end)
            os.chdir(folder)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            found, skipped = walk(".")
            answer = {"found": found, "skipped": [(s.path, s.reason) for s in skipped]}
            os.write(write_end, json.dumps(answer).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    answer = json.loads(payload)
    return answer["found"], [tuple(pair) for pair in answer["skipped"]]


def test_files_come_depth_first_in_sorted_order(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {"b.txt": "b", "a/z.txt": "z", "a/b.txt": "b", "c.TXT": "c", "a/sub/x.txt": "x"},
    )
    found, skipped = walk(corpus)
    assert [Path(p).relative_to(corpus).as_posix() for p in found] == [
        "a/b.txt",
        "a/sub/x.txt",
        "a/z.txt",
        "b.txt",
        "c.TXT",
    ]
    assert skipped == []


def test_hidden_entries_and_other_file_types_are_left_out_silently(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "keep.txt": "x",
            ".hidden.txt": "x",
            ".git/notes.txt": "x",
            ".cache/deep/er.txt": "x",
            "photo.jpg": b"\xff\xd8",
            "setup.exe": b"MZ",
        },
    )
    found, skipped = walk(corpus)
    assert found == [str(corpus / "keep.txt")]
    assert skipped == []


def test_an_unreadable_folder_is_reported_and_the_walk_goes_on(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "a", "locked/secret.txt": "s", "z.txt": "z"})
    os.chmod(corpus / "locked", 0o000)
    try:
        found, skipped = walk_unprivileged(corpus)
    finally:
        os.chmod(corpus / "locked", 0o755)
    assert found == ["./a.txt", "./z.txt"]
    assert skipped == [("./locked", "cannot read folder: Permission denied")]


def test_a_named_pipe_is_skipped_with_its_reason(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "a"})
    os.mkfifo(corpus / "pipe.txt")
    found, skipped = walk(corpus)
    assert found == [str(corpus / "a.txt")]
    assert skipped == [SkippedFile(str(corpus / "pipe.txt"), "a named pipe, not a file")]
    assert walk(corpus / "pipe.txt") == ([], skipped)


def test_a_folder_linking_to_itself_is_not_followed(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": "a"})
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    assert walk(corpus) == ([str(corpus / "a.txt")], [])


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("photo.jpg", "unsupported file type '.jpg'"),
        ("Makefile", "unsupported file type ''"),
        ("missing.txt", "no such file or folder"),
    ],
)
def test_a_single_path_that_cannot_be_indexed_is_reported(
    tmp_path: Path, name: str, reason: str
) -> None:
    if name != "missing.txt":
        (tmp_path / name).write_bytes(b"data")
    assert walk(tmp_path / name) == ([], [SkippedFile(str(tmp_path / name), reason)])


def test_a_single_text_file_is_walked_with_its_size_and_time(tmp_path: Path) -> None:
    path = tmp_path / "bài viết.txt"
    path.write_text("Hà Nội", encoding="utf-8")
    skipped: list[SkippedFile] = []
    stat = path.stat()
    assert list(walk_files(str(path), skipped)) == [
        (str(path), FileState(stat.st_size, stat.st_mtime))
    ]
    assert stat.st_size == len("Hà Nội".encode())


@pytest.mark.parametrize(
    ("path", "held"),
    [
        ("/data/news", True),
        ("/data/news/2024/a.txt", True),
        ("/data/newsletter/a.txt", False),
        ("/data", False),
        ("/other/a.txt", True),
        ("/elsewhere", False),
    ],
)
def test_roots_hold_themselves_and_what_lies_below(path: str, held: bool) -> None:
    assert Roots(["/data/news", "/other"]).hold(path) is held


def test_roots_are_recorded_absolute_and_free_of_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert (
        resolve_roots([tmp_path / "link", "~/real", str(real / ".." / "real")])
        == [str(real.resolve())] * 3
    )


def test_a_saved_pages_files_folder_is_part_of_the_page_not_documents(tmp_path: Path) -> None:
    from tests.index.text.formats.web_files import ARTICLE, write_news_page

    corpus = tmp_path / "c"
    write_news_page(corpus / "Bai Bao.HTML", ARTICLE, with_files_folder=True)
    write_news_page(corpus / "tin.htm", ARTICLE, with_files_folder=True)
    write_corpus(corpus, {"ghi_files/note.txt": "x", "ghi.txt": "x"})  # no page named `ghi`
    found, skipped = walk(corpus)
    assert [Path(p).relative_to(corpus).as_posix() for p in found] == [
        "Bai Bao.HTML",
        "ghi.txt",
        "ghi_files/note.txt",
        "tin.htm",
    ]
    assert skipped == []


def test_a_cancelled_walk_stops_at_the_next_folder(tmp_path: Path) -> None:
    """Closing the window while it catches up on a million files must not wait for the walk."""
    for name in ("a", "b", "c"):
        write_corpus(tmp_path / name, {"1.txt": "Một\n", "2.txt": "Hai\n"})
    looks: list[str] = []

    def cancelled() -> bool:
        looks.append("asked")
        return len(looks) > 2  # the top folder and `a` listed, then the user closes

    found: list[str] = []
    with pytest.raises(Cancelled):
        for path, _state in walk_files(str(tmp_path), [], cancelled):
            found.append(path)
    assert found == [str(tmp_path / "a" / "1.txt"), str(tmp_path / "a" / "2.txt")]
