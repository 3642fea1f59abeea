"""The keystroke workload: every prefix of every query of the mix, as a person types it.

From 2 characters up, the last word (no space after it yet) a prefix; each engine is asked
top 10 with snippets, and judged by whether its results vanish or head toward the finished query.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence

from bench.measure import percentile

MIN_CHARS = 2


def keystrokes(queries: Sequence[str]) -> list[tuple[str, str]]:
    """(what is typed so far, the finished query) for every keystroke of every query."""
    typed: list[tuple[str, str]] = []
    for query in queries:
        typed += [(query[:end], query) for end in range(MIN_CHARS, len(query) + 1)]
    return typed


def as_words(text: str) -> str:
    """A prefix as the peers take it: quotes dropped (half a phrase is not syntax yet)."""
    return text.replace('"', " ")


def judge(
    typed: Sequence[tuple[str, str]],
    answer: Callable[[str], list[str]],
    finished: Callable[[str], list[str]],
) -> dict[str, object]:
    """Latencies and shares for one engine: `answer(prefix)` ranks while typing, `finished(query)`
    as a whole query (each returns the top paths, best first)."""
    firsts: dict[str, str] = {}
    for _, query in typed:
        if query not in firsts:
            top = finished(query)
            firsts[query] = top[0] if top else ""
    latencies: list[float] = []
    vanished = on_track = counted = 0
    for prefix, query in typed:
        started = time.perf_counter()
        top = answer(prefix)
        latencies.append((time.perf_counter() - started) * 1000)
        first = firsts[query]
        if first:
            counted += 1
            vanished += not top
            on_track += first in top
    return {
        "latencies_ms": latencies,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "vanished_pct": 100.0 * vanished / counted if counted else None,
        "on_track_pct": 100.0 * on_track / counted if counted else None,
        "keystrokes": len(typed),
    }


PASTED_WORDS = 200
PASTED_QUERIES = 30


def pasted_paragraphs(files: Sequence[str]) -> list[tuple[str, str]]:
    """(a run of up to 200 words with their punctuation, the file it was cut from), from the
    first files of the corpus: what a person pastes from an article they read."""
    from pathlib import Path

    runs: list[tuple[str, str]] = []
    for name in files[:PASTED_QUERIES]:
        words = Path(name).read_text(encoding="utf-8").split()
        start = len(words) // 4
        runs.append((" ".join(words[start : start + PASTED_WORDS]), name))
    return runs


def judge_pasted(
    runs: Sequence[tuple[str, str]], answer: Callable[[str], list[str]]
) -> dict[str, object]:
    """Latencies of pasted paragraphs, and the share whose source comes first."""
    latencies: list[float] = []
    first = 0
    for text, source in runs:
        started = time.perf_counter()
        top = answer(text)
        latencies.append((time.perf_counter() - started) * 1000)
        # Resolved: our index records real paths, the corpus may be reached through a link.
        first += bool(top) and os.path.realpath(top[0]) == os.path.realpath(source)
    return {
        "latencies_ms": latencies,
        "p95_ms": percentile(latencies, 95),
        "source_first_pct": 100.0 * first / len(runs) if runs else None,
    }


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.keystrokes INDEX_DIR`: our keystroke figures on one built index."""
    import argparse
    import json

    from bench.corpus import load_queries
    from bench.ours import phase_keystrokes

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("index_dir")
    args = parser.parse_args(argv)
    result = phase_keystrokes(args.index_dir, load_queries())
    result.pop("latencies_ms")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
