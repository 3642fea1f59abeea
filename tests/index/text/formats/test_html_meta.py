"""A page's own word on its title and date: og:title, h1 or <title>, published-time meta.

The site's name after the separator is never part of the title.
"""

from __future__ import annotations

import pytest

from index.text.formats.html_meta import meta_values, page_date, page_title, strip_site_name
from index.text.formats.html_tree import parse_html
from index.text.formats.limits import Deadline


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Bão số 3 đổ bộ - VnExpress", "", "Bão số 3 đổ bộ"),
        ("Bão số 3 đổ bộ | Tuổi Trẻ Online", "", "Bão số 3 đổ bộ"),
        ("Bão số 3 đổ bộ – Báo Dân trí", "Báo Dân trí", "Bão số 3 đổ bộ"),
        ("VnExpress - Bão số 3 đổ bộ", "VnExpress", "Bão số 3 đổ bộ"),
        ("Hà Nội - Hải Phòng thông xe cao tốc mới", "", "Hà Nội - Hải Phòng thông xe cao tốc mới"),
        ("Bão số 3", "", "Bão số 3"),
    ],
)
def test_the_site_name_is_taken_off_the_title(title: str, site: str, expected: str) -> None:
    assert strip_site_name(title, site) == expected


def _meta(markup: str) -> tuple[str, str]:
    html = parse_html(markup, Deadline())
    meta = meta_values(html)
    return page_title(html, meta), page_date(meta)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<meta property="og:title" content="Lũ miền Trung - VnExpress">'
            '<meta property="article:published_time" content="2024-10-05T07:00:00+07:00">',
            ("Lũ miền Trung", "05/10/2024"),
        ),
        (
            '<title>Lũ miền Trung | Tuổi Trẻ Online</title><meta name="pubdate" '
            'content="05/10/2024 07:00">',
            ("Lũ miền Trung", "05/10/2024"),
        ),
        ('<meta itemprop="datePublished" content="2023-01-02">', ("", "02/01/2023")),
        ('<title>Ghi chép</title><meta name="date" content="sắp tới">', ("Ghi chép", "")),
    ],
)
def test_title_and_date_come_from_the_meta(head: str, expected: tuple[str, str]) -> None:
    assert _meta(f"<html><head>{head}</head><body><p>x</p></body></html>") == expected


def test_a_time_element_dates_a_page_without_date_meta() -> None:
    assert _meta("<body><time datetime='2022-12-31'>Hôm qua</time></body>")[1] == "31/12/2022"
