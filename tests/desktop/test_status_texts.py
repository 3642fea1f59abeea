"""What the window says: the empty pane's message, result and document counts, its links."""

from __future__ import annotations

import html
import re

import pytest

from desktop.status_texts import (
    LinkAction,
    document_count,
    empty_state,
    link_href,
    parse_link,
    result_count,
)
from index import Engine, SortOrder


def hrefs(rich: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]*)"', rich)]


def test_building_says_the_first_start_takes_a_moment(app, translations) -> None:
    title, body = empty_state(building=True, doc_count=0, query="", no_results=False, exact=False)
    assert title == "Building the index…"
    assert "bundled articles" in body


def test_no_query_invites_a_search_of_the_collection(app, translations) -> None:
    title, body = empty_state(building=False, doc_count=2, query="", no_results=False, exact=False)
    assert title == "Search 2 documents"
    assert "<i>Chủ tịch nước</i>" in body


def test_no_results_offers_to_turn_off_match_accents(app, translations) -> None:
    title, body = empty_state(
        building=False, doc_count=2, query="<chủ>", no_results=True, exact=True
    )
    assert title == "No results for “&lt;chủ&gt;”"  # the query is shown, never run as markup
    assert "Turn off Match accents" in body
    assert [parse_link(href) for href in hrefs(body)] == [(LinkAction.EXACT_OFF, "")]
    _title, loose = empty_state(
        building=False, doc_count=2, query="chủ", no_results=True, exact=False
    )
    assert hrefs(loose) == []


def test_results_shown_need_no_message(app, translations) -> None:
    shown = empty_state(building=False, doc_count=2, query="nga", no_results=False, exact=False)
    assert shown == ("", "")


def test_result_counts(app, translations, seed_engine: Engine) -> None:
    everything = seed_engine.search("nga")
    assert re.fullmatch(r"2 results · \d+ ms", result_count(everything))
    one = seed_engine.search("chu tich nuoc")
    assert re.fullmatch(r"1 result · \d+ ms", result_count(one))
    some = seed_engine.search("nga", limit=1)
    assert re.fullmatch(r"1 of 2 results · \d+ ms", result_count(some))
    uncounted = seed_engine.search("nga", limit=1, sort=SortOrder.DATE, count=False)
    assert not uncounted.total_exact
    assert re.fullmatch(r"1 of at least 2 results · \d+ ms", result_count(uncounted))


@pytest.mark.parametrize(
    ("count", "english", "vietnamese"),
    [(1, "1 document", "1 tài liệu"), (2, "2 documents", "2 tài liệu")],
)
def test_document_count_in_both_languages(
    app, translations, count: int, english: str, vietnamese: str
) -> None:
    assert document_count(count) == english
    translations.apply("vi")
    assert document_count(count) == vietnamese


@pytest.mark.parametrize(
    ("action", "argument", "href"),
    [
        (LinkAction.QUERY, "chủ tịch nước", "query:chủ tịch nước"),
        (LinkAction.QUERY, "a:b", "query:a:b"),
        (LinkAction.EXACT_OFF, "", "action:exact-off"),
        (LinkAction.ADD_FOLDER, "", "action:add-folder"),
    ],
)
def test_links_round_trip(action: LinkAction, argument: str, href: str) -> None:
    assert link_href(action, argument) == href
    assert parse_link(href) == (action, argument)


@pytest.mark.parametrize("href", ["https://example.invalid", "action:format-disk", "", "query"])
def test_links_the_window_never_makes_mean_nothing(href: str) -> None:
    assert parse_link(href) is None
