"""Pasting: any run of words copied from an indexed document, with its punctuation, finds it.

A property over the seeds and their paragraphs (hypothesis): the run finds its source, first
when no other document holds all its syllable pairs; a 200-word paste answers in bounded time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.engine import Engine
from index.text.documents import read_text
from index.text.fold import fold
from index.text.terms import shingles, syllable_spans
from tests.conftest import engine_over

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _corpus() -> dict[str, str]:
    """The seeds whole, and each of their paragraphs as a document of its own."""
    files: dict[str, str] = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        text = read_text(seed).text
        files[seed.name] = text
        for number, paragraph in enumerate(p for p in text.split("\n") if len(p.split()) > 8):
            files[f"{seed.stem}-{number:02d}.txt"] = paragraph
    return files


CORPUS = _corpus()
DOCUMENTS = sorted(CORPUS)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from engine_over(tmp_path_factory, "pasting", CORPUS)


def _pairs(text: str) -> set[str]:
    folded = fold(text)
    return {term for _, _, term in shingles(folded, syllable_spans(folded))}


def _holders(run: str) -> set[str]:
    """Documents holding every syllable pair of `run` (every syllable, for one-word runs)."""
    wanted = _pairs(run) or {fold(run).strip()}
    return {
        name for name, text in CORPUS.items() if wanted <= (_pairs(text) | set(fold(text).split()))
    }


@st.composite
def pasted_runs(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(DOCUMENTS))
    words = CORPUS[name].split()
    length = draw(st.integers(1, min(40, len(words))))
    start = draw(st.integers(0, len(words) - length))
    return name, " ".join(words[start : start + length])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pasted_runs())
def test_a_pasted_run_finds_its_document_first_when_distinctive(
    engine: Engine, case: tuple[str, str]
) -> None:
    name, run = case
    if not any(ch.isalnum() for ch in run):
        return  # a run of dashes and bullets asks for nothing
    hits = [Path(hit.path).name for hit in engine.search(run, limit=len(DOCUMENTS)).hits]
    assert name in hits, run
    if _holders(run) == {name}:
        assert hits[0] == name, run


@pytest.mark.parametrize(
    "run",
    [
        "chính thức Nga của Tổng Bí thư Tô Lâm (tháng 5/2025), đã tạo xung lực mạnh mẽ",
        "A.V. Gutsan",
        "26/10/2025",
    ],
)
def test_the_passages_of_the_issue_find_their_seed(engine: Engine, run: str) -> None:
    hits = engine.search(run, limit=3).hits
    assert hits and all(run in read_text(Path(hit.path)).text for hit in hits)


def test_a_date_ranks_the_documents_holding_it_together(engine: Engine) -> None:
    together = {name for name, text in CORPUS.items() if "26/10/2025" in text}
    found = {Path(hit.path).name for hit in engine.search("26/10/2025", limit=50).hits}
    assert found == together  # not every document with 26 and 2025 apart


def test_a_pasted_paragraph_of_200_words_answers_in_bounded_time(engine: Engine) -> None:
    name = max(DOCUMENTS, key=lambda n: len(CORPUS[n].split()))
    paragraph = " ".join(CORPUS[name].split()[:200])
    started = time.perf_counter()
    hits = engine.search(paragraph).hits
    took = time.perf_counter() - started
    assert hits and Path(hits[0].path).name == name
    assert took < 5.0, took  # a bound on a stuck search, not a speed figure (BENCHMARKS.md)
