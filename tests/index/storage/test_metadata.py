"""The index's metadata file: schema version and folders, written atomically and read back.

The bundled seeds are stored as "@seeds" and read back as wherever the seeds folder is now.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.storage.metadata import META_FILE, SEEDS_ROOT, IndexMeta, read_meta, write_meta
from index.storage.schema import SCHEMA_VERSION
from tests.conftest import SEEDS


def test_metadata_reads_back_as_written(tmp_path: Path) -> None:
    roots = [str(tmp_path / "Tài liệu" / "báo"), "/srv/tin tức"]
    write_meta(tmp_path, IndexMeta(SCHEMA_VERSION, roots))
    assert read_meta(tmp_path) == IndexMeta(SCHEMA_VERSION, roots)
    assert sorted(path.name for path in tmp_path.iterdir()) == [META_FILE]  # no temporary left


def test_a_new_metadata_has_the_current_schema_version_and_no_folders() -> None:
    assert IndexMeta() == IndexMeta(SCHEMA_VERSION, [])


def test_the_bundled_seeds_are_stored_by_name_and_read_back_as_the_seeds_folder(
    tmp_path: Path,
) -> None:
    other = str(tmp_path / "notes")
    write_meta(tmp_path, IndexMeta(SCHEMA_VERSION, [str(SEEDS.resolve()), other]))
    stored = json.loads((tmp_path / META_FILE).read_text(encoding="utf-8"))
    assert stored == {"schema_version": SCHEMA_VERSION, "roots": [SEEDS_ROOT, other]}
    meta = read_meta(tmp_path)
    assert meta is not None and meta.roots == [str(SEEDS.resolve()), other]


def test_a_stored_seeds_name_means_this_programs_seeds(tmp_path: Path) -> None:
    # As if the program folder had moved since the index was written.
    (tmp_path / META_FILE).write_text(
        json.dumps({"schema_version": SCHEMA_VERSION, "roots": ["@seeds"]}), encoding="utf-8"
    )
    meta = read_meta(tmp_path)
    assert meta is not None and meta.roots == [str(SEEDS.resolve())]


def test_a_missing_file_gives_none(tmp_path: Path) -> None:
    assert read_meta(tmp_path) is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b'{"roots": []}',  # no schema version
        b'{"schema_version": "five", "roots": []}',
        b'{"schema_version": null}',
        b'{"schema_version": 5, "roots": 7}',
        b'{"schema_version": 5, "roots": ["\xff\xfe"]}',  # not UTF-8
    ],
    ids=["garbage", "empty", "no-version", "text-version", "null-version", "bad-roots", "bytes"],
)
def test_unreadable_metadata_gives_none(tmp_path: Path, content: bytes) -> None:
    (tmp_path / META_FILE).write_bytes(content)
    assert read_meta(tmp_path) is None


@pytest.mark.parametrize("content", [b"[1, 2]", b'"@seeds"', b"5", b"null"])
def test_json_that_is_not_an_object_gives_none(tmp_path: Path, content: bytes) -> None:
    (tmp_path / META_FILE).write_bytes(content)
    assert read_meta(tmp_path) is None
