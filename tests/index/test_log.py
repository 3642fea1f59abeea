"""One logger per subsystem: every module's `__name__` maps to `timtin.<subpackage>`.

Handlers and levels set on a subsystem's logger reach every module of it.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from index.log import ROOT, logger
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("index.storage.codec", "timtin.storage"),
        ("index.storage.open_index", "timtin.storage"),
        ("index.text.formats.plain_text", "timtin.text"),
        ("index.engine", "timtin.engine"),
        ("index.cli", "timtin.cli"),
        ("index", "timtin.index"),
        ("desktop.reader", "timtin.desktop"),
        ("desktop.widgets.results_delegate", "timtin.desktop"),
        ("desktop", "timtin.desktop"),
    ],
)
def test_a_module_logs_as_its_subsystem(module: str, expected: str) -> None:
    assert logger(module).name == expected


def test_modules_of_one_subsystem_share_one_logger_under_the_root() -> None:
    assert logger("index.query.plan") is logger("index.query.suggest")
    assert logger("index.query.plan") is not logger("index.ranking.scoring")
    root = logging.getLogger(ROOT)
    assert logger("index.query.plan").parent is root


def test_the_engines_modules_use_the_registry(caplog: pytest.LogCaptureFixture) -> None:
    from index.indexing import manifest
    from index.query import plan

    assert plan.log.name == "timtin.query"
    assert manifest.log.name == "timtin.indexing"
    with caplog.at_level(logging.INFO, logger="timtin.query"):
        plan.log.info("probe")
    assert [(r.name, r.message) for r in caplog.records] == [("timtin.query", "probe")]


def test_a_failed_command_keeps_its_traceback_in_the_log_file(tmp_path: Path) -> None:
    # One line on the terminal; the traceback in the rotating log under the data folder.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    data_home = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "desktop.launch", "index", "--index-dir", str(blocker / "index")],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data_home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    log_text = (data_home / "timtin" / "logs" / "timtin.log").read_text(encoding="utf-8")
    assert "timtin index failed" in log_text and "Traceback" in log_text
