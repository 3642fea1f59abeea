"""One article saved in every encoding old Vietnamese files use, indexed from one folder.

Built with the real `timtin index` command; searched through the engine and `timtin search`.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from index.engine import Engine
from tests.conftest import run_cli
from tests.test_vietnamese_cases import as_read

SAMPLES = Path(__file__).resolve().parent / "data" / "encodings"
PHRASE = "Chủ tịch nước"
BINARY = "binary.bin.txt"

# file -> a word the encoding's name must contain (the engine's label, case-insensitive)
ENCODINGS = {
    "utf8.txt": "utf-8",
    "utf8_bom.txt": "bom",
    "utf16.txt": "utf-16",
    "windows1258.txt": "1258",
    "tcvn3.txt": "tcvn3",
    "vni.txt": "vni",
    "viqr.txt": "viqr",
    "mojibake.txt": "mis-decoded",
}


def reference_text() -> str:
    """The article as every file should read once decoded and normalised."""
    return as_read((SAMPLES / "utf8.txt").read_text(encoding="utf-8"))


def plain(text: str) -> str:
    """Lowercase without marks, đ as d: enough to name which query word a span is."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return stripped.lower().replace("đ", "d")


def phrase_spans() -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(PHRASE, reference_text())]


def timtin(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


Mixed = tuple[Path, Path, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Mixed:
    """(folder, index dir, the `timtin index` run that built it)."""
    base = tmp_path_factory.mktemp("mixed-encodings")
    folder = base / "articles"
    shutil.copytree(SAMPLES, folder)
    index_dir = base / "index"
    return folder, index_dir, timtin("index", str(folder), "--index-dir", str(index_dir))


@pytest.fixture(scope="module")
def engine(mixed: Mixed) -> Iterator[Engine]:
    opened = Engine(mixed[1])
    yield opened
    opened.close()


def test_the_samples_hold_the_phrase_twice() -> None:
    assert len(phrase_spans()) == 2
    assert set(ENCODINGS) | {BINARY} == {p.name for p in SAMPLES.iterdir()}


def test_indexing_takes_every_encoding_and_skips_the_binary_file_with_a_reason(
    mixed: Mixed,
) -> None:
    folder, _, done = mixed
    assert done.returncode == 0, done.stderr
    assert f"{len(ENCODINGS)} added" in done.stdout
    assert "1 skipped" in done.stdout
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 1
    assert str(folder / BINARY) in skipped[0]
    reason = skipped[0].split(f"{BINARY}:", 1)[1].strip()
    assert reason, skipped[0]


def hits_of_engine(engine: Engine, query: str, exact: bool) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = engine.search(query, limit=20, exact=exact).to_json()["hits"]  # type: ignore[assignment]
    return hits


def hits_of_cli(index_dir: Path, query: str, exact: bool) -> list[dict[str, Any]]:
    args = ["search", query, "--json", "--limit", "20", "--index-dir", str(index_dir)]
    done = timtin(*args, *(["--exact"] if exact else []))
    assert done.returncode == 0, done.stderr
    hits: list[dict[str, Any]] = json.loads(done.stdout)["hits"]
    return hits


@pytest.mark.parametrize("surface", ["engine", "cli"])
@pytest.mark.parametrize(
    ("query", "exact"),
    [
        ("chu tich nuoc", False),
        ("Chủ tịch nước", False),
        ("Chủ tịch nước", True),
        ('"chu tich nuoc"', False),
    ],
)
def test_every_encoding_is_found_by_the_same_query_with_offsets_on_the_phrase(
    engine: Engine,
    mixed: Mixed,
    query: str,
    exact: bool,
    surface: str,
) -> None:
    hits = (
        hits_of_engine(engine, query, exact)
        if surface == "engine"
        else hits_of_cli(mixed[1], query, exact)
    )
    assert {Path(hit["path"]).name for hit in hits} == set(ENCODINGS)
    text = reference_text()
    for hit in hits:
        spans = [tuple(span) for span in hit["matches"]]
        marked = [text[s:e] for s, e in spans]
        assert set(phrase_spans()) <= set(spans), (hit["path"], marked)
        if query.startswith('"'):  # a phrase marks only the phrase
            assert spans == phrase_spans(), (hit["path"], marked)
        else:  # loose words mark each word of the query wherever it stands
            assert all(set(plain(m).split()) <= {"chu", "tich", "nuoc"} for m in marked), marked
        assert f"<mark>{PHRASE}</mark>" in hit["snippet"], hit["path"]
        assert hit["title"] == text.split("\n", 1)[0].strip()


def reader_lines(reader_html: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in reader_html.split("\n")]


@pytest.mark.parametrize("query", ['"chu tich nuoc"', "Chủ tịch nước"])
@pytest.mark.parametrize(("name", "label"), list(ENCODINGS.items()))
def test_the_reader_shows_each_file_as_written_and_names_its_encoding(
    engine: Engine,
    mixed: Mixed,
    name: str,
    label: str,
    query: str,
) -> None:
    view = engine.read(str(mixed[0] / name), query)
    assert label in view.encoding.casefold(), view.encoding
    assert view.html.count(f"<mark>{PHRASE}</mark>") == 2
    assert view.match_count == len(view.matches)
    assert set(phrase_spans()) <= set(view.matches)
    if query.startswith('"'):
        assert view.matches == phrase_spans()
    expected = [line for line in reference_text().split("\n") if line.strip()]
    assert reader_lines(view.html) == expected
