"""Turning the engine's <mark> into Qt rich text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.richtext import marked_words, paint_marks
from desktop.theme import LIGHT


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("a <mark>b</mark> c", f'a <span style="background-color:{LIGHT.background}; '),
        ("<MARK>x</MARK>", '<span style="'),
        ("plain &lt;mark&gt; text", "plain &lt;mark&gt; text"),
    ],
)
def test_paint_marks(html: str, expected: str) -> None:
    painted = paint_marks(html)
    assert expected in painted
    assert "<mark" not in painted.lower().replace("&lt;mark&gt;", "")


def test_marked_words() -> None:
    assert marked_words("x <mark>Chủ tịch nước</mark> y <mark>nước</mark>") == [
        "Chủ tịch nước",
        "nước",
    ]


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=8)))
def test_painting_keeps_the_text(words: list[str]) -> None:
    html = " ".join(f"<mark>{w}</mark>" for w in words)
    painted = paint_marks(html)
    assert painted.count("<span") == len(words) == painted.count("</span>")
    assert marked_words(html) == words
