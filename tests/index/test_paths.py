"""Where the index lives: `--index-dir`, then `$TIMTIN_INDEX_DIR`, then the data folder.

The data folder is `timtin-data/` beside the program in portable mode, else the user's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index.paths import (
    INDEX_DIR_ENV,
    PORTABLE_DIR_NAME,
    default_index_dir,
    resources_dir,
    seeds_dir,
)
from tests.conftest import LUONG_CUONG, REPO, SEEDS

# Reported by a copy of index/paths.py run as a program folder of its own, so portable mode
# can be switched on there without touching this source tree.
_REPORT = """
import json, sys
from index import paths
if "--portable" in sys.argv:
    paths.force_portable()
print(json.dumps({"module": paths.__file__, "portable": str(paths.portable_dir()),
                  "data": str(paths.data_dir()), "index": str(paths.default_index_dir())}))
"""


def program_folder(tmp_path: Path) -> Path:
    """A program folder holding the real `index/paths.py`, as an unpacked bundle would."""
    folder = tmp_path / "program"
    (folder / "index").mkdir(parents=True)
    (folder / "index" / "__init__.py").write_text("", encoding="utf-8")
    shutil.copy(REPO / "index" / "paths.py", folder / "index" / "paths.py")
    return folder


def report(folder: Path, tmp_path: Path, *args: str, env_index: str = "") -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    if env_index:
        env[INDEX_DIR_ENV] = env_index
    done = subprocess.run(
        [sys.executable, "-c", _REPORT, *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    answer: dict[str, str] = json.loads(done.stdout)
    assert Path(answer["module"]).parent.parent == folder  # the copy ran, not the source tree
    return answer


def test_index_dir_flag_beats_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(INDEX_DIR_ENV, str(tmp_path / "from-env"))
    assert default_index_dir(tmp_path / "flag") == tmp_path / "flag"
    assert default_index_dir(str(tmp_path / "flag")) == tmp_path / "flag"


def test_the_environment_beats_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(INDEX_DIR_ENV, str(tmp_path / "from-env"))
    assert default_index_dir() == tmp_path / "from-env"
    assert default_index_dir("") == tmp_path / "from-env"  # an empty flag is no flag


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_a_home_relative_index_dir_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    if how == "flag":
        assert default_index_dir("~/chỉ mục") == tmp_path / "chỉ mục"
    else:
        monkeypatch.setenv(INDEX_DIR_ENV, "~/chỉ mục")
        assert default_index_dir() == tmp_path / "chỉ mục"


def test_without_flag_or_environment_the_index_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not (REPO / PORTABLE_DIR_NAME).exists()
    monkeypatch.delenv(INDEX_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_index_dir() == tmp_path / "xdg" / "timtin" / "index"
    monkeypatch.setenv(INDEX_DIR_ENV, "")  # set but empty: not a choice
    assert default_index_dir() == tmp_path / "xdg" / "timtin" / "index"


def test_a_timtin_data_folder_beside_the_program_turns_portable_mode_on(tmp_path: Path) -> None:
    folder = program_folder(tmp_path)
    assert report(folder, tmp_path)["index"] == str(tmp_path / "xdg" / "timtin" / "index")
    (folder / PORTABLE_DIR_NAME).mkdir()
    answer = report(folder, tmp_path)
    assert answer["portable"] == answer["data"] == str(folder / PORTABLE_DIR_NAME)
    assert answer["index"] == str(folder / PORTABLE_DIR_NAME / "index")
    # The environment still beats the portable folder.
    chosen = str(tmp_path / "chosen")
    assert report(folder, tmp_path, env_index=chosen)["index"] == chosen


def test_portable_flag_creates_the_folder_beside_the_program(tmp_path: Path) -> None:
    folder = program_folder(tmp_path)
    answer = report(folder, tmp_path, "--portable")
    assert (folder / PORTABLE_DIR_NAME).is_dir()
    assert answer["index"] == str(folder / PORTABLE_DIR_NAME / "index")


def test_bundled_seeds_and_resources_are_found_from_the_source_tree() -> None:
    assert seeds_dir() == SEEDS
    assert (seeds_dir() / LUONG_CUONG.name).is_file()
    assert (resources_dir() / "timtin.qss").is_file()
