"""The `timtin` command line as other tools call it: a contract of arguments and JSON shapes.

Runs the real console entry point in a subprocess against an index in `tmp_path`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LUONG_CUONG, MOSCOW_VISIT, REPO, cli_env, run_cli


def timtin(
    *args: str, stdin: str = "", env_index: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, stdin=stdin, env_index=env_index)


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("cli") / "index"
    done = timtin("index", "--index-dir", str(index_dir))
    assert done.returncode == 0, done.stderr
    assert "2 added" in done.stdout
    return index_dir


def test_index_reports_a_summary_and_skipped_files_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Tốt\nHà Nội\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    done = timtin("index", str(tmp_path), "--index-dir", str(tmp_path / "idx"))
    assert done.returncode == 0
    assert "1 added, 0 updated, 0 removed, 0 unchanged, 1 skipped" in done.stdout
    assert "bad.txt" in done.stderr and "binary" in done.stderr


def test_search_prints_readable_results(cli_index: Path) -> None:
    done = timtin("search", "chu tich nuoc", "--index-dir", str(cli_index))
    assert done.returncode == 0, done.stderr
    assert "**Chủ tịch nước**" in done.stdout
    assert str(LUONG_CUONG) in done.stdout.split("\n1. ")[1]


def test_search_json_contract(cli_index: Path) -> None:
    done = timtin("search", "dak lak", "--json", "--index-dir", str(cli_index))
    payload = json.loads(done.stdout)
    assert {"query", "total", "took_ms", "hits"} <= set(payload)
    assert payload["query"] == "dak lak" and payload["total"] == 1
    hit = payload["hits"][0]
    assert set(hit) == {"path", "title", "date", "score", "snippet", "matches"}
    assert Path(hit["path"]) == MOSCOW_VISIT
    text = MOSCOW_VISIT.read_text(encoding="utf-8")
    assert [text[start:end] for start, end in hit["matches"]] == ["Đắk Lắk", "Đắk Lắk"]


def test_index_dir_from_environment(cli_index: Path) -> None:
    done = timtin("search", "Lương Cường", "--json", env_index=cli_index)
    assert json.loads(done.stdout)["total"] == 1


def test_batch_answers_one_json_line_per_query(cli_index: Path) -> None:
    queries = 'chu tich nuoc\n\ndak lak\n"unclosed\n'
    done = timtin("search", "--batch", "--limit", "1", "--index-dir", str(cli_index), stdin=queries)
    lines = done.stdout.strip("\n").split("\n")
    assert len(lines) == 4
    answers = [json.loads(line) for line in lines]
    assert [a["query"] for a in answers] == ["chu tich nuoc", "", "dak lak", '"unclosed']
    assert answers[1]["total"] == 0
    assert all(len(a["hits"]) <= 1 for a in answers)
    assert Path(answers[2]["hits"][0]["path"]) == MOSCOW_VISIT


def test_limit_and_exact_flags(cli_index: Path) -> None:
    loose = json.loads(
        timtin("search", "nga", "--json", "--limit", "1", "--index-dir", str(cli_index)).stdout
    )
    assert loose["total"] == 2 and len(loose["hits"]) == 1
    accented = json.loads(timtin("search", "Ngà", "--json", "--index-dir", str(cli_index)).stdout)
    assert accented["total"] == 2  # accents rank, they do not filter
    exact = json.loads(
        timtin("search", "Ngà", "--exact", "--json", "--index-dir", str(cli_index)).stdout
    )
    assert exact["total"] == 0  # the seeds say `Nga`, never `Ngà`


def test_version() -> None:
    done = timtin("--version")
    assert done.returncode == 0 and done.stdout.startswith("timtin ")


def test_cli_does_not_import_qt(cli_index: Path) -> None:
    probe = (
        "import sys; from desktop.launch import main; "
        f"main(['search', 'nga', '--index-dir', {str(cli_index)!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
