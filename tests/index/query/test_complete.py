"""Typing: the unfinished last word is read as the whole words it most likely is.

On a real index: completions that follow the previous word first, accents typed in the prefix
ranking as in whole words, exact mode keeping only forms begun as typed, no vanishing results.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.engine import Engine
from index.query.complete import split_typed
from tests.conftest import engine_over

FILES = {
    "president.txt": "Chủ tịch nước tiếp đoàn\nChủ tịch nước Lương Cường tiếp đoàn đại biểu.",
    "women.txt": "Hội phụ nữ\nChủ đề của hội nghị là phụ nữ nông thôn và nữ sinh.",
    "price.txt": "Giá cả\nChủ tiệm nói giá tích trữ tăng, chủ tịch xã không nói.",
    "tich.txt": "Tích lũy\nTích lũy vốn và tịch thu tài sản là hai việc khác nhau.",
    "savings.txt": "Tiết kiệm\nTích lũy vốn là việc lâu dài, tích tiểu thành đại.",
    "nuoc.txt": "Nước sạch\nNước sạch về nông thôn, nước mưa và nước ngầm.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from engine_over(tmp_path_factory, "typing", FILES)


def first(engine: Engine, query: str, **options: bool) -> str:
    hits = engine.search(query, **options).hits
    return hits[0].path.rsplit("/", 1)[-1] if hits else ""


@pytest.mark.parametrize(
    ("text", "head", "prefix", "previous"),
    [
        ("chu tich nu", "chu tich ", "nu", "tich"),
        ("Chủ tịch Nư", "Chủ tịch ", "Nư", "tich"),
        ("nu", "", "nu", ""),
        ("chu tich, nu", "chu tich, ", "nu", ""),  # a comma: no pair with the previous word
        ("-chu nu", "-chu ", "nu", ""),  # an excluded word is no neighbour
    ],
)
def test_the_last_plain_word_is_the_prefix(
    text: str, head: str, prefix: str, previous: str
) -> None:
    typed = split_typed(text)
    assert typed is not None
    assert (typed.head, typed.prefix, typed.previous) == (head, prefix, previous)


@pytest.mark.parametrize("text", ["chu tich ", '"chu tich"', "nu*", "chu -nu", "chu AND", ""])
def test_a_finished_word_or_syntax_is_no_prefix(text: str) -> None:
    assert split_typed(text) is None


def test_half_a_word_finds_what_the_whole_phrase_finds_first(engine: Engine) -> None:
    assert engine.search("chu tich nu").total == 0  # as a whole word, `nu` is nữ, nụ …
    typing = engine.search("chu tich nu", typing=True)
    assert first(engine, "chu tich nuoc") == "president.txt"
    assert first(engine, "chu tich nu", typing=True) == "president.txt"
    assert "<mark>Chủ tịch nước</mark>" in typing.hits[0].snippet
    assert [c.word for c in typing.completions][:1] == ["nuoc"]
    assert typing.to_json()["completions"][0] == {"word": "nuoc", "count": 2}


def test_results_never_vanish_while_the_phrase_is_typed(engine: Engine) -> None:
    phrase = "chu tich nuoc tiep doan"
    finished_first = first(engine, phrase)
    for end in range(2, len(phrase) + 1):
        typed = phrase[:end]
        result = engine.search(typed, typing=True)
        assert result.total > 0, typed
        if typed.endswith(("chu tich n", "chu tich nu", "chu tich nuo")):
            assert finished_first in {h.path.rsplit("/", 1)[-1] for h in result.hits}, typed


def test_accents_typed_in_the_prefix_rank_as_in_whole_words(engine: Engine) -> None:
    with_tich = {"president.txt", "price.txt", "tich.txt"}  # they hold tịch
    loose = [h.path.rsplit("/", 1)[-1] for h in engine.search("tịc", typing=True).hits]
    assert set(loose[:3]) == with_tich and loose[3:] == ["savings.txt"]  # tích: a match, lower
    exact = engine.search("tịc", typing=True, exact=True)
    assert {h.path.rsplit("/", 1)[-1] for h in exact.hits} == with_tich
    marked = {engine_text(h.path)[s:e].lower() for h in exact.hits for s, e in h.matches}
    assert "tịch" in marked and "tích" not in marked


def engine_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def test_a_prefix_nothing_completes_finds_nothing_and_says_so_in_exact_mode(
    engine: Engine,
) -> None:
    assert engine.search("chu xqz", typing=True).total == 0
    result = engine.search("chủ xqz", typing=True, exact=True)
    assert result.total == 0 and result.no_exact_match == ["xqz"]


def test_without_typing_a_query_means_what_it_says(engine: Engine) -> None:
    assert engine.search("chu tich nu").completions == []
    assert engine.search("chu tich nu ", typing=True).total == 0  # a space ends the word
