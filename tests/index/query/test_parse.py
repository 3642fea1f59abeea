"""Reading a typed query as Whoosh syntax on accent-exact words, leniently.

Dangling operators are dropped, a hyphen inside a word is text, a pasted passage is words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from whoosh import query as wq

from index.query.parse import MAX_SYNTAX_CHARS, fallback_words, parse


def term(text: str, field: str = "body") -> wq.Term:
    return wq.Term(field, text)


def nodes(query: wq.Query) -> Iterator[wq.Query]:
    yield query
    for child in query.children():
        yield from nodes(child)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ha AND", term("ha")),
        ("OR ha", term("ha")),
        ("ha OR", term("ha")),
        ("ha NOT", term("ha")),
        ("AND OR ha AND OR", term("ha")),
        ("ha AND noi", wq.And([term("ha"), term("noi")])),
        ("ha OR noi", wq.Or([term("ha"), term("noi")])),
        ("AND", wq.NullQuery),
    ],
)
def test_dangling_operators_are_dropped(typed: str, expected: wq.Query) -> None:
    assert parse(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Việt Nam - Nga", wq.And([term("việt"), term("nam"), term("nga")])),
        ("ha -giang", wq.AndNot(term("ha"), term("giang"))),
        ("ha +noi", wq.AndMaybe(term("noi"), term("ha"))),
    ],
)
def test_minus_excludes_only_at_the_start_of_a_word(typed: str, expected: wq.Query) -> None:
    assert parse(typed) == expected


@pytest.mark.parametrize("typed", ["COVID-19", "F-16 bay", "năm 2020-2021"])
def test_a_hyphen_inside_a_word_is_not_an_exclusion(typed: str) -> None:
    parsed = parse(typed)
    assert not any(isinstance(node, (wq.Not, wq.AndNot)) for node in nodes(parsed))
    words = {
        word
        for leaf in parsed.leaves()
        for word in (leaf.words if isinstance(leaf, wq.Phrase) else [leaf.text])
    }
    assert words == {w.lower() for w in typed.replace("-", " ").split()}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Bạn", term("bạn")),  # lowercase, accents kept: the planner folds it later
        ("title:Hà", term("hà", "title")),
        ("exact:bạn", term("bạn", "exact")),
        ('"hà nội"', wq.Phrase("body", ["hà", "nội"])),
        ("gian*", wq.Prefix("body", "gian")),
    ],
)
def test_words_stay_accent_exact_in_their_fields(typed: str, expected: wq.Query) -> None:
    assert parse(typed) == expected


def test_a_pasted_passage_is_read_as_plain_words() -> None:
    passage = ("title:Hà OR -Nội NOT (mưa " * 400)[: MAX_SYNTAX_CHARS + 50]
    parsed = parse(passage)
    assert isinstance(parsed, wq.And)
    fields = {child.fieldname for child in parsed.subqueries}
    words = {child.text.lower() for child in parsed.subqueries}
    assert fields == {"body"}
    assert words == {"title", "hà", "nội", "mưa"}  # operators are not words


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('"unclosed phrase', wq.And([term("unclosed"), term("phrase")])),
        ("((ha AND", wq.And([term("ha")])),
        ("NOT or And", wq.NullQuery),
        ("!!! ...", wq.NullQuery),
    ],
)
def test_fallback_searches_the_words_and_ed(typed: str, expected: wq.Query) -> None:
    assert fallback_words(typed) == expected
