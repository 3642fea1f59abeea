"""What the index records about a document: its title and its date.

The title is the first non-empty line; the date is the article's own date line if it has one.
"""

from __future__ import annotations

import pytest

from index.text.describe import date_of, title_of
from tests.conftest import MOSCOW_VISIT


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Tin\nNgày 17-20/9/2025 ở Moskva\n21/09/2025\nNội dung", "21/09/2025"),
        ("Tin\nSáng 25/10, từ ngày 25 – 26/10/2025\nNội dung", "26/10/2025"),
        ("Tin\n2024-05-06\nNội dung 01/02/2019", "06/05/2024"),
        ("Tin\nNgày 32/13/2020 không có thật\n", ""),
        ("Tin không ngày\nNội dung\n", ""),
    ],
)
def test_date_of(text: str, date: str) -> None:
    assert date_of(text) == date


def test_the_seed_article_dates_itself_by_its_date_line() -> None:
    assert date_of(MOSCOW_VISIT.read_text(encoding="utf-8")) == "21/09/2025"


@pytest.mark.parametrize(
    ("text", "title"),
    [("\n\n  Tiêu đề  \nThân bài", "Tiêu đề"), ("", ""), ("Một dòng", "Một dòng")],
)
def test_title_of(text: str, title: str) -> None:
    assert title_of(text) == title
