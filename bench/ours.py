"""Our engine under the benchmark: index/ build, search, incremental update, and the app launch.

Search runs in-process (top 10 with snippets); relevance overlap uses `exhaustive=True` if offered.
"""

from __future__ import annotations

import inspect
import os
import shutil
import sys
import tempfile
import time
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from bench.measure import disk_size, peak_rss_kb, run_command

APP_TIMEOUT_S = 60.0


def phase_build(corpus: str, index_dir: str, procs: int | None = None) -> dict[str, object]:
    """Build our index of the corpus from scratch."""
    from index.indexing.update import update_index

    shutil.rmtree(index_dir, ignore_errors=True)
    Path(index_dir).mkdir(parents=True)
    started = time.perf_counter()
    report = update_index([Path(corpus)], Path(index_dir), rebuild=True, procs=procs)
    wall = time.perf_counter() - started
    return {
        "wall_s": wall,
        "docs": report.added + report.updated,
        "skipped": len(report.skipped),
        "size_bytes": disk_size(Path(index_dir)),
    }


def phase_search(
    index_dir: str, queries: list[str], rounds: int, overlap: bool = True
) -> dict[str, object]:
    """Open the index, answer the query mix `rounds` times, then (with `overlap`) measure
    relevance overlap."""
    from index.engine import Engine

    started = time.perf_counter()
    engine = Engine(Path(index_dir))
    open_ms = (time.perf_counter() - started) * 1000
    latencies: list[float] = []
    totals: dict[str, int] = {}
    for _ in range(rounds):
        for query in queries:
            # Every round pays full price: the engine's cache of recent answers would make
            # rounds two and three a dictionary lookup.
            engine.clear_result_cache()
            t0 = time.perf_counter()
            # Top 10 with snippets, as the window asks while typing and as FTS5's LIMIT 10
            # answers; the exact total is counted apart (the row below).
            result = engine.search(query, limit=10, count=False)
            _ = [hit.snippet for hit in result.hits]  # snippets are part of the answer
            latencies.append((time.perf_counter() - t0) * 1000)
            totals[query] = result.total
    counted: list[float] = []
    for query in queries:
        engine.clear_result_cache()
        t0 = time.perf_counter()
        totals[query] = engine.search(query, limit=10).total  # with the exact total
        counted.append((time.perf_counter() - t0) * 1000)
    # The searching peak: the relevance check below opens a second, exhaustive searcher.
    search_peak_kb = peak_rss_kb()
    shared = _overlap(engine, queries) if overlap else None
    checks = {
        "doc_count": engine.doc_count() if hasattr(engine, "doc_count") else None,
        "needs_rebuild": bool(getattr(engine, "needs_rebuild", False)),
        "no_hits": sorted(query for query, total in totals.items() if not total),
    }
    engine.close()
    return {
        "open_ms": open_ms,
        "latencies_ms": latencies,
        "counted_latencies_ms": counted,
        "overlap": shared,
        "search_peak_rss_kb": search_peak_kb,
        **checks,
    }


def _overlap(engine: Any, queries: list[str]) -> float | None:
    """Mean share of the exhaustive top 10 that the fast top 10 also holds; None if unsupported."""
    search = engine.search
    if "exhaustive" not in inspect.signature(search).parameters:
        return None
    shares = []
    for query in queries:
        fast = {hit.path for hit in search(query, limit=10).hits}
        full = {hit.path for hit in search(query, limit=10, exhaustive=True).hits}
        shares.append(len(fast & full) / max(len(fast), len(full)) if fast or full else 1.0)
    return sum(shares) / len(shares)


def phase_keystrokes(index_dir: str, queries: list[str]) -> dict[str, object]:
    """Every keystroke of the query mix as the window searches it (typing mode), top 10 with
    snippets; the finished queries searched as whole queries."""
    from bench.keystrokes import judge, keystrokes
    from index.engine import Engine

    engine = Engine(Path(index_dir))

    def search(text: str, typing: bool) -> list[str]:
        engine.clear_result_cache()  # every keystroke pays full price
        result = engine.search(text, limit=10, count=False, typing=typing)
        _ = [hit.snippet for hit in result.hits]
        return [hit.path for hit in result.hits]

    try:
        return judge(
            keystrokes(queries), lambda text: search(text, True), lambda q: search(q, False)
        )
    finally:
        engine.close()


def phase_pasted(index_dir: str, files: list[str]) -> dict[str, object]:
    """Paragraphs of 200 words pasted as queries, top 10 with snippets."""
    from bench.keystrokes import judge_pasted, pasted_paragraphs
    from index.engine import Engine

    engine = Engine(Path(index_dir))

    def search(text: str) -> list[str]:
        engine.clear_result_cache()
        result = engine.search(text, limit=10, count=False)
        _ = [hit.snippet for hit in result.hits]
        return [hit.path for hit in result.hits]

    try:
        return judge_pasted(pasted_paragraphs(files), search)
    finally:
        engine.close()


def phase_reindex(corpus: str, index_dir: str, procs: int | None = None) -> dict[str, object]:
    """Incremental update of an existing index after one file changed."""
    from index.indexing.update import update_index

    started = time.perf_counter()
    report = update_index([Path(corpus)], Path(index_dir), procs=procs)
    return {"wall_s": time.perf_counter() - started, "updated": report.added + report.updated}


def phase_reindex_named(index_dir: str, path: str) -> dict[str, object]:
    """The watcher's update: one changed file named, its folder's records read, no walk."""
    from index.indexing.changes import update_paths

    started = time.perf_counter()
    done = update_paths([Path(path)], Path(index_dir))
    return {"wall_s": time.perf_counter() - started, "updated": len(done.indexed)}


def _timtin() -> list[str]:
    """What the `timtin` script runs, imported from this checkout (an editable install may not)."""
    found = [ep for ep in entry_points(group="console_scripts") if ep.name == "timtin"]
    module, _, func = (found[0].value if found else "desktop.launch:main").partition(":")
    code = f"import sys; from {module} import {func}; sys.exit({func}())"
    return [sys.executable, "-c", code]


def app_ready(index_dir: Path) -> dict[str, object]:
    """Seconds from launching `timtin --screenshot` on the index until it exits with a picture.

    Run from the repo root, so the app imports the same `index` and `desktop` as the benchmark.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        shot = Path(tmp) / "ready.png"
        cmd = [*_timtin(), "--screenshot", str(shot), "--index-dir", str(index_dir)]
        run = run_command(cmd, env=env, timeout=APP_TIMEOUT_S)
        if run.timed_out:
            return {"error": f"no window within {APP_TIMEOUT_S:.0f} s"}
        if run.returncode != 0 or not shot.exists():
            return {"error": f"exit {run.returncode}: {run.tail(3)}"}
    return {"wall_s": run.wall_s, "peak_rss_kb": run.maxrss_kb}
