"""The `timtin` command line as other tools call it: a contract of arguments and JSON shapes.

Runs the real console entry point in a subprocess against an index in `tmp_path`.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
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


def test_watch_keeps_the_index_up_to_date_until_interrupted(tmp_path: Path) -> None:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A\nHà Nội\n", encoding="utf-8")
    command = ["watch", str(corpus), "--index-dir", str(index_dir)]
    watch = subprocess.Popen(
        [sys.executable, "-m", "desktop.launch", *command],
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert watch.stdout is not None
        first = watch.stdout.readline()
        assert first.startswith("rescanned 1 folder(s) (start): 1 added"), first
        saved = time.monotonic()
        (corpus / "b.txt").write_text("B\nThành phố Đà Nẵng\n", encoding="utf-8")
        search = ["search", "da nang", "--json", "--index-dir", str(index_dir)]
        while True:
            found = timtin(*search)
            assert found.returncode == 0, found.stderr
            if json.loads(found.stdout)["total"] == 1:
                break
            assert time.monotonic() - saved < 5.0, "not searchable within 5 s"
            time.sleep(0.1)
        print(f"saved -> found by `timtin search`: {time.monotonic() - saved:.2f} s")
        assert watch.stdout.readline() == f"updated 1, removed 0: {corpus / 'b.txt'}\n"
        watch.send_signal(signal.SIGINT)
        _, stderr = watch.communicate(timeout=10)
    finally:
        watch.kill()
    assert watch.returncode == 0, stderr
    assert "Stopped watching: what was indexed is kept." in stderr


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("cli-filters")
    corpus = root / "corpus"
    for name, text in {
        "tin/old.txt": "Tin cũ\n01/02/2019\nKinh tế.\n",
        "tin/sep.txt": "Tin tháng chín\n15/09/2025\nKinh tế.\n",
        "bao cao/oct.txt": "Tin tháng mười\n20/10/2025\nKinh tế.\n",
        "none.txt": "Không ngày\nKinh tế.\n",
    }.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    done = timtin("index", str(corpus), "--index-dir", str(root / "index"))
    assert done.returncode == 0, done.stderr
    return root / "index", corpus


def search_json(index_dir: Path, *args: str) -> dict[str, object]:
    found = timtin("search", *args, "--json", "--index-dir", str(index_dir))
    assert found.returncode == 0, found.stderr
    result: dict[str, object] = json.loads(found.stdout)
    return result


def hit_names(result: dict[str, object]) -> list[str]:
    hits = result["hits"]
    assert isinstance(hits, list)
    return [Path(hit["path"]).name for hit in hits]


def test_filter_flags_mean_what_the_query_fields_mean(dated_index: tuple[Path, Path]) -> None:
    index_dir, corpus = dated_index
    flags = search_json(index_dir, "kinh te", "--after", "2025-09", "--before", "2025-10")
    fields = search_json(index_dir, "kinh te date:2025-09..2025-10")
    assert flags["total"] == fields["total"] == 2
    assert hit_names(flags) == hit_names(fields)
    folder = search_json(index_dir, "kinh te", "--folder", str(corpus / "tin"), "--type", "txt")
    assert sorted(hit_names(folder)) == ["old.txt", "sep.txt"]
    assert search_json(index_dir, "kinh te", "--type", "pdf,docx")["total"] == 0
    year = search_json(index_dir, "kinh te", "--after", "2025", "--sort", "oldest")
    assert hit_names(year) == ["sep.txt", "oct.txt"]


@pytest.mark.parametrize(
    ("sort", "first"), [("newest", "oct.txt"), ("date", "oct.txt"), ("name", "none.txt")]
)
def test_sort_choices(dated_index: tuple[Path, Path], sort: str, first: str) -> None:
    assert hit_names(search_json(dated_index[0], "kinh te", "--sort", sort))[0] == first


@pytest.mark.parametrize(
    ("flag", "value"), [("--after", "hôm qua"), ("--before", "2025-13"), ("--type", "p d f")]
)
def test_a_bad_filter_flag_is_a_usage_error(flag: str, value: str) -> None:
    done = timtin("search", "kinh", flag, value)
    assert done.returncode == 2 and "not a" in done.stderr
