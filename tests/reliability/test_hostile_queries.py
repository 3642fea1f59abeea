"""Queries that once cost seconds or gigabytes, or crashed: each answers, and quickly.

The bound is a guard against unbounded work (a 10,000-character token took 29 s and 7 GB),
not a speed figure: those come from `make bench`.
"""

from __future__ import annotations

import random
import string
import time

import pytest

from index import Engine

GUARD_SECONDS = 5.0
_rng = random.Random(12)
HOSTILE = {
    "10,000-character token": "x" * 10_000,
    "10,000 random letters": "".join(_rng.choice(string.ascii_lowercase) for _ in range(10_000)),
    "500 words": " ".join(_rng.choice(["chu", "tich", "nuoc", "ban"]) for _ in range(500)),
    "500-word phrase": '"' + " ".join(["nga"] * 500) + '"',
    "200 ORs": " OR ".join(f"w{n}" for n in range(200)),
    "300 nested parentheses": "(" * 300 + "nga" + ")" * 300,
    "wildcards everywhere": " ".join(["*a*"] * 50),
    "lone operators": "AND OR NOT ANDNOT ANDMAYBE",
    "stray combining marks": "\u0301" * 5000 + "đ" * 3000,
    "200 Telex words": " ".join(["vieejt"] * 200),
    "200 unknown words": " ".join(
        "".join(_rng.choice(string.ascii_lowercase) for _ in range(8)) for _ in range(200)
    ),
    "a pasted page": "chính thức Nga của Tổng Bí thư Tô Lâm (tháng 5/2025), " * 300,
    "unbalanced quotes and colons": 'title:"nga exact: "" :: ((',
    "control characters": "nga\x00\x07\x1b[31m",
}


@pytest.mark.parametrize("query", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_query_answers_in_bounded_time(seeds_engine: Engine, query: str) -> None:
    started = time.perf_counter()
    result = seeds_engine.search(query)
    wall = time.perf_counter() - started
    assert result.total >= 0
    assert wall < GUARD_SECONDS
    assert result.took_ms <= wall * 1000 + 1  # took_ms counts the whole search
