"""Two `timtin index` runs at once, on the same folder and on different folders.

Never a document indexed twice, never a folder forgotten: the second run waits its turn.
"""

from __future__ import annotations

from pathlib import Path

from index.storage import read_meta
from tests.conftest import run_cli
from tests.reliability.conftest import (
    differences,
    indexed_documents,
    new_marker,
    no_differences,
    start_timtin,
    write_articles,
)

FILES = 3000


def run_together(*commands: list[str]) -> list[tuple[int, str]]:
    """Start every command at once; each one's exit code and stderr."""
    processes = [start_timtin(*command, marker=new_marker()) for command in commands]
    outcomes = []
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        outcomes.append((process.returncode, stderr))
    return outcomes


def test_two_runs_on_one_folder_index_every_article_once(tmp_path: Path) -> None:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    write_articles(corpus, range(FILES))
    command = ["index", str(corpus), "--index-dir", str(index_dir)]
    outcomes = run_together(command, command)
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert differences(index_dir, corpus) == no_differences()
    assert len(indexed_documents(index_dir)) == FILES


def test_two_runs_on_two_folders_keep_both(tmp_path: Path) -> None:
    first, second, index_dir = tmp_path / "first", tmp_path / "second", tmp_path / "index"
    write_articles(first, range(FILES))
    write_articles(second, range(FILES, FILES + 1000))
    outcomes = run_together(
        ["index", str(first), "--index-dir", str(index_dir)],
        ["index", str(second), "--index-dir", str(index_dir)],
    )
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    meta = read_meta(index_dir)
    assert meta is not None and set(meta.roots) == {str(first), str(second)}

    again = run_cli("index", "--index-dir", str(index_dir))  # F5: every remembered folder
    assert again.returncode == 0, again.stderr
    assert "0 removed" in again.stdout
    paths = [path for path, _ in indexed_documents(index_dir)]
    assert len(paths) == len(set(paths)) == FILES + 1000


def test_a_waiting_run_says_so(tmp_path: Path) -> None:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    write_articles(corpus, range(FILES))
    command = ["index", str(corpus), "--index-dir", str(index_dir), "--rebuild"]
    outcomes = run_together(command, command)
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    told = [stderr for _, stderr in outcomes if "waiting" in stderr]
    assert len(told) == 1
    assert "another indexing run is working on this index, waiting…" in told[0]
