"""ComputedDict: a missing key is computed once and kept, and everything is forgotten at the limit.

It backs `str.translate` tables and per-syllable caches, so it is checked in those uses too.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from index.text.computed_dict import ComputedDict


def _counting(compute_calls: list[str]) -> ComputedDict[str, str]:
    def compute(key: str) -> str:
        compute_calls.append(key)
        return key.upper()

    return ComputedDict(compute)


def test_a_missing_key_is_computed_once_then_kept() -> None:
    calls: list[str] = []
    table = _counting(calls)
    assert table["hòa"] == "HÒA"
    assert table["hòa"] == "HÒA"
    assert calls == ["hòa"]
    assert "hòa" in table and len(table) == 1


def test_get_and_membership_do_not_compute() -> None:
    calls: list[str] = []
    table = _counting(calls)
    assert table.get("việt") is None
    assert "việt" not in table
    assert calls == []


def test_at_the_limit_everything_is_forgotten_and_computed_again() -> None:
    calls: list[int] = []

    def square(key: int) -> int:
        calls.append(key)
        return key * key

    table: ComputedDict[int, int] = ComputedDict(square, limit=2)
    assert [table[1], table[2]] == [1, 4]
    assert table[3] == 9  # the third key clears the two held
    assert dict(table) == {3: 9}
    assert table[1] == 1
    assert calls == [1, 2, 3, 1]


def test_serves_as_a_str_translate_table() -> None:
    # None deletes a character, a string replaces it: what normalisation tables rely on.
    table: ComputedDict[int, str | None] = ComputedDict(
        lambda code: None if chr(code) == "\u200b" else chr(code).upper()
    )
    assert "việt\u200bnam".translate(table) == "VIỆTNAM"
    assert set(table) == {ord(c) for c in "việt\u200bnam"}


@given(st.lists(st.text(max_size=4), max_size=60), st.integers(min_value=1, max_value=5))
def test_values_are_always_computed_ones_and_size_stays_under_the_limit(
    keys: list[str], limit: int
) -> None:
    table: ComputedDict[str, int] = ComputedDict(len, limit=limit)
    for key in keys:
        assert table[key] == len(key)
        assert len(table) <= limit
        assert all(value == len(held) for held, value in table.items())
