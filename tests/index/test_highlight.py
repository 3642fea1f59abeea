"""Highlighting: matches found on folded or exact forms, cut from the original text, escaped.

Snippets and the reader's HTML mark every match in `<mark>`; the reader numbers each one.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.highlight import SNIPPET_CHARS, find_matches, reader_html, snippet_html
from index.query.patterns import Pattern
from index.query.plan import plan_query
from index.query.vocabulary import Vocabulary
from index.text.fold import fold
from index.text.terms import SYLLABLE

VOCABULARY = Vocabulary(
    {"ban": [("bạn", 2), ("bán", 1), ("ban", 1)], "duong": [("đường", 2), ("dương", 1)]}
)


def patterns(query: str, *, exact: bool = False) -> list[Pattern]:
    return plan_query(query, VOCABULARY, exact=exact).patterns


def marked(text: str, query: str, *, exact: bool = False) -> list[str]:
    return [text[start:end] for start, end in find_matches(text, patterns(query, exact=exact))]


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Đường phố Hà Nội", "duong", ["Đường"]),
        ("Đường phố Hà Nội", "đường", ["Đường"]),
        ("Chủ tịch nước tiếp khách", "chu tich nuoc", ["Chủ tịch nước"]),
        ("Chủ tịch, nước", "chu tich nuoc", ["Chủ tịch", "nước"]),
        ("Tôi bán hàng cho bạn", "ban", ["bán", "bạn"]),
        ("bàn ăn, lệnh cấm", "an", ["ăn"]),  # never inside a word: not the `an` of `bàn`
        ("Hà Nội; Hà Giang", '"ha noi"', ["Hà Nội"]),
        ("Hà, Nội", '"ha noi"', []),  # a phrase needs its words side by side
        ("Hà Giang và Gia Lai", "gia*", ["Giang", "Gia"]),
        ("Hà Nội không vội", "-noi ha", ["Hà"]),  # excluded words are not marked
        ("COVID-19 lan rộng", "COVID-19", ["COVID-19"]),  # one word written with a hyphen
        ("COVID 19 lan rộng", "COVID-19", ["COVID 19"]),
        ("nothing here", "", []),
    ],
)
def test_matches_are_the_words_as_written(text: str, query: str, expected: list[str]) -> None:
    assert marked(text, query) == expected


def test_exact_mode_marks_only_the_forms_as_typed() -> None:
    text = "Tôi bán hàng cho bạn, bạn ơi"
    assert marked(text, "bạn", exact=True) == ["bạn", "bạn"]
    assert marked(text, "bạn") == ["bán", "bạn", "bạn"]


def test_offsets_point_into_the_original_text_after_accented_letters() -> None:
    text = "Đắk Lắk\nỞ Đắk Lắk có mưa.\n"
    matches = find_matches(text, patterns("dak lak"))
    assert matches == [(0, 7), (10, 17)]
    assert {text[s:e] for s, e in matches} == {"Đắk Lắk"}


def test_snippet_escapes_markup_in_the_document() -> None:
    text = "Tiêu đề <b>đậm</b>\n<script>alert('x')</script> nội dung & thêm\n"
    snippet = snippet_html(text, find_matches(text, patterns("noi dung")))
    assert "<script>" not in snippet and "<b>" not in snippet
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in snippet
    assert "<mark>nội dung</mark> &amp; thêm" in snippet


def test_snippet_shows_lines_joined_and_prefers_a_match_in_the_body() -> None:
    text = "Hà Nội\nHôm nay\nHà Nội mưa to.\n"
    snippet = snippet_html(text, find_matches(text, patterns("ha noi")))
    assert snippet == "<mark>Hà Nội</mark> · Hôm nay · <mark>Hà Nội</mark> mưa to."
    far = "Hà Nội\n" + "Hôm nay trời đẹp. " * 30 + "Hà Nội mưa to.\n"
    snippet = snippet_html(far, find_matches(far, patterns("ha noi")))
    assert snippet.startswith("… ") and "<mark>Hà Nội</mark> mưa to." in snippet


def test_a_snippet_of_a_long_text_is_cut_around_the_match_with_ellipses() -> None:
    filler = "một hai ba bốn năm sáu bảy tám chín mười " * 40
    text = f"Tiêu đề\n{filler}Chủ tịch nước đến thăm. {filler}"
    snippet = snippet_html(text, find_matches(text, patterns("chu tich nuoc")))
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>Chủ tịch nước</mark>" in snippet
    visible = re.sub(r"</?mark>", "", snippet)
    assert len(visible) <= SNIPPET_CHARS + 2 * 20 + 4  # a window, widened to whole words
    words = visible.removeprefix("… ").removesuffix(" …").split()
    assert all(word in filler.split() or word in text.split() for word in words)


def test_without_matches_the_snippet_is_the_start_of_the_body() -> None:
    snippet = snippet_html("Tiêu đề\nDòng đầu tiên.\nDòng hai.\n", [])
    assert snippet == "… Dòng đầu tiên. · Dòng hai."


def test_reader_html_has_one_numbered_anchor_per_match_in_order() -> None:
    text = "Bạn học\n\nNgười bạn cũ <i>đến</i> chơi với bạn.\n"
    matches = find_matches(text, patterns("ban"))
    html = reader_html(text, matches)
    assert len(matches) == 3
    assert re.findall(r'<a name="match-(\d+)"></a><mark>([^<]*)</mark>', html) == [
        ("1", "Bạn"),
        ("2", "bạn"),
        ("3", "bạn"),
    ]
    assert html.count("<p>") == 2  # one paragraph per non-empty line
    assert "&lt;i&gt;đến&lt;/i&gt;" in html


WORDS = ["Hà", "Nội", "hà", "nội", "Đường", "đường", "dương", "bạn", "bán", "ban", "an", "ăn"]
SEPARATORS = [" ", "  ", ", ", ".\n", "-", " <b> ", "\n\n"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=25),
    st.lists(st.sampled_from(["ha", "noi", "duong", "ban", "an", "dương"]), min_size=1, max_size=3),
)
def test_every_query_word_is_marked_and_nothing_else(
    parts: list[tuple[str, str]], query_words: list[str]
) -> None:
    text = "".join(word + gap for word, gap in parts)
    matches = find_matches(text, patterns(" OR ".join(query_words)))
    wanted = {fold(word) for word in query_words}
    expected = [m.span() for m in SYLLABLE.finditer(text) if fold(m.group()) in wanted]
    covered = [m.span() for start, end in matches for m in SYLLABLE.finditer(text, start, end)]
    assert covered == expected
    assert all(0 <= s < e <= len(text) for s, e in matches)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(matches))  # ordered, apart
    html = reader_html(text, matches)
    assert html.count("<mark>") == len(matches)
    assert "<b>" not in html and "<b>" not in snippet_html(text, matches)


def test_a_limited_search_finds_the_first_matches_of_a_giant_text_quickly() -> None:
    line = "Chủ tịch nước tiếp đoàn. Nước sạch cho dân.\n"
    text = line * 200_000  # 8.8 million characters
    found = find_matches(text, patterns("chu tich nuoc"), limit=50)
    assert found == find_matches(line * 25, patterns("chu tich nuoc"))  # two a line
    one_line = " ".join(["chủ tịch nước"] * 30_000)  # no line end: cut at a hard break or so
    assert len(find_matches(one_line, patterns("chu tich nuoc"), limit=10)) <= 10
    assert find_matches("Chủ tịch nước", patterns("chu tich nuoc"), limit=0) == []
