"""One logger per subsystem: every module's `__name__` maps to `timtin.<subpackage>`.

Handlers and levels set on a subsystem's logger reach every module of it.
"""

from __future__ import annotations

import logging

import pytest

from index.log import ROOT, logger


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
