"""Query plans against a real index's vocabulary: what must match and what ranks higher.

Words match folded; accented words add exact-form boosts; exclusions, phrases, fallbacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from index.engine import Engine
from index.query.plan import EXACT_SCORE, PARTIAL_SCORE, SHINGLE_SCORE, TITLE_SCORE, plan_query
from index.query.vocabulary import Vocabulary
from index.text.fold import fold
from tests.conftest import engine_over

CORPUS = {
    "president.txt": "Chủ tịch nước\nChủ tịch nước tiếp bạn bè quốc tế ở Hà Nội.\n",
    "market.txt": "Chợ\nTôi bán hàng ở bến, bấn loạn vì bàn ghế ở Hà Giang.\n",
    "covid.txt": "Dịch bệnh\nCOVID-19 lan rộng.\n",
    "engineer.txt": "Kỹ sư\nKỹ sư Mỹ và kĩ thuật viên Lí bàn về tỉ lệ.\n",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    yield from engine_over(tmp_path_factory, "plan", CORPUS)


@pytest.fixture(scope="module")
def vocabulary(engine: Engine) -> Vocabulary:
    return engine.vocabulary()


def boosts(plan_query_result: wq.Query) -> set[tuple[str, str, float]]:
    """Every boosted term of a plan: (field, text, boost)."""
    return {
        (leaf.fieldname, leaf.text, leaf.boost)
        for leaf in plan_query_result.leaves()
        if isinstance(leaf, wq.Term) and leaf.boost != 1.0
    }


def names(engine: Engine, query: str, *, exact: bool = False) -> set[str]:
    return {Path(hit.path).name for hit in engine.search(query, exact=exact, limit=50).hits}


def test_an_unaccented_query_matches_every_word_folded(vocabulary: Vocabulary) -> None:
    plan = plan_query("chu tich nuoc", vocabulary)
    body = [wq.Term("body", word) for word in ("chu", "tich", "nuoc")]
    assert plan.match == wq.And(body)
    assert plan.words == ["chu", "tich", "nuoc"]
    assert boosts(plan.query) == {
        ("title", "chu", TITLE_SCORE),
        ("title", "tich", TITLE_SCORE),
        ("title", "nuoc", TITLE_SCORE),
        ("shingles", "chu tich", SHINGLE_SCORE),
        ("shingles", "tich nuoc", SHINGLE_SCORE),
    }


@pytest.mark.parametrize(
    ("typed", "forms"),
    [
        ("bạn", {("bạn", EXACT_SCORE)}),
        ("bán", {("bán", EXACT_SCORE)}),
        ("bân", {("bấn", PARTIAL_SCORE)}),  # marks held, tone left free
        ("ban", set()),  # no accents typed: nothing to prefer
    ],
)
def test_accents_typed_add_boosts_for_the_forms_they_stand_for(
    vocabulary: Vocabulary, typed: str, forms: set[tuple[str, float]]
) -> None:
    plan = plan_query(typed, vocabulary)
    assert plan.match == wq.Term("body", "ban")  # the match itself stays folded
    exact = {(text, boost) for field, text, boost in boosts(plan.query) if field == "body_exact"}
    assert exact == forms


def test_an_excluded_word_is_neither_required_nor_marked(vocabulary: Vocabulary) -> None:
    plan = plan_query("ha -giang", vocabulary)
    assert plan.match == wq.AndNot(wq.Term("body", "ha"), wq.Term("body", "giang"))
    assert plan.words == ["ha"]
    assert [step.words for (step,) in plan.patterns] == [frozenset({"ha"})]


@pytest.mark.parametrize("typed", ["", "   ", "*", "?*", "NOT ha", "NOT ha NOT giang", "AND OR"])
def test_a_query_asking_for_nothing_is_empty(vocabulary: Vocabulary, typed: str) -> None:
    assert plan_query(typed, vocabulary).is_empty


@pytest.mark.parametrize("typed", ["-ha", "-ha -giang"])
def test_a_query_of_only_minus_exclusions_is_empty(
    engine: Engine, vocabulary: Vocabulary, typed: str
) -> None:
    assert names(engine, typed) == set()
    assert plan_query(typed, vocabulary).is_empty


@pytest.mark.parametrize(
    ("typed", "words", "found"),
    [
        ("((ha", ["ha"], {"president.txt", "market.txt"}),
        ('"hà nội', ["hà", "nội"], {"president.txt"}),
        ("[ha TO giang", ["ha", "to", "giang"], set()),
        ("[ha giang", ["ha", "giang"], {"market.txt"}),
    ],
)
def test_a_query_that_fails_to_parse_still_searches_its_words(
    engine: Engine, vocabulary: Vocabulary, typed: str, words: list[str], found: set[str]
) -> None:
    plan = plan_query(typed, vocabulary)
    assert not plan.is_empty and plan.words == words
    assert names(engine, typed) == found


def test_a_quoted_phrase_needs_its_neighbouring_pairs(
    engine: Engine, vocabulary: Vocabulary
) -> None:
    plan = plan_query('"chu tich nuoc"', vocabulary)
    assert plan.match == wq.And([wq.Term("shingles", "chu tich"), wq.Term("shingles", "tich nuoc")])
    assert [len(pattern) for pattern in plan.patterns] == [3]
    assert names(engine, '"tich chu"') == set()
    assert names(engine, '"chu tich"') == {"president.txt"}


def test_exact_mode_matches_only_forms_the_index_holds(
    engine: Engine, vocabulary: Vocabulary
) -> None:
    plan = plan_query("bạn", vocabulary, exact=True)
    assert isinstance(plan.match, wq.And)
    assert {(leaf.fieldname, leaf.text) for leaf in plan.match.leaves()} == {
        ("body_exact", "bạn"),
        ("body", "ban"),
    }
    assert [step.exact for (step,) in plan.patterns] == [True]
    missing = plan_query("bẹn", vocabulary, exact=True)  # no such form: nothing matches
    assert missing.no_exact_match == ["bẹn"]
    assert engine.search("bẹn", exact=True).total == 0
    assert engine.search("bẹn", exact=True).to_json()["no_exact_match"] == ["bẹn"]
    # The stricter mode never finds more: a word with no exact form empties its AND.
    assert engine.search("bạn bẹn", exact=True).total == 0
    assert engine.search("bạn bẹn").total <= engine.search("bạn").total
    assert names(engine, "bẹn") == {"market.txt"}  # the loose search finds `bến`
    assert plan_query("exact:bán", vocabulary).patterns[0][0].words == frozenset({"bán"})


def test_a_title_query_matches_the_title_field_only(vocabulary: Vocabulary) -> None:
    plan = plan_query("title:cho", vocabulary)
    assert plan.match == wq.Term("title", "cho")
    assert boosts(plan.query) == set()


def test_a_hyphenated_word_finds_the_document_holding_it(engine: Engine) -> None:
    assert names(engine, "COVID-19") == {"covid.txt"}


WORDS = sorted({w.strip(".,") for text in CORPUS.values() for w in text.split()} | {"xqzw", "bẹn"})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), st.booleans())
def test_exact_results_are_always_a_subset_of_folded_results(
    engine: Engine, words: list[str], unaccent: bool
) -> None:
    query = " ".join(fold(w) if unaccent else w for w in words)
    exact = names(engine, query, exact=True)
    assert exact <= names(engine, query)


@pytest.mark.parametrize(("query", "exact"), [("kĩ sư", True), ("ky su", False), ("mĩ", True)])
def test_i_and_y_spellings_find_each_other_in_both_modes(
    engine: Engine, query: str, exact: bool
) -> None:
    assert names(engine, query, exact=exact) == {"engineer.txt"}
    marked = {
        CORPUS["engineer.txt"][s:e] for s, e in engine.search(query, exact=exact).hits[0].matches
    }
    assert marked >= ({"Kỹ sư"} if "s" in query else {"Mỹ"})
