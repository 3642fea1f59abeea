"""The house's shape: tests mirror the source file for file, and index/ stays a few rooms.

Like qutebrowser's check_coverage.py: a module without its test file is a failure here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO

SOURCE_PACKAGES = ("index", "desktop")
MAX_TOP_LEVEL_MODULES = 10  # index/: the face, engine, errors, … (see index/__init__.py)
# Test files of a behaviour that crosses modules, each with what it covers.
WHOLE_BEHAVIOURS = {
    Path("tests/desktop/test_indexing.py"): "indexing folders from the window, end to end",
    Path("tests/desktop/test_vietnamese_cases_window.py"): "the Vietnamese cases in the window",
    Path("tests/desktop/test_package.py"): "the window's house rules: theme colours, loggers",
    Path("tests/test_vietnamese_cases_formats.py"): (
        "the Vietnamese cases against the same corpora in every file type the indexer reads"
    ),
}


def source_modules() -> list[Path]:
    """Every module of the engine and the window, `__init__` faces aside."""
    return sorted(
        path.relative_to(REPO)
        for package in SOURCE_PACKAGES
        for path in (REPO / package).rglob("*.py")
        if path.name != "__init__.py"
    )


def expected_test(module: Path) -> Path:
    """`index/query/plan.py` is tested by `tests/index/query/test_plan.py`."""
    return Path("tests") / module.parent / f"test_{module.name}"


@pytest.mark.parametrize("module", source_modules(), ids=str)
def test_every_module_has_its_test_file(module: Path) -> None:
    test_file = REPO / expected_test(module)
    assert test_file.is_file(), f"{module} has no {expected_test(module)}"
    assert "def test_" in test_file.read_text(encoding="utf-8"), f"{test_file} tests nothing"


def test_every_test_file_names_a_module_or_a_whole_behaviour() -> None:
    """A test file under tests/index or tests/desktop mirrors a module, or is a named behaviour."""
    mirrored = {expected_test(module) for module in source_modules()}
    strays = [
        path.relative_to(REPO)
        for package in SOURCE_PACKAGES
        for path in (REPO / "tests" / package).rglob("test_*.py")
        if path.relative_to(REPO) not in mirrored | WHOLE_BEHAVIOURS.keys()
    ]
    assert strays == []


def test_index_keeps_its_flow_in_subpackages() -> None:
    top_level = sorted(path.name for path in (REPO / "index").glob("*.py"))
    assert len(top_level) <= MAX_TOP_LEVEL_MODULES, top_level
    for package in ("text", "storage", "indexing", "query", "ranking"):
        assert (REPO / "index" / package / "__init__.py").is_file()
