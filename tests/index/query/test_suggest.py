"""What the engine tells a reader beyond the hits, against a real index's vocabulary.

Telex/VNI typed without an input method, accented variants, and "did you mean".
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from index.engine import Engine
from index.query.suggest import (
    MAX_VARIANTS_PER_WORD,
    did_you_mean,
    typed_without_input_method,
    variants_of,
)
from index.query.vocabulary import Vocabulary
from index.results import Variant
from tests.conftest import engine_over

CORPUS = {
    "vn.txt": "Việt Nam\nViệt Nam và Nga. Người dân bán hàng cho bạn.\n",
    "friends.txt": "Bạn bè\nNgười bạn cũ, cái bàn, bạn học.\n",
    "ban.txt": "Lệnh cấm\nLệnh ban hành hôm nay; nhạc mix ở Mĩ, em bế con.\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from engine_over(tmp_path_factory, "suggest", CORPUS)


@pytest.fixture(scope="module")
def vocabulary(engine: Engine) -> Vocabulary:
    return engine.vocabulary()


@pytest.mark.parametrize(
    ("typed", "read_as"),
    [
        ("vieejt nam", "việt nam"),  # Telex
        ("vie6t5 nam", "việt nam"),  # VNI
        ("nguwowif daan", "người dân"),
        ("Vieejt AND nga", "Việt AND nga"),  # capitals kept; operators, known words left
        ("viet nam", ""),  # nothing needed converting
        ("mix bees", "mix bế"),  # `mix` has hits: never read as `mĩ`, though that has too
        ("hoaf binhf", ""),  # the conversion is not in this index either
    ],
)
def test_telex_and_vni_typed_without_an_input_method_are_read_when_the_index_holds_them(
    vocabulary: Vocabulary, typed: str, read_as: str
) -> None:
    assert typed_without_input_method(typed, vocabulary) == read_as


def test_the_engine_searches_what_the_telex_query_was_read_as(engine: Engine) -> None:
    result = engine.search("vieejt nam")
    assert result.corrected_query == "việt nam"
    assert [hit.title for hit in result.hits] == ["Việt Nam"]


def test_variants_list_accented_forms_with_document_counts_most_frequent_first(
    vocabulary: Vocabulary,
) -> None:
    assert variants_of(["ban", "ban", "bạn"], vocabulary) == [
        Variant("ban", "bạn", 2),
        Variant("ban", "bàn", 1),
        Variant("ban", "bán", 1),
    ]  # `ban` itself is the word typed, not a variant; `bạn` typed has no variants
    assert variants_of(["xyz"], vocabulary) == []


def test_variants_are_capped_per_word() -> None:
    forms = [(f"ba{mark}n", 9 - n) for n, mark in enumerate("\u0301\u0300\u0303\u0309\u0323")]
    many = Vocabulary({"ban": forms + [(f"bă{m}n", 1) for m in "\u0301\u0300\u0303\u0309"]})
    variants = variants_of(["ban"], many)
    assert len(variants) == MAX_VARIANTS_PER_WORD
    assert variants[0].doc_count == 9


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("nguoii", "người"),  # one insertion away
        ("ngoui dan", "người dan"),  # a transposition; known words are kept as typed
        ("vjet", "việt"),  # a replacement
        ("viet nam", ""),  # every word is known
        ("xq", ""),  # too short to guess at
        ("zzzzzz", ""),  # nothing close
    ],
)
def test_did_you_mean_replaces_unknown_words_by_their_closest_frequent_neighbour(
    vocabulary: Vocabulary, typed: str, suggestion: str
) -> None:
    assert did_you_mean(typed, vocabulary) == suggestion


def test_an_absurdly_long_token_gets_no_suggestion_and_costs_nothing(
    vocabulary: Vocabulary,
) -> None:
    started = time.perf_counter()
    assert did_you_mean("a" * 10_000, vocabulary) == ""
    assert typed_without_input_method("aa" * 5_000, vocabulary) == ""
    assert time.perf_counter() - started < 1.0


def test_a_search_without_hits_suggests_and_one_with_hits_does_not(engine: Engine) -> None:
    assert engine.search("nguoii").suggestion == "người"
    assert engine.search("nguoi").suggestion == ""
