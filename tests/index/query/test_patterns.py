"""The highlighter's steps: which tokens a word, prefix or glob step accepts, folded or exact.

Each step's folded regex finds every token it could accept, so no match goes unmarked.
"""

from __future__ import annotations

import fnmatch
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from index.query.patterns import NEVER, Step
from index.text.fold import fold
from index.text.terms import exact_form

TOKENS = ["bạn", "bán", "ban", "bàn", "bang", "banh", "hà"]


def accepted(step: Step, tokens: list[str] = TOKENS) -> list[str]:
    folded = [fold(token) for token in tokens]
    exact = [exact_form(token) for token in tokens]
    return [token for token, ok in zip(tokens, step.accepted(folded, exact), strict=True) if ok]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (Step(words=frozenset({"ban"})), ["bạn", "bán", "ban", "bàn"]),
        (Step(exact=True, words=frozenset({"bạn", "bàn"})), ["bạn", "bàn"]),
        (Step(exact=True, words=frozenset()), []),  # no exact form in the index
        (Step(prefix="ban"), ["bạn", "bán", "ban", "bàn", "bang", "banh"]),
        (Step(prefix="bang"), ["bang"]),
        (Step(exact=True, prefix="bà"), ["bàn"]),
        (Step(glob=re.compile(fnmatch.translate("ba?h"))), ["banh"]),
        (Step(), []),
    ],
)
def test_a_step_accepts_the_tokens_it_stands_for(step: Step, expected: list[str]) -> None:
    assert accepted(step) == expected


def test_a_step_that_can_accept_nothing_has_a_regex_matching_nothing() -> None:
    assert Step().folded_regex() == NEVER
    assert re.search(NEVER, "any text at all") is None


def test_the_regex_of_several_words_prefers_the_longest() -> None:
    regex = re.compile(Step(words=frozenset({"ngu", "nguoi"})).folded_regex())
    match = regex.match("nguoi")
    assert match is not None and match.group() == "nguoi"


syllables = st.text(alphabet="aăâbcdđeêioôơuưyàáảãạằắẳẵặầấẩẫậềếểễệờớởỡợừứửữự", min_size=1)


@given(st.frozensets(syllables, min_size=1, max_size=5))
def test_the_folded_regex_finds_every_word_an_exact_step_accepts(words: frozenset[str]) -> None:
    regex = re.compile(Step(exact=True, words=words).folded_regex())
    assert all(regex.fullmatch(fold(word)) for word in words)


@given(syllables, syllables)
def test_the_folded_regex_of_a_prefix_finds_its_continuations(prefix: str, rest: str) -> None:
    # A whole syllable `by` folds as its spelling variant `bi`; `bya` is no such syllable.
    assume(fold(prefix + rest).startswith(fold(prefix)))
    regex = re.compile(Step(prefix=fold(prefix)).folded_regex())
    assert regex.fullmatch(fold(prefix + rest))
    assert not regex.fullmatch(fold(rest)) or fold(rest).startswith(fold(prefix))
