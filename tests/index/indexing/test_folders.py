"""The Folders dialog's engine side: list with counts, add, remove, re-index one, pause.

Real folders, real Whoosh indexes, searched through the real engine.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from index.engine import Engine
from index.indexing.folders import (
    add_folder,
    list_folders,
    paused_folders,
    reindex_folder,
    remove_folder,
    set_folder_paused,
)
from index.indexing.manifest import load_manifest
from index.storage import open_or_create, read_meta
from tests.conftest import write_corpus


def hits(index_dir: Path, query: str) -> list[str]:
    engine = Engine(index_dir)
    try:
        return [hit.path for hit in engine.search(query, limit=100).hits]
    finally:
        engine.close()


def manifest_paths(index_dir: Path) -> list[str]:
    opened = open_or_create(index_dir)
    with opened.index.reader() as reader:
        return sorted(load_manifest(index_dir, opened.index, reader.doc_count()))


@pytest.fixture
def two_folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    news = write_corpus(
        tmp_path / "news",
        {f"tin{n}.txt": f"Tin {n}\nKinh tế Hà Nội số {n}\n" for n in range(3)},
    )
    books = write_corpus(tmp_path / "books", {"sach.txt": "Sách\nKinh tế Việt Nam\n"})
    index_dir = tmp_path / "idx"
    add_folder(news, index_dir)
    add_folder(books, index_dir)
    return news, books, index_dir


def test_list_shows_each_folder_with_its_documents_and_last_update(
    two_folders: tuple[Path, Path, Path],
) -> None:
    news, books, index_dir = two_folders
    folders = list_folders(index_dir)
    assert [(f.path, f.documents, f.paused) for f in folders] == [
        (str(news), 3, False),
        (str(books), 1, False),
    ]
    for folder in folders:
        assert folder.last_update is not None and time.time() - folder.last_update < 60


def test_an_index_without_folders_lists_none(tmp_path: Path) -> None:
    assert list_folders(tmp_path / "nothing") == []


def test_removing_a_folder_takes_its_documents_out(two_folders: tuple[Path, Path, Path]) -> None:
    news, books, index_dir = two_folders
    report = remove_folder(news, index_dir)
    assert report.removed == 3
    assert hits(index_dir, "kinh te") == [str(books / "sach.txt")]
    assert manifest_paths(index_dir) == [str(books / "sach.txt")]
    meta = read_meta(index_dir)
    assert meta is not None and meta.roots == [str(books)]
    assert [f.path for f in list_folders(index_dir)] == [str(books)]
    assert (news / "tin0.txt").is_file()  # the files themselves stay on disk


def test_removing_a_folder_inside_another_keeps_what_the_other_covers(tmp_path: Path) -> None:
    outer = write_corpus(tmp_path / "outer", {"a.txt": "A\nHuế\n", "inner/b.txt": "B\nHuế\n"})
    index_dir = tmp_path / "idx"
    add_folder(outer, index_dir)
    add_folder(outer / "inner", index_dir)
    assert remove_folder(outer / "inner", index_dir).removed == 0
    assert len(hits(index_dir, "hue")) == 2


def test_reindexing_one_folder_reads_its_files_again(two_folders: tuple[Path, Path, Path]) -> None:
    news, books, index_dir = two_folders
    path = news / "tin1.txt"
    stat = path.stat()
    text = "Tin 1\nThể thao\n".encode()
    path.write_bytes(text.ljust(stat.st_size - 1) + b"\n")  # looks unchanged: same size, time
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    (news / "tin2.txt").unlink()
    report = reindex_folder(news, index_dir)
    assert (report.updated, report.removed, report.unchanged) == (1, 1, 1)
    assert hits(index_dir, "the thao") == [str(path)]
    assert sorted(hits(index_dir, "kinh te")) == [str(books / "sach.txt"), str(news / "tin0.txt")]


def test_pausing_is_remembered(two_folders: tuple[Path, Path, Path]) -> None:
    news, _, index_dir = two_folders
    set_folder_paused(news, True, index_dir)
    assert paused_folders(index_dir) == {str(news)}
    assert [f.paused for f in list_folders(index_dir)] == [True, False]
    set_folder_paused(news, False, index_dir)
    assert paused_folders(index_dir) == set()
