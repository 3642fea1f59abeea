"""`timtin --self-test`: prove this copy of the program works, from source or frozen.

Indexes the bundled seeds in a throw-away folder, searches with and without accents, checks
the highlight, opens and closes the window; prints every check, exits 0 only if all held.
"""

from __future__ import annotations

import functools
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from index import Engine, __version__, read_text, update_index
from index.paths import bundle_root, seeds_dir

LEADER_PREFIX = "004_"  # the seed about Chủ tịch nước Lương Cường
ACCENTED = "Chủ tịch nước"
QUERIES = ("chu tich nuoc", ACCENTED)


class SelfTest:
    """Runs named checks in order, prints one line per check, remembers failures."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failures: list[str] = []

    def say(self, line: str) -> None:
        """Print one line of the report."""
        print(line, file=self.out, flush=True)

    def check(self, name: str, run: Callable[[], str | list[str]]) -> bool:
        """Run one named check and report it; False (and remembered) if it failed."""
        started = time.perf_counter()
        try:
            detail = run()
        except Exception as error:  # a self-test reports every failure, whatever it is
            self.failures.append(name)
            self.say(f"FAIL {name}: {type(error).__name__}: {error}")
            return False
        took = f" ({(time.perf_counter() - started) * 1000:.0f} ms)"
        if isinstance(detail, list):
            for line in detail:
                self.say(f"ok   {name}: {line}")
            self.say(f"ok   {name}{took}")
        else:
            self.say(f"ok   {name}: {detail}{took}")
        return True


def check_seeds() -> str:
    """The bundled seeds are there, the Lương Cường article among them."""
    seeds = sorted(seeds_dir().glob("*.txt"))
    if not any(seed.name.startswith(LEADER_PREFIX) for seed in seeds):
        raise AssertionError(f"no {LEADER_PREFIX}… seed in {seeds_dir()}")
    return f"{len(seeds)} seed files in {seeds_dir()}"


def check_index(index_dir: Path, procs: int) -> str:
    """The seeds index in `procs` processes, every seed added and none skipped."""
    report = update_index([seeds_dir()], index_dir, rebuild=True, procs=procs)
    seeds = len(list(seeds_dir().glob("*.txt")))
    if report.skipped or report.added != seeds:
        raise AssertionError(f"expected {seeds} added, got {report}")
    workers = "one process" if procs == 1 else f"{procs} worker processes"
    return f"indexed {report.added} seeds with {workers} into {index_dir}"


def check_query(engine: Engine, query: str) -> str:
    """`query` finds the Lương Cường article first."""
    result = engine.search(query)
    if not result.hits:
        raise AssertionError(f"no hits for {query!r}")
    first = Path(result.hits[0].path).name
    if not first.startswith(LEADER_PREFIX):
        raise AssertionError(f"{query!r}: first hit is {first}, expected {LEADER_PREFIX}…")
    return f"{query!r} -> {result.total} hit(s), first {first}"


def check_highlight(engine: Engine) -> str:
    """The unaccented query marks the accented words, and its offsets point at them."""
    hit = engine.search(QUERIES[0]).hits[0]
    marked = f"<mark>{ACCENTED}</mark>"
    if marked not in hit.snippet:
        raise AssertionError(f"snippet lacks {marked}: {hit.snippet[:200]!r}")
    payload = json.loads(json.dumps(engine.search(QUERIES[0]).to_json(), ensure_ascii=False))
    spans = payload["hits"][0]["matches"]
    text = read_text(Path(hit.path)).text
    on_word = [(start, end) for start, end in spans if text[start:end] == ACCENTED]
    if not on_word:
        found = [text[start:end] for start, end in spans[:5]]
        raise AssertionError(f"no JSON match span covers {ACCENTED!r}; spans cover {found}")
    start, end = on_word[0]
    return f"snippet has {marked}; JSON span [{start}, {end}] is {text[start:end]!r}"


def check_window() -> list[str]:
    """The window opens, builds, searches, reads and paints (see app.self_test_window)."""
    from desktop.app import self_test_window

    return [line.removeprefix("window: ") for line in self_test_window()]


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check; 0 only if all held."""
    test = SelfTest(out or sys.stdout)
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    test.say(
        f"Tìm Tin {__version__} self-test ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})"
    )
    test.say(f"bundle: {bundle_root()}")
    test.check("seeds", check_seeds)
    with tempfile.TemporaryDirectory(prefix="timtin-selftest-") as scratch:
        index_dir = Path(scratch) / "index"
        if test.check("index", lambda: check_index(index_dir, 1)):
            engine = Engine(index_dir)
            try:
                for query in QUERIES:
                    test.check("search", functools.partial(check_query, engine, query))
                test.check("highlight", lambda: check_highlight(engine))
            finally:
                engine.close()
        # Worker processes, the path big folders take (index.indexing.parallel_build): works
        # frozen only with freeze_support() and importable analyzers.
        test.check("parallel index", lambda: check_index(Path(scratch) / "parallel", 2))
    test.check("window", check_window)
    if test.failures:
        test.say(f"self-test FAILED: {', '.join(dict.fromkeys(test.failures))}")
        return 1
    test.say("self-test passed")
    return 0
