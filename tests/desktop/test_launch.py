"""The `timtin` console script, run as a program: commands answer without Qt, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from index import __version__
from tests.conftest import REPO, cli_env, run_cli


def launch(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def test_version() -> None:
    done = launch("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"timtin {__version__}"


def test_search_prints_json_of_the_seeds(seed_index: Path) -> None:
    done = launch("search", "nga", "--json", "--index-dir", str(seed_index))
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["query"] == "nga"
    assert payload["total"] == 2
    assert len(payload["hits"]) == 2


def test_search_does_not_import_qt(seed_index: Path) -> None:
    probe = (
        "import sys; from desktop.launch import main; "
        f"code = main(['search', 'nga', '--json', '--index-dir', {str(seed_index)!r}]); "
        "assert code == 0, code; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "assert 'desktop.app' not in sys.modules, 'the window imported'"
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


def test_an_unknown_command_fails_without_a_window() -> None:
    done = launch("frobnicate")
    assert done.returncode != 0
    assert "usage" in done.stderr.lower()
