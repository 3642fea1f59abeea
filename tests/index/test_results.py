"""The plain result objects: the `search --json` contract shape and the indexing report.

Optional JSON keys appear only when they have something to say, as README.md documents.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from index.engine import Engine
from index.results import (
    SORT_CHOICES,
    Hit,
    IndexReport,
    SearchResult,
    SkippedFile,
    SortOrder,
    Variant,
)

Build = Callable[[dict[str, str | bytes]], Engine]
HIT_KEYS = {"path", "title", "date", "score", "snippet", "matches"}


def a_hit() -> Hit:
    return Hit(
        path="/docs/dak-lak.txt",
        title="Lãnh đạo Bộ Công an thăm Nga",
        date="21/09/2025",
        score=10002.853712,
        snippet="… ở <mark>Đắk Lắk</mark> …",
        matches=[(2228, 2235), (2379, 2386)],
        folder="/docs",
        encoding="windows-1258",
    )


def test_json_has_exactly_the_contract_keys_when_there_is_nothing_more_to_say() -> None:
    payload = SearchResult("dak lak", 1, 6.54321, [a_hit()]).to_json()
    assert set(payload) == {"query", "total", "took_ms", "hits"}
    assert (payload["query"], payload["total"], payload["took_ms"]) == ("dak lak", 1, 6.543)
    assert payload["hits"] == [
        {
            "path": "/docs/dak-lak.txt",
            "title": "Lãnh đạo Bộ Công an thăm Nga",
            "date": "21/09/2025",
            "score": 10002.8537,
            "snippet": "… ở <mark>Đắk Lắk</mark> …",
            "matches": [[2228, 2235], [2379, 2386]],
        }
    ]


@pytest.mark.parametrize(
    ("options", "key", "expected"),
    [
        (
            {"variants": [Variant("dak", "đắk", 1), Variant("lak", "lắk", 2)]},
            "variants",
            [
                {"word": "dak", "form": "đắk", "count": 1},
                {"word": "lak", "form": "lắk", "count": 2},
            ],
        ),
        ({"corrected_query": "việt nam"}, "corrected_query", "việt nam"),
        ({"suggestion": "người"}, "suggestion", "người"),
    ],
)
def test_optional_keys_appear_only_when_they_say_something(
    options: dict[str, object], key: str, expected: object
) -> None:
    payload = SearchResult("q", 0, 1.0, [], **options).to_json()  # type: ignore[arg-type]
    assert set(payload) == {"query", "total", "took_ms", "hits", key}
    assert payload[key] == expected


def test_json_survives_a_round_trip_through_text() -> None:
    result = SearchResult("dak lak", 1, 6.5, [a_hit()], variants=[Variant("dak", "đắk", 1)])
    text = json.dumps(result.to_json(), ensure_ascii=False)
    assert json.loads(text) == result.to_json()
    assert "Đắk Lắk" in text


def test_a_real_search_answers_in_the_contract_shape(build_engine: Build) -> None:
    engine = build_engine({"vn.txt": "Việt Nam\nViệt Nam và Nga hợp tác.\n"})
    payload = engine.search("vieejt nam").to_json()
    assert set(payload) == {"query", "total", "took_ms", "hits", "corrected_query"}
    assert payload["corrected_query"] == "việt nam"
    hits = payload["hits"]
    assert isinstance(hits, list) and len(hits) == 1 and set(hits[0]) == HIT_KEYS
    unaccented = engine.search("viet").to_json()
    assert unaccented["variants"] == [{"word": "viet", "form": "việt", "count": 1}]
    assert engine.search("nguoi").to_json()["hits"] == []


@pytest.mark.parametrize(
    ("report", "changed"),
    [
        (IndexReport(), False),
        (IndexReport(unchanged=5, skipped=[SkippedFile("/x.bin", "binary")]), False),
        (IndexReport(added=1), True),
        (IndexReport(updated=1, unchanged=3), True),
        (IndexReport(removed=2), True),
    ],
)
def test_a_report_says_whether_the_run_changed_the_index(
    report: IndexReport, changed: bool
) -> None:
    assert report.changed is changed


def test_sort_orders_are_the_cli_choices() -> None:
    assert [order.value for order in SortOrder] == ["relevance", "date", "oldest", "name"]
    assert SortOrder("date") is SortOrder.DATE
    assert SortOrder("newest") is SortOrder.DATE  # "date" stays the older spelling of newest
    assert set(SORT_CHOICES) == {"relevance", "date", "newest", "oldest", "name"}
    with pytest.raises(ValueError):
        SortOrder("by-size")
