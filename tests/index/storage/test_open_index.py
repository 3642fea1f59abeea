"""Opening an index: a fresh folder, a current index, and one written by an older layout.

Whoosh pickles our classes by module path, so an index of an older schema must be rebuilt.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from whoosh import index as whoosh_index

from index import Engine, update_index
from index.storage import META_FILE, SCHEMA_VERSION, open_or_create, read_meta
from tests.conftest import REPO, run_cli

OLD_LAYOUT_INDEX = REPO / "tests" / "data" / "index_schema4"


def old_index(tmp_path: Path) -> Path:
    """A copy of the index the flat layout wrote (see tests/data/index_schema4/ORIGIN.md)."""
    target = tmp_path / "old-index"
    shutil.copytree(OLD_LAYOUT_INDEX, target)
    return target


def test_a_new_folder_opens_as_an_empty_index(tmp_path: Path) -> None:
    opened = open_or_create(tmp_path / "new")
    assert not opened.needs_rebuild
    assert opened.index.doc_count() == 0
    assert read_meta(tmp_path / "new") is not None


def test_the_old_layout_cannot_be_unpickled_so_the_test_means_something(tmp_path: Path) -> None:
    folder = old_index(tmp_path)
    try:
        whoosh_index.open_dir(str(folder))
    except ModuleNotFoundError as error:
        assert error.name is not None and error.name.startswith("index.")
    else:
        raise AssertionError("the schema 4 fixture opened with today's classes")


def test_an_index_of_the_old_layout_is_rebuilt_from_its_folders(tmp_path: Path) -> None:
    folder = old_index(tmp_path)
    opened = open_or_create(folder)
    assert opened.needs_rebuild
    assert "schema version 4" in opened.reason
    assert opened.meta.roots, "the folders it covered are remembered"

    report = update_index(None, folder)
    assert report.added == 2
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    assert meta["schema_version"] == SCHEMA_VERSION
    engine = Engine(folder)
    try:
        assert not engine.needs_rebuild
        assert engine.search("chu tich nuoc").total >= 1
    finally:
        engine.close()


def test_the_cli_rebuilds_an_old_index_before_searching(tmp_path: Path) -> None:
    folder = old_index(tmp_path)
    done = run_cli("search", "chu tich nuoc", "--json", "--index-dir", str(folder))
    assert done.returncode == 0, done.stderr
    assert "rebuilding" in done.stderr
    assert json.loads(done.stdout)["total"] >= 1
