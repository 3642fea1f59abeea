"""Finding the article on a news page: its heading, date line, lead and paragraphs only.

Pages in the layouts the fixtures build, and pages that have no article to find.
"""

from __future__ import annotations

import pytest

from index.text.formats.html_main_text import find_article
from index.text.formats.html_tree import parse_html
from index.text.formats.limits import Deadline
from tests.index.text.formats.web_files import (
    ARTICLE,
    BOILERPLATE,
    SITES,
    VISIBLE_DATE,
    article_truth,
    news_page_html,
)


@pytest.mark.parametrize("site", SITES)
def test_the_article_is_the_heading_date_lead_and_paragraphs(site: str) -> None:
    article = find_article(parse_html(news_page_html(ARTICLE, site), Deadline()), Deadline())
    assert article is not None
    lines = article.text.split("\n")
    truth = article_truth(ARTICLE, site).split("\n")
    assert [line for line in lines if line in truth] == [
        truth[0],
        *sorted(truth[1:], key=lines.index),
    ]
    assert set(truth) <= set(lines)
    assert VISIBLE_DATE[site] in lines
    assert not [line for line in lines if any(phrase in line for phrase in BOILERPLATE)]
    assert len(lines) <= len(truth) + 1  # at most the byline more


def test_the_heading_is_returned_for_the_title() -> None:
    page = news_page_html(ARTICLE, "tuoitre")
    article = find_article(parse_html(page, Deadline()), Deadline())
    assert article is not None
    assert article.heading == ARTICLE.split("\n")[0]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Một đoạn ngắn.</p>",
        "<ul>"
        + "".join(f"<li><a href='/{n}'>Tin số {n} trong ngày</a></li>" for n in range(40))
        + "</ul>",
    ],
)
def test_a_page_without_an_article_has_none(body: str) -> None:
    html = parse_html(f"<html><body><nav><a>Trang chủ</a></nav>{body}</body></html>", Deadline())
    assert find_article(html, Deadline()) is None


def test_a_sidebar_named_column_holding_the_heading_is_kept() -> None:
    # VnExpress calls its main column `sidebar-1`: a class name never outweighs the heading.
    paragraphs = "".join(
        f"<p>Đoạn văn số {n}, đủ dài để là một đoạn của bài báo về mùa nước nổi ở miền Tây.</p>"
        for n in range(5)
    )
    page = (
        "<body><div class='sidebar-1'><h1>Tiêu đề bài</h1><div class='fck_detail'>"
        f"{paragraphs}</div></div><div class='sidebar-2'><a>Tin khác</a></div></body>"
    )
    article = find_article(parse_html(page, Deadline()), Deadline())
    assert article is not None
    assert article.text.startswith("Tiêu đề bài\nĐoạn văn số 0")
    assert "Tin khác" not in article.text
