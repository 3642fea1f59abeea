"""The cache of recent answers: keyed by every search argument, least recently used forgotten.

Cleared when the index changes, so a search never answers from an older generation.
"""

from __future__ import annotations

from collections.abc import Callable

from index.engine import Engine
from index.result_cache import MAX_RESULTS, ResultCache
from index.results import SearchResult

Build = Callable[[dict[str, str | bytes]], Engine]


def result(query: str) -> SearchResult:
    return SearchResult(query, 0, 1.0, [])


def test_a_kept_result_is_found_by_its_key_and_only_by_it() -> None:
    cache = ResultCache()
    kept = result("ha noi")
    cache.put(("ha noi", 10, False), kept)
    assert cache.get(("ha noi", 10, False)) is kept
    assert cache.get(("ha noi", 10, True)) is None
    assert cache.get(("ha noi", 20, False)) is None


def test_the_least_recently_used_result_is_forgotten_past_the_size() -> None:
    cache = ResultCache(size=2)
    cache.put("a", result("a"))
    cache.put("b", result("b"))
    assert cache.get("a") is not None  # `a` is now the most recently used
    cache.put("c", result("c"))
    assert cache.get("b") is None
    assert [q for q in ("a", "c") if (r := cache.get(q)) and r.query == q] == ["a", "c"]


def test_putting_a_key_again_replaces_its_result_and_refreshes_it() -> None:
    cache = ResultCache(size=2)
    cache.put("a", result("old"))
    cache.put("b", result("b"))
    cache.put("a", result("new"))
    cache.put("c", result("c"))
    assert cache.get("b") is None
    answer = cache.get("a")
    assert answer is not None and answer.query == "new"


def test_the_default_size_holds_max_results() -> None:
    cache = ResultCache()
    for n in range(MAX_RESULTS + 1):
        cache.put(n, result(str(n)))
    assert cache.get(0) is None
    assert all(cache.get(n) is not None for n in range(1, MAX_RESULTS + 1))


def test_clear_forgets_everything() -> None:
    cache = ResultCache()
    cache.put("a", result("a"))
    cache.clear()
    assert cache.get("a") is None


def test_the_engine_keys_by_every_argument_that_shapes_the_answer(build_engine: Build) -> None:
    engine = build_engine({"a.txt": "Bạn\nbạn\n", "b.txt": "Bán\nbán\n"})
    loose = engine.search("bán")
    exact = engine.search("bán", exact=True)
    one = engine.search("bán", limit=1)
    assert (loose.total, exact.total, len(one.hits)) == (2, 1, 1)
    assert engine.search("bán", limit=1).hits == one.hits
    assert len(engine.search("bán").hits) == 2
